"""Time builds, and lay out the same pages for builds without our hooks.

Time is CPU time (user + system) of the build process: on a machine shared with other work it
moves far less than wall-clock time, which is reported beside it. Builds that are compared are
run in turns, several times, and each keeps its least disturbed (smallest) figure.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from catalogue import load
from catalogue.render import material
from catalogue.render.pages import pages, static_files
from tests.helpers import languages

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass(frozen=True)
class Timing:
    cpu: float
    wall: float
    pages: int

    @property
    def per_page_ms(self) -> float:
        return 1000 * self.cpu / self.pages


def build(project: Path, site: Path, *, strict: bool = True, site_url: str | None = None,
          env: dict[str, str] | None = None) -> Timing:
    """`mkdocs build` of `project` into `site` (with `env` added), timed; fails loudly (a benchmark of a
    broken build is no figure)."""
    shutil.rmtree(site, ignore_errors=True)
    env = {**ENV, **({"SITE_URL": site_url} if site_url else {}), **(env or {})}
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
                             "-f", "mkdocs.yml", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"build of {project} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(cpu, wall, sum(1 for _ in site.rglob("index.html")))


def best_of(builds: dict[str, Callable[[], Timing]], rounds: int = 3) -> dict[str, Timing]:
    """Each build run `rounds` times, in turns (so a busy spell of the machine hits them all), keeping
    the run with the least CPU time."""
    best: dict[str, Timing] = {}
    for _ in range(rounds):
        for name, run in builds.items():
            timing = run()
            if name not in best or timing.cpu < best[name].cpu:
                best[name] = timing
    return best


PROJECT_PARTS = ("data", "translations", "docs", "overrides", "hooks", "catalogue", "schemas", "deploy", "mkdocs.yml")


def cold_and_warm(target: Path, rounds: int = 3) -> tuple[Timing, Timing, Timing, int, int]:
    """A copy of the project built with nothing kept (every share card drawn, every PDF printed), then
    with the cards kept but no PDF (every PDF printed), then with everything kept from the last build
    (nothing drawn or printed), `rounds` times in turns, each keeping its smallest CPU time; and the
    numbers of cards and PDFs."""
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)
    env = {"CARD_CACHE": str(target / ".cache" / "cards"), "PDF_CACHE": str(target / ".cache" / "pdf")}
    cold = printed = warm = None
    for _ in range(rounds):
        shutil.rmtree(target / ".cache", ignore_errors=True)
        timing = build(target, target / "site", env=env)
        cold = timing if cold is None or timing.cpu < cold.cpu else cold
        shutil.rmtree(target / ".cache" / "pdf", ignore_errors=True)
        timing = build(target, target / "site", env=env)
        printed = timing if printed is None or timing.cpu < printed.cpu else printed
        timing = build(target, target / "site", env=env)
        warm = timing if warm is None or timing.cpu < warm.cpu else warm
    site = target / "site"
    return cold, printed, warm, sum(1 for _ in site.rglob("card.png")), sum(1 for _ in site.rglob("*.pdf"))


def _generated(docs: Path, folder_per_language: bool) -> None:
    """Write every page and file our hooks add, in every language, as plain files under `docs`."""
    catalogue, _ = load(ROOT, languages())
    for language in catalogue.languages:
        folder = f"{language.code}/" if folder_per_language else language.prefix
        for page in pages(catalogue, language.code):
            _write(docs / folder / page.src, page.markdown)
        for path, content in static_files(catalogue, language.code).items():
            _write(docs / folder / path.removeprefix(language.prefix), content)
        for hand_written in (ROOT / "docs" / language.code).rglob("*"):
            if hand_written.is_file():
                _write(docs / folder / hand_written.relative_to(ROOT / "docs" / language.code), hand_written.read_bytes())
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def without_hooks(target: Path, *, material_search: bool) -> Path:
    """Our mkdocs.yml (Material, static-i18n, overrides) minus the hooks, over the pages the hooks would add;
    with `material_search`, Material's own search plugin indexes them, as it does by default."""
    shutil.copytree(ROOT / "overrides", target / "overrides")
    _generated(target / "docs", folder_per_language=True)
    # Material's strings for the languages it does not ship, which the hooks serve from memory
    catalogue, _ = load(ROOT, languages())
    for language in catalogue.languages:
        if strings := catalogue.material.get(language.code):
            _write(target / "overrides" / material.partial_name(language), material.partial(language, strings))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    head, rest = config.split("\nhooks:\n", 1)
    config = head + "\n" + rest.split("\n\n", 1)[1]
    if material_search:
        config = config.replace("plugins:\n  - i18n:", "plugins:\n  - search\n  - i18n:", 1)
        config = config.replace("reconfigure_search: false", "reconfigure_search: true", 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


# Appended to the copy's hooks: pages and files are written as they are, unverified.
_OUTPUT_CHECK_OFF = ("\n\ndef _verified(output, dest, config, source):\n    return output\n"
                     "\n\ndef _members_check(config):\n    return None\n"
                     "\n\ndef _verify_site(config):\n    return None\n")


def without_output_check(target: Path) -> Path:
    """A copy of the project whose hooks skip the output allowlist (catalogue/validate/output.py and
    files.py), and nothing else: the same build, to time what the verifier costs."""
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    hook = target / "hooks/catalogue_events.py"
    text = hook.read_text(encoding="utf-8")
    if any(f"def {name}(" not in text for name in ("_verified", "_members_check", "_verify_site")):
        raise SystemExit("bench/builds.py: the hooks no longer have _verified, _members_check and _verify_site; "
                         "update without_output_check")
    hook.write_text(text + _OUTPUT_CHECK_OFF, encoding="utf-8")
    return target


def verifier_cpu(site: Path, site_url: str, rounds: int = 3) -> float:
    """CPU seconds the verifier spends on a built site, in this process (the least of `rounds`):
    every page as the hooks check it when written, each offline copy's members as they are packed (with the edits
    the build made to its pages, worked out here beforehand, as the build does), then every other file after the build."""
    import zipfile

    from selectolax.lexbor import LexborHTMLParser

    from catalogue.publish import offline
    from catalogue.publish.offline import Packed
    from catalogue.render.urls import site_root, zip_path
    from catalogue.publish.verify import check_site, members_check
    from catalogue.render.styles import csp_hash
    from catalogue.validate.allowlist import with_first_screen
    from catalogue.validate.files import forget, kind_of
    from catalogue.validate.output import check_page

    catalogue, _ = load(ROOT, languages())
    theme = Path(__import__("material").__file__).parent / "templates"
    pages = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")
             if kind_of(path.relative_to(site).as_posix()) == "page"}
    style = LexborHTMLParser(pages["index.html"]).css_first("style")
    allow = with_first_screen(csp_hash(style.text(deep=True)))  # as the hooks check: the site's one inline style allowed
    zips = {}  # each offline copy's bytes and members, as the build packed them, and the edits that made its pages
    files = offline.written(site)
    for language in catalogue.languages:
        members, edits = offline.contents_and_edits(site, language, site_root(site_url), files)
        with zipfile.ZipFile(site / zip_path(language)) as archive:
            if {name: archive.read(name) for name in archive.namelist()} != members:
                raise SystemExit(f"bench/builds.py: {zip_path(language)} is not what offline.contents_and_edits packs")
        zips[zip_path(language)] = ((site / zip_path(language)).read_bytes(), members, edits)
    best = float("inf")
    for _ in range(rounds):
        forget()
        start = time.process_time()
        found = [violation for path, html in pages.items()
                 for violation in check_page(html, path, site_url, catalogue.allowed_domains, allow)]
        check = members_check(site, site_url, catalogue.allowed_domains, frozenset(pages), allow)
        packed = {path: Packed.of(data, members) for path, (data, members, edits) in zips.items() if check(members, edits)}
        found += [f"{path}: a member" for path in zips if path not in packed]
        found += check_site(site, site_url, catalogue.allowed_domains, theme, ROOT / "docs", frozenset(pages), allow, packed)
        best = min(best, time.process_time() - start)
    if found:  # the build wrote only what it allows: a verifier that finds anything here is not timing the real work
        raise SystemExit(f"bench/builds.py: the verifier finds {found[0]} in the built site; it should find nothing")
    return best


