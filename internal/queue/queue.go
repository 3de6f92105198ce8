// Package queue carries articles from readers to extraction workers
// through a NATS JetStream work queue, so that many processes on many
// machines share the extraction of one stream of articles.
//
// Input: *sitrep.Article values (Publisher.Publish).
// Output: Messages (Queue.Fetch) that give the article back, are
// acknowledged once its result is stored, retried later when they fail,
// and set aside on a dead-letter subject with their error when they keep
// failing.
//
// On the server: the stream SITREP_ARTICLES (work-queue retention) holds
// subjects sitrep.articles.<source>; the message id (Nats-Msg-Id) of an
// article is its store.InputHash, so the server drops a re-publish of the
// same article within the duplicate window (and workers skip one that
// comes later, as already stored). A text longer than Config.InlineMax
// travels through the object store bucket sitrep-texts under the same
// hash, so no message nears the server's size limit. All workers pull
// from one durable consumer, sitrep-workers. Dead letters go to
// sitrep.dead.<source>, kept by the stream SITREP_DEAD.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Names on the server.
const (
	Stream     = "SITREP_ARTICLES"
	DeadStream = "SITREP_DEAD"
	Consumer   = "sitrep-workers"
	Bucket     = "sitrep-texts"
	// Subjects are ArticleSubjects.<source> and DeadSubjects.<source>.
	ArticleSubjects = "sitrep.articles"
	DeadSubjects    = "sitrep.dead"
)

// Message headers set by sitrep besides Nats-Msg-Id.
const (
	// HeaderArticle is the article id.
	HeaderArticle = "Sitrep-Article"
	// HeaderTextObject names the object holding the text, when the
	// message does not carry it.
	HeaderTextObject = "Sitrep-Text-Object"
	// HeaderError, HeaderDeliveries and HeaderSubject are set on a dead
	// letter: why it failed, how many times it was delivered and the
	// subject it was published on.
	HeaderError      = "Sitrep-Error"
	HeaderDeliveries = "Sitrep-Deliveries"
	HeaderSubject    = "Sitrep-Subject"
)

// Config configures the stream and the consumer. Zero fields take the
// defaults of DefaultConfig.
type Config struct {
	// URL is one server or a comma-separated list of a cluster's servers
	// (nats://host:4222,nats://host2:4222).
	URL string
	// Replicas is how many servers keep each message (1, or 3 on a
	// cluster of at least 3).
	Replicas int
	// MaxDeliver is how many times a message is delivered before it goes
	// to the dead-letter subject.
	MaxDeliver int
	// AckWait is how long the server waits for an acknowledgement (or a
	// sign of progress) before it delivers a message again.
	AckWait time.Duration
	// MaxAckPending bounds the messages delivered and not yet
	// acknowledged, over all workers: back-pressure on the workers.
	MaxAckPending int
	// Duplicates is the window in which the server drops a re-published
	// article.
	Duplicates time.Duration
	// MaxBytes bounds the stream (-1: no bound); a full stream refuses
	// new articles and Publish waits and retries: back-pressure on the
	// readers.
	MaxBytes int64
	// InlineMax is the longest text carried in the message itself; a
	// longer one goes through the object store.
	InlineMax int
	Logger    *slog.Logger
}

// DefaultConfig returns the defaults for one server on this machine.
func DefaultConfig() Config {
	return Config{
		URL:           nats.DefaultURL,
		Replicas:      1,
		MaxDeliver:    5,
		AckWait:       2 * time.Minute,
		MaxAckPending: 1024,
		Duplicates:    time.Hour,
		MaxBytes:      -1,
		InlineMax:     256 << 10,
	}
}

