"""The strict MkDocs build of a broken copy: it fails, says why in one line, and writes nothing."""

from __future__ import annotations

from tests.helpers import write_entry
from tests.sitebuild import build

PAYLOAD = "alert('catalogue-test-payload')"


def test_strict_build_stops_on_a_script_with_one_line_before_writing_anything(project_copy):
    line = write_entry(project_copy, "fr", "communique", "op1-iii", f"Partager <script>{PAYLOAD}</script> ;")
    out = project_copy / "out"
    out.mkdir()
    (out / "last-good.html").write_text("the last good site", encoding="utf-8")
    built = build(project_copy, out)

    assert built.returncode != 0
    assert ("WARNING -  translations/fr/communique.yml:"
            f"{line}: op1-iii: [fr] contains a <script> element; remove it") in built.output
    assert "Aborted: the catalogue has 1 problem, listed above; nothing was built." in built.output
    assert "Traceback" not in built.output
    assert [path.name for path in out.iterdir()] == ["last-good.html"]