# What a build's process holds before the verifier first reads a PDF: the engine, the theme, WeasyPrint and
# the hooks. Importing pikepdf then is the verifier's alone (the build prints its PDFs with WeasyPrint).
_BUILD_MODULES = "import mkdocs.commands.build, material, weasyprint, hooks.catalogue_events"


def pikepdf_import_cpu(rounds: int = 3) -> float:
    """CPU seconds a build's process spends importing pikepdf, once, for the verifier (the least of `rounds`,
    each in a fresh process): `verifier_cpu` leaves it out, as it leaves out everything done once."""
    code = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); {_BUILD_MODULES}; "
            "assert 'pikepdf' not in sys.modules, 'the build imports pikepdf itself'; "
            "start = time.process_time(); import pikepdf; print(time.process_time() - start)")
    return min(float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                    cwd=ROOT).stdout) for _ in range(rounds))


def plain_material(target: Path) -> Path:
    """Plain MkDocs + Material with its defaults (its lunr search included) over the same pages,
    each language in its folder: no hooks, no static-i18n, no overrides."""
    _generated(target / "docs", folder_per_language=False)
    (target / "mkdocs.yml").write_text(
        "site_name: Addis Ababa Communique 2019\n"
        "theme:\n  name: material\n"
        "markdown_extensions: [attr_list, admonition, toc]\n"
        "nav: [index.md, communique/index.md, frameworks/index.md, crosswalk/index.md, open-data/index.md]\n",
        encoding="utf-8")
    return target
