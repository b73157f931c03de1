"""A zip per language of the built site that works opened from disk (file://).

Built pages link to folders ('../op1-iv/'), which a browser cannot open from disk: every
link to a page in the zip is pointed at its index.html, links to pages left out go to the
site online, and only the assets the pages use are packed. Fixed timestamps and sorted
entries make the same site give the same bytes.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from catalogue.domain.model import Catalogue, Language
from catalogue.render.urls import localised, site_root, zip_path

SECTIONS = ("", "communique/", "frameworks/", "crosswalk/")
_URL = re.compile(r'(?P<attr>\s(?:href|src)="|content="0; url=)(?P<url>[^"]*)"')
_ALTERNATE = re.compile(r'\s*<link rel="alternate"[^>]*>')
_ELSEWHERE = re.compile(r"[a-z][a-z0-9+.-]*:|//", re.IGNORECASE)  # another site, or a scheme such as mailto:
_EPOCH = (1980, 1, 1, 0, 0, 0)


def pages_of(site: Path, language: Language) -> list[str]:
    """The language's home page, communique, clause pages, framework pages and crosswalk."""
    found = []
    for section in SECTIONS:
        folder = site / localised(language, section)
        found += [file.relative_to(site).as_posix() for file in (folder.rglob("index.html") if section else [folder / "index.html"])]
    return sorted(found)


def rewrite(html: str, rel: str, members: set[str], site_url: str) -> tuple[str, set[str]]:
    """The page `rel` with links that work from disk, and the other site files it uses."""
    used = set()
    fixed: dict[str, tuple[str, str | None]] = {}  # a page repeats its links (navigation, assets)

    def fix(match: re.Match) -> str:
        url = match.group("url")
        if url not in fixed:
            fixed[url] = _fix(url, rel, members, site_url)
        replacement, target = fixed[url]
        if target:
            used.add(target)
        return match.group(0) if replacement is None else f'{match.group("attr")}{replacement}"'

    html = _URL.sub(fix, html)
    return (_ALTERNATE.sub("", html) if '<link rel="alternate"' in html else html), used


def _fix(url: str, rel: str, members: set[str], site_url: str) -> tuple[str | None, str | None]:
    """What `url` on page `rel` becomes (None: unchanged), and the site file it uses, if any."""
    path, _, fragment = url.partition("#")
    if not path or _ELSEWHERE.match(url):
        return None, None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    if not (path.endswith("/") or posixpath.basename(path) in (".", "..")):
        return None, target
    folder = "" if target == "." else target + "/"
    new = path.rstrip("/") + "/index.html" if folder + "index.html" in members else site_url + folder
    return new + ("#" + fragment if fragment else ""), None


def build(site: Path, language: Language, site_url: str) -> bytes:
    """The offline copy of one language, as the bytes of a zip."""
    pages = pages_of(site, language)
    members = set(pages)
    entries: dict[str, bytes] = {}
    files: set[str] = set()
    for rel in pages:
        text, used = rewrite((site / rel).read_text(encoding="utf-8"), rel, members, site_url)
        entries[rel] = text.encode("utf-8")
        files |= {path for path in used if (site / path).is_file()}
    for path in files - members:
        entries[path] = (site / path).read_bytes()
    if language.prefix:
        start = localised(language, "index.html")
        entries["index.html"] = (f'<!doctype html><html lang="{language.code}"><meta charset="utf-8">'
                                 f'<meta http-equiv="refresh" content="0; url={start}"><title>{language.name}</title>'
                                 f'<p><a href="{start}">{language.name}</a></p></html>\n').encode("utf-8")
    return _zip(entries)


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


def write_all(site: Path, catalogue: Catalogue, site_url: str) -> None:
    """Write every language's offline copy into the built site."""
    base = site_root(site_url)
    for language in catalogue.languages:
        target = site / zip_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(build(site, language, base))
