"""Browser tests: Debian's headless Chromium against the built site served on 127.0.0.1."""

from __future__ import annotations

import pytest

from tests.browser import watch
from tests.helpers import languages

LANGS = [lang.code for lang in languages()]


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_leaves_127_0_0_1(page, served, lang):
    traffic = watch(page)
    prefix = "" if lang == "en" else f"{lang}/"
    for path in ("", "communique/", "communique/op1-iii/", "frameworks/", "crosswalk/"):
        page.goto(served + prefix + path, wait_until="networkidle")
    assert traffic.urls, "the browser made no request at all"
    assert traffic.external() == []


# What a reader sees first (before the scripts have run, or with scripts off) must be where it
# stays once they run: controls that need a script keep their place, invisible, until then.
STEADY = (".md-header__title", ".md-header__option", ".site-search__open", ".md-content h1", '.clause[id="op1-iii"]',
          ".clause-tools summary", ".clause-tools__button", "#sources")
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}


def _layout(browser, url: str, javascript: bool) -> dict:
    context = browser.new_context(java_script_enabled=javascript, **PHONE)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if javascript:
        page.wait_for_selector(".site-search__open.is-ready")
    boxes = {selector: page.locator(selector).first.bounding_box() for selector in STEADY}
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    visible = page.locator(".clause-tools__button").first.is_visible()
    context.close()
    return {"boxes": boxes, "overflow": overflow, "copy button visible": visible}


@pytest.mark.parametrize("lang", ["en", "ar", "am"])
def test_nothing_moves_on_a_phone_when_the_scripts_run(browser, served, lang):
    url = served + ("" if lang == "en" else f"{lang}/") + "communique/op1-iii/"
    before, after = _layout(browser, url, javascript=False), _layout(browser, url, javascript=True)
    assert before["overflow"] == after["overflow"] == 0, "the page is wider than the phone"
    assert before["boxes"] == after["boxes"]
    assert (before["copy button visible"], after["copy button visible"]) == (False, True)
