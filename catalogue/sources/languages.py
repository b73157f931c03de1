"""The site's languages, as configured in mkdocs.yml (the one place that lists them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from catalogue.domain.model import Language
from catalogue.domain.problems import Problem


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


def from_mkdocs_yml(path: Path) -> list[Language]:
    """Languages read straight from mkdocs.yml, for tools that run without MkDocs."""
    config = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return from_entries(plugin["i18n"]["languages"])
    raise ValueError(f"{path} configures no i18n plugin languages")


# MkDocs always adds these to the extensions mkdocs.yml names.
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")


def markdown_extensions(path: Path) -> tuple[tuple[str, tuple[tuple[str, object], ...]], ...]:
    """The Markdown extensions the site renders pages with, as MkDocs configures them from mkdocs.yml:
    (name, options) pairs; options that are Python objects (a slugify function) are left to the default."""
    config = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    found: dict[str, dict] = {name: {} for name in MKDOCS_EXTENSIONS}
    for item in config.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        found[str(name)] = {**found.get(str(name), {}), **(options or {})}
    return tuple((name, tuple((key, value) for key, value in sorted(options.items())
                              if isinstance(value, (str, int, float, bool))))
                 for name, options in found.items())
