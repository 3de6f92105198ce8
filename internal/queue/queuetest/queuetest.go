// Package queuetest starts NATS servers with JetStream inside a test
// process, alone or as a cluster on loopback, so that tests of the queue
// need no server on the machine.
//
// Input: a testing.TB. Output: running servers, shut down when the test
// ends, and their client URLs.
package queuetest

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Server starts one server with JetStream on a free loopback port and
// returns its client URL.
func Server(tb testing.TB) string {
	tb.Helper()
	s := start(tb, &server.Options{ServerName: "sitrep-test", StoreDir: tb.TempDir()})
	return s.ClientURL()
}

// Cluster starts n servers with JetStream clustered over loopback routes
// and returns them; URL gives the client URL of them all.
func Cluster(tb testing.TB, n int) []*server.Server {
	tb.Helper()
	ports := make([]int, n)
	routes := make([]string, n)
	for i := range ports {
		ports[i] = freePort(tb)
		routes[i] = fmt.Sprintf("nats://127.0.0.1:%d", ports[i])
	}
	out := make([]*server.Server, n)
	for i := range out {
		o := &server.Options{
			ServerName: fmt.Sprintf("sitrep-test-%d", i),
			StoreDir:   tb.TempDir(),
			Cluster:    server.ClusterOpts{Name: "sitrep-test", Host: "127.0.0.1", Port: ports[i]},
			Routes:     server.RoutesFromStr(strings.Join(routes, ",")),
		}
		out[i] = start(tb, o)
	}
	deadline := time.Now().Add(30 * time.Second)
	for _, s := range out {
		for !s.JetStreamIsCurrent() || s.NumRoutes() < n-1 {
			if time.Now().After(deadline) {
				tb.Fatalf("queuetest: cluster of %d did not form (server %s: %d routes)", n, s.Name(), s.NumRoutes())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return out
}

// URL returns the client URLs of servers, comma-separated.
func URL(servers []*server.Server) string {
	urls := make([]string, len(servers))
	for i, s := range servers {
		urls[i] = s.ClientURL()
	}
	return strings.Join(urls, ",")
}

func start(tb testing.TB, o *server.Options) *server.Server {
	tb.Helper()
	o.Host = "127.0.0.1"
	o.Port = server.RANDOM_PORT
	o.JetStream = true
	o.NoSigs = true
	o.NoLog = true
	s, err := server.NewServer(o)
	if err != nil {
		tb.Fatalf("queuetest: %v", err)
	}
	s.Start()
	if !s.ReadyForConnections(30 * time.Second) {
		s.Shutdown()
		tb.Fatalf("queuetest: server %s not ready", o.ServerName)
	}
	tb.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s
}

func freePort(tb testing.TB) int {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("queuetest: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
