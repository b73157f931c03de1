"""The communique in one language as an Akoma Ntoso 3.0 document (a `statement`), for the open data.

Built with lxml's element tree: every text goes in as a node's text, so lxml escapes it; only the
emphasis a catalogue string may hold (Markdown ** and *) becomes markup (<b>, <i>). The names
(eIds, FRBR IRIs, language codes) come from catalogue/domain/akn.py; the facts from the catalogue:
the date the summit ended (data/communique.yml) as the work's date, the issuer, title, place and
notes as the translations say them. A translation says it is not authoritative (FRBRauthoritative,
FRBRtranslation), and its meta notes say how far each clause was reviewed.
"""

from __future__ import annotations

from html.parser import HTMLParser

import nh3
from lxml import etree
from lxml.builder import ElementMaker

from catalogue.domain import akn
from catalogue.domain.model import Catalogue, Clause, Resolved
from catalogue.domain.status import shown_state
from catalogue.render.text import Text
from catalogue.validate.safety import plain, to_html

FOLDER = "open-data/"
MEDIA_TYPE = akn.MEDIA_TYPE
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_INLINE = {"strong": "b", "em": "i"}  # the rest (links, code) keeps only its text
A = ElementMaker(namespace=akn.NAMESPACE, nsmap={None: akn.NAMESPACE})


def path(lang: str) -> str:
    """Where a language's document is published, from the site root."""
    return f"{FOLDER}communique.{lang}.akn.xml"


