"""Translators work in their CAT tools (issue 15): a language goes out as PO or XLIFF 2.0 and comes
back with one command, checked before anything is written; `make check` on GitHub Actions puts each
problem on its line of the pull request. Real tools read what we write: GNU gettext's msgfmt,
translate-toolkit, polib."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import polib
import pytest
from lxml import etree
from translate.storage import factory, xliff2

from catalogue import load
from catalogue.domain.problems import Problem
from catalogue.tools.github import escape_data, workflow_command
from tests.helpers import ROOT, languages, replace_text, write_entry

pytestmark = pytest.mark.core  # builds no site

CODES = [lang.code for lang in languages() if not lang.default]
TODAY = datetime.now(timezone.utc).date().isoformat()
NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
_TOP_KEY = re.compile(r"^([^\s#][^:]*):")


def cli(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m catalogue ...` as the Makefile runs it."""
    return subprocess.run([sys.executable, str(ROOT / "hooks/catalogue_cli.py"), "--root", str(root), *args],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})})


def export(root: Path, lang: str, form: str, out: Path) -> Path:
    result = cli(root, "export", lang, "--format", form, "--output", str(out))
    assert result.returncode == 0, result.stderr
    return out


def translation_files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted((root / "translations").rglob("*.yml"))}


def blocks(text: str) -> list[tuple[str, str]]:
    """A YAML file as its top-level entries, each with every line up to the next one (comments included)."""
    found: list[tuple[str, str]] = [("", "")]
    for line in text.splitlines(keepends=True):
        match = _TOP_KEY.match(line)
        if match:
            found.append((match.group(1), ""))
        found[-1] = (found[-1][0], found[-1][1] + line)
    return found


def changed_entries(before: dict[str, bytes], after: dict[str, bytes]) -> set[tuple[str, str]]:
    """(file, id) of every entry whose lines differ; anything else that differs fails the test."""
    changed = set()
    for rel in before:
        if before[rel] == after[rel]:
            continue
        old, new = blocks(before[rel].decode()), blocks(after[rel].decode())
        assert [key for key, _ in old] == [key for key, _ in new], f"{rel}: entries added, removed or moved"
        changed |= {(rel, key) for (key, a), (_, b) in zip(old, new) if a != b}
    return changed


