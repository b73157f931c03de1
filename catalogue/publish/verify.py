"""The built site against the output allowlist, file by file (catalogue/validate/files.py), once
the build has written everything: after Pagefind and the offline copies, whose members are checked
as they are packed (`members_check`)."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Iterable, Mapping, Set
from pathlib import Path
from types import MappingProxyType

from catalogue.publish import scripts
from catalogue.publish.offline import Packed
from catalogue.validate.allowlist import SITE, Allowlist
from catalogue.validate.files import Found, check_file, check_members, kind_of
from catalogue.validate.output import Violation, check_page, collector_paused


@collector_paused
def check_site(site: Path, site_url: str, domains: tuple[str, ...], theme: Path, docs: Path,
               checked: frozenset[str] = frozenset(), allow: Allowlist = SITE,
               packed: Mapping[str, Packed] = MappingProxyType({})) -> list[Found]:
    """Every violation in the built site at `site`. `theme`: the installed Material's templates folder;
    `docs`: the docs folder (maintainer assets); `checked`: pages already verified as they were written;
    `packed`: offline copies whose members were verified as they were packed (`members_check`): one that
    holds other bytes now, or beside a copied file that changed since, is unpacked and checked in full.
    An offline copy that holds a file refused here (its copy, or the page its page was made from) is
    refused too, whichever way it was checked."""

    def page(html: str, path: str) -> list[Violation]:
        return check_page(html, path, site_url, domains, allow)

    regular, strange = _walk(site)
    root = str(site)
    copied = {copy for done in packed.values() for copy in done.copies}
    kept: dict[str, bytes] = {}  # the files copied into an offline copy, as they were checked (read once)

    def read(path: str) -> bytes:
        if path in kept:
            return kept[path]
        with open(os.path.join(root, path), "rb") as file:
            data = file.read()
        if path in copied:
            kept[path] = data
        return data

    def site_file(path: str) -> bytes | None:
        return read(path) if path in regular else None

    def source(kind: str, path: str) -> bytes | None:
        file = (theme if kind == "theme" else docs) / path
        if not file.is_file():
            return None
        return scripts.minified(file.read_bytes()) if kind == "own" and path.endswith(".js") else file.read_bytes()

    def unchanged(done: Packed | None, data: bytes) -> bool:
        return done is not None and data == done.data and all(
            copy in regular and read(copy) == body for copy, body in done.copies.items())

    out: list[Found] = [Found(path, Violation(what)) for path, what in strange]
    refused: set[str] = set()
    archives: dict[str, frozenset[str]] = {}  # each offline copy → its members' names
    later: list[tuple[str, bytes]] = []  # the offline copies checked as they were packed: once the rest is read
    for path in sorted(regular):
        kind = kind_of(path, allow)
        if (kind == "page" and path in checked) or kind == "pagefind":
            continue
        data = read(path)
        if kind == "zip":
            done = packed.get(path)
            archives[path] = done.names if done is not None else _names(data)
            if done is not None:
                later.append((path, data))
                continue
        found = check_file(path, data, site_url, page, site_file, source, allow, domains)
        if found:
            refused.add(path)
            out += found
    for path, data in later:
        if unchanged(packed[path], data):
            continue
        archives[path] = _names(data)  # what it holds now, not what was packed
        if found := check_file(path, data, site_url, page, site_file, source, allow, domains):
            refused.add(path)
            out += found
    for path, names in archives.items():
        held = sorted(names & refused) if path not in refused else []
        if held:
            out.append(Found(path, Violation("is made from the site's file of that name, which is refused", held[0]), held[0]))
    return sorted(out, key=lambda found: found.path)


def _names(data: bytes) -> frozenset[str]:
    """The names of a zip's members (none for what is not a zip: check_zip says so)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return frozenset(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return frozenset()


def members_check(site: Path, site_url: str, domains: tuple[str, ...], checked: Set[str],
                  allow: Allowlist = SITE) -> Callable[..., bool]:
    """Whether an offline copy's members, as the build is about to pack them (name → bytes), are all the
    allowlist allows (files.check_members): each page the site's page verified as it was written (in
    `checked`), with links spelt otherwise (the build's `edits` of it retraced, else the two compared), or
    else allowed in full; each other member the site's plain file of that path. What it passes need not be
    unpacked again (`check_site`'s `packed`)."""
    regular: set[str] = set()

    def site_file(path: str) -> bytes | None:
        if not regular:
            regular.update(_walk(site)[0])
        if path not in regular:
            return None
        with open(os.path.join(site, path), "rb") as file:
            return file.read()

    def page(html: str, path: str) -> list[Violation]:
        return check_page(html, path, site_url, domains, allow)

    @collector_paused
    def check(members: Mapping[str, bytes], edits: Mapping[str, Iterable[tuple[int, int, bytes]]] = MappingProxyType({})) -> bool:
        return not check_members(members.items(), site_file, page, allow, site_url, checked.__contains__, edits)

    return check


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
