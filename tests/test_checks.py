"""Each check of the catalogue, fed a copy of the project broken the way a contributor might.

Every test asserts the exact line a contributor sees (`path:line: id: [lang] message`),
with the line computed from the broken copy, so translators can keep editing the real files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from tests.helpers import (
    append_text,
    english_text,
    languages,
    line_of,
    lines_of,
    problem_lines,
    publish_language,
    replace_block,
    replace_text,
    translation_entry,
    write_entry,
)

from catalogue import load
from catalogue.render.opendata import catalogue_json

pytestmark = pytest.mark.core  # the engine-free core: no site is built (make test-fast)

FR = "translations/fr/communique.yml"
ALLOWED = "data/allowed-domains.yml"


def _link_op3_to(root: Path, *links: tuple[str, str]) -> None:
    """Make op3's links in data/links.yml exactly `links` ((to, relation) pairs)."""
    items = "".join(f"    - to: {to}\n      relation: {relation}\n" for to, relation in links)
    replace_block(root, "data/links.yml", "  op3:", "  op3:\n" + items)


# --- data/: sources and links ------------------------------------------------

def test_clause_without_a_provision_link_fails_as_having_no_source(project_copy):
    _link_op3_to(project_copy, ("malabo", "calls-for-reaffirmation-of"))
    line = line_of(project_copy, "data/communique.yml", "- id: op3")
    assert (f"data/communique.yml:{line}: op3: has no source; link it to at least one framework "
            "provision in data/links.yml") in problem_lines(project_copy)


def test_link_to_an_unknown_instrument_is_reported(project_copy):
    _link_op3_to(project_copy, ("malabo/art-24", "draws-on"), ("nowhere/art-1", "draws-on"))
    line = line_of(project_copy, "data/links.yml", "- to: nowhere/art-1")
    assert (f"data/links.yml:{line}: op3: links to an unknown instrument 'nowhere'; "
            "see data/instruments.yml") in problem_lines(project_copy)


def test_link_to_an_unknown_provision_is_reported(project_copy):
    _link_op3_to(project_copy, ("malabo/art-24", "draws-on"), ("crc/art-999", "draws-on"))
    line = line_of(project_copy, "data/links.yml", "- to: crc/art-999")
    assert (f"data/links.yml:{line}: op3: links to crc/art-999, which is not a provision of crc "
            "in data/instruments.yml") in problem_lines(project_copy)


def test_relation_outside_the_vocabulary_is_reported(project_copy):
    _link_op3_to(project_copy, ("malabo/art-24", "draws-on"), ("malabo/art-29-3-1-a", "reaffirms"))
    line = lines_of(project_copy, "data/links.yml", "relation: reaffirms")[0] - 1
    vocabulary = ", ".join(yaml.safe_load((project_copy / "data/links.yml").read_text())["relations"])
    assert (f"data/links.yml:{line}: op3: uses the relation 'reaffirms', which is not in the vocabulary "
            f"({vocabulary})") in problem_lines(project_copy)


CRC_URL = "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child"


@pytest.mark.parametrize(("url", "message"), [
    pytest.param(CRC_URL.replace("https:", "http:"),
                 f"links to '{CRC_URL.replace('https:', 'http:')}'; links must be https addresses of official sites",
                 id="not-https"),
    pytest.param("https://treaties.example.com/crc",
                 "links to treaties.example.com, which is not an allowed domain; "
                 f"use an official source listed in {ALLOWED}",
                 id="not-allowed-domain"),
])
def test_instrument_url_must_be_https_on_an_allowed_domain(project_copy, url, message):
    replace_text(project_copy, "data/instruments.yml", f"\n  url: {CRC_URL}\n", f"\n  url: {url}\n")
    line = line_of(project_copy, "data/instruments.yml", "- id: crc")
    assert f"data/instruments.yml:{line}: crc: official URL {message}" in problem_lines(project_copy)


def test_a_provision_in_a_domain_with_no_heading_is_a_problem_not_a_raw_key_on_the_page(project_copy):
    """The key registry requires a heading for every domain a provision names: `domain: 9` asks for
    `mnr.domain-9` in the English frameworks file instead of publishing '### mnr.domain-9'."""
    replace_text(project_copy, "data/instruments.yml", '{id: capability-4, number: "4", domain: 2,',
                 '{id: capability-4, number: "4", domain: 9,')
    english = "translations/en/frameworks.yml"
    entries = [(number, line.rstrip(":")) for number, line in
               enumerate((project_copy / english).read_text(encoding="utf-8").splitlines(), start=1)
               if re.match(r"[a-z0-9][^ ]*:$", line)]
    last, key = entries[-1]
    assert problem_lines(project_copy) == [f"{english}:{last}: mnr.domain-9: [en] has no English text; add it "
                                           f"(after {key})"]


