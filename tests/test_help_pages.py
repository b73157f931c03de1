"""The Get help pages and what the site says about privacy, on the built site, in every language.

No page promises privacy the site cannot keep (the promises removed in review must not come
back, in any language, anywhere in the built site); every Get help page links the page of each
network that lists its members, says what the site cannot hide and explains the exit control;
no translated home page calls a translation the text "as adopted".
"""

from __future__ import annotations

import html
import re

import pytest
import yaml

from tests.helpers import ROOT, languages

LANGS = [lang.code for lang in languages()]

# Promises the site cannot keep, as they were once written, in each language.
REMOVED_PROMISES = {
    "en": ["no one else learns", "not recorded or shared", "is not recorded"],
    "fr": ["personne d'autre ne sait", "n'est ni enregistré ni communiqué"],
    "es": ["nadie más sabe", "no se registra ni se comparte"],
    "pt": ["mais ninguém fica a saber", "não é registado nem partilhado"],
    "sw": ["hakuna mtu mwingine anayejua", "hakirekodiwi wala hakishirikiwi"],
    "ar": ["فلا يعلم أحد غيرك", "لا يُسجَّل ولا يُشارَك"],
    "am": ["ሌላ ማንም አያውቅም", "አይመዘገብም፤ ለማንም አይጋራም"],
}
# Translated home pages once called the translation the text "as adopted".
AS_ADOPTED = {
    "fr": "Le texte intégral, tel qu'il a été adopté",
    "es": "El texto íntegro, tal como se adoptó",
    "pt": "O texto integral, tal como foi adotado",
    "sw": "Maandishi kamili, hasa kama yalivyopitishwa",
    "ar": "النص الكامل، كما اعتُمد حرفياً",
    "am": "ሙሉ ጽሑፉ፣ ልክ እንደጸደቀው",
}
# The most useful page of each help route (from the project's reference facts).
ROUTES = ("https://childhelplineinternational.org/about/members/", "https://www.inhope.org/EN/hotline-guide",
          "https://report.iwf.org.uk/", "https://report.cybertip.org/", "https://ecpat.org")


def _text(markup: str) -> str:
    """What a reader reads: no tags, entities decoded, whitespace (no-break spaces too) collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).replace(" ,", ",")


def _prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def test_every_removed_privacy_promise_is_gone_from_every_file_of_the_site(site):
    files = [path for path in site.site.rglob("*") if path.suffix in (".html", ".json", ".txt", ".xml", ".csv")]
    assert len(files) > 100
    found = []
    for path in files:
        text = _text(path.read_text(encoding="utf-8", errors="replace")).casefold()
        found += [f"{path.relative_to(site.site)}: {phrase}" for phrases in REMOVED_PROMISES.values()
                  for phrase in phrases if phrase.casefold() in text]
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_help_page_links_each_routes_member_list_and_says_what_the_site_cannot_hide(site, lang):
    page = (site.site / _prefix(lang) / "help/index.html").read_text(encoding="utf-8")
    hrefs = set(re.findall(r'<a [^>]*href="([^"]+)"', page))
    assert [route for route in ROUTES if route not in hrefs] == []
    assert 'id="privacy"' in page
    assert '<a href="#privacy">' in page
    exit_label = yaml.safe_load((ROOT / f"translations/{lang}/site.yml").read_text(encoding="utf-8"))["exit-page"]["text"]
    body = _text(page.split('id="privacy"', 1)[1])
    assert exit_label in body, "the privacy section should explain what Exit this page does and does not hide"
    assert "Google" in body and "https" in body and "zip" in body


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_points_to_what_the_site_can_and_cannot_protect(site, lang):
    page = (site.site / _prefix(lang) / "index.html").read_text(encoding="utf-8")
    assert '<a href="help/#privacy">' in page


@pytest.mark.parametrize("lang", [code for code in LANGS if code != "en"])
def test_a_translated_home_page_does_not_call_its_text_as_adopted(site, lang):
    page = _text((site.site / _prefix(lang) / "index.html").read_text(encoding="utf-8"))
    assert AS_ADOPTED[lang] not in page
