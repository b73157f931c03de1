"""Tools for translators and reviewers: `status|check|diff|accept|new-language|export|import`; and for publishing:
`prepare-hosting SITE` (run by `make build`).

The engine's adapter runs them (hooks/catalogue_cli.py, with the languages its configuration lists):
`make status`, `make diff LANG=fr ID=op1-iii`, ...
"""

from __future__ import annotations

import argparse
import difflib
import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from catalogue.domain.model import Language, fingerprint
from catalogue.domain.status import STATES, TRANSLATED, entry_states, summary
from catalogue.publish.hosting import prepare_for_hosting
from catalogue.sources import deploy
from catalogue.sources.history import english_history
from catalogue.sources.load import load
from catalogue.tools.github import one_line, workflow_command
from catalogue.tools.scaffold import ScaffoldError, scaffold
from catalogue.tools.transfer import export_file, import_file, yaml_round_trip


@dataclass(frozen=True)
class Engine:
    """What the site's engine knows and the tools need, handed over by its adapter."""

    languages: Callable[[Path], list[Language]]  # the languages configured for the project at a root
    theme_strings: Path  # the theme's interface strings, one file per language (copied for a new one)


def _load(root: Path, engine: Engine):
    return load(root, engine.languages(root))


def cmd_check(root: Path, args: argparse.Namespace, engine: Engine) -> int:
    _, problems = _load(root, engine)
    _report(problems)
    print(f"{len(problems)} problem(s)" if problems else "no problems")
    return 1 if problems else 0


def _report(problems, stream=None) -> None:
    """One line per problem; on GitHub Actions also a workflow command, shown on the pull request's line."""
    on_github = bool(os.environ.get("GITHUB_ACTIONS"))
    for problem in problems:
        print(one_line(str(problem)), file=stream or sys.stdout)
        if on_github:
            print(workflow_command(problem), file=stream or sys.stdout)


def cmd_status(root: Path, args: argparse.Namespace, engine: Engine) -> int:
    catalogue, problems = _load(root, engine)
    codes = [args.lang] if args.lang else [lang.code for lang in catalogue.languages]
    incomplete = False
    print(f"{'language':<10}{'translated':>12}" + "".join(f"{s:>15}" for s in STATES))
    for code in codes:
        language = catalogue.language(code)
        counts = summary(entry_states(catalogue, problems, code))
        print(f"{code:<10}{counts['translated']:>7}/{counts['total']:<4}" + "".join(f"{counts[s]:>15}" for s in STATES))
        if args.verbose:
            for state in entry_states(catalogue, problems, code):
                if state.state not in TRANSLATED:
                    print(f"    {state.state:<9} translations/{code}/{state.domain}.yml {state.key}")
        if language.published and (counts["missing"] or counts["stale"] or counts["invalid"]):
            incomplete = True
    return 1 if incomplete else 0


def _find(catalogue, lang: str, key: str):
    for (entry_lang, domain, entry_key), entry in catalogue.strings.items():
        if entry_lang == lang and entry_key == key:
            return domain, entry
    raise SystemExit(f"{key}: no such id in translations/{lang}/")


def cmd_diff(root: Path, args: argparse.Namespace, engine: Engine) -> int:
    catalogue, _ = _load(root, engine)
    domain, entry = _find(catalogue, args.lang, args.id)
    english = catalogue.strings[(catalogue.default.code, domain, args.id)].text
    if entry.source == fingerprint(english):
        print(f"{args.id}: [{args.lang}] is up to date with the English.")
        return 0
    rel = f"translations/{catalogue.default.code}/{domain}.yml"
    before = english_history(root, rel, args.id).get(entry.source or "")
    if before is None:
        made_from = f"the English this translation was made from ({entry.source}) is not in git history" \
            if entry.source else "this translation records no `source:`, so the English it was made from is unknown"
        print(f"{args.id}: {made_from}.")
        print(f"English now:\n  {english}\nTranslation ({args.lang}):\n  {entry.text}")
        return 0
    print(f"English then:  {before}\nEnglish now:   {english}\n")
    for line in difflib.ndiff(before.split(), english.split()):
        if line[0] in "+-":
            print(f"  {line}")
    print(f"\nTranslation ({args.lang}):\n  {entry.text}")
    return 0


def cmd_accept(root: Path, args: argparse.Namespace, engine: Engine) -> int:
    """Record that entries were checked against the English now: refresh their fingerprint."""
    if not args.ids and not args.all:
        raise SystemExit("name the ids to accept, or --all after checking every entry")
    catalogue, _ = _load(root, engine)
    source = catalogue.default.code
    rt = yaml_round_trip()
    by_file: dict[str, list[tuple[str, str]]] = {}
    for (lang, domain, key), entry in catalogue.strings.items():
        if lang != args.lang or (args.ids and key not in args.ids):
            continue
        english = catalogue.strings.get((source, domain, key))
        if english is not None:
            by_file.setdefault(entry.path, []).append((key, fingerprint(english.text)))
    known = {key for updates in by_file.values() for key, _ in updates}
    unknown = [key for key in args.ids if key not in known]
    if unknown:
        raise SystemExit(f"no such id in translations/{args.lang}/: {', '.join(unknown)}")
    for rel, updates in by_file.items():
        path = root / rel
        data = rt.load(path.read_text(encoding="utf-8"))
        for key, print_ in updates:
            entry = data[key]
            if entry.get("source") == print_:
                continue
            if "source" in entry:
                entry["source"] = print_
            else:
                entry.insert(list(entry).index("text") + 1, "source", print_)
            print(f"{rel}: {key}: accepted")
        with path.open("w", encoding="utf-8") as out:
            rt.dump(data, out)
    return 0


