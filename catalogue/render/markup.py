"""The Markdown a generated page is made of: its front matter, safe headings, its blocks.
Every page renderer writes its pages with these."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes and its Markdown."""

    src: str
    url: str
    markdown: str


def heading(text: str) -> str:
    """Text safe inside a Markdown heading."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def front_matter(title: str, description: str, jsonld: dict | None = None,
                 citation: list[tuple[str, str]] | None = None) -> str:
    """The page's YAML front matter: title, description and, for a clause, its schema.org description;
    `citation` is the <meta> names and values reference managers read (overrides/main.html escapes them)."""
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}",
             f"description: {json.dumps(description, ensure_ascii=False)}"]
    if jsonld:
        data = json.dumps(jsonld, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        lines.append(f"jsonld: {json.dumps(data, ensure_ascii=False)}")
    if citation:
        lines.append(f"citation: {json.dumps([list(pair) for pair in citation], ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---"


def join(blocks: list[str]) -> str:
    """The page's blocks, empty ones left out."""
    return "\n\n".join(b for b in blocks if b) + "\n"
