"""The guarantee: a built page holds only what the site itself writes (validate/allowlist.py).

The page is parsed as a browser parses it (Lexbor, an HTML5 parser, through selectolax), so a
trick that fools a pattern cannot fool this check. Each violation says what is not allowed and
carries the piece of text to look for in the sources (`needle`), so that the build can name the
file and line it came from.
"""

from __future__ import annotations

import base64
import functools
import gc
import hashlib
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser

from catalogue.domain.problems import Problem
from catalogue.validate.allowlist import SITE, Allowlist
from catalogue.validate.shapes import File, Refresh, Url, Where, from_root, plain_inside


@dataclass(frozen=True)
class Violation:
    """One thing in a built file that the allowlist does not allow."""

    what: str
    needle: str | tuple[str, ...] = ""  # what to look for in the sources, most specific first

    def __str__(self) -> str:
        return self.what


@lru_cache(maxsize=None)
def _attributes(allow: Allowlist, tag: str) -> tuple[frozenset[str], bool]:
    names = set(allow.everywhere.split()) | set(allow.elements.get(tag, "").split())
    return frozenset(names), "aria-*" in names


def _probes(name: str, value: str | None) -> tuple[str, ...]:
    """How an attribute may be written in a source: name="value", name='value', name=value, value, name."""
    if not value:
        return (name,)
    return (f'{name}="{value}"', f"{name}='{value}'", f"{name}={value}", value, name)


def _shown(tag: str, name: str, value: str | None) -> str:
    shown = value if value is None or len(value) <= 80 else value[:77] + "..."
    return f'<{tag} {name}>' if value is None else f"<{tag} {name}={json.dumps(shown, ensure_ascii=True)}>"


def _meta_key(attrs: dict[str, str | None]) -> tuple[str | None, str]:
    """The allowlist's key of a <meta> ('description', 'og:title', 'http-equiv=refresh'), or why it has none."""
    kinds = [name for name in ("charset", "name", "property", "http-equiv") if name in attrs]
    if len(kinds) != 1:
        return None, f"has {' and '.join(kinds) or 'none'} of charset, name, property and http-equiv (exactly one)"
    kind = kinds[0]
    if kind == "charset":
        return "charset", ""
    value = (attrs[kind] or "").strip().lower() if kind == "http-equiv" else attrs[kind] or ""
    return (f"http-equiv={value}" if kind == "http-equiv" else value), ""


def _meta_shape(allow: Allowlist, key: str):
    if key in allow.meta:
        return allow.meta[key]
    return next((shape for name, shape in allow.meta.items() if name.endswith("*") and key.startswith(name[:-1])), None)


def _check_meta(allow: Allowlist, attrs: dict, where: Where, out: list[Violation]):
    """What is wrong with a <meta>, added to `out`; the shape its content was checked against, if any."""
    key, why = _meta_key(attrs)
    if key is None:
        out.append(Violation(f"<meta> {why}", next((v for v in attrs.values() if v), "")))
        return None
    shape = _meta_shape(allow, key)
    if shape is None:
        out.append(Violation(f"<meta {key}> is not a meta tag the site writes", key.partition("=")[2] or key))
        return None
    content = attrs.get("charset") if key == "charset" else attrs.get("content")
    if content is None:
        out.append(Violation(f"<meta {key}> has no content", key))
        return None
    problem = shape.problem(content, where)
    if problem:
        out.append(Violation(f"<meta {key}> content {json.dumps(content[:80], ensure_ascii=True)} {problem}", content))
    return shape


def _check_link(allow: Allowlist, attrs: dict, where: Where, out: list[Violation]) -> None:
    rel, href = attrs.get("rel") or "", attrs.get("href")
    shape = allow.links.get(rel)
    if shape is None:
        out.append(Violation(f"<link rel={json.dumps(rel)}> is not a link type the site writes", rel))
    elif href is None or (problem := shape.problem(href, where)):
        out.append(Violation(f"<link rel={json.dumps(rel)}> href {json.dumps(href)} {problem if href else 'is missing'}", href or rel))
    elif rel == "alternate" and attrs.get("type") not in allow.alternates:
        out.append(Violation(f"<link rel=\"alternate\"> type {json.dumps(attrs.get('type'))} is not one the site writes",
                             attrs.get("type") or rel))


