"""A language as a gettext PO file (polib): written for Poedit, Weblate, Lokalize, OmegaT…, and read back.

Each unit is one entry: `msgctxt` its key (`communique:op1-iii`), `msgid` the English, `msgstr` the
translation; extracted comments (`#.`) say where it is shown, its status and the English fingerprint;
a stale translation is `#, fuzzy` with the English it was made from as `#| msgid`.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import polib

from catalogue.domain.model import Language
from catalogue.domain.problems import Problem
from catalogue.tools.exchange import Edited, Exchanged, Unit

MAX_BYTES = 4_000_000
STATUS_WORDS = {"reviewed": "reviewed by a named person", "human-draft": "translated by a person, not reviewed",
                "machine-draft": "drafted by machine, not reviewed by a person",
                "stale": "the English changed since it was translated (fuzzy)",
                "invalid": "has a problem: `make check` says what", "missing": "not translated yet"}
_EMAIL = re.compile(r"\s*<[^>]*>\s*")


def _entry(unit: Unit) -> polib.POEntry:
    comment = [unit.where, f"Status: {STATUS_WORDS[unit.state]}.", f"English fingerprint: {unit.fingerprint}"]
    if unit.note:
        comment.append(f"Note: {unit.note}")
    flags = (["fuzzy"] if unit.state == "stale" else []) + (["python-brace-format"] if unit.placeholders else [])
    return polib.POEntry(msgctxt=unit.context, msgid=unit.english, msgstr=unit.target, comment="\n".join(comment),
                         occurrences=[(unit.path, str(unit.line) if unit.line else "")], flags=flags,
                         previous_msgid=unit.previous)


def write(units: list[Unit], language: Language, project: str, now: datetime) -> str:
    """The PO file of `language`: every unit, in the English files' order."""
    po = polib.POFile(wrapwidth=78)
    stamp = now.strftime("%Y-%m-%d %H:%M+0000")
    po.header = (f"{language.name} ({language.code}) translation of {project}: unofficial until a named person "
                 "reviews it.\nBring it back with `make import LANG={code} FILE=… NAME=\"Your Name\"`.").replace(
                     "{code}", language.code)
    po.metadata = {
        "Project-Id-Version": project, "POT-Creation-Date": stamp, "PO-Revision-Date": stamp,
        "Last-Translator": "", "Language-Team": f"{language.name} translators",
        "Language": language.code, "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit", "X-Source-Language": "en",
    }
    po.extend(_entry(unit) for unit in units)
    return str(po) + "\n"


def translator(last: str) -> str | None:
    """The name in a PO file's Last-Translator header, without the e-mail address (never published)."""
    name = _EMAIL.sub(" ", last).strip()
    return None if not name or name.upper().startswith("FULL NAME") else name


def read(path: Path, rel: str) -> Exchanged:
    """The units of a PO file; a file polib cannot read is one problem at its line."""
    if path.stat().st_size > MAX_BYTES:
        return Exchanged(rel, "PO", None, None, problems=(Problem(rel, 1, "", "", (
            f"is over {MAX_BYTES:,} bytes; export the language again and bring back only that file")),))
    try:
        po = polib.pofile(str(path), wrapwidth=78)
    except (OSError, ValueError, UnicodeError) as error:
        found = re.search(r"line (\d+)", str(error))
        return Exchanged(rel, "PO", None, None, problems=(Problem(
            rel, int(found.group(1)) if found else 1, "", "",
            "is not a PO file polib can read (check the quotes and the msgctxt/msgid/msgstr lines); "
            "save it again from your translation tool"),))
    units = tuple(Edited(entry.msgctxt or "", entry.msgid, entry.msgstr, "fuzzy" not in entry.flags, False,
                         entry.linenum) for entry in po if not entry.obsolete)
    return Exchanged(rel, "PO", po.metadata.get("Language") or None,
                     translator(po.metadata.get("Last-Translator", "")), units)


def context(unit: Unit) -> str:
    """How a PO file names `unit`: its msgctxt."""
    return unit.context
