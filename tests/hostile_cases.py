"""A corpus of broken or hostile pull requests, each a small edit of a project copy.

Each case edits the copy as a contributor would and returns the start of the one
line the strict build must print for it: `path:line: id: [lang] message...`.
Where it can, the edit carries PAYLOAD, which must never reach a built file.
File-wide problems (a byte-order mark, an oversized file, a folder) name no id.
"""

from __future__ import annotations

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
    return f"{FR}:{line}: op1-iii: is not valid YAML (mapping values are not allowed here)"


@case
def tab_indentation(root: Path) -> str:
    line = _raw_entry(root, f'\ttext: "{PAYLOAD}"\n') + 1
    return f"{FR}:{line}: op1-iii: is not valid YAML (found character '\\t' that cannot start any token)"


@case
def python_object_tag(root: Path) -> str:
    line = _raw_entry(root, f'  text: !!python/object/new:str "{PAYLOAD}"\n') + 1
    return f"{FR}:{line}: op1-iii: is not valid YAML (could not determine a constructor for the tag"


@case
def alias_bomb(root: Path) -> str:
    append_text(root, FR, f'lol1: &a ["{PAYLOAD}", "{PAYLOAD}", "{PAYLOAD}", "{PAYLOAD}"]\n'
                          + "".join(f"lol{n}: &{chr(97 + n - 1)} [{', '.join([f'*{chr(97 + n - 2)}'] * 9)}]\n"
                                    for n in range(2, 12)))
    return f"{FR}:{line_of(root, FR, 'lol2:')}: lol2: is not valid YAML (found an alias (*name)"


@case
def nesting_too_deep(root: Path) -> str:
    append_text(root, FR, f"deep: {'[' * 20_000}{PAYLOAD}{']' * 20_000}\n")
    return f"{FR}:1: is nested too deeply"


@case
def invalid_date(root: Path) -> str:
    replace_text(root, COMMUNIQUE, "  start: 2019-12-11\n", "  start: 2019-13-45\n")
    return f"{COMMUNIQUE}:{line_of(root, COMMUNIQUE, 'start:')}: summit: is not valid YAML ('2019-13-45' is not a valid timestamp)"


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
    return f"{LINKS}:{line_of(root, LINKS, 'links:')}: links: must map each clause id to its list of links"


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
