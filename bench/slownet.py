"""Paint timings on slow networks: a first visit in Chromium with the network emulated (DevTools'
throttling), the site served by nginx as deployed. For each page and profile, the median of several
runs of: first contentful paint, the time the page's main text is painted, cumulative layout
shift and the load event. `python bench/slownet.py [RUNS [FILE.json]]` prints them for the current tree (and writes them)."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass

from bench.transfer import CHROMIUM, CHROMIUM_ARGS


@dataclass(frozen=True)
class Profile:
    name: str
    down_kbit: float
    up_kbit: float
    rtt_ms: float

    def conditions(self) -> dict:
        return {"offline": False, "latency": self.rtt_ms, "downloadThroughput": self.down_kbit * 1000 / 8,
                "uploadThroughput": self.up_kbit * 1000 / 8}


SLOW_2G = Profile("2G (50 kbit/s down, 20 up, 300 ms)", 50, 20, 300)
# DevTools' "Fast 3G" preset: 1.6 Mbit/s and 750 kbit/s at 90%, 562.5 ms.
FAST_3G = Profile("fast 3G (1.44 Mbit/s down, 675 up, 563 ms)", 1440, 675, 562.5)
PROFILES = (SLOW_2G, FAST_3G)

# Records paints, the paint of the page's main text and layout shifts from the first byte on. The
# main text is found by a selector as the parser inserts it and marked for the Element Timing API
# before it can be painted; the page's own scripts never see any of this.
OBSERVER = """
window.__paint = {fcp: null, text: null, cls: 0};
new PerformanceObserver((list) => { for (const e of list.getEntries())
  if (e.name === 'first-contentful-paint') window.__paint.fcp = e.startTime; }).observe({type: 'paint', buffered: true});
new PerformanceObserver((list) => { for (const e of list.getEntries())
  if (e.identifier === 'bench-text' && window.__paint.text === null) window.__paint.text = e.renderTime || e.loadTime; })
  .observe({type: 'element', buffered: true});
new PerformanceObserver((list) => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.__paint.cls += e.value; }).observe({type: 'layout-shift', buffered: true});
const mark = new MutationObserver(() => {
  const el = document.querySelector(%s);
  if (el) { el.setAttribute('elementtiming', 'bench-text'); mark.disconnect(); } });
mark.observe(document, {childList: true, subtree: true});
"""


@dataclass(frozen=True)
class Paint:
    fcp: float
    text: float
    cls: float
    load: float


def median(runs: list[Paint]) -> Paint:
    return Paint(*(statistics.median(getattr(run, name) for run in runs) for name in ("fcp", "text", "cls", "load")))


class SlowBrowser:
    """Debian's headless Chromium; each run in a fresh context (empty cache) with the network emulated."""

    def __init__(self, playwright) -> None:
        self.chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)

    def close(self) -> None:
        self.chromium.close()

    def run(self, url: str, profile: Profile, text: str) -> Paint:
        """One first visit; `text` is the CSS selector of the page's main text."""
        context = self.chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1,
                                            is_mobile=True, has_touch=True)
        page = context.new_page()
        page.add_init_script(OBSERVER % json.dumps(text))
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", profile.conditions())
        page.goto(url, wait_until="load", timeout=120_000)
        page.wait_for_timeout(300)
        # Input ends the LCP observation; read the figures before anything else happens.
        data = page.evaluate("window.__paint")
        load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart")
        context.close()
        if data["text"] is None:
            raise SystemExit(f"{url}: the main text ({text}) was never painted")
        return Paint(data["fcp"] / 1000, data["text"] / 1000, data["cls"], load / 1000)

    def measure(self, url: str, profile: Profile, text: str, runs: int) -> Paint:
        return median([self.run(url, profile, text) for _ in range(runs)])


def main() -> None:
    """Build this tree, serve it with nginx as deployed, print the medians (for working on the budget)."""
    import sys
    import tempfile
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from bench import builds
    from catalogue.publish.hosting import prepare_for_hosting
    from catalogue.sources.deploy import headers
    from tests.nginx import free_port, nginx

    root = Path(__file__).resolve().parent.parent
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    figures = {}
    with tempfile.TemporaryDirectory(prefix="slownet-") as folder:
        work = Path(folder)
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        builds.build(root, work / "site", site_url=base)
        prepare_for_hosting(work / "site", headers(root))
        (work / "nginx").mkdir()
        with sync_playwright() as playwright, nginx(root / "deploy/nginx.conf", work / "site", work / "nginx", port):
            browser = SlowBrowser(playwright)
            for profile in PROFILES:
                for name, path, text in PAGES:
                    p = browser.measure(base + path, profile, text, runs)
                    figures.setdefault(profile.name, {})[name] = p.__dict__
                    print(f"{profile.name:45} {name:22} FCP {p.fcp:5.2f} s  text {p.text:5.2f} s  CLS {p.cls:.3f}  "
                          f"load {p.load:5.2f} s", flush=True)
            browser.close()
    if len(sys.argv) > 2:
        Path(sys.argv[2]).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


CLAUSE = "op1-iii"
CLAUSE_TEXT = f"#{CLAUSE} .clause__text"
# Each page with the selector of its main text: the clause, the first clause of the full text, the
# crosswalk's title.
PAGES = (("clause page (en)", f"communique/{CLAUSE}/", CLAUSE_TEXT), ("clause page (ar)", f"ar/communique/{CLAUSE}/", CLAUSE_TEXT),
         ("clause page (am)", f"am/communique/{CLAUSE}/", CLAUSE_TEXT), ("full text", "communique/", ".clause__text"),
         ("crosswalk", "crosswalk/", "article h1"))

if __name__ == "__main__":
    main()