@pytest.mark.parametrize("domain", ['"two"', "0", "true"])
def test_a_provision_domain_is_a_number(project_copy, domain):
    replace_text(project_copy, "data/instruments.yml", '{id: capability-4, number: "4", domain: 2,',
                 f'{{id: capability-4, number: "4", domain: {domain},')
    line = line_of(project_copy, "data/instruments.yml", "- {id: capability-4,")
    found = problem_lines(project_copy)
    assert any(entry.startswith(f"data/instruments.yml:{line}: mnr/capability-4: ") and "domain" in entry
               for entry in found), found


# --- translations/: completeness, freshness, review (of a published language) ---

def test_missing_translation_points_at_the_english(project_copy):
    publish_language(project_copy, "fr")
    replace_block(project_copy, FR, "op1-iii:", "")
    english_line = line_of(project_copy, "translations/en/communique.yml", "op1-iii:")
    assert (f"{FR}:{line_of(project_copy, FR, 'op1-iv:')}: op1-iii: [fr] has no translation; add it before op1-iv "
            f"(the English is at translations/en/communique.yml:{english_line})") in problem_lines(project_copy)


def test_empty_translation_fails_and_shows_the_english(project_copy):
    line = write_entry(project_copy, "fr", "communique", "op1-iii", "")
    catalogue, problems = load(project_copy, languages())
    assert f"{FR}:{line}: op1-iii: [fr] translation is empty; write the text" in map(str, problems)
    assert catalogue.resolve("fr", "communique", "op1-iii").lang == "en"


def test_stale_translation_fails_with_a_diff_hint(project_copy):
    publish_language(project_copy, "fr")
    line = write_entry(project_copy, "fr", "communique", "op1-iii", "Partager les meilleures pratiques ;")
    english = english_text(project_copy, "communique", "op1-iii")
    replace_block(project_copy, "translations/en/communique.yml", "op1-iii:",
                  translation_entry("op1-iii", f"{english} (amended)", source=None, status=None))
    catalogue, problems = load(project_copy, languages())
    assert (f"{FR}:{line}: op1-iii: [fr] translation is stale (the English changed); see the diff with "
            "`make diff LANG=fr ID=op1-iii`, update it, then run `make accept LANG=fr ID=op1-iii`"
            ) in map(str, problems)
    assert catalogue.resolve("fr", "communique", "op1-iii").lang == "en"


def test_translation_without_a_source_fingerprint_asks_for_accept(project_copy):
    publish_language(project_copy, "fr")
    line = write_entry(project_copy, "fr", "communique", "op1-iii", "Partager les meilleures pratiques ;",
                       source=None)
    assert (f"{FR}:{line}: op1-iii: [fr] has no `source:` fingerprint; compare it with the English, "
            "then run `make accept LANG=fr ID=op1-iii`") in problem_lines(project_copy)


def test_reviewed_translation_must_name_its_reviewer(project_copy):
    publish_language(project_copy, "fr")
    line = write_entry(project_copy, "fr", "communique", "op1-iii", "Partager les meilleures pratiques ;",
                       status="reviewed")
    assert (f"{FR}:{line}: op1-iii: [fr] is marked reviewed but names no `reviewer:`; "
            "add the reviewer's name") in problem_lines(project_copy)


def test_unknown_status_is_reported(project_copy):
    line = write_entry(project_copy, "fr", "communique", "op1-iii", "Partager les meilleures pratiques ;",
                       status="approved")
    assert (f"{FR}:{line}: op1-iii: [fr] has status 'approved'; use machine-draft, human-draft or reviewed"
            ) in problem_lines(project_copy)


def test_translation_of_an_unknown_id_is_reported(project_copy):
    append_text(project_copy, FR, translation_entry("op1-xi", "Un paragraphe inventé ;", source="0" * 12))
    line = line_of(project_copy, FR, "op1-xi:")
    assert (f"{FR}:{line}: op1-xi: [fr] is not an id of translations/en/communique.yml; "
            "check the spelling or remove it") in problem_lines(project_copy)


def test_id_given_twice_in_a_translation_file_is_reported(project_copy):
    append_text(project_copy, FR, translation_entry("op1-iii", "Une deuxième version ;", source="0" * 12))
    first, second = lines_of(project_copy, FR, "op1-iii:")
    assert (f"{FR}:{second}: op1-iii: is given twice (first on line {first}); keep one entry"
            ) in problem_lines(project_copy)


