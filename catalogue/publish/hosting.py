"""What a host needs next to the built site: its header rules, and every text file precompressed.

Static hosts and nginx serve `x.gz` / `x.br` instead of `x` to browsers that accept them
(nginx: `gzip_static`, `brotli_static`), so readers on slow, costly connections get the
smallest file without the server compressing anything. The output is reproducible: gzip
carries no name and no time, brotli has neither.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".csv", ".ris", ".xml", ".svg", ".map", ".txt"})


def text_files(site: Path) -> list[Path]:
    """The files of `site` worth compressing, in a stable order."""
    return sorted(path for path in site.rglob("*") if path.is_file() and path.suffix in TEXT_SUFFIXES)


def precompress(site: Path) -> int:
    """Write `name.gz` and `name.br` (best compression) next to every text file of `site`; return how many files."""
    files = text_files(site)
    for path in files:
        data = path.read_bytes()
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
    return len(files)


def prepare_for_hosting(site: Path, headers: bytes) -> int:
    """Make a built `site` ready to publish: `headers` (deploy/_headers) as `_headers` at its root
    (Netlify, Cloudflare Pages) and precompressed text files; return how many files were compressed."""
    (site / "_headers").write_bytes(headers)
    return precompress(site)
