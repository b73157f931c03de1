"""A shared link shows a picture of the clause (or page) in its language: every page's card on the
built site, its metadata, its drawing (Arabic shaped, Amharic with its glyphs) and its cache."""

from __future__ import annotations

import io
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image, ImageFont, features

from catalogue.publish import card as drawing
from catalogue.publish import cards
from catalogue.publish.card import Card, CardError, draw
from catalogue import load
from tests.helpers import CODES, ROOT, languages, prefix, replace_text
from tests.sitebuild import build

# Open Graph's (Facebook's) names of the site's languages.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "ar": "ar_AR", "pt": "pt_PT", "es": "es_ES", "sw": "sw_KE", "am": "am_ET"}
DRAWN = re.compile(r"share cards: (\d+) drawn, (\d+) from the cache")


@lru_cache(maxsize=None)
def catalogue():
    return load(ROOT, languages())[0]


def meta(page, **attrs) -> str:
    return page.find("meta", attrs=attrs)["content"]


def base_of(site) -> str:
    return site.html("").find("link", rel="canonical")["href"]


def pages(site) -> list[str]:
    """Every page of the built site, by path from its root (the 404 pages too)."""
    return sorted(p.relative_to(site.site).as_posix() for p in site.site.rglob("*.html"))


def card_file(site, page) -> Path:
    url = meta(page, property="og:image")
    base = base_of(site)
    assert url.startswith(base) and url.endswith("/card.png"), url
    return site.site / url[len(base):]


def card_on(site, path: str) -> Card:
    """The card a page's head describes, as the build draws it."""
    page = site.html(path)
    code = page.html["lang"]
    language = next(lang for lang in languages() if lang.code == code)
    home = meta(page, property="og:image") == f"{base_of(site)}{prefix(code)}card.png"
    return Card("" if home else meta(page, property="og:site_name"), meta(page, property="og:site_name") if home
                else meta(page, property="og:title"), meta(page, property="og:description"), code, language.direction)


def test_every_page_has_its_own_card_of_the_right_size_and_weight(site):
    seen = set()
    for path in pages(site):
        page = site.html(path)
        file = card_file(site, page)
        assert file.is_file(), f"{path}: no card at {file}"
        with Image.open(file) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)), path
        assert file.stat().st_size <= 100 * 1024, f"{path}: card of {file.stat().st_size} bytes"
        assert (meta(page, property="og:image:width"), meta(page, property="og:image:height")) == ("1200", "630")
        assert meta(page, property="og:image:type") == "image/png"
        assert meta(page, name="twitter:card") == "summary_large_image"
        if not path.endswith("404.html"):
            assert file not in seen, f"{path} shares its card with another page"
            seen.add(file)
    assert len(seen) == len([p for p in pages(site) if not p.endswith("404.html")])


def test_a_card_is_only_for_link_previews_nothing_a_reader_downloads(site):
    """The page names its card in its head's metadata only: no image, preload or prefetch of it."""
    for path in ("communique/op1-iii/", "ar/communique/op1-iii/", "am/"):
        html = (site.site / path / "index.html").read_text(encoding="utf-8")
        assert html.count("card.png") == 1 and re.search(r'<meta property="og:image" content="[^"]+/card\.png">', html)


@pytest.mark.parametrize("code", CODES)
def test_each_page_names_its_locale_and_its_card_in_its_language(site, code):
    for path in (f"{prefix(code)}communique/op1-iii/", f"{prefix(code)}frameworks/crc/", f"{prefix(code)}"):
        page = site.html(path)
        assert meta(page, property="og:locale") == OG_LOCALES[code]
        alternates = [tag["content"] for tag in page.find_all("meta", property="og:locale:alternate")]
        assert alternates == [OG_LOCALES[c] for c in CODES if c != code]
        alt = meta(page, property="og:image:alt")
        assert meta(page, property="og:site_name") in alt
        assert path == prefix(code) or meta(page, property="og:title") in alt  # the home card is the site's name
        assert meta(page, property="og:description") in alt
        if code != "en":
            assert alt != meta(site.html(path.removeprefix(prefix(code))), property="og:image:alt")


