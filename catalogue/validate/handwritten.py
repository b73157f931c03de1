"""What a hand-written page (docs/<lang>/*.md) may hold, checked as a whole: its front matter
(known keys, plain-text values) and the HTML its body becomes with the site's own Markdown
configuration, parsed and held to a small allowlist. Each check returns (line, reason) pairs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import markdown

from catalogue.validate.safety import bracket_problem, line_problems, text_problems, url_problem

# The page metadata a template prints, as plain text; nothing else (`template:`, `icon:`, `hide:` ...
# change what the theme does, which only a maintainer decides).
FRONT_MATTER = {"title": 120, "description": 400}
MAX_PAGE = 100_000  # characters; the longest page today is under 9,000

# What the site's own pages make of Markdown: paragraphs, headings, lists, quotes, code, tables,
# emphasis, links and local images; the language block of an untranslated page; Material's button.
ELEMENTS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "hr", "br",
            "strong", "em", "a", "img", "div", "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"id", "lang", "dir", "class", "role", "href", "title", "src", "alt", "align", "style"}
CLASSES = {"md-button", "md-button--primary", "translation-notice", "text"}
_ID = re.compile(r"^([^\W\d_][\w-]*|_[0-9]+)$")  # a heading's id; `_1` for one with no Latin letters
_CLASS = re.compile(r"^language-[a-z0-9]+$")  # a fenced code block's language
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_LOCAL = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//|\\)[^\s\\]*$", re.IGNORECASE)
_ALIGN = re.compile(r"^text-align: (left|right|center);?$")  # the tables extension's column alignment
_FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(\n|\Z)", re.DOTALL)
_MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")


def split(text: str) -> tuple[str | None, str, int]:
    """A page's front matter (None when it has none), its body and the line the body starts on,
    as MkDocs splits them."""
    match = _FRONT.match(text)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end():], match.group(0).count("\n") + 1


def front_matter_problems(meta: Any, first_line: int) -> list[tuple[int, str]]:
    """The page's metadata: a mapping of the known keys to one line of plain text each."""
    if meta is None:
        return []
    lines = getattr(meta, "lines", {})
    if not isinstance(meta, dict):
        return [(first_line, f"has front matter that is not `key: value` lines; keep only {_keys()}")]
    problems = []
    for key, value in meta.items():
        line = lines.get(key, first_line)
        if key not in FRONT_MATTER:
            problems.append((line, f"sets `{key}:` in its front matter, which a page may not; keep only {_keys()}"))
        elif not isinstance(value, str) or not value.strip():
            problems.append((line, f"`{key}:` must be one line of text"))
        elif "\n" in value:
            problems.append((line, f"`{key}:` must be one line of text"))
        elif len(value) > FRONT_MATTER[key]:
            problems.append((line, f"`{key}:` is {len(value)} characters long, over the limit of {FRONT_MATTER[key]}"))
        else:
            problems += [(line, f"`{key}:` {reason}") for reason in text_problems(value, ())]
    return problems


def _keys() -> str:
    return " and ".join(f"`{key}:`" for key in FRONT_MATTER)


