"""The site's styles as a reader receives them: a small first-screen stylesheet inlined in every
page's head (so the text is drawn as soon as the HTML arrives, on the slowest networks), and one
stylesheet with the rest, loaded after the content, left without the rules no page can use.

Both are cut from the theme's stylesheets and the site's own (`docs/assets/site.css`), in their
order, so the cascade is the theme's: the later stylesheet holds every kept rule again, and once it
has loaded a page looks exactly as with the theme's files.

The first-screen stylesheet depends on the stylesheets and the lists below only, never on the
catalogue's text, so its hash (allowed by the Content-Security-Policy) changes only when a
maintainer changes the CSS, the theme's version or these lists.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import cssselect2
import tinycss2

# The theme's components a first screen shows (or must keep hidden) on a phone and on a desktop:
# the header with its buttons, search box and language menu, the drawer and sidebars, the content
# column; a class outside these prefixes keeps its rule out of the first-screen stylesheet.
FIRST_SCREEN_CLASSES = (
    "md-header", "md-container", "md-main", "md-content", "md-grid", "md-typeset", "md-sidebar", "md-nav",
    "md-skip", "md-overlay", "md-toggle", "md-logo", "md-icon", "md-ellipsis", "md-select", "md-search",
    "md-option", "md-visually-hidden", "md-button", "no-js",
)
# The navigation's look inside the drawer, which only a tap opens (the theme's media query for the
# layout with a drawer): the rest of the styles have arrived long before anyone can read it.
DRAWER_MEDIA = "(max-width:76.234375em)"
DRAWER_CLASSES = ("md-nav",)
# Parts of those components that are never on a first screen: search results, tables' scroll wrappers.
NOT_FIRST_SCREEN = ("md-search-result", "md-search__output", "md-search__scrollwrap", "md-search__suggest",
                    "md-search__options", "md-typeset__table", "md-typeset__scrollwrap", "md-nav__link--passed",
                    # and of the theme's features this site leaves off (mkdocs.yml: no tabs, sections or
                    # integrated table of contents, no repository links or edit buttons, no blog, no
                    # palette toggle, no nested navigation): if one is switched on, its rules still
                    # arrive with the stylesheet after the content
                    "md-tabs", "md-header--lifted", "md-nav--lifted", "md-nav--integrated", "md-nav__item--section",
                    "md-nav__item--nested", "md-nav__container", "md-header__source", "md-nav__source",
                    "md-content__button", "md-content--post", "md-sidebar--post", "md-option")
# Elements a first screen holds (the theme's rules for others, e.g. tables and code, wait).
FIRST_SCREEN_ELEMENTS = frozenset({
    "*", "html", "body", "header", "nav", "main", "article", "section", "div", "span", "p", "a", "h1", "h2", "h3",
    "strong", "em", "small", "abbr", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "details", "summary",
    "label", "input", "button", "form", "svg",
})
_PSEUDO = re.compile(r"::?[\w-]+(\((?:[^()]|\([^()]*\))*\))?")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_COMBINATOR = re.compile(r"\s*[>+~\s]\s*")
_CLASS = re.compile(r"\.([\w-]+)")
_ELEMENT = re.compile(r"^([a-zA-Z][\w-]*|\*)")
_COLOUR_ATTRIBUTE = re.compile(r"\[(data-md-color-[a-z]+)=[\"']?([\w-]+)")
_CLASSES = re.compile(r' class="([^"]*)"')
_COLOURS = re.compile(r' (data-md-color-[a-z]+)="([\w-]+)"')
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_PRINT = re.compile(r"@media\s+print\b", re.IGNORECASE)
_GROUPING = {"media", "supports", "layer", "container"}


@dataclass(frozen=True)
class Style:
    """One style rule: its selectors and its declarations (name, value as written, `!important`)."""

    selectors: tuple[str, ...]
    declarations: tuple[tuple[str, str, bool], ...]


@dataclass(frozen=True)
class Group:
    """A grouping at-rule (`@media …`) and the rules inside it."""

    head: str
    rules: tuple


@dataclass(frozen=True)
class Other:
    """Any other at-rule (`@keyframes`, `@font-face`), kept as written."""

    text: str


def first_screen(stylesheets: Iterable[str], own: str, colours: set[tuple[str, str]]) -> str:
    """The rules of `stylesheets` (the theme's) that a first screen can need, for the colour palette the
    site sets (`colours`: attribute and value, e.g. `("data-md-color-scheme", "default")`), then the rules of
`own` (the site's) for first-screen elements, but its print styles."""
    def needed(selector: str, media: str) -> bool:
        drawer = DRAWER_MEDIA in media and any(name.startswith(DRAWER_CLASSES) for name in _CLASS.findall(selector))
        return not drawer and _on_first_screen(selector) and _in_palette(selector, colours)
    rules = [rule for css in stylesheets for rule in _kept(parse(css), needed, at_rules=False, screen=True)]
    own_rules = _kept(parse(own), lambda selector, media: _first_screen_elements(selector), at_rules=True, screen=True)
    return serialize(_without_unused_properties(rules + own_rules))


def rest(stylesheets: Iterable[str], used: set[str], colours: set[tuple[str, str]], inline: str = "") -> str:
    """Every rule of `stylesheets`, in order, except those for a class no page or script uses
    (`used`) or for a colour palette the site does not set (`colours`: attribute and value), and
    those every page already has in its head (`inline`, the first-screen stylesheet) where leaving
    them out cannot change the cascade (see `_without_inline`)."""
    def usable(selector: str, media: str) -> bool:
        return all(name in used for name in _CLASS.findall(selector)) and _in_palette(selector, colours)
    rules = [rule for css in stylesheets for rule in _kept(parse(css), usable, at_rules=True)]
    rules = _without_unused_properties(rules)
    if inline:
        rules = _without_inline(rules, set(_flat(parse(inline))), {})
    return serialize(rules)


def _flat(rules: Iterable, media: tuple = ()) -> Iterable[tuple]:
    """Each selector of `rules` with its grouping rules' heads and its declarations."""
    for rule in rules:
        if isinstance(rule, Style):
            yield from ((media, selector, rule.declarations) for selector in rule.selectors)
        elif isinstance(rule, Group):
            yield from _flat(rule.rules, (*media, rule.head))


def _without_inline(rules: Iterable, inline: set[tuple], kept: dict, media: tuple = ()) -> list:
    """`rules` without the selectors `inline` holds with the same declarations in the same groups.

    The inline styles come before the stylesheet, so a rule left out moves ahead of every rule kept
    before it. Order decides between two declarations only when they set one property (or a shorthand
    and its part: one family, see `_family`) of one box (the element or the same pseudo-element),
    with the same importance and the same specificity: a selector is left out only when no rule kept
    before it, whatever its media, meets all four (a selector whose specificity cannot be worked out
    meets any). `kept` gathers, by box and importance, the families kept and their specificities."""
    out = []
    for rule in rules:
        if isinstance(rule, Style):
            selectors = tuple(selector for selector in rule.selectors
                              if (media, selector, rule.declarations) not in inline
                              or _clashes(kept, selector, rule.declarations))
            for selector in selectors:
                box, mark = _box(selector), (_specificity(selector), _subject(selector))
                for name, _, important in rule.declarations:
                    kept.setdefault((box, important), {}).setdefault(_family(name), set()).add(mark)
            if selectors:
                out.append(Style(selectors, rule.declarations))
        elif isinstance(rule, Group):
            inner = _without_inline(rule.rules, inline, kept, (*media, rule.head))
            if inner:
                out.append(Group(rule.head, tuple(inner)))
        else:
            out.append(rule)
    return out


def _clashes(kept: dict, selector: str, declarations: tuple) -> bool:
    """Whether a rule kept before could win over this selector's declarations once it moves ahead of it:
    one box, importance and property family, the same specificity (or one unknown) and the same element
    type (or one that names none)."""
    weight, subject = _specificity(selector), _subject(selector)
    for name, _, important in declarations:
        family = _family(name)
        for (box, imp), families in kept.items():
            if imp != important or not (box == _box(selector) or "?" in (box, _box(selector))):
                continue
            rivals = [marks for other, marks in families.items()
                      if other == family or (family == "*" and not other.startswith("--"))
                      or (other == "*" and not family.startswith("--"))]
            for other, element in (mark for marks in rivals for mark in marks):
                if None in (weight, other) or weight == other:
                    if "*" in (subject, element) or subject == element:
                        return True
    return False


_PSEUDO_ELEMENT = re.compile(r"(::?(?:before|after|first-line|first-letter)|::[\w-]+)(?:\([^()]*\))?$")


def _box(selector: str) -> str:
    """What a selector styles: the element ("") or a pseudo-element (`::before`; "?" if unclear)."""
    found = _PSEUDO_ELEMENT.search(selector.strip())
    if found:
        return "::" + found.group(1).lstrip(":")
    return "?" if "::" in selector else ""


def _subject(selector: str) -> str:
    """The element type a selector's last compound names ("*" when it names none: any element)."""
    last = _compounds(selector)
    found = _ELEMENT.match(last[-1]) if last else None
    return found.group(1).lower() if found else "*"


@lru_cache(maxsize=4096)
def _specificity(selector: str) -> tuple | None:
    try:
        [compiled] = cssselect2.compile_selector_list(tinycss2.parse_component_value_list(selector))
    except Exception:  # a selector cssselect2 does not know: it may clash with anything
        return None
    return compiled.specificity


# Properties that set one another (shorthands, aliases, logical and physical forms) share a family.
_FAMILIES = {"top": "inset", "right": "inset", "bottom": "inset", "left": "inset", "line": "font",
             "place": "align", "justify": "align", "gap": "grid", "row": "grid", "column": "grid", "columns": "grid",
             "width": "size", "height": "size", "inline": "size", "block": "size", "min": "size", "max": "size",
             "word": "overflow", "all": "*"}


def _family(name: str) -> str:
    """The family of a property: its first word without a vendor prefix (`margin-left`: margin);
    a custom property is its own family."""
    if name.startswith("--"):
        return name
    word = re.sub(r"^-[a-z]+-", "", name.lower()).split("-")[0]
    return _FAMILIES.get(word, word)


def _in_palette(selector: str, colours: set[tuple[str, str]]) -> bool:
    return all(pair in colours for pair in _COLOUR_ATTRIBUTE.findall(selector))


def classes(html: str) -> set[str]:
    """The class names in the `class` attributes of a page's body."""
    return {name for value in _CLASSES.findall(html, _body(html)) for name in value.split()}


def colours(html: str) -> set[tuple[str, str]]:
    """The theme's colour attributes a page's body sets (`data-md-color-scheme="default"`, …)."""
    return set(_COLOURS.findall(html, _body(html)))


def _body(html: str) -> int:
    """Where a page's body starts (its head holds the inline styles, no class)."""
    return max(html.find("</head>"), 0)


def script_classes(script: str, own: bool) -> set[str]:
    """Class names a script may add: the theme's are `md-…`; every word of one of the site's own scripts counts."""
    words = set(re.findall(r"[A-Za-z_][\w-]*", script))
    return words if own else {word for word in words if word.startswith("md-")}


def csp_hash(css: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=8)
def parse(css: str) -> tuple:
    """A stylesheet as rules (parsed once per text: the theme's are cut twice in a build)."""
    return tuple(_nodes(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)))


def _nodes(rules: list) -> list:
    nodes = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = tuple((d.name, tinycss2.serialize(d.value).strip(), d.important)
                                 for d in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True,
                                                                         skip_comments=True)
                                 if d.type == "declaration")
            selectors = tuple(_selectors(tinycss2.serialize(rule.prelude)))
            nodes.append(Style(selectors, declarations))
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in _GROUPING:
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            nodes.append(Group(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}", tuple(_nodes(inner))))
        elif rule.type == "at-rule":
            nodes.append(Other(tinycss2.serialize([rule])))
    return nodes


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (`:is(a, b)` and `:not(a, b)` stay whole)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:index].strip())
            start = index + 1
    return parts + [prelude[start:].strip()]


