"""Hosting: the built site served by a real nginx with deploy/nginx.conf, as deployed.

Every file gets the headers deploy/_headers gives it (so the two configs cannot drift), text
is served precompressed, each language has its own 404 page, and Chromium runs every page
type in every language under the Content-Security-Policy with no violation and no error, and no
log nginx writes keeps a reader's address.
"""

from __future__ import annotations

import gzip
import os
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import brotli
import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError

from catalogue.publish.hosting import TEXT_SUFFIXES, precompress
from tests.helpers import ROOT, languages
from tests.pagetypes import representative_pages

HEADERS_FILE = ROOT / "deploy/_headers"
WORKFLOW = ROOT / ".github/workflows/publish.yml"
# What Netlify and Cloudflare Pages send when no rule sets Cache-Control (deploy/_headers says so).
HOST_DEFAULT_CACHE = "public, max-age=0, must-revalidate"
CHECKED_HEADERS = ("Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options",
                   "Permissions-Policy", "Cache-Control")
LANGS = [lang.code for lang in languages()]


@dataclass(frozen=True)
class Rule:
    pattern: str
    headers: dict[str, str]

    def matches(self, path: str) -> bool:
        return re.fullmatch(".*".join(map(re.escape, self.pattern.split("*"))), path) is not None


def header_rules(text: str) -> list[Rule]:
    """The rules of a `_headers` file: a path pattern, then indented `Name: value` lines."""
    rules: list[Rule] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append(Rule(line.strip(), {}))
        else:
            name, value = line.strip().split(":", 1)
            rules[-1].headers[name.strip()] = value.strip()
    return rules


def expected_headers(rules: list[Rule], path: str) -> dict[str, str]:
    headers = {"Cache-Control": HOST_DEFAULT_CACHE}
    for rule in rules:
        if rule.matches(path):
            headers.update(rule.headers)
    return headers


def url_path(site: Path, file: Path) -> str:
    """The URL path a reader uses for `file` ('fr/communique/index.html' → '/fr/communique/')."""
    rel = file.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)