def cmd_new_language(root: Path, args: argparse.Namespace, engine: Engine) -> int:
    """Scaffold a language as a draft: its translation files, pages, the theme's strings and mkdocs.yml entry."""
    existing = [language.code for language in engine.languages(root)]
    try:
        created = scaffold(root, args.code, args.name, engine.theme_strings, existing)
    except ScaffoldError as error:
        print(f"new-language: {error}", file=sys.stderr)
        return 2
    print("\n".join(f"  {rel}" for rel in created))
    print(f"\n{args.code} is added as a draft. Translate translations/{args.code}/*.yml and docs/{args.code}/; "
          f"`make status LANG={args.code}` shows what is left.")


def cmd_export(root: Path, args: argparse.Namespace, engine: Engine) -> int:
    """A language as one PO or XLIFF 2.0 file, for translation tools."""
    path, problems = export_file(root, engine.languages(root), args.lang, args.format, args.output,
                                 datetime.now(timezone.utc))
    if problems:
        _report(problems, sys.stderr)
        return 2
    print(f"{path}: every entry of {args.lang}; translate it, then `make import LANG={args.lang} FILE={path} "
          f'NAME="Your Name"`')
    return 0


def cmd_import(root: Path, args: argparse.Namespace, engine: Engine) -> int:
    """A PO or XLIFF file back into translations/<lang>/, checked first; nothing is written on any problem."""
    written, problems = import_file(root, engine.languages(root), args.lang, args.file, args.name,
                                    datetime.now(timezone.utc).date())
    if problems:
        _report(problems, sys.stderr)
        print(f"{len(problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    print("\n".join(f"{rel}: updated" for rel in written) or "nothing changed")
    return 0


def cmd_prepare_hosting(root: Path, args: argparse.Namespace, engine: Engine) -> int:
    count = prepare_for_hosting(args.site.resolve(), deploy.headers(root))
    print(f"{args.site}: _headers added, {count} text files precompressed (gzip, brotli)")
    return 0


def main(argv: list[str] | None, engine: Engine) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="the project folder (default: here)")
    parser = argparse.ArgumentParser(prog="catalogue", description=__doc__, parents=[common])
    commands = parser.add_subparsers(dest="command", required=True)
    command = functools.partial(commands.add_parser, parents=[common])
    command("check", help="report every problem the strict build would fail on")
    status = command("status", help="translated, missing, stale, machine draft, reviewed per language")
    status.add_argument("lang", nargs="?", default=None)
    status.add_argument("-v", "--verbose", action="store_true", default=False, help="list the entries still to do")
    diff = command("diff", help="for a stale entry: the English it was translated from, and now")
    diff.add_argument("lang")
    diff.add_argument("id")
    accept = command("accept", help="record that entries were checked against the current English")
    accept.add_argument("lang")
    accept.add_argument("ids", nargs="*", metavar="id", default=[], help="the ids to accept")
    accept.add_argument("--all", action="store_true", default=False,
                        help="accept every entry of the language (after checking them all)")
    new = command("new-language", help="add a language as a draft, every entry untranslated")
    new.add_argument("code", help="its code, e.g. ha, so, pt-BR")
    new.add_argument("--name", default=None, help="its name in itself (default: from Babel)")
    export = command("export", help="write a language as a PO or XLIFF 2.0 file for translation tools")
    export.add_argument("lang")
    export.add_argument("--format", choices=("po", "xliff"), default="po")
    export.add_argument("--output", type=Path, default=None, help="the file to write (default: exports/<lang>.po|.xlf)")
    imported = command("import", help="bring a PO or XLIFF file back; checked first, nothing written on any problem")
    imported.add_argument("lang")
    imported.add_argument("file", type=Path)
    imported.add_argument("--name", default=None,
                          help="who translated it, for the history (default: the PO file's Last-Translator)")
    hosting = command("prepare-hosting", help="add deploy/_headers and .gz/.br files to a built site")
    hosting.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    handler = {"check": cmd_check, "status": cmd_status, "diff": cmd_diff, "accept": cmd_accept,
               "new-language": cmd_new_language, "export": cmd_export, "import": cmd_import,
               "prepare-hosting": cmd_prepare_hosting}[args.command]
    return handler(getattr(args, "root", Path.cwd()).resolve(), args, engine)
