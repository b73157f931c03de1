"""Read data/ and translations/ once, and turn them into a validated Catalogue."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from catalogue.domain.ids import INVALID_ID, valid_id, valid_number
from catalogue.domain.located import Mapping, Sequence, line_of
from catalogue.domain.model import (INSTRUMENT_KINDS, KINDS, Catalogue, Change, Clause, Instrument, Language, Link,
                                    Provision, Status, Target, Translation)
from catalogue.domain.problems import Problem
from catalogue.sources import pages
from catalogue.sources.files import unexpected_files
from catalogue.sources.languages import language_problems
from catalogue.sources.yamlfile import read
from catalogue.validate import checks
from catalogue.validate.safety import line_problems, url_problem
from catalogue.validate.schema import check as schema_check

DOMAINS = ("communique", "plain", "site", "frameworks", "links", "glossary")
ENTRY_FIELDS = {"text", "source", "status", "reviewer", "history", "note"}
GLOSSARY_FIELDS = {"term", "avoid", "link"}
LANGUAGE_FILE = "language.yml"
MATERIAL_FILE = "material.yml"
_MARKUP = set("<>&\"'{}")


@dataclass
class _Reader:
    """Collects problems while reading; every file is read once."""

    root: Path
    problems: list[Problem] = field(default_factory=list)

    def file(self, rel: str, schema: str | None = None, lang: str = "", by_key: bool = False) -> Any:
        """The parsed file `rel`, without what does not fit its schema (schemas/input/<schema>.schema.json)."""
        parsed = read(self.root / rel, rel)
        self.problems.extend(parsed.problems)
        if parsed.data is None or schema is None:
            return parsed.data
        data, problems = schema_check(parsed.data, _schema(schema), rel, lang, by_key)
        self.problems.extend(problems)
        return data

    def problem(self, rel: str, line: int, key: str, message: str, lang: str = "") -> None:
        self.problems.append(Problem(rel, line, key, lang, message))


SCHEMAS = Path(__file__).resolve().parents[2] / "schemas" / "input"


@lru_cache(maxsize=None)
def _schema(name: str) -> dict:
    base, _, part = name.partition("#")
    schema = json.loads((SCHEMAS / f"{base}.schema.json").read_text(encoding="utf-8"))
    return schema["$defs"][part] if part else schema



def _expect(reader: _Reader, rel: str, owner: Mapping, name: str, kind: type, hint: str) -> Any:
    """`owner[name]` when it is a `kind` or absent; otherwise a problem at its line, and None."""
    value = owner.get(name)
    if value is None or isinstance(value, kind):
        return value
    owner_id = owner.get("id")
    reader.problem(rel, line_of(owner, name), str(owner_id or name), f"`{name}:` {hint}" if owner_id else hint)
    return None


def _ids(reader: _Reader, rel: str, values: Any, name: str) -> list[str]:
    """The valid ids of a list such as `header:` or `relations:`; each other value is a problem."""
    if not isinstance(values, Sequence):
        reader.problem(rel, line_of(values, 0), name, "must be a list of ids")
        return []
    for index, value in enumerate(values):
        if not valid_id(value):
            reader.problem(rel, line_of(values, index), name, f"lists {str(value)!r}, which {INVALID_ID}")
    return [value for value in values if valid_id(value)]


def _clauses(reader: _Reader, data: Any) -> tuple[list[Clause], list[str], date, date]:
    rel = "data/communique.yml"
    if not isinstance(data, Mapping):
        reader.problem(rel, 0, "", "must be a mapping with summit, header and clauses")
        return [], [], date(2019, 12, 11), date(2019, 12, 12)
    summit = data["summit"] if isinstance(data.get("summit"), Mapping) else {}
    start, end = summit.get("start"), summit.get("end")
    if not isinstance(start, date) or not isinstance(end, date):
        reader.problem(rel, line_of(data, "summit"), "summit", "needs start and end dates (YYYY-MM-DD)")
        start, end = date(2019, 12, 11), date(2019, 12, 12)
    header = _ids(reader, rel, data.get("header") or Sequence(0), "header")
    clauses: list[Clause] = []
    raw = data.get("clauses")
    if not isinstance(raw, Sequence):
        reader.problem(rel, line_of(data, "clauses"), "clauses", "must be a list of clauses")
        return clauses, header, start, end
    seen: dict[str, int] = {}
    by_id: dict[str, Clause] = {}
    per_kind: dict[str, int] = {}
    for index, item in enumerate(raw):
        line = line_of(raw, index)
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            reader.problem(rel, line, "", "each clause needs an id")
            continue
        cid, kind = item["id"], item.get("kind")
        if cid in seen:
            reader.problem(rel, line, cid, f"is given twice (first on line {seen[cid]}); ids must be unique")
            continue
        seen[cid] = line
        if kind not in KINDS:
            reader.problem(rel, line, cid, f"has kind {kind!r}; use one of {', '.join(KINDS)}")
            continue
        number = None if item.get("number") is None else str(item["number"])
        parent = item.get("parent")
        cited = number
        if kind == "sub-item":
            parent_clause = by_id.get(parent)
            if parent_clause is None or parent_clause.kind != "operative":
                reader.problem(rel, line, cid, "a sub-item needs a parent: an operative paragraph listed before it")
                continue
            cited = f"{parent_clause.number} ({number})"
        if kind in ("operative", "sub-item") and not number:
            reader.problem(rel, line, cid, "an operative paragraph or sub-item needs its printed number")
            continue
        per_kind[kind] = ordinal = per_kind.get(kind, 0) + 1
        by_id[cid] = Clause(cid, kind, number, parent, cited, ordinal, line)
        clauses.append(by_id[cid])
    return clauses, header, start, end


def _instruments(reader: _Reader, data: Any) -> list[Instrument]:
    rel = "data/instruments.yml"
    instruments: list[Instrument] = []
    if data is None:
        return instruments
    if not isinstance(data, Sequence):
        reader.problem(rel, 0, "", "must be a list of instruments")
        return instruments
    for index, item in enumerate(data):
        line = line_of(data, index)
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            reader.problem(rel, line, "", "each instrument needs an id")
            continue
        provisions, raw = [], _expect(reader, rel, item, "provisions", Sequence, "must be a list of provisions") or []
        for p_index, p in enumerate(raw):
            if not isinstance(p, Mapping) or not isinstance(p.get("id"), str):
                reader.problem(rel, line_of(raw, p_index), item["id"], "each provision needs an id")
                continue
            domain = p.get("domain")
            if domain is not None and (not isinstance(domain, int) or isinstance(domain, bool) or domain < 1):
                reader.problem(rel, line_of(raw, p_index), str(Target(item["id"], p["id"])),
                               f"has the domain {domain!r}; write the number of the domain it belongs to, e.g. 1")
                domain = None
            if p.get("heading") not in (None, "official"):
                reader.problem(rel, line_of(raw, p_index), str(Target(item["id"], p["id"])),
                               "`heading:` must be `official` (the instrument's own title) or left out "
                               "(this site's own description)")
            provisions.append(Provision(
                p["id"], str(p.get("number", "")), p.get("url"), domain, p.get("heading") == "official",
                line_of(raw, p_index),
            ))
        adopted, in_force = (_expect(reader, rel, item, name, date, "must be a date (YYYY-MM-DD) or null")
                             for name in ("adopted", "in_force"))
        launched = _expect(reader, rel, item, "launched", int, "must be a year (e.g. 2015) or null")
        instruments.append(Instrument(
            item["id"], str(item.get("kind", "")), adopted, in_force, item.get("url"), tuple(provisions), line,
            launched,
        ))
    return instruments


def _links(reader: _Reader, data: Any) -> tuple[list[Link], list[str], dict[str, str]]:
    rel = "data/links.yml"
    if data is None:
        return [], [], {}
    if not isinstance(data, Mapping):
        reader.problem(rel, 0, "", "must be a mapping with relations and links")
        return [], [], {}
    relations = _ids(reader, rel, data.get("relations") or Sequence(0), "relations")
    raw_removed = _expect(reader, rel, data, "removed-relations", Mapping,
                          "must map each removed relation to what to use instead") or {}
    removed = {str(name): str(instead) for name, instead in raw_removed.items()}
    links: list[Link] = []
    raw = _expect(reader, rel, data, "links", Mapping, "must map each clause id to its list of links") or Mapping(0)
    for clause_id, items in raw.items():
        for index, item in enumerate(items or []):
            line = line_of(items, index)
            if not isinstance(item, Mapping) or not isinstance(item.get("to"), str):
                reader.problem(rel, line, clause_id, "each link needs `to: <instrument>` or `to: <instrument>/<provision>`")
                continue
            target = Target.parse(item["to"])
            links.append(Link(clause_id, target.instrument, target.provision, str(item.get("relation", "")), line))
    return links, relations, removed


def _strings(reader: _Reader, languages: list[Language]) -> dict[tuple[str, str, str], Translation]:
    strings: dict[tuple[str, str, str], Translation] = {}
    folder = reader.root / "translations"
    for lang in languages:
        known = {f"{domain}.yml" for domain in DOMAINS} | {LANGUAGE_FILE, MATERIAL_FILE}
        for extra in sorted((folder / lang.code).glob("*")) if (folder / lang.code).is_dir() else []:
            if extra.name not in known:
                reader.problem(f"translations/{lang.code}/{extra.name}", 0, "", "is not a translation file; "
                               f"the files are {', '.join(sorted(known))}", lang.code)
        for domain in DOMAINS:
            rel = f"translations/{lang.code}/{domain}.yml"
            if not (reader.root / rel).is_file():
                if lang.published:
                    reader.problem(rel, 0, "", "is missing; copy the English file and translate it", lang.code)
                continue
            before = len(reader.problems)
            data = reader.file(rel, "translation#english" if lang.default else "translation", lang.code, by_key=True)
            if data is None:
                if len(reader.problems) == before:
                    reader.problem(rel, 0, "", "is empty; copy the English file and translate it", lang.code)
                continue
            if not isinstance(data, Mapping):
                reader.problem(rel, 1, "", "must be a mapping of id: {text: ...} entries", lang.code)
                continue
            for key, entry in data.items():
                line = line_of(data, key)
                if isinstance(entry, str) and lang.default:
                    entry = Mapping(line)
                    entry["text"] = data[key]
                translation = _entry(reader, rel, lang, domain, str(key), entry, line)
                if translation is not None:
                    strings[(lang.code, domain, str(key))] = translation
    return strings


def _entry(reader: _Reader, rel: str, language: Language, domain: str, key: str, entry: Any,
           line: int) -> Translation | None:
    """One entry of a translation file, or None (with a problem) when it has the wrong shape."""
    lang = language.code
    allowed = ENTRY_FIELDS | (GLOSSARY_FIELDS if domain == "glossary" else set())
    if not isinstance(entry, Mapping) or set(entry) - allowed or not isinstance(entry.get("text", ""), str):
        extra = ", ".join(sorted(str(f) for f in set(entry) - allowed)) if isinstance(entry, Mapping) else ""
        reader.problem(rel, line, key, "has the wrong shape; write `text:` (and `source:`, `status:`, `reviewer:`, "
                       "`history:`) indented under the id" + (f"; unknown field(s): {extra}" if extra else ""), lang)
        return None
    status = entry.get("status")
    if status is not None and status not in [s.value for s in Status]:
        reader.problem(rel, line, key, f"has status {status!r}; use machine-draft, human-draft or reviewed", lang)
        status = None
    source = entry.get("source")
    if source is not None and not isinstance(source, str):
        reader.problem(rel, line_of(entry, "source"), key, "has a `source:` that YAML does not read as text "
                       "(unquoted digits are a number); put the fingerprint in quotes, e.g. source: \"0123456789ab\"",
                       lang)
    term = entry.get("term")
    untranslated_draft = not language.published and not (entry.get("text") or "").strip()
    if domain == "glossary" and (not isinstance(term, str) or not term.strip()) and not untranslated_draft:
        reader.problem(rel, line, key, "needs `term:`, the preferred term in this language", lang)
    if entry.get("link") not in (None, True, False):
        reader.problem(rel, line_of(entry, "link"), key, "`link:` must be true or false", lang)
    avoid = entry.get("avoid") or []
    if not isinstance(avoid, list) or not all(isinstance(a, str) and a.strip() for a in avoid):
        reader.problem(rel, line_of(entry, "avoid"), key, "`avoid:` must be a list of terms, one per line", lang)
        avoid = []
    return Translation(
        key, lang, entry.get("text") or "", rel, line,
        None if source is None else str(source),
        Status(status) if status else None,
        None if entry.get("reviewer") is None else str(entry["reviewer"]),
        _history(reader, rel, lang, key, entry.get("history"), line_of(entry, "history")),
        term if isinstance(term, str) else None, tuple(avoid), entry.get("link") is not False,
    )


def _history(reader: _Reader, rel: str, lang: str, key: str, raw: Any, line: int) -> tuple[Change, ...]:
    """An entry's `history:`: a list of {date, by, change}, oldest first."""
    if raw is None:
        return ()
    changes = []
    for index, item in enumerate(raw if isinstance(raw, Sequence) else [raw]):
        fields = item if isinstance(item, Mapping) else {}
        when, by, change = fields.get("date"), fields.get("by"), fields.get("change")
        if not (isinstance(when, date) and isinstance(by, str) and by.strip() and isinstance(change, str)
                and change.strip()):
            reader.problem(rel, line_of(raw, index) or line, key,
                           "each `history:` item needs `date: YYYY-MM-DD`, `by:` (who) and `change:` (what changed)",
                           lang)
            continue
        changes.append(Change(when, by.strip(), change.strip()))
    return tuple(changes)


