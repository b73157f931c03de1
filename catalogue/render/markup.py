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


def script_json(data: object) -> str:
    """`data` as JSON that is safe inside a <script> data block: no '<', '>' or '&' to end or comment it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def front_matter(title: str, description: str, jsonld: dict | None = None, extra: tuple[str, ...] = (),
                 citation: list[tuple[str, str]] | None = None) -> str:
    """The page's YAML front matter: title, description and, for a clause, its schema.org description;
    `extra`: lines of the site's own settings (Material's `hide`, `offline_reading`);
    `citation`: the <meta> names and values reference managers read (overrides/main.html escapes them)."""
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}",
             f"description: {json.dumps(description, ensure_ascii=False)}", *extra]
    if jsonld:
        lines.append(f"jsonld: {json.dumps(script_json(jsonld), ensure_ascii=False)}")
    if citation:
        lines.append(f"citation: {json.dumps([list(pair) for pair in citation], ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---"


def join(blocks: list[str]) -> str:
    """The page's blocks, empty ones left out."""
    return "\n\n".join(b for b in blocks if b) + "\n"
