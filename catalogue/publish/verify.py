"""The built site against the output allowlist, file by file (catalogue/validate/files.py), once
the build has written everything: after Pagefind and the offline copies."""

from __future__ import annotations

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

    def site_file(path: str) -> bytes | None:
        return (site / path).read_bytes() if (site / path).is_file() and not (site / path).is_symlink() else None

    def source(kind: str, path: str) -> bytes | None:
        file = (theme if kind == "theme" else docs) / path
        if not file.is_file():
            return None
        return scripts.minified(file.read_bytes()) if kind == "own" and path.endswith(".js") else file.read_bytes()

    out: list[Found] = []
    for file in sorted(site.rglob("*")):
        path = file.relative_to(site).as_posix()
        if file.is_symlink():
            out.append(Found(path, Violation("is a symbolic link")))
        elif file.is_file() and not (path in checked and kind_of(path, allow) == "page") and kind_of(path, allow) != "pagefind":
            out += check_file(path, file.read_bytes(), site_url, page, site_file, source, allow, domains)
    return out
