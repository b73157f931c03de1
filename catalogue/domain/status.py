"""The state of a translation, worked out here only: whether it was made from today's English, how far
it was reviewed, what a reader is shown; and how far each language is, per entry and in total."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from catalogue.domain.model import Catalogue, Resolved, Status, Translation, fingerprint
from catalogue.domain.problems import Problem

STATES = ("reviewed", "human-draft", "machine-draft", "stale", "invalid", "missing")
TRANSLATED = ("reviewed", "human-draft", "machine-draft")


def is_current(entry: Translation, english: Translation | None) -> bool:
    """Whether a translation records the fingerprint of the English as it is now."""
    return english is not None and entry.source == fingerprint(english.text)


def review_state(translation: Translation | None) -> str:
    """How far a translation was checked by people: reviewed, human-draft or machine-draft (unmarked)."""
    if translation is not None and translation.status is Status.REVIEWED:
        return "reviewed"
    if translation is not None and translation.status is Status.HUMAN_DRAFT:
        return "human-draft"
    return "machine-draft"


def shown_state(resolved: Resolved, lang: str, source: str) -> str:
    """What a reader of `lang` gets: the source text itself ('source'), the English in place of a
    missing or unfit translation ('untranslated'), or a translation in its review state."""
    if lang == source:
        return "source"
    return "untranslated" if resolved.is_fallback(lang) else review_state(resolved.translation)


@dataclass(frozen=True)
class EntryState:
    lang: str
    domain: str
    key: str
    state: str


def entry_states(catalogue: Catalogue, problems: list[Problem], lang: str) -> list[EntryState]:
    """The state of every English entry in `lang`, in the English files' order."""
    source = catalogue.default.code
    flagged = {(p.path, p.id) for p in problems}
    states = []
    for (entry_lang, domain, key), english in catalogue.strings.items():
        if entry_lang != source:
            continue
        entry = catalogue.strings.get((lang, domain, key))
        if entry is None or not entry.text.strip():
            state = "missing"
        elif lang != source and not is_current(entry, english):
            state = "stale"
        elif (entry.path, key) in flagged:
            state = "invalid"
        else:
            state = "reviewed" if lang == source else review_state(entry)
        states.append(EntryState(lang, domain, key, state))
    return states


def summary(states: list[EntryState]) -> Counter:
    """How many entries are in each state, with 'total' and 'translated' (reviewed or drafted)."""
    counts = Counter(s.state for s in states)
    counts["total"] = len(states)
    counts["translated"] = sum(counts[state] for state in TRANSLATED)
    return counts
