"""The site builds with a second engine: ProperDocs, the maintained fork of MkDocs 1.6, gives the same
site byte for byte (every page, file, search index and offline zip) but for the generator tag, so the
site can leave MkDocs 1.6 without a rewrite."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from tests.sitebuild import ROOT, build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _normal(name: str, data: bytes) -> bytes:
    """A file as both engines must write it: HTML without its generator tag, a zip member by member."""
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return repr([(info.filename, info.date_time, info.external_attr, _normal(info.filename, archive.read(info)))
                         for info in archive.infolist()]).encode()
    return GENERATOR.sub(b"<meta generator>", data) if name.endswith(".html") else data


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): _normal(path.name, path.read_bytes())
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs_apart_from_the_generator_tag(site, tmp_path):
    built = build(ROOT, tmp_path / "properdocs-site", engine="properdocs")
    assert built.returncode == 0, built.output
    assert "ProperDocs" in built.html("").find("meta", attrs={"name": "generator"})["content"]
    ours, theirs = _files(site.site), _files(built.site)
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []


def test_the_comparison_sees_a_difference_other_than_the_generator_tag():
    page = b'<head><meta name="generator" content="mkdocs-1.6.1"><title>A</title>'
    assert _normal("index.html", page) == _normal("index.html", page.replace(b"mkdocs-1.6.1", b"ProperDocs 1.6.7"))
    assert _normal("index.html", page) != _normal("index.html", page.replace(b"<title>A", b"<title>B"))
