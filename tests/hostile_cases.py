"""A corpus of broken or hostile pull requests, each a small edit of a project copy.

Each case edits the copy as a contributor would and returns the start of the one
line the strict build must print for it: `path:line: id: [lang] message...`.
Where it can, the edit carries PAYLOAD, which must never reach a built file.
File-wide problems (a byte-order mark, an oversized file, a folder) name no id.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import (append_text, line_of, lines_of, publish_language, replace_block, replace_text,
                      translation_entry, write_entry)

PAYLOAD = "hostile-payload-7c1e"
FR = "translations/fr/communique.yml"
COMMUNIQUE = "data/communique.yml"
INSTRUMENTS = "data/instruments.yml"
LINKS = "data/links.yml"


@dataclass(frozen=True)
class Case:
    name: str
    apply: Callable[[Path], str]


CASES: list[Case] = []


def case(apply: Callable[[Path], str]) -> Callable[[Path], str]:
    CASES.append(Case(apply.__name__, apply))
    return apply


def _stamped(root: Path, text: str, key: str = "op1-iii", lang: str = "fr", domain: str = "communique",
            **fields: str) -> str:
    """Write `text` as the stamped `lang` entry of `key`; return the prefix of its problem line."""
    line = write_entry(root, lang, domain, key, text, **fields)
    return f"translations/{lang}/{domain}.yml:{line}: {key}: [{lang}] "


def _raw_entry(root: Path, body: str, key: str = "op1-iii") -> int:
    """Replace the French entry of `key` by raw YAML lines `body` (indented under it); return its line."""
    replace_block(root, FR, f"{key}:", f"{key}:\n{body}")
    return line_of(root, FR, f"{key}:")


# --- YAML that does not parse, or parses into the wrong thing --------------------

@case
def yaml_syntax_error(root: Path) -> str:
    line = _raw_entry(root, f"  text: Partager: {PAYLOAD}\n") + 1
    return f"{FR}:{line}: op1-iii: is not valid YAML at column 17 (mapping values are not allowed here)"


@case
def tab_indentation(root: Path) -> str:
    line = _raw_entry(root, f'\ttext: "{PAYLOAD}"\n') + 1
    return f"{FR}:{line}: op1-iii: is not valid YAML at column 1 (found character '\\t' that cannot start any token)"


@case
def python_object_tag(root: Path) -> str:
    line = _raw_entry(root, f'  text: !!python/object/new:str "{PAYLOAD}"\n') + 1
    return f"{FR}:{line}: op1-iii: is not valid YAML at column 9 (could not determine a constructor for the tag"


@case
def alias_bomb(root: Path) -> str:
    append_text(root, FR, f'lol1: &a ["{PAYLOAD}", "{PAYLOAD}", "{PAYLOAD}", "{PAYLOAD}"]\n'
                          + "".join(f"lol{n}: &{chr(97 + n - 1)} [{', '.join([f'*{chr(97 + n - 2)}'] * 9)}]\n"
                                    for n in range(2, 12)))
    return f"{FR}:{line_of(root, FR, 'lol2:')}: lol2: is not valid YAML at column 11 (found an alias (*name)"


@case
def nesting_too_deep(root: Path) -> str:
    append_text(root, FR, f"deep: {'[' * 20_000}{PAYLOAD}{']' * 20_000}\n")
    return f"{FR}:1: is nested too deeply"


@case
def invalid_date(root: Path) -> str:
    replace_text(root, COMMUNIQUE, "  start: 2019-12-11\n", "  start: 2019-13-45\n")
    return f"{COMMUNIQUE}:{line_of(root, COMMUNIQUE, 'start:')}: summit: is not valid YAML at column 10 ('2019-13-45' is not a valid timestamp)"


@case
def text_is_a_list(root: Path) -> str:
    line = _raw_entry(root, f"  text:\n    - {PAYLOAD}\n")
    return f"{FR}:{line}: op1-iii: [fr] has the wrong shape"


@case
def published_is_not_a_boolean(root: Path) -> str:
    (root / "translations/fr/language.yml").write_text(f'published: "{PAYLOAD}"\n', encoding="utf-8")
    return "translations/fr/language.yml:1: published: [fr] must say `published: true`"


@case
def unquoted_numeric_fingerprint(root: Path) -> str:
    line = write_entry(root, "fr", "communique", "op1-iii", PAYLOAD, source="012345670123")
    return f"{FR}:{line + 2}: op1-iii: [fr] has a `source:` that YAML does not read as text (unquoted digits are a number)"


@case
def summit_is_not_a_mapping(root: Path) -> str:
    replace_text(root, COMMUNIQUE, "summit:\n  start: 2019-12-11\n  end: 2019-12-12\n", f"summit: {PAYLOAD}\n")
    return f"{COMMUNIQUE}:{line_of(root, COMMUNIQUE, 'summit:')}: summit: needs start and end dates"


@case
def links_is_a_list(root: Path) -> str:
    replace_text(root, LINKS, "\nlinks:\n", f"\nlinks:\n  - {PAYLOAD}\nunused:\n")
    return f"{LINKS}:{line_of(root, LINKS, 'links:')}: links: must be a mapping of each clause id to its list of links, not a list"


@case
def provisions_is_a_number(root: Path) -> str:
    replace_text(root, INSTRUMENTS, "- id: crc\n", "- id: crc\n  provisions: 5\n")
    replace_text(root, INSTRUMENTS, "  provisions:\n    - id: art-3\n", "  unused:\n    - id: art-3\n")
    return f"{INSTRUMENTS}:{line_of(root, INSTRUMENTS, 'provisions: 5')}: crc: `provisions:` must be a list of provisions"


@case
def adoption_date_is_not_a_date(root: Path) -> str:
    replace_text(root, INSTRUMENTS, "  adopted: 1989-11-20", f"  adopted: {PAYLOAD}  ")
    return f"{INSTRUMENTS}:{line_of(root, INSTRUMENTS, 'adopted: ' + PAYLOAD)}: crc: `adopted:` must be a date"


@case
def status_is_a_list(root: Path) -> str:
    line = _raw_entry(root, f'  text: "{PAYLOAD}"\n  status: [machine-draft]\n')
    return f"{FR}:{line}: op1-iii: [fr] has status ['machine-draft']; use machine-draft, human-draft or reviewed"


# --- ids: duplicated, unknown, missing, removed, renamed, hostile ----------------

@case
def duplicate_translation_key(root: Path) -> str:
    append_text(root, FR, translation_entry("op1-iii", PAYLOAD, source="0" * 12))
    first, second = lines_of(root, FR, "op1-iii:")
    return f"{FR}:{second}: op1-iii: is given twice (first on line {first})"


@case
def duplicate_clause_id(root: Path) -> str:
    replace_block(root, COMMUNIQUE, "  - id: op3", '  - id: op2\n    kind: operative\n    number: "3"\n')
    first, second = lines_of(root, COMMUNIQUE, "- id: op2")
    return f"{COMMUNIQUE}:{second}: op2: is given twice (first on line {first}); ids must be unique"


@case
def unknown_translation_id(root: Path) -> str:
    append_text(root, FR, translation_entry("op1-xi", PAYLOAD, source="0" * 12))
    return f"{FR}:{line_of(root, FR, 'op1-xi:')}: op1-xi: [fr] is not an id of translations/en/communique.yml"


@case
def link_from_an_unknown_clause(root: Path) -> str:
    append_text(root, LINKS, f"  op9:  # {PAYLOAD}\n    - to: crc/art-34\n      relation: draws-on\n")
    line = lines_of(root, LINKS, "- to: crc/art-34")[-1]
    return f"{LINKS}:{line}: op9: is not a clause id of data/communique.yml"


@case
def missing_translation(root: Path) -> str:
    replace_block(root, FR, "op1-iii:", "")
    return f"{FR}:{line_of(root, FR, 'op1-iv:')}: op1-iii: [fr] has no translation; add it before op1-iv"


@case
def published_clause_removed(root: Path) -> str:
    replace_block(root, COMMUNIQUE, "  - id: op3", "")
    line = line_of(root, "data/published-ids.yml", "- op3")
    return f"data/published-ids.yml:{line}: op3: was published but is no longer a clause"


@case
def published_clause_renamed(root: Path) -> str:
    replace_text(root, COMMUNIQUE, "  - id: op3\n", "  - id: op4\n")
    line = line_of(root, "data/published-ids.yml", "- op3")
    return f"data/published-ids.yml:{line}: op3: was published but is no longer a clause"


@case
def hostile_retired_id(root: Path) -> str:
    path = root / "data/retired-ids.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\n{}\n", "\n"), encoding="utf-8")
    append_text(root, "data/retired-ids.yml", f"'\"><script>{PAYLOAD}</script>': op3\n")
    line = line_of(root, "data/retired-ids.yml", "'\"><script>")
    return f'data/retired-ids.yml:{line}: "><script>{PAYLOAD}</script>: is not a valid id'


@case
def instrument_id_escaping_its_folder(root: Path) -> str:
    replace_text(root, INSTRUMENTS, "- id: crc\n", f"- id: ../../{PAYLOAD}\n")
    return f"{INSTRUMENTS}:{line_of(root, INSTRUMENTS, '- id: ../')}: ../../{PAYLOAD}: is not a valid id"


@case
def unknown_instrument_kind(root: Path) -> str:
    replace_text(root, INSTRUMENTS, "- id: crc\n  kind: treaty\n", f"- id: crc\n  kind: {PAYLOAD}\n")
    return f"{INSTRUMENTS}:{line_of(root, INSTRUMENTS, '- id: crc')}: crc: has kind '{PAYLOAD}'; use one of"


@case
def instrument_javascript_url(root: Path) -> str:
    replace_text(root, INSTRUMENTS, "  url: https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child\n",
                 f"  url: javascript:alert('{PAYLOAD}')\n")
    return f"{INSTRUMENTS}:{line_of(root, INSTRUMENTS, '- id: crc')}: crc: official URL contains a javascript: link"


@case
def hostile_relation(root: Path) -> str:
    replace_text(root, LINKS, "  - uses-terms-of\n", f"  - uses-terms-of\n  - 'x\"><script>{PAYLOAD}</script>'\n")
    return f"{LINKS}:{line_of(root, LINKS, '- uses-terms-of') + 1}: relations: lists 'x\"><script>{PAYLOAD}"


@case
def hostile_header_key(root: Path) -> str:
    replace_text(root, COMMUNIQUE, "header: [summit-name, summit-dates, theme, motto]",
                 f"header: [summit-name, summit-dates, theme, motto, 'x\" onmouseover=\"{PAYLOAD}']")
    return f"{COMMUNIQUE}:{line_of(root, COMMUNIQUE, 'header:')}: header: lists 'x\" onmouseover"


@case
def hostile_clause_number(root: Path) -> str:
    replace_text(root, COMMUNIQUE, '  - id: op3\n    kind: operative\n    number: "3"\n',
                 f'  - id: op3\n    kind: operative\n    number: "<img src=x onerror={PAYLOAD}>"\n')
    return f"{COMMUNIQUE}:{line_of(root, COMMUNIQUE, '- id: op3')}: op3: has the number '<img src=x onerror={PAYLOAD}>'"


@case
def hostile_provision_number(root: Path) -> str:
    replace_text(root, INSTRUMENTS, '      number: "3"\n      url: https://www.ohchr.org/en/instruments-mechanisms/instruments/convention',
                 f'      number: "3</a><script>{PAYLOAD}"\n      url: https://www.ohchr.org/en/instruments-mechanisms/instruments/convention')
    return f"{INSTRUMENTS}:{lines_of(root, INSTRUMENTS, '- id: art-3')[0]}: crc/art-3: has the number '3</a><script>"


@case
def hostile_reviewer_name(root: Path) -> str:
    return _stamped(root, "Partager les meilleures pratiques ;", status="reviewed",
                   reviewer=f"'<script>{PAYLOAD}</script>'") + "`reviewer:` contains a <script> element"


# --- text: empty, stale, placeholders ------------------------------------------

@case
def empty_text(root: Path) -> str:
    return _stamped(root, "  ") + "translation is empty; write the text"


@case
def stale_fingerprint(root: Path) -> str:
    line = write_entry(root, "fr", "communique", "op1-iii", PAYLOAD, source="0123456789ab")
    return f"{FR}:{line}: op1-iii: [fr] translation is stale (the English changed)"


@case
def placeholder_dropped(root: Path) -> str:
    return _stamped(root, f"Paragraphe {PAYLOAD}", "label-operative", domain="site") + "placeholders differ from the English"


@case
def placeholder_reaching_into_python(root: Path) -> str:
    return (_stamped(root, "Paragraphe {number.__class__.__init__} " + PAYLOAD, "label-operative", domain="site")
            + "placeholders differ from the English")


# --- text: HTML, scripts, links ------------------------------------------------

def _unsafe(text: str, message: str, key: str = "op1-iii", lang: str = "fr", domain: str = "communique"):
    def apply(root: Path) -> str:
        if lang == "ar":
            publish_language(root, "ar", published=False)
        return _stamped(root, text, key, lang, domain) + message
    return apply


RAW_HTML = "contains raw HTML; use Markdown"
UNSAFE_TEXTS = {
    "raw_html": (f"Partager les <b>{PAYLOAD}</b> ;", RAW_HTML),
    "script_element": (f"Partager <script>alert('{PAYLOAD}')</script> ;", "contains a <script> element"),
    "event_handler": (f"Partager <img src=x onerror=alert('{PAYLOAD}')> ;", "contains an event-handler attribute"),
    "svg_onload": (f"Partager <svg/onload=alert('{PAYLOAD}')> ;", "contains an event-handler attribute"),
    "html_comment": (f"Partager <!-- {PAYLOAD} --> ;", RAW_HTML),
    "javascript_link": (f"Partager [{PAYLOAD}](javascript:alert(1)) ;", "contains a javascript: link"),
    "javascript_link_mixed_case": (f"Partager [{PAYLOAD}](JaVaScRiPt:alert(1)) ;", "contains a javascript: link"),
    "data_link": (f"Partager [{PAYLOAD}](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ;",
                  "contains a data: link"),
    "link_outside_allowlist": (f"Partager [{PAYLOAD}](https://evil.example.com/) ;", "links to evil.example.com"),
    "lookalike_domain": (f"Partager [{PAYLOAD}](https://ohchr.org.evil.example.com/) ;",
                         "links to ohchr.org.evil.example.com"),
    "backslash_userinfo_bypass": (f"Partager [{PAYLOAD}](https://evil.example.com\\@ohchr.org/) ;",
                                  "links to 'https://evil.example.com\\\\@ohchr.org/'; links must be https"),
    "plain_http_link": (f"Partager [{PAYLOAD}](http://www.ohchr.org/) ;", "links to 'http://www.ohchr.org/'"),
    "autolink": (f"Partager <https://evil.example.com/{PAYLOAD}> ;", "links to evil.example.com"),
    "email_autolink": (f"Partager <{PAYLOAD}@evil.example.com> ;", f"links to 'mailto:{PAYLOAD}@evil.example.com'"),
    "reference_link": (f"Partager [{PAYLOAD}][1] ;\n\n[1]: javascript:alert(1)", "contains a javascript: link"),
    "image": (f"Partager ![{PAYLOAD}](https://evil.example.com/pixel.png) ;", "produces a <img> element"),
    "entity_encoded_script": (f"Partager &lt;script&gt;alert('{PAYLOAD}')&lt;/script&gt; ;",
                              "contains the HTML character reference &lt;"),
    "entity_encoded_javascript_link": (f"Partager [{PAYLOAD}](&#106;avascript:alert(1)) ;",
                                       "contains the HTML character reference &#106;"),
    "entity_encoded_bidi_override": (f"Partager &#x202E;{PAYLOAD} ;", "contains the HTML character reference &#x202E;"),
    "bidi_override": (f"Partager \u202e{PAYLOAD} ;", "contains the invisible bidirectional control U+202E"),
    "zero_width_space": (f"Partager {PAYLOAD}\u200b ;", "contains the invisible character U+200B ZERO WIDTH SPACE"),
}
for _name, (_text, _message) in UNSAFE_TEXTS.items():
    CASES.append(Case(_name, _unsafe(_text, _message)))
CASES += [
    Case("script_in_the_english_source",
         _unsafe(f"<script>alert('{PAYLOAD}')</script>", "contains a <script> element", lang="en")),
    Case("script_in_an_interface_string",
         _unsafe(f"<script>alert('{PAYLOAD}')</script>", "contains a <script> element", "site-name", domain="site")),
    Case("event_handler_in_a_framework_name",
         _unsafe(f"<img src=x onerror=alert('{PAYLOAD}')>", "contains an event-handler attribute", "crc.name",
                 domain="frameworks")),
    Case("javascript_link_in_a_rationale",
         _unsafe(f"[{PAYLOAD}](javascript:alert(1))", "contains a javascript: link", "preamble/crc/art-34",
                 domain="links")),
    Case("script_in_a_draft_language",
         _unsafe(f"<script>alert('{PAYLOAD}')</script>", "contains a <script> element", lang="ar")),
]


@case
def control_character(root: Path) -> str:
    line = _raw_entry(root, f'  text: "Partager {PAYLOAD}\\a ;"\n  status: machine-draft\n')
    return f"{FR}:{line}: op1-iii: [fr] contains a control character"


# --- hand-written pages (docs/<lang>/) -------------------------------------------

def _html_file(root: Path) -> str:
    (root / "docs/fr/offer.html").write_text(f"<script>alert('{PAYLOAD}')</script>\n", encoding="utf-8")
    return "docs/fr/offer.html:1: offer: [fr] is not a Markdown page; MkDocs would publish it as it is"


def _page(markdown: str, message: str) -> Callable[[Path], str]:
    def apply(root: Path) -> str:
        append_text(root, "docs/fr/index.md", f"\n{markdown}\n")
        line = len((root / "docs/fr/index.md").read_text(encoding="utf-8").splitlines())
        return f"docs/fr/index.md:{line}: index: [fr] {message}"
    return apply


CASES += [
    Case("script_in_a_page", _page(f"<script>alert('{PAYLOAD}')</script>", "contains a <script> element")),
    Case("event_handler_through_attr_list",
         _page(f"[{PAYLOAD}](communique/index.md){{ onclick=alert(1) }}", "contains an event-handler attribute")),
    Case("tracking_image_in_a_page",
         _page(f"![{PAYLOAD}](https://tracker.example.com/pixel.gif)", "loads https://tracker.example.com/pixel.gif")),
    Case("page_link_outside_allowlist",
         _page(f"[{PAYLOAD}](https://evil.example.com/)", "links to evil.example.com, which is not an allowed domain")),
    Case("html_file_among_the_pages", _html_file),
    Case("bidi_override_in_a_page",
         _page(f"Lire \u202e{PAYLOAD}", "contains the invisible bidirectional control U+202E")),
    # the line check leaves out what stands between backticks, escaped ones too; Markdown passes `<?…?>` on
    # (a browser reads it as a comment; Lexbor keeps a processing instruction, which the output check refuses too)
    Case("processing_instruction_behind_escaped_backticks",
         _page(f"Voir \\`<?x {PAYLOAD}?>\\` fin", "contains a processing instruction; remove it")),
]


# --- files: encoding, size, languages --------------------------------------------

@case
def byte_order_mark(root: Path) -> str:
    write_entry(root, "fr", "communique", "op1-iii", PAYLOAD)
    path = root / FR
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return f"{FR}:1: starts with a byte-order mark"


@case
def invalid_utf8(root: Path) -> str:
    line = write_entry(root, "fr", "communique", "op1-iii", f"{PAYLOAD} meilleures")
    path = root / FR
    path.write_bytes(path.read_bytes().replace(b"meilleures", b"meill\xe9ures"))
    return f"{FR}:{line + 1}: op1-iii: is not valid UTF-8"


@case
def ten_megabyte_file(root: Path) -> str:
    append_text(root, FR, f"# {PAYLOAD} {'x' * 1000}\n" * 10_000)
    return f"{FR}:1: is {(root / FR).stat().st_size:,} bytes, over the limit of 1,000,000"


@case
def unknown_language_code(root: Path) -> str:
    replace_text(root, "mkdocs.yml", "- locale: sw\n          name: Kiswahili\n",
                 f"- locale: xx\n          name: {PAYLOAD}\n")
    (root / "translations/sw").rename(root / "translations/xx")
    return f"mkdocs.yml:{line_of(root, 'mkdocs.yml', '- locale: xx')}: xx: is not a language code known to Babel"


@case
def folder_for_an_unconfigured_language(root: Path) -> str:
    (root / "translations/xx").mkdir()
    (root / "translations/xx/site.yml").write_text(f'site-name:\n  text: "{PAYLOAD}"\n', encoding="utf-8")
    return f"mkdocs.yml:{line_of(root, 'mkdocs.yml', 'languages:')}: xx: [xx] has a folder translations/xx/ but is not configured"


# --- output: the allowlist of what a page may hold, and escaping by default (safe-out) -----------
import csv  # noqa: E402
import io  # noqa: E402
import zipfile  # noqa: E402
# Pages: tricks the line-by-line input checks of hand-written pages did not see; the output
# allowlist (catalogue/validate/allowlist.py) refuses the page they make, at the line they are on.

def _page_lines(markdown: str, marker: str, message: str) -> Callable[[Path], str]:
    """Append `markdown` to the French home page; the problem is on the line holding `marker`."""
    def apply(root: Path) -> str:
        append_text(root, "docs/fr/index.md", f"\n{markdown}\n")
        return f"docs/fr/index.md:{line_of(root, 'docs/fr/index.md', marker)}: index: [fr] {message}"
    return apply


OUTPUT_PAGE_CASES = {
    "event_handler_on_a_tag_split_over_two_lines": (
        f'Voir <img\nsrc="../assets/favicon.svg" onerror="alert(\'{PAYLOAD}\')">', 'src="../assets', ""),
    "style_attribute_through_attr_list": (
        f'[Voir {PAYLOAD}](communique/index.md){{ style="position:fixed;inset:0" }}', "[Voir", ""),
    "search_metadata_through_attr_list": (
        f'[Voir](communique/index.md){{ data-pagefind-meta="title:{PAYLOAD}" }}', "[Voir", ""),
    "tracking_ping_through_attr_list": (
        f'[Voir](communique/index.md){{ ping="https://tracker.example.com/{PAYLOAD}" }}', "[Voir", ""),
    "tracking_srcset_through_attr_list": (
        f'![logo](../assets/favicon.svg){{ srcset="https://tracker.example.com/{PAYLOAD}.png 2x" }}', "![logo]", ""),
    "link_out_of_the_site_root": (
        f"[{PAYLOAD}](../../../../../../../../etc/passwd)", "[hostile", ""),
}
CASES += [Case(name, _page_lines(markdown, marker, message))
          for name, (markdown, marker, message) in OUTPUT_PAGE_CASES.items()]


@case
def page_among_the_maintainer_assets(root: Path) -> str:
    """A file the build may not write at all: removed after the build, named where it came from."""
    (root / "docs/assets/evil.html").write_text(f"<script>alert('{PAYLOAD}')</script>\n", encoding="utf-8")
    return "docs/assets/evil.html: "


# Strings that pass every input check because they are only text: the build must succeed and
# show them as text, never as markup. Each returns the check to run on the built site.

@dataclass(frozen=True)
class Escaped:
    name: str
    apply: Callable[[Path], Callable]


ESCAPED: list[Escaped] = []


def escaped(apply: Callable[[Path], Callable]) -> Callable[[Path], Callable]:
    ESCAPED.append(Escaped(apply.__name__, apply))
    return apply


REFRESH = f'0;url=https://evil.example.com/{PAYLOAD}" http-equiv="refresh'
BREAKOUT = f'Communiqué" onmouseover="alert(\'{PAYLOAD}\')" data-x="'


def _meta(built, path: str, name: str):
    return built.html(path).find("meta", attrs={"name": name})


@escaped
def refresh_through_a_clause_text(root: Path) -> Callable:
    write_entry(root, "fr", "communique", "op1-iii", REFRESH)

    def check(built) -> None:
        page = built.html("fr/communique/op1-iii/")
        assert _meta(built, "fr/communique/op1-iii/", "description")["content"] == REFRESH
        assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
    return check


@escaped
def attribute_breakout_through_the_site_name(root: Path) -> Callable:
    write_entry(root, "fr", "site", "site-name", BREAKOUT)

    def check(built) -> None:
        page = built.html("fr/")
        assert page.title.string.endswith(BREAKOUT)
        assert not page.find(attrs={"onmouseover": True}) and not page.find(attrs={"data-x": True})
    return check


@escaped
def attribute_breakout_through_a_language_name(root: Path) -> Callable:
    replace_text(root, "mkdocs.yml", "name: Français\n", f"name: '{BREAKOUT.replace(chr(39), chr(39) * 2)}'\n")

    def check(built) -> None:
        page = built.html("communique/")
        assert page.find("a", hreflang="fr").get_text(strip=True) == BREAKOUT
        assert not page.find(attrs={"onmouseover": True})
        with zipfile.ZipFile(built.site / "offline/addis-ababa-communique-fr.zip") as archive:
            start = archive.read("index.html").decode("utf-8")
        assert "onmouseover=" not in start.replace("onmouseover=&quot;", "")
    return check


@escaped
def refresh_through_front_matter(root: Path) -> Callable:
    replace_text(root, "docs/fr/help.md", "description: Où signaler", f"description: '{REFRESH}' # Où signaler")

    def check(built) -> None:
        page = built.html("fr/help/")
        assert _meta(built, "fr/help/", "description")["content"] == REFRESH
        assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
    return check


@escaped
def attribute_breakout_through_a_page_title(root: Path) -> Callable:
    replace_text(root, "docs/fr/help.md", "title: Obtenir de l'aide\n", f"title: '{BREAKOUT.replace(chr(39), chr(39) * 2)}'\n")

    def check(built) -> None:
        page = built.html("fr/")  # the title is in every page's navigation, and in its own <title>
        assert BREAKOUT in [link.get_text(strip=True) for link in page.select("nav a")]
        assert built.html("fr/help/").title.string.startswith(BREAKOUT)
        assert not page.find(attrs={"onmouseover": True}) and not page.find(attrs={"data-x": True})
    return check


@escaped
def spreadsheet_formula_in_a_rationale(root: Path) -> Callable:
    formula = f'=HYPERLINK("https://evil.example.com/{PAYLOAD}";"Source")'
    write_entry(root, "fr", "links", "preamble/crc/art-34", formula)

    def check(built) -> None:
        rows = list(csv.reader(io.StringIO((built.site / "open-data/links.fr.csv").read_text(encoding="utf-8"))))
        assert ["'" + formula] == [cell for row in rows for cell in row if formula in cell]
    return check


@escaped
def ris_record_through_a_newline(root: Path) -> Callable:
    write_entry(root, "fr", "site", "cite-place", f"Addis-Abeba\r\nER  - \r\nTY  - GEN\r\nTI  - {PAYLOAD}")

    def check(built) -> None:
        ris = (built.site / "fr/communique/op1-iii/cite.ris").read_bytes().decode("utf-8")
        assert [line[:2] for line in ris.split("\r\n")].count("TY") == 1
        assert f"CY  - Addis-Abeba ER - TY - GEN TI - {PAYLOAD}\r\n" in ris
    return check


# Generated pages too: a field that reaches a page unchecked is refused there, and traced back to
# its data file's line. (Tested in test_output.py: the Markdown the core writes for `mkdocs serve`
# holds it until the field has its own input check.)
GENERATED_CASES: list[Case] = []


def _generated(apply: Callable[[Path], str]) -> Callable[[Path], str]:
    GENERATED_CASES.append(Case(apply.__name__, apply))
    return apply


@_generated
def event_handler_through_a_provision_domain(root: Path) -> str:
    replace_text(root, INSTRUMENTS, '{id: capability-1, number: "1", domain: 1,',
                 f'{{id: capability-1, number: "1", domain: "1 onclick=alert({PAYLOAD!r})",')
    return f"{INSTRUMENTS}:{line_of(root, INSTRUMENTS, '- {id: capability-1,')}: "

# --- input checks (issue 12, input half): pages as a whole, files, schemas, fields, limits, messages ----

FR_PAGE = "docs/fr/index.md"


def _front_matter(lines: str, line: int, message: str) -> Callable[[Path], str]:
    """Replace the front matter of docs/fr/index.md by `lines`; the problem is at `line`."""
    def apply(root: Path) -> str:
        path = root / FR_PAGE
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        path.write_text(f"---\n{lines}\n---\n{body}", encoding="utf-8")
        return f"{FR_PAGE}:{line}: index: [fr] {message}"
    return apply


def _outside(root: Path) -> Path:
    """A file outside every checked folder, holding the payload: what a symlink would publish."""
    target = root / "outside.md"
    target.write_text(f"# {PAYLOAD}\n", encoding="utf-8")
    return target


def _symlink(rel: str, folder: bool = False) -> Callable[[Path], str]:
    def apply(root: Path) -> str:
        path = root / rel
        if path.exists():
            path.unlink()
        path.symlink_to("/usr/share/common-licenses" if folder else _outside(root), target_is_directory=folder)
        parts = rel.split("/")
        lang = f"[{parts[1]}] " if parts[0] in ("docs", "translations") and len(parts) > 2 else ""
        return f"{rel}: {lang}is a symbolic link; replace it by the file itself"
    return apply


def _file(rel: str, content: str, message: str, line: int = 0) -> Callable[[Path], str]:
    def apply(root: Path) -> str:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")
        return f"{rel}:{line}: {message}" if line else f"{rel}: {message}"
    return apply


def _page_at(markdown: str, back: int, message: str) -> Callable[[Path], str]:
    """Like _page, with the problem `back` lines above the last line of `markdown`."""
    def apply(root: Path) -> str:
        return _page(markdown, message)(root).replace(
            f":{len((root / 'docs/fr/index.md').read_text(encoding='utf-8').splitlines())}:",
            f":{len((root / 'docs/fr/index.md').read_text(encoding='utf-8').splitlines()) - back}:", 1)
    return apply


def _escaped_entry(escape: str, message: str) -> Callable[[Path], str]:
    """The French op1-iii with a YAML escape (\\u2028, \\ud800) in its text, stamped as current."""
    def apply(root: Path) -> str:
        from catalogue.domain.model import fingerprint
        from tests.helpers import english_text
        source = fingerprint(english_text(root, "communique", "op1-iii"))
        line = _raw_entry(root, f'  text: "Partager {PAYLOAD}{escape} ;"\n  source: "{source}"\n  status: machine-draft\n')
        return f"{FR}:{line}: op1-iii: [fr] {message}"
    return apply


def _hostile_key(escape: str, shown: str) -> Callable[[Path], str]:
    """A French entry whose key holds a YAML escape (a newline, a bidirectional control): the message
    shows it escaped, on the one line."""
    def apply(root: Path) -> str:
        tail = "WARNING -  forged " if escape == "\\n" else ""
        append_text(root, FR, f'"op1-iii{escape}{tail}{PAYLOAD}":\n  text: "x"\n')
        line = lines_of(root, FR, '"op1-iii')[0]
        return f"{FR}:{line}: op1-iii{shown}{PAYLOAD}: [fr] is not an id of translations/en/communique.yml"
    return apply


NOT_A_PAGE = "is not a page of a language (docs/<lang>/...md) nor one of the site's assets"
BAD_NAME = "has a name that is not lower-case letters, digits and hyphens"
CASES += [
    # hand-written pages, as a whole
    Case("img_tag_at_the_end_of_a_line", _page_at(f"Lire <img\nsrc=x onerror=alert('{PAYLOAD}')>", 1, RAW_HTML)),
    Case("reference_url_on_the_next_line",
         _page(f"Lire [{PAYLOAD}][1].\n\n[1]:\n    https://evil.example.com/", "links to evil.example.com, which is not an allowed domain")),
    Case("reference_definition_inside_a_list",
         _page(f"- Lire [{PAYLOAD}][1].\n\n- [1]: https://evil.example.com/", "links to evil.example.com, which is not an allowed domain")),
    Case("reference_definition_inside_a_quote",
         _page(f"Lire [{PAYLOAD}][1].\n\n> [1]: javascript:alert(1)", "contains a javascript: link; remove it")),
    Case("attr_list_style",
         _page(f"Lire la suite {PAYLOAD}\n{{: style=\"background:url(https://evil.example.com/)\" }}",
               "sets the attribute 'style'; a page has no styles of its own")),
    Case("attr_list_ping",
         _page(f"[{PAYLOAD}](communique/index.md){{ ping=https://evil.example.com/ }}", "sets the attribute 'ping'; a page may set only")),
    Case("attr_list_srcset",
         _page(f"![{PAYLOAD}](../assets/favicon.svg){{ srcset=https://evil.example.com/x.png }}", "sets the attribute 'srcset'")),
    Case("attr_list_pagefind_metadata",
         _page(f"Lire la suite\n{{: data-pagefind-meta=\"title:{PAYLOAD}\" }}", "sets the attribute 'data-pagefind-meta'")),
    Case("namespaced_tag", _page(f"Lire <x:y onmouseover=alert('{PAYLOAD}')>ici</x:y>", RAW_HTML)),
    Case("unterminated_tag", _page(f"Lire <x:y onmouseover=alert('{PAYLOAD}')", "contains raw HTML; use Markdown")),
    Case("front_matter_template",
         _front_matter(f"title: Accueil\ntemplate: ../../{PAYLOAD}.html", 3, "sets `template:` in its front matter, "
                       "which a page may not; keep only `title:` and `description:`")),
    Case("front_matter_icon", _front_matter(f"title: Accueil\nicon: {PAYLOAD}", 3, "sets `icon:` in its front matter")),
    Case("front_matter_structured_data",
         _front_matter(f"title: Accueil\njsonld: '{{\"@type\": \"{PAYLOAD}\"}}'", 3, "sets `jsonld:` in its front matter")),
    Case("front_matter_yaml_escape",
         _front_matter(f'title: "\\x3cscript\\x3e{PAYLOAD}\\x3c/script\\x3e"', 2, "`title:` contains a <script> element")),
    Case("front_matter_title_is_a_list", _front_matter(f"title: [{PAYLOAD}, x]", 2, "`title:` must be one line of text")),
    Case("front_matter_bidi_override",
         _front_matter(f'title: Accueil\ndescription: "{PAYLOAD} \\u202e"', 3,
                       "`description:` contains the invisible bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE")),
    Case("front_matter_yaml_error",
         _front_matter(f"title: Accueil: {PAYLOAD}", 2, "is not valid YAML at column 15 (mapping values are not allowed here)")),
    Case("page_metadata_without_front_matter",
         _file("docs/fr/offre.md", f"template: {PAYLOAD}.html\n\n# Offre\n",
               "offre: [fr] starts with `name:`, which MkDocs reads as page settings", 1)),
    # only expected files
    Case("html_file_in_the_assets", _file("docs/assets/evil.html", f"<script>{PAYLOAD}</script>\n", NOT_A_PAGE)),
    Case("markdown_outside_the_languages", _file("docs/offre.md", f"# {PAYLOAD}\n", NOT_A_PAGE)),
    Case("markdown_in_the_assets", _file("docs/assets/offre.md", f"# {PAYLOAD}\n", NOT_A_PAGE)),
    Case("markup_in_a_file_name", _file("docs/fr/<img src=x onerror=alert(1)>.md", f"# {PAYLOAD}\n",
                                        f"[fr] {BAD_NAME}")),
    Case("upper_case_file_name", _file("docs/fr/Aide.md", f"# {PAYLOAD}\n", f"[fr] {BAD_NAME}")),
    Case("symlinked_page", _symlink("docs/fr/licence.md")),
    Case("symlinked_folder_of_pages", _symlink("docs/fr/licences", folder=True)),
    Case("symlinked_translation_file", _symlink("translations/fr/plain.yml")),
    Case("symlinked_data_file", _symlink("data/extra.yml")),
    Case("symlinked_override", _symlink("overrides/partials/evil.html")),
    # no translator writes Jinja: Material's strings are plain text
    Case("jinja_in_a_material_string",
         lambda root: (replace_text(root, "translations/sw/material.yml", 'action.skip: "Ruka hadi kwenye maudhui"',
                                    "action.skip: \"{{ lipsum.__globals__.os.popen('echo " + PAYLOAD + "').read() }}\""),
                       "translations/sw/material.yml:6: action.skip: [sw] contains one of < > & \" ' { }")[1]),
    Case("unknown_material_key",
         lambda root: (append_text(root, "translations/sw/material.yml", f'extra.key: "{PAYLOAD}"\n'),
                       f"translations/sw/material.yml:{line_of(root, 'translations/sw/material.yml', 'extra.key:')}: "
                       "extra.key: [sw] is not a field of this file; check its spelling")[1]),
    # schemas: a wrong type is a message at its line
    Case("clause_number_is_a_list",
         lambda root: (replace_text(root, COMMUNIQUE, '  - id: op3\n    kind: operative\n    number: "3"\n',
                                    f'  - id: op3\n    kind: operative\n    number: ["{PAYLOAD}"]\n'),
                       f"{COMMUNIQUE}:{line_of(root, COMMUNIQUE, 'number: [')}: op3: `number:` must be the printed "
                       "number, as text, not a list")[1]),
    Case("clause_links_are_a_number",
         lambda root: (append_text(root, LINKS, f"  op3-x: 5  # {PAYLOAD}\n"),
                       f"{LINKS}:{line_of(root, LINKS, 'op3-x:')}: links: `op3-x:` must be a list of links")[1]),
    Case("provision_domain_is_markup",
         lambda root: (replace_text(root, INSTRUMENTS, '{id: capability-1, number: "1", domain: 1,',
                                    f'{{id: capability-1, number: "1", domain: "<script>{PAYLOAD}</script>",'),
                       f"{INSTRUMENTS}:{line_of(root, INSTRUMENTS, '- {id: capability-1,')}: mnr/capability-1: "
                       "`domain:` must be the number of a domain (1 to 20), or null, not text")[1]),
    Case("allowed_domains_is_a_number",
         _file("data/allowed-domains.yml", f"5  # {PAYLOAD}\n", "must be a list of domain names, not a number", 1)),
    Case("allowed_domain_with_markup",
         _file("data/allowed-domains.yml", f"- 'ohchr.org\"><script>{PAYLOAD}</script>'\n",
               "must be a domain name such as ohchr.org", 1)),
    Case("reviewer_is_a_list",
         lambda root: _stamped(root, "Partager ;", status="reviewed", reviewer=f"[{PAYLOAD}]").replace(
             f"{FR}:{line_of(root, FR, 'op1-iii:')}:", f"{FR}:{line_of(root, FR, 'reviewer:')}:")
         + "`reviewer:` must be a name, not a list"),
    # no traceback
    Case("unbalanced_bracket_in_an_official_url",
         lambda root: (replace_text(root, INSTRUMENTS, "  url: https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child\n",
                                    f"  url: https://[{PAYLOAD}/\n"),
                       f"{INSTRUMENTS}:{line_of(root, INSTRUMENTS, '- id: crc')}: crc: official URL links to "
                       f"'https://[{PAYLOAD}/', which is not a valid address")[1]),
    Case("unbalanced_bracket_in_a_link",
         _unsafe(f"Partager [{PAYLOAD}](https://[ohchr.org/) ;", "has a [ that is never closed")),
    Case("lone_surrogate", _escaped_entry("\\ud800", "contains the invisible character U+D800 SURROGATE; delete it")),
    Case("placeholder_typo_in_the_english",
         lambda root: _stamped(root, f"Paragraph {{numbr}} {PAYLOAD}", "label-operative", "en", "site")
         + "has the placeholder(s) {numbr}, which the site does not fill in; use only {number}"),
    Case("missing_language_folder",
         lambda root: (shutil.rmtree(root / "docs/fr"), append_text(root, FR, f"# {PAYLOAD}\n"),
                       "docs/fr/: [fr] is missing; create it with the pages of docs/en/")[2]),
    # fields that were never checked
    Case("hostile_glossary_term",
         lambda root: _stamped(root, "Matériel.", "csam", domain="glossary",
                               extra=f'  term: "<script>{PAYLOAD}</script>"\n') + "`term:` contains a <script> element"),
    Case("hostile_term_to_avoid",
         lambda root: _stamped(root, "Matériel.", "csam", domain="glossary",
                               extra=f'  term: "matériel"\n  avoid:\n    - "<img src=x onerror=alert(1)> {PAYLOAD}"\n')
         + "`avoid:` contains an event-handler attribute"),
    # limits: no step slower than its input
    Case("thirty_kilobytes_of_brackets",
         _unsafe("[" * 30_000 + PAYLOAD, "is 30,0")),
    Case("brackets_nested_deep", _unsafe("[" * 2_000 + PAYLOAD + "]" * 2_000, "nests [ more than 4 deep")),
    Case("links_left_open", _unsafe(f"[{PAYLOAD}](" * 200, "nests ( more than 4 deep")),
    Case("brackets_in_a_page", _page("[" * 30_000 + PAYLOAD, "nests [ more than 4 deep")),
    Case("oversized_page",
         lambda root: (append_text(root, "docs/fr/help.md", f"{PAYLOAD} " * 5_000),
                       "docs/fr/help.md:1: help: [fr] is ")[1]),
    # messages: one line, hidden characters shown
    Case("newline_in_a_key", _hostile_key("\\n", "\\nWARNING -  forged ")),
    Case("bidi_control_in_a_key", _hostile_key("\\u202e", "\\u202e")),
]
INVISIBLE_CHARACTERS = {"\\U000e0041": "U+E0041 TAG LATIN CAPITAL LETTER A", "\\u2062": "U+2062 INVISIBLE TIMES",
                        "\\u3164": "U+3164 HANGUL FILLER", "\\u180e": "U+180E MONGOLIAN VOWEL SEPARATOR",
                        "\\u034f": "U+034F COMBINING GRAPHEME JOINER", "\\u00ad": "U+00AD SOFT HYPHEN",
                        "\\u2028": "U+2028 LINE SEPARATOR"}
CASES += [Case(f"invisible_{name.split(' ', 1)[0].lower().replace('+', '')}",
               _escaped_entry(escape, f"contains the invisible character {name}; delete it"))
          for escape, name in INVISIBLE_CHARACTERS.items()]
