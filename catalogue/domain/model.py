"""The catalogue's domain: clauses, instruments, provisions, links, translations."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cached_property, lru_cache

from babel import localedata
from babel.core import get_global

from catalogue.domain.problems import Problem

KINDS = ("preamble", "preambular", "operative", "sub-item")
INSTRUMENT_KINDS = ("treaty", "protocol", "framework", "statement", "guidelines")
# Babel's `en` is US English ("December 11 – 12, 2019"); an African Union document's English
# writes dates day first ("11–12 December 2019"), as CLDR's World English does.
DATE_LOCALES = {"en": "en_001"}
# The comma between the items of a list, for scripts that have their own (Babel's list patterns
# join with "and", which a pinpoint such as "CRC, Article 34" must not say); ", " for the rest.
LIST_SEPARATORS = {"ar": "، ", "fa": "، ", "ur": "، ", "am": "፣ ", "ti": "፣ "}
# Amharic writes "እ.ኤ.አ." before a Gregorian date, since the Ethiopian calendar is the default; CLDR's
# own era name for the Gregorian era (ዓ/ም, ዓመተ ምሕረት) is the one Ethiopians use for their calendar.
GREGORIAN_MARKS = {"am": "እ.ኤ.አ."}
# The locale a link preview is told (og:locale), in the language_TERRITORY form of Open Graph's
# (Facebook's) list, which has one Arabic (ar_AR) and one Kiswahili (sw_KE): the communique's
# English spells as British English does ("organisations"), our Portuguese is European ("cimeira")
# and our Spanish is Spain's.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "ar": "ar_AR", "pt": "pt_PT", "es": "es_ES", "sw": "sw_KE", "am": "am_ET"}


@lru_cache(maxsize=None)
def fingerprint(english: str) -> str:
    """The short hash a translation records of the English text it was made from."""
    normal = unicodedata.normalize("NFC", english.strip())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    direction: str = "ltr"
    default: bool = False
    published: bool = True

    @property
    def prefix(self) -> str:
        """The URL folder of this language: '' for the default, 'fr/' otherwise."""
        return "" if self.default else f"{self.code}/"

    @property
    def date_locale(self) -> str:
        """The Babel locale that writes this language's dates (the page's `lang` stays `code`);
        World English for a code Babel does not know (a problem a strict build reports)."""
        return DATE_LOCALES.get(self.code) or (self.code if localedata.exists(self.code) else DATE_LOCALES["en"])

    def gregorian(self, pattern: str) -> str:
        """A Babel date pattern with the mark this language puts before a Gregorian date, if any."""
        mark = GREGORIAN_MARKS.get(self.code)
        return f"'{mark}' {pattern}" if mark else pattern

    @property
    def og_locale(self) -> str:
        """This language as Open Graph names it ('en_GB'); for a language not listed above, the
        territory CLDR finds likeliest for it ('ha' → 'ha_NG'), or the bare code."""
        if self.code in OG_LOCALES:
            return OG_LOCALES[self.code]
        likely = str(get_global("likely_subtags").get(self.code, self.code)).split("_")
        return f"{likely[0]}_{likely[-1]}" if len(likely) > 1 and likely[-1].isupper() else self.code

    @property
    def list_separator(self) -> str:
        return LIST_SEPARATORS.get(self.code, ", ")

    @property
    def number_locale(self) -> str:
        """The Babel locale that writes this language's numbers and percentages."""
        return self.code if localedata.exists(self.code) else "en"


@dataclass(frozen=True)
class Clause:
    id: str
    kind: str
    number: str | None = None
    parent: str | None = None
    cited: str | None = None
    ordinal: int = 0
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Change:
    """One line of an entry's history: when, by whom, and what changed in the translation."""

    date: date
    by: str
    change: str


class Status(str, Enum):
    MACHINE_DRAFT = "machine-draft"
    HUMAN_DRAFT = "human-draft"
    REVIEWED = "reviewed"


@dataclass(frozen=True)
class Translation:
    """One string in one language, where it is written, and what it was made from."""

    key: str
    lang: str
    text: str
    path: str
    line: int
    source: str | None = None
    status: Status | None = None
    reviewer: str | None = None
    history: tuple[Change, ...] = ()
    term: str | None = None
    avoid: tuple[str, ...] = ()
    link: bool = True


@dataclass(frozen=True)
class Provision:
    id: str
    number: str
    url: str | None = None
    domain: int | None = None
    official_heading: bool = False  # the heading is the instrument's own title, not this site's description
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Instrument:
    id: str
    kind: str
    adopted: date | None
    in_force: date | None
    url: str | None
    provisions: tuple[Provision, ...] = ()
    line: int = field(default=0, compare=False)
    launched: int | None = None  # the year a framework was launched, when no adoption date is known

    @cached_property
    def _provisions(self) -> dict[str, Provision]:
        return {p.id: p for p in self.provisions}

    def provision(self, provision_id: str) -> Provision | None:
        return self._provisions.get(provision_id)


