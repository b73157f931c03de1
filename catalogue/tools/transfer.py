"""`export LANG`: a language as a PO or XLIFF file; `import LANG FILE`: such a file back into translations/<lang>/.

Only entries whose translation (or state) changed are touched, each with its status and a history
line; everything else in the YAML stays byte for byte. Every check runs on the result first: any
problem is one line naming the line of the imported file, and then nothing is written.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from catalogue.sources.load import load
from catalogue.domain.model import Language
from catalogue.domain.problems import Problem
from catalogue.tools import po, xliff
from catalogue.tools.exchange import TERM, TEXT, Edited, Exchanged, Unit, units
from catalogue.validate.safety import text_problems

FORMATS = {".po": po, ".xlf": xliff, ".xliff": xliff}
CHECKED_PARTS = ("data", "translations", "docs", "schemas", "mkdocs.yml")  # what load() reads
PROJECT = "Addis Ababa Communique 2019"


@dataclass
class Update:
    """What one YAML entry gets from the imported file."""

    unit: Unit
    line: int  # of the entry in the imported file
    values: dict[str, str] = field(default_factory=dict)  # text, term, source
    status: str | None = None
    changes: list[str] = field(default_factory=list)  # in words, for the history line


def yaml_round_trip() -> YAML:
    """ruamel.yaml set to write the translation files as they are written (as `make accept` does)."""
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def _edit(update: Update, unit: Unit, edited: Edited) -> bool:
    """Add what `edited` changes in `unit` to `update`; False when it changes nothing."""
    changed = edited.target != unit.target
    reviewed = edited.reviewed and unit.state != "reviewed"
    accepted = unit.field == TEXT and edited.done and bool(edited.target.strip()) and unit.recorded != unit.fingerprint
    if not (changed or reviewed or accepted):
        return False
    if changed:
        update.values[unit.field] = edited.target
        update.changes.append("translation changed" if unit.field == TEXT else "term changed")
    if unit.field == TEXT and (edited.done or not unit.recorded):
        update.values["source"] = unit.fingerprint if edited.done else unit.recorded or unit.fingerprint
        if accepted and not changed:
            update.changes.append("checked against the new English")
    if reviewed:
        update.changes.append("reviewed")
    if changed and not reviewed or update.status == "human-draft":
        update.status = "human-draft"
    elif reviewed:
        update.status = "reviewed"
    return True


def _unit_problems(unit: Unit, edited: Edited) -> list[str]:
    if edited.target == unit.target:
        return []
    if not edited.target.strip():
        return ["has an empty translation, which would delete the current one; write the translation"]
    if edited.target.strip() == edited.english.strip():
        return ["is the English unchanged; translate it, or leave it untranslated (empty) for now"]
    return []


def plan(found: list[Unit], lang: str, exchanged: Exchanged, by: str | None) -> tuple[list[Update], list[Problem]]:
    """The updates an exchange file asks for, and every problem with it (before any check of the result)."""
    rel = exchanged.rel
    problems = [replace(problem, lang=lang) for problem in exchanged.problems]
    if exchanged.lang and exchanged.lang != lang:
        problems.append(Problem(rel, 1, "", lang, f"is a file for {exchanged.lang}; import it with LANG={exchanged.lang}"))
    if not (by or "").strip():
        problems.append(Problem(rel, 0, "", lang, "does not say who translated it; add NAME=\"Your Name\" to the "
                                "command (it goes in each changed entry's history:)"))
    else:
        problems += [Problem(rel, 0, "", lang, f"NAME {reason}") for reason in text_problems(by, ())]
        if "\n" in by or "\r" in by:
            problems.append(Problem(rel, 0, "", lang, "NAME must be one line"))
    form = FORMATS[Path(rel).suffix.lower()] if Path(rel).suffix.lower() in FORMATS else po
    by_context = {form.context(unit): unit for unit in found}
    seen: dict[str, int] = {}
    updates: dict[tuple[str, str], Update] = {}
    for edited in exchanged.units:
        unit = by_context.get(edited.context)
        if unit is None:
            problems.append(Problem(rel, edited.line, edited.context, lang, "is not an entry of the catalogue; keep each "
                                    "key (msgctxt, unit id) as exported, or export the language again"))
            continue
        if edited.context in seen:
            problems.append(Problem(rel, edited.line, unit.context, lang,
                                    f"is given twice (first on line {seen[edited.context]}); keep one"))
            continue
        seen[edited.context] = edited.line
        if edited.english != unit.english:  # exported before the English changed, or edited: its state says nothing now
            if edited.target != unit.target or edited.reviewed and unit.state != "reviewed":
                problems.append(Problem(rel, edited.line, unit.context, lang, (
                    "gives English that is not the current English of this entry (it changed since the file was "
                    "exported, or was edited in the file); export the language again and translate the new English")))
            continue
        messages = _unit_problems(unit, edited)
        problems += [Problem(rel, edited.line, unit.context, lang, message) for message in messages]
        update = updates.get((unit.path, unit.key)) or Update(unit, edited.line)
        if not messages and _edit(update, unit, edited):
            updates[(unit.path, unit.key)] = update
    return list(updates.values()), problems


def _last(node):
    """The innermost last (container, key) of a YAML node: the comment after a block is kept there."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        if not isinstance(node[key], (CommentedMap, CommentedSeq)) or not len(node[key]):
            return node, key
        node = node[key]
    return None