@pytest.mark.parametrize("code", CODES)
def test_a_clause_card_shows_its_number_and_words_in_the_page_language(site, code):
    path = f"{prefix(code)}communique/op1-iii/"
    built = card_file(site, site.html(path)).read_bytes()
    assert draw(card_on(site, path)) == built
    assert draw(Card("", "", "", code)) != built


def test_an_arabic_card_is_shaped_and_set_right_to_left(site):
    """Its letters join (the same words with a zero-width non-joiner between every letter draw
    differently, and so does Pillow's basic layout, which cannot shape) and its lines start at the right."""
    path = "ar/communique/op1-iii/"
    card = card_on(site, path)
    assert card.direction == "rtl" and features.check("raqm")
    built = card_file(site, site.html(path)).read_bytes()
    unjoined = Card(card.site, card.title, "\u200c".join(card.text), card.lang, card.direction)
    assert draw(unjoined) != built
    assert draw(card, layout=ImageFont.Layout.BASIC) != built
    english = card_file(site, site.html("communique/op1-iii/")).read_bytes()
    assert abs(max(_ink_columns(built)) - (drawing.WIDTH - drawing.MARGIN)) <= 8
    assert abs(min(_ink_columns(english)) - drawing.MARGIN) <= 8


def test_an_amharic_card_has_every_glyph_it_draws(site):
    """No empty boxes: the font each Amharic card uses has every character of its text."""
    for path in ("am/communique/op1-iii/", "am/", "am/frameworks/statement-of-action/"):
        card = card_on(site, path)
        family = drawing.family_for(card)
        assert family == "NotoSansEthiopic"
        for weight in ("Regular", "Bold"):
            cmap = TTFont(io.BytesIO(drawing.font_bytes(family, weight)))["cmap"].getBestCmap()
            missing = {c for c in card.characters if not c.isspace() and ord(c) not in cmap}
            assert not missing, f"{path} ({weight}): no glyph for {sorted(missing)}"
        built = card_file(site, site.html(path)).read_bytes()
        assert draw(card) == built
        tofu = draw(card, fonts=lambda family, weight: drawing.font_bytes(drawing.LATIN, weight))  # no Ethiopic
        assert tofu != built


def test_a_character_no_font_has_stops_the_strict_build_in_one_line(project_copy, tmp_path):
    replace_text(project_copy, "translations/fr/site.yml", "Paragraphe {number}", "Paragraphe {number} 𓀀")
    built = build(project_copy, tmp_path / "site")
    assert built.returncode != 0
    lines = [line for line in built.output.splitlines() if "𓀀" in line and "Aborted" in line]
    assert lines and "Traceback" not in built.output, built.output[-2000:]
    assert all("communique/op1.md (fr)" in line and "catalogue/publish/card.py" in line for line in lines)


@pytest.mark.core
def test_without_raqm_or_the_fonts_no_card_is_drawn(monkeypatch, tmp_path):
    monkeypatch.setattr(drawing.features, "check", lambda name: False)
    with pytest.raises(CardError, match="raqm") as failure:
        draw(Card("Site", "Title", "Text", "en"))
    assert "\n" not in str(failure.value)
    monkeypatch.undo()
    monkeypatch.setattr(drawing, "FONT_DIR", tmp_path)
    with pytest.raises(CardError, match="fonts-noto-core") as failure:
        drawing.font_files()
    assert "\n" not in str(failure.value)


@pytest.mark.core
def test_long_text_wraps_and_ends_with_an_ellipsis():
    lines, whole = drawing.wrap("one two three four five six", len, 9, 2)
    assert lines == ["one two", "three…"] and not whole
    assert drawing.wrap("one two", len, 9, 2) == (["one two"], True)
    assert drawing.wrap("abcdefghijkl", len, 5, 3) == (["abcde", "fghij", "kl"], True)


