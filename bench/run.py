"""The benchmark behind BENCHMARKS.md (`make bench`): build times and how they scale, the bytes a
reader's browser transfers, the search's bytes per language, and Lighthouse, each figure beside
its budget. A plain script, not a test, run from the project's root as `python -m bench.run`: it prints the
tables and rewrites BENCHMARKS.md."""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from bench import builds, lighthouse, slownet, synthetic
from bench.report import Report
from bench.transfer import Browser, compressed, longest_word
from catalogue import load
from catalogue.publish.hosting import prepare_for_hosting
from catalogue.sources.deploy import headers
from catalogue.validate.safety import plain
from tests.browser import serve
from tests.helpers import ROOT, languages
from tests.nginx import free_port, nginx

LANGUAGES = languages()
CLAUSE = "op1-iii"
# Scaled builds keep two languages (one of them right-to-left) so the 100× build takes minutes.
SCALE_LOCALES = ["en", "ar"]
PAGE_TYPES = {"clause page": f"communique/{CLAUSE}/", "full text": "communique/", "framework page": "frameworks/crc/",
              "crosswalk": "crosswalk/", "home": ""}
LIGHTHOUSE_LANGS = ("en", "ar", "am")
ROUNDS = 3
SLOW_RUNS = 5


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    load_average = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return [f"CPU: {cpu}, {os.cpu_count()} cores (load average at start: {load_average})",
            f"Python {platform.python_version()}, {chromium}, Node {node}, Lighthouse {lighthouse.version()}",
            f"Run: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC"]


