"""Integrity of the built site: no broken link or anchor in any language (a crawler over the
served site, not MkDocs' own validation), a build is reproducible byte for byte, and every
page is valid HTML for the W3C Nu HTML Checker, Material's own markup included."""

from __future__ import annotations

import json
import re
import subprocess
from collections import deque
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

from bs4 import BeautifulSoup

from tests.helpers import ROOT
from tests.pagetypes import PREFIXES, page_type
from tests.sitebuild import build

LINKS = {"a": "href", "link": "href", "script": "src", "img": "src"}
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
# The checker's CSS validator predates CSS Containment 3 (container queries, in every current browser):
# the first-screen styles inlined in each page use them for the crosswalk. Nothing else is let through.
UNKNOWN_TO_THE_CHECKER = re.compile(r"CSS: “container(-type|-name)?”: Property “container(-type|-name)?” doesn't exist\.")


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urlopen(url) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as error:
        return error.code, "", b""


def _site_url(home: BeautifulSoup) -> str:
    """The absolute address the site was built for (its canonical and hreflang links use it)."""
    return home.find("link", rel="canonical")["href"]


def crawl(base: str) -> tuple[dict[str, set[str]], list[str]]:
    """Every page and file reachable from each language's home page: the ids of each HTML page
    (by URL), and every link that does not resolve (as 'from → to: why')."""
    status, _, body = _get(base)
    assert status == 200, f"{base}: {status}"
    built_for = _site_url(BeautifulSoup(body, "lxml"))
    queue = deque(base + prefix for prefix in PREFIXES)
    seen, ids, broken, anchors = set(queue), {}, [], []
    while queue:
        url = queue.popleft()
        status, kind, body = _get(url)
        if status != 200 or b"<title>Directory listing for" in body[:500]:
            broken.append(f"{url}: {status}")
            continue
        if kind != "text/html":
            continue
        page = BeautifulSoup(body, "lxml")
        ids[url] = {tag["id"] for tag in page.find_all(id=True)} | {tag["name"] for tag in page.find_all("a", attrs={"name": True})}
        for tag in page.find_all(list(LINKS)):
            target = tag.get(LINKS[tag.name])
            if not target:
                continue
            absolute = urljoin(url, target)
            if absolute.startswith(built_for):
                absolute = base + absolute[len(built_for):]
            if urlsplit(absolute).scheme not in ("http", "https") or not absolute.startswith(base):
                continue
            address, fragment = urldefrag(absolute)
            if fragment:
                anchors.append((url, address, unquote(fragment)))
            if address not in seen:
                seen.add(address)
                queue.append(address)
    broken = [line.replace(base, "/") for line in broken]
    for source, address, fragment in anchors:
        if address in ids and fragment not in ids[address]:
            broken.append(f"{source.replace(base, '/')} → {address.replace(base, '/')}#{fragment}: no such anchor")
        elif address not in ids and not any(line.startswith(address.replace(base, "/")) for line in broken):
            broken.append(f"{source.replace(base, '/')} → {address.replace(base, '/')}#{fragment}: not an HTML page")
    return ids, sorted(set(broken))


def test_no_link_or_anchor_is_broken_in_any_language(served):
    pages, broken = crawl(served)
    for prefix in PREFIXES:
        for path in ("", "communique/", "communique/op1-iii/", "frameworks/", "frameworks/crc/", "crosswalk/",
                     "open-data/"):
            assert served + prefix + path in pages, f"the crawl never reached /{prefix}{path}: it proves little"
    assert broken == [], f"{len(broken)} broken links or anchors:\n" + "\n".join(broken)


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_clean_builds_are_byte_identical(tmp_path):
    """Same sources, same SOURCE_DATE_EPOCH (make takes it from the last commit): same bytes,
    in separate processes (so set and dict order, which vary with Python's hash seed, cannot leak)."""
    env = {"SOURCE_DATE_EPOCH": "1576108800"}
    outputs = []
    for name in ("first", "second"):
        built = build(ROOT, tmp_path / name, env=env)
        assert built.returncode == 0, built.output
        outputs.append(_files(built.site))
    first, second = outputs
    differing = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert len(first) > 200
    assert differing == [], "these files differ between two builds of the same sources:\n" + "\n".join(differing)


def test_every_page_in_every_language_is_valid_html(site):
    """Every page, so every page type (Material's markup included), in one run of the checker."""
    pages = sorted(site.site.rglob("*.html"))
    page_types = {page_type(path.relative_to(site.site).as_posix()) for path in pages}
    assert {("index.html",), ("404.html",), ("communique", "index.html"), ("communique", "*", "index.html"),
            ("communique", "parallel", "index.html"), ("frameworks", "index.html"),
            ("frameworks", "*", "index.html"), ("crosswalk", "index.html"), ("open-data", "index.html")} <= page_types
    assert VNU.is_file(), "the W3C checker is missing: `make test` installs it (npm ci)"
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr)["messages"]
    errors = [f"{m.get('url', '').split(str(site.site))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m["type"] in ("error", "non-document-error")
              and not UNKNOWN_TO_THE_CHECKER.fullmatch(m["message"])]
    assert errors == [], f"{len(errors)} HTML errors in {len(pages)} pages:\n" + "\n".join(errors)


def test_the_crawler_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    from tests.browser import serve

    (tmp_path / "index.html").write_text(
        '<!doctype html><title>x</title><link rel="canonical" href="https://example.org/">'
        '<p id="here"><a href="#here">ok</a> <a href="#nowhere">gone</a> <a href="missing/">missing</a>'
        ' <a href="https://example.org/#here">self</a> <a href="https://other.example/">elsewhere</a>', encoding="utf-8")
    with serve(tmp_path) as base:
        _, broken = crawl(base)
    assert "/ → /#nowhere: no such anchor" in broken
    assert "/missing/: 404" in broken
    assert not any("#here" in line or "other.example" in line for line in broken)