@pytest.mark.core
def test_the_cache_draws_a_card_once_and_again_only_when_it_changes(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    made = {"a/card.png": Card("Site", "A", "First", "en"), "b/card.png": Card("Site", "B", "Second", "en")}
    assert cards.write_all(site, made, cache) == cards.Written(2, 0)
    first = {path: (site / path).read_bytes() for path in made}
    assert cards.write_all(site, made, cache) == cards.Written(0, 2)
    assert {path: (site / path).read_bytes() for path in made} == first
    made["b/card.png"] = Card("Site", "B", "Second, changed", "en")
    assert cards.write_all(site, made, cache) == cards.Written(1, 1)
    assert (site / "b/card.png").read_bytes() != first["b/card.png"]
    arabic = Card("موقع", "عنوان (i)", "نص", "ar", "rtl")
    assert cards.write_all(site, {"ar/card.png": arabic}, cache) == cards.Written(1, 0)
    assert (site / "ar/card.png").read_bytes() == draw(arabic)  # the merged font kept in the cache draws the same
    assert len(list(cache.glob("font-*-NotoSansArabic-*.ttf"))) == 2  # each weight, merged once


def test_two_builds_give_the_same_cards_and_a_rebuild_draws_none(site, project_copy, tmp_path):
    """A cold build (with an empty cache) draws every card, the same bytes as the real site's;
    building again draws none."""
    cache = {"CARD_CACHE": str(tmp_path / "cache")}
    cold = build(project_copy, tmp_path / "cold", env=cache)
    assert cold.returncode == 0, cold.output
    drawn, reused = map(int, DRAWN.search(cold.output).groups())
    expected = sorted(p.relative_to(site.site).as_posix() for p in site.site.rglob("card.png"))
    assert (drawn, reused) == (len(expected), 0)
    for path in expected:
        assert (cold.site / path).read_bytes() == (site.site / path).read_bytes(), path
    warm = build(project_copy, tmp_path / "warm", env=cache)
    assert warm.returncode == 0, warm.output
    assert DRAWN.search(warm.output).groups() == ("0", str(len(expected)))
    assert all((warm.site / path).read_bytes() == (site.site / path).read_bytes() for path in expected)


@pytest.mark.parametrize("code", CODES)
def test_a_clause_page_describes_where_and_what_it_is_part_of(site, code):
    base = base_of(site)
    page = site.html(f"{prefix(code)}communique/op1-iii/")
    data = json.loads(page.find("script", type="application/ld+json").string)
    url = f"{base}{prefix(code)}communique/op1-iii/"
    assert data["@id"] == data["url"] == url == page.find("link", rel="canonical")["href"]
    whole = data["isPartOf"]
    assert whole["@id"] == whole["url"] == f"{base}{prefix(code)}communique/"
    assert whole["name"] == catalogue().text(code, "site", "cite-document")  # as written, not the heading's capitals
    if code == "en":
        assert whole["name"] == "Communique of the Global Summit to Tackle Online Child Sexual Exploitation"
    place = whole["locationCreated"]
    assert place["@type"] == "Place" and place["address"]["@type"] == "PostalAddress"
    assert place["address"]["addressCountry"] == "ET"
    assert place["address"]["addressLocality"] in place["name"]
    if code == "en":
        assert place["name"] == "African Union Headquarters, Addis Ababa, Ethiopia"
        assert place["address"]["addressLocality"] == "Addis Ababa"


def test_robots_txt_names_the_sitemap_by_its_address(site):
    robots = (site.site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {base_of(site)}sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots.splitlines() and "Disallow: /" not in robots
    assert (site.site / "sitemap.xml").is_file()


def _ink_columns(png: bytes) -> list[int]:
    """The x of every column with dark pixels (the text), leaving out the coloured bar at either edge."""
    with Image.open(io.BytesIO(png)) as image:
        grey = image.convert("L").crop((drawing.BAR + 2, 0, drawing.WIDTH - drawing.BAR - 2, drawing.HEIGHT))
    pixels = grey.load()
    return [x + drawing.BAR + 2 for x in range(grey.width) if any(pixels[x, y] < 100 for y in range(0, grey.height, 2))]
