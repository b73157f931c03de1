"""Every page fits the screen: each page type, in every language, on a 320 px and a 390 px phone
and a 1280 px desktop, closed and with the search open (a query typed), the language menu open and
the navigation drawer open. Nothing makes the page wider than the viewport, and no element a reader
can see is cut off by its edge (tests/layout_probe.js, one evaluation per state)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import languages
from tests.pagetypes import representative_pages

PROBE = (Path(__file__).parent / "layout_probe.js").read_text(encoding="utf-8")
PHONES = (390, 320)
DESKTOP = 1280
QUERY = "2019"  # in every language's pages: every search has results to show
PREFIXES = {language.code: language.prefix for language in languages()}
# Material's transitions off, so each state is measured where it ends (the test's own style sheet:
# the contexts bypass the CSP for it).
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": PHONES[0], "height": 800}, is_mobile=True, has_touch=True,
                                  bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def desktop(browser):
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900}, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def pages(site) -> dict[str, list[str]]:
    """By language code: the URL path of one page of each type."""
    found = representative_pages(site.site)
    return {code: [path.relative_to(site.site).as_posix().removesuffix("index.html") for path in found[prefix]]
            for code, prefix in PREFIXES.items()}


def _states(page, width: int) -> dict[str, list[str]]:
    """What sticks out in each open state of the page already loaded, at `width`."""
    found = {"closed": page.evaluate(PROBE)}
    if page.locator("[data-search-open]").count():
        opener = ".site-search__open" if width < 960 else ".md-search__input"
        page.click(opener)
        if not page.input_value("[data-search-query]"):
            page.keyboard.type(QUERY)
        page.wait_for_selector(".md-search-result__item")
        found["search open"] = page.evaluate(PROBE)
        page.keyboard.press("Escape")
    if page.locator(".md-select button").count():
        page.focus(".md-select button")
        found["language menu open"] = page.evaluate(PROBE)
        page.evaluate("document.activeElement.blur()")
    if width < 1220:
        page.click(".md-header label[for=__drawer]")
        found["drawer open"] = page.evaluate(PROBE)
        page.evaluate("() => { const box = document.getElementById('__drawer'); box.checked = false;"
                      " box.dispatchEvent(new Event('change')); }")
    return found


@pytest.mark.parametrize("code", list(PREFIXES))
def test_every_page_type_fits_phones_and_desktops_in_every_open_state(phone, desktop, served, pages, code):
    problems = []
    for path in pages[code]:
        for page, widths in ((phone, PHONES), (desktop, (DESKTOP,))):
            page.set_viewport_size({"width": widths[0], "height": 800})
            page.goto(served + path)
            page.add_style_tag(content=STILL)
            page.wait_for_selector("[data-search].is-ready", state="attached")
            for width in widths:
                page.set_viewport_size({"width": width, "height": 800})
                for state, found in _states(page, width).items():
                    problems += [f"/{path} at {width} px, {state}: {line}" for line in found]
    assert problems == []


def test_the_probe_sees_what_sticks_out(phone, served):
    """The probe itself: a box pushed past the edge and a too-wide page are both reported."""
    phone.set_viewport_size({"width": PHONES[0], "height": 800})
    phone.goto(served + "crosswalk/", wait_until="networkidle")
    phone.evaluate("() => { const box = document.createElement('p'); box.id = 'wide'; box.textContent = 'x';"
                   " box.style.width = '500px'; document.querySelector('.md-content').append(box); }")
    found = phone.evaluate(PROBE)
    assert any(line.startswith("the page is") for line in found)
    assert any(line.startswith("p#wide spans") for line in found)


def test_a_desktop_shows_one_search_control(desktop, served):
    desktop.set_viewport_size({"width": DESKTOP, "height": 800})
    desktop.goto(served + "communique/")
    desktop.wait_for_selector("[data-search].is-ready", state="attached")
    assert desktop.locator(".md-search__input").is_visible()
    assert not desktop.locator(".site-search__open").is_visible()


@pytest.mark.parametrize("code, comma", [("en", ", "), ("ar", "، "), ("am", "፣ ")])
def test_a_framework_and_its_article_are_joined_by_the_language_s_comma(site, code, comma):
    page = site.html(f"{PREFIXES[code]}crosswalk/")
    pinpoints = [link.get_text() for link in page.select(".crosswalk-list a[href*='#']")]
    assert pinpoints and all(comma in text for text in pinpoints)
    assert code == "en" or not any(", " in text for text in pinpoints)


@pytest.mark.parametrize("code, style", [("en", "italic"), ("fr", "italic"), ("ar", "normal"), ("am", "normal")])
def test_relation_labels_are_italic_only_in_scripts_that_have_italics(desktop, served, code, style):
    for path, label in (("communique/op1-iii/", ".source__relation"), ("frameworks/", "dl.relations dt")):
        desktop.goto(f"{served}{PREFIXES[code]}{path}")
        assert desktop.eval_on_selector(label, "el => getComputedStyle(el).fontStyle") == style, path
