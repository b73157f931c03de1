"""Text first on slow networks: every page carries the styles its first screen needs inline (allowed by
their hash, never 'unsafe-inline') and loads the rest after its content; the first screen is drawn as
it will stay, and once everything has loaded a page looks exactly as with the theme's own stylesheets."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image, ImageChops

from catalogue.render.styles import csp_hash
from catalogue.sources.deploy import policies
from catalogue.validate.styles import csp_problems
from tests.helpers import ROOT, prefix
from tests.pagetypes import representative_pages

REST = re.compile(r"assets/stylesheets/site\.[0-9a-f]{8}\.min\.css$")
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


def _inline_style(soup) -> str:
    styles = soup.find_all("style")
    assert len(styles) == 1, f"{len(styles)} <style> elements"
    assert styles[0].parent.name == "head"
    return styles[0].string or ""


def test_every_page_inlines_one_style_its_policy_allows_and_links_the_rest_after_its_content(site):
    pages = sorted(site.site.rglob("*.html"))
    hashes, wrong = set(), []
    for path in pages:
        rel = path.relative_to(site.site).as_posix()
        soup = site.html(rel)
        css = _inline_style(soup)
        hashes.add(csp_hash(css))
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        style_src = next(d.split()[1:] for d in policy.split(";") if d.split()[:1] == ["style-src"])
        if style_src != ["'self'", csp_hash(css)]:
            wrong.append(f"{rel}: style-src {style_src}")
        if soup.head.find("link", rel="stylesheet"):
            wrong.append(f"{rel}: a stylesheet in the head holds back the text")
        later = soup.body.find_all("link", rel="stylesheet")
        if len(later) != 1 or not REST.search(later[0]["href"]):
            wrong.append(f"{rel}: links {[link['href'] for link in later]} after the content")
    assert len(pages) > 200
    assert wrong == []
    assert len(hashes) == 1, "one inline style for every page, so one hash in the policy"
    assert csp_problems(policies(ROOT), hashes.pop()) == [], "deploy/_headers and deploy/nginx.conf allow it"


def test_the_rest_of_the_styles_is_one_fingerprinted_file_without_unused_theme_rules(site):
    (rest,) = sorted(site.site.glob("assets/stylesheets/site.*.min.css"))
    text = rest.read_text(encoding="utf-8")
    theme = next(site.site.glob("assets/stylesheets/main.*.min.css")).read_text(encoding="utf-8")
    assert ".md-typeset" in text and ".clause__text" in text
    assert ".md-consent" in theme and ".md-consent" not in text, "the cookie-consent dialog is never shown"
    assert "[data-md-color-primary=red]" not in text, "palettes the site does not set are left out"
    assert len(text) < len(theme) * 0.7


def test_hosting_files_that_do_not_allow_the_inline_style_are_named_with_the_hash_to_put_there():
    allowed = csp_hash("body{margin:0}")
    files = {"deploy/_headers": "/*\n  Content-Security-Policy: default-src 'self'; style-src 'self' 'sha256-old='\n",
             "deploy/nginx.conf": f"add_header Content-Security-Policy \"style-src 'self' {allowed}; img-src 'self'\";\n"}
    problems = [str(problem) for problem in csp_problems(files, allowed)]
    assert problems == [f"deploy/_headers:2: the first-screen styles changed: the policy's style-src must be "
                        f"\"'self' {allowed}\" (the hash of the inline style every page carries)"]


def _same_look(one: bytes, other: bytes) -> bool:
    """Two screenshots that a reader cannot tell apart: the same size, and no pixel more than a
    rounding step (8 of 255 in a channel) from the other's (text antialiasing may vary by one)."""
    first, second = (Image.open(io.BytesIO(shot)).convert("RGB") for shot in (one, other))
    if first.size != second.size:
        return False
    return max(high for _, high in ImageChops.difference(first, second).getextrema()) <= 8


def _theme_styles(site) -> str:
    """The links to the theme's own stylesheets and the site's, in the order Material writes them."""
    names = [path.relative_to(site.site).as_posix() for pattern in ("assets/stylesheets/main.*.min.css",
                                                                    "assets/stylesheets/palette.*.min.css")
             for path in sorted(site.site.glob(pattern))[:1]] + ["assets/site.css"]
    return "".join(f'<link rel="stylesheet" href="/{name}">' for name in names)


def _screenshot(browser, url: str, viewport: dict, *, rewrite=None, block_rest=False, full_page=True) -> bytes:
    """A screenshot with scripts off (only the styles differ between two shots)."""
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    if rewrite:
        def fulfil(route):
            response = route.fetch()
            route.fulfill(response=response, body=rewrite(response.text()))
        page.route(url, fulfil)
    if block_rest:
        page.route(REST_URL, lambda route: route.abort())
    page.goto(url, wait_until="load")
    shot = page.screenshot(full_page=full_page, animations="disabled")
    context.close()
    return shot


REST_URL = re.compile(r".*/assets/stylesheets/site\.[0-9a-f]{8}\.min\.css$")


@pytest.mark.parametrize("lang", ["en", "ar", "am"])
def test_a_page_looks_exactly_as_with_the_theme_stylesheets_once_loaded(browser, served, site, lang):
    theme = _theme_styles(site)

    def with_theme_styles(html: str) -> str:
        html = re.sub(r"<style>.*?</style>", theme, html, count=1, flags=re.S)
        return re.sub(r'<link rel="stylesheet" href="[^"]*site\.[0-9a-f]{8}\.min\.css">', "", html)

    differ = []
    for path in representative_pages(site.site)[prefix(lang)]:
        url = served + path.relative_to(site.site).as_posix().removesuffix("index.html")
        for viewport in (PHONE, DESKTOP):
            if not _same_look(_screenshot(browser, url, viewport), _screenshot(browser, url, viewport,
                                                                                rewrite=with_theme_styles)):
                differ.append(f"{url} at {viewport['width']} px")
    assert differ == []


@pytest.mark.parametrize("lang", ["en", "ar", "am"])
@pytest.mark.parametrize("path", ["communique/op1-iii/", "communique/", "crosswalk/", ""])
def test_the_first_screen_on_a_phone_is_drawn_as_it_stays_before_the_rest_of_the_styles_arrive(browser, served,
                                                                                                  lang, path):
    url = served + prefix(lang) + path
    first = _screenshot(browser, url, PHONE, block_rest=True, full_page=False)
    assert _same_look(first, _screenshot(browser, url, PHONE, full_page=False))