def _check_script(allow: Allowlist, attrs: dict, text: str, where: Where, out: list[Violation]) -> None:
    src = attrs.get("src")
    if src is not None:  # its address is checked with the attributes (one of allow.scripts)
        if text.strip():
            out.append(Violation(f"<script src={json.dumps(src)}> also holds code", text.strip()[:60]))
        return
    kind = attrs.get("type")
    if kind not in allow.data_scripts or (allow.data_scripts[kind] and attrs.get("id") != allow.data_scripts[kind]):
        out.append(Violation(f"an inline <script{' type=' + json.dumps(kind) if kind else ''}> (the site runs no inline script)",
                             text.strip()[:60] or "<script"))
        return
    out += _data_block(kind, text) if len(text) <= 20_000 else _data_block.__wrapped__(kind, text)


@lru_cache(maxsize=1024)  # of texts up to 20,000 characters: at most some 20 MB held
def _data_block(kind: str, text: str) -> tuple[Violation, ...]:
    """What is wrong with the text of a data block (`<script type=kind>`): pages repeat theirs (the theme's
    configuration, a clause's citation data), which are read once each."""
    try:
        json.loads(text)
    except ValueError:
        return (Violation(f"<script type={json.dumps(kind)}> does not hold JSON", text.strip()[:60]),)
    if re.search(r"<!--|</script|<script", text, re.IGNORECASE):
        return (Violation(f"<script type={json.dumps(kind)}> holds '<!--' or '<script', which change how a browser reads it", "<script"),)
    return ()


def _check_style(allow: Allowlist, text: str, out: list[Violation]) -> None:
    digest = _digest(text)
    if digest not in allow.style_hashes:
        out.append(Violation(f"a <style> element ({digest}) that the site does not write; styles live in assets/site.css",
                             text.strip()[:60] or "<style"))


_DIGESTS: dict[int, tuple[str, str]] = {}  # a style's length → its text and digest, the last of that length


def _digest(text: str) -> str:
    """The CSP source of a style's text. Every page carries the same one, some 35 KB: it is hashed once and
    then compared, which is quicker than looking it up by its text (that would hash the text each time)."""
    known = _DIGESTS.get(len(text))
    if known is not None and known[0] == text:
        return known[1]
    digest = "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()).decode("ascii")
    if len(_DIGESTS) > 64:
        _DIGESTS.clear()
    _DIGESTS[len(text)] = (text, digest)
    return digest


@lru_cache(maxsize=100_000)
def _plan(allow: Allowlist, tag: str, names: tuple[str, ...]) -> tuple[bool, tuple]:
    """Whether a start tag `tag` may carry attributes of these names, in this order, and the shape of each
    one's value (None: not looked at). Pages repeat the same few lists: this is worked out once for each."""
    allowed, aria = _attributes(allow, tag)
    return (all(name in allowed or (aria and name.startswith("aria-")) for name in names),
            tuple(_shape(allow, tag, name) for name in names))


@lru_cache(maxsize=None)
def _shape(allow: Allowlist, tag: str, name: str):
    if (tag, name) == ("script", "src"):
        return File(allow.scripts)
    return allow.values.get(f"{tag}@{name}") or allow.values.get(name)


def _check_names(allow: Allowlist, tag: str, attrs: dict, out: list[Violation]) -> None:
    names, aria = _attributes(allow, tag)
    for name, value in attrs.items():
        if name.startswith("on"):
            out.append(Violation(f"{_shown(tag, name, value)}: an event-handler attribute (the site runs no inline script)", _probes(name, value)))
        elif name == "style":
            out.append(Violation(f"{_shown(tag, name, value)}: a style attribute (styles live in assets/site.css)", _probes(name, value)))
        elif name not in names and not (aria and name.startswith("aria-")):
            out.append(Violation(f"{_shown(tag, name, value)}: the attribute {name!r} is not allowed on <{tag}>", _probes(name, value)))


