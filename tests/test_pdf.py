"""Each language's full text as a PDF (render/pdf.py, publish/pdfs.py), read back from the built site
with pypdf: every clause, in order, in that language, with its status; its fonts embedded; Arabic
letters in the Arabic; the same bytes when printed again; linked from the full text and open data."""

from __future__ import annotations

import posixpath
import re
import sys
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from catalogue import load
from catalogue.domain.status import shown_state
from catalogue.publish import pdfs
from catalogue.render import pdf
from catalogue.validate.safety import plain
from tests.helpers import CLAUSES, CODES, ROOT, languages, prefix

SITE_URL = "http://127.0.0.1:8000/"  # the site fixture's (mkdocs.yml's default)
ARABIC = re.compile(r"[\u0621-\u064a]")
ETHIOPIC = re.compile(r"[\u1200-\u137f]")


@lru_cache(maxsize=None)
def catalogue():
    found, problems = load(ROOT, languages())
    assert not problems
    return found


def path_of(code: str) -> str:
    return f"{prefix(code)}communique/communique-{code}.pdf"


@lru_cache(maxsize=None)
def _text(file: Path) -> str:
    """The PDF's text as pypdf extracts it, NFKC-normalised (shaped Arabic may come out as presentation forms)."""
    reader = PdfReader(file)
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))


def squeezed(text: str) -> str:
    """`text` without whitespace: lines wrap, and extraction may join or split words at a change of font."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def letters(text: str) -> str:
    """`text`'s letters and digits only: in right-to-left lines extraction may move a neutral character
    (a full stop at the end of a sentence) to the other end."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


def distinctive(text: str) -> str:
    """A clause's longest word (a run of letters and digits)."""
    return max(re.findall(r"\w+", plain(text)), key=len)


@pytest.mark.parametrize("code", CODES)
def test_every_clause_is_there_in_order_in_its_language_with_its_id_and_link(site, code):
    text = _text(site.site / path_of(code))
    positions = [text.find(f"[{clause}]") for clause in CLAUSES]
    assert -1 not in positions, [c for c, p in zip(CLAUSES, positions) if p == -1]
    assert positions == sorted(positions)
    flat, words = squeezed(text), letters(text)
    for clause in CLAUSES:
        word = distinctive(catalogue().resolve(code, "communique", clause).text)
        assert letters(word) in words, (code, clause, word)
        assert f"{SITE_URL}{prefix(code)}communique/{clause}/" in flat
    assert letters(plain(catalogue().resolve(code, "communique", "title").text)) in words
    assert letters(catalogue().text(code, "site", "summit-place")) in words


@pytest.mark.parametrize("code", CODES)
def test_the_translation_status_is_said(site, code):
    words = letters(_text(site.site / path_of(code)))
    if code == CODES[0]:
        assert letters(catalogue().text(code, "site", "pdf-source-note")) in words
        return
    assert letters(catalogue().text(code, "site", "unofficial-translation")) in words
    # each clause's own state: a machine draft until a named person reviews it
    expected = Counter()
    for clause in CLAUSES:
        resolved = catalogue().resolve(code, "communique", clause)
        state = shown_state(resolved, code, CODES[0])
        reviewer = resolved.translation.reviewer if resolved.translation else None
        expected[letters(catalogue().text(code, "site", f"status-{state}", **({"name": reviewer or ""}
                                                                            if state == "reviewed" else {})))] += 1
    assert expected and all(words.count(note) >= count for note, count in expected.items()), expected


@pytest.mark.parametrize("code", CODES)
def test_the_fonts_are_embedded_noto_fonts(site, code):
    reader = PdfReader(site.site / path_of(code))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert names and all(name.startswith("Noto-Sans") for name in names), names
    script = {"ar": "Noto-Sans-Arabic", "am": "Noto-Sans-Ethiopic"}.get(code)
    if script:
        assert any(name.startswith(script) for name in names), names


def test_the_arabic_is_arabic_letters_and_the_amharic_ethiopic(site):
    arabic = _text(site.site / path_of("ar"))
    assert len(ARABIC.findall(arabic)) > 2000
    assert not re.search(r"[\ufb50-\ufdff\ufe70-\ufeff]", arabic)  # no presentation form left after NFKC
    assert len(ETHIOPIC.findall(_text(site.site / path_of("am")))) > 2000


