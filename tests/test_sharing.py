"""A shared clause link previews that clause, in its language, and old links keep working:
each clause page's own metadata, and retired ids redirecting (on a copy with a retired id)."""

from __future__ import annotations

import re

import pytest

from tests.browser import serve
from tests.helpers import CLAUSES, CODES, append_text, prefix, replace_text
from tests.sitebuild import build




def meta(page, **attrs) -> str:
    return page.find("meta", attrs=attrs)["content"]


def clause_text(page, clause: str) -> str:
    """The words of the clause as the page shows them, without its number and ¶ link (no-break spaces kept)."""
    text = page.find(id=clause, class_="clause").find(class_="clause__text")
    for extra in text.select(".clause__number, .clause__permalink"):
        extra.decompose()
    return re.sub(r"[ \t\r\n]+", " ", text.get_text()).strip(" ")


@pytest.mark.parametrize("code", CODES)
def test_each_clause_page_describes_itself_for_sharing_in_its_language(site, code):
    base = site.html("").find("link", rel="canonical")["href"]
    for clause in CLAUSES:
        page = site.html(f"{prefix(code)}communique/{clause}/")
        label = page.h1.get_text(strip=True)
        text = clause_text(page, clause)
        url = f"{base}{prefix(code)}communique/{clause}/"
        assert page.html["lang"] == code
        assert page.title.get_text().startswith(label)
        assert meta(page, property="og:title") == meta(page, name="twitter:title") == label
        assert meta(page, name="description") == meta(page, property="og:description") \
            == meta(page, name="twitter:description") == text, clause
        assert page.find("link", rel="canonical")["href"] == meta(page, property="og:url") == url
        assert meta(page, property="og:locale").split("_")[0] == code
        assert meta(page, property="og:type") == "article"


def test_a_retired_clause_id_keeps_working_in_every_language(project_copy, tmp_path, browser):
    replace_text(project_copy, "data/retired-ids.yml", "{}", "op4: op3")
    append_text(project_copy, "data/published-ids.yml", "- op4\n")
    built = build(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.output
    for code in CODES:
        redirect = built.html(f"{prefix(code)}communique/op4/")
        assert redirect.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../op3/"
        assert built.html(f"{prefix(code)}communique/").find(id="op4", class_="retired-anchor")
    context = browser.new_context()
    page = context.new_page()
    with serve(built.site) as served:
        for code in CODES:
            page.goto(f"{served}{prefix(code)}communique/op4/")
            page.wait_for_url(f"{served}{prefix(code)}communique/op3/")
            assert page.locator('.clause[id="op3"]').is_visible()
    context.close()