class _Elements(HTMLParser):
    """Every start tag, comment and declaration of a fragment, and what was left unparsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.other: list[tuple[tuple[str, ...], str]] = []  # (what to look for in the source, most specific first; what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.other.append((("<!--" + data[:20], "<!--", "<!"), "an HTML comment"))

    def handle_decl(self, decl: str) -> None:
        self.other.append((("<!" + decl[:20], "<!"), "an HTML declaration"))

    def handle_pi(self, data: str) -> None:
        self.other.append((("<?" + data[:20], "<?"), "a processing instruction"))

    def unknown_decl(self, data: str) -> None:
        self.other.append((("<![" + data[:20], "<!["), "an HTML declaration"))


def _attribute_problems(tag: str, name: str, value: str, allowed: tuple[str, ...]) -> Iterator[str]:
    if name.startswith("on"):
        yield "contains an event-handler attribute (on...=); remove it"
    elif name not in ATTRIBUTES:
        yield f"sets the attribute {name!r}; a page may set only {', '.join(sorted(ATTRIBUTES - {'align', 'style'}))}"
    elif name == "id" and not _ID.match(value):
        yield f"sets the id {value!r}; an id is a word, with hyphens"
    elif name == "lang" and not _LANG.match(value):
        yield f"sets lang={value!r}; use a language code such as en or fr"
    elif name == "dir" and value not in ("ltr", "rtl"):
        yield f"sets dir={value!r}; use ltr or rtl"
    elif name == "class" and any(c not in CLASSES and not _CLASS.match(c) for c in value.split()):
        yield f"sets the class {value!r}; a page may use only {', '.join(sorted(CLASSES))}"
    elif name == "role" and value != "note":
        yield f"sets role={value!r}; only role=\"note\" is allowed"
    elif name == "style" and not (tag in ("th", "td") and _ALIGN.match(value)):
        yield "sets the attribute 'style'; a page has no styles of its own"
    elif name == "align" and not (tag in ("th", "td") and value in ("left", "right", "center")):
        yield "sets the attribute 'align'; remove it"
    elif name == "src" and not _LOCAL.match(value):
        yield f"loads {value} from another site, which the site never does; put the file in docs/assets/"
    elif name == "href" and not _LOCAL.match(value):
        reason = url_problem(value, allowed)
        if reason:
            yield reason


def _problems_of_html(html: str, allowed: tuple[str, ...]) -> Iterator[tuple[str | tuple[str, ...], str]]:
    """(what to look for in the source, reason) for each thing the rendered page may not hold."""
    parser = _Elements()
    parser.feed(html)
    for needles, what in parser.other:
        yield needles, f"contains {what}; remove it"
    if "<" in parser.rawdata:
        yield "<", "contains an HTML tag that is never closed (a < with no >); write &lt; ... or remove it"
    for tag, attrs in parser.tags:
        if tag == "script":
            yield "<script", "contains a <script> element; remove it"
        elif tag not in ELEMENTS:
            yield f"<{tag}", f"produces a <{tag}> element, which a page may not hold; use Markdown"
        for name, value in attrs:
            for reason in _attribute_problems(tag, name, (value or "").strip(), allowed):
                yield (value or name) if name in ("href", "src") else f"{name}=", reason


# The one piece of raw HTML a page may hold: a block marked as written in another language (the
# English text of a page a new language has not translated yet), on lines of their own.
_LANGUAGE_BLOCK = re.compile(r'^(<div lang="[a-z]{2,3}(-[A-Za-z0-9]{2,8})*" dir="(ltr|rtl)" markdown>|</div>)$')
_RAW_TAG = re.compile(r"<\s*(?:/\s*)?[A-Za-z][^\s/>]*|<!--|<\?|<!\[")  # (one way to split the spaces: linear)
_AUTOLINK = re.compile(r"<[a-z][a-z0-9+.-]*://[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>", re.IGNORECASE)


def body_problems(body: str, first_line: int, allowed: tuple[str, ...],
                  renderer: markdown.Markdown) -> list[tuple[int, str]]:
    """Every reason the body of a page may not be published, at the line it can be traced to, the
    body rendered by `renderer`, the site's own Markdown (with the engine's extensions)."""
    if len(body) > MAX_PAGE:
        return [(first_line, f"is {len(body):,} characters long, over the limit of {MAX_PAGE:,}; split the page")]
    lines = body.splitlines()
    problems = [(first_line + number, reason) for number, line in enumerate(lines)
                for reason in line_problems(line)]
    bracket = bracket_problem(body)
    if bracket:
        offset, reason = bracket
        return problems + [(first_line + body.count("\n", 0, offset), reason)]
    if problems:
        return problems
    fenced = False
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and not _LANGUAGE_BLOCK.match(line) and _has_raw_tag(line):
            problems.append((first_line + number, "contains raw HTML; use Markdown (**bold**, *italic*, "
                                                  "[text](https://...)) instead"))
    renderer.reset()
    for needle, reason in dict.fromkeys(_problems_of_html(renderer.convert(body), allowed)):
        problems.append((_line_of(lines, needle, first_line), reason))
    return sorted(set(problems))


def _has_raw_tag(line: str) -> bool:
    """Whether `line` holds a tag outside `code` (backticks) and autolinks (<https://...>)."""
    return bool(_RAW_TAG.search(_AUTOLINK.sub("", re.sub(r"`[^`]*`", "", line))))


def _line_of(lines: list[str], needle: str | tuple[str, ...], first_line: int) -> int:
    """The first line that holds `needle` (case-insensitive; each of several in turn), else the page's first line."""
    for each in (needle,) if isinstance(needle, str) else needle:
        each = each.lower()
        found = next((first_line + n for n, line in enumerate(lines) if each in line.lower()), None)
        if found is not None:
            return found
    return first_line


def leading_metadata(body: str) -> bool:
    """Whether the first line of a page without front matter would be read as MkDocs metadata."""
    return bool(_MULTIMARKDOWN_META.match(body))
