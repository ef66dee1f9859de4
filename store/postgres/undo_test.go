package postgres

import (
	"bytes"
	"errors"
	"net"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/tawsim/tawsim/internal/pgtest"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// commitCutter stands between the store and the server: once armed, it passes the next
// COMMIT on to the server and drops the server's answer, closing the connection, as a
// network that fails at that moment does. The write is in; its caller hears it was not.
type commitCutter struct {
	ln     net.Listener
	server string
	armed  atomic.Bool
	cut    atomic.Int64
}

func newCommitCutter(t *testing.T, server string) *commitCutter {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	c := &commitCutter{ln: ln, server: server}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go c.pass(conn)
		}
	}()
	return c
}

// pass carries one connection's messages both ways.
func (c *commitCutter) pass(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("tcp", c.server)
	if err != nil {
		return
	}
	defer server.Close()
	var lost atomic.Bool
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := server.Read(buf)
			if lost.Load() {
				client.Close()
				server.Close()
				return
			}
			if n > 0 {
				client.Write(buf[:n])
			}
			if err != nil {
				client.Close()
				return
			}
		}
	}()
	buf := make([]byte, 32<<10)
	for {
		n, err := client.Read(buf)
		if n > 0 && bytes.Contains(buf[:n], []byte("commit\x00")) && c.armed.CompareAndSwap(true, false) {
			lost.Store(true)
			c.cut.Add(1)
		}
		if n > 0 {
			if _, err := server.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// TestUndoStepAnswerLost: the answer to a committed undo (redo) is lost on its way back;
// the store reports the server gone, and the same UndoStep sent again, as the window sends it,
// returns the same event and leaves the annotator's work as after one step.
func TestUndoStepAnswerLost(t *testing.T) {
	direct, err := url.Parse(pgtest.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	cutter := newCommitCutter(t, direct.Host)
	via := *direct
	via.Host = cutter.ln.Addr().String()
	s, err := Open(ctx, via.String())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	text := "قال المتحدث باسم الجيش الوطني الليبي إن قواته تقدمت نحو طرابلس."
	must(t, s.SetSchema(ctx, "admin", labels.Schema{Entities: []labels.Label{{Name: "ORG"}, {Name: "LOC"}}, Nesting: labels.NestingFlat}))
	res, err := s.AddDocuments(ctx, []labels.Document{{Text: text}})
	must(t, err)
	doc := res.IDs[0]
	for _, w := range []struct{ word, label string }{{"الجيش الوطني الليبي", "ORG"}, {"طرابلس", "LOC"}} {
		start := labels.RuneLen(text[:bytes.Index([]byte(text), []byte(w.word))])
		_, err := s.AddSpan(ctx, labels.Span{DocID: doc, Annotator: "a", Start: start, End: start + labels.RuneLen(w.word),
			Text: w.word, Label: w.label, Kind: labels.KindEntity, Origin: labels.OriginManual})
		must(t, err)
	}
	spans := func() int {
		got, err := s.Spans(ctx, doc, "a")
		must(t, err)
		return len(got)
	}
	for _, redo := range []bool{false, true} {
		seq, err := s.NextStep(ctx, "a", redo)
		must(t, err)
		cutter.armed.Store(true)
		if _, err := s.UndoStep(ctx, "a", seq, redo); !errors.Is(err, store.ErrUnavailable) {
			t.Fatalf("redo %v: UndoStep with its answer lost: %v", redo, err)
		}
		ev, err := s.UndoStep(ctx, "a", seq, redo)
		must(t, err)
		want := 1
		if redo {
			want = 2
		}
		if ev.Seq != seq || spans() != want {
			t.Errorf("redo %v: sent again, UndoStep returned event %d (want %d) and left %d spans (want %d)",
				redo, ev.Seq, seq, spans(), want)
		}
	}
	if cutter.cut.Load() != 2 {
		t.Errorf("%d answers lost, want 2", cutter.cut.Load())
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
