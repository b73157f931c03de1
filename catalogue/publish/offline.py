"""A zip per language of the built site that works opened from disk (file://).

Built pages link to folders ('../op1-iv/'), which a browser cannot open from disk: every
link to a page in the zip is pointed at its index.html, links to pages left out go to the
site online. The members are chosen from the files the build wrote (the language's pages,
its citations and the assets every page loads), never from the links in a page, and are
named from the site root, so none can leave the archive's root. Fixed timestamps and sorted
entries make the same site give the same bytes.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from catalogue.domain.model import Catalogue, Language
from catalogue.render.urls import localised, site_root, zip_path
from catalogue.validate.files import kind_of

SECTIONS = ("", "communique/", "frameworks/", "crosswalk/")
ASSETS = re.compile(r"assets/(favicon\.svg|site\.css|[a-z-]+\.js|javascripts/bundle\.[0-9a-f]+\.min\.js"
                    r"|stylesheets/(main|palette|site)\.[0-9a-f]+\.min\.css)")
# Read in the page's bytes: an attribute follows ASCII white space only (what `\s` matches in bytes).
_URL = re.compile(rb'(?P<attr>\s(?:href|src)="|content="0; url=)(?P<url>[^"]*)"')
_ALTERNATE = re.compile(rb'(?<!\s)\s*<link rel="alternate"[^>]*>')  # from the run's first space only: linear
_ELSEWHERE = re.compile(r"[a-z][a-z0-9+.-]*:|//", re.IGNORECASE)  # another site, or a scheme such as mailto:
_EPOCH = (1980, 1, 1, 0, 0, 0)


def written(site: Path) -> set[str]:
    """Every file the build wrote, by path from the site root (no links: only plain files)."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file() and not path.is_symlink()}


def pages_of(files: set[str], language: Language) -> list[str]:
    """The language's home page, communique, clause pages, framework pages and crosswalk."""
    prefix = language.prefix
    return sorted(path for path in files if path == prefix + "index.html" or any(
        path.startswith(prefix + section) and path.endswith("/index.html") for section in SECTIONS if section))


def members_of(files: set[str], language: Language) -> set[str]:
    """What the offline copy holds besides its pages: the assets pages load and the language's citations."""
    cites = re.compile(re.escape(language.prefix) + r"communique/[a-z0-9-]+/cite\.(ris|json)")
    return {path for path in files if ASSETS.fullmatch(path) or cites.fullmatch(path)}


Edit = tuple[int, int, bytes]  # page[start:end], an address, written `new` instead: (start, end, new)


def rewrite(page: str, rel: str, members: set[str], site_url: str) -> str:
    """The page `rel` with links that work from disk: to a member, or else to the site online."""
    return respelt(page.encode("utf-8", "surrogatepass"), rel, members, site_url)[0].decode("utf-8", "surrogatepass")


def respelt(page: bytes, rel: str, members: set[str], site_url: str) -> tuple[bytes, tuple[Edit, ...] | None]:
    """`rewrite` on the page's bytes; and the edits that made it, in order, where they stand in `page`, for the
    verifier to retrace (files.with_edits): None when more than addresses changed (alternate links dropped)."""
    fixed: dict[bytes, bytes | None] = {}  # a page repeats its links (navigation, assets)
    edits: list[Edit] = []

    def fix(match: re.Match) -> bytes:
        url = match.group("url")
        if url not in fixed:
            new = _fix(url.decode("utf-8", "surrogateescape"), rel, members, site_url)
            fixed[url] = None if new is None else new.encode("utf-8", "surrogateescape")
        replacement = fixed[url]
        if replacement is None:
            return match.group(0)
        edits.append((match.start("url"), match.end("url"), replacement))
        return match.group("attr") + replacement + b'"'

    page = _URL.sub(fix, page)
    if b'<link rel="alternate"' in page:
        return _ALTERNATE.sub(b"", page), None
    return page, tuple(edits)