def test_placeholder_removed_from_an_interface_string_fails_and_shows_the_english(project_copy):
    line = write_entry(project_copy, "fr", "site", "label-operative", "Paragraphe")
    catalogue, problems = load(project_copy, languages())
    assert (f"translations/fr/site.yml:{line}: label-operative: [fr] placeholders differ from the English; "
            "keep exactly: {number}") in map(str, problems)
    assert catalogue.text("fr", "site", "label-operative", number="1 (iii)") == "Paragraph 1 (iii)"


def test_placeholder_with_a_format_spec_is_reported(project_copy):
    line = write_entry(project_copy, "fr", "site", "label-operative", "Paragraphe {number:>40}")
    assert (f"translations/fr/site.yml:{line}: label-operative: [fr] placeholders differ from the English; "
            "keep exactly: {number}") in problem_lines(project_copy)


def test_interface_string_of_the_framework_pages_must_exist_in_english(project_copy):
    for lang in [path.name for path in (project_copy / "translations").iterdir()]:
        if lines_of(project_copy, f"translations/{lang}/site.yml", "crosswalk-title:"):
            replace_block(project_copy, f"translations/{lang}/site.yml", "crosswalk-title:", "")
    text = (project_copy / "translations/en/site.yml").read_text(encoding="utf-8").splitlines()
    last = [number for number, line in enumerate(text, start=1) if re.match(r"[a-z0-9][\w.-]*:", line)][-1]
    assert any(line.startswith(f"translations/en/site.yml:{last}: crosswalk-title: [en] has no English text; add it (after ")
               for line in problem_lines(project_copy))


def test_draft_translation_without_a_status_cannot_crash_the_open_data(project_copy):
    publish_language(project_copy, "ar", published=False)
    write_entry(project_copy, "ar", "communique", "op1-iii", "نص", status=None)
    catalogue, _ = load(project_copy, languages())
    clause = next(c for c in catalogue_json(catalogue, "ar")["clauses"] if c["id"] == "op1-iii")
    assert clause["translation_status"] in ("untranslated", "machine-draft")


# --- translations/: file format ------------------------------------------------

def test_invalid_yaml_names_the_line_to_fix(project_copy):
    replace_block(project_copy, FR, "op1-iii:", "op1-iii:\n  text: Partager: les pratiques\n")
    line = line_of(project_copy, FR, "text: Partager: les pratiques")
    assert (f"{FR}:{line}: op1-iii: is not valid YAML at column 17 (mapping values are not allowed here); "
            "check quotes, colons and indentation") in problem_lines(project_copy)


@pytest.mark.parametrize("entry, detail", [
    pytest.param("op1-iii:\n  - Partager les meilleures pratiques ;\n", "", id="list-instead-of-mapping"),
    pytest.param(translation_entry("op1-iii", "Partager ;", source="0" * 12, extra="  colour: red\n"),
                 "; unknown field(s): colour", id="unknown-field"),
])
def test_entry_of_the_wrong_shape_is_reported(project_copy, entry, detail):
    replace_block(project_copy, FR, "op1-iii:", entry)
    line = line_of(project_copy, FR, "op1-iii:")
    assert (f"{FR}:{line}: op1-iii: [fr] has the wrong shape; write `text:` (and `source:`, `status:`, "
            f"`reviewer:`, `history:`) indented under the id{detail}") in problem_lines(project_copy)


def test_byte_order_mark_is_reported(project_copy):
    path = project_copy / FR
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert f"{FR}:1: starts with a byte-order mark; save it as UTF-8 without BOM" in problem_lines(project_copy)


def test_invalid_utf8_names_its_line(project_copy):
    line = write_entry(project_copy, "fr", "communique", "op1-iii", "Partager les meilleures pratiques ;")
    path = project_copy / FR
    path.write_bytes(path.read_bytes().replace("meilleures".encode(), b"meill\xe9ures"))
    assert f"{FR}:{line + 1}: op1-iii: is not valid UTF-8; save it with UTF-8 encoding" in problem_lines(project_copy)


def test_file_over_one_megabyte_is_refused(project_copy):
    append_text(project_copy, FR, "# padding\n" * 100_001)
    size = (project_copy / FR).stat().st_size
    assert (f"{FR}:1: is {size:,} bytes, over the limit of 1,000,000; "
            "split it or remove what does not belong") in problem_lines(project_copy)


def test_folder_for_an_unconfigured_language_is_reported(project_copy):
    (project_copy / "translations/xx").mkdir()
    (project_copy / "translations/xx/site.yml").write_text("site-name:\n  text: X\n", encoding="utf-8")
    line = line_of(project_copy, "mkdocs.yml", "languages:")
    assert (f"mkdocs.yml:{line}: xx: [xx] has a folder translations/xx/ but is not configured here; "
            "add it to these languages (locale, name, build) or remove the folder") in problem_lines(project_copy)


