"""The checks that guard the catalogue. Each is a pure function returning problems."""

from __future__ import annotations

import re
from collections.abc import Iterable
from string import Formatter
from typing import Any

from catalogue.domain import keys
from catalogue.domain.ids import INVALID_ID, valid_id, valid_number
from catalogue.domain.located import line_of
from catalogue.domain.model import INSTRUMENT_KINDS, Catalogue, Status, Target, Translation
from catalogue.domain.problems import Problem
from catalogue.domain.status import is_current
from catalogue.validate.safety import text_problems, url_problem

COMMUNIQUE = "data/communique.yml"
LINKS = "data/links.yml"
INSTRUMENTS = "data/instruments.yml"
PUBLISHED = "data/published-ids.yml"
RETIRED = "data/retired-ids.yml"


def number_problems(rel: str, line: int, key: str, number: str | None) -> list[Problem]:
    """A printed number is digits, letters and bracketed parts (3, iii, 29(3)(1)(a)), nothing else."""
    if valid_number(number):
        return []
    return [Problem(rel, line, key, "", f"has the number {number!r}; write it as printed, e.g. 3, iii or 29(3)(1)(a)")]


def check_ids(catalogue: Catalogue, published: Any, retired: Any) -> list[Problem]:
    """Published ids never vanish: each is still a clause or is retired to one."""
    problems = []
    current = {c.id for c in catalogue.clauses}
    listed = [str(p) for p in published] if isinstance(published, list) else []
    for clause in catalogue.clauses:
        if not valid_id(clause.id):
            problems.append(Problem(COMMUNIQUE, clause.line, clause.id, "", INVALID_ID))
        problems += number_problems(COMMUNIQUE, clause.line, clause.id, clause.number)
        if clause.id not in listed:
            problems.append(Problem(COMMUNIQUE, clause.line, clause.id, "",
                                    f"is not recorded in {PUBLISHED}; add it there when it is published"))
    for index, old in enumerate(listed):
        if old in current:
            continue
        if old not in catalogue.retired:
            problems.append(Problem(PUBLISHED, line_of(published, index), old, "",
                                    f"was published but is no longer a clause; restore it, or retire it in {RETIRED} "
                                    "with the id that replaces it (readers' links must keep working)"))
    for old, new in catalogue.retired.items():
        line = line_of(retired, old)
        if not valid_id(old):
            problems.append(Problem(RETIRED, line, old, "", INVALID_ID))
        if old in current:
            problems.append(Problem(RETIRED, line, old, "", "is retired but is still a clause; remove one of the two"))
        if new not in current:
            problems.append(Problem(RETIRED, line, old, "", f"is retired to {new!r}, which is not a clause"))
    return problems


def check_sources(catalogue: Catalogue) -> list[Problem]:
    """Every clause cites a framework provision, and every link resolves."""
    problems = []
    clause_ids = {c.id for c in catalogue.clauses}
    seen: set[str] = set()
    for link in catalogue.links:
        if link.clause not in clause_ids:
            problems.append(Problem(LINKS, link.line, link.clause, "", "is not a clause id of data/communique.yml"))
            continue
        if link.key in seen:
            problems.append(Problem(LINKS, link.line, link.clause, "", f"links to {link.target} twice; keep one"))
        seen.add(link.key)
        instrument = catalogue.instrument(link.instrument)
        if instrument is None:
            problems.append(Problem(LINKS, link.line, link.clause, "",
                                    f"links to an unknown instrument {link.instrument!r}; see {INSTRUMENTS}"))
        elif link.provision and instrument.provision(link.provision) is None:
            problems.append(Problem(LINKS, link.line, link.clause, "",
                                    f"links to {link.target}, which is not a provision of {link.instrument} "
                                    f"in {INSTRUMENTS}"))
        if link.relation in catalogue.removed_relations:
            problems.append(Problem(LINKS, link.line, link.clause, "",
                                    f"uses the relation {link.relation!r}, which was removed: "
                                    f"{catalogue.removed_relations[link.relation]}"))
        elif link.relation not in catalogue.relations:
            problems.append(Problem(LINKS, link.line, link.clause, "",
                                    f"uses the relation {link.relation!r}, which is not in the vocabulary "
                                    f"({', '.join(catalogue.relations)})"))
    for clause in catalogue.clauses:
        if not any(link.provision for link in catalogue.links_of(clause.id)):
            problems.append(Problem(COMMUNIQUE, clause.line, clause.id, "",
                                    f"has no source; link it to at least one framework provision in {LINKS}"))
    for instrument in catalogue.instruments:
        problems += [Problem(INSTRUMENTS, line, key, "", INVALID_ID)
                     for key, line in [(instrument.id, instrument.line)] + [(p.id, p.line) for p in instrument.provisions]
                     if not valid_id(key)]
        for provision in instrument.provisions:
            problems += number_problems(INSTRUMENTS, provision.line, str(Target(instrument.id, provision.id)),
                                        provision.number)
        if instrument.kind not in INSTRUMENT_KINDS:
            problems.append(Problem(INSTRUMENTS, instrument.line, instrument.id, "",
                                    f"has kind {instrument.kind!r}; use one of {', '.join(INSTRUMENT_KINDS)}"))
        targets = [(instrument.id, instrument.url, instrument.line)]
        targets += [(str(Target(instrument.id, p.id)), p.url, p.line) for p in instrument.provisions]
        for key, url, line in targets:
            if url is None:
                continue
            reason = url_problem(str(url), catalogue.allowed_domains)
            if reason:
                problems.append(Problem(INSTRUMENTS, line, key, "", f"official URL {reason}"))
    return problems