@lru_cache(maxsize=200_000)
def _start_tag(allow: Allowlist, tag: str, items: tuple[tuple[str, str | None], ...]) -> tuple[tuple[Violation, ...], tuple]:
    """What is wrong with a start tag wherever it is, and the addresses in it left to check on its page.

    Pages repeat most of their tags, and each other's: this part is worked out once per build."""
    if tag not in allow.elements:
        return (Violation(f"the element <{tag}> is not one the site writes", f"<{tag}"),), ()
    out: list[Violation] = []
    allowed, shapes = _plan(allow, tag, tuple(name for name, _ in items))
    if not allowed:
        _check_names(allow, tag, dict(items), out)
    addresses = []
    for (name, value), shape in zip(items, shapes):
        if shape is None:
            continue
        if shape.needs_where:
            addresses.append((shape, name, value or ""))
        elif problem := shape.problem(value or "", None):
            out.append(Violation(f"{_shown(tag, name, value)} {problem}", _probes(name, value)))
    return tuple(out), tuple(addresses)


_TEXT = frozenset({"script", "style"})  # checked with the text they hold


def _found(allow: Allowlist, tag: str, attrs: dict, items: tuple, where: Where) -> tuple[tuple[Violation, ...], bool]:
    """Everything wrong with a start tag on a page at `where`, and whether that may depend on the names of the
    page's folders (`_in_folder`), or only on how deep the page is."""
    fixed, addresses = _start_tag(allow, tag, items)
    found = list(fixed)
    by_folder = False
    for shape, name, value in addresses:
        if shape.__class__ is Url and plain_inside(value, where.depth):
            continue
        by_folder = by_folder or _in_folder(shape, value, where.depth)
        if problem := shape.problem(value, where):
            found.append(Violation(f"{_shown(tag, name, value)} {problem}", _probes(name, value)))
    if tag == "meta" and tag in allow.elements:
        shape = _check_meta(allow, attrs, where, found)
        by_folder = by_folder or _in_folder(shape, attrs.get("content") or "", where.depth)
    elif tag == "link" and tag in allow.elements:
        _check_link(allow, attrs, where, found)
        by_folder = by_folder or _in_folder(allow.links.get(attrs.get("rel") or ""), attrs.get("href") or "", where.depth)
    return tuple(found), by_folder


def _in_folder(shape, value: str, depth: int) -> bool:
    """Whether what `shape` makes of `value` on a page may depend on the names of the page's folders, not only
    on how deep it is: a Url's or a refresh's does not (shapes.target), nor a File's path that climbs to the
    root; any other shape that looks at the page is taken to (worked out in each folder)."""
    if shape is None or not shape.needs_where or shape.__class__ in (Url, Refresh):
        return False
    return not (shape.__class__ is File and from_root(value, depth))


@lru_cache(maxsize=4096)
def _where(path: str, site_url: str, domains: tuple[str, ...]) -> tuple[Where, Where]:
    """The page's Where, one per folder (the same object each time, so caches keyed on it hash fast), and
    one that stands for every folder as deep (what a Url means depends on the depth alone)."""
    where = Where(path, site_url, domains)
    plain = all(_FOLDER.fullmatch(part) for part in where.folder.split("/")) if where.folder else True
    return where, (_deep(where.depth, site_url, domains) if plain else where)


_FOLDER = re.compile(r"[A-Za-z0-9_~+-][A-Za-z0-9_.~+-]*")  # a plain folder name: no '.', '..', '%2e', '?' or '#'


@lru_cache(maxsize=256)
def _deep(depth: int, site_url: str, domains: tuple[str, ...]) -> Where:
    return Where("d/" * depth + "index.html", site_url, domains)


# (allowlist, where) → {(tag, attributes) → what is wrong with that start tag there}. Pages repeat their tags,
# and each other's: a tag is worked out once per depth (once per folder when its meaning depends on the
# folder), once per build (bounded for `mkdocs serve`).
_SEEN: dict = {}


def forget() -> None:
    """Drop what earlier pages taught the caches (a benchmark starts each round cold)."""
    _SEEN.clear()
    _DIGESTS.clear()
    for cached in (_where, _deep, _start_tag, _plan, _data_block):
        cached.cache_clear()


def collector_paused(function: Callable) -> Callable:
    """`function` run with Python's cycle collector paused, and then as it was. The verifier makes many small
    objects and no reference cycle (what it leaves is freed as soon as it is dropped), while each pass of the
    collector walks every object the process holds: in a build's large process those passes cost the
    verifier about a sixth of its time."""

    @functools.wraps(function)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@collector_paused
