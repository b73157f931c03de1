"""Hand-written pages (docs/<lang>/): read, checked as a whole, and what `mkdocs serve` shows in
place of one that fails its checks."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import markdown
import yaml

from catalogue.domain.model import Language
from catalogue.sources.yamlfile import parse
from catalogue.validate import handwritten


# MkDocs always adds these to the extensions mkdocs.yml names.
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring MkDocs' own tags (!ENV, !!python/...)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def renderer(extensions: list[Any] | None = None, configs: Mapping[str, Mapping] | None = None,
             root: Path | None = None) -> markdown.Markdown:
    """The Markdown the site renders pages with: the engine's own extensions and their options when
    it hands them over (the hook does); else those mkdocs.yml at `root` names, with MkDocs' built-in
    ones, options that are Python objects (a slugify function) left at their defaults."""
    if extensions is None:
        config = yaml.load((Path(root or ".") / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        found: dict[str, dict] = {name: {} for name in MKDOCS_EXTENSIONS}
        for item in config.get("markdown_extensions") or []:
            name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
            found[str(name)] = {key: value for key, value in (options or {}).items() if value is not None}
        extensions, configs = list(found), found
    return markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs or {}), output_format="html")


def problems(path: Path, rel: str, allowed: tuple[str, ...], page_markdown: markdown.Markdown) -> list[tuple[int, str]]:
    """Every (line, reason) a hand-written page may not be published for."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return [(1, "is not valid UTF-8; save it with UTF-8 encoding")]
    except OSError as error:
        return [(0, f"cannot be read ({error.strerror})")]
    if len(text) > handwritten.MAX_PAGE:
        return [(1, f"is {len(text):,} characters long, over the limit of {handwritten.MAX_PAGE:,}; split the page")]
    if text.startswith("\ufeff"):
        return [(1, "starts with a byte-order mark; save it as UTF-8 without BOM")]
    front, body, first = handwritten.split(text)
    problems: list[tuple[int, str]] = []
    if front is not None:
        parsed = parse(front, rel, offset=1)
        problems += [(p.line, p.message) for p in parsed.problems]
        problems += handwritten.front_matter_problems(parsed.data, 1)
    elif handwritten.leading_metadata(body):
        problems.append((1, "starts with `name:`, which MkDocs reads as page settings; start with a heading, "
                            "or put the title between two --- lines"))
    return problems + handwritten.body_problems(body, first, allowed, page_markdown)


def fallback(docs: Path, rel: str, refused: Collection[str], default: Language) -> tuple[dict[str, str], str]:
    """What serve mode shows for the page `rel` (relative to `docs`) that failed its checks: the default
    language's page of the same name, marked as written in it, or an empty page when that fails too."""
    lang, _, name = rel.partition("/")
    english = f"{default.code}/{name}"
    path = docs / english
    if lang == default.code or english in refused or not path.is_file():
        return {}, ""
    front, body, _ = handwritten.split(path.read_text(encoding="utf-8"))
    data = parse(front or "", english).data
    meta = {key: value for key, value in data.items() if key in handwritten.FRONT_MATTER} \
        if isinstance(data, dict) else {}
    return meta, f'<div lang="{default.code}" dir="{default.direction}" markdown>\n\n{body.strip()}\n\n</div>\n'


def stand_ins(docs: Path, language: Language, refused: Collection[str], default: Language) -> dict[str, str]:
    """Serve mode, for a language whose docs/<lang>/ folder is missing: each page of the default
    language as it would stand in for a page that fails (path relative to the language → Markdown)."""
    if language.default or (docs / language.code).is_dir() or not (docs / default.code).is_dir():
        return {}
    result = {}
    for path in sorted((docs / default.code).rglob("*.md")):
        name = path.relative_to(docs / default.code).as_posix()
        meta, body = fallback(docs, f"{language.code}/{name}", refused, default)
        if body:
            front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
            result[name] = f"---\n{front}---\n\n{body}"
    return result
