package classroom

import (
	"encoding/json"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"mailsim/web/view"
	"mailsim/web/webtest"
)

// BenchmarkFollowers is one step by the instructor reaching every one of
// n students' sockets, over real websockets in this process: an op is the
// time from the instructor's command sent to the last student's frame
// read, and p99-ms the 99th percentile of those. bytes/student is what the
// process grew by for each student's socket, both ends of it (the server's
// half is less). Both ends share the machine's cores, as the load tool and
// the server do in `mailload -class`.
func BenchmarkFollowers(b *testing.B) {
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim) == nil && lim.Cur < lim.Max {
		lim.Cur = lim.Max // two descriptors a student, in this one process
		syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
	}
	for _, n := range []int{100, 1000, 2000} {
		b.Run("students="+strconv.Itoa(n), func(b *testing.B) {
			if uint64(2*n+64) > lim.Cur {
				b.Skipf("%d students need %d open files; the limit is %d", n, 2*n+64, lim.Cur)
			}
			srv := webtest.Serve(b, webtest.Mux(routes(b)))
			code, teach := start(b, srv.Config.Handler)
			teacher, _, err := webtest.Dial(b, srv, "/ws/class/"+code, "Cookie", teach.String())
			if err != nil {
				b.Fatal(err)
			}
			go drain(teacher)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var got sync.WaitGroup
			var mu sync.Mutex
			want := -1
			for range n {
				s, _, err := webtest.Dial(b, srv, "/ws/class/"+code, "Cookie", view.FollowCookie+"="+code)
				if err != nil {
					b.Fatal(err)
				}
				s.ReadMessage() // the class's view on joining
				go func(s *websocket.Conn) {
					for {
						_, data, err := s.ReadMessage()
						if err != nil {
							return
						}
						var f struct{ View struct{ Step int } }
						json.Unmarshal(data, &f)
						mu.Lock()
						if f.View.Step == want {
							got.Done()
						}
						mu.Unlock()
					}
				}(s)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			var took []time.Duration
			step := 0
			for b.Loop() {
				step++
				mu.Lock()
				want = step
				got.Add(n)
				mu.Unlock()
				sent := time.Now()
				teacher.WriteJSON(map[string]any{"op": "show", "view": map[string]any{"path": "/play/lan-both", "step": step}})
				got.Wait()
				took = append(took, time.Since(sent))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[(len(took)*99+99)/100-1])/1e6, "p99-ms")
			b.ReportMetric(float64(after.HeapInuse+after.StackInuse-before.HeapInuse-before.StackInuse)/float64(n), "bytes/student")
		})
	}
}

// drain reads and drops a socket's frames until it closes.
func drain(conn *websocket.Conn) {
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			return
		}
	}
}
