"""What a contributed string may contain: Markdown emphasis and https links to
official sites, nothing else. Each check returns the reasons a string is unsafe."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown

BIDI_CONTROLS = {
    "\u061c": "ARABIC LETTER MARK", "\u200e": "LEFT-TO-RIGHT MARK", "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
# Invisible characters are refused by Unicode category, not by a list: format characters (Cf: zero-width
# spaces and joiners, soft hyphen, tag characters U+E0000..., invisible operators such as U+2062),
# private-use (Co) and surrogate (Cs) code points, line and paragraph separators (Zl, Zp), and the
# few letters and marks that draw nothing (the fillers below). No text of the site needs one: the
# Arabic and Amharic translations use no joiner (ZWJ/ZWNJ); a script that does (Persian) would add
# the joiner to ALLOWED_INVISIBLES with the language that needs it.
INVISIBLE_CATEGORIES = {"Cf", "Co", "Cs", "Zl", "Zp"}
FILLERS = {
    "\u034f": "COMBINING GRAPHEME JOINER", "\u115f": "HANGUL CHOSEONG FILLER", "\u1160": "HANGUL JUNGSEONG FILLER",
    "\u17b4": "KHMER VOWEL INHERENT AQ", "\u17b5": "KHMER VOWEL INHERENT AA", "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\u2800": "BRAILLE PATTERN BLANK", "\u3164": "HANGUL FILLER", "\uffa0": "HALFWIDTH HANGUL FILLER",
    **{chr(c): "VARIATION SELECTOR" for c in [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]},
}
ALLOWED_INVISIBLES: frozenset[str] = frozenset()
# The longest catalogue string (the longest clause is under 1,500 characters): a longer one is a
# mistake or an attack, refused before Markdown (whose link parser is slow on long runs of brackets) sees it.
MAX_STRING = 5_000
# Every character that may be invisible lies outside these ranges (Latin, Greek, Cyrillic, Hebrew
# and their marks hold none but U+00AD and U+034F); the category of the rest is then looked up.
_INVISIBLE = re.compile("[^\\x00-\\u00ac\\u00ae-\\u034e\\u0350-\\u05ff]")


def invisible_characters(text: str) -> list[str]:
    """The invisible characters of `text`, each once, in order of appearance."""
    found = dict.fromkeys(char for char in _INVISIBLE.findall(text) if char not in ALLOWED_INVISIBLES and (
        char in FILLERS or unicodedata.category(char) in INVISIBLE_CATEGORIES))
    return list(found)


def char_name(char: str) -> str:
    """U+00AD SOFT HYPHEN: how a message names a character."""
    name = BIDI_CONTROLS.get(char) or FILLERS.get(char) or unicodedata.name(char, "") or {
        "Cs": "SURROGATE", "Co": "PRIVATE USE CHARACTER"}.get(unicodedata.category(char), "FORMAT CHARACTER")
    return f"U+{ord(char):04X} {name}"


ALLOWED_TAGS = {"p", "strong", "em", "a", "code"}

# `<\s*(?:/\s*)?`: a run of spaces splits one way only, so a long one costs linear time (`<\s*/?\s*` was quadratic)
_RAW_TAG = re.compile(r"<\s*(?:/\s*)?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|<!--|<\?|<!\[")
_SCRIPT = re.compile(r"<\s*(?:/\s*)?script\b", re.IGNORECASE)
_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CHARREF = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


_inline = markdown.Markdown(extensions=[], output_format="html")


# A one-line string that starts with a letter and holds no character Markdown acts on is one
# paragraph of that very text: converting it costs a full Markdown pass for nothing. (Most strings
# are such; tests/test_core.py checks the shortcut gives Markdown's output for every one.)
_NO_MARKDOWN = re.compile(r"[^\W\d_][^\x00-\x1f*_`\\\[\]<>&{}!#]*")


@lru_cache(maxsize=None)
def to_html(text: str) -> str:
    """Render a catalogue string (Markdown) to HTML, without the paragraph around it."""
    if _NO_MARKDOWN.fullmatch(text):
        return text
    _inline.reset()
    html = _inline.convert(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


@lru_cache(maxsize=None)
def plain(markdown_text: str) -> str:
    """A string without its Markdown markup, for titles and descriptions (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", "", to_html(markdown_text)))).strip(" ")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _domain_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in allowed)


def url_problem(url: str, allowed: tuple[str, ...]) -> str | None:
    """Why a link target is not acceptable, or None when it is."""
    cleaned = re.sub(r"[\s\x00-\x1f]", "", url).lower()
    if cleaned.startswith("javascript:"):
        return "contains a javascript: link; remove it"
    if cleaned.startswith("data:"):
        return "contains a data: link; remove it"
    try:
        parts = urlsplit(url.strip())
        hostname = parts.hostname
    except ValueError:  # an unbalanced [ in the host, a port that is not a number
        return f"links to {url!r}, which is not a valid address; links must be https addresses of official sites"
    if parts.scheme != "https" or not hostname or "@" in parts.netloc or "\\" in url:
        return f"links to {url!r}; links must be https addresses of official sites"
    if not _domain_allowed(hostname, allowed):
        return (f"links to {hostname}, which is not an allowed domain; "
                "use an official source listed in data/allowed-domains.yml")
    return None


def line_problems(text: str) -> list[str]:
    """What no text may hold, whatever it is: invisible and control characters, character references."""
    reasons: list[str] = []
    for char in invisible_characters(text):
        kind = "bidirectional control" if char in BIDI_CONTROLS else "character"
        reasons.append(f"contains the invisible {kind} {char_name(char)}; delete it")
    if _CONTROL.search(text):
        reasons.append("contains a control character; retype the text")
    for reference in dict.fromkeys(_CHARREF.findall(text)):
        reasons.append(f"contains the HTML character reference &{reference}; type the character itself")
    return reasons


# Markdown's link parser looks for the end of every `[` and `(` it meets: on long runs of brackets
# that never close, or nest deep, its time grows with the square of the text. Real text nests
# brackets a level or two and closes them; anything else is refused before Markdown sees it.
MAX_NESTING = 4


def bracket_problem(text: str) -> tuple[int, str] | None:
    """(offset, reason) of the first `[` or `(` that is never closed or nests too deep, in one pass."""
    open_at: dict[str, list[int]] = {"[": [], "(": []}
    closing = {"]": "[", ")": "("}
    escaped = False
    for offset, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in open_at:
            open_at[char].append(offset)
            if len(open_at[char]) > MAX_NESTING:
                return offset, f"nests {char} more than {MAX_NESTING} deep; write \\{char} for a bracket that is text"
        elif char in closing and open_at[closing[char]]:
            open_at[closing[char]].pop()
    unclosed = sorted(offset for stack in open_at.values() for offset in stack)
    if unclosed:
        char = text[unclosed[0]]
        return unclosed[0], f"has a {char} that is never closed; close it, or write \\{char} for a bracket that is text"
    return None


def _raw_problems(text: str) -> list[str]:
    """What is wrong with `text` as written, before any Markdown is rendered."""
    if len(text) > MAX_STRING:
        return [f"is {len(text):,} characters long, over the limit of {MAX_STRING:,}; split it or remove what does "
                "not belong"]
    reasons = line_problems(text)
    if _SCRIPT.search(text):
        reasons.append("contains a <script> element; remove it")
    elif _RAW_TAG.search(text):
        if _HANDLER.search(text):
            reasons.append("contains an event-handler attribute (on...=); remove it")
        reasons.append("contains raw HTML; use Markdown (**bold**, *italic*, [text](https://...)) instead")
    bracket = bracket_problem(text)
    if bracket:
        reasons.append(bracket[1])
    return reasons


@lru_cache(maxsize=None)
def text_problems(text: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """Every reason `text` may not be published, most specific first."""
    reasons = _raw_problems(text)
    if reasons:
        return tuple(reasons)
    parser = _Elements()
    parser.feed(to_html(text))
    for tag, attrs in parser.tags:
        if tag not in ALLOWED_TAGS:
            reasons.append(f"produces a <{tag}> element; only **bold**, *italic* and links are allowed")
        for name, value in attrs.items():
            if name.startswith("on"):
                reasons.append("contains an event-handler attribute (on...=); remove it")
            elif tag == "a" and name == "href":
                problem = url_problem(value or "", allowed)
                if problem:
                    reasons.append(problem)
            elif not (tag == "a" and name == "title"):
                reasons.append(f"sets the attribute {name!r}; remove it")
    return tuple(reasons)