# --- translations/: what a string may contain ----------------------------------

RAW_HTML = "contains raw HTML; use Markdown (**bold**, *italic*, [text](https://...)) instead"


@pytest.mark.parametrize(("text", "message"), [
    pytest.param("Partager les <b>meilleures</b> pratiques ;", RAW_HTML, id="raw-html"),
    pytest.param("Partager <script>alert(1)</script> ;", "contains a <script> element; remove it", id="script"),
    pytest.param("Partager <img src=x onerror=alert(1)> ;",
                 "contains an event-handler attribute (on...=); remove it", id="event-handler"),
    pytest.param("Partager [les pratiques](javascript:alert(1)) ;",
                 "contains a javascript: link; remove it", id="javascript-link"),
    pytest.param("Partager [les pratiques](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ;",
                 "contains a data: link; remove it", id="data-link"),
    pytest.param("Partager [les pratiques](https://evil.example.com/fr) ;",
                 "links to evil.example.com, which is not an allowed domain; "
                 f"use an official source listed in {ALLOWED}", id="link-outside-allowed-domains"),
    pytest.param("Partager les \u202emeilleures pratiques ;",
                 "contains the invisible bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE; delete it",
                 id="bidi-override"),
    pytest.param("Partager les meil\u200bleures pratiques ;",
                 "contains the invisible character U+200B ZERO WIDTH SPACE; delete it", id="zero-width-space"),
])
def test_unsafe_translation_is_reported_and_never_published(project_copy, text, message):
    line = write_entry(project_copy, "fr", "communique", "op1-iii", text)
    catalogue, problems = load(project_copy, languages())
    assert f"{FR}:{line}: op1-iii: [fr] {message}" in map(str, problems)
    resolved = catalogue.resolve("fr", "communique", "op1-iii")
    assert resolved.lang == "en"
    assert resolved.text == english_text(project_copy, "communique", "op1-iii")


def test_clean_stamped_translation_is_published(project_copy):
    """The control for the fallbacks above: the same entry with safe text is shown in French."""
    write_entry(project_copy, "fr", "communique", "op1-iii", "Partager les **meilleures** pratiques ;")
    catalogue, problems = load(project_copy, languages())
    assert not [p for p in problems if p.path == FR and p.id == "op1-iii"]
    assert catalogue.resolve("fr", "communique", "op1-iii").text == "Partager les **meilleures** pratiques ;"


# --- data/: published ids are promises ---------------------------------------

def _remove_op3(root: Path) -> str:
    """Drop the clause op3 from data/communique.yml; return the problem this must raise."""
    replace_block(root, "data/communique.yml", "  - id: op3", "")
    line = line_of(root, "data/published-ids.yml", "- op3")
    return (f"data/published-ids.yml:{line}: op3: was published but is no longer a clause; restore it, "
            "or retire it in data/retired-ids.yml with the id that replaces it (readers' links must keep working)")


def _retire(root: Path, old: str, new: str) -> None:
    path = root / "data/retired-ids.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n{}\n", "\n"), encoding="utf-8")
    append_text(root, "data/retired-ids.yml", f"{old}: {new}\n")


def test_removing_a_published_clause_without_retiring_it_fails(project_copy):
    expected = _remove_op3(project_copy)
    assert expected in problem_lines(project_copy)


def test_retiring_a_removed_clause_keeps_its_links_working(project_copy):
    expected = _remove_op3(project_copy)
    _retire(project_copy, "op3", "op2")
    problems = problem_lines(project_copy)
    assert expected not in problems
    assert not [p for p in problems if p.startswith("data/retired-ids.yml")]


def test_retiring_to_an_id_that_is_not_a_clause_is_reported(project_copy):
    _remove_op3(project_copy)
    _retire(project_copy, "op3", "op4")
    line = line_of(project_copy, "data/retired-ids.yml", "op3: op4")
    expected = f"data/retired-ids.yml:{line}: op3: is retired to 'op4', which is not a clause"
    assert expected in problem_lines(project_copy)


def test_a_link_with_a_removed_relation_is_a_one_line_problem(project_copy):
    _link_op3_to(project_copy, ("malabo/art-24", "draws-on"), ("malabo/art-29-3-1-a", "gives-effect-to"))
    line = lines_of(project_copy, "data/links.yml", "relation: gives-effect-to")[-1] - 1
    assert (f"data/links.yml:{line}: op3: uses the relation 'gives-effect-to', which was removed: a declaration "
            "cannot give effect to a treaty duty; use echoes-duty-in or relates-to") in problem_lines(project_copy)
