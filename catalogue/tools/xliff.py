"""A language as an XLIFF 2.0 file (lxml): written for OmegaT, Lokalize, Weblate, Phrase, Matecat…, and read back.

One `<file>` per translation file (`id` its domain, `original` its path); one `<unit>` per entry (`id` its
key with `/` written `:`, `name` the key as it is), one segment: the English as `<source>`, the translation
as `<target>`. `state` is initial (missing or stale), translated (a draft, with `subState` saying which),
reviewed (by a named person) or final; notes say where it is shown, the English fingerprint and, for a
stale translation, the English it was made from.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from catalogue.domain.model import Language
from catalogue.domain.problems import Problem
from catalogue.tools.exchange import TERM, Edited, Exchanged, Unit

NS = "urn:oasis:names:tc:xliff:document:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_BYTES = 4_000_000
STATES = {"reviewed": ("reviewed", None), "human-draft": ("translated", "catalogue:human-draft"),
          "machine-draft": ("translated", "catalogue:machine-draft"), "invalid": ("translated", "catalogue:invalid"),
          "stale": ("initial", "catalogue:stale"), "missing": ("initial", None)}
DONE = ("translated", "reviewed", "final")
REVIEWED = ("reviewed", "final")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def unit_id(unit: Unit) -> str:
    """The unit's id: an XML name token (no `/`), unique in its file."""
    return unit.key.replace("/", ":") + (f":{TERM}" if unit.field == TERM else "")


def _text(value: str) -> str:
    """`value` as XML can carry it (a control character, already a problem of its own, becomes U+FFFD)."""
    return _NOT_XML.sub("\ufffd", value)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def write(units: list[Unit], language: Language, source: str) -> bytes:
    """The XLIFF 2.0 file of `language`: every unit, in the English files' order."""
    root = etree.Element(_q("xliff"), nsmap={None: NS}, version="2.0", srcLang=source, trgLang=language.code)
    files: dict[str, etree._Element] = {}
    for unit in units:
        if unit.domain not in files:
            files[unit.domain] = etree.SubElement(root, _q("file"), id=unit.domain, original=unit.path,
                                                  canResegment="no")
            files[unit.domain].set(f"{{{XML_NS}}}space", "preserve")
        element = etree.SubElement(files[unit.domain], _q("unit"), id=unit_id(unit), name=unit.key)
        notes = etree.SubElement(element, _q("notes"))
        for category, text in (("location", unit.where), ("fingerprint", unit.fingerprint),
                               ("previous-source", unit.previous), ("note", unit.note)):
            if text:
                etree.SubElement(notes, _q("note"), category=category).text = _text(text)
        state, substate = STATES[unit.state]
        segment = etree.SubElement(element, _q("segment"), state=state)
        if substate:
            segment.set("subState", substate)
        etree.SubElement(segment, _q("source")).text = _text(unit.english)
        if unit.target:
            etree.SubElement(segment, _q("target")).text = _text(unit.target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _problem(rel: str, line: int, message: str) -> Exchanged:
    return Exchanged(rel, "XLIFF", None, None, problems=(Problem(rel, line, "", "", message),))


def _joined(unit: etree._Element, tag: str, rel: str, problems: list[Problem], context: str) -> str:
    """The text of every `tag` (source or target) of a unit's segments, in order; inline markup is a problem."""
    parts = []
    for part in unit.iterchildren(_q("segment"), _q("ignorable")):
        for element in part.iterchildren(_q(tag)):
            if len(element):
                problems.append(Problem(rel, element.sourceline or 0, context, "",
                                        f"has XLIFF markup (<{etree.QName(element[0]).localname}>) in its {tag}; "
                                        "write plain text (the site's Markdown: **bold**, *italic*)"))
            parts.append(element.text or "")
    return "".join(parts)


def read(path: Path, rel: str) -> Exchanged:
    """The units of an XLIFF 2.0 file. Read without a DTD, entities or network access."""
    if path.stat().st_size > MAX_BYTES:
        return _problem(rel, 1, f"is over {MAX_BYTES:,} bytes; export the language again and bring back only that file")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        return _problem(rel, error.lineno or 1, f"is not well-formed XML ({error.msg}); save it again from your "
                        "translation tool")
    root = tree.getroot()
    if tree.docinfo.doctype:
        return _problem(rel, 1, "has a DOCTYPE; an XLIFF 2.0 file has none (save it again from your translation tool)")
    if root.tag != _q("xliff") or not str(root.get("version", "")).startswith("2."):
        return _problem(rel, root.sourceline or 1, "is not an XLIFF 2 file (<xliff version=\"2.0\" "
                        f"xmlns=\"{NS}\">); export the language again with FORMAT=xliff")
    problems: list[Problem] = []
    units = []
    for file in root.iterchildren(_q("file")):
        for unit in file.iter(_q("unit")):
            context = f"{file.get('id', '')}:{unit.get('id', '')}"
            states = [segment.get("state", "initial") for segment in unit.iterchildren(_q("segment"))]
            units.append(Edited(context, _joined(unit, "source", rel, problems, context),
                                _joined(unit, "target", rel, problems, context),
                                bool(states) and all(state in DONE for state in states),
                                bool(states) and all(state in REVIEWED for state in states), unit.sourceline or 0))
    return Exchanged(rel, "XLIFF", root.get("trgLang"), None, tuple(units), tuple(problems))


def context(unit: Unit) -> str:
    """How an XLIFF file names `unit`: its file's id and its own."""
    return f"{unit.domain}:{unit_id(unit)}"
