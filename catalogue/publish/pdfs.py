"""Each language's full text as a PDF, printed by WeasyPrint from render/pdf.py's document.

A PDF is printed once: it is kept in a cache folder outside the site (`.cache/pdf/`) under a name
made of what it depends on (the HTML document, WeasyPrint's version, the fonts' bytes and this
file's source), so a rebuild with nothing changed prints none (nor loads WeasyPrint). The same input gives the
same bytes: the document carries no date (WeasyPrint writes /CreationDate and /ModDate only from
the document's own metadata) and the file identifier (/ID) is made from the key.
Nothing is fetched while printing: the URL fetcher refuses every address, and the document names
none to load (its fonts are found by family name, through fontconfig).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONTS = ("NotoSans", "NotoSansArabic", "NotoSansEthiopic")  # render/pdf.py's families, by file name
REQUIREMENTS = "install the pinned Python packages (pip install -r requirements.txt)"
SYSTEM = "install Debian's libpango-1.0-0 libpangoft2-1.0-0 (make build installs them)"


class PdfError(Exception):
    """A PDF cannot be printed on this machine (one line: what is missing and what to install)."""


@dataclass(frozen=True)
class Written:
    rendered: int
    reused: int


def font_files() -> list[Path]:
    """The fonts the documents are set in; a missing one stops the build (fontconfig would put another in its place)."""
    files = [FONT_DIR / f"{family}-{weight}.ttf" for family in FONTS for weight in ("Regular", "Bold")]
    missing = next((file for file in files if not file.is_file()), None)
    if missing:
        raise PdfError(f"the PDFs need the Noto fonts of Debian's fonts-noto-core: {missing} is missing; "
                       "install it with: apt-get install fonts-noto-core")
    return files


@lru_cache(maxsize=None)
def weasyprint():
    """WeasyPrint, imported on first use: without it, or without Pango, the build stops with what to install."""
    try:
        import weasyprint as module
    except ImportError:
        raise PdfError(f"the PDFs need WeasyPrint, which is not installed: {REQUIREMENTS}") from None
    except OSError as error:  # cffi could not load Pango (or one of its libraries)
        raise PdfError(f"the PDFs need Pango, which WeasyPrint could not load ({str(error).splitlines()[0]}): "
                       f"{SYSTEM}") from None
    return module


@lru_cache(maxsize=None)
def version() -> str:
    """What every PDF depends on besides its document: this file, the fonts and WeasyPrint's version, read
    from its installed metadata (importing WeasyPrint and loading Pango take a second, which a rebuild
    that finds every PDF in the cache does without)."""
    try:
        installed = metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        raise PdfError(f"the PDFs need WeasyPrint, which is not installed: {REQUIREMENTS}") from None
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(repr([installed]).encode())
    for file in font_files():
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def key(document: str) -> str:
    return hashlib.sha256(version().encode() + b"\0" + document.encode("utf-8")).hexdigest()


@lru_cache(maxsize=None)
def _fetcher():
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class Refusing(URLFetcher):
        def fetch(self, url, headers=None):
            raise FatalURLFetchingError(f"refused {url[:80]!r}: the PDF's document may load nothing")

    return Refusing(allowed_protocols=(), fail_on_errors=True)


def render(document: str) -> bytes:
    """The PDF of one document (render/pdf.py), the same bytes every time."""
    module = weasyprint()
    from weasyprint.urls import FatalURLFetchingError

    try:
        html = module.HTML(string=document, base_url="about:blank", url_fetcher=_fetcher())
        return html.write_pdf(pdf_identifier=key(document)[:32].encode("ascii"), pdf_tags=True)
    except FatalURLFetchingError as error:
        raise PdfError(f"{error.__cause__ or error}") from None


def write_all(site: Path, documents: Mapping[str, str], cache: Path) -> Written:
    """Each document's PDF at its path in the site (`documents`: path → HTML), from the cache or printed into it."""
    font_files()
    cache.mkdir(parents=True, exist_ok=True)
    rendered = 0
    for path, document in sorted(documents.items()):
        kept = cache / f"{key(document)}.pdf"
        if not kept.is_file():
            _keep(kept, render(document))
            rendered += 1
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, target)
    return Written(rendered, len(documents) - rendered)


def _keep(path: Path, data: bytes) -> None:
    """Write whole or not at all, even with two builds at once."""
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)
