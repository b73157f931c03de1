"""Glossary terms as a reader of one language sees them, and marked where our own copy uses them."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from catalogue.domain.model import Catalogue
from catalogue.validate.safety import plain

_TAG = re.compile(r"(<[^>]+>)")


def terms(catalogue: Catalogue, lang: str) -> tuple[tuple[str, str, str], ...]:
    """(id, term, definition) of each glossary entry as a reader of `lang` sees it, longest term first;
    only the terms the English glossary wants linked where they appear."""
    found = []
    for (entry_lang, domain, key), entry in catalogue.strings.items():
        if entry_lang != catalogue.default.code or domain != "glossary" or not entry.link \
                or (entry_lang, domain, key) not in catalogue.usable:  # a term with a problem is not linked
            continue
        resolved = catalogue.resolve(lang, "glossary", key)
        term = (resolved.translation.term if resolved.translation else None) or entry.term or key
        found.append((key, term, resolved.text))
    return tuple(sorted(found, key=lambda item: -len(item[1])))


@lru_cache(maxsize=64)
def _matcher(glossary: tuple[tuple[str, str, str], ...]) -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    """The terms by their case-folded form, and one pattern that finds any of them (built once per glossary)."""
    by_term = {term.casefold(): (key, definition) for key, term, definition in glossary}
    pattern = re.compile("(?<!\\w)(" + "|".join(re.escape(html.escape(t, quote=False)) for _, t, _ in glossary)
                         + ")(?!\\w)", re.IGNORECASE)
    return by_term, pattern


def annotate(fragment: str, glossary: tuple[tuple[str, str, str], ...], href: str) -> str:
    """Link the first use of each glossary term in an HTML fragment to its definition (also a tooltip),
    leaving tags and the text of existing links alone."""
    if not glossary:
        return fragment
    by_term, pattern = _matcher(glossary)
    done: set[str] = set()
    out, in_link = [], False
    for part in _TAG.split(fragment):
        if part.startswith("<"):
            in_link = bool(re.match(r"<a[\s>]", part)) or (in_link and not part.startswith("</a"))
            out.append(part)
            continue
        if in_link:
            out.append(part)
            continue
        position = 0
        for match in pattern.finditer(part):
            key, definition = by_term[html.unescape(match.group(0)).casefold()]
            if key in done:
                continue
            done.add(key)
            out.append(part[position:match.start()])
            out.append(f'<a class="glossary-term" href="{href}#{key}" title="{html.escape(plain(definition))}">'
                       f"{match.group(0)}</a>")
            position = match.end()
        out.append(part[position:])
    return "".join(out)