def po_entry(po: polib.POFile, context: str) -> polib.POEntry:
    return next(entry for entry in po if entry.msgctxt == context)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every language of the real project, exported in both formats once."""
    folder = tmp_path_factory.mktemp("exported")
    return {(code, form): export(ROOT, code, form, folder / f"{code}.{'po' if form == 'po' else 'xlf'}")
            for code in CODES for form in ("po", "xliff")}


@pytest.mark.parametrize("code", CODES)
def test_gnu_msgfmt_accepts_the_exported_po_file_of_every_language(exported, code):
    checked = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, str(exported[(code, "po")])],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "translated message" in checked.stderr


@pytest.mark.parametrize("code", CODES)
def test_translate_toolkit_reads_both_formats_with_every_entry(exported, code):
    po_units = [unit for unit in factory.getobject(str(exported[(code, "po")])).units if not unit.isheader()]
    with open(exported[(code, "xliff")], "rb") as handle:
        xliff_units = xliff2.Xliff2File.parsefile(handle).units
    assert len(po_units) == len(xliff_units) > 300
    assert [unit.source for unit in po_units] == [unit.source for unit in xliff_units]
    assert [unit.target or "" for unit in po_units] == [unit.target or "" for unit in xliff_units]
    clause = next(unit for unit in po_units if unit.getcontext() == "communique:op1-iii")
    assert clause.source.startswith("Sharing best practise") and clause.target


def test_each_po_entry_has_its_key_english_translation_place_fingerprint_and_state(exported):
    po = polib.pofile(str(exported[("fr", "po")]))
    assert po.metadata["Language"] == "fr" and po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    clause = po_entry(po, "communique:op1-iii")
    assert clause.msgid.startswith("Sharing best practise") and clause.msgstr.startswith("Partager")
    assert "Shown in the communique, paragraph 1 (iii)" in clause.comment
    assert re.search(r"English fingerprint: [0-9a-f]{12}", clause.comment)
    assert "drafted by machine" in clause.comment and "fuzzy" not in clause.flags
    assert clause.occurrences[0][0] == "translations/fr/communique.yml"
    link = po_entry(po, "links:pp1/crc/art-34")
    assert "Says why preambular paragraph 1 draws on CRC article 34" in link.comment.replace("\n", " ")
    assert "Shown in “In plain words”, the explanation of paragraph 2" in po_entry(po, "plain:op2").comment
    term = po_entry(po, "glossary:csam:term")
    assert term.msgid == "child sexual abuse material" and term.msgstr
    placeholders = [entry for entry in po if "{" in entry.msgid]
    assert placeholders and all("python-brace-format" in entry.flags for entry in placeholders)


def test_each_xliff_unit_has_its_key_english_translation_notes_and_state(exported):
    root = etree.parse(str(exported[("fr", "xliff")])).getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en", "fr")
    files = root.findall("x:file", NS)
    assert [f.get("id") for f in files] == ["communique", "plain", "site", "frameworks", "links", "glossary"]
    unit = root.find("x:file[@id='links']/x:unit[@name='pp1/crc/art-34']", NS)
    assert unit.get("id") == "pp1:crc:art-34"
    segment = unit.find("x:segment", NS)
    assert (segment.get("state"), segment.get("subState")) == ("translated", "catalogue:machine-draft")
    catalogue, _ = load(ROOT, languages())
    assert segment.find("x:source", NS).text == catalogue.resolve("en", "links", "pp1/crc/art-34").text
    assert segment.find("x:target", NS).text == catalogue.resolve("fr", "links", "pp1/crc/art-34").text
    notes = {note.get("category"): note.text for note in unit.findall("x:notes/x:note", NS)}
    assert "CRC article 34" in notes["location"] and re.fullmatch(r"[0-9a-f]{12}", notes["fingerprint"])
    ids = [u.get("id") for f in files for u in f.findall("x:unit", NS)]
    assert all(re.fullmatch(r"[\w.:-]+", i) for i in ids), "unit ids are XML name tokens"
    assert len({(f.get("id"), u.get("id")) for f in files for u in f.findall("x:unit", NS)}) == len(ids)


def _commit_all(root: Path, message: str) -> None:
    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", message]):
        if args[0] == "init" and (root / ".git").exists():
            continue
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_a_stale_entry_is_fuzzy_with_the_english_it_was_made_from(project_copy, tmp_path):
    english = "Sharing best practise on preventing and tackling this crime in all of its forms;"
    _commit_all(project_copy, "before")
    replace_text(project_copy, "translations/en/communique.yml", english, english.replace("Sharing", "Sharing widely"))
    _commit_all(project_copy, "the English changed")
    entry = po_entry(polib.pofile(str(export(project_copy, "fr", "po", tmp_path / "fr.po"))), "communique:op1-iii")
    assert "fuzzy" in entry.flags and entry.previous_msgid == english
    assert entry.msgid.startswith("Sharing widely")
    root = etree.parse(str(export(project_copy, "fr", "xliff", tmp_path / "fr.xlf"))).getroot()
    unit = root.find("x:file[@id='communique']/x:unit[@id='op1-iii']", NS)
    assert unit.find("x:segment", NS).get("state") == "initial"
    assert unit.find("x:notes/x:note[@category='previous-source']", NS).text == english


@pytest.mark.parametrize("form", ["po", "xliff"])
@pytest.mark.parametrize("code", CODES)
def test_importing_an_unchanged_export_changes_no_byte(project_copy, tmp_path, code, form):
    before = translation_files(project_copy)
    path = export(project_copy, code, form, tmp_path / f"{code}.{'po' if form == 'po' else 'xlf'}")
    result = cli(project_copy, "import", code, str(path), "--name", "Awa N'Diaye")
    assert result.returncode == 0, result.stderr
    assert "nothing changed" in result.stdout
    assert translation_files(project_copy) == before


def test_two_entries_changed_with_polib_change_exactly_those_two_entries(project_copy, tmp_path):
    path = export(project_copy, "fr", "po", tmp_path / "fr.po")
    po = polib.pofile(str(path))
    po_entry(po, "communique:op1-iii").msgstr = "Partager les bonnes pratiques pour prévenir et combattre ce crime ;"
    po_entry(po, "site:full-text-title").msgstr = "Le texte intégral du communiqué"
    po.save(str(path))
    before = translation_files(project_copy)
    result = cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye")
    assert result.returncode == 0, result.stderr
    after = translation_files(project_copy)
    assert changed_entries(before, after) == {("translations/fr/communique.yml", "op1-iii"),
                                              ("translations/fr/site.yml", "full-text-title")}
    entry = blocks(after["translations/fr/communique.yml"].decode())
    block = dict(entry)["op1-iii"]
    assert 'text: "Partager les bonnes pratiques pour prévenir et combattre ce crime ;"' in block
    assert "status: human-draft" in block
    assert block.endswith(f"    - date: {TODAY}\n      by: Awa N'Diaye\n"
                          '      change: "Translation changed; imported from a PO file."\n')
    assert not [line for line in cli(project_copy, "check").stdout.splitlines() if "[fr]" in line]


def test_a_unit_marked_reviewed_in_xliff_records_the_importer_as_reviewer(project_copy, tmp_path):
    path = export(project_copy, "fr", "xliff", tmp_path / "fr.xlf")
    tree = etree.parse(str(path))
    segment = tree.find("x:file[@id='plain']/x:unit[@id='op2']/x:segment", NS)
    segment.set("state", "final")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    before = translation_files(project_copy)
    result = cli(project_copy, "import", "fr", str(path), "--name", "Kofi Mensah")
    assert result.returncode == 0, result.stderr
    after = translation_files(project_copy)
    assert changed_entries(before, after) == {("translations/fr/plain.yml", "op2")}
    block = dict(blocks(after["translations/fr/plain.yml"].decode()))["op2"]
    assert "status: reviewed\n  reviewer: Kofi Mensah\n" in block
    assert 'change: "Reviewed; imported from an XLIFF file."' in block


def test_a_fuzzy_entry_cleared_in_a_po_file_is_accepted_for_the_new_english(project_copy, tmp_path):
    english = "Sharing best practise on preventing and tackling this crime in all of its forms;"
    replace_text(project_copy, "translations/en/communique.yml", english, english.replace("Sharing", "Sharing widely"))
    path = export(project_copy, "fr", "po", tmp_path / "fr.po")
    po = polib.pofile(str(path))
    entry = po_entry(po, "communique:op1-iii")
    assert "fuzzy" in entry.flags
    entry.flags.remove("fuzzy")
    entry.msgstr = "Partager largement les meilleures pratiques pour prévenir et combattre ce crime ;"
    po.save(str(path))
    assert cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye").returncode == 0
    assert not [line for line in cli(project_copy, "check").stdout.splitlines() if "op1-iii: [fr]" in line]


def test_a_fuzzy_flag_cleared_on_an_unchanged_translation_accepts_it_for_the_new_english(project_copy, tmp_path):
    english = "Sharing best practise on preventing and tackling this crime in all of its forms;"
    replace_text(project_copy, "translations/en/communique.yml", english, english.replace("Sharing", "Sharing widely"))
    path = export(project_copy, "fr", "po", tmp_path / "fr.po")
    po = polib.pofile(str(path))
    po_entry(po, "communique:op1-iii").flags.remove("fuzzy")
    po.save(str(path))
    assert cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye").returncode == 0
    block = dict(blocks((project_copy / "translations/fr/communique.yml").read_text(encoding="utf-8")))["op1-iii"]
    assert "status: machine-draft" in block, "accepting keeps the status, as `make accept` does"
    assert 'change: "Checked against the new English; imported from a PO file."' in block
    assert not [line for line in cli(project_copy, "check").stdout.splitlines() if "op1-iii: [fr]" in line]


def test_the_po_files_last_translator_is_the_importer_without_the_email_address(project_copy, tmp_path):
    path = export(project_copy, "fr", "po", tmp_path / "fr.po")
    po = polib.pofile(str(path))
    po.metadata["Last-Translator"] = "Amina Yusuf <amina@example.org>"
    po_entry(po, "site:full-text-title").msgstr = "Le texte intégral du communiqué"
    po.save(str(path))
    assert cli(project_copy, "import", "fr", str(path)).returncode == 0
    text = (project_copy / "translations/fr/site.yml").read_text(encoding="utf-8")
    assert "by: Amina Yusuf\n" in text and "example.org" not in text


def test_an_import_that_names_no_translator_writes_nothing(project_copy, tmp_path):
    path = export(project_copy, "fr", "po", tmp_path / "fr.po")
    po = polib.pofile(str(path))
    po_entry(po, "site:full-text-title").msgstr = "Le texte intégral du communiqué"
    po.save(str(path))
    before = translation_files(project_copy)
    result = cli(project_copy, "import", "fr", str(path))
    assert result.returncode == 1
    assert 'does not say who translated it; add NAME="Your Name"' in result.stderr
    assert translation_files(project_copy) == before


def test_each_problem_of_an_imported_po_file_is_one_line_at_its_line_and_nothing_is_written(project_copy, tmp_path):
    path = export(project_copy, "fr", "po", tmp_path / "fr.po")
    po = polib.pofile(str(path))
    po_entry(po, "communique:op1-i").msgstr = ""
    po_entry(po, "communique:op1-ii").msgstr = po_entry(po, "communique:op1-ii").msgid
    placeholder = next(entry for entry in po if entry.msgctxt.startswith("site:") and "{" in entry.msgid)
    placeholder.msgstr = "Sans marque de remplacement"
    po_entry(po, "communique:op1-iv").msgstr = "Protéger \u202eles victimes ;"
    po_entry(po, "plain:op1-v").msgctxt = "plain:op1-xx"
    po_entry(po, "links:pp1/crc/art-34").msgstr = "La pornographie enfantine est un crime grave."
    po.save(str(path))
    lines = {entry.msgctxt: entry.linenum for entry in polib.pofile(str(path))}
    before = translation_files(project_copy)
    result = cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye")
    assert result.returncode == 1
    assert translation_files(project_copy) == before
    reported = result.stderr.splitlines()
    assert reported[-1].endswith("nothing was written")
    expected = {
        "communique:op1-i": "has an empty translation",
        "communique:op1-ii": "is the English unchanged",
        placeholder.msgctxt: "placeholders differ from the English",
        "communique:op1-iv": "RIGHT-TO-LEFT OVERRIDE",
        "plain:op1-xx": "is not an entry of the catalogue",
        "links:pp1/crc/art-34": "a term to avoid",
    }
    for context, words in expected.items():
        line = f"{path.as_posix()}:{lines[context]}: {context}: [fr] "
        assert [r for r in reported if r.startswith(line) and words in r], (context, reported)
    assert len(reported) == len(expected) + 1, "\n".join(reported)


def test_an_xliff_file_that_is_not_well_formed_is_one_problem_at_its_line(project_copy, tmp_path):
    path = export(project_copy, "fr", "xliff", tmp_path / "fr.xlf")
    text = path.read_text(encoding="utf-8").splitlines()
    text[9] = text[9] + "<target>"
    path.write_text("\n".join(text), encoding="utf-8")
    result = cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye")
    assert result.returncode == 1
    assert re.match(rf"{re.escape(path.as_posix())}:\d+: \[fr\] is not well-formed XML", result.stderr)


def test_an_xliff_file_with_an_entity_declaration_is_refused(project_copy, tmp_path):
    path = tmp_path / "fr.xlf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaa">]>\n'
                    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">'
                    '<file id="site"><unit id="full-text-title"><segment state="translated"><source>&a;</source>'
                    '<target>&a;</target></segment></unit></file></xliff>', encoding="utf-8")
    result = cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye")
    assert result.returncode == 1 and "has a DOCTYPE" in result.stderr


def test_a_translation_missing_from_the_yaml_is_added_in_the_english_order(project_copy, tmp_path):
    rel = "translations/fr/communique.yml"
    text = (project_copy / rel).read_text(encoding="utf-8")
    start, end = text.index("op1-iii:\n"), text.index("op1-iv:\n")
    (project_copy / rel).write_text(text[:start] + text[end:], encoding="utf-8")
    (project_copy / "translations/fr/language.yml").write_text("published: false\n", encoding="utf-8")
    path = export(project_copy, "fr", "po", tmp_path / "fr.po")
    unchanged = cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye")
    assert unchanged.returncode == 0 and "nothing changed" in unchanged.stdout, "an untranslated entry stays out"
    po = polib.pofile(str(path))
    assert po_entry(po, "communique:op1-iii").msgstr == ""
    po_entry(po, "communique:op1-iii").msgstr = "Partager les meilleures pratiques ;"
    po.save(str(path))
    assert cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye").returncode == 0
    after = (project_copy / rel).read_text(encoding="utf-8")
    assert [key for key, _ in blocks(after)] == [key for key, _ in blocks(text)]
    assert dict(blocks(after))["op1-iii"] == (
        'op1-iii:\n  text: "Partager les meilleures pratiques ;"\n'
        f"  source: {po_entry(po, 'communique:op1-iii').comment.split('fingerprint: ')[1][:12]}\n"
        f"  status: human-draft\n  history:\n    - date: {TODAY}\n      by: Awa N'Diaye\n"
        '      change: "Translation changed; imported from a PO file."\n')


# --- Problems on the pull request's lines --------------------------------------------------------

HOSTILE = ["plain", "100% done, 50%0A off", "line one\nline two", "carriage\rreturn", "ends with a newline\n",
           "\n::warning::a second command", "%0A::error::encoded", "a:b,c=d::e"]


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_problem_is_one_workflow_command_that_reads_back_as_written(hostile):
    problem = Problem(f"translations/fr/{hostile}.yml", 12, f"op1-{hostile}", "fr", f"says {hostile}")
    command = workflow_command(problem)
    assert "\n" not in command and "\r" not in command
    match = re.fullmatch(r"::error file=([^,:]*),line=12,title=([^,:]*)::(.*)", command)
    assert match, command
    assert unescape(match.group(1)) == problem.path
    assert unescape(match.group(2)) == f"make check: op1-{hostile} [fr]"
    assert unescape(match.group(3)) == str(problem)
    assert match.group(3) == escape_data(str(problem))


def test_make_check_on_github_actions_puts_each_problem_on_its_line(project_copy):
    line = write_entry(project_copy, "fr", "communique", "op1-iii", "")
    replace_text(project_copy, "translations/fr/site.yml", "full-text-title:\n",
                 '"evil\\n::warning file=x::owned":\n  text: "x"\nfull-text-title:\n')
    result = cli(project_copy, "check", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    output = result.stdout.splitlines()
    commands = [o for o in output if o.startswith("::")]
    plain = [o for o in output if not o.startswith("::")][:-1]
    assert len(commands) == len(plain) >= 2
    assert all(c.startswith("::error file=") for c in commands), commands
    assert (f"::error file=translations/fr/communique.yml,line={line},title=make check%3A op1-iii [fr]::"
            f"translations/fr/communique.yml:{line}: op1-iii: [fr] translation is empty; write the text") in commands
    assert not cli(project_copy, "check").stdout.startswith("::")


def test_make_check_prints_no_workflow_command_off_github(project_copy):
    write_entry(project_copy, "fr", "communique", "op1-iii", "")
    result = cli(project_copy, "check", env={"GITHUB_ACTIONS": ""})
    assert result.returncode == 1 and not [o for o in result.stdout.splitlines() if o.startswith("::")]


def test_a_file_exported_before_the_english_changed_cannot_bring_that_entry_back(project_copy, tmp_path):
    path = export(project_copy, "fr", "po", tmp_path / "fr.po")
    english = "Sharing best practise on preventing and tackling this crime in all of its forms;"
    replace_text(project_copy, "translations/en/communique.yml", english, english.replace("Sharing", "Sharing widely"))
    po = polib.pofile(str(path))
    po_entry(po, "communique:op1-iii").msgstr = "Partager les bonnes pratiques ;"
    po.save(str(path))
    line = po_entry(polib.pofile(str(path)), "communique:op1-iii").linenum
    result = cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path.as_posix()}:{line}: communique:op1-iii: [fr] gives English that is not "
                                    "the current English of this entry")


def test_pull_requests_get_a_fast_check_and_strict_build_before_the_whole_suite():
    import yaml

    jobs = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))["jobs"]
    runs = [step.get("run", "") for step in jobs["check"]["steps"]]
    assert runs.index("make check") < runs.index("make build")
    assert jobs["check"]["timeout-minutes"] <= 15 and "if" not in jobs["check"]
    assert jobs["build"]["needs"] == "check"
    assert not [s for s in jobs["check"]["steps"] if "make test" in s.get("run", "")]


def test_make_export_and_import_take_the_language_only_from_the_command_line(tmp_path):
    out = tmp_path / "fr file.xlf"
    made = subprocess.run(["make", "--no-print-directory", "export", "LANG=fr", "FORMAT=xliff", f"OUT={out}"],
                          cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert etree.parse(str(out)).getroot().get("trgLang") == "fr"
    from_locale = subprocess.run(["make", "--no-print-directory", "export"], cwd=ROOT, capture_output=True, text=True,
                                 env={**os.environ, "LANG": "fr_FR.UTF-8"})
    assert from_locale.returncode != 0 and "name the language to exchange: LANG= one of fr" in from_locale.stderr
    missing = subprocess.run(["make", "--no-print-directory", "import", "LANG=fr", f"FILE={tmp_path / 'none.po'}",
                              "NAME=Awa N'Diaye $HOME"], cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode != 0 and "none.po: [fr] does not exist" in missing.stderr


def test_a_po_file_polib_cannot_read_is_one_problem_at_its_line(project_copy, tmp_path):
    path = export(project_copy, "fr", "po", tmp_path / "fr.po")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[20] = 'msgstr "an unclosed quote'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli(project_copy, "import", "fr", str(path), "--name", "Awa N'Diaye")
    assert result.returncode == 1
    assert re.match(rf"{re.escape(path.as_posix())}:\d+: \[fr\] is not a PO file polib can read", result.stderr)
