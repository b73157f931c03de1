"""Hand-written pages (docs/<lang>/): read, checked as a whole, and what `mkdocs serve` shows in
place of one that fails its checks."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from catalogue.domain.model import Language
from catalogue.sources.yamlfile import parse
from catalogue.validate import handwritten


def problems(path: Path, rel: str, allowed: tuple[str, ...], extensions: tuple) -> list[tuple[int, str]]:
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
    return problems + handwritten.body_problems(body, first, allowed, extensions)


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
