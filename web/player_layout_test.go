package web

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// overlapsJS lists the pairs among the elements sel finds, in the document
// doc, whose boxes overlap, as "text / text".
const overlapsJS = `((doc, sel) => {
	const boxes = [...doc.querySelectorAll(sel)].map(e => [e.textContent, e.getBoundingClientRect()]);
	const out = [];
	for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
		const [a, p] = boxes[i], [b, q] = boxes[j];
		if (p.width && q.width && p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push(a + ' / ' + b);
	}
	return JSON.stringify(out);
})`

// TestBrowserLaneLabelsApart measures every scenario's lane labels and host
// names, on the page at 1280 and 1600 px and in the SVG export, and wants
// no two boxes to overlap. Then it scrolls the ladder to its end and wants
// the labels still in view: the lanes' header is sticky.
func TestBrowserLaneLabelsApart(t *testing.T) {
	tb, base := playerTab(t)
	defer tb.close()
	const labels = `.lane-label, .lane-host`
	for _, width := range []int64{1280, 1600} {
		tb.do("sizing", chromedp.EmulateViewport(width, 900))
		for _, spec := range shipped(t).List() {
			tb.do("opening "+spec.Name, chromedp.Navigate(base+playURL(spec.Name)+"?step=1000&lang=ro"))
			tb.until("connecting", liveJS)
			if got := tb.eval(fmt.Sprintf(`%s(document, %q)`, overlapsJS, labels)); got != "[]" {
				t.Errorf("%s at %d px: lane labels overlap: %s", spec.Name, width, got)
			}
			if width == 1280 {
				got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(async () => {
					const r = await fetch(document.querySelector('[data-testid="export-ladder"]').href);
					const svg = new DOMParser().parseFromString(await r.text(), 'image/svg+xml').documentElement;
					const host = document.createElement('div');
					host.append(document.adoptNode(svg));
					document.body.append(host);
					const out = %s(host, %q);
					host.remove();
					return out;
				})()`, overlapsJS, labels), chromedp.EvalAwaitPromise))
				if err != nil || got != "[]" {
					t.Errorf("%s: lane labels overlap in the SVG export: %s %v", spec.Name, got, err)
				}
			}
		}
	}
	tb.do("opening scenario 4", chromedp.Navigate(base+"/play/lan-both?step=1000&lang=en"))
	tb.until("connecting", liveJS)
	tb.do("scrolling the ladder", chromedp.Evaluate[chromedp.Void](`document.querySelector('.ladder-scroll').scrollTo(0, 1e6)`))
	tb.until("the header following", `(() => {
		const box = document.querySelector('.ladder-scroll').getBoundingClientRect();
		const label = document.querySelector('.lane-label').getBoundingClientRect();
		return document.querySelector('.ladder-scroll').scrollTop > 200 && label.top >= box.top && label.bottom <= box.bottom;
	})()`)
}
