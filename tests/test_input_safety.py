"""Property-based tests of the input checks: arbitrary Unicode and arbitrary YAML shapes thrown at
every file kind (each data file, each translation file, Material's strings, front matter, page
bodies) never raise, only ever give one-line messages, and what loads renders nothing the site does
not produce. Deadline-free, bounded and derandomised: the same examples on every run (CI too)."""

from __future__ import annotations

import copy
import html
import datetime
import re
import shutil
from pathlib import Path

import jinja2
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue import load
from catalogue.domain.model import Language
from catalogue.domain.problems import Problem, printable
from catalogue.render import material
from catalogue.render.pages import pages, static_files
from catalogue.sources import load as loader
from catalogue.sources import pages as handwritten
from catalogue.sources.yamlfile import parse
from catalogue.validate import schema
from catalogue.validate.safety import bracket_problem, text_problems
from tests.helpers import ROOT, languages

pytestmark = pytest.mark.core

FAST = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=8, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# Text a hostile contributor would try: any Unicode (surrogates, controls, bidirectional and format
# characters included), and the fragments that make HTML, Markdown, Jinja and YAML do things.
FRAGMENTS = ["<script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:", "[", "](", ")", "{{", "{%",
             "{number}", "{numbr}", "&#x3c;", "\u202e", "\u2028", "\ud800", "\n", "\x1b", "---", "template:", "`",
             "![x](https://evil.example.com/p.gif)", '{: style="x" }', "<x:y onmouseover=1>", "\\", "# "]
TEXT = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(FRAGMENTS)), max_size=8).map("".join)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False), TEXT,
                    st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)))
SHAPES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(TEXT, st.integers(0, 9)), inner, max_size=4)), max_leaves=12)
HIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff\ud800-\udfff]")


def assert_one_line(problems: list[Problem]) -> None:
    for problem in problems:
        line = str(problem)
        assert not HIDDEN.search(line), line
        line.encode("utf-8")  # printable, surrogates included