def fetch(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _published_files(hosted: Path) -> list[Path]:
    return sorted(path for path in hosted.rglob("*")
                  if path.is_file() and path.suffix not in (".gz", ".br") and path.name != "_headers")


def test_every_file_is_served_with_the_headers_of_the_headers_file(hosted, host):
    rules = header_rules(HEADERS_FILE.read_text(encoding="utf-8"))
    wrong = []
    for file in _published_files(hosted):
        path = url_path(hosted, file)
        status, headers, _ = fetch(host + path.lstrip("/"))
        want = expected_headers(rules, path)
        got = {name: headers.get(name) for name in CHECKED_HEADERS}
        if status != 200 or got != want:
            wrong.append(f"{path}: {status} {({k: v for k, v in got.items() if want.get(k) != v})}")
    assert len(_published_files(hosted)) > 200
    assert wrong == [], "nginx and deploy/_headers disagree:\n" + "\n".join(wrong)


def test_fingerprinted_assets_are_cached_for_a_year_and_pages_revalidated(hosted, host):
    fingerprinted = [url_path(hosted, path) for pattern in ("assets/javascripts/bundle.*.min.js",
                                                            "assets/javascripts/workers/search.*.min.js",
                                                            "assets/stylesheets/*.min.css",
                                                            "pagefind/index/en_*.pf_index",
                                                            "pagefind/fragment/fr_*.pf_fragment")
                     for path in sorted(hosted.glob(pattern))[:1]]
    assert len(fingerprinted) == 5, fingerprinted
    for path in fingerprinted:
        assert fetch(host + path.lstrip("/"))[1]["Cache-Control"] == "public, max-age=31536000, immutable", path
    for path in ("fr/communique/", "assets/site.css", "assets/material-scope.js"):
        assert fetch(host + path)[1]["Cache-Control"] == HOST_DEFAULT_CACHE, path


def test_no_header_is_set_by_two_rules_that_match_one_path(hosted):
    """Cloudflare Pages joins the values of every matching rule: one header, one rule per path."""
    rules = header_rules(HEADERS_FILE.read_text(encoding="utf-8"))
    clashes = []
    for file in _published_files(hosted):
        path = url_path(hosted, file)
        names = [name for rule in rules if rule.matches(path) for name in rule.headers]
        clashes += [f"{path}: {name}" for name in set(names) if names.count(name) > 1]
    assert clashes == []


def test_the_security_headers_are_all_there():
    headers = expected_headers(header_rules(HEADERS_FILE.read_text(encoding="utf-8")), "/fr/communique/")
    policy = dict(directive.strip().split(" ", 1) for directive in headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self' 'wasm-unsafe-eval'", "scripts from this site only: no inline script, no eval"
    assert policy["frame-ancestors"] == "'none'"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]


def test_pages_carry_the_same_policy_for_hosts_without_headers(site):
    """GitHub Pages sends no custom header: the page's <meta> policy is the header's, less
    frame-ancestors (which a <meta> policy cannot carry)."""
    header = expected_headers(header_rules(HEADERS_FILE.read_text(encoding="utf-8")), "/")["Content-Security-Policy"]
    without_framing = "; ".join(d.strip() for d in header.split(";") if not d.strip().startswith("frame-ancestors"))
    metas = {path: site.html(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
             for path in ("", "fr/communique/op1-iii/", "404.html", "ar/404.html")}
    assert {path: meta and meta["content"] for path, meta in metas.items()} == {path: without_framing for path in metas}


def test_every_text_file_has_identical_gzip_and_brotli_copies(hosted):
    texts = [path for path in _published_files(hosted) if path.suffix in TEXT_SUFFIXES]
    wrong = []
    for path in texts:
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if not (gz.is_file() and gzip.decompress(gz.read_bytes()) == data):
            wrong.append(str(gz.relative_to(hosted)))
        if not (br.is_file() and brotli.decompress(br.read_bytes()) == data):
            wrong.append(str(br.relative_to(hosted)))
    assert len(texts) > 200
    assert wrong == []


def test_precompressed_files_do_not_depend_on_when_they_were_made(tmp_path):
    outputs = []
    for run, mtime in enumerate((0, 1_700_000_000)):
        folder = tmp_path / str(run)
        folder.mkdir()
        page = folder / "index.html"
        page.write_text("<!doctype html><title>x</title>" * 50, encoding="utf-8")
        os.utime(page, (mtime, mtime))
        precompress(folder)
        outputs.append(((folder / "index.html.gz").read_bytes(), (folder / "index.html.br").read_bytes()))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("path", ["fr/communique/", "assets/site.css", "pagefind/pagefind.js",
                                  "open-data/links.sw.csv"])
def test_text_is_served_precompressed_to_browsers_that_accept_it(hosted, host, path):
    original = (hosted / path / "index.html").read_bytes() if path.endswith("/") else (hosted / path).read_bytes()
    served = {encoding: fetch(host + path, encoding) for encoding in ("br", "gzip", None)}
    assert served["br"][1].get("Content-Encoding") == "br" and brotli.decompress(served["br"][2]) == original
    assert served["gzip"][1].get("Content-Encoding") == "gzip" and gzip.decompress(served["gzip"][2]) == original
    assert "Content-Encoding" not in served[None][1] and served[None][2] == original
    assert all(response[1].get("Vary") == "Accept-Encoding" for response in served.values())


@pytest.mark.parametrize(("path", "kind"), [("open-data/links.fr.csv", "text/csv"),
                                          ("fr/communique/op1-iii/cite.ris", "application/x-research-info-systems"),
                                          ("fr/communique/op1-iii/cite.json", "application/json")])
def test_data_files_are_served_with_their_type(host, path, kind):
    status, headers, _ = fetch(host + path)
    assert (status, headers["Content-Type"].split(";")[0]) == (200, kind)


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_page_gets_the_404_page_of_its_language(host, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    status, headers, body = fetch(host + prefix + "communique/no-such-clause/")
    assert status == 404
    assert re.search(rf'<html lang="{lang}"', body.decode("utf-8"))
    assert headers["Content-Security-Policy"].endswith("frame-ancestors 'none'")
    assert headers["Referrer-Policy"] == "no-referrer"


def test_the_headers_file_is_at_the_site_root_and_not_served(hosted, host):
    assert (hosted / "_headers").read_bytes() == HEADERS_FILE.read_bytes()
    assert fetch(host + "_headers")[0] == 404


def test_no_log_keeps_a_readers_address(host, host_prefix):
    """A page, a missing page, a forbidden folder and a malformed request later, no file nginx
    writes (its access log and error log, as a host's nginx.conf sets them) names the reader."""
    for path in ("", "fr/communique/op1-iii/", "communique/no-such-clause/", "assets/", "%", "../../etc/passwd"):
        fetch(host + path)
    with socket.create_connection(("127.0.0.1", int(host.rsplit(":", 1)[1].strip("/")))) as raw:
        raw.sendall(b"NOT A REQUEST\r\n\r\n")
        raw.recv(1024)
    logs = [file for file in host_prefix.rglob("*") if file.is_file() and file.suffix == ".log"]
    assert {file.name for file in logs} >= {"error.log"}
    leaks = [f"{file.name}: {line}" for file in logs for line in file.read_text(errors="replace").splitlines()
             if "127.0.0.1" in line]
    assert leaks == []


def test_the_workflow_tests_and_publishes_the_site_make_builds_with_pinned_actions():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert any("make test" in run for run in runs) and any("make build" in run for run in runs)
    assert [step["with"]["path"] for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact")] == ["site"]
    assert any(use.startswith("actions/deploy-pages@") for use in uses)
    assert [use for use in uses if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use)] == []


SCRIPT_WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`));
"""


def _reportable(message, url: str) -> bool:
    """Console errors and warnings, except the one expected miss: the 404 of a missing page itself."""
    known = message.text.startswith("Failed to load resource") and message.location["url"] == url
    return message.type in ("error", "warning") and not known


def _problems_while_loading(page, url: str, then=None) -> list[str]:
    """Console errors and warnings, page errors and CSP violations while `url` loads (and `then` runs)."""
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
            if _reportable(message, url) else None)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.add_init_script(SCRIPT_WATCH)
    page.goto(url, wait_until="networkidle")
    if then:
        try:
            then(page)
        except PlaywrightError as error:
            problems.append(f"{then.__name__} failed: {error.message.splitlines()[0]}")
    return problems + page.evaluate("window.__violations")


def _search(page) -> None:
    """Search works under the policy: Pagefind's script, WebAssembly and index load from this site."""
    page.keyboard.press("/")
    page.keyboard.type("WePROTECT")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_runs_under_the_policy_without_violation_or_error(browser, hosted, host, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    paths = [url_path(hosted, page) for page in representative_pages(hosted)[prefix]]
    assert len(paths) >= 8, paths
    problems = {}
    for path in paths + [f"/{prefix}no-such-page/"]:
        context = browser.new_context()
        page = context.new_page()
        found = _problems_while_loading(page, host + path.lstrip("/"), _search if path == f"/{prefix}" else None)
        context.close()
        if found:
            problems[path] = found
    assert problems == {}


def test_an_inline_script_would_be_blocked_and_reported(browser, host):
    """The watch above can fail: an inline script added to a served page is refused and reported."""
    context = browser.new_context()
    page = context.new_page()
    problems = _problems_while_loading(page, host, lambda p: (p.evaluate(
        "document.head.append(Object.assign(document.createElement('script'), {textContent: 'window.__ran = 1'}))"),
        p.wait_for_function("window.__violations.length > 0")))
    ran = page.evaluate("window.__ran === 1")
    context.close()
    assert not ran
    assert any("script-src" in problem for problem in problems), problems
