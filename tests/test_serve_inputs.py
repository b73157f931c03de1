"""`mkdocs serve` (a build that goes on past problems) publishes none of what the input checks
refuse: a hand-written page that fails shows the English page in its place, marked as English;
unexpected files and symlinked folders are left out; a Material string that fails falls back to
Material's English. And the owners of each folder are the ones the threat model names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT, languages, leaks, problem_lines, replace_text
from tests.sitebuild import build

PAYLOAD = "serve-payload-3f9a"


def _leaks(folder: Path) -> list[str]:
    return leaks(folder, PAYLOAD)


def test_serve_mode_shows_the_english_page_in_place_of_a_hostile_one_and_publishes_no_refused_file(project_copy):
    help_page = project_copy / "docs/fr/help.md"
    help_page.write_text(f"---\ntitle: Aide\ntemplate: ../../{PAYLOAD}.html\n---\n\n# Aide\n\n"
                         f"Lire <img\nsrc=x onerror=alert('{PAYLOAD}')>\n", encoding="utf-8")
    (project_copy / "docs/assets/evil.html").write_text(f"<script>{PAYLOAD}</script>\n", encoding="utf-8")
    (project_copy / "docs/fr/licences").symlink_to("/usr/share/common-licenses", target_is_directory=True)
    shutil.rmtree(project_copy / "docs/pt")  # a missing language folder: the English pages stand in
    replace_text(project_copy, "translations/sw/material.yml", 'action.skip: "Ruka hadi kwenye maudhui"',
                 f'action.skip: "<b>{PAYLOAD}</b>"')
    built = build(project_copy, project_copy / "out", strict=False)

    assert built.returncode == 0, built.output
    assert "Traceback" not in built.output
    assert _leaks(built.site) == []
    assert not (built.site / "assets/evil.html").exists()
    assert not (built.site / "fr/licences").exists()
    page = built.html("fr/help/")
    english = page.find("div", attrs={"lang": "en", "dir": "ltr"})
    assert english is not None and english.find("h1") is not None
    assert page.title.get_text().startswith("Get help")
    assert built.html("sw/").select_one(".md-skip").get_text(strip=True) == "Skip to content"
    stand_in = built.html("pt/help/")
    assert stand_in.find("div", attrs={"lang": "en"}) is not None and stand_in.html["lang"] == "pt"


@pytest.mark.core
def test_a_key_holding_a_newline_cannot_add_a_line_to_the_messages(project_copy):
    path = project_copy / "translations/fr/site.yml"
    path.write_text(path.read_text(encoding="utf-8")
                    + '"x\\n::error file=mkdocs.yml::forged\\u202e":\n  text: "x"\n', encoding="utf-8")
    lines = problem_lines(project_copy)
    forged = [line for line in lines if "forged" in line]
    assert len(forged) == 1 and "x\\n::error file=mkdocs.yml::forged\\u202e: [fr]" in forged[0]
    assert all("\n" not in line and "\u202e" not in line for line in lines)


@pytest.mark.core
def test_every_language_folder_is_owned_by_its_translators_and_the_maintainers():
    """The threat model (CONTRIBUTING.md): translators change translations/<lang>/ and docs/<lang>/,
    maintainers everything else; CODEOWNERS asks exactly them."""
    owners = {}
    for line in (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path, *teams = line.split()
            owners[path] = teams
    assert owners.pop("*") == ["@communique-kb/maintainers"]
    for language in languages():
        for folder in ("translations", "docs"):
            teams = owners.pop(f"/{folder}/{language.code}/")
            assert "@communique-kb/maintainers" in teams
            assert teams[0] == ("@communique-kb/maintainers" if language.default
                                else f"@communique-kb/translators-{language.code}")
    assert all(teams == ["@communique-kb/maintainers"] for teams in owners.values()), owners
    assert "/docs/assets/" in owners  # the assets inside docs/ are the maintainers' alone