func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.URL == "" {
		c.URL = d.URL
	}
	if c.Replicas <= 0 {
		c.Replicas = d.Replicas
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = d.MaxDeliver
	}
	if c.AckWait <= 0 {
		c.AckWait = d.AckWait
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = d.MaxAckPending
	}
	if c.Duplicates <= 0 {
		c.Duplicates = d.Duplicates
	}
	if c.MaxBytes == 0 {
		c.MaxBytes = d.MaxBytes
	}
	if c.InlineMax <= 0 {
		c.InlineMax = d.InlineMax
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// Queue is a connection to the work queue. It is safe for concurrent use.
type Queue struct {
	cfg   Config
	nc    *nats.Conn
	js    jetstream.JetStream
	cons  jetstream.Consumer
	texts jetstream.ObjectStore
}

// Open connects to the servers of cfg.URL and creates or updates the
// streams and the object store bucket.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	cfg = cfg.withDefaults()
	log := cfg.Logger
	nc, err := nats.Connect(cfg.URL,
		nats.Name("sitrep"),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("queue: disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) { log.Info("queue: reconnected", "server", c.ConnectedUrlRedacted()) }),
	)
	if err != nil {
		return nil, fmt.Errorf("queue: connect %s: %w", redact(cfg.URL), err)
	}
	q := &Queue{cfg: cfg, nc: nc}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

func (q *Queue) setup(ctx context.Context) error {
	js, err := jetstream.New(q.nc)
	if err != nil {
		return fmt.Errorf("queue: jetstream: %w", err)
	}
	q.js = js
	c := q.cfg
	_, err = retry(ctx, func() (jetstream.Stream, error) {
		return js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
			Name:        Stream,
			Description: "sitrep: articles waiting for extraction",
			Subjects:    []string{ArticleSubjects + ".>"},
			Retention:   jetstream.WorkQueuePolicy,
			Storage:     jetstream.FileStorage,
			Replicas:    c.Replicas,
			Duplicates:  c.Duplicates,
			MaxBytes:    c.MaxBytes,
			Discard:     jetstream.DiscardNew,
		})
	})
	if err != nil {
		return fmt.Errorf("queue: stream %s: %w", Stream, err)
	}
	_, err = retry(ctx, func() (jetstream.Stream, error) {
		return js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
			Name:        DeadStream,
			Description: "sitrep: articles that failed every delivery, with the error",
			Subjects:    []string{DeadSubjects + ".>"},
			Storage:     jetstream.FileStorage,
			Replicas:    c.Replicas,
		})
	})
	if err != nil {
		return fmt.Errorf("queue: stream %s: %w", DeadStream, err)
	}
	q.texts, err = retry(ctx, func() (jetstream.ObjectStore, error) {
		return js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{
			Bucket:      Bucket,
			Description: "sitrep: texts too long for a message",
			Storage:     jetstream.FileStorage,
			Replicas:    c.Replicas,
		})
	})
	if err != nil {
		return fmt.Errorf("queue: object store %s: %w", Bucket, err)
	}
	return nil
}

// Consume creates or updates the workers' consumer, with the
// acknowledgement settings of the Config, so that Fetch and Lag can be
// used. Publishers do not need it.
func (q *Queue) Consume(ctx context.Context) error {
	c := q.cfg
	var err error
	q.cons, err = retry(ctx, func() (jetstream.Consumer, error) {
		return q.js.CreateOrUpdateConsumer(ctx, Stream, jetstream.ConsumerConfig{
			Durable:       Consumer,
			Description:   "sitrep workers",
			AckPolicy:     jetstream.AckExplicitPolicy,
			AckWait:       c.AckWait,
			MaxDeliver:    c.MaxDeliver,
			MaxAckPending: c.MaxAckPending,
			Replicas:      c.Replicas,
		})
	})
	if err != nil {
		return fmt.Errorf("queue: consumer %s: %w", Consumer, err)
	}
	return nil
}

