"""What the tests share: the project's root, its languages and published clause ids, URL prefixes,
and the helpers that edit a throwaway copy of the project as a contributor would, by text.
Nothing here touches the real project. (Fixtures are in conftest.py; test modules import this.)"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import yaml
from mkdocs.config import load_config

from catalogue import load
from catalogue.domain.model import Language, fingerprint
from catalogue.sources.languages import from_entries

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Every clause id of the communique, in order: each is published and must stay reachable.
CLAUSES = ["preamble", "pp1", "pp2", "pp3", "op1", "op1-i", "op1-ii", "op1-iii", "op1-iv", "op1-v",
           "op1-vi", "op1-vii", "op1-viii", "op2", "op3"]
PROJECT_PARTS = ("data", "translations", "docs", "overrides", "hooks", "catalogue", "schemas", "deploy", "mkdocs.yml")


@lru_cache(maxsize=None)
def _configured(config_file: Path) -> tuple[Language, ...]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file))
    return tuple(from_entries(dict(entry) for entry in config.plugins["i18n"].config.languages))


def languages(root: Path = ROOT) -> list[Language]:
    """The site's languages as MkDocs reads them from `root`/mkdocs.yml (the real project's by default)."""
    return list(_configured(root / "mkdocs.yml"))


CODES = [language.code for language in languages()]


def prefix(code: str) -> str:
    """The URL folder of a language: '' for the default (English), 'fr/' otherwise."""
    return "" if code == CODES[0] else f"{code}/"


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The translators' command line on the project at `root`, as the Makefile's targets run it."""
    return subprocess.run([sys.executable, str(ROOT / "hooks/catalogue_cli.py"), "--root", str(root), *args],
                          capture_output=True, text=True, cwd=ROOT)


def problem_lines(root: Path) -> list[str]:
    """Every problem `catalogue.load` finds in the project at `root`, as printed."""
    _, problems = load(root, languages())
    return [str(problem) for problem in problems]


def replace_text(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file `rel` of the copy."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{rel}: expected {old!r} exactly once, found it {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def append_text(root: Path, rel: str, addition: str) -> None:
    """Add `addition` at the end of the file `rel` of the copy, on a line of its own."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + addition, encoding="utf-8")


def replace_block(root: Path, rel: str, header: str, new: str) -> None:
    """Replace the YAML block opened by the line `header` (the line and every deeper-indented
    line under it) with `new`, e.g. a whole `op1-iii:` entry or one `- id: op3` clause."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.rstrip("\n") == header]
    assert len(starts) == 1, f"{rel}: expected the line {header!r} exactly once, found it {len(starts)} times"
    start = end = starts[0]
    indent = len(header) - len(header.lstrip())
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        if line.strip():
            end = index
    path.write_text("".join(lines[:start]) + new + "".join(lines[end + 1:]), encoding="utf-8")


def lines_of(root: Path, rel: str, start: str) -> list[int]:
    """The 1-based numbers of the lines of `rel` that begin with `start` (ignoring indentation)."""
    text = (root / rel).read_text(encoding="utf-8")
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.lstrip().startswith(start)]


def line_of(root: Path, rel: str, start: str) -> int:
    """The number of the one line of `rel` that begins with `start` (ignoring indentation)."""
    found = lines_of(root, rel, start)
    assert len(found) == 1, f"{rel}: expected one line starting {start!r}, found {found}"
    return found[0]


def publish_language(root: Path, lang: str, published: bool = True) -> None:
    """Mark `lang` as published in the copy (held to completeness, fingerprints and review) or as a draft."""
    (root / f"translations/{lang}/language.yml").write_text(f"published: {str(published).lower()}\n", encoding="utf-8")


def english_text(root: Path, domain: str, key: str) -> str:
    """The English text of `key` in the copy."""
    data = yaml.safe_load((root / f"translations/en/{domain}.yml").read_text(encoding="utf-8"))
    entry = data[key]
    return entry["text"] if isinstance(entry, dict) else entry


def translation_entry(key: str, text: str, *, source: str | None, status: str | None = "machine-draft",
                      reviewer: str | None = None, extra: str = "") -> str:
    """A translation entry as a translator writes it (text in YAML double quotes)."""
    lines = [f"{key}:\n", f"  text: {_quoted(text)}\n"]
    lines += [f"  source: {source}\n"] if source is not None else []
    lines += [f"  status: {status}\n"] if status is not None else []
    lines += [f"  reviewer: {reviewer}\n"] if reviewer is not None else []
    return "".join(lines) + extra


def write_entry(root: Path, lang: str, domain: str, key: str, text: str, *,
                source: str | None = "current", **fields: str | None) -> int:
    """Replace the `lang` entry of `key` in the copy; return the line of its id.

    `source="current"` stamps it with the fingerprint of the copy's English, so the
    entry's own text is the only thing that can be wrong with it.
    """
    if source == "current":
        source = fingerprint(english_text(root, domain, key))
    rel = f"translations/{lang}/{domain}.yml"
    replace_block(root, rel, f"{key}:", translation_entry(key, text, source=source, **fields))
    return line_of(root, rel, f"{key}:")


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def leaks(folder: Path, payload: str) -> list[str]:
    """The files under `folder` (if it exists) that contain `payload` (gzipped files decompressed:
    the search index's fragments are)."""
    def contents(path: Path) -> bytes:
        data = path.read_bytes()
        return gzip.decompress(data) if data.startswith(b"\x1f\x8b") else data
    return [str(path.relative_to(folder)) for path in sorted(folder.rglob("*"))
            if path.is_file() and payload.encode() in contents(path)]
