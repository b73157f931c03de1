"""The communique's names in Akoma Ntoso 3.0 (OASIS LegalDocML), made here only: the component id
(eId) of each clause, both ways, its FRBR work, expression and manifestation IRIs, and each
language's three-letter code.

eIds follow the Akoma Ntoso Naming Convention 1.0 as Laws.Africa's tools (cobalt, bluebell) apply
it: an element's name abbreviated (paragraph → para, subparagraph → subpara, recitals → recs,
recital → rec), then `_` and its number without brackets or dots, or, unnumbered, its count among
its siblings; a child's eId is its parent's, `__`, then its own. The preamble itself has none.

    preamble ("WE, the delegates …")  → recs_1__intro       (the recitals' introduction)
    pp1, pp2 …                         → recs_1__rec_1, recs_1__rec_2 …
    op1                                → para_1
    op1-iii                            → para_1__subpara_iii

Clause ids are promises (data/communique.yml), and so are these: both are derived from the
clause's kind, printed number and order, never from its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from babel.core import get_global

from catalogue.domain.model import Clause

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MEDIA_TYPE = "application/akn+xml"
# The work's place in the IRIs: `aa`, the ISO 3166 code for user-assigned use that Laws.Africa and
# AfricanLII give African regional bodies, and `au`, the African Union, at whose headquarters the
# summit met and the communique was made (data: summit-place).
COUNTRY = "aa-au"
DOCTYPE = "statement"
SUBTYPE = "communique"
# The work's name in its IRI (the Naming Convention's "number", here a distinguishing name: the
# communique has no number). A promise like the clause ids: never change it.
NAME = "global-summit-to-tackle-online-child-sexual-exploitation"
RECITALS = "recs_1"
_PARAGRAPH = re.compile(r"para_([0-9a-z]+)")
_SUBPARAGRAPH = re.compile(r"para_([0-9a-z]+)__subpara_([0-9a-z]+)")
_RECITAL = re.compile(re.escape(RECITALS) + r"__rec_([1-9][0-9]*)")

# ISO 639-2 three-letter codes, as Akoma Ntoso IRIs and FRBRlanguage write them (the terminology
# codes, as the Naming Convention's examples and cobalt use them: 'fra', not the bibliographic 'fre').
# A language not listed takes the one three-letter code Babel knows for it that is not a bibliographic
# one, or 'und' (undetermined) when there is none or several.
LANGUAGE_CODES = {"en": "eng", "fr": "fra", "ar": "ara", "pt": "por", "es": "spa", "sw": "swa", "am": "amh"}
_BIBLIOGRAPHIC = frozenset("alb arm baq bur chi cze dut fre geo ger gre ice mac mao may per rum slo tib wel".split())


def language_code(lang: str) -> str:
    """The ISO 639-2 code of a site language ('fr' → 'fra')."""
    if lang in LANGUAGE_CODES:
        return LANGUAGE_CODES[lang]
    if re.fullmatch(r"[a-z]{3}", lang):
        return lang
    known = sorted(code for code, target in get_global("language_aliases").items()
                   if target == lang and re.fullmatch(r"[a-z]{3}", code) and code not in _BIBLIOGRAPHIC)
    return known[0] if len(known) == 1 else "und"


def _num(number: str | None) -> str:
    """A printed number as an eId writes it: '(iii)' → 'iii', '1.' → '1', '29(3)' → '293'."""
    return re.sub(r"[\s()\[\].]", "", number or "").lower()


def eid(clause: Clause, parent: Clause | None = None) -> str:
    """The Akoma Ntoso eId of a clause; a sub-item needs its operative paragraph (`parent`)."""
    if clause.kind == "preamble":
        return f"{RECITALS}__intro"
    if clause.kind == "preambular":
        return f"{RECITALS}__rec_{clause.ordinal}"
    if clause.kind == "operative":
        return f"para_{_num(clause.number) or clause.ordinal}"
    if parent is None:
        raise ValueError(f"{clause.id}: a sub-item's eId needs its paragraph")
    return f"{eid(parent)}__subpara_{_num(clause.number)}"


def eids(clauses: Iterable[Clause]) -> dict[str, str]:
    """Every clause's eId, by clause id, in the communique's order."""
    clauses = list(clauses)
    by_id = {c.id: c for c in clauses}
    return {c.id: eid(c, by_id.get(c.parent) if c.parent else None) for c in clauses}


def clause_of(component: str, clauses: Iterable[Clause]) -> Clause | None:
    """The clause an eId names (the way back from `eid`), or None when it names none."""
    clauses = list(clauses)
    if component == f"{RECITALS}__intro":
        return next((c for c in clauses if c.kind == "preamble"), None)
    if found := _RECITAL.fullmatch(component):
        return next((c for c in clauses if c.kind == "preambular" and c.ordinal == int(found.group(1))), None)
    operative = {(_num(c.number) or str(c.ordinal)): c for c in clauses if c.kind == "operative"}
    if found := _PARAGRAPH.fullmatch(component):
        return operative.get(found.group(1))
    if found := _SUBPARAGRAPH.fullmatch(component):
        paragraph = operative.get(found.group(1))
        return next((c for c in clauses if paragraph is not None and c.kind == "sub-item"
                     and c.parent == paragraph.id and _num(c.number) == found.group(2)), None)
    return None


@dataclass(frozen=True)
class Iri:
    """The FRBR IRIs of the communique in one language (Naming Convention, section 3)."""

    work_date: date
    language: str  # ISO 639-2 ('fra')

    @property
    def work(self) -> str:
        return f"/akn/{COUNTRY}/{DOCTYPE}/{SUBTYPE}/{self.work_date.isoformat()}/{NAME}"

    @property
    def expression(self) -> str:
        """The original version in this language: `@` and the work's date."""
        return f"{self.work}/{self.language}@{self.work_date.isoformat()}"

    @property
    def manifestation(self) -> str:
        return f"{self.expression}.xml"

    def of(self, part: str) -> str:
        """`part`'s IRI with the main component named ('…/!main', '…/!main.xml'), as FRBRthis gives it."""
        return {"work": self.work, "expression": self.expression}.get(part, self.expression) + \
            ("/!main.xml" if part == "manifestation" else "/!main")
