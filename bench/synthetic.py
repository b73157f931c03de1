"""A throwaway copy of the project with a synthetic catalogue: the communique's paragraphs,
the frameworks' provisions and the links between them repeated `factor` times (new ids, the
same words), in chosen languages. Only for timing builds: every copy of a clause carries the
real clause's translations and fingerprints, so the strict build passes as on the real site.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from bench.builds import PROJECT_PARTS as PARTS  # the same copy as the other builds

ROOT = Path(__file__).resolve().parent.parent
# Locales Material already speaks, added to double the languages (each reads the French strings).
EXTRA_LOCALES = ("de", "it", "nl", "pl", "sv", "tr", "ro")
_PARAGRAPH = re.compile(r"^(pp|op)(\d+)(-.*)?$")


class _Dumper(yaml.SafeDumper):
    """Writes every copy out in full: the catalogue refuses YAML aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def _read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data) -> None:
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


def project(target: Path, factor: int, locales: list[str]) -> Path:
    """Copy the project to `target` with the catalogue `factor` times larger, in `locales`
    (codes of the project, or of EXTRA_LOCALES)."""
    for name in PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    _languages(target, locales)
    if factor > 1:
        _scale(target, factor, locales)
        _lift_file_limit(target, factor)
    return target


def _lift_file_limit(root: Path, factor: int) -> None:
    """The catalogue refuses files over 1 MB and lists longer than its schemas allow (guards against
    hostile pull requests); a catalogue `factor` times larger has files and lists that much larger."""
    module = root / "catalogue" / "sources" / "yamlfile.py"
    text, count = re.subn(r"^MAX_BYTES = (.*)$", rf"MAX_BYTES = {factor} * (\1)", module.read_text(encoding="utf-8"),
                          flags=re.MULTILINE)
    assert count == 1, "catalogue/sources/yamlfile.py no longer defines MAX_BYTES"
    module.write_text(text, encoding="utf-8")
    # and lists as long as the input schemas allow (a framework's provisions, the published ids), times `factor`
    for schema in (root / "schemas" / "input").glob("*.schema.json"):
        schema.write_text(re.sub(r'"(maxItems|maxProperties)": (\d+)', lambda m: f'"{m.group(1)}": {int(m.group(2)) * factor}',
                                 schema.read_text(encoding="utf-8")), encoding="utf-8")


def _languages(root: Path, locales: list[str]) -> None:
    """Keep only `locales` in mkdocs.yml, translations/ and docs/; add the EXTRA_LOCALES asked for."""
    config = root / "mkdocs.yml"
    head, rest = config.read_text(encoding="utf-8").split("      languages:\n", 1)
    block, tail = rest.split("\n\n", 1)
    entries = {entry.split("\n", 1)[0]: entry for entry in block.split("        - locale: ")[1:]}
    chosen = [entries.get(code) or f"{code}\n          name: {code} (synthetic)\n          build: true\n" for code in locales]
    config.write_text(head + "      languages:\n" + "".join("        - locale: " + e.rstrip("\n") + "\n" for e in chosen)
                      + "\n" + tail, encoding="utf-8")
    for folder in (root / "translations", root / "docs"):
        for child in folder.iterdir():
            if child.is_dir() and child.name != "assets" and child.name not in locales:
                shutil.rmtree(child)
        for code in set(locales) & set(EXTRA_LOCALES):
            shutil.copytree(ROOT / folder.name / "fr", folder / code)


def _copy_id(clause_id: str, copy: int, per_copy: dict[str, int]) -> str:
    """'op1-iii' in copy 2 → 'op7-iii' (each copy numbers its paragraphs after the previous one's)."""
    kind, number, rest = _PARAGRAPH.match(clause_id).groups()
    return f"{kind}{int(number) + copy * per_copy[kind]}{rest or ''}"


def _provision_id(provision_id: str, copy: int) -> str:
    return f"{provision_id}-c{copy}" if copy else provision_id


def _target(target: str, copy: int) -> str:
    instrument, _, provision = target.partition("/")
    return f"{instrument}/{_provision_id(provision, copy)}" if provision else instrument


def _scale(root: Path, factor: int, locales: list[str]) -> None:
    data = root / "data"
    communique = _read(data / "communique.yml")
    originals = communique["clauses"]
    per_copy = {kind: sum(1 for c in originals if re.fullmatch(kind + r"\d+", c["id"])) for kind in ("pp", "op")}
    copies: dict[str, list[str]] = {c["id"]: [c["id"]] for c in originals}
    preambular = [c for c in originals if not c["id"].startswith("op")]
    operative = [c for c in originals if c["id"].startswith("op")]
    clauses = list(preambular)
    for group in (preambular, operative):
        if group is operative:
            clauses += operative
        for copy in range(1, factor):
            for clause in group:
                if clause["id"] == "preamble":
                    continue
                new = dict(clause, id=_copy_id(clause["id"], copy, per_copy))
                if "parent" in clause:
                    new["parent"] = _copy_id(clause["parent"], copy, per_copy)
                if clause["kind"] == "operative":
                    new["number"] = str(int(clause["number"]) + copy * per_copy["op"])
                copies[clause["id"]].append(new["id"])
                clauses.append(new)
    communique["clauses"] = clauses
    _write(data / "communique.yml", communique)
    _write(data / "published-ids.yml", [c["id"] for c in clauses])

    instruments = _read(data / "instruments.yml")
    provisions = {}
    for instrument in instruments:
        originals = instrument.get("provisions") or []
        provisions.update({f"{instrument['id']}.{p['id']}": instrument["id"] for p in originals})
        instrument["provisions"] = [dict(p, id=_provision_id(p["id"], copy), number=str(p["number"]) + (f"({copy})" if copy else ""))
                                    for copy in range(factor) for p in originals]
    _write(data / "instruments.yml", instruments)

    links = _read(data / "links.yml")
    links["links"] = {new: [dict(item, to=_target(item["to"], copy)) for item in items]
                      for clause_id, items in links["links"].items() for copy, new in enumerate(copies[clause_id])}
    _write(data / "links.yml", links)

    def link_keys(key: str) -> list[str]:
        clause_id, target = key.split("/", 1)
        return [f"{new}/{_target(target, copy)}" for copy, new in enumerate(copies[clause_id])]

    def framework_keys(key: str) -> list[str]:
        instrument, _, provision = key.partition(".")
        return [f"{instrument}.{_provision_id(provision, copy)}" for copy in range(factor)] if key in provisions else [key]

    for code in locales:
        folder = root / "translations" / code
        for domain in ("communique", "plain"):
            _scale_strings(folder / f"{domain}.yml", lambda key: copies.get(key, [key]))
        _scale_strings(folder / "links.yml", link_keys)
        _scale_strings(folder / "frameworks.yml", framework_keys)


def _scale_strings(path: Path, keys) -> None:
    """Give every copy of an id the entry of its original."""
    entries = _read(path) or {}
    _write(path, {new: entry for key, entry in entries.items() for new in keys(key)})