def _placeholders(text: str) -> set[str]:
    """Each {field} of a string as written, conversion and format spec included."""
    try:
        return {"{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                for _, name, spec, conversion in Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def _check_entry(catalogue: Catalogue, entry: Translation, english: Translation | None,
                 draft: bool = False) -> Iterable[str]:
    yield from (f"`term:` {reason}" for reason in text_problems(entry.term or "", ()))
    yield from (f"`avoid:` {reason}" for term in entry.avoid for reason in text_problems(term, ()))
    if not entry.text.strip():
        if not draft:  # a draft language shows the English until the entry is translated
            yield "translation is empty; write the text" if english else "text is empty"
        return
    yield from text_problems(entry.text, catalogue.allowed_domains)
    if english is None:
        filled = entry.path.endswith("/site.yml") and entry.key in keys.PLACEHOLDERS
        wanted = {"{" + name + "}" for name in keys.PLACEHOLDERS.get(entry.key, ())}
        if filled and _placeholders(entry.text) - wanted:
            unknown = ", ".join(sorted(_placeholders(entry.text) - wanted))
            yield (f"has the placeholder(s) {unknown}, which the site does not fill in; "
                   f"use only {', '.join(sorted(wanted)) or 'none'} (check the spelling)")
        return
    if _placeholders(entry.text) != _placeholders(english.text):
        wanted = ", ".join(sorted(_placeholders(english.text))) or "none"
        yield f"placeholders differ from the English; keep exactly: {wanted}"
    if draft:  # a draft's stale entries fall back to the English; `make status` lists them
        pass
    elif entry.source is None:
        yield (f"has no `source:` fingerprint; compare it with the English, then run "
               f"`make accept LANG={entry.lang} ID={entry.key}`")
    elif not is_current(entry, english):
        yield (f"translation is stale (the English changed); see the diff with "
               f"`make diff LANG={entry.lang} ID={entry.key}`, update it, then run "
               f"`make accept LANG={entry.lang} ID={entry.key}`")
    if entry.status is None:
        yield "has no `status:`; write machine-draft, human-draft (translated by you), or reviewed with a `reviewer:`"
    elif entry.status is Status.REVIEWED and not (entry.reviewer or "").strip():
        yield "is marked reviewed but names no `reviewer:`; add the reviewer's name"
    yield from (f"`reviewer:` {reason}" for reason in text_problems(entry.reviewer or "", ()))


def _insertion(english: dict[str, Translation], entries: dict[str, Translation], key: str) -> tuple[int, str]:
    """Where a missing translation of `key` goes: before the entry that follows it in English, else after the last."""
    later = [entries[k] for k in entries if k in english and english[k].line > english[key].line]
    if later:
        following = min(later, key=lambda entry: entry.line)
        return following.line, f"before {following.key}"
    last = max(entries.values(), key=lambda entry: entry.line)
    return last.line, f"after {last.key}"


