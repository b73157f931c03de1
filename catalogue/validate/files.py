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
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from xml.etree import ElementTree

from lxml import etree

from catalogue.domain import akn
from catalogue.validate.allowlist import SITE, Allowlist
from catalogue.validate.output import Violation, check_page
from catalogue.validate.shapes import Url, Where

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


@lru_cache(maxsize=None)
def _glob(pattern: str) -> re.Pattern:
    regex = re.escape(pattern).replace(r"\*\*/", "(?:[^/]+/)*").replace(r"\*", "[^/]*")
    return re.compile(regex)


def kind_of(path: str, allow: Allowlist = SITE) -> str | None:
    """How a written file is checked, or None when the build may not write it at all."""
    return next((kind for pattern, kind in allow.files.items() if _glob(pattern).fullmatch(path)), None)


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
    return [Violation(f"has a string with a control character: {json.dumps(text[:60])}", text)
            for text in _strings(value) if _NEWLINE_CONTROL.search(text)][:5]


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


def check_sitemap(data: bytes, site_url: str) -> list[Violation]:
    if data.startswith(b"\x1f\x8b"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return [Violation("is not a valid gzip file")]
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return [Violation("declares a DOCTYPE or an entity")]
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return [Violation(f"is not valid XML ({error})")]
    if root.tag != f"{_SITEMAP}urlset":
        return [Violation(f"is not a sitemap (its root is {root.tag})")]
    where, shape, out = Where("sitemap.xml", site_url), Url(external=False), []
    for element in root.iter():
        if element.tag not in (f"{_SITEMAP}urlset", f"{_SITEMAP}url", f"{_SITEMAP}loc", f"{_XHTML}link"):
            out.append(Violation(f"has an element {element.tag} that a sitemap does not", element.tag))
            continue
        url = (element.text or "").strip() if element.tag == f"{_SITEMAP}loc" else element.get("href")
        if url is not None and (problem := shape.problem(url, where)):
            out.append(Violation(f"lists {json.dumps(url[:80])}, which {problem}", url))
    return out[:5]


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
              allow: Allowlist = SITE) -> list[Found]:
    """An offline copy: each member a plain file named inside the archive's root; each page through the
    page allowlist; every other member a copy of the site's file of the same path (`site_file`: its bytes)."""
    out: list[Found] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [Found("", Violation("is not a valid zip file"))]
    with archive:
        for info in archive.infolist():
            name = info.filename
            if not _MEMBER.fullmatch(name) or ".." in name.split("/") or (info.external_attr >> 16) & 0o170000 not in (0, 0o100000):
                out.append(Found("", Violation("is not a plain file inside the archive's root", name), json.dumps(name[:80])))
                continue
            body = archive.read(info)
            kind = kind_of(name, allow)
            if kind == "page":
                out += [Found("", violation, name) for violation in page(body.decode("utf-8", "replace"), name)]
            elif kind is None or site_file(name) != body:
                out.append(Found("", Violation("is not the site's own copy of that file", name), name))
    return out


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


def check_file(path: str, data: bytes, site_url: str, page: Callable[[str, str], list[Violation]],
               site_file: Callable[[str], bytes | None], source: Callable[[str, str], bytes | None],
               allow: Allowlist = SITE) -> list[Found]:
    """Every violation in one written file (`path` from the site root, `data` its bytes). `source(kind, path)`:
    the bytes of the file a `theme` or `own` file must equal (the installed theme's, docs/'s)."""
    kind = kind_of(path, allow)
    if kind is None:
        return [Found(path, Violation("is not a file the build writes (catalogue/validate/allowlist.py `files`)", path))]
    if kind == "zip":
        return [Found(path, item.violation, item.member) for item in check_zip(data, site_file, page, allow)]
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
    elif kind == "text":
        found = check_robots(data, site_url)
    elif kind in ("theme", "own"):
        found = [] if source(kind, path) == data else [
            Violation(f"is not byte-identical to {'the installed theme' if kind == 'theme' else 'docs/'}'s {path}", path)]
    else:  # pagefind: Pagefind's own files, known by name
        found = []
    return [Found(path, violation) for violation in found]
