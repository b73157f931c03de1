"""What a reader's browser transfers, compressed: a first visit to a page, a first search.

Each response body is counted gzip-compressed at level 9 (what a server sends from
precompressed files); bodies that are compressed already (Pagefind's index and WebAssembly,
images) count at the smaller of their size and that. Every visit starts with an empty cache.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.browser import CHROMIUM, CHROMIUM_ARGS

KINDS = {".html": "HTML", "/": "HTML", ".css": "CSS", ".js": "JS", ".json": "data", ".xml": "sitemap",
         ".svg": "icons", ".png": "icons", ".ico": "icons", ".woff2": "fonts", ".woff": "fonts", ".ttf": "fonts"}


def compressed(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, 9)))


def kind(url: str) -> str:
    path = urlsplit(url).path
    if "/pagefind/" in path or "search_index" in path or "/lunr/" in path or "/workers/" in path:
        return "search"
    return next((name for suffix, name in KINDS.items() if path.endswith(suffix)), "other")


@dataclass
class Transfer:
    """The responses of one visit: bytes by kind, failed requests, requests to other origins."""

    sizes: dict[str, int] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.sizes.values())

    def add(self, url: str, status: int, body: bytes) -> None:
        self.urls.append(url)
        if status >= 400:
            self.failed.append(f"{status} {urlsplit(url).path}")
        self.sizes[kind(url)] = self.sizes.get(kind(url), 0) + compressed(body)


class Browser:
    """Debian's headless Chromium (Playwright), one fresh context per visit."""

    def __init__(self, playwright) -> None:
        self.chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)

    def close(self) -> None:
        self.chromium.close()

    def _recording(self, page, origin: str, transfer: Transfer) -> None:
        def on_response(response) -> None:
            if urlsplit(response.url).netloc != origin:
                transfer.external.append(response.url)
                return
            try:
                body = response.body()
            except Exception:  # a redirect or an aborted request has no body
                body = b""
            transfer.add(response.url, response.status, body)

        def on_failed(request) -> None:
            target = transfer.external if urlsplit(request.url).netloc != origin else transfer.failed
            target.append(f"failed {request.url}")

        page.on("response", on_response)
        page.on("requestfailed", on_failed)

    def visit(self, url: str) -> Transfer:
        """A first visit to `url`: everything it loads until the network is idle."""
        context = self.chromium.new_context()
        page = context.new_page()
        transfer = Transfer()
        self._recording(page, urlsplit(url).netloc, transfer)
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(500)
        context.close()
        return transfer

    def first_search(self, url: str, word: str) -> tuple[Transfer, int]:
        """Open `url`, type `word` in the search; what the search alone loads, and how many results it shows."""
        context = self.chromium.new_context()
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        transfer = Transfer()
        self._recording(page, urlsplit(url).netloc, transfer)
        page.keyboard.press("/")
        page.keyboard.type(word)
        page.wait_for_selector(".md-search-result__item", timeout=30_000)
        page.wait_for_load_state("networkidle")
        results = page.locator(".md-search-result__item").count()
        context.close()
        return transfer, results


def longest_word(text: str) -> str:
    """A distinctive word of a clause to search for."""
    return max(re.findall(r"\w+", text), key=len)