def _fix(url: str, rel: str, members: set[str], site_url: str) -> str | None:
    """What `url` on page `rel` becomes (None: unchanged)."""
    path, _, fragment = url.partition("#")
    if not path or _ELSEWHERE.match(url):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    if target == ".." or target.startswith("../"):
        return None  # outside the site: the page verifier refuses such a page
    is_folder = path.endswith("/") or posixpath.basename(path) in (".", "..")
    folder = "" if target == "." else target + "/"
    if not is_folder:
        return None if target in members else site_url + target
    new = path.rstrip("/") + "/index.html" if folder + "index.html" in members else site_url + folder
    return new + ("#" + fragment if fragment else "")


def build(site: Path, language: Language, site_url: str, files: set[str] | None = None) -> bytes:
    """The offline copy of one language, as the bytes of a zip; `files`: what the build wrote."""
    return _zip(contents(site, language, site_url, written(site) if files is None else files))


def contents(site: Path, language: Language, site_url: str, files: set[str]) -> dict[str, bytes]:
    """What the offline copy of one language holds, by name in the archive. Its pages are the site's with
    other links only: from disk, assets/search.js shows each page's note on finding text instead of the search
    box (browsers refuse the search's module from file://)."""
    return contents_and_edits(site, language, site_url, files)[0]


def contents_and_edits(site: Path, language: Language, site_url: str, files: set[str]
                       ) -> tuple[dict[str, bytes], dict[str, tuple[Edit, ...]]]:
    """`contents`, and each page's edits (`respelt`) when only its addresses were written otherwise."""
    pages = pages_of(files, language)
    others = members_of(files, language)
    packed = set(pages) | others
    entries: dict[str, bytes] = {}
    edits: dict[str, tuple[Edit, ...]] = {}
    for rel in pages:
        entries[rel], made = respelt((site / rel).read_bytes(), rel, packed, site_url)
        if made is not None:
            edits[rel] = made
    entries |= {path: (site / path).read_bytes() for path in others}
    if language.prefix:
        start, name = html.escape(localised(language, "index.html")), html.escape(language.name)
        entries["index.html"] = (f'<!doctype html><html lang="{html.escape(language.code)}"><meta charset="utf-8">'
                                 f'<meta http-equiv="refresh" content="0; url={start}"><title>{name}</title>'
                                 f'<p><a href="{start}">{name}</a></p></html>\n').encode("utf-8")
    return entries, edits


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])
    return out.getvalue()


@dataclass(frozen=True)
class Packed:
    """An offline copy whose members passed the check as they were packed: a verifier that finds the same
    bytes there later, beside the same copied files, need not unpack it again (verify.check_site)."""

    data: bytes  # the zip, as written
    copies: Mapping[str, bytes]  # each member copied from the site's file of that path (all but the pages), as packed
    names: frozenset[str]  # every member

    @classmethod
    def of(cls, data: bytes, entries: Mapping[str, bytes]) -> Packed:
        """The zip `data`, packed from `entries` (name → bytes)."""
        return cls(data, {name: body for name, body in entries.items() if kind_of(name) != "page"}, frozenset(entries))


def write_all(site: Path, catalogue: Catalogue, site_url: str,
              check: Callable[[dict[str, bytes], Mapping[str, tuple[Edit, ...]]], bool] | None = None
              ) -> dict[str, Packed]:
    """Write every language's offline copy into the built site. Returns each copy whose members passed
    `check` (given them and the edits that made its pages) as they were packed, by path from the site root."""
    base = site_root(site_url)
    files = written(site)
    passed = {}
    for language in catalogue.languages:
        target = site / zip_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        entries, edits = contents_and_edits(site, language, base, files)
        data = _zip(entries)
        target.write_bytes(data)
        if check is not None and check(entries, edits):
            passed[zip_path(language)] = Packed.of(data, entries)
    return passed
