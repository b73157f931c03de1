"""Shared helpers for tests that break a throwaway copy of the project.

`project_copy` gives a test its own copy of everything the catalogue and the
build read; the helpers below edit that copy as a contributor would, by text.
Nothing here touches the real project.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from catalogue import load  # noqa: E402
from catalogue.sources.languages import from_mkdocs_yml  # noqa: E402
from catalogue.domain.model import Language, fingerprint  # noqa: E402

PROJECT_PARTS = ("data", "translations", "docs", "overrides", "hooks", "catalogue", "schemas", "deploy", "mkdocs.yml")


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A private copy of the project's sources in tmp_path (no .venv, site or .git)."""
    for name in PROJECT_PARTS:
        source = ROOT / name
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path


def languages() -> list[Language]:
    """The site's languages, read from the real mkdocs.yml."""
    return from_mkdocs_yml(ROOT / "mkdocs.yml")


def problem_lines(root: Path) -> list[str]:
    """Every problem `catalogue.load` finds in the project at `root`, as printed."""
    _, problems = load(root, languages())
    return [str(problem) for problem in problems]


def replace_text(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file `rel` of the copy."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{rel}: expected {old!r} exactly once, found it {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append_text(root: Path, rel: str, addition: str) -> None:
    """Add `addition` at the end of the file `rel` of the copy, on a line of its own."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + addition, encoding="utf-8")


def replace_block(root: Path, rel: str, header: str, new: str) -> None:
    """Replace the YAML block opened by the line `header` (the line and every deeper-indented
    line under it) with `new`, e.g. a whole `op1-iii:` entry or one `- id: op3` clause."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.rstrip("\n") == header]
    assert len(starts) == 1, f"{rel}: expected the line {header!r} exactly once, found it {len(starts)} times"
    start = end = starts[0]
    indent = len(header) - len(header.lstrip())
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        if line.strip():
            end = index
    path.write_text("".join(lines[:start]) + new + "".join(lines[end + 1:]), encoding="utf-8")


def lines_of(root: Path, rel: str, start: str) -> list[int]:
    """The 1-based numbers of the lines of `rel` that begin with `start` (ignoring indentation)."""
    text = (root / rel).read_text(encoding="utf-8")
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.lstrip().startswith(start)]


def line_of(root: Path, rel: str, start: str) -> int:
    """The number of the one line of `rel` that begins with `start` (ignoring indentation)."""
    found = lines_of(root, rel, start)
    assert len(found) == 1, f"{rel}: expected one line starting {start!r}, found {found}"
    return found[0]


def publish_language(root: Path, lang: str, published: bool = True) -> None:
    """Mark `lang` as published in the copy (held to completeness, fingerprints and review) or as a draft."""
    (root / f"translations/{lang}/language.yml").write_text(f"published: {str(published).lower()}\n", encoding="utf-8")


def english_text(root: Path, domain: str, key: str) -> str:
    """The English text of `key` in the copy."""
    data = yaml.safe_load((root / f"translations/en/{domain}.yml").read_text(encoding="utf-8"))
    entry = data[key]
    return entry["text"] if isinstance(entry, dict) else entry


def translation_entry(key: str, text: str, *, source: str | None, status: str | None = "machine-draft",
                      reviewer: str | None = None, extra: str = "") -> str:
    """A translation entry as a translator writes it (text in YAML double quotes)."""
    lines = [f"{key}:\n", f"  text: {_quoted(text)}\n"]
    lines += [f"  source: {source}\n"] if source is not None else []
    lines += [f"  status: {status}\n"] if status is not None else []
    lines += [f"  reviewer: {reviewer}\n"] if reviewer is not None else []
    return "".join(lines) + extra


def write_entry(root: Path, lang: str, domain: str, key: str, text: str, *,
                source: str | None = "current", **fields: str | None) -> int:
    """Replace the `lang` entry of `key` in the copy; return the line of its id.

    `source="current"` stamps it with the fingerprint of the copy's English, so the
    entry's own text is the only thing that can be wrong with it.
    """
    if source == "current":
        source = fingerprint(english_text(root, domain, key))
    rel = f"translations/{lang}/{domain}.yml"
    replace_block(root, rel, f"{key}:", translation_entry(key, text, source=source, **fields))
    return line_of(root, rel, f"{key}:")


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, built once per test run with `mkdocs build --strict`."""
    from tests.sitebuild import build

    built = build(ROOT, tmp_path_factory.mktemp("real") / "site")
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def served(site):
    """The real built site, served on 127.0.0.1; the base URL ends in '/'."""
    from tests.browser import serve

    with serve(site.site) as base:
        yield base


@pytest.fixture(scope="session")
def host_port() -> int:
    from tests.nginx import free_port

    return free_port()


@pytest.fixture(scope="session")
def hosted(host_port, tmp_path_factory) -> Path:
    """The site as `make build` publishes it (with _headers and .gz/.br files), built for its
    address on 127.0.0.1 (the sitemap and the 404 pages use absolute URLs)."""
    from catalogue.publish.hosting import prepare_for_hosting
    from tests.sitebuild import build

    folder = tmp_path_factory.mktemp("hosted") / "site"
    built = build(ROOT, folder, env={"SITE_URL": f"http://127.0.0.1:{host_port}/"})
    assert built.returncode == 0, built.output
    prepare_for_hosting(ROOT, folder)
    return folder


@pytest.fixture(scope="session")
def host_prefix(tmp_path_factory) -> Path:
    """The private prefix of the nginx that serves `host`: its config, pid and every log it writes."""
    return tmp_path_factory.mktemp("nginx")


@pytest.fixture(scope="session")
def host(hosted, host_port, host_prefix) -> str:
    """The hosted site served by Debian's nginx with deploy/nginx.conf on 127.0.0.1; the base URL ends in '/'."""
    from tests.nginx import nginx

    with nginx(ROOT / "deploy/nginx.conf", hosted, host_prefix, host_port) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright (no downloaded browser)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab with its own context (no shared storage, clipboard allowed)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    yield tab
    context.close()