def _yaml(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


# --- strings --------------------------------------------------------------------------------

@FAST
@given(TEXT)
def test_any_text_gets_reasons_never_an_exception(text):
    reasons = text_problems(text, ("ohchr.org",))
    assert all("\n" not in reason for reason in reasons)
    assert_one_line([Problem("translations/fr/site.yml", 1, text, "fr", reason) for reason in reasons])


@FAST
@given(st.text(alphabet="[]()\\ab", max_size=300))
def test_the_bracket_check_finds_what_markdown_would_be_slow_on(text):
    found = bracket_problem(text)
    if found is None:  # what passes Markdown may parse: brackets closed, nested a few deep at most
        assert "[" * 5 not in text.replace("\\[", "") and "(" * 5 not in text.replace("\\(", "")
    else:
        offset, reason = found
        assert 0 <= offset < len(text) and "\n" not in reason


@FAST
@given(st.text())
def test_a_message_is_always_one_printable_line(text):
    line = str(Problem(text, 3, text, "fr", text))
    assert not HIDDEN.search(line)
    assert printable(line) == line


# --- every data and translation file, against its schema and its loader ---------------------

DATA_FILES = {"communique": loader._clauses, "instruments": loader._instruments, "links": loader._links}


def _paths(value, path=()):
    """Every path into a parsed YAML value."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


def _replaced(value, path, new):
    if not path:
        return new
    value = copy.deepcopy(value)
    node = value
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = new
    return value


def _mutations(rel: str):
    """A real file of the project with one value, anywhere in it, replaced by an arbitrary shape."""
    original = yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))
    paths = list(_paths(original))
    return st.tuples(st.sampled_from(paths), SHAPES).map(lambda pair: _replaced(original, *pair))


def _reparsed(value, rel: str):
    parsed = parse(_yaml(value), rel)
    assert_one_line(parsed.problems)
    return parsed.data


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_any_shape_of_a_data_file_is_a_message_never_a_traceback(name):
    rel = f"data/{name}.yml"

    @FAST
    @given(_mutations(rel))
    def check(value):
        data, problems = schema.check(_reparsed(value, rel), loader._schema(name), rel)
        reader = loader._Reader(ROOT)
        DATA_FILES[name](reader, data)
        assert_one_line(problems + reader.problems)
    check()


@pytest.mark.parametrize("name", ["allowed-domains", "published-ids", "retired-ids"])
def test_any_shape_of_a_list_file_is_a_message_never_a_traceback(name):
    rel = f"data/{name}.yml"

    @FAST
    @given(SHAPES)
    def check(value):
        data, problems = schema.check(_reparsed(value, rel), loader._schema(name), rel)
        assert_one_line(problems)
    check()


LANGUAGE = Language("fr", "Français")


@pytest.mark.parametrize("domain", loader.DOMAINS)
def test_any_shape_of_a_translation_entry_is_a_message_never_a_traceback(domain):
    rel = f"translations/fr/{domain}.yml"

    @FAST
    @given(_mutations(rel))
    def check(value):
        data, problems = schema.check(_reparsed(value, rel), loader._schema("translation"), rel, "fr", by_key=True)
        reader = loader._Reader(ROOT)
        for key, entry in (data or {}).items() if isinstance(data, dict) else []:
            translation = loader._entry(reader, rel, LANGUAGE, domain, str(key), entry, 1)
            if translation is not None:
                problems += [Problem(rel, 1, str(key), "fr", reason)
                             for reason in text_problems(translation.text, ("ohchr.org",))]
        assert_one_line(problems + reader.problems)
    check()


# --- Material's strings: YAML in, an escaped partial out -------------------------------------

@FAST
@given(st.dictionaries(st.sampled_from(["action.skip", "search.placeholder", "footer.next"]), TEXT, max_size=3))
def test_a_material_partial_prints_every_value_as_text(strings):
    strings = {key: value.encode("utf-8", "replace").decode("utf-8") for key, value in strings.items()}
    partial = material.partial(LANGUAGE, strings)
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "p.html": partial, "t.html": '{% import "p.html" as lang %}{{ lang.t(key) }}'}))
    for key, value in strings.items():
        out = env.get_template("t.html").render(key=key)
        assert out == html.escape(value)  # the value, as text: no Jinja ran, no markup opened


# --- hand-written pages: front matter and body ------------------------------------------------

RENDERER = handwritten.renderer(root=ROOT)


def _page_problems(tmp: Path, text: str) -> list[Problem]:
    path = tmp / "page.md"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return [Problem("docs/fr/page.md", line, "page", "fr", message)
            for line, message in handwritten.problems(path, "docs/fr/page.md", ("ohchr.org",), RENDERER)]


@FAST
@given(SHAPES)
def test_any_front_matter_is_a_message_never_a_traceback(tmp_path_factory, value):
    problems = _page_problems(tmp_path_factory.mktemp("fm"), f"---\n{_yaml(value)}---\n# Titre\n")
    assert_one_line(problems)
    if isinstance(value, dict) and set(value) - {"title", "description"}:
        assert problems


@FAST
@given(st.lists(st.one_of(TEXT, st.sampled_from(["\n", "\n\n", "- ", "> ", "    ", "[1]: ", "```\n"])),
                max_size=12).map("".join))
def test_any_page_body_is_a_message_or_only_what_the_site_produces(tmp_path_factory, body):
    problems = _page_problems(tmp_path_factory.mktemp("body"), body)
    assert_one_line(problems)
    if not problems:
        RENDERER.reset()
        html = RENDERER.convert(body).lower()
        assert "<script" not in html and "javascript:" not in html and not re.search(r"<[^>]*\son\w+\s*=", html)


# --- the whole load and render path -----------------------------------------------------------

FILES = [f"data/{name}.yml" for name in ("communique", "instruments", "links")] + \
        [f"translations/{lang}/{domain}.yml" for lang in ("en", "fr", "ar") for domain in loader.DOMAINS]
UNSAFE = re.compile(r"<script|javascript:|<[^>]*\son\w+\s*=|evil\.example", re.IGNORECASE)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("property")
    for name in ("data", "translations", "docs", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    return root


@SLOW
@given(st.sampled_from(FILES).flatmap(lambda rel: st.tuples(st.just(rel), _mutations(rel))))
def test_any_shape_anywhere_loads_with_messages_and_renders_nothing_hostile(scratch, change):
    rel, value = change
    path = scratch / rel
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(_yaml(value), encoding="utf-8", errors="surrogatepass")
        catalogue, problems = load(scratch, languages())
        assert_one_line(problems)
        for lang in ("en", "fr", "ar"):
            for page in pages(catalogue, lang):
                assert not UNSAFE.search(page.markdown), (page.src, UNSAFE.search(page.markdown).group())
            static_files(catalogue, lang)
    finally:
        path.write_text(original, encoding="utf-8")
