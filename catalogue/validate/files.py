"""Every file the build writes, checked before the site is published: only the paths the
allowlist names (validate/allowlist.py `files`), each holding what its kind may hold.

Pages go through the page allowlist (validate/output.py); data files must parse and hold no
control character in any string; CSV cells may not start as a spreadsheet formula; an RIS file
is one record; the offline zips' members stay inside the archive and are the site's own files.
These checks get bytes and return violations; publish/verify.py walks the built site with them.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import posixpath
import re
import zipfile
from itertools import compress, count
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from xml.etree import ElementTree

from lxml import etree

from catalogue.domain import akn
from catalogue.validate import output
from catalogue.validate.allowlist import SITE, Allowlist
from catalogue.validate.output import Violation, check_page
from catalogue.validate.shapes import Url, Where

# What a PDF may never hold (by its keys or action types): scripts, actions that run, open or send
# something, forms, embedded files and media. The site's PDFs (publish/pdfs.py) hold none of them.
PDF_FORBIDDEN = frozenset({"/JavaScript", "/JS", "/Launch", "/OpenAction", "/AA", "/EmbeddedFile", "/EmbeddedFiles",
                           "/AcroForm", "/XFA", "/RichMedia", "/GoToR", "/GoToE", "/SubmitForm", "/ImportData",
                           "/ResetForm", "/Movie", "/Sound", "/Rendition", "/3D"})
PDF_ACTIONS = frozenset({"/URI", "/GoTo"})  # links to an address, and to a place in the document
PDF_NAMES = frozenset({"/Dests"})  # the only name tree: the document's own destinations
# The names `check_pdf` acts on, as they stand in an object written out by qpdf (which spells every name
# plainly: `/J#61vaScript` is written `/JavaScript`): an object without any of them holds nothing to refuse.
_PDF_WATCHED = re.compile(rb"/(?:" + b"|".join(re.escape(name[1:].encode()) for name in sorted(
    PDF_FORBIDDEN | PDF_ACTIONS | {"/A", "/Annots", "/Annot", "/Action"}, key=len, reverse=True))
    + rb")(?![^\s()<>\[\]{}/%])")

# A link annotation to an address as WeasyPrint writes it, and nothing else, as qpdf writes it out (its keys
# sorted, each string's parentheses and backslashes escaped, so a string ends where this says it ends): its
# only action a /URI to an address of plain characters. `check_pdf` checks that address at once; an object of
# any other shape is visited key by key.
_STRING = rb"(?:\((?:[^\\()\r\n]|\\[^\r\n])*\)|<[0-9a-fA-F]*>)"
_NUMBER = rb"-?[0-9]+(?:\.[0-9]+)?"
_WEB_LINK = re.compile(rb"<< /A << /S /URI /Type /Action /URI \((?P<url>[!-'*-\[\]-~]*)\) >>"
                       rb"(?: /BS << /W " + _NUMBER + rb" >>)?(?: /Contents " + _STRING + rb")?(?: /F [0-9]+)?"
                       rb" /Rect \[ (?:" + _NUMBER + rb" ){4}\](?: /StructParent [0-9]+)? /Subtype /Link /Type /Annot >>")

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_NEWLINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - [^\x00-\x1f\x7f-\x9f\u2028\u2029]*")
_MEMBER = re.compile(r"[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*")
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Found:
    """A violation in one written file (`path` from the site root; `member` inside a zip)."""

    path: str
    violation: Violation
    member: str = ""

    @property
    def what(self) -> str:
        inside = f"its member {self.member} " if self.member else ""
        return f"{inside}{self.violation}"

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def _glob(pattern: str) -> str:
    return re.escape(pattern).replace(r"\*\*/", "(?:[^/]+/)*").replace(r"\*", "[^/]*")


@lru_cache(maxsize=16)
def _kinds(allow: Allowlist) -> tuple[re.Pattern, tuple[str, ...]]:
    """Every path pattern of `allow.files` in one regular expression, in their order (the first that matches
    the whole path names its kind): a path is told by one match."""
    kinds = tuple(allow.files.values())
    return re.compile("|".join(f"(?P<k{index}>{_glob(pattern)})" for index, pattern in enumerate(allow.files))), kinds


def kind_of(path: str, allow: Allowlist = SITE) -> str | None:
    """How a written file is checked, or None when the build may not write it at all."""
    pattern, kinds = _kinds(allow)
    found = pattern.fullmatch(path)
    return kinds[int(found.lastgroup[1:])] if found else None


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _constant(name: str):
    raise ValueError(f"{name} is not JSON")


def check_json(data: bytes) -> list[Violation]:
    try:
        value = json.loads(data.decode("utf-8"), parse_constant=_constant)
    except ValueError as error:
        return [Violation(f"is not valid JSON ({str(error).splitlines()[0]})")]
    if not _MAY_HOLD_CONTROL.search(data):  # no string can hold one: neither written as it is, nor escaped
        return []
    return [Violation(f"has a string with a control character: {json.dumps(text[:60])}", text)
            for text in _strings(value) if _NEWLINE_CONTROL.search(text)][:5]


# How a JSON text can give a string a character that _NEWLINE_CONTROL finds: the character itself (in UTF-8;
# json.loads refuses U+0000-U+001F written as they are in a string), or an escape for one (\n, \u001b, \u2028).
# A text with neither holds no such string; one with either (or with `\\n`, text) is read string by string.
_MAY_HOLD_CONTROL = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\\(?:[bfnrt]|u(?:00[01]|007f|00[89]|202[89]))",
                               re.IGNORECASE)


def check_csv(data: bytes) -> list[Violation]:
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error) as error:
        return [Violation(f"is not valid CSV ({error})")]
    out = []
    for number, row in enumerate(rows, start=1):
        for cell in row:
            if cell.startswith(FORMULA_START):
                out.append(Violation(f"row {number} has a cell a spreadsheet would run as a formula: {json.dumps(cell[:60])}", cell))
            elif _NEWLINE_CONTROL.search(cell):
                out.append(Violation(f"row {number} has a cell with a control character: {json.dumps(cell[:60])}", cell))
    return out[:5]


def check_ris(data: bytes) -> list[Violation]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [Violation("is not valid UTF-8")]
    lines = text.split("\r\n")
    if lines[-1] != "":
        return [Violation("does not end with CRLF")]
    lines = lines[:-1]
    bad = [line for line in lines if not _RIS_LINE.fullmatch(line)]
    if bad:
        return [Violation(f"has a line that is not 'XX  - value' or holds a control character: {json.dumps(bad[0][:60])}", bad[0])]
    tags = [line[:2] for line in lines]
    if tags.count("TY") != 1 or tags.count("ER") != 1 or tags[0] != "TY" or tags[-1] != "ER":
        return [Violation("is not exactly one record (TY first, ER last)")]
    return []


def forget() -> None:
    """Drop what earlier files and pages taught the verifier's caches (a benchmark starts each round cold)."""
    output.forget()
    for cached in (_sitemap, _place):
        cached.cache_clear()