def check_page(html: str, path: str, site_url: str = "/", domains: tuple[str, ...] = (),
               allow: Allowlist = SITE) -> list[Violation]:
    """Everything in the page `html` (to be written at `path`, from the site root) that `allow` does not allow."""
    where, deep = _where(posixpath.join(posixpath.dirname(path), "index.html"), site_url, domains)  # what URLs depend on
    if len(_SEEN) > 20_000 or sum(map(len, _SEEN.values())) > 500_000:
        _SEEN.clear()
    at_depth = _SEEN.setdefault((allow, deep), {})
    at_folder = _SEEN.setdefault((allow, where), {}) if where is not deep else at_depth
    out: list[Violation] = []
    ids: set[str] = set()
    depth_get, folder_get = at_depth.get, at_folder.get
    for node in LexborHTMLParser(html).root.traverse(include_text=False):
        attrs = node.attributes
        key = (node.tag, tuple(attrs.items()))
        entry = depth_get(key) or folder_get(key)
        if entry is None:  # a start tag this page's depth (or folder) has not seen yet, or not a tag at all
            tag = key[0]
            if tag is None:  # `<?x>`: Lexbor keeps a processing instruction, which a browser reads as a comment
                out.append(Violation("a processing instruction or comment (<?…>; the site writes none)", (node.html or "")[2:62]))
                continue
            if tag[0] == "-":  # never kept: every comment is reported where it stands
                if tag == "-comment":
                    out.append(Violation("an HTML comment (the site writes none)", (node.html or "")[4:64]))
                continue  # else the document itself, the doctype
            found, by_folder = _found(allow, tag, attrs, key[1], where)
            entry = (found, "id" in attrs or (tag in _TEXT and tag in allow.elements))
            (at_folder if by_folder else at_depth)[key] = entry
        found, more = entry  # more: it has an id, or text to check (a script or a style)
        if found:
            out += found
        if more:
            if "id" in attrs:
                if attrs["id"] in ids:
                    out.append(Violation(f"the id {attrs['id']!r} twice (an id names one place in a page)", attrs["id"] or ""))
                ids.add(attrs["id"] or "")
            tag = key[0]
            if tag == "script" and "script" in allow.elements:
                _check_script(allow, attrs, "" if node.child is None else node.text(deep=True), where, out)
            elif tag == "style" and "style" in allow.elements:
                _check_style(allow, node.text(deep=True), out)
    return out


_LISTED_ID = re.compile(r"^\s*(?:-\s+)?(?:\{\s*)?id: *([\w./-]+)")  # an item of a data file's list: `- id: crc` (linear)
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def printable(text: str) -> str:
    """`text` on one line, with control, invisible and bidirectional characters shown as \\uXXXX."""
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def locate(needle: str | tuple[str, ...], sources: Iterable[tuple[str, str]]) -> tuple[str, int, str] | None:
    """The first source file and line holding `needle` (each probe in turn, most specific first), and
    the YAML key it is under (a page's name for Markdown): where a violation came from, as far as it
    can be traced."""
    sources = list(sources)
    for probe in (needle,) if isinstance(needle, str) else needle:
        probe = probe.strip()[:60]
        if len(probe) < 3:
            continue
        variants = tuple(dict.fromkeys([probe, probe.replace('"', '\\"'), html.escape(probe, quote=False)]))
        for path, text in sources:
            key = ""
            for number, line in enumerate(text.splitlines(), start=1):
                if line[:1] not in " \t#-" and line.rstrip().endswith(":"):
                    key = line.rstrip()[:-1].strip("'\"")
                elif match := _LISTED_ID.search(line):
                    key = match.group(1)
                if any(variant in line for variant in variants):
                    return path, number, key if path.endswith(".yml") else posixpath.splitext(posixpath.basename(path))[0]
    return None


def problems(violations: Iterable[Violation], dest: str, lang: str, sources: Iterable[tuple[str, str]]) -> list[Problem]:
    """One line per violation in the built file `dest`, at the source file and line it came from when
    it can be found in `sources` ((path, text) pairs, most likely first), else at `dest` itself."""
    sources = list(sources)
    out = []
    for violation in violations:
        found = locate(violation.needle, sources) if violation.needle else None
        path, line, key = found or (dest, 0, "")
        out.append(Problem(path, line, printable(key), lang,
                           f"the built {dest} would hold {printable(violation.what)}; the site never writes that, "
                           "remove it (catalogue/validate/allowlist.py lists what the site may hold)"))
    return out
