"""The glossary page of a language: each term, its definition and the terms to avoid."""

from __future__ import annotations

import html

from catalogue.render.text import Text
from catalogue.render import markup
from catalogue.render.markup import Page

URL = "glossary/"


class GlossaryRenderer(Text):
    """The glossary page of one language, terms in this language's alphabetical order."""

    def entry(self, key: str) -> tuple[str, str]:
        """The sort key and the HTML of one term; a term not yet translated is shown in English."""
        resolved = self.catalogue.resolve(self.lang, "glossary", key)
        translation = resolved.translation
        term = (translation.term if translation else None) or key
        avoided = translation.avoid if translation else ()
        avoid = self.language.list_separator.join(f"<q>{html.escape(a)}</q>" for a in avoided)
        avoid_html = f'<p class="glossary__avoid">{self.labelled(self.ui("glossary-avoid"), avoid)}</p>' if avoid else ""
        term_html = self._mark(resolved, html.escape(term))
        return term.casefold(), (f'<dt id="{key}">{term_html}</dt>\n'
                                 f'<dd><p>{self.inline("glossary", key)}</p>{avoid_html}</dd>')

    def page(self) -> Page:
        source = self.catalogue.default.code
        keys = [key for (lang, domain, key) in self.catalogue.strings
                if lang == source and domain == "glossary" and (lang, domain, key) in self.catalogue.usable]
        items = [item for _, item in sorted(self.entry(key) for key in keys)]
        blocks = [
            *self.opening("glossary"),
            '<dl class="glossary">\n' + "\n".join(items) + "\n</dl>",
        ]
        return Page("glossary/index.md", URL, markup.join(blocks))
