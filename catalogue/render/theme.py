"""Repairs to Material's HTML where its templates cannot be overridden, and the pages without the
indentation its templates leave between tags.

base.html writes its drawer and search toggles as `<input type="checkbox" autocomplete="off">`
outside any block; the HTML standard allows `autocomplete` on text-like inputs only, so the
W3C checker rejects every page. The attribute is dropped; nothing else changes.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="[^"]*"')


def repair(html: str) -> str:
    """`html` without the attributes the HTML standard does not allow on Material's checkboxes."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


# Where white space is the text itself (code, preformatted text, a text area's value): left as it is.
_KEPT = re.compile(r"(<(pre|textarea|code|kbd)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_GAP = re.compile(r">[ \t\r]*\n[ \t\r\n]*<")


def compact(html: str) -> str:
    """`html` with each run of white space between two tags that holds a line break made one line break:
    a browser draws both alike (white space between tags is one space wherever it is not kept as it is,
    and where it is, in code and preformatted text, it is left alone), and a page is a few hundred bytes
    smaller compressed, so its text arrives sooner on a slow network."""
    parts = _KEPT.split(html)
    # split() gives [outside, kept, its tag name, outside, kept, its tag name, ..., outside]
    return "".join(_GAP.sub(">\n<", part) if index % 3 == 0 else part
                   for index, part in enumerate(parts) if index % 3 != 2)