def check_sitemap(data: bytes, site_url: str) -> list[Violation]:
    """sitemap.xml, or sitemap.xml.gz: its pages, each an address on this site."""
    if data.startswith(b"\x1f\x8b"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return [Violation("is not a valid gzip file")]
    return list(_sitemap(data, site_url))


@lru_cache(maxsize=2)
def _sitemap(data: bytes, site_url: str) -> tuple[Violation, ...]:
    """What is wrong with a sitemap's XML (the same for sitemap.xml and the same text gzipped: read once)."""
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return (Violation("declares a DOCTYPE or an entity"),)
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return (Violation(f"is not valid XML ({error})"),)
    if root.tag != f"{_SITEMAP}urlset":
        return (Violation(f"is not a sitemap (its root is {root.tag})"),)
    where, shape, out = Where("sitemap.xml", site_url), Url(external=False), []
    plain = _on_site(site_url)
    for element in root.iter():
        if element.tag not in (f"{_SITEMAP}urlset", f"{_SITEMAP}url", f"{_SITEMAP}loc", f"{_XHTML}link"):
            out.append(Violation(f"has an element {element.tag} that a sitemap does not", element.tag))
            continue
        url = (element.text or "").strip() if element.tag == f"{_SITEMAP}loc" else element.get("href")
        if url is not None and not plain.fullmatch(url) and (problem := shape.problem(url, where)):
            out.append(Violation(f"lists {json.dumps(url[:80])}, which {problem}", url))
    return tuple(out[:5])


@lru_cache(maxsize=16)
def _on_site(site_url: str, fragment: bool = False) -> re.Pattern:
    """A page of the site at `site_url` by a plain path (names of letters, digits, `_`, `-` and `.`, none of
    them starting with a dot, so none is `.` or `..`), and with `fragment` a plain `#fragment` after it if any:
    an address that stays on the site, told by one match."""
    prefix = re.escape(site_url) if site_url.startswith(("http://", "https://")) and site_url.endswith("/") else "(?!)"
    return re.compile(prefix + r"(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*)?"
                      + (r"(?:#[A-Za-z0-9_.:~-]*)?" if fragment else ""))


# What render/akn.py writes: element → its attributes. `*` names any text; the values of the rest
# have the shapes in _AKN_VALUES. Addresses are AKN IRIs (`/akn/…`, `/ontology/…`) or '#' a local id.
_AKN_ELEMENTS = {
    "akomaNtoso": "", "statement": "name", "meta": "", "identification": "source",
    "FRBRWork": "", "FRBRExpression": "", "FRBRManifestation": "",
    "FRBRthis": "value", "FRBRuri": "value", "FRBRalias": "value name", "FRBRdate": "date name",
    "FRBRauthor": "href", "FRBRcountry": "value", "FRBRsubtype": "value", "FRBRnumber": "value",
    "FRBRauthoritative": "value", "FRBRmasterExpression": "href showAs", "FRBRlanguage": "language",
    "FRBRtranslation": "href fromLanguage authoritative by", "FRBRformat": "value",
    "references": "source", "TLCOrganization": "eId href showAs", "notes": "source",
    "note": "eId placementBase class", "preface": "", "longTitle": "", "docTitle": "", "preamble": "",
    "recitals": "eId", "recital": "eId", "intro": "eId", "mainBody": "", "paragraph": "eId",
    "subparagraph": "eId", "num": "", "content": "", "p": "lang", "b": "", "i": "",
}
_AKN_ID = r"[a-z][a-z0-9_-]{0,99}"
_AKN_IRI = r"/akn/[a-z]{2}(-[a-z0-9-]+)?(/[A-Za-z0-9@!._-]+)+|/ontology/[a-z]+/[a-z0-9-]+(/[a-z0-9-]+)*"
_AKN_VALUES = {
    "href": f"{_AKN_IRI}|#{_AKN_ID}", "source": f"#{_AKN_ID}", "by": f"#{_AKN_ID}", "eId": _AKN_ID,
    "placementBase": _AKN_ID, "date": r"\d{4}-\d{2}-\d{2}", "language": "[a-z]{3}", "fromLanguage": "[a-z]{3}",
    "authoritative": "true|false", "class": "[a-z-]{1,40}", "lang": r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
    "FRBRthis@value": _AKN_IRI, "FRBRuri@value": _AKN_IRI, "FRBRauthoritative@value": "true|false",
    "FRBRformat@value": re.escape(akn.MEDIA_TYPE), "FRBRcountry@value": "[a-z]{2}(-[a-z0-9]+)?",
}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def check_akn(data: bytes) -> list[Violation]:
    """An Akoma Ntoso document (render/akn.py): well-formed UTF-8 XML with no DOCTYPE, entity,
    comment or processing instruction; every element one the site writes, in the AKN namespace,
    under an `akomaNtoso` root; every attribute one that element carries, its value of the shape
    the site writes (addresses only AKN IRIs or local ids: nothing that leaves the site); no
    control character in any text."""
    head = data[:200].lstrip(b"\xef\xbb\xbf")
    if re.search(rb"<!DOCTYPE|<!ENTITY", data, re.IGNORECASE):
        return [Violation("declares a DOCTYPE or an entity")]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=False, remove_pis=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return [Violation(f"is not valid XML ({str(error).splitlines()[0][:120]})")]
    if head.startswith(b"<?") and not head.startswith(b"<?xml "):
        return [Violation("holds a processing instruction")]
    out = []
    for node in [*root.itersiblings(preceding=True), *root.iter(), *root.itersiblings()]:
        if not isinstance(node.tag, str):
            what = "a comment" if isinstance(node, etree._Comment) else "a processing instruction"
            out.append(Violation(f"holds {what}", str(node)[:60]))
            continue
        namespace, _, name = node.tag[1:].partition("}") if node.tag.startswith("{") else ("", "", node.tag)
        if namespace != akn.NAMESPACE or name not in _AKN_ELEMENTS:
            out.append(Violation(f"has an element {node.tag[:80]} that the site's Akoma Ntoso does not", node.tag))
            continue
        if (node is root) != (name == "akomaNtoso"):
            out.append(Violation(f"has {name} {'as its root' if node is root else 'inside the document'}; "
                                 "the root is akomaNtoso, once", name))
        for text, where in ((node.text, "of"), (node.tail, "after")):
            if text and CONTROL.search(text):
                out.append(Violation(f"has a control character in the text {where} {name}", text))
        allowed = _AKN_ELEMENTS[name].split()
        for attribute, value in node.attrib.items():
            local = "lang" if attribute == _XML_LANG else attribute
            if attribute.startswith("{") and attribute != _XML_LANG or local not in allowed:
                out.append(Violation(f"has an attribute {attribute[:80]} that {name} does not carry here", attribute))
                continue
            shape = _AKN_VALUES.get(f"{name}@{local}") or _AKN_VALUES.get(local)
            if CONTROL.search(value) or (shape and not re.fullmatch(shape, value)):
                out.append(Violation(f"has {name} {local}={json.dumps(value[:80])}, not of the shape the site writes", value))
    return out[:5]


def check_zip(data: bytes, site_file: Callable[[str], bytes | None], page: Callable[[str, str], list[Violation]],
              allow: Allowlist = SITE, site_url: str = "/") -> list[Found]:
    """An offline copy: each member a plain file named inside the archive's root, and then as
    `check_members` wants it."""
    out: list[Found] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [Found("", Violation("is not a valid zip file"))]

    def members() -> Iterable[tuple[str, bytes]]:  # one at a time: a big archive is never held unpacked
        for info in archive.infolist():
            name = info.filename
            if (info.external_attr >> 16) & 0o170000 not in (0, 0o100000):
                out.append(Found("", Violation("is not a plain file inside the archive's root", name), json.dumps(name[:80])))
            else:  # one whose name is refused is not unpacked
                yield name, archive.read(info) if _MEMBER.fullmatch(name) and ".." not in name.split("/") else b""

    with archive:
        found = check_members(members(), site_file, page, allow, site_url)
    return out + found


def check_members(members: Iterable[tuple[str, bytes]], site_file: Callable[[str], bytes | None],
                  page: Callable[[str, str], list[Violation]], allow: Allowlist = SITE, site_url: str = "/",
                  verified: Callable[[str], bool] | None = None,
                  edits: Mapping[str, Iterable[tuple[int, int, bytes]]] = MappingProxyType({})) -> list[Found]:
    """The members of an offline copy, by name and content (an archive's, or those the build is about to
    pack): each named inside the archive's root; every member but a page a copy of the site's file of the
    same path (`site_file`: its bytes); each page either the site's page of the same path with links spelt
    otherwise but leading where they led (see `same_but_links`: as safe as the site's page, which the
    verifier checks on its own; `verified`, when given: whether it has, and if not the page is checked in
    full), or else through the page allowlist. `edits`: what the build says it changed in a page (name → its
    edits, see `with_edits`), retraced rather than found by comparing the two."""
    out: list[Found] = []
    for name, body in members:
        if not _MEMBER.fullmatch(name) or ".." in name.split("/"):
            out.append(Found("", Violation("is not a plain file inside the archive's root", name), json.dumps(name[:80])))
            continue
        kind = kind_of(name, allow)
        if kind == "page":
            original = site_file(name) if verified is None or verified(name) else None
            made = edits.get(name) if original is not None else None
            if original is None or not ((made is not None and with_edits(original, made, name, site_url) == body)
                                        or same_but_links(body, original, name, site_url)):
                out += [Found("", violation, name) for violation in page(body.decode("utf-8", "replace"), name)]
        elif kind is None or site_file(name) != body:
            out.append(Found("", Violation("is not the site's own copy of that file", name), name))
    return out


# What stands before an address the site writes (a double-quoted `href` or `src`, a refresh's URL), and the
# characters an address spelt otherwise may hold: none that could end a value or begin markup anywhere.
_BEFORE_LINK = tuple(bytes([space]) + name for space in b" \t\n\r\f\v" for name in (b"href=", b"src="))  # how the segment before one ends
_REFRESH = b"0; url="
_LINK_OPENING = tuple(before + b'"' for before in _BEFORE_LINK) + (b'content="' + _REFRESH,)  # just before one
_INERT = re.compile(rb"[A-Za-z0-9._~:/?#@!$()*+,;=%-]*")


def same_but_links(member: bytes | str, page: bytes | str, path: str, site_url: str) -> bool:
    """Whether `member` is `page` (the site's, at `path` from the site root) with only some addresses spelt
    otherwise: each one between the double quotes of an `href=`, a `src=` or a refresh's `url=`, plain
    characters only (no quote, `<`, `>`, `&` or space, so it cannot change what is markup wherever it
    stands), leading where the site's did (`../op1-iv/` and `../op1-iv/index.html`, or the same page on
    the site at `site_url`). Then `member` holds what `page` holds, in the same places. Compared as bytes."""
    member = member.encode("utf-8", "surrogatepass") if isinstance(member, str) else member
    page = page.encode("utf-8", "surrogatepass") if isinstance(page, str) else page
    start = _alike(member, page)  # the two share their beginning (the head, with its styles): split after it
    ours, theirs = member[start:].split(b'"'), page[start:].split(b'"')
    if len(ours) != len(theirs):
        return False
    folder = posixpath.dirname(path)
    for index in compress(count(), map(bytes.__ne__, ours, theirs)):  # the segments that differ, found in C
        mine, site = ours[index], theirs[index]
        if index == 0:
            return False
        if ours[index - 1].endswith(b"content=") and mine.startswith(_REFRESH) and site.startswith(_REFRESH):
            mine, site = mine[len(_REFRESH):], site[len(_REFRESH):]
        elif not ours[index - 1].endswith(_BEFORE_LINK):
            return False
        if not _same_place(mine, site, folder, site_url):
            return False
    return True


def with_edits(page: bytes, edits: Iterable[tuple[int, int, bytes]], path: str, site_url: str) -> bytes | None:
    """`page` (the site's, at `path` from the site root) with each edit (start, end, new) made, if each is one
    that `same_but_links` allows: `page[start:end]` is an address, all that stands between the double quotes
    of an `href=` or a `src=` (or after a refresh's `url=`), and `new` spells it otherwise, leading where it
    led; the edits in order, none reaching into the `href="` before the next. Else None. A member that equals
    what it returns is what `same_but_links` would find it is, without comparing the two piece by piece."""
    folder = posixpath.dirname(path)
    parts: list[bytes] = []
    done = 0
    for start, end, new in edits:
        if (start < done or end < start or page[end:end + 1] != b'"' or page.find(b'"', start, end) >= 0
                or not page.endswith(_LINK_OPENING, done, start) or not _same_place(new, page[start:end], folder, site_url)):
            return None
        parts += (page[done:start], new)
        done = end
    parts.append(page[done:])
    return b"".join(parts)


def _same_place(mine: bytes, site: bytes, folder: str, site_url: str) -> bool:
    """Whether the address `mine` (no double quote in it) leads where the site's `site` leads, on a page in `folder`,
    and holds only plain characters where it differs: the site's folder address with 'index.html' put in, or else
    a plain address (`_plain_place`: one a browser reads as it is written) to the same path and fragment."""
    address, hash_, fragment = site.partition(b"#")  # the site's own address, a folder ('../op1-iv/', '.', or with
    if ((address[-1:] == b"/" and mine == address + b"index.html" + hash_ + fragment)  # a '#fragment')
            or (address in (b".", b"..") and mine == address + b"/index.html" + hash_ + fragment)):
        return True  # with 'index.html' put in: plain characters added, the same place (most links in an offline copy)
    if not _INERT.fullmatch(mine) or not _INERT.fullmatch(site):
        return False
    target = _plain_place(mine.decode("ascii"), folder, site_url)
    if target is None:
        return False
    return target == _plain_place(site.decode("ascii"), folder, site_url)  # a site's address that is not plain: checked in full


# A plain relative address: '../' only at its start (or '..' alone, a folder up), then names none of which is
# '.' or '..' (none starts with a dot), no '%' (so no '%2e' a browser reads as a dot), no query, no '//', then a
# plain fragment.
_PLAIN_ADDRESS = re.compile(r"((?:\.\./)*(?:\.\.(?=#|$))?)((?:[A-Za-z0-9_~+-][A-Za-z0-9_.~+-]*/)*(?:[A-Za-z0-9_~+-][A-Za-z0-9_.~+-]*)?)"
                            r"(#[A-Za-z0-9_.:~+-]*)?")


def _plain_place(url: str, folder: str, site_url: str) -> str | None:
    """`_place`, asked once for an address on the site at `site_url` (the same from every folder)."""
    return _place(url, "" if url.startswith(site_url) and site_url.startswith(("http://", "https://")) else folder, site_url)


@lru_cache(maxsize=100_000)
def _place(url: str, folder: str, site_url: str) -> str | None:
    """Where `url` on a page in `folder` leads, as a path from the site root with its fragment (a folder and
    its index.html alike), if it is plain: a plain relative address
    (`_PLAIN_ADDRESS`) that climbs no higher than the site's root, or a page of the site at `site_url` by a
    plain path (`_on_site`); else None. A browser reads such an address as it is written (`x?/../y` is the
    path `x` to it, and from disk a '../' too many leaves the offline copy's folder: neither is plain)."""
    if site_url.startswith(("http://", "https://")) and site_url.endswith("/") and url.startswith(site_url):
        if not _on_site(site_url, fragment=True).fullmatch(url):
            return None
        rest, hash_, fragment = url[len(site_url):].partition("#")
        path = "/" + rest
    else:
        plain = _PLAIN_ADDRESS.fullmatch(url)
        if plain is None:
            return None
        climb, rest = (len(plain.group(1)) + 1) // 3, plain.group(2)  # '../' or a last '..', each a folder up
        hash_, fragment = "#" if plain.group(3) else "", (plain.group(3) or "")[1:]
        parts = folder.split("/") if folder else []
        if climb > len(parts):
            return None
        path = "/" + "/".join(part for part in ("/".join(parts[:len(parts) - climb]), rest) if part)
    if (not rest or rest.endswith("/")) and not path.endswith("/"):
        path += "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path + hash_ + fragment


def _alike(member: bytes, page: bytes, block: int = 4096) -> int:
    """Where to start comparing `member` and `page` segment by segment: just after the last but one '"' of
    the beginning they share (so the first segment after it is the same in both, and every later one stands
    where it stands in the whole), or 0."""
    shared = 0
    while shared < len(page) and member[shared:shared + block] == page[shared:shared + block]:
        shared += block
    last = page.rfind(b'"', 0, shared)
    before = page.rfind(b'"', 0, last) if last > 0 else -1
    return before + 1 if before >= 0 else 0


_PNG = b"\x89PNG\r\n\x1a\n"
_ROBOTS = re.compile(r"(User-agent: \*|Allow: /|Disallow: /[^\s]*|Sitemap: (?P<url>\S+))")


def check_css(data: bytes) -> list[Violation]:
    """The styles cut from the theme's and the site's: text that loads nothing from elsewhere."""
    text = data.decode("utf-8", "replace")
    if re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text) or re.search(r"@import|url\(\s*['\"]?(?!data:|#)[a-z][a-z0-9+.-]*:", text, re.IGNORECASE):
        return [Violation("holds a control character, an @import or an address of another site", "")]
    return []