@dataclass(frozen=True)
class Target:
    """What a link points at: a whole instrument ('crc') or one provision of it ('crc/art-34').
    Written and read here only."""

    instrument: str
    provision: str | None = None

    @classmethod
    def parse(cls, text: str) -> Target:
        instrument, _, provision = text.partition("/")
        return cls(instrument, provision or None)

    def __str__(self) -> str:
        return f"{self.instrument}/{self.provision}" if self.provision else self.instrument


@dataclass(frozen=True)
class Link:
    """A clause draws on an instrument, or one provision of it, in a named relation."""

    clause: str
    instrument: str
    provision: str | None
    relation: str
    line: int = field(default=0, compare=False)

    @property
    def target(self) -> Target:
        return Target(self.instrument, self.provision)

    @property
    def key(self) -> str:
        """The key of this link's rationale in translations/<lang>/links.yml."""
        return f"{self.clause}/{self.target}"


@dataclass(frozen=True)
class Resolved:
    """The text a reader gets for a key in a language, and which language it really is."""

    text: str
    lang: str
    translation: Translation | None

    def is_fallback(self, page_lang: str) -> bool:
        return self.lang != page_lang


@dataclass(frozen=True)
class Catalogue:
    """Everything the site knows, validated once: the data and every language's strings.
    Frozen: `load` builds it whole, with the strings fit to publish (`usable`) and its problems."""

    languages: tuple[Language, ...]
    clauses: tuple[Clause, ...]
    header: tuple[str, ...]
    summit_start: date
    summit_end: date
    instruments: tuple[Instrument, ...] = ()
    links: tuple[Link, ...] = ()
    relations: tuple[str, ...] = ()
    removed_relations: Mapping[str, str] = field(default_factory=dict)  # relation → what to use instead
    retired: Mapping[str, str] = field(default_factory=dict)
    allowed_domains: tuple[str, ...] = ()
    strings: Mapping[tuple[str, str, str], Translation] = field(default_factory=dict)
    schemas: Mapping[str, str] = field(default_factory=dict)  # the open data's JSON Schemas, by file name
    material: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # Material's interface strings, checked
    usable: frozenset[tuple[str, str, str]] = frozenset()
    problems: tuple[Problem, ...] = ()

    # Lookups built once on first use: the data does not change after loading, and scanning
    # the lists for every clause made rendering quadratic in the catalogue's size.
    @cached_property
    def default(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    @cached_property
    def _languages(self) -> dict[str, Language]:
        return {lang.code: lang for lang in self.languages}

    def language(self, code: str) -> Language:
        return self._languages[code]

    @cached_property
    def _clauses(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}

    @cached_property
    def _children(self) -> dict[str | None, list[Clause]]:
        return _group(self.clauses, lambda c: c.parent)

    @cached_property
    def _instruments(self) -> dict[str, Instrument]:
        return {i.id: i for i in self.instruments}

    @cached_property
    def _links_of(self) -> dict[str, list[Link]]:
        return _group(self.links, lambda link: link.clause)

    @cached_property
    def _links_to(self) -> dict[Target, list[Link]]:
        """Links by instrument ('crc': all of them) and by provision ('crc/art-34')."""
        return {**_group(self.links, lambda link: Target(link.instrument)),
                **_group([link for link in self.links if link.provision], lambda link: link.target)}

    def clause(self, clause_id: str) -> Clause:
        return self._clauses[clause_id]

    def children(self, clause_id: str) -> list[Clause]:
        return list(self._children.get(clause_id, []))

    def instrument(self, instrument_id: str) -> Instrument | None:
        return self._instruments.get(instrument_id)

    def links_of(self, clause_id: str) -> list[Link]:
        return list(self._links_of.get(clause_id, []))

    def links_to(self, instrument_id: str, provision_id: str | None = None) -> list[Link]:
        return list(self._links_to.get(Target(instrument_id, provision_id), []))

    def resolve(self, lang: str, domain: str, key: str) -> Resolved:
        """The string for `key`, in `lang` when usable there, else in the default language."""
        if (lang, domain, key) in self.usable:
            found = self.strings[(lang, domain, key)]
            return Resolved(found.text, lang, found)
        source = self.default.code
        found = self.strings.get((source, domain, key))
        if found is None or (self.usable and (source, domain, key) not in self.usable):
            return Resolved(key, source, found)  # no English fit to show either: the key, as `mkdocs serve` shows it
        return Resolved(found.text, source, found)

    def text(self, lang: str, domain: str, key: str, **values: str) -> str:
        """A string filled with its placeholders (interface strings)."""
        template = self.resolve(lang, domain, key).text
        return template.format(**values) if values else template


def _group(items, key) -> dict:
    """Items in lists by `key(item)`, in their order."""
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
