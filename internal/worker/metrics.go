package worker

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	dto "github.com/prometheus/client_model/go"

	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// Metrics are a worker's Prometheus metrics, in a registry of their own.
type Metrics struct {
	reg *prometheus.Registry

	received    prometheus.Counter
	redelivered prometheus.Counter
	skipped     prometheus.Counter
	extracted   prometheus.Counter
	stored      *prometheus.CounterVec
	failed      *prometheus.CounterVec
	retried     prometheus.Counter
	deadLetters prometheus.Counter
	pending     prometheus.Gauge
	inFlight    prometheus.Gauge
	linker      prometheus.Gauge
	stage       *prometheus.HistogramVec
}

// NewMetrics registers the worker's metrics, the Go runtime's and the
// process's (process_cpu_seconds_total gives the CPU per article), and,
// when timings is set, the extraction time per pipeline stage.
func NewMetrics(timings *pipeline.Timings) *Metrics {
	reg := prometheus.NewRegistry()
	f := func(c prometheus.Collector) { reg.MustRegister(c) }
	m := &Metrics{
		reg: reg,
		received: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "sitrep_worker_articles_received_total", Help: "Articles delivered by the queue, deliveries again included."}),
		redelivered: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "sitrep_worker_articles_redelivered_total", Help: "Articles delivered again: a worker stopped or failed before acknowledging them."}),
		skipped: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "sitrep_worker_articles_skipped_total", Help: "Articles acknowledged without extraction: already stored with the same content."}),
		extracted: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "sitrep_worker_articles_extracted_total", Help: "Articles extracted."}),
		stored: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sitrep_worker_articles_stored_total", Help: "Articles written, by outcome (inserted, updated, unchanged)."}, []string{"outcome"}),
		failed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sitrep_worker_articles_failed_total", Help: "Failed deliveries, by stage (decode, extract, store)."}, []string{"stage"}),
		retried: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "sitrep_worker_articles_retried_total", Help: "Failed articles handed back to the queue for a later delivery."}),
		deadLetters: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "sitrep_worker_articles_dead_lettered_total", Help: "Articles set aside on the dead-letter subject."}),
		pending: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "sitrep_queue_pending_articles", Help: "Articles waiting in the queue, not yet delivered (queue lag)."}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "sitrep_queue_in_flight_articles", Help: "Articles delivered to workers and not yet acknowledged."}),
		linker: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "sitrep_worker_linker", Help: "1 while this worker holds the linking lease."}),
		stage: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "sitrep_worker_stage_seconds", Help: "Time of one batch in each step: fetch, resume (the check for articles already stored), extract, store, ack; and of a linking step (link).",
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 10)}, []string{"stage"}),
	}
	for _, c := range []prometheus.Collector{m.received, m.redelivered, m.skipped, m.extracted, m.stored, m.failed, m.retried,
		m.deadLetters, m.pending, m.inFlight, m.linker, m.stage} {
		f(c)
	}
	f(collectors.NewGoCollector())
	f(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if timings != nil {
		f(stageTimes{timings, prometheus.NewDesc("sitrep_extract_stage_seconds_total",
			"Time spent in each extraction stage, summed over articles and threads.", []string{"stage"}, nil)})
	}
	return m
}

// Handler serves /metrics and /healthz, which answers 200 "ok" while
// health returns nil and 503 with the error otherwise.
func (m *Metrics) Handler(health func(context.Context) error) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if err := health(ctx); err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	return mux
}

// Summary sums up the counters, for the log line at exit.
func (m *Metrics) Summary() []any {
	v := func(c prometheus.Collector) int {
		ch := make(chan prometheus.Metric, 8)
		go func() { c.Collect(ch); close(ch) }()
		n := 0.0
		for x := range ch {
			var d dto.Metric
			if x.Write(&d) == nil {
				n += d.GetCounter().GetValue()
			}
		}
		return int(n)
	}
	out := []any{"received", v(m.received), "redelivered", v(m.redelivered), "skipped", v(m.skipped),
		"extracted", v(m.extracted), "stored", v(m.stored), "failed", v(m.failed), "dead_lettered", v(m.deadLetters)}
	ch := make(chan prometheus.Metric, 8)
	go func() { m.stage.Collect(ch); close(ch) }()
	for x := range ch {
		var d dto.Metric
		if x.Write(&d) == nil && len(d.GetLabel()) == 1 {
			out = append(out, d.GetLabel()[0].GetValue()+"_seconds", round3(d.GetHistogram().GetSampleSum()))
		}
	}
	return out
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

func (m *Metrics) observe(stage string, since time.Time) {
	m.stage.WithLabelValues(stage).Observe(time.Since(since).Seconds())
}

// stageTimes exports the pipeline's time per stage.
type stageTimes struct {
	t    *pipeline.Timings
	desc *prometheus.Desc
}

func (s stageTimes) Describe(ch chan<- *prometheus.Desc) { ch <- s.desc }

func (s stageTimes) Collect(ch chan<- prometheus.Metric) {
	for _, st := range s.t.Stages() {
		ch <- prometheus.MustNewConstMetric(s.desc, prometheus.CounterValue, st.Time.Seconds(), st.Name)
	}
}
