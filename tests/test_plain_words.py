""""In plain words" says only what its clause says: every English entry records that it was
checked against the text of its paragraph, and the points found in review stay fixed."""

from __future__ import annotations

import yaml

from catalogue import load
from tests.helpers import ROOT, languages

PLAIN = yaml.safe_load((ROOT / "translations/en/plain.yml").read_text(encoding="utf-8"))


def test_every_plain_words_entry_records_the_check_against_its_paragraph():
    unchecked = [key for key, entry in PLAIN.items()
                 if not any(item["change"].startswith("Checked against the text of") for item in entry.get("history", []))]
    assert unchecked == []


def test_every_clause_has_plain_words_and_nothing_else_does():
    catalogue, _ = load(ROOT, languages())
    assert {clause.id for clause in catalogue.clauses} == set(PLAIN)


def test_paragraph_2_asks_members_to_endorse_a_statement_the_site_could_not_find():
    text = PLAIN["op2"]["text"]
    assert "endorse" in text and "sign" not in text.replace("design", "")
    assert "could not find" in text


def test_the_named_frameworks_and_partners_are_all_there():
    assert "Global Strategic Response" in PLAIN["op1-v"]["text"] and "Model National Response" in PLAIN["op1-v"]["text"]
    assert "regional organisations" in PLAIN["op1-i"]["text"]
    for treaty in ("Convention on the Rights of the Child", "Optional Protocol", "African Charter"):
        assert treaty in PLAIN["op1-viii"]["text"]