def serialize(rules: Iterable) -> str:
    out = []
    for rule in rules:
        if isinstance(rule, Style):
            body = ";".join(f"{name}:{value}" + ("!important" if important else "")
                            for name, value, important in rule.declarations)
            out.append(",".join(rule.selectors) + "{" + body + "}")
        elif isinstance(rule, Group):
            out.append(rule.head + "{" + serialize(rule.rules) + "}")
        else:
            out.append(rule.text)
    return "".join(out)


def _kept(rules: Iterable, keep, at_rules: bool, screen: bool = False, media: str = "") -> list:
    """`rules` with only the selectors `keep(selector, media)` accepts (grouping rules filtered inside,
    `media` their heads); other at-rules (keyframes, font faces) kept if `at_rules`; print styles
    left out if `screen`."""
    out = []
    for rule in rules:
        if isinstance(rule, Style):
            selectors = tuple(selector for selector in rule.selectors if keep(selector, media))
            if selectors:
                out.append(Style(selectors, rule.declarations))
        elif isinstance(rule, Group):
            if screen and _PRINT.match(rule.head):
                continue
            inner = _kept(rule.rules, keep, at_rules, screen, media + rule.head.replace(" ", ""))
            if inner:
                out.append(Group(rule.head, tuple(inner)))
        elif at_rules:
            out.append(rule)
    return out


