"""The tests' fixtures: a throwaway copy of the project, and the real site built, served and hosted once
per run. The helpers that edit a copy are in tests/helpers.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import PROJECT_PARTS, ROOT


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
    from catalogue.sources.deploy import headers
    from tests.sitebuild import build

    folder = tmp_path_factory.mktemp("hosted") / "site"
    built = build(ROOT, folder, env={"SITE_URL": f"http://127.0.0.1:{host_port}/"})
    assert built.returncode == 0, built.output
    prepare_for_hosting(folder, headers(ROOT))
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
