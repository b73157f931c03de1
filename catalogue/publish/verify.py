"""The built site against the output allowlist, file by file (catalogue/validate/files.py), once
the build has written everything: after Pagefind and the offline copies."""

from __future__ import annotations

import os
from pathlib import Path

from catalogue.publish import scripts
from catalogue.validate.allowlist import SITE, Allowlist
from catalogue.validate.files import Found, check_file, kind_of
from catalogue.validate.output import Violation, check_page


def check_site(site: Path, site_url: str, domains: tuple[str, ...], theme: Path, docs: Path,
               checked: frozenset[str] = frozenset(), allow: Allowlist = SITE) -> list[Found]:
    """Every violation in the built site at `site`. `theme`: the installed Material's templates folder;
    `docs`: the docs folder (maintainer assets); `checked`: pages already verified as they were written."""

    def page(html: str, path: str) -> list[Violation]:
        return check_page(html, path, site_url, domains, allow)

    regular, strange = _walk(site)
    root = str(site)

    def read(path: str) -> bytes:
        with open(os.path.join(root, path), "rb") as file:
            return file.read()

    def site_file(path: str) -> bytes | None:
        return read(path) if path in regular else None

    def source(kind: str, path: str) -> bytes | None:
        file = (theme if kind == "theme" else docs) / path
        if not file.is_file():
            return None
        return scripts.minified(file.read_bytes()) if kind == "own" and path.endswith(".js") else file.read_bytes()

    out: list[Found] = [Found(path, Violation(what)) for path, what in strange]
    for path in sorted(regular):
        kind = kind_of(path, allow)
        if not (kind == "page" and path in checked) and kind != "pagefind":
            out += check_file(path, read(path), site_url, page, site_file, source, allow, domains)
    return sorted(out, key=lambda found: found.path)


def _walk(site: Path) -> tuple[set[str], list[tuple[str, str]]]:
    """The plain files under `site` (by path from it), and what else is there: symbolic links (not followed)
    and anything that is neither a file nor a folder."""
    regular: set[str] = set()
    strange: list[tuple[str, str]] = []
    folders = [("", str(site))]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = prefix + entry.name
                if entry.is_symlink():
                    strange.append((path, "is a symbolic link"))
                elif entry.is_dir(follow_symlinks=False):
                    folders.append((path + "/", entry.path))
                elif entry.is_file(follow_symlinks=False):
                    regular.add(path)
                else:
                    strange.append((path, "is not a plain file or folder"))
    return regular, strange
