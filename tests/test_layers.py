"""The core's layers, read from its source with `ast`: each imports only the layers below it, none
imports an engine, and each touches files only as its place allows.

    domain → validate → sources → render → publish → tools      (then hooks/, the engine's adapter)

Files: `sources` reads the project's files (the build reads them through it alone); `publish` reads and writes the
built site (every function there works on the site folder it is handed) and may run Pagefind over it;
`tools` create and edit the project's files for translators (`accept` rewrites an entry's fingerprint,
`new-language` copies the English files), so they read what they copy or rewrite, and run nothing.
`sources` may also run git (the English's history). `domain`, `validate` and `render` touch no file at
all: they get data and return data.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.core

CORE = ROOT / "catalogue"
LAYERS = ("domain", "validate", "sources", "render", "publish", "tools")
ENGINES = {"mkdocs", "material", "mkdocs_static_i18n", "properdocs", "zensical"}
READS = {"open", "read_text", "read_bytes", "iterdir", "glob", "rglob", "listdir", "scandir", "walk"}
WRITES = {"write_text", "write_bytes", "mkdir", "touch", "unlink", "rmdir", "rmtree", "copyfile", "copytree"}
MAY = {"sources": {"read", "subprocess"}, "publish": {"read", "write", "subprocess"}, "tools": {"read", "write"}}
MODULES = sorted(path for path in CORE.rglob("*.py") if path.parent != CORE)


def layer(path: Path) -> str:
    return path.relative_to(CORE).parts[0]


def imports(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module imported anywhere in a file (inside functions too), with its line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, "." * node.level + node.module))
    return found


def _in_memory(call: ast.Call) -> bool:
    """`something.open(io.BytesIO(data))`: a document opened from bytes in memory, not a file."""
    first = call.args[0] if call.args else None
    return isinstance(first, ast.Call) and getattr(first.func, "attr", getattr(first.func, "id", "")) in ("BytesIO", "StringIO")


def file_access(tree: ast.AST) -> list[tuple[int, str]]:
    """Every call that reads or writes a file ('read'/'write', by its name), and every use of subprocess."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            mode = next((arg.value for arg in node.args[:2] if isinstance(arg, ast.Constant)
                         and isinstance(arg.value, str) and set(arg.value) <= set("rwabxt+")), "r")
            if name == "open" and _in_memory(node):
                continue
            if name in WRITES or (name == "open" and set(mode) & set("wax+")):
                found.append((node.lineno, "write"))
            elif name in READS:
                found.append((node.lineno, "read"))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [(node.lineno, "subprocess") for name in names if name.split(".")[0] == "subprocess"]
    return sorted(found)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(CORE).as_posix())
def test_a_core_module_imports_only_lower_layers_and_no_engine(path):
    own = LAYERS.index(layer(path))
    wrong = []
    for line, module in imports(ast.parse(path.read_text(encoding="utf-8"))):
        parts = module.split(".")
        if parts[0] in ENGINES:
            wrong.append(f"{line}: imports the engine ({module}); only hooks/ may")
        elif module.startswith("."):
            wrong.append(f"{line}: a relative import ({module}); name the layer")
        elif parts[0] == "catalogue" and len(parts) == 1:
            wrong.append(f"{line}: imports the package's front door; import from the layer that defines it")
        elif parts[0] == "catalogue" and LAYERS.index(parts[1]) > own:
            wrong.append(f"{line}: imports {module}, a layer above {layer(path)}")
    assert wrong == [], f"{path.relative_to(ROOT)}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(CORE).as_posix())
def test_a_core_module_touches_files_only_as_its_layer_may(path):
    allowed = MAY.get(layer(path), set())
    wrong = [f"{line}: {kind}" for line, kind in file_access(ast.parse(path.read_text(encoding="utf-8")))
             if kind not in allowed]
    assert wrong == [], f"{path.relative_to(ROOT)} ({layer(path)} may {sorted(allowed) or 'touch no file'}):\n" \
        + "\n".join(wrong)


def test_every_core_module_is_in_a_layer():
    assert {layer(path) for path in MODULES} <= set(LAYERS)
    assert sorted(path.name for path in CORE.glob("*.py")) == ["__init__.py"]


def test_the_adapter_uses_only_the_core_public_names():
    for path in sorted((ROOT / "hooks").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        private = [f"{node.lineno}: {node.module}.{alias.name}" for node in ast.walk(tree)
                   if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("catalogue")
                   for alias in node.names if alias.name.startswith("_") or "._" in node.module]
        assert private == [], f"{path.relative_to(ROOT)} uses private names:\n" + "\n".join(private)


def test_the_checks_catch_what_they_guard():
    """The rules above can fail: an upward import, an engine import and a file read are each found."""
    tree = ast.parse("import mkdocs\nfrom catalogue.render.core import Renderer\nPath('x').read_text()\n")
    assert [module for _, module in imports(tree)] == ["mkdocs", "catalogue.render.core"]
    assert file_access(tree) == [(3, "read")]
    assert file_access(ast.parse("open(p, 'w')\nopen(p)\nimport subprocess")) == [(1, "write"), (2, "read"),
                                                                                    (3, "subprocess")]
    assert file_access(ast.parse("pikepdf.open(io.BytesIO(data))\npikepdf.open(name)")) == [(2, "read")]
