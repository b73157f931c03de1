"""The site's languages, as configured in mkdocs.yml (the one place that lists them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from catalogue.model import Language
from catalogue.problems import Problem


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring MkDocs' own tags (!ENV, !!python/...)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


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


def unknown_languages(root: Path, languages: Iterable[Language]) -> list[Problem]:
    """Each configured language code Babel does not know (no direction, dates or names), at its line in mkdocs.yml."""
    lines = (Path(root) / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return [Problem("mkdocs.yml", next((n for n, line in enumerate(lines, start=1)
                                        if line.strip().removeprefix("- ") == f"locale: {language.code}"), 0),
                    language.code, "", "is not a language code known to Babel; use an ISO 639 code such as fr or pt")
            for language in languages if _locale(language.code) is None]


def from_mkdocs_yml(path: Path) -> list[Language]:
    """Languages read straight from mkdocs.yml, for tools that run without MkDocs."""
    config = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return from_entries(plugin["i18n"]["languages"])
    raise ValueError(f"{path} configures no i18n plugin languages")
