"""Browser tests: Debian's headless Chromium against the built site served on 127.0.0.1."""

from __future__ import annotations

import pytest

from tests.browser import watch
from tests.conftest import languages

LANGS = [lang.code for lang in languages()]


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_leaves_127_0_0_1(page, served, lang):
    traffic = watch(page)
    prefix = "" if lang == "en" else f"{lang}/"
    for path in ("", "communique/", "communique/op1-iii/", "frameworks/", "crosswalk/"):
        page.goto(served + prefix + path, wait_until="networkidle")
    assert traffic.urls, "the browser made no request at all"
    assert traffic.external() == []