def _compounds(selector: str) -> list[str]:
    """A selector's compound selectors, without pseudo-classes and attributes (so a rule for a state,
    e.g. the drawer open, comes along with its component)."""
    return list(filter(None, _COMBINATOR.split(_ATTRIBUTE.sub("", _PSEUDO.sub("", selector)).strip())))


def _first_screen_elements(selector: str) -> bool:
    """Whether each element a selector names can be on a first screen."""
    return all(not (element := _ELEMENT.match(compound)) or element.group(1).lower() in FIRST_SCREEN_ELEMENTS
               for compound in _compounds(selector))


def _on_first_screen(selector: str) -> bool:
    """Whether the element a theme's selector styles can be on a first screen: it names first-screen
    elements and the first-screen components' classes only."""
    return _first_screen_elements(selector) and all(
        name.startswith(FIRST_SCREEN_CLASSES) and not name.startswith(NOT_FIRST_SCREEN)
        for name in _CLASS.findall(selector))


def _without_unused_properties(rules: list) -> list:
    """`rules` without the declarations of custom properties (`--name: …`) that nothing kept uses."""
    while True:
        used = {name for value in _values(rules) for name in _VAR.findall(value)}
        pruned = _prune(rules, used)
        if pruned == rules:
            return rules
        rules = pruned


def _values(rules: Iterable) -> Iterable[str]:
    for rule in rules:
        if isinstance(rule, Style):
            yield from (value for _, value, _ in rule.declarations)
        elif isinstance(rule, Group):
            yield from _values(rule.rules)
        else:
            yield rule.text


def _prune(rules: Iterable, used: set[str]) -> list:
    out = []
    for rule in rules:
        if isinstance(rule, Style):
            declarations = tuple(d for d in rule.declarations if not d[0].startswith("--") or d[0] in used)
            if declarations:
                out.append(Style(rule.selectors, declarations))
        elif isinstance(rule, Group):
            inner = _prune(rule.rules, used)
            if inner:
                out.append(Group(rule.head, tuple(inner)))
        else:
            out.append(rule)
    return out