// retry calls f until it succeeds, ctx is done or a few tries failed:
// just after a server of a cluster stops, the others need a moment to
// elect new leaders.
func retry[T any](ctx context.Context, f func() (T, error)) (T, error) {
	var v T
	var err error
	wait := 100 * time.Millisecond
	for try := 0; try < 8; try++ {
		if v, err = f(); err == nil {
			return v, nil
		}
		select {
		case <-ctx.Done():
			return v, errors.Join(err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 3*time.Second)
	}
	return v, err
}

// Close drains the connection: acknowledgements already sent reach the
// server.
func (q *Queue) Close() error {
	if err := q.nc.Drain(); err != nil {
		q.nc.Close()
		return fmt.Errorf("queue: close: %w", err)
	}
	for q.nc.IsDraining() {
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// AckWait is how long the server waits for an acknowledgement or a sign
// of progress (Message.InProgress) before it delivers a message again.
func (q *Queue) AckWait() time.Duration { return q.cfg.AckWait }

// Healthy reports an error when the connection to the servers is down.
func (q *Queue) Healthy() error {
	if s := q.nc.Status(); s != nats.CONNECTED {
		return fmt.Errorf("queue: %s", strings.ToLower(s.String()))
	}
	return nil
}

// Lag returns how many articles wait in the queue (not yet delivered)
// and how many were delivered and not yet acknowledged.
func (q *Queue) Lag(ctx context.Context) (pending, inFlight uint64, err error) {
	info, err := q.cons.Info(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("queue: lag: %w", err)
	}
	return info.NumPending, uint64(info.NumAckPending), nil
}

// Subject returns the subject an article of source is published on:
// dots and other characters that subjects reserve become '_'.
func Subject(prefix, source string) string {
	if source == "" {
		return prefix + "._"
	}
	b := []byte(source)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	return prefix + "." + string(b)
}

// envelope is a message's body: the article's metadata and, unless it
// went through the object store, its text (sitrep.Article leaves its
// text out of JSON).
type envelope struct {
	Article *sitrep.Article `json:"article"`
	Text    string          `json:"text,omitempty"`
}

// Publisher publishes articles without waiting for each acknowledgement
// of the server; Flush waits for them. It is not safe for concurrent use.
type Publisher struct {
	q       *Queue
	pending []jetstream.PubAckFuture
	// Published counts the articles the stream took; Duplicates those it
	// dropped as already published within the duplicate window.
	Published, Duplicates int
}

// publishWindow is how many publications may await their
// acknowledgement.
const publishWindow = 256

// Publisher returns a new publisher.
func (q *Queue) Publisher() *Publisher { return &Publisher{q: q} }

// Publish sends an article to the queue. An article whose text is longer
// than Config.InlineMax has its text put in the object store first.
func (p *Publisher) Publish(ctx context.Context, a *sitrep.Article) error {
	hash := store.InputHash(a)
	env := envelope{Article: a, Text: a.Text}
	msg := nats.NewMsg(Subject(ArticleSubjects, a.Source))
	msg.Header.Set(HeaderArticle, a.ID)
	if len(a.Text) > p.q.cfg.InlineMax {
		if _, err := retry(ctx, func() (*jetstream.ObjectInfo, error) {
			return p.q.texts.PutString(ctx, hash, a.Text)
		}); err != nil {
			return fmt.Errorf("queue: article %s: put text: %w", a.ID, err)
		}
		env.Text = ""
		msg.Header.Set(HeaderTextObject, hash)
	}
	var err error
	if msg.Data, err = json.Marshal(env); err != nil {
		return fmt.Errorf("queue: article %s: %w", a.ID, err)
	}
	f, err := p.q.js.PublishMsgAsync(msg, jetstream.WithMsgID(hash))
	if err != nil {
		// Too many publications pending: wait for them, then send again.
		if ferr := p.Flush(ctx); ferr != nil {
			return ferr
		}
		if f, err = p.q.js.PublishMsgAsync(msg, jetstream.WithMsgID(hash)); err != nil {
			return fmt.Errorf("queue: publish article %s: %w", a.ID, err)
		}
	}
	p.pending = append(p.pending, f)
	if len(p.pending) >= publishWindow {
		return p.Flush(ctx)
	}
	return nil
}

// Flush waits until the server acknowledged every article published.
// One it refused (a full stream, a cluster electing a leader) is sent
// again, with a growing wait, until it is taken or ctx is done: the
// message id makes a repeat harmless.
func (p *Publisher) Flush(ctx context.Context) error {
	defer func() { p.pending = p.pending[:0] }()
	for _, f := range p.pending {
		var ack *jetstream.PubAck
		select {
		case ack = <-f.Ok():
		case err := <-f.Err():
			msg := f.Msg()
			id := msg.Header.Get(jetstream.MsgIDHeader)
			p.q.cfg.Logger.Warn("queue: publish refused, trying again", "article", msg.Header.Get(HeaderArticle), "err", err)
			ack, err = p.publishSync(ctx, msg, id)
			if err != nil {
				return fmt.Errorf("queue: publish article %s: %w", msg.Header.Get(HeaderArticle), err)
			}
		case <-ctx.Done():
			return fmt.Errorf("queue: publish: %w", ctx.Err())
		}
		if ack.Duplicate {
			p.Duplicates++
		} else {
			p.Published++
		}
	}
	return nil
}

// publishSync sends msg until the server takes it or ctx is done.
func (p *Publisher) publishSync(ctx context.Context, msg *nats.Msg, id string) (*jetstream.PubAck, error) {
	wait := 100 * time.Millisecond
	for {
		m := nats.NewMsg(msg.Subject)
		m.Data = msg.Data
		for k, v := range msg.Header {
			m.Header[k] = v
		}
		ack, err := p.q.js.PublishMsg(ctx, m, jetstream.WithMsgID(id))
		if err == nil {
			return ack, nil
		}
		select {
		case <-ctx.Done():
			return nil, errors.Join(err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// Message is an article delivered to a worker.
type Message struct {
	q   *Queue
	msg jetstream.Msg
	// ID is the article id and Hash its store.InputHash, from the
	// headers, so that a worker can tell an article already stored
	// without reading it.
	ID, Hash string
	// Deliveries counts the deliveries of the message, this one included.
	Deliveries uint64
}

// Fetch waits up to wait for at most n articles. It returns fewer, or
// none, when the queue has fewer.
func (q *Queue) Fetch(ctx context.Context, n int, wait time.Duration) ([]*Message, error) {
	fctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	batch, err := q.cons.Fetch(n, jetstream.FetchContext(fctx))
	if err != nil {
		return nil, fmt.Errorf("queue: fetch: %w", err)
	}
	var out []*Message
	for m := range batch.Messages() {
		msg := &Message{q: q, msg: m, ID: m.Headers().Get(HeaderArticle), Hash: m.Headers().Get(jetstream.MsgIDHeader), Deliveries: 1}
		if md, err := m.Metadata(); err == nil {
			msg.Deliveries = md.NumDelivered
		}
		out = append(out, msg)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
		return out, fmt.Errorf("queue: fetch: %w", err)
	}
	return out, nil
}

// Article decodes the article, reading its text from the object store
// when the message does not carry it.
func (m *Message) Article(ctx context.Context) (*sitrep.Article, error) {
	var env envelope
	if err := json.Unmarshal(m.msg.Data(), &env); err != nil {
		return nil, fmt.Errorf("queue: message %s: %w", m.ID, err)
	}
	if env.Article == nil {
		return nil, fmt.Errorf("queue: message %s: no article", m.ID)
	}
	a := env.Article
	a.Text = env.Text
	if obj := m.msg.Headers().Get(HeaderTextObject); obj != "" {
		text, err := m.q.texts.GetString(ctx, obj)
		if err != nil {
			return nil, fmt.Errorf("queue: article %s: text %s: %w", a.ID, obj, err)
		}
		a.Text = text
	}
	if h := store.InputHash(a); m.Hash != "" && h != m.Hash {
		return nil, fmt.Errorf("queue: article %s: content hash %s, message id %s", a.ID, h, m.Hash)
	}
	return a, nil
}

// LastTry reports whether the server will not deliver the message again
// if this delivery fails.
func (m *Message) LastTry() bool { return m.Deliveries >= uint64(m.q.cfg.MaxDeliver) }

// Ack tells the server the article is done (stored) and waits for its
// confirmation, then deletes the text from the object store, if it went
// through it.
func (m *Message) Ack(ctx context.Context) error {
	if err := m.msg.DoubleAck(ctx); err != nil {
		return fmt.Errorf("queue: ack %s: %w", m.ID, err)
	}
	if obj := m.msg.Headers().Get(HeaderTextObject); obj != "" {
		if err := m.q.texts.Delete(ctx, obj); err != nil && !errors.Is(err, jetstream.ErrObjectNotFound) {
			return fmt.Errorf("queue: delete text of %s: %w", m.ID, err)
		}
	}
	return nil
}

// Retry asks for the message again after delay.
func (m *Message) Retry(delay time.Duration) error {
	if err := m.msg.NakWithDelay(delay); err != nil {
		return fmt.Errorf("queue: retry %s: %w", m.ID, err)
	}
	return nil
}

// InProgress tells the server the worker is still on the message, which
// restarts its wait for the acknowledgement.
func (m *Message) InProgress() error { return m.msg.InProgress() }

// DeadLetter publishes the message with its error to the dead-letter
// subject of its source and tells the server never to deliver it again.
// Its text, if in the object store, stays there for a replay.
func (m *Message) DeadLetter(ctx context.Context, cause error) error {
	reason := oneLine(cause.Error())
	if err := m.q.publishDead(ctx, m.msg.Subject(), m.msg.Headers(), m.msg.Data(), reason, m.Deliveries); err != nil {
		return fmt.Errorf("queue: dead-letter %s: %w", m.ID, err)
	}
	if err := m.msg.TermWithReason(reason); err != nil {
		return fmt.Errorf("queue: dead-letter %s: %w", m.ID, err)
	}
	return nil
}

// publishDead publishes a message of subject to the dead-letter subject
// of its source, with the reason and the count of deliveries.
func (q *Queue) publishDead(ctx context.Context, subject string, h nats.Header, data []byte, reason string, deliveries uint64) error {
	dl := nats.NewMsg(DeadSubjects + "." + strings.TrimPrefix(subject, ArticleSubjects+"."))
	dl.Data = data
	for k, v := range h {
		if k != jetstream.MsgIDHeader {
			dl.Header[k] = v
		}
	}
	dl.Header.Set(HeaderError, reason)
	dl.Header.Set(HeaderDeliveries, strconv.FormatUint(deliveries, 10))
	dl.Header.Set(HeaderSubject, subject)
	_, err := q.js.PublishMsg(ctx, dl)
	return err
}

// maxDeliveries is the advisory the server publishes when a message
// reached MaxDeliver deliveries without an acknowledgement.
type maxDeliveries struct {
	StreamSeq  uint64 `json:"stream_seq"`
	Deliveries uint64 `json:"deliveries"`
}

// DeadLetterAbandoned sets aside the articles whose every delivery ended
// without an answer (the worker crashed on them or timed out, so it
// could not dead-letter them itself): it listens for the server's
// max-deliveries advisories, moves each such article to the dead-letter
// subject and removes it from the queue. Workers all call it; each
// advisory goes to one of them. Stop with the returned function.
func (q *Queue) DeadLetterAbandoned(ctx context.Context) (stop func(), err error) {
	subject := "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + Stream + "." + Consumer
	sub, err := q.nc.QueueSubscribe(subject, Consumer, func(msg *nats.Msg) {
		var adv maxDeliveries
		if err := json.Unmarshal(msg.Data, &adv); err != nil {
			q.cfg.Logger.Warn("queue: max-deliveries advisory", "err", err)
			return
		}
		if err := q.deadLetterSeq(ctx, adv); err != nil {
			q.cfg.Logger.Warn("queue: dead-letter an abandoned article", "seq", adv.StreamSeq, "err", err)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("queue: subscribe to advisories: %w", err)
	}
	return func() { sub.Unsubscribe() }, nil
}

func (q *Queue) deadLetterSeq(ctx context.Context, adv maxDeliveries) error {
	s, err := q.js.Stream(ctx, Stream)
	if err != nil {
		return err
	}
	m, err := s.GetMsg(ctx, adv.StreamSeq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil // acknowledged or set aside meanwhile
	}
	if err != nil {
		return err
	}
	reason := fmt.Sprintf("delivered %d times without an answer (the worker crashed or went over the ack wait)", adv.Deliveries)
	if err := q.publishDead(ctx, m.Subject, m.Header, m.Data, reason, adv.Deliveries); err != nil {
		return err
	}
	if err := s.DeleteMsg(ctx, adv.StreamSeq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
		return err
	}
	return nil
}

// DeadLetter is an article set aside after failing.
type DeadLetter struct {
	Subject    string
	ArticleID  string
	Error      string
	Deliveries int
}

// DeadLetters returns the dead letters kept, oldest first.
func (q *Queue) DeadLetters(ctx context.Context) ([]DeadLetter, error) {
	s, err := q.js.Stream(ctx, DeadStream)
	if err != nil {
		return nil, fmt.Errorf("queue: dead letters: %w", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue: dead letters: %w", err)
	}
	var out []DeadLetter
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("queue: dead letter %d: %w", seq, err)
		}
		n, _ := strconv.Atoi(m.Header.Get(HeaderDeliveries))
		out = append(out, DeadLetter{Subject: m.Header.Get(HeaderSubject), ArticleID: m.Header.Get(HeaderArticle), Error: m.Header.Get(HeaderError), Deliveries: n})
	}
	return out, nil
}

// oneLine makes an error fit a header: one line of at most 1000 bytes.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 1000 {
		s = strings.ToValidUTF8(s[:1000], "")
	}
	return s
}

// redact hides passwords and tokens in server URLs.
func redact(urls string) string {
	parts := strings.Split(urls, ",")
	for i, p := range parts {
		if at := strings.LastIndex(p, "@"); at >= 0 {
			if s := strings.Index(p, "://"); s >= 0 && s < at {
				parts[i] = p[:s+3] + "xxxxx" + p[at:]
			}
		}
	}
	return strings.Join(parts, ",")
}
