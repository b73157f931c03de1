"""Repairs to Material's HTML where its templates cannot be overridden.

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
