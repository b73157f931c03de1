"""The full communique in one language as the HTML document WeasyPrint prints to PDF (publish/pdfs.py).

A pure function of the catalogue: the title, issuer, place and dates; then every clause in the order
printed, each with its label (its number as printed), its id, its permanent link, its text, the
frameworks it draws on and the state of its translation. Everything is escaped (catalogue strings
come through the same sanitiser as the pages'); the document loads nothing: no stylesheet, font or
image by address (the fonts are found by family name, through fontconfig).
"""

from __future__ import annotations

import html
import posixpath

from catalogue.domain.model import Catalogue, Clause, Language
from catalogue.render.links import Links
from catalogue.render.urls import localised, target_url
from catalogue.validate.safety import plain

MEDIA_TYPE = "application/pdf"
# Noto fonts of Debian's fonts-noto-core, by the family names fontconfig knows; the script's own font
# first where a language needs one, then Noto Sans for Latin letters, digits and punctuation.
LATIN_FONT = "Noto Sans"
SCRIPT_FONTS = {"ar": "Noto Sans Arabic", "am": "Noto Sans Ethiopic"}

STYLE = """
@page { size: A4; margin: 20mm 18mm 22mm;
  @bottom-center { content: counter(page) " / " counter(pages); direction: ltr; font-size: 8.5pt; color: #555; } }
html { font-family: %(fonts)s; font-size: 10.5pt; line-height: 1.45; color: #111; }
html[dir="rtl"] { direction: rtl; }
body { margin: 0; }
h1 { font-size: 15pt; line-height: 1.3; margin: 0 0 4mm; color: #14532d; }
h2 { font-size: 12.5pt; margin: 7mm 0 3mm; color: #14532d; border-bottom: 0.5pt solid #14532d; }
h3 { font-size: 10.5pt; margin: 0 0 1mm; break-after: avoid; }
p { margin: 0 0 1.5mm; }
a { color: #14532d; text-decoration: none; }
.header p { margin: 0; }
.facts { margin: 3mm 0; }
.note { border: 0.5pt solid #999; padding: 2mm 3mm; margin: 3mm 0; font-size: 9.5pt; }
.clause { margin: 0 0 5mm; break-inside: avoid-page; }
.clause--sub-item { margin-inline-start: 8mm; }
.clause__id, .clause__link, .clause__sources, .clause__status { font-size: 8.5pt; color: #444; }
.clause__id { font-weight: normal; }
.url { unicode-bidi: isolate; direction: ltr; }
"""


def path_of(language: Language) -> str:
    """Where a language's PDF is published, from the site root: 'fr/communique/communique-fr.pdf'."""
    return localised(language, f"communique/communique-{language.code}.pdf")


def download_name(language: Language) -> str:
    """The name a reader's browser saves the PDF under."""
    return f"addis-ababa-communique-2019-{language.code}.pdf"


def link(renderer: Links, from_url: str) -> str:
    """The link to this language's PDF from a page (`from_url`: the page's language-neutral URL, 'communique/')."""
    language = renderer.language
    target = path_of(language).removeprefix(language.prefix)
    href = posixpath.relpath(target, from_url or ".")
    return (f'<a href="{html.escape(href)}" download="{download_name(language)}" type="{MEDIA_TYPE}">'
            f'{html.escape(target.rsplit("/", 1)[1])}</a>')


class PdfDocument(Links):
    """The printable full text of one language."""

    def _url(self, path: str) -> str:
        return html.escape(self.site_url + localised(self.language, path))

    def _address(self, url: str) -> str:
        return f'<a class="url" dir="ltr" href="{url}">{url}</a>'

    def status(self) -> str:
        """What this text is: the communique as published (English), or an unofficial translation."""
        if self.language.default:
            return f'<p class="note">{self.ui("pdf-source-note")}</p>'
        draft = "" if self.language.published else f' {self.ui("draft-notice")}'
        return f'<p class="note">{self.ui("unofficial-translation")}{draft}</p>'

    def sources(self, clause: Clause) -> str:
        links = self.catalogue.links_of(clause.id)
        if not links:
            return ""
        items = " · ".join(f'<a href="{self._url(target_url(link.target))}">{self.target_label(link)}</a>'
                           for link in links)
        return f'<p class="clause__sources">{self.labelled(self.ui("clause-sources-heading"), items)}</p>'

    def clause(self, clause: Clause) -> str:
        number = {"operative": f"{clause.number}.", "sub-item": f"({clause.number})"}.get(clause.kind)
        number_html = f"{html.escape(number)} " if number else ""
        url = html.escape(self.permalink(clause))
        parts = [
            f'<div class="clause clause--{clause.kind}" id="{clause.id}">',
            f'<h3>{html.escape(self.label(clause))} <span class="clause__id url" dir="ltr">[{clause.id}]</span></h3>',
            f'<p class="clause__text">{number_html}{self.inline("communique", clause.id)}</p>',
            f'<p class="clause__link">{self.ui("permalink-label")} {self._address(url)}</p>',
            self.sources(clause),
            self.status_note(clause.id),
            "</div>",
        ]
        return "\n".join(part for part in parts if part)

    def body(self) -> list[str]:
        catalogue = self.catalogue
        header = "\n".join(f"<p>{self.inline('communique', key)}</p>" for key in catalogue.header)
        whole = self._url("communique/")
        blocks = [
            f"<h1>{self.inline('communique', 'title')}</h1>",
            f'<div class="header">\n{header}\n</div>',
            f'<p class="facts">{self.labelled(self.ui("pdf-issuer"), html.escape(self.t("cite-issuer")))}<br>\n'
            f'{self.labelled(self.ui("facts-place"), self.ui("summit-place"))}<br>\n'
            f'{self.labelled(self.ui("facts-dates"), html.escape(self.summit_dates()))}<br>\n'
            f'{self.ui("permalink-label")} {self._address(whole)}</p>',
            self.status(),
        ]
        groups = (("heading-preamble", ("preamble", "preambular")), ("heading-operative", ("operative",)))
        for heading, kinds in groups:
            blocks.append(f"<h2>{self.ui(heading)}</h2>")
            for clause in catalogue.clauses:
                if clause.kind in kinds:
                    blocks.append(self.clause(clause))
                    blocks += [self.clause(child) for child in catalogue.children(clause.id)]
        return blocks

    def document(self) -> str:
        language = self.language
        fonts = ", ".join(f'"{family}"' for family in (SCRIPT_FONTS.get(language.code), LATIN_FONT) if family)
        title = plain(self.catalogue.resolve(self.lang, "communique", "title").text)
        return (
            f'<!doctype html>\n<html lang="{html.escape(language.code)}" dir="{html.escape(language.direction)}">\n'
            f'<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f'<meta name="author" content="{html.escape(self.t("cite-issuer"))}">\n'
            f"<style>{STYLE % {'fonts': fonts}}</style>\n</head>\n<body>\n"
            + "\n".join(block for block in self.body() if block) + "\n</body>\n</html>\n"
        )


def document(catalogue: Catalogue, lang: str, site_url: str = "") -> str:
    """The HTML WeasyPrint prints as `lang`'s PDF."""
    return PdfDocument(catalogue, lang, site_url).document()


def documents(catalogue: Catalogue, site_url: str = "") -> dict[str, str]:
    """Every language's printable document, by the path of its PDF from the site root."""
    return {path_of(language): document(catalogue, language.code, site_url) for language in catalogue.languages}