class _Inline(HTMLParser):
    """A cleaned inline HTML fragment appended to an AKN element, text as text."""

    def __init__(self, element: etree._Element) -> None:
        super().__init__(convert_charrefs=True)
        self.stack = [element]

    def _add_text(self, text: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def handle_starttag(self, tag, attrs):
        if tag in _INLINE:
            child = etree.SubElement(self.stack[-1], f"{{{akn.NAMESPACE}}}{_INLINE[tag]}")
            self.stack.append(child)

    def handle_endtag(self, tag):
        if tag in _INLINE and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        self._add_text(data)


def _text(element: etree._Element, markdown: str) -> etree._Element:
    fragment = nh3.clean(to_html(markdown), tags={"strong", "em"}, attributes={})
    parser = _Inline(element)
    parser.feed(fragment)
    parser.close()
    return element


class Document(Text):
    """The communique of one language, as AKN."""

    def __init__(self, catalogue: Catalogue, lang: str) -> None:
        super().__init__(catalogue, lang)
        self.iri = akn.Iri(catalogue.summit_end, akn.language_code(lang))
        self.source = akn.Iri(catalogue.summit_end, akn.language_code(catalogue.default.code))
        self.eids = akn.eids(catalogue.clauses)

    def p(self, domain: str, key: str, **attributes: str) -> etree._Element:
        """A paragraph of one catalogue string, marked with its language when it falls back."""
        resolved = self.catalogue.resolve(self.lang, domain, key)
        element = A.p(**attributes)
        if resolved.is_fallback(self.lang):
            element.set(_XML_LANG, resolved.lang)
        return _text(element, resolved.text)

    def resolved(self, clause: Clause) -> Resolved:
        return self.catalogue.resolve(self.lang, "communique", clause.id)

    def meta(self) -> etree._Element:
        iri, day = self.iri, self.catalogue.summit_end.isoformat()
        translated = not self.language.default
        author = "#site" if translated else "#issuer"
        expression = [A.FRBRthis(value=iri.of("expression")), A.FRBRuri(value=iri.expression),
                      A.FRBRdate(date=day, name="Generation"), A.FRBRauthor(href=author)]
        if translated:
            expression += [A.FRBRauthoritative(value="false"),
                           A.FRBRmasterExpression(href=self.source.expression, showAs=self.catalogue.default.name)]
        expression.append(A.FRBRlanguage(language=iri.language))
        if translated:
            expression.append(A.FRBRtranslation(href=self.source.expression, fromLanguage=self.source.language,
                                                 authoritative="false", by="#site"))
        meta = A.meta(
            A.identification(
                A.FRBRWork(
                    A.FRBRthis(value=iri.of("work")), A.FRBRuri(value=iri.work),
                    A.FRBRalias(value=plain(self.t("cite-document")), name="title"),
                    A.FRBRdate(date=day, name="Generation"), A.FRBRauthor(href="#issuer"),
                    A.FRBRcountry(value=akn.COUNTRY), A.FRBRsubtype(value=akn.SUBTYPE), A.FRBRnumber(value=akn.NAME),
                ),
                A.FRBRExpression(*expression),
                A.FRBRManifestation(
                    A.FRBRthis(value=iri.of("manifestation")), A.FRBRuri(value=iri.manifestation),
                    A.FRBRdate(date=self.last_change(), name="Generation"), A.FRBRauthor(href="#site"),
                    A.FRBRformat(value=akn.MEDIA_TYPE),
                ),
                source="#site",
            ),
            A.references(
                A.TLCOrganization(eId="issuer", href=f"/ontology/organization/{akn.COUNTRY}/{akn.NAME}",
                                  showAs=plain(self.t("cite-issuer"))),
                A.TLCOrganization(eId="site", href=f"/ontology/organization/{akn.COUNTRY}/site",
                                  showAs=plain(self.t("site-name"))),
                source="#site",
            ),
        )
        if translated:
            meta.append(self.notes())
        return meta

    def last_change(self) -> str:
        """The newest date in the history of this language's communique entries: the manifestation
        holds the text as it stood then; the work's date when no entry records one."""
        dates = [change.date for (lang, domain, _), entry in self.catalogue.strings.items()
                 if lang == self.lang and domain == "communique" for change in entry.history]
        return max(dates, default=self.catalogue.summit_end).isoformat()

    def notes(self) -> etree._Element:
        """What a translation is (unofficial), then each clause's review state, placed at its eId."""
        notes = A.notes(A.note(self.p("site", "unofficial-translation"), eId="note_translation"), source="#site")
        for clause in self.catalogue.clauses:
            resolved = self.resolved(clause)
            state = shown_state(resolved, self.lang, self.catalogue.default.code)
            reviewer = resolved.translation.reviewer if resolved.translation else None
            values = {"name": reviewer or ""} if state == "reviewed" else {}
            text = self.catalogue.resolve(self.lang, "site", f"status-{state}")
            note = A.note(eId=f"note_status_{self.eids[clause.id]}", placementBase=self.eids[clause.id],
                          **{"class": state})
            paragraph = A.p()
            if text.is_fallback(self.lang):
                paragraph.set(_XML_LANG, text.lang)
            paragraph.text = text.text.format(**values) if values else text.text
            note.append(paragraph)
            notes.append(note)
        return notes

    def clause(self, clause: Clause) -> etree._Element:
        """A clause's own text as a paragraph (its language marked when it falls back)."""
        return self.p("communique", clause.id)

    def preface(self) -> etree._Element:
        lines = [self.p("communique", key) for key in self.catalogue.header]
        title = A.docTitle()
        resolved = self.catalogue.resolve(self.lang, "communique", "title")
        paragraph = A.p(_text(title, resolved.text))
        if resolved.is_fallback(self.lang):
            paragraph.set(_XML_LANG, resolved.lang)
        return A.preface(*lines, A.longTitle(paragraph))

    def preamble(self) -> etree._Element | None:
        clauses = [c for c in self.catalogue.clauses if c.kind in ("preamble", "preambular")]
        if not clauses:
            return None
        recitals = A.recitals(eId=akn.RECITALS)
        for clause in clauses:
            tag = A.intro if clause.kind == "preamble" else A.recital
            recitals.append(tag(self.clause(clause), eId=self.eids[clause.id]))
        return A.preamble(recitals)

    def body(self) -> etree._Element:
        body = A.mainBody()
        for clause in self.catalogue.clauses:
            if clause.kind != "operative":
                continue
            paragraph = A.paragraph(A.num(f"{clause.number}."), eId=self.eids[clause.id])
            items = self.catalogue.children(clause.id)
            if not items:
                paragraph.append(A.content(self.clause(clause)))
            else:
                paragraph.append(A.intro(self.clause(clause)))
                for item in items:
                    paragraph.append(A.subparagraph(A.num(f"({item.number})"), A.content(self.clause(item)),
                                                    eId=self.eids[item.id]))
            body.append(paragraph)
        return body

    def document(self) -> bytes:
        parts = [self.meta(), self.preface(), self.preamble(), self.body()]
        root = A.akomaNtoso(A.statement(*(part for part in parts if part is not None), name="communique"))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def document(catalogue: Catalogue, lang: str) -> bytes:
    """The communique in `lang` as Akoma Ntoso 3.0 XML (UTF-8, the same bytes for the same catalogue)."""
    return Document(catalogue, lang).document()


def files(catalogue: Catalogue, lang: str) -> dict[str, bytes]:
    """The file a language build writes, by path from the site root."""
    return {path(lang): document(catalogue, lang)}


def component_url(lang: str, clause_id: str, catalogue: Catalogue) -> str:
    """A clause in its language's document, from the site root: the file and '#' its eId."""
    return f"{path(lang)}#{akn.eids(catalogue.clauses)[clause_id]}"
