"""The translators' workflow (issue 4): a new language from scratch, the status page and the
`status` command agreeing, plain words, the glossary and its term check, entry history."""

from __future__ import annotations

import re

import pytest
from babel.dates import get_month_names
from babel.numbers import format_decimal

from tests.helpers import CLAUSES, CODES, ROOT, cli, prefix, problem_lines, replace_block, replace_text, write_entry
from tests.sitebuild import build




def status_rows(output: str) -> dict[str, dict[str, int]]:
    """The `status` table as {lang: {column: number}}."""
    lines = output.strip().splitlines()
    header = lines[0].split()[1:]
    rows = {}
    for line in lines[1:]:
        if line.startswith(" "):
            continue
        code, translated, *rest = line.split()
        done, total = translated.split("/")
        rows[code] = {"translated": int(done), "total": int(total), **dict(zip(header[1:], map(int, rest)))}
    return rows


def test_a_new_language_is_scaffolded_translated_and_built_as_a_draft(project_copy, tmp_path):
    """The guide's walkthrough: scaffold, translate one clause, status, strict build, draft notice,
    English fallback marked with its language and direction. Hausa (ltr) and Persian (rtl) at once."""
    for code in ("ha", "fa"):
        result = cli(project_copy, "new-language", code)
        assert result.returncode == 0, result.stderr
        assert f"translations/{code}/communique.yml" in result.stdout
    assert "- locale: ha" in (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    material = (project_copy / "translations/ha/material.yml").read_text(encoding="utf-8")
    values = [line for line in material.splitlines() if line and not line.startswith("#")]
    assert 'action.skip: "Skip to content"' in values and not any("{" in line for line in values)
    assert not (project_copy / "overrides/partials/languages/ha.html").exists()
    assert "published: false" in (project_copy / "translations/ha/language.yml").read_text(encoding="utf-8")
    replace_text(project_copy, "translations/ha/communique.yml",
                 'op1-iii:\n  # en: Sharing best practise on preventing and tackling this crime in all of its forms;\n'
                 '  text: ""', 'op1-iii:\n  text: "Raba kyawawan hanyoyin hana da yaƙi da wannan laifi a kowane irinsa;"')

    status = cli(project_copy, "status", "ha")
    assert status.returncode == 0, "a draft language's gaps must not fail `status`"
    row = status_rows(status.stdout)["ha"]
    assert row["translated"] == 1 and row["human-draft"] == 1 and row["missing"] == row["total"] - 1

    built = build(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert "Traceback" not in built.output
    translated = built.html("ha/communique/op1-iii/")
    assert translated.html["lang"] == "ha"
    assert "Raba kyawawan hanyoyin" in translated.find(id="op1-iii").get_text()
    assert translated.select_one(".translation-notice").get_text(strip=True).endswith(
        "whatever is not translated yet is shown in English.")
    for code, direction in (("ha", "ltr"), ("fa", "rtl")):
        page = built.html(f"{code}/communique/op1-iv/")
        assert page.html["lang"] == code and page.body["dir"] == direction
        fallback = page.find(id="op1-iv").select_one(".clause__text span[lang]")
        assert (fallback["lang"], fallback["dir"]) == ("en", "ltr")
        assert fallback.get_text(strip=True).startswith("Protecting, supporting and listening")
        help_page = built.html(f"{code}/help/")
        assert help_page.select_one('div[lang="en"][dir="ltr"] h1').get_text(strip=True) == "Get help"


def test_the_status_page_agrees_with_the_status_command(site):
    result = cli(ROOT, "status")
    assert result.returncode == 0, result.stdout + result.stderr
    expected = status_rows(result.stdout)
    for code in CODES:
        page = site.html(f"{prefix(code)}status/")
        shown = {}
        for row in page.select("table.translation-status:not(.translation-status--clauses) tbody tr"):
            counts = {cell["data-state"]: int(re.sub(r"\D", "", cell.get_text())) for cell in row.select("td[data-state]")}
            bar = row.select_one("progress")
            shown[row["data-lang"]] = {**counts, "translated": int(bar["value"]), "total": int(bar["max"])}
        assert shown == {lang: {k: v for k, v in counts.items()} for lang, counts in expected.items()}, code


def test_the_status_page_shows_each_clause_in_each_language(site):
    page = site.html("fr/status/")
    rows = page.select("table.translation-status--clauses tbody tr")
    assert [row["data-clause"] for row in rows] == CLAUSES
    assert {cell["data-state"] for row in rows for cell in row.select("td")} <= {
        "reviewed", "human-draft", "machine-draft", "stale", "invalid", "missing"}
    assert rows[0].select_one('td[data-lang="ar"]').get_text(strip=True) == "Brouillon automatique"


@pytest.mark.parametrize("code", CODES)
def test_every_clause_is_explained_in_plain_words_in_its_language(site, code):
    for path in ("communique/", *(f"communique/{clause}/" for clause in CLAUSES)):
        page = site.html(prefix(code) + path)
        for clause in CLAUSES if path == "communique/" else [path.split("/")[1]]:
            plain = page.find(id=clause).select_one(":scope > .clause__plain")
            assert plain and len(plain.get_text(strip=True)) > 40, f"{code}/{path}#{clause}"
            assert not plain.select("[lang]"), f"{code}/{path}#{clause}: plain words fall back to English"


@pytest.mark.parametrize("code", CODES)
def test_the_glossary_page_defines_every_term_and_says_what_to_avoid(site, code):
    page = site.html(f"{prefix(code)}glossary/")
    terms = page.select("dl.glossary > dt")
    assert {dt["id"] for dt in terms} >= {"csam", "grooming", "hotline", "child"}
    assert all(dt.find_next_sibling("dd").get_text(strip=True) for dt in terms)
    assert page.select_one("#csam + dd .glossary__avoid q")


@pytest.mark.parametrize("code", CODES)
def test_glossary_terms_link_to_their_definition_where_they_appear(site, code):
    terms = site.html(f"{prefix(code)}communique/pp1/").select("a.glossary-term")
    glossary = site.html(f"{prefix(code)}glossary/")
    for term in terms:
        path, _, key = term["href"].partition("#")
        assert path == "../../glossary/" and glossary.find("dt", id=key), term
        assert term["title"] == glossary.find("dt", id=key).find_next_sibling("dd").p.get_text(), term
    if code == "en":
        assert [t.get_text() for t in terms][:1] == ["online child sexual exploitation"]


@pytest.mark.parametrize("code", CODES)
def test_every_page_footer_leads_to_help_glossary_contribute_and_status(site, code):
    for path in ("", "communique/op1-iii/", "frameworks/crc/", "404.html"):
        page = site.html(prefix(code) + path)
        links = page.select("footer nav .footer-links a")
        assert [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links][:4] == [
            "help", "glossary", "contribute", "status"], f"{code}/{path}"
        for link in links:
            if path != "404.html":
                target = (site.site / prefix(code) / path / link["href"]).resolve()
                assert (target / "index.html").is_file(), f"{code}/{path}: {link['href']}"


@pytest.mark.parametrize("code", CODES)
def test_summit_dates_are_written_in_each_languages_format(site, code):
    dates = site.html(f"{prefix(code)}communique/").select_one(".summit-facts dd").get_text()
    december = get_month_names("wide", locale=code)[12]
    assert december in dates and format_decimal(2019, locale=code, group_separator=False) in dates, dates


def test_english_dates_are_written_day_first_as_the_african_union_writes_them(site):
    communique, treaty = site.html("communique/"), site.html("frameworks/crc/")
    assert communique.select_one(".summit-facts dd").get_text() == "11–12 December 2019"
    assert "20 November 1989" in [dd.get_text() for dd in treaty.select(".instrument-facts dd")]
    assert communique.html["lang"] == treaty.html["lang"] == "en"


def test_clause_pages_say_how_the_translation_was_made(site):
    note = site.html("fr/communique/op1-iii/").select_one(".clause__status")
    assert note.get_text(strip=True) == "Traduction automatique, pas encore relue par une personne."
    assert not site.html("communique/op1-iii/").select_one(".clause__status")


def test_a_term_to_avoid_in_our_own_copy_fails(project_copy):
    line = write_entry(project_copy, "en", "links", "op1-iv/crc/art-39",
                       "Supporting victims of child pornography gives effect to the Convention.", source=None,
                       status=None)
    assert (f"translations/en/links.yml:{line}: op1-iv/crc/art-39: [en] uses “child pornography”, a term to avoid "
            "(glossary: csam); write “child sexual abuse material”, or put the legal title or quotation it belongs "
            "to in quotation marks") in problem_lines(project_copy)


def test_a_term_to_avoid_inside_quotation_marks_or_a_legal_title_is_accepted(project_copy):
    write_entry(project_copy, "en", "links", "op1-iv/crc/art-39",
                "It cites the “Optional Protocol on the Sale of Children, Child Prostitution and Child Pornography”.",
                source=None, status=None)
    assert not [line for line in problem_lines(project_copy) if "term to avoid" in line]


def test_a_history_item_without_what_changed_is_reported(project_copy):
    rel = "translations/fr/plain.yml"
    replace_block(project_copy, rel, "op1-iii:", (
        'op1-iii:\n  text: "Quand un pays trouve une bonne façon de faire, il la partage."\n'
        '  status: machine-draft\n  history:\n    - date: 2026-11-27\n      by: Someone\n'))
    lines = (project_copy / rel).read_text(encoding="utf-8").splitlines()
    line = lines.index("op1-iii:") + 5
    assert lines[line - 1].strip() == "- date: 2026-11-27"
    assert (f"{rel}:{line}: op1-iii: [fr] each `history:` item needs `date: YYYY-MM-DD`, `by:` (who) and "
            "`change:` (what changed)") in problem_lines(project_copy)


def test_new_language_refuses_a_code_babel_does_not_know(project_copy):
    result = cli(project_copy, "new-language", "xx")
    assert result.returncode == 2
    assert result.stderr.strip() == ("new-language: 'xx' is not a language Babel knows, so dates and numbers "
                                     "could not be written in it; check the code")
    assert not (project_copy / "translations/xx").exists()


def test_new_language_refuses_a_language_the_site_has(project_copy):
    result = cli(project_copy, "new-language", "fr")
    assert result.returncode == 2 and "fr is already a language of the site" in result.stderr


def test_every_language_folder_has_code_owners():
    owners = (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    for code in CODES:
        for folder in ("translations", "docs"):
            assert re.search(rf"^/{folder}/{code}/\s+@\S+", owners, re.MULTILINE), f"{folder}/{code}"


def test_a_glossary_id_that_is_not_an_id_is_reported(project_copy):
    rel = "translations/en/glossary.yml"
    replace_block(project_copy, rel, "grooming:", 'grooming" onmouseover="x:\n  term: grooming\n  text: "Building trust."\n')
    assert any(line.startswith(f"{rel}:") and 'grooming" onmouseover="x: [en] is not a valid id' in line
               for line in problem_lines(project_copy))
