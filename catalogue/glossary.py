"""The glossary page of a language: each term, its definition and the terms to avoid."""

from __future__ import annotations

import html

from catalogue.render import Page, Renderer, _front_matter, _heading, _join
from catalogue.terms import terms


class GlossaryRenderer(Renderer):
    """The glossary page of one language."""

    def page(self) -> Page:
        url = "glossary/"
        items = []
        for key, _, _ in sorted(terms(self.catalogue, self.lang), key=lambda item: item[1].casefold()):
            resolved = self.catalogue.resolve(self.lang, "glossary", key)
            translation = resolved.translation
            term = html.escape((translation.term if translation else None) or key)
            avoid = ", ".join(f"“{html.escape(a)}”" for a in (translation.avoid if translation else ()))
            avoid_html = (f'<p class="glossary__avoid">{self.ui("glossary-avoid")} {avoid}</p>') if avoid else ""
            definition = self.inline("glossary", key)
            term_html = term if not resolved.is_fallback(self.lang) else \
                f'<span lang="{resolved.lang}" dir="{self.catalogue.language(resolved.lang).direction}">{term}</span>'
            items.append(f'<dt id="{key}">{term_html}</dt>\n<dd><p>{definition}</p>{avoid_html}</dd>')
        blocks = [
            _front_matter(self.t("glossary-title"), self.t("glossary-intro")),
            f"# {_heading(self.t('glossary-title'))} {{#title}}",
            self.notice(),
            f"<p>{self.ui('glossary-intro')}</p>",
            '<dl class="glossary">\n' + "\n".join(items) + "\n</dl>",
        ]
        return Page("glossary/index.md", url, _join(blocks))
