"""The stylesheet each page loads after its content: cut from the theme's and the site's own once
every page is built (it keeps only rules some page or script can use), written under a name that
carries its fingerprint (cached for a year), and linked from every page in place of the name the
templates write."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from catalogue.render import styles

# What the templates link (overrides/main.html); replaced in every page by the fingerprinted file.
PLACEHOLDER = "assets/stylesheets/site.css"
THEME = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
OWN = "assets/site.css"
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def write(site: Path) -> str:
    """Write the stylesheet for the pages in `site` and point them at it; return its path in the site."""
    texts = {page: page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}
    used = set().union(*(styles.classes(text) for text in texts.values()))
    colours = set().union(*(styles.colours(text) for text in texts.values()))
    for script in sorted(site.glob("assets/**/*.js")):
        used |= styles.script_classes(script.read_text(encoding="utf-8", errors="replace"),
                                      own=script.parent == site / "assets")
    sources = [path.read_text(encoding="utf-8") for pattern in THEME for path in sorted(site.glob(pattern))[:1]]
    css = styles.rest(sources + [(site / OWN).read_text(encoding="utf-8")], used, colours, _inline(texts.values()))
    name = f"assets/stylesheets/site.{hashlib.sha256(css.encode('utf-8')).hexdigest()[:8]}.min.css"
    (site / name).write_text(css, encoding="utf-8")
    for page, text in texts.items():
        linked = text.replace(f'{PLACEHOLDER}"', f'{name}"')
        if linked != text:
            page.write_text(linked, encoding="utf-8")
    return name


def _inline(pages: Iterable[str]) -> str:
    """The first-screen styles, when every page that links the stylesheet carries them, the same in
    each (then the stylesheet need not hold them again); else nothing."""
    found = {match.group(1) if (match := _STYLE.search(text)) else "" for text in pages if f'{PLACEHOLDER}"' in text}
    return found.pop() if len(found) == 1 else ""