def check_png(data: bytes) -> list[Violation]:
    """A share card: a PNG image, whole (signature, then chunks up to IEND and nothing after)."""
    if not data.startswith(_PNG) or not data.endswith(b"IEND\xaeB`\x82"):
        return [Violation("is not a whole PNG image", "")]
    return []


def check_robots(data: bytes, site_url: str) -> list[Violation]:
    """robots.txt: only the lines the site writes, its sitemap on this site."""
    for line in data.decode("utf-8", "replace").splitlines():
        found = _ROBOTS.fullmatch(line)
        if line and (not found or (found.group("url") and not found.group("url").startswith(site_url.rstrip("/") + "/"))):
            return [Violation(f"holds a line the site does not write: {line[:60]!r}", "")]
    return []


def check_pdf(data: bytes, site_url: str, domains: tuple[str, ...] = (), path: str = "file.pdf") -> list[Violation]:
    """A printed full text (publish/pdfs.py): a PDF that parses (qpdf, through pikepdf), unencrypted, whose
    every object (reachable or not) holds none of PDF_FORBIDDEN; its annotations are links, whose actions
    go to an address on this site or an https address on an allowed domain (data/allowed-domains.yml), or to
    a place in the document."""
    import pikepdf

    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        return [Violation("is not a whole PDF file", "")]
    out: list[Violation] = []
    where, shape, on_site = Where(path, site_url, domains), Url(), _on_site(site_url, fragment=True)

    def name(value) -> str | None:
        return str(value) if isinstance(value, pikepdf.Name) else None

    def action(value) -> None:
        kind = name(value.get("/S")) if isinstance(value, pikepdf.Dictionary) else None
        if kind not in PDF_ACTIONS or "/Next" in value:
            out.append(Violation(f"has an action of type {kind} (only {', '.join(sorted(PDF_ACTIONS))}, one at a time)", str(kind)))
        elif kind == "/URI":
            address(value.get("/URI"))

    def address(url) -> None:
        url = str(url) if isinstance(url, pikepdf.String) else url if isinstance(url, str) else ""
        if on_site.fullmatch(url):  # most of them: a page of this site (what `shape` makes of it at once)
            return
        problem = None if url.startswith("https://") or url.startswith(site_url) else "is not an https address"
        problem = problem or shape.problem(url, where)
        if problem:
            out.append(Violation(f"links to {json.dumps(url[:80])}, which {problem}", url))

    def annotation(value) -> None:
        if not isinstance(value, pikepdf.Dictionary) or name(value.get("/Subtype")) != "/Link":
            kind = value.get("/Subtype") if isinstance(value, pikepdf.Dictionary) else type(value).__name__
            out.append(Violation(f"has an annotation of type {kind} (only links)", str(kind)))

    def written(value) -> bytes:
        return (value.stream_dict if isinstance(value, pikepdf.Stream) else value).unparse(resolved=True)

    def watched(value) -> bool:
        """Whether the object, with the objects written inside it, names anything `visit` acts on (most objects
        of a PDF, its fonts and its tagged structure, do not: they are read in C, not walked in Python)."""
        return _PDF_WATCHED.search(written(value)) is not None

    def inside(item) -> bool:
        """Whether `item`, found inside an object, is written there (not a reference) and is worth a visit."""
        return isinstance(item, (pikepdf.Dictionary, pikepdf.Array)) and not item.is_indirect and watched(item)

    def visit(value, depth: int = 0, acted: bool = False) -> None:
        """An object and the objects written inside it (each object written on its own is visited in turn);
        `acted`: it is the action of the object it is in, already checked as one."""
        if depth > 100:
            out.append(Violation("nests objects more than 100 deep", ""))
        elif isinstance(value, (pikepdf.Dictionary, pikepdf.Stream)):
            for key in value.keys():
                item = value.get(key)
                if key in PDF_FORBIDDEN:
                    out.append(Violation(f"holds {key}, which the site's PDFs never do", key))
                elif key == "/A":
                    action(item)
                elif key == "/Annots":
                    for element in item if isinstance(item, pikepdf.Array) else [item]:
                        annotation(element)
                elif key == "/URI" and name(value.get("/S")) != "/URI":
                    address(item)
                if key == "/S" and not acted and name(value.get("/Type")) == "/Action":
                    action(value)
                if inside(item):
                    visit(item, depth + 1, key == "/A")
            if name(value.get("/Type")) == "/Annot":
                annotation(value)
            for kind in (name(value.get("/S")), name(value.get("/Subtype"))):
                if kind in PDF_FORBIDDEN:
                    out.append(Violation(f"has an object of type {kind}, which the site's PDFs never hold", kind))
        elif isinstance(value, pikepdf.Array):
            for item in value:
                if inside(item):
                    visit(item, depth + 1)

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                return [Violation("is an encrypted PDF", "")]
            names = pdf.Root.get("/Names")
            if isinstance(names, pikepdf.Dictionary):
                out.extend(Violation(f"has a name tree {key} (only /Dests)", key) for key in names.keys()
                           if key not in PDF_NAMES)
            visit(pdf.trailer)
            for found in pdf.objects:  # every object the file holds, whether anything refers to it or not
                if isinstance(found, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
                    text = written(found)
                    link = _WEB_LINK.fullmatch(text) if text.startswith(b"<< /A << /S /URI ") else None
                    if link and not isinstance(found, pikepdf.Stream):  # what `visit` would check of it
                        address(link.group("url").decode("ascii"))
                    elif _PDF_WATCHED.search(text):
                        visit(found)
            if warnings := pdf.get_warnings():  # qpdf mended it: not a file the site wrote
                return [Violation(f"is a damaged PDF (qpdf: {warnings[0][:80]})", "")]
    except (pikepdf.PdfError, pikepdf.PasswordError, ValueError, KeyError, TypeError, RuntimeError, RecursionError,
            OSError) as error:
        return [Violation(f"is not a PDF the site writes ({type(error).__name__}: {str(error)[:80]})", "")]
    return list(dict.fromkeys(out))[:5]


def check_file(path: str, data: bytes, site_url: str, page: Callable[[str, str], list[Violation]],
               site_file: Callable[[str], bytes | None], source: Callable[[str, str], bytes | None],
               allow: Allowlist = SITE, domains: tuple[str, ...] = ()) -> list[Found]:
    """Every violation in one written file (`path` from the site root, `data` its bytes). `source(kind, path)`:
    the bytes of the file a `theme` or `own` file must equal (the installed theme's, docs/'s)."""
    kind = kind_of(path, allow)
    if kind is None:
        return [Found(path, Violation("is not a file the build writes (catalogue/validate/allowlist.py `files`)", path))]
    if kind == "zip":
        return [Found(path, item.violation, item.member) for item in check_zip(data, site_file, page, allow, site_url)]
    if kind == "page":
        found = page(data.decode("utf-8", "replace"), path)
    elif kind == "json":
        found = check_json(data)
    elif kind == "csv":
        found = check_csv(data)
    elif kind == "ris":
        found = check_ris(data)
    elif kind == "sitemap":
        found = check_sitemap(data, site_url)
    elif kind == "akn":
        found = check_akn(data)
    elif kind == "css":
        found = check_css(data)
    elif kind == "png":
        found = check_png(data)
    elif kind == "pdf":
        found = check_pdf(data, site_url, domains, path)
    elif kind == "text":
        found = check_robots(data, site_url)
    elif kind in ("theme", "own"):
        found = [] if source(kind, path) == data else [
            Violation(f"is not {'the installed theme' if kind == 'theme' else 'docs/'}'s {path} as the build publishes it", path)]
    else:  # pagefind: Pagefind's own files, known by name
        found = []
    return [Found(path, violation) for violation in found]