def _material(reader: _Reader, languages: list[Language]) -> dict[str, dict[str, str]]:
    """Each language's Material interface strings (translations/<lang>/material.yml, for a language
    Material does not ship): one line of plain text each, without the characters HTML gives a meaning."""
    result = {}
    for language in languages:
        rel = f"translations/{language.code}/{MATERIAL_FILE}"
        if not (reader.root / rel).is_file():
            continue
        data = reader.file(rel, "material", language.code, by_key=True) or {}
        strings = {}
        for key, value in data.items():
            reasons = line_problems(value)  # plain text, not Markdown: "# more on this page" counts with #
            if _MARKUP & set(value):
                reasons.append("contains one of < > & \" ' { } (write ’ for an apostrophe, « » or “ ” for quotes)")
            if "\n" in value:
                reasons.append("must be one line of text")
            for reason in reasons:
                reader.problem(rel, line_of(data, key), key, reason, language.code)
            if not reasons:
                strings[key] = value
        result[language.code] = strings
    return result


def _publication(reader: _Reader, languages: list[Language]) -> list[Language]:
    """Whether each translation is published (complete, checked strictly) or a draft, from its language.yml."""
    result = []
    for language in languages:
        if language.default:
            result.append(language)
            continue
        rel = f"translations/{language.code}/language.yml"
        data = reader.file(rel) if (reader.root / rel).is_file() else None
        published = data.get("published") if isinstance(data, Mapping) else None
        if not isinstance(published, bool):
            reader.problem(rel, getattr(data, "line", 0), "published", "must say `published: true` (complete and "
                           "checked) or `published: false` (a draft)", language.code)
            published = False
        result.append(replace(language, published=published))
    return result