def check_translations(catalogue: Catalogue) -> list[Problem]:
    """Every language mirrors the English files: no missing, empty, stale, unknown or unsafe entry."""
    problems = []
    source = catalogue.default.code
    for domain, wanted in keys.expected(catalogue).items():
        english = {k: t for (lang, d, k), t in catalogue.strings.items() if lang == source and d == domain}
        en_rel = f"translations/{source}/{domain}.yml"
        last = max(english.values(), key=lambda entry: entry.line, default=None)
        line, where = (last.line, f" (after {last.key})") if last else (1, "")
        for key in sorted(wanted - english.keys()):
            problems.append(Problem(en_rel, line, key, source, f"has no English text; add it{where}"))
        if domain in ("communique", "plain", "links"):
            for key in sorted(english.keys() - wanted):
                entry = english[key]
                problems.append(Problem(entry.path, entry.line, key, source,
                                        "is not a known id; check the spelling against the data/ files or remove it"))
        if domain == "glossary":
            problems += [Problem(entry.path, entry.line, key, source, INVALID_ID)
                         for key, entry in english.items() if not valid_id(key)]
        for entry in english.values():
            problems += [Problem(entry.path, entry.line, entry.key, source, m) for m in _check_entry(catalogue, entry, None)]
        for language in catalogue.languages:
            if language.default:
                continue
            rel = f"translations/{language.code}/{domain}.yml"
            entries = {k: t for (lang, d, k), t in catalogue.strings.items() if lang == language.code and d == domain}
            for key, entry in entries.items():
                if key not in english:
                    problems.append(Problem(entry.path, entry.line, key, language.code,
                                            f"is not an id of {en_rel}; check the spelling or remove it"))
                    continue
                problems += [Problem(entry.path, entry.line, key, language.code, m)
                             for m in _check_entry(catalogue, entry, english[key], draft=not language.published)]
            if language.published and entries:
                for key in english.keys() - entries.keys():
                    line, where = _insertion(english, entries, key)
                    problems.append(Problem(rel, line, key, language.code,
                                            f"has no translation; add it {where} (the English is at "
                                            f"{en_rel}:{english[key].line})"))
    return problems


_QUOTED = re.compile(r"“[^”]*”|«[^»]*»|„[^“”]*[“”]|\"[^\"]*\"")
LEGAL_TITLES = (".name", ".short")


def check_terms(catalogue: Catalogue) -> list[Problem]:
    """Our own copy uses each language's preferred terms: a term to avoid may appear only in a quotation,
    a legal title, or the communique's own words. Terms match inside words too, so that prefixed and
    suffixed forms (Arabic و‍, Amharic ‍ን) are caught; each glossary entry is reported once per string."""
    problems = []
    for language in catalogue.languages:
        if not language.published:
            continue
        glossary = [t for (lang, d, _), t in catalogue.strings.items() if lang == language.code and d == "glossary"]
        for (lang, domain, key), entry in catalogue.strings.items():
            if lang != language.code or domain == "communique" or key.endswith(LEGAL_TITLES):
                continue
            own = _QUOTED.sub(" ", entry.text).casefold()
            for rule in glossary:
                used = next((term for term in rule.avoid if term.casefold() in own), None)
                if used and not (domain == "glossary" and key == rule.key):
                    problems.append(Problem(entry.path, entry.line, key, lang, (
                        f"uses “{used}”, a term to avoid (glossary: {rule.key}); write “{rule.term}”, "
                        f"or put the legal title or quotation it belongs to in quotation marks")))
    return problems


def run(catalogue: Catalogue, published: Any, retired: Any) -> list[Problem]:
    """All checks of the catalogue."""
    return (check_ids(catalogue, published, retired) + check_sources(catalogue) + check_translations(catalogue)
            + check_terms(catalogue))


def usable(catalogue: Catalogue, problems: list[Problem]) -> frozenset[tuple[str, str, str]]:
    """The strings safe and current enough to publish: those with no problem of their own."""
    flagged = {(p.path, p.id) for p in problems}
    source = catalogue.default.code
    return frozenset(
        (lang, domain, key) for (lang, domain, key), entry in catalogue.strings.items()
        if (entry.path, entry.key) not in flagged and entry.text.strip() and (
            lang == source or (
                is_current(entry, catalogue.strings.get((source, domain, key)))))
    )
