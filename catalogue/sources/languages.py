"""The site's languages, as configured in mkdocs.yml (the one place that lists them). The engine reads
that file (hooks/ hand over its `languages` entries); this module only turns them into Languages and
reports, at their lines, the codes and folders that do not fit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from babel import Locale, UnknownLocaleError

from catalogue.domain.model import Language
from catalogue.domain.problems import Problem


def from_entries(entries: Iterable[Mapping]) -> list[Language]:
    """Languages from static-i18n's `languages` entries, the default first."""
    languages = []
    for entry in entries:
        if not entry.get("build", True):
            continue
        code = entry["locale"]
        locale = _locale(code)
        rtl = locale is not None and locale.character_order == "right-to-left"
        languages.append(Language(code, entry.get("name") or code, "rtl" if rtl else "ltr", bool(entry.get("default"))))
    return sorted(languages, key=lambda language: not language.default)


def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return None


def language_problems(root: Path, languages: Iterable[Language]) -> list[Problem]:
    """At their line in mkdocs.yml: each configured language code Babel does not know (no direction,
    dates or names), and each folder of translations/ for a language that is not configured."""
    lines = (Path(root) / "mkdocs.yml").read_text(encoding="utf-8").splitlines()

    def line_of(text: str) -> int:
        return next((n for n, line in enumerate(lines, start=1) if line.strip().removeprefix("- ") == text), 1)

    codes = [language.code for language in languages]
    folder = Path(root) / "translations"
    unconfigured = sorted(child.name for child in folder.iterdir() if child.is_dir() and child.name not in codes) \
        if folder.is_dir() else []
    return ([Problem("mkdocs.yml", line_of(f"locale: {code}"), code, "",
                     "is not a language code known to Babel; use an ISO 639 code such as fr or pt")
             for code in codes if _locale(code) is None]
            + [Problem("mkdocs.yml", line_of("languages:"), code, code,
                       f"has a folder translations/{code}/ but is not configured here; "
                       "add it to these languages (locale, name, build) or remove the folder") for code in unconfigured])
