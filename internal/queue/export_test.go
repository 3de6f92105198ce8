package queue

import (
	"context"
	"errors"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// PublishRaw publishes body as is, with a message id.
func (q *Queue) PublishRaw(ctx context.Context, subject, id string, body []byte) error {
	m := nats.NewMsg(subject)
	m.Data = body
	_, err := q.js.PublishMsg(ctx, m, jetstream.WithMsgID(id))
	return err
}

// TextObjects counts the texts in the object store.
func (q *Queue) TextObjects(ctx context.Context) (int, error) {
	objs, err := q.texts.List(ctx)
	if errors.Is(err, jetstream.ErrNoObjectsFound) {
		return 0, nil
	}
	return len(objs), err
}