def clause_html(site: Path, lang_prefix: str) -> dict:
    """A clause page's HTML: its compressed size, where the clause text ends (compressed), and the
    scripts before it (an external script without defer/async blocks the page from showing it)."""
    html = (site / lang_prefix / PAGE_TYPES["clause page"] / "index.html").read_bytes()
    start = html.index(f'id="{CLAUSE}"'.encode())
    end = html.index(b"</p>", start) + 4
    before = html[:end].decode("utf-8")
    blocking = [tag for tag in re.findall(r"<script[^>]*\bsrc=[^>]*>", before) if not re.search(r"\b(defer|async)\b", tag)]
    return {"size": compressed(html), "text_end": len(gzip.compress(html[:end], 9)),
            "inline_scripts": len(re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", before)),
            "blocking_scripts": len(blocking)}


def nav_bytes(site: Path) -> int:
    soup = BeautifulSoup((site / PAGE_TYPES["clause page"] / "index.html").read_text(encoding="utf-8"), "lxml")
    nav = soup.select_one("nav.md-nav--primary")
    return compressed(str(nav).encode()) if nav else 0


def lunr_first_search(plain_site: Path) -> dict[str, int]:
    """Material's lunr search split per language (option b), modelled from the plain Material build:
    that language's part of search_index.json, the search worker and lunr's stemmer for it."""
    import json

    merged = json.loads((plain_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    scripts = plain_site / "assets" / "javascripts"
    worker = sum(compressed(p.read_bytes()) for p in (scripts / "workers").glob("search.*.min.js"))
    result = {}
    for language in LANGUAGES:
        docs = [d for d in merged["docs"] if (d["location"].startswith(language.prefix) if language.prefix
                else d["location"].split("/")[0] not in {x.code for x in LANGUAGES})]
        index = json.dumps({"config": {**merged["config"], "lang": [language.code]}, "docs": docs}, ensure_ascii=False)
        stemmers = [scripts / "lunr" / "min" / name for name in ("lunr.stemmer.support.min.js", f"lunr.{language.code}.min.js")]
        result[language.code] = compressed(index.encode()) + worker + sum(
            compressed(p.read_bytes()) for p in stemmers if p.exists() and language.code != "en")
    return result


def main() -> None:
    """`python -m bench.run` measures everything and rewrites BENCHMARKS.md; `python -m bench.run first-visit`
    only first visits and paints on slow networks (for a change to what pages load), `python -m bench.run
    output-check` only the output verifier's cost (a few minutes): each replaces its own tables and budgets
    in BENCHMARKS.md and leaves the rest as the last full run wrote it."""
    parts = {  # a partial run: what it measures (as BENCHMARKS.md names it) and how
        "first-visit": ("first visits and paints on slow networks only, `python -m bench.run first-visit`", first_visits),
        "output-check": ("the output allowlist only, `python -m bench.run output-check`", output_check)}
    part = parts.get(sys.argv[1]) if sys.argv[1:2] else None
    if sys.argv[2:] or (sys.argv[1:] and part is None):
        raise SystemExit(f"usage: python -m bench.run [{' | '.join(parts)}]")
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        report = (part[1] if part else measure)(Path(folder))
    print(report.text())
    path = ROOT / "BENCHMARKS.md"
    path.write_text(report.merged_into(path.read_text(encoding="utf-8"), part[0]) if part else report.markdown(),
                    encoding="utf-8")
    print(f"Wrote {path}")


def visits(browser: Browser, base: str, plain_base: str, site: Path, report: Report) -> None:
    """A first visit to each page type (and the clause page in Arabic and Amharic), against Material's default."""
    found = {f"{name}": browser.visit(base + path) for name, path in PAGE_TYPES.items()}
    for code in LIGHTHOUSE_LANGS[1:]:
        found[f"clause page ({code})"] = browser.visit(base + f"{code}/" + PAGE_TYPES["clause page"])
    found["default Material page (plain build, same clause)"] = browser.visit(plain_base + PAGE_TYPES["clause page"])
    report.visits(found, {lang.code: clause_html(site, lang.prefix) for lang in LANGUAGES if lang.code in LIGHTHOUSE_LANGS})


def first_visits(work: Path) -> Report:
    """Only the first visits: the site built and served as deployed, beside a plain Material build."""
    report = Report(machine())
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    builds.build(ROOT, work / "site", site_url=base)
    builds.build(builds.plain_material(work / "plain"), work / "plain-site", strict=False)
    prepare_for_hosting(work / "site", headers(ROOT))
    (work / "nginx").mkdir()
    with (sync_playwright() as playwright, nginx(ROOT / "deploy/nginx.conf", work / "site", work / "nginx", port),
          serve(work / "plain-site") as plain_base):
        browser = Browser(playwright)
        visits(browser, base, plain_base, work / "site", report)
        browser.close()
        slow_network(playwright, base, report)
    return report


def slow_network(playwright, base: str, report: Report) -> None:
    """Paint timings of a first visit on an emulated 2G and fast 3G network, beside the figures before."""
    print("Measuring paints on slow networks", flush=True)
    slow = slownet.SlowBrowser(playwright)
    paints = {profile.name: {name: slow.measure(base + path, profile, text, SLOW_RUNS) for name, path, text in slownet.PAGES}
              for profile in slownet.PROFILES}
    slow.close()
    report.slow_network(paints, json.loads((ROOT / "bench/slownet-before.json").read_text(encoding="utf-8")), SLOW_RUNS)


def output_check(work: Path) -> Report:
    """Only the output verifier's cost: the build with and without it, and the verifier alone."""
    report = Report(machine())
    unverified = builds.without_output_check(work / "unverified")
    base = "http://127.0.0.1:8000/"  # the site's address as the verifier is told it (whatever SITE_URL says)
    timed = builds.best_of({"ours": lambda: builds.build(ROOT, work / "site", site_url=base),
                            "unverified": lambda: builds.build(unverified, work / "unverified-site", site_url=base)}, ROUNDS)
    report.output_check(timed["ours"], timed["unverified"], builds.verifier_cpu(work / "site", base),
                        builds.pikepdf_import_cpu(), os.getloadavg())
    return report


def measure(work: Path) -> Report:
    """Every figure, from builds and browsers working in `work`."""
    report = Report(machine())
    catalogue, _ = load(ROOT, LANGUAGES)
    print(f"Working in {work}", flush=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    no_hooks, no_search = (builds.without_hooks(work / name, material_search=search)
                           for name, search in (("no-hooks", True), ("no-search", False)))
    material = builds.plain_material(work / "plain")
    unverified = builds.without_output_check(work / "unverified")
    timed = builds.best_of({
        "ours": lambda: builds.build(ROOT, work / "site", site_url=base),
        "unverified": lambda: builds.build(unverified, work / "unverified-site", site_url=base),
        "no hooks": lambda: builds.build(no_hooks, work / "no-hooks-site"),
        "no search": lambda: builds.build(no_search, work / "no-search-site"),
        "material": lambda: builds.build(material, work / "plain-site", strict=False),
    }, ROUNDS)
    report.builds(timed["ours"], timed["no hooks"], timed["no search"], timed["material"], ROUNDS)
    load_average = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    report.cards(*builds.cold_and_warm(work / "cards", ROUNDS), load_average)
    report.output_check(timed["ours"], timed["unverified"], builds.verifier_cpu(work / "site", base),
                        builds.pikepdf_import_cpu(), os.getloadavg())
    prepare_for_hosting(work / "site", headers(ROOT))  # served as deployed: nginx, deploy/nginx.conf, precompressed files
    (work / "nginx").mkdir()
    with (sync_playwright() as playwright, nginx(ROOT / "deploy/nginx.conf", work / "site", work / "nginx", port),
          serve(work / "plain-site") as plain_base):

        scaled = {}
        for label, factor, locales in (("1×", 1, SCALE_LOCALES), ("10×", 10, SCALE_LOCALES), ("100×", 100, SCALE_LOCALES),
                                       ("1×, twice the languages", 1, [lang.code for lang in LANGUAGES] + list(synthetic.EXTRA_LOCALES))):
            print(f"Building the {label} catalogue", flush=True)
            project = synthetic.project(work / f"scaled-{factor}-{len(locales)}", factor, locales)
            scaled[label] = (builds.build(project, project / "site"), nav_bytes(project / "site"))
        report.scaling(scaled)

        browser = Browser(playwright)
        visits(browser, base, plain_base, work / "site", report)

        searches = {}
        for language in LANGUAGES:
            word = longest_word(plain(catalogue.resolve(language.code, "communique", CLAUSE).text))
            searches[language.code] = (word, *browser.first_search(base + language.prefix + PAGE_TYPES["clause page"], word))
        with serve(work / "scaled-100-2" / "site") as big:
            word = longest_word(plain(catalogue.resolve("en", "communique", CLAUSE).text))
            searches["en, 100× catalogue"] = (word, *browser.first_search(big + PAGE_TYPES["clause page"], word))
        browser.close()
        report.searches(searches, lunr_first_search(work / "plain-site"))

        slow_network(playwright, base, report)

        print("Running Lighthouse", flush=True)
        report.lighthouse({code: lighthouse.run(base + ("" if code == "en" else f"{code}/") + PAGE_TYPES["clause page"])
                           for code in LIGHTHOUSE_LANGS})
    return report


if __name__ == "__main__":
    main()
