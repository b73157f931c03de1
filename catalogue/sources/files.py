"""Only the files the site expects may be in the folders contributors change: docs/ holds
docs/<lang>/**/*.md and a named list of maintainer assets; no symlink anywhere in docs/,
translations/, data/ or overrides/; every name lower-case letters, digits and hyphens."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from catalogue.domain.problems import Problem

WATCHED = ("docs", "translations", "data", "overrides")
# Everything docs/ may hold besides the pages: the maintainers' files, published as they are.
ASSETS = ("assets/exit.js", "assets/favicon.svg", "assets/material-scope.js", "assets/offline.js", "assets/reader.js",
          "assets/search.js", "assets/site.css", "offline-sw.js")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)?$")
_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")


def _walk(root: Path, folder: str) -> Iterable[tuple[str, bool, bool]]:
    """(path relative to `root`, is a folder, is a symlink) of everything under `folder`, symlinks not followed."""
    top = root / folder
    if top.is_symlink():
        yield folder, True, True
        return
    for current, folders, files in os.walk(top):
        base = Path(current).relative_to(root).as_posix()
        for name in sorted(folders):
            link = (Path(current) / name).is_symlink()
            yield f"{base}/{name}", True, link
        folders[:] = sorted(name for name in folders if not (Path(current) / name).is_symlink())
        for name in sorted(files):
            yield f"{base}/{name}", False, (Path(current) / name).is_symlink()


def _language_of(rel: str) -> str:
    parts = rel.split("/")
    return parts[1] if parts[0] in ("docs", "translations") and len(parts) > 2 else ""


def unexpected_files(root: Path, languages: Iterable[str]) -> list[Problem]:
    """One problem for each file or folder that may not be there: a symlink (which would publish
    or read whatever it points to), a name outside lower-case letters, digits and hyphens (a name
    becomes a URL), a file in docs/ that is neither a page of a language nor a maintainer asset."""
    codes = set(languages)
    problems = []
    for folder in WATCHED:
        for rel, is_folder, is_link in _walk(Path(root), folder):
            name = rel.rsplit("/", 1)[-1]
            language_folder = rel.count("/") == 1 and folder in ("docs", "translations") and is_folder
            lang = _language_of(rel)
            if is_link:
                problems.append(Problem(rel, 0, "", lang, "is a symbolic link; replace it by the file itself "
                                        "(a link would publish, or read, whatever it points to)"))
            elif not (_NAME.match(name) or language_folder and _LANGUAGE_FOLDER.match(name)):
                problems.append(Problem(rel, 0, "", lang, "has a name that is not lower-case letters, digits and "
                                        "hyphens (and an extension such as .md); rename it"))
            elif folder == "docs" and not is_folder:
                inside = rel.removeprefix("docs/")
                first = inside.split("/", 1)[0]
                if inside in ASSETS:
                    continue
                if first in codes and inside.endswith(".md"):
                    continue
                if first in codes:
                    page = inside.split("/", 1)[-1].rsplit(".", 1)[0]
                    problems.append(Problem(rel, 1, page, first, "is not a Markdown page; MkDocs would publish it as "
                                            "it is (images, styles and scripts belong in docs/assets/, which only "
                                            "maintainers change)"))
                else:
                    problems.append(Problem(rel, 0, "", "", "is not a page of a language (docs/<lang>/...md) nor one "
                                            f"of the site's assets ({', '.join('docs/' + a for a in ASSETS)}); "
                                            "move or remove it"))
    return problems


def refused(problems: Iterable[Problem]) -> tuple[frozenset[str], frozenset[str]]:
    """What a build that goes on past problems (`mkdocs serve`) does with docs/, by path relative to it:
    the files and folders it leaves out (a symlink, a name or a file that may not be there: whatever
    their page would show, their name alone could put markup in a URL), and the pages it shows in
    English instead (a page whose content fails its checks)."""
    docs = [p for p in problems if p.path.startswith("docs/")]
    left_out = frozenset(p.path.removeprefix("docs/") for p in docs if p.line == 0 or not p.path.endswith(".md"))
    return left_out, frozenset(p.path.removeprefix("docs/") for p in docs) - left_out
