"""What a contributed string may contain: Markdown emphasis and https links to
official sites, nothing else. Each check returns the reasons a string is unsafe."""

from __future__ import annotations

import html
import re
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
INVISIBLES = {
    "\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER", "\ufeff": "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
}
ALLOWED_TAGS = {"p", "strong", "em", "a", "code"}

_RAW_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|<!--|<\?|<!\[")
_SCRIPT = re.compile(r"<\s*/?\s*script\b", re.IGNORECASE)
_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CHARREF = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?([^\s>]+)")
_ABSOLUTE = re.compile(r"^([a-z][a-z0-9+.-]*:|//|\\)", re.IGNORECASE)

_inline = markdown.Markdown(extensions=[], output_format="html")
_page = markdown.Markdown(extensions=["attr_list"], output_format="html")


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
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname or "@" in parts.netloc or "\\" in url:
        return f"links to {url!r}; links must be https addresses of official sites"
    if not _domain_allowed(parts.hostname, allowed):
        return (f"links to {parts.hostname}, which is not an allowed domain; "
                "use an official source listed in data/allowed-domains.yml")
    return None


def _raw_problems(text: str) -> list[str]:
    """What is wrong with `text` as written, before any Markdown is rendered."""
    reasons: list[str] = []
    for char, name in BIDI_CONTROLS.items():
        if char in text:
            reasons.append(f"contains the invisible bidirectional control U+{ord(char):04X} {name}; delete it")
    for char, name in INVISIBLES.items():
        if char in text:
            reasons.append(f"contains the invisible character U+{ord(char):04X} {name}; delete it")
    if _CONTROL.search(text):
        reasons.append("contains a control character; retype the text")
    for reference in dict.fromkeys(_CHARREF.findall(text)):
        reasons.append(f"contains the HTML character reference &{reference}; type the character itself")
    if _SCRIPT.search(text):
        reasons.append("contains a <script> element; remove it")
    elif _RAW_TAG.search(text):
        if _HANDLER.search(text):
            reasons.append("contains an event-handler attribute (on...=); remove it")
        reasons.append("contains raw HTML; use Markdown (**bold**, *italic*, [text](https://...)) instead")
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


@lru_cache(maxsize=None)
def _page_line_problems(line: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    reasons = _raw_problems(line)
    if reasons:
        return tuple(reasons)
    if not any(char in line for char in "[<{"):
        return ()  # no link, image, autolink, HTML or attribute list: nothing Markdown could make unsafe
    parser = _Elements()
    _page.reset()
    parser.feed(_page.convert(line))
    links = _REFERENCE.findall(line)
    for _, attrs in parser.tags:
        for name, value in attrs.items():
            value = (value or "").strip()
            if name.startswith("on"):
                reasons.append("contains an event-handler attribute (on...=); remove it")
            elif name == "src" and _ABSOLUTE.match(value):
                reasons.append(f"loads {value} from another site, which the site never does; put the file in docs/assets/")
            elif name == "href":
                links.append(value)
    return (*reasons, *[reason for url in links if _ABSOLUTE.match(url) and (reason := url_problem(url, allowed))])


# The one piece of HTML a page may hold: a block marked as written in another language (the
# English text of a page a new language has not translated yet), on lines of their own.
_LANGUAGE_BLOCK = re.compile(r'^(<div lang="[a-z]{2,3}(-[A-Za-z0-9]{2,8})*" dir="(ltr|rtl)" markdown>|</div>)$')


def page_problems(text: str, allowed: tuple[str, ...]) -> list[tuple[int, str]]:
    """Every reason a hand-written Markdown page may not be published, with its line: what a
    catalogue string may not contain, links off the allowed sites, files loaded from elsewhere."""
    return [(number, reason) for number, line in enumerate(text.splitlines(), start=1)
            if not _LANGUAGE_BLOCK.match(line) for reason in _page_line_problems(line, allowed)]
