"""Material for MkDocs' language partial (partials/languages/<lang>.html) made from a language's
checked interface strings (translations/<lang>/material.yml), for a language Material does not ship.

Translators write YAML, never Jinja: the partial is produced here at build time (the MkDocs hook
serves it to the theme from memory; nothing is written into overrides/), each value HTML-escaped
and written as a Jinja string literal in which every character but letters, digits and spaces is a
\\u escape, so that no value can end the literal or open a Jinja tag."""

from __future__ import annotations

import html
import re

from catalogue.domain.model import Language

_PLAIN = re.compile(r"[A-Za-z0-9 ]")


def _literal(text: str) -> str:
    """`text` as a double-quoted Jinja string literal of ASCII letters, digits, spaces and escapes."""
    return '"' + "".join(char if _PLAIN.fullmatch(char) else f"\\u{ord(char):04x}" if ord(char) < 0x10000
                         else f"\\U{ord(char):08x}" for char in text) + '"'


def partial_name(language: Language) -> str:
    return f"partials/languages/{language.code}.html"


def partial(language: Language, strings: dict[str, str]) -> str:
    """The Jinja partial Material imports for `language`: a macro `t(key)`; a key it lacks falls back
    to Material's English (partials/language.html does `lang.t(key) or fallback.t(key)`)."""
    values = {"language": language.code, "direction": language.direction, **strings}
    entries = ",\n".join(f"  {_literal(key)}: {_literal(html.escape(value))}" for key, value in values.items())
    return "{% macro t(key) %}{{ {\n" + entries + "\n}[key] }}{% endmacro %}\n"
