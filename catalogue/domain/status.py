"""How far each language is: per entry and in total. Shared by the CLI and the site."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from catalogue.domain.model import Catalogue, Status, fingerprint
from catalogue.domain.problems import Problem

STATES = ("reviewed", "human-draft", "machine-draft", "stale", "invalid", "missing")
TRANSLATED = ("reviewed", "human-draft", "machine-draft")


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
        elif lang != source and entry.source != fingerprint(english.text):
            state = "stale"
        elif (entry.path, key) in flagged:
            state = "invalid"
        elif entry.status is Status.REVIEWED or lang == source:
            state = "reviewed"
        elif entry.status is Status.HUMAN_DRAFT:
            state = "human-draft"
        else:
            state = "machine-draft"
        states.append(EntryState(lang, domain, key, state))
    return states


def summary(states: list[EntryState]) -> Counter:
    """How many entries are in each state, with 'total' and 'translated' (reviewed or drafted)."""
    counts = Counter(s.state for s in states)
    counts["total"] = len(states)
    counts["translated"] = sum(counts[state] for state in TRANSLATED)
    return counts