def _pages(reader: _Reader, languages: list[Language], allowed: tuple[str, ...], page_markdown) -> None:
    """Hand-written pages (docs/<lang>/) are prose from pull requests too: their front matter and the
    HTML their body becomes are checked as a whole (catalogue/validate/handwritten.py)."""
    for language in languages:
        folder = reader.root / "docs" / language.code
        if not folder.is_dir() or folder.is_symlink():
            if not folder.is_symlink():
                reader.problem(f"docs/{language.code}/", 0, "", "is missing; create it with the pages of "
                               f"docs/{languages[0].code}/ (make new-language does)", language.code)
            continue
        for path in sorted(p for p in folder.rglob("*.md") if p.is_file() and not p.is_symlink()):
            rel, page = path.relative_to(reader.root).as_posix(), path.relative_to(folder).with_suffix("").as_posix()
            for line, message in pages.problems(path, rel, allowed, page_markdown):
                reader.problem(rel, line, page, message, language.code)


def _schemas(root: Path) -> dict[str, str]:
    """The JSON Schemas of the open data (schemas/), published beside it, by file name."""
    folder = root / "schemas"
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.schema.json"))}


def _servable(catalogue: Catalogue) -> Catalogue:
    """What `mkdocs serve` can still show of a catalogue with problems (a strict build shows nothing):
    clauses, instruments and provisions with valid ids (and kinds), official URLs that pass the checks,
    and the links and retired ids that lead to them. Strings with problems fall back to English (`usable`)."""
    clauses: dict[str, Clause] = {}
    for clause in catalogue.clauses:
        if (valid_id(clause.id) and valid_number(clause.number)
                and (clause.parent is None or clause.parent in clauses)):
            clauses[clause.id] = clause
    allowed = catalogue.allowed_domains

    def url(value: Any) -> str | None:
        return value if isinstance(value, str) and url_problem(value, allowed) is None else None

    instruments = [replace(instrument, url=url(instrument.url), provisions=tuple(
        replace(p, url=url(p.url)) for p in instrument.provisions
        if valid_id(p.id) and valid_number(p.number)))
        for instrument in catalogue.instruments
        if valid_id(instrument.id) and instrument.kind in INSTRUMENT_KINDS]
    targets = {Target(i.id) for i in instruments} | {Target(i.id, p.id) for i in instruments for p in i.provisions}
    links = list({link.key: link for link in catalogue.links if link.clause in clauses and link.target in targets
                  and link.relation in catalogue.relations}.values())
    retired = {old: new for old, new in catalogue.retired.items()
               if valid_id(old) and isinstance(new, str) and new in clauses}
    return replace(catalogue, clauses=tuple(clauses.values()), instruments=tuple(instruments), links=tuple(links),
                   retired=retired, header=tuple(key for key in catalogue.header if valid_id(key)))