def _take_trailing_comment(node):
    """Detach the comment (blank lines, a section heading) that follows `node`'s last line."""
    last = _last(node)
    return (type(last[0]), last[0].ca.items.pop(last[1])) if last and last[1] in last[0].ca.items else None


def _give_trailing_comment(node, comment) -> None:
    last = _last(node)
    if comment and last and isinstance(last[0], comment[0]):
        last[0].ca.items[last[1]] = comment[1]


def _put(entry: CommentedMap, key: str, value, after: str) -> None:
    if key in entry:
        entry[key] = value
    else:
        keys = list(entry)
        entry.insert(keys.index(after) + 1 if after in keys else len(keys), key, value)


def _apply(data: CommentedMap, update: Update, english_order: list[str], by: str, today: date, kind: str) -> str | None:
    """Apply `update` to the parsed file; a reason when the entry cannot be updated."""
    key = update.unit.key
    if key in data and not isinstance(data[key], CommentedMap):
        return f"{update.unit.path}:{update.unit.line}: the entry has the wrong shape; fix it first (`make check`)"
    if key in data:
        entry = data[key]
        trailing = _take_trailing_comment(entry)
    else:  # a new entry: after the one before it in English, before the comment that followed that one
        before = [k for k in english_order[:english_order.index(key)] if k in data]
        trailing = _take_trailing_comment(data[before[-1]]) if before else None
        entry = CommentedMap()
        data.insert(list(data).index(before[-1]) + 1 if before else 0, key, entry)
    for name in (TERM, TEXT):
        if name in update.values:
            _put(entry, name, DoubleQuotedScalarString(update.values[name]), "term" if name == TEXT else "")
    if "source" in update.values:
        _put(entry, "source", update.values["source"], TEXT)
    if update.status:
        _put(entry, "status", update.status, "source")
    if update.status == "reviewed":
        _put(entry, "reviewer", by, "status")
    elif update.status and "reviewer" in entry:
        del entry["reviewer"]
    history = entry.get("history")
    if not isinstance(history, CommentedSeq):
        history = CommentedSeq()
        _put(entry, "history", history, "")
    item = CommentedMap()
    item["date"], item["by"] = today, by
    changes = "; ".join(update.changes)
    article = "an" if kind == "XLIFF" else "a"
    item["change"] = DoubleQuotedScalarString(f"{changes[:1].upper()}{changes[1:]}; imported from {article} {kind} file.")
    history.append(item)
    _give_trailing_comment(entry, trailing)
    return None