def test_the_pdf_says_what_it_is(site):
    reader = PdfReader(site.site / path_of("fr"))
    assert reader.metadata.title == plain(catalogue().resolve("fr", "communique", "title").text)
    assert reader.metadata.author == catalogue().text("fr", "site", "cite-issuer")
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata


@pytest.mark.parametrize("code", ["en", "ar"])
def test_two_renders_are_byte_identical_and_the_built_file(site, code):
    document = pdf.document(catalogue(), code, SITE_URL)
    first, second = pdfs.render(document), pdfs.render(document)
    assert first == second == (site.site / path_of(code)).read_bytes()


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("page", ["communique/", "open-data/"])
def test_it_is_linked_from_the_full_text_and_open_data_pages(site, code, page):
    url = prefix(code) + page
    link = site.html(url).find("a", href=re.compile(r"\.pdf$"))
    assert link is not None
    assert posixpath.normpath(posixpath.join(url, link["href"])) == path_of(code)
    assert link["type"] == "application/pdf" and link["download"] == f"addis-ababa-communique-2019-{code}.pdf"
    label = link.parent.get_text(" ", strip=True)
    assert catalogue().text(code, "site", "pdf-download") in label
    assert (site.site / path_of(code)).is_file()


def test_the_build_says_how_many_it_printed(site):
    assert re.search(r"pdf: \d+ rendered, \d+ from the cache", site.output)


# --- the cache and what is missing (no site build) ---------------------------------------------

@pytest.mark.core
def test_a_rebuild_with_nothing_changed_prints_nothing(tmp_path):
    document = pdf.document(catalogue(), "sw", SITE_URL)
    documents = {"sw/communique/communique-sw.pdf": document}
    first = pdfs.write_all(tmp_path / "site", documents, tmp_path / "cache")
    again = pdfs.write_all(tmp_path / "again", documents, tmp_path / "cache")
    assert (first.rendered, first.reused, again.rendered, again.reused) == (1, 0, 0, 1)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [f"{pdfs.key(document)}.pdf"]
    assert (tmp_path / "site/sw/communique/communique-sw.pdf").read_bytes() == \
        (tmp_path / "again/sw/communique/communique-sw.pdf").read_bytes()
    assert pdfs.key(document.replace("Kiingereza", "Kifaransa")) != pdfs.key(document)


@pytest.mark.core
def test_nothing_is_fetched():
    document = pdf.document(catalogue(), "en", SITE_URL)
    assert "url(" not in document and "<img" not in document and "<link" not in document
    with pytest.raises(pdfs.PdfError, match="may load nothing"):
        pdfs.render(document.replace("</body>", '<img src="https://au.int/x.png"></body>'))


@pytest.mark.core
def test_without_weasyprint_pango_or_the_fonts_the_build_says_what_to_install(monkeypatch):
    """One line each, naming what to install (the hook stops the build with it)."""
    real = __import__

    def failing(error):
        def importer(name, *args, **kwargs):
            if name == "weasyprint":
                raise error
            return real(name, *args, **kwargs)
        return importer

    cases = [(ImportError("No module named 'weasyprint'"), r"need WeasyPrint.*pip install -r requirements\.txt"),
             (OSError("cannot load library 'libpango-1.0-0': cannot open shared object file\nmore"),
              r"need Pango.*libpango-1\.0-0 libpangoft2-1\.0-0")]
    try:
        for error, expected in cases:
            pdfs.weasyprint.cache_clear()
            with monkeypatch.context() as patch:
                patch.delitem(sys.modules, "weasyprint", raising=False)
                patch.setattr("builtins.__import__", failing(error))
                with pytest.raises(pdfs.PdfError, match=expected) as raised:
                    pdfs.weasyprint()
            assert "\n" not in str(raised.value)
    finally:
        pdfs.weasyprint.cache_clear()
    monkeypatch.setattr(pdfs, "FONT_DIR", Path("/nonexistent"))
    with pytest.raises(pdfs.PdfError, match=r"Noto fonts.*apt-get install fonts-noto-core"):
        pdfs.font_files()