def load(root: Path, languages: list[Language], markdown: tuple[list, dict] | None = None) -> tuple[Catalogue, list[Problem]]:
    """Read the project at `root` for `languages` (the default first); return it with every problem found.
    `markdown`: the engine's Markdown extensions and their options, which hand-written pages are
    rendered with to be checked (without it, those mkdocs.yml names)."""
    reader = _Reader(Path(root), language_problems(root, languages)
                     + unexpected_files(Path(root), [language.code for language in languages]))
    languages = _publication(reader, languages)
    clauses, header, start, end = _clauses(reader, reader.file("data/communique.yml", "communique"))
    instruments = _instruments(reader, reader.file("data/instruments.yml", "instruments"))
    links, relations, removed = _links(reader, reader.file("data/links.yml", "links"))
    retired = reader.file("data/retired-ids.yml", "retired-ids") or Mapping(0)
    published = reader.file("data/published-ids.yml", "published-ids") or Sequence(0)
    allowed = tuple(str(d) for d in reader.file("data/allowed-domains.yml", "allowed-domains") or [])
    _pages(reader, languages, allowed, pages.renderer(*(markdown or (None, None)), root=Path(root)))
    catalogue = Catalogue(
        languages=tuple(languages), clauses=tuple(clauses), header=tuple(header),
        summit_start=start, summit_end=end, instruments=tuple(instruments), links=tuple(links),
        relations=tuple(relations), removed_relations=removed, retired=dict(retired) if isinstance(retired, dict) else {},
        allowed_domains=allowed,
        strings=_strings(reader, languages), schemas=MappingProxyType(_schemas(reader.root)),
        material=MappingProxyType(_material(reader, languages)),
    )
    problems = reader.problems + checks.run(catalogue, published, retired)
    catalogue = _servable(catalogue) if problems else catalogue
    catalogue = replace(catalogue, usable=checks.usable(catalogue, problems), problems=tuple(sorted(set(problems))),
                        strings=MappingProxyType(catalogue.strings), retired=MappingProxyType(catalogue.retired))
    return catalogue, list(catalogue.problems)