def contents(root: Path, updates: list[Update], by: str, today: date, kind: str) -> tuple[dict[str, str], list[str]]:
    """The new text of each translation file the updates touch, and the entries that could not be updated."""
    rt = yaml_round_trip()
    files: dict[str, list[Update]] = {}
    for update in updates:
        files.setdefault(update.unit.path, []).append(update)
    new, failures = {}, []
    for rel, file_updates in files.items():
        path = root / rel
        if not path.is_file():
            failures.append(f"{rel} does not exist; create the language with `make new-language` first")
            continue
        data = rt.load(path.read_text(encoding="utf-8"))
        order = list(rt.load((root / f"translations/en/{file_updates[0].unit.domain}.yml").read_text(encoding="utf-8")))
        for update in file_updates:
            failure = _apply(data, update, order, by, today, kind)
            if failure:
                failures.append(failure)
        out = io.StringIO()
        rt.dump(data, out)
        new[rel] = out.getvalue()
    return new, failures


def _checked(root: Path, languages: list[Language], new: dict[str, str]) -> list[Problem]:
    """Every problem of the catalogue with the new files in place (in a copy: nothing is written yet)."""
    with tempfile.TemporaryDirectory(prefix="catalogue-import-") as scratch:
        copy = Path(scratch)
        for part in CHECKED_PARTS:
            source = root / part
            if source.is_dir():
                shutil.copytree(source, copy / part)
            elif source.is_file():
                shutil.copy2(source, copy / part)
        for rel, text in new.items():
            (copy / rel).write_text(text, encoding="utf-8")
        return load(copy, languages)[1]


def _comparable(problem: Problem) -> tuple[str, str, str, str]:
    return problem.path, problem.id, problem.lang, problem.message  # lines move when history grows


def import_file(root: Path, languages: list[Language], lang: str, path: Path, name: str | None,
                today: date) -> tuple[list[str], list[Problem]]:
    """Bring `path` back into translations/<lang>/; the files written (none on any problem) and the problems."""
    rel = path.as_posix()
    problems = _language(languages, lang, rel)
    if problems:
        return [], problems
    catalogue, before = load(root, languages)
    form = FORMATS.get(path.suffix.lower())
    if form is None:
        return [], [Problem(rel, 0, "", lang, "is neither a .po nor an .xlf/.xliff file")]
    if not path.is_file():
        return [], [Problem(rel, 0, "", lang, "does not exist; give the path of the file to import as FILE=…")]
    exchanged = form.read(path, rel)
    found = units(root, catalogue, lang)
    by = (name or "").strip() or exchanged.translator
    updates, problems = plan(found, lang, exchanged, by)
    if not updates:
        return [], problems
    new, failures = contents(root, updates, by or "", today, exchanged.kind)
    problems += [Problem(rel, 0, "", lang, failure) for failure in failures]
    lines = {(update.unit.path, update.unit.key): update for update in updates}
    old = {_comparable(problem) for problem in before}
    for problem in _checked(root, languages, new):
        if _comparable(problem) in old:
            continue
        update = lines.get((problem.path, problem.id))
        if update is None:
            problems.append(Problem(rel, 0, "", lang, f"would cause, at {problem}"))
        else:
            problems.append(Problem(rel, update.line, update.unit.context, lang, problem.message))
    if problems:
        return [], sorted(problems, key=lambda problem: (problem.line, problem.id))
    for rel_out, text in new.items():
        (root / rel_out).write_text(text, encoding="utf-8")
    return sorted(new), []


def _language(languages: list[Language], lang: str | None, rel: str) -> list[Problem]:
    codes = [language.code for language in languages if not language.default]
    if lang in codes:
        return []
    return [Problem(rel, 0, "", lang or "", f"name the language to exchange: LANG= one of {', '.join(codes)}")]


def export_file(root: Path, languages: list[Language], lang: str, form: str, output: Path | None,
                now: datetime) -> tuple[Path | None, list[Problem]]:
    """Write every entry of `lang` as a PO (`form` "po") or XLIFF 2.0 ("xliff") file; return its path."""
    problems = _language(languages, lang, "mkdocs.yml")
    if problems:
        return None, problems
    catalogue, _ = load(root, languages)
    found = units(root, catalogue, lang)
    language = catalogue.language(lang)
    path = output or root / "exports" / f"{lang}.{'po' if form == 'po' else 'xlf'}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if form == "po":
        path.write_text(po.write(found, language, PROJECT, now), encoding="utf-8")
    else:
        path.write_bytes(xliff.write(found, language, catalogue.default.code))
    return path, []
