"""A language as units for translation tools (PO, XLIFF): what each entry says in English, where it is
shown, how far its translation is; and what an edited unit changes when it comes back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalogue.domain.model import Catalogue, Clause, fingerprint
from catalogue.domain.problems import Problem
from catalogue.domain.status import entry_states
from catalogue.sources.yamlfile import read
from catalogue.sources.history import english_history

TEXT, TERM = "text", "term"
CLAUSE_DOMAINS = {"communique": "the communique, {clause}", "plain": "“In plain words”, the explanation of {clause}"}
HEADINGS = {"title": "the communique's title", "summit-name": "the communique's heading (the summit's name)",
            "summit-dates": "the communique's heading (the summit's dates)",
            "theme": "the communique's heading (the summit's theme)", "motto": "the communique's heading (the motto)"}
INSTRUMENT_PARTS = {"name": "the full name of {name}", "short": "the short name of {name}",
                    "summary": "the summary of {name} on its framework page",
                    "adopted-by": "who adopted {name} (after “adopted by”)"}


@dataclass(frozen=True)
class Unit:
    """One translatable field of one entry in one language, as a translation tool sees it."""

    domain: str
    key: str
    field: str  # TEXT, or TERM for a glossary entry's preferred term
    english: str
    target: str
    state: str  # a state of catalogue.domain.status.STATES
    fingerprint: str  # of the English now
    recorded: str | None  # the fingerprint the translation records (`source:`)
    previous: str | None  # the English a stale translation was made from, when git history has it
    where: str  # where the site shows it, in words
    note: str | None  # the English entry's note for translators and reviewers
    path: str  # the translation file
    line: int  # the entry's line there (0: not in the file yet)

    @property
    def context(self) -> str:
        """The unit's key in an exchange file: `communique:op1-iii`, `glossary:csam:term`."""
        return f"{self.domain}:{self.key}" + (f":{TERM}" if self.field == TERM else "")

    @property
    def placeholders(self) -> bool:
        return "{" in self.english


def _clause(clause: Clause) -> str:
    if clause.kind == "preamble":
        return "the preamble"
    if clause.kind == "preambular":
        return f"preambular paragraph {clause.ordinal}"
    return f"paragraph {clause.cited}"


def _provision(catalogue: Catalogue, target: str) -> str:
    instrument_id, _, provision_id = target.partition("/")
    short = catalogue.resolve(catalogue.default.code, "frameworks", f"{instrument_id}.short").text
    instrument = catalogue.instrument(instrument_id)
    provision = instrument.provision(provision_id) if instrument and provision_id else None
    if provision is None:
        return f"{short} {provision_id.replace('-', ' ')}".strip()
    kind = provision.id.split("-")[0]
    heading = catalogue.resolve(catalogue.default.code, "frameworks", f"{instrument_id}.{provision_id}").text
    return f"{short} {'article' if kind == 'art' else kind} {provision.number} (“{heading}”)"


def where(catalogue: Catalogue, domain: str, key: str) -> str:
    """Where the site shows the entry `key` of `domain`, for a translator who cannot see the page."""
    english = catalogue.default.code
    clauses = {clause.id: clause for clause in catalogue.clauses}
    if domain in CLAUSE_DOMAINS and key in clauses:
        return "Shown in " + CLAUSE_DOMAINS[domain].format(clause=_clause(clauses[key]))
    if domain == "communique" and key in HEADINGS:
        return f"Shown as {HEADINGS[key]}"
    if domain == "links":
        clause_id, _, target = key.partition("/")
        link = next((link for link in catalogue.links if link.key == key), None)
        relation = f" (the relation: {link.relation})" if link else ""
        clause = _clause(clauses[clause_id]) if clause_id in clauses else clause_id
        return f"Says why {clause} draws on {_provision(catalogue, target)}{relation}"
    if domain == "frameworks":
        instrument_id, _, part = key.partition(".")
        if instrument_id == "relation":
            return "The name of a relation between a clause and a provision, on the framework pages"
        name = catalogue.resolve(english, "frameworks", f"{instrument_id}.name").text
        if part in INSTRUMENT_PARTS:
            return "Shown as " + INSTRUMENT_PARTS[part].format(name=name)
        return f"The heading of {_provision(catalogue, f'{instrument_id}/{part}')} on its framework page"
    if domain == "glossary":
        term = catalogue.strings.get((english, domain, key))
        return f"The glossary's entry for “{term.term if term else key}”, also shown where the term is used"
    return "Interface text (buttons, headings, notices)"


def _notes(root: Path, rel: str) -> dict[str, str]:
    """The `note:` of each entry of an English file (for translators and reviewers; never shown)."""
    data = read(root / rel, rel).data
    return {str(key): str(entry["note"]).strip() for key, entry in (data or {}).items()
            if isinstance(entry, dict) and entry.get("note")} if isinstance(data, dict) else {}


def _term_state(entry, term: str, state: str) -> str:
    """A preferred term has no fingerprint of its own: it is missing, or in its entry's status."""
    if not term.strip():
        return "missing"
    if state in ("stale", "missing"):
        return entry.status.value if entry.status else "machine-draft"
    return state


def units(root: Path, catalogue: Catalogue, lang: str) -> list[Unit]:
    """Every English entry as units of `lang`, in the English files' order; a glossary entry also has its term."""
    source = catalogue.default.code
    states = {(s.domain, s.key): s.state for s in entry_states(catalogue, list(catalogue.problems), lang)}
    notes: dict[str, dict[str, str]] = {}
    found = []
    for (entry_lang, domain, key), english in catalogue.strings.items():
        if entry_lang != source or not english.text.strip():
            continue
        en_rel = f"translations/{source}/{domain}.yml"
        if en_rel not in notes:
            notes[en_rel] = _notes(root, en_rel)
        entry = catalogue.strings.get((lang, domain, key))
        state = states[(domain, key)]
        previous = english_history(root, en_rel, key).get(entry.source or "") if entry and state == "stale" else None
        common = dict(domain=domain, key=key, fingerprint=fingerprint(english.text),
                      recorded=entry.source if entry else None, where=where(catalogue, domain, key),
                      note=notes[en_rel].get(key), path=entry.path if entry else f"translations/{lang}/{domain}.yml",
                      line=entry.line if entry else 0)
        found.append(Unit(field=TEXT, english=english.text, target=entry.text if entry else "", state=state,
                          previous=previous, **common))
        if domain == "glossary" and english.term:
            term = (entry.term or "") if entry else ""
            found.append(Unit(field=TERM, english=english.term, target=term, state=_term_state(entry, term, state),
                              previous=None,
                              **{**common, "where": f"The preferred term for “{english.term}” in the glossary"}))
    return found


@dataclass(frozen=True)
class Edited:
    """One unit as read back from an exchange file."""

    context: str
    english: str  # the source the file gives
    target: str
    done: bool  # translated and not marked as needing work (PO: not fuzzy; XLIFF: state past initial)
    reviewed: bool  # XLIFF state reviewed or final
    line: int  # in the exchange file


@dataclass(frozen=True)
class Exchanged:
    """An exchange file as read: its units, its language, who it names as translator, its problems."""

    rel: str
    kind: str  # "PO" or "XLIFF", as the history says
    lang: str | None
    translator: str | None
    units: tuple[Edited, ...] = ()
    problems: tuple[Problem, ...] = ()
