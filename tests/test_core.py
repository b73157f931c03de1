"""Unit tests of the catalogue's pure functions, and of the translators' CLI on a copy."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

from catalogue import Catalogue, load
from catalogue.domain.model import fingerprint
from catalogue.domain.status import EntryState, summary
from catalogue.render import styles
from catalogue.render.site import alternates
from catalogue.render.urls import relative
from catalogue.validate import safety
from catalogue.validate.safety import text_problems, to_html
from tests.helpers import ROOT, cli, english_text, languages, publish_language, replace_block, translation_entry, write_entry

pytestmark = pytest.mark.core  # the engine-free core: no site is built (make test-fast)

OP1_III = "Sharing best practise on preventing and tackling this crime in all of its forms;"
OLD_FINGERPRINT = "deadbeef0000"  # a fingerprint of no English text
FRENCH = "Partager les meilleures pratiques ;"


# --- fingerprint -------------------------------------------------------------

def test_fingerprint_is_stable_across_releases():
    """Changing the hash would make every stamped translation stale at once."""
    assert fingerprint(OP1_III) == "a1593441378b"


def test_fingerprint_hashes_the_composed_form_whatever_the_editor_saved():
    composed, decomposed = "Prot\u00e9ger", "Prote\u0301ger"
    assert fingerprint(composed) == fingerprint(decomposed) == "c73e8f4d823f"  # sha256 of the NFC UTF-8 bytes


def test_fingerprint_ignores_surrounding_whitespace():
    assert fingerprint(f"  {OP1_III}\n") == fingerprint(OP1_III)


def test_fingerprint_changes_with_the_words():
    assert fingerprint(OP1_III) != fingerprint(OP1_III.replace("practise", "practice"))


# --- links between pages -----------------------------------------------------

@pytest.mark.parametrize(("here", "there", "link"), [
    ("communique/", "communique/op1-iii/", "op1-iii/"),
    ("communique/op1-iii/", "communique/#op1-iii", "../#op1-iii"),
    ("communique/op1-iii/", "communique/op1-iv/", "../op1-iv/"),
    ("communique/", "communique/#op1-iii", "./#op1-iii"),
    ("fr/communique/op1-iii/", "communique/op1-iii/", "../../../communique/op1-iii/"),
    ("", "fr/", "fr/"),
    ("", "", "./"),
])
def test_relative_links_between_directory_urls(here, there, link):
    assert relative(here, there) == link


def _bare_catalogue() -> Catalogue:
    return Catalogue(languages=tuple(languages()), clauses=(), header=(),
                     summit_start=date(2019, 12, 11), summit_end=date(2019, 12, 12))


def test_alternates_offer_the_same_page_in_every_language():
    switcher = alternates(_bare_catalogue(), "fr", "fr/communique/op1-iii/")
    absolute = alternates(_bare_catalogue(), "fr", "fr/communique/op1-iii/", "https://example.org/site")
    codes = [language.code for language in languages()]
    assert [item["lang"] for item in switcher] == [item["lang"] for item in absolute] == codes
    links = {item["lang"]: item["link"] for item in absolute}
    assert links["en"] == "https://example.org/site/communique/op1-iii/"
    assert links["ar"] == "https://example.org/site/ar/communique/op1-iii/"
    here = {item["lang"]: item for item in switcher}
    assert here["fr"]["current"] and here["fr"]["link"] == "./"
    assert here["en"]["link"] == "../../../communique/op1-iii/"
    assert here["sw"]["link"] == "../../../sw/communique/op1-iii/"
    assert [code for code, item in here.items() if item["current"]] == ["fr"]
    assert here["ar"]["dir"] == "rtl" and here["en"]["dir"] == "ltr"


def test_alternates_of_the_home_page_relative_and_from_the_root():
    assert {item["lang"]: item["link"] for item in alternates(_bare_catalogue(), "en", "")}["fr"] == "fr/"
    assert {item["lang"]: item["link"] for item in alternates(_bare_catalogue(), "en", "", "/")}["en"] == "/"


# --- what a string may contain ----------------------------------------------

def test_markdown_emphasis_and_an_official_https_link_are_accepted():
    allowed = tuple(yaml.safe_load((ROOT / "data/allowed-domains.yml").read_text(encoding="utf-8")))
    text = "**Noting** the *Optional Protocol* and [its text](https://www.ohchr.org/en/instruments-mechanisms)"
    assert text_problems(text, allowed) == ()


# --- status and numbering ----------------------------------------------------

def test_status_summary_counts_each_state_with_totals():
    states = [EntryState("fr", "communique", key, state) for key, state in [
        ("pp1", "reviewed"), ("pp2", "machine-draft"), ("pp3", "machine-draft"), ("op1", "stale"), ("op2", "missing"),
    ]]
    counts = summary(states)
    assert (counts["total"], counts["translated"]) == (5, 3)
    assert (counts["reviewed"], counts["machine-draft"], counts["stale"], counts["missing"]) == (1, 2, 1, 1)
    assert counts["invalid"] == 0


def test_sub_item_is_cited_with_its_paragraph_number():
    catalogue, _ = load(ROOT, languages())
    assert catalogue.clause("op1-iii").cited == "1 (iii)"
    assert catalogue.clause("op1").cited == "1"


# --- the translators' CLI ----------------------------------------------------

def _fr_problems(root: Path, key: str) -> list[str]:
    _, problems = load(root, languages())
    return [str(p) for p in problems if p.path == "translations/fr/communique.yml" and p.id == key]


def test_accept_refreshes_a_stale_fingerprint_and_nothing_else(project_copy):
    publish_language(project_copy, "fr")
    write_entry(project_copy, "fr", "communique", "op1-iii", FRENCH, source=OLD_FINGERPRINT)
    path = project_copy / "translations/fr/communique.yml"
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert any("is stale" in line for line in _fr_problems(project_copy, "op1-iii"))

    result = cli(project_copy, "accept", "fr", "op1-iii")

    assert result.returncode == 0, result.stderr
    assert "op1-iii: accepted" in result.stdout
    assert _fr_problems(project_copy, "op1-iii") == []
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert after.pop("op1-iii") == {**before.pop("op1-iii"),
                                    "source": fingerprint(english_text(project_copy, "communique", "op1-iii"))}
    assert after == before


def test_diff_outside_git_says_the_old_english_is_unknown(project_copy):
    write_entry(project_copy, "fr", "communique", "op1-iii", FRENCH, source=OLD_FINGERPRINT)

    result = cli(project_copy, "diff", "fr", "op1-iii")

    assert result.returncode == 0, result.stderr
    assert (f"op1-iii: the English this translation was made from ({OLD_FINGERPRINT}) is not in git history."
            in result.stdout)
    assert english_text(project_copy, "communique", "op1-iii") in result.stdout
    assert FRENCH in result.stdout


def test_diff_shows_how_the_english_changed_since_the_translation(project_copy):
    english = english_text(project_copy, "communique", "op1-iii")
    write_entry(project_copy, "fr", "communique", "op1-iii", FRENCH)
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=project_copy, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project_copy, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "before"], cwd=project_copy, check=True)
    amended = f"Urgently {english}"
    replace_block(project_copy, "translations/en/communique.yml", "op1-iii:",
                  translation_entry("op1-iii", amended, source=None, status=None))

    result = cli(project_copy, "diff", "fr", "op1-iii")

    assert result.returncode == 0, result.stderr
    assert f"English then:  {english}" in result.stdout
    assert f"English now:   {amended}" in result.stdout
    assert "  + Urgently\n" in result.stdout
    assert FRENCH in result.stdout


def test_accept_of_a_misspelt_id_fails(project_copy):
    result = cli(project_copy, "accept", "fr", "op1-iiii")
    assert result.returncode != 0
    assert "op1-iiii" in result.stdout + result.stderr


def _markdown(text: str) -> str:
    safety._inline.reset()
    html = safety._inline.convert(text)
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1 else html


EDGE_STRINGS = ["Word  ", "Word\u00a0", "Word \u00a0 ", "Word\u2028x", "Wo  rd", "Word 'q' \"d\"", "Word -- x",
                "Word http://x.y", "Word (a) + b = c", "Word |a|b|", "Word *em*", "Word_x_", "Word [a](b)",
                "Word <b>", "Word & co", "Word\tx", "Word\nx", "Word\n===", "1. Word", "# Word", "- Word",
                "> Word", "    Word", "Word ![i](x)", "Word `c`", "Word \\*", "Word {: .x}", "Word &amp;"]


def test_the_markdown_shortcut_gives_what_markdown_gives_for_every_catalogue_string():
    catalogue, _ = load(ROOT, languages())
    texts = {translation.text for translation in catalogue.strings.values()} | set(EDGE_STRINGS)
    assert len(texts) > 2000
    assert [text for text in texts if to_html.__wrapped__(text) != _markdown(text)] == []


@pytest.mark.parametrize(("sheet", "inline", "rest"), [
    # a rule every page has inline is not sent again…
    ("p{color:red}.a{margin:0}", "p{color:red}", ".a{margin:0}"),
    ("@media screen{p{color:red}}", "@media screen{p{color:red}}", ""),
    # …unless a rule before it could then win: same box, family, importance, specificity, element
    (".a{margin:0}.b{margin-left:1px}", ".b{margin-left:1px}", ".a{margin:0}.b{margin-left:1px}"),
    (".a{left:0}.b{inset-inline-start:1px}", ".b{inset-inline-start:1px}", ".a{left:0}.b{inset-inline-start:1px}"),
    ("@media print{.a{width:1px}}.b{inline-size:2px}", ".b{inline-size:2px}", "@media print{.a{width:1px}}.b{inline-size:2px}"),
    (".a{all:unset}.b{color:red}", ".b{color:red}", ".a{all:unset}.b{color:red}"),
    ("#a{color:blue}:-moz-whatever(.b){color:red}", ":-moz-whatever(.b){color:red}",
     "#a{color:blue}:-moz-whatever(.b){color:red}"),  # a specificity cssselect2 cannot work out
    # …and where it cannot, it goes
    ("#a{margin:0}.b{margin-left:1px}", ".b{margin-left:1px}", "#a{margin:0}"),
    ("kbd{font-size:1px}small{font-size:2px}", "small{font-size:2px}", "kbd{font-size:1px}"),
    (".a::before{color:red}.a{color:blue}", ".a{color:blue}", ".a::before{color:red}"),
    (".a{color:red!important}.b{color:blue}", ".b{color:blue}", ".a{color:red!important}"),
    (".a{--x:1;color:var(--x)!important}.b{--y:2}.c{color:var(--y)}", ".b{--y:2}",
     ".a{--x:1;color:var(--x)!important}.c{color:var(--y)}"),
    # a selector of a list goes alone; other declarations keep the rule
    ("p,.a{color:red}", "p{color:red}", ".a{color:red}"),
    ("p{color:red;margin:0}", "p{color:red}", "p{color:red;margin:0}"),
])
def test_the_later_stylesheet_leaves_out_only_inline_rules_whose_move_cannot_change_the_cascade(sheet, inline, rest):
    assert styles.rest([sheet], used={"a", "b", "c"}, colours=set(), inline=inline) == rest


def test_a_frameworks_provisions_are_grouped_under_one_heading_per_domain_whatever_their_order():
    """The Model National Response's capabilities, listed with their domains interleaved, still give one
    heading (one id) per domain, the domains in the order they first come, each domain's own order kept."""
    from dataclasses import replace

    from catalogue.render.frameworks import FrameworkRenderer

    catalogue, _ = load(ROOT, languages())
    mnr = next(instrument for instrument in catalogue.instruments if instrument.id == "mnr")
    by_domain = [p for p in mnr.provisions if p.domain is not None]
    assert len({p.domain for p in by_domain}) > 2
    interleaved = by_domain[1::2] + by_domain[0::2]
    blocks = FrameworkRenderer(catalogue, "en").provisions(replace(mnr, provisions=tuple(interleaved)), interleaved,
                                                           "frameworks/mnr/", "")
    domains = [block.rsplit("{#domain-", 1)[1].rstrip("}") for block in blocks if "{#domain-" in block]
    assert len(domains) == len(set(domains)) == len({p.domain for p in by_domain})
    headed = [p.id for block in blocks for p in interleaved if block.endswith(f"{{#{p.id}}}")]
    first = {}
    for index, p in enumerate(interleaved):
        first.setdefault(p.domain, index)
    assert headed == [p.id for p in sorted(interleaved, key=lambda p: first[p.domain])]
