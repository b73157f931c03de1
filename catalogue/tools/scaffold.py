"""`new-language CODE`: everything a new language needs, every entry untranslated, built as a draft."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from catalogue.domain.model import fingerprint
from catalogue.sources.load import DOMAINS, LANGUAGE_FILE

_CODE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")
_FRONT_MATTER = re.compile(r"\A(---\n.*?\n---\n)?(.*)\Z", re.DOTALL)


class ScaffoldError(ValueError):
    """The language cannot be added as asked; the message says why."""


@dataclass(frozen=True)
class NewLanguage:
    code: str
    name: str
    direction: str


def language(root: Path, code: str, name: str | None, existing: Iterable[str]) -> NewLanguage:
    """Check that `code` is a language Babel knows and the site does not have yet (`existing`: its codes)."""
    if not _CODE.match(code):
        raise ScaffoldError(f"{code!r} is not a language code; use a BCP 47 code such as 'ha', 'so' or 'pt-BR'")
    if code in existing:
        raise ScaffoldError(f"{code} is already a language of the site (see mkdocs.yml)")
    if (root / "translations" / code).exists():
        raise ScaffoldError(f"translations/{code}/ already exists; remove it or pick another code")
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ScaffoldError(f"{code!r} is not a language Babel knows, so dates and numbers could not be "
                            "written in it; check the code") from None
    direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    return NewLanguage(code, name or locale.get_display_name(locale) or code, direction)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def translation_file(english_path: Path, new: NewLanguage) -> str:
    """An English translation file turned into an empty one for `new`: each id with its English as a
    comment, `text: ""`, and the fingerprint of the English it will translate."""
    english = yaml.safe_load(english_path.read_text(encoding="utf-8")) or {}
    lines = [f"# {new.name} ({new.code}): translations of {english_path.name}, keyed by the same ids.",
             "# Each entry is untranslated: write the translation in `text:` (the English is in the",
             "# comment above it), keep `source:`, and record what you did in `history:`.", ""]
    for key, entry in english.items():
        entry = entry if isinstance(entry, dict) else {"text": entry}
        lines.append(f"{key}:")
        lines += [f"  # en: {line}" for line in str(entry.get("text", "")).splitlines() or [""]]
        if "term" in entry:
            lines += [f"  # en term: {entry['term']}", '  term: ""']
        lines += ['  text: ""', f"  source: \"{fingerprint(str(entry.get('text', '')))}\"", "  status: human-draft"]
    return "\n".join(lines) + "\n"


def docs_page(english: str) -> str:
    """A hand-written English page for the new language: its text kept in English, marked as such,
    until it is translated."""
    front, body = _FRONT_MATTER.match(english).groups()
    note = ('[//]: # "Not translated yet: translate this page, then delete the line that opens the English '
            'block (div lang en) and the line that closes it (/div) at the end."')
    return f"{front or ''}\n{note}\n\n<div lang=\"en\" dir=\"ltr\" markdown>\n\n{body.strip()}\n\n</div>\n"


_MATERIAL_ENTRY = re.compile(r'^  "([a-z.]+)": (".*"),?$', re.MULTILINE)


def material_strings(material: Path, new: NewLanguage) -> str | None:
    """translations/<code>/material.yml: Material's interface strings for `new`, in English to be
    translated, when Material has none of its own (the site makes the theme's partial from it)."""
    if (material / f"{new.code}.html").is_file():
        return None
    english = (material / "en.html").read_text(encoding="utf-8")
    lines = [f"# Material for MkDocs' interface strings in {new.name} ({new.code}), which Material does not ship.",
             "# Translate each value: one line of plain text, in double quotes (no < > & \" ' { }; write ’ for an",
             "# apostrophe). # in a value stands for a number.", ""]
    for key, value in _MATERIAL_ENTRY.findall(english):
        if key not in ("language", "direction") and not key.startswith("search.config."):
            text = json.loads(value).replace("'", "’")
            lines.append(f"{key}: {_quoted(text)}")
    return "\n".join(lines) + "\n"


def mkdocs_entry(config: str, new: NewLanguage) -> str:
    """mkdocs.yml with `new` appended to the i18n plugin's languages."""
    lines = config.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == "languages:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    item = " " * (indent + 2)
    entry = f"{item}- locale: {new.code}\n{item}  name: {_quoted(new.name)}\n{item}  build: true\n"
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def scaffold(root: Path, code: str, name: str | None, material: Path, existing: Iterable[str]) -> list[str]:
    """Create the new language's files; return their paths, relative to `root` (`material`: the theme's
    folder of interface strings; `existing`: the codes of the site's languages)."""
    new = language(root, code, name, existing)
    created: dict[str, str] = {}
    for domain in DOMAINS:
        created[f"translations/{code}/{domain}.yml"] = translation_file(root / f"translations/en/{domain}.yml", new)
    created[f"translations/{code}/{LANGUAGE_FILE}"] = (
        "# A draft is built with a notice and English wherever a text is not translated yet.\n"
        "# Set to true when every entry is translated and `make check` finds no problem.\n"
        "published: false\n")
    for page in sorted((root / "docs/en").glob("*.md")):
        created[f"docs/{code}/{page.name}"] = docs_page(page.read_text(encoding="utf-8"))
    strings = material_strings(material, new)
    if strings is not None:
        created[f"translations/{code}/material.yml"] = strings
    for rel, content in created.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(mkdocs_entry(config.read_text(encoding="utf-8"), new), encoding="utf-8")
    owners = root / ".github/CODEOWNERS"
    if owners.is_file():
        team = f"@communique-kb/translators-{code}"
        owners.write_text(owners.read_text(encoding="utf-8") + "".join(
            f"/{folder}/{code}/".ljust(24) + f"{team} @communique-kb/maintainers\n" for folder in ("translations", "docs")),
            encoding="utf-8")
        return sorted(created) + [".github/CODEOWNERS", "mkdocs.yml"]
    return sorted(created) + ["mkdocs.yml"]
