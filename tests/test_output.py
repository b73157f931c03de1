"""The output allowlist (catalogue/validate/allowlist.py) and escaping by default: every rule
refuses a hand-crafted page or file that breaks it, saying what and where; the real site passes
whole; text that only looks like markup builds and stays text, in the HTML and in Chromium."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import posixpath
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT, leaks, write_entry
from tests.hostile_cases import ESCAPED, GENERATED_CASES, PAYLOAD, REFRESH
from catalogue.domain import akn
from catalogue.publish import offline
from catalogue.publish.offline import Packed
from catalogue.publish.verify import check_site, members_check
from catalogue.validate import files
from catalogue.render.styles import csp_hash
from catalogue.validate.allowlist import SITE, with_first_screen
from catalogue.validate.output import Violation, check_page, forget, locate, problems
from catalogue.validate.shapes import Url
from tests.browser import serve, watch
from tests.sitebuild import build

PATH = "fr/communique/op1-iii/index.html"
SITE_URL = "https://example.org/"
DOMAINS = ("ohchr.org", "au.int")


def doc(head: str = "", body: str = "") -> str:
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title>{head}</head>'
            f"<body>{body}</body></html>")


def violations(html: str, allow=SITE) -> list[str]:
    return [str(v) for v in check_page(html, PATH, SITE_URL, DOMAINS, allow)]


def test_a_page_of_what_the_site_writes_passes():
    assert violations(doc(
        '<meta name="description" content="x &quot; y"><link rel="stylesheet" href="../../../assets/stylesheets/site.css">'
        '<link rel="canonical" href="https://example.org/fr/communique/op1-iii/">',
        '<p class="x" id="a">Voir <a href="../op1-iv/#sources">op1-iv</a>, <a href="https://www.ohchr.org/fr/">HCDH</a>'
        ' <img src="../../../assets/favicon.svg" alt=""></p><script src="../../../assets/reader.js"></script>'
        '<script type="application/ld+json">{"name": "x"}</script>')) == []


# Each rule of the allowlist, broken once: (head, body, what the one violation says).
BROKEN = {
    "element": ("", '<iframe src="../op1-iv/"></iframe>', "the element <iframe> is not one the site writes"),
    "namespaced_element": ("", f'<x:y>{PAYLOAD}</x:y>', "the element <x:y> is not one the site writes"),
    "base_element": ('<base href="https://evil.example.com/">', "", "the element <base> is not one the site writes"),
    "attribute_on_element": ("", '<p data-x="1">t</p>', "the attribute 'data-x' is not allowed on <p>"),
    "form_action": ("", '<form action="https://evil.example.com/"></form>', "the attribute 'action' is not allowed on <form>"),
    "event_handler": ("", '<p onclick="alert(1)">t</p>', '<p onclick="alert(1)">: an event-handler attribute'),
    "style_attribute": ("", '<p style="color:red">t</p>', '<p style="color:red">: a style attribute'),
    "attribute_value": ("", '<p dir="sideways">t</p>', '<p dir="sideways"> is not one of auto, ltr, rtl'),
    "javascript_link": ("", '<a href="javascript:alert(1)">x</a>', "uses the scheme javascript:"),
    "link_with_a_tab": ("", '<a href="java&#9;script:alert(1)">x</a>', "holds a space, a control character or a backslash"),
    "link_off_the_allowed_domains": ("", '<a href="https://evil.example.com/">x</a>', "links to evil.example.com, which is not in"),
    "lookalike_domain": ("", '<a href="https://ohchr.org.evil.example.com/">x</a>', "links to ohchr.org.evil.example.com"),
    "user_name_in_a_link": ("", '<a href="https://evil.example.com@ohchr.org/">x</a>', "has a user name, password or malformed host"),
    "plain_http_link": ("", '<a href="http://www.ohchr.org/">x</a>', "uses the scheme http:"),
    "scheme_relative_link": ("", '<a href="//evil.example.com/">x</a>', "is a scheme-relative address"),
    "link_out_of_the_root": ("", '<a href="../../../../etc/passwd">x</a>', "leads out of the site's root"),
    # a browser reads %2e%2e as .. (WHATWG URL): climbing by encoded dots is climbing
    "link_out_by_encoded_dots": ("", '<a href="%2e%2e/%2E%2e/.%2e/%2e./etc/">x</a>', "leads out of the site's root"),
    "link_out_by_encoded_dots_on_the_site": ("", '<a href="https://example.org/%2e%2e/x/">x</a>', "leads out of the site's root"),
    "image_from_another_site": ("", '<img src="https://www.ohchr.org/x.png" alt="">', "only files of this site may be loaded"),
    "unknown_meta": ('<meta name="keywords" content="x">', "", "<meta keywords> is not a meta tag the site writes"),
    "refresh_to_another_site": ('<meta http-equiv="refresh" content="0;url=https://evil.example.com/">', "",
                                "<meta http-equiv=refresh> content"),
    "meta_with_two_kinds": (f'<meta name="description" content="{REFRESH.replace(chr(34), "&quot;")}" http-equiv="refresh">', "",
                            "has name and http-equiv of charset, name, property and http-equiv (exactly one)"),
    "meta_content": ('<meta name="twitter:card" content="summary">', "", "is not one of summary_large_image"),
    "content_security_policy": ('<meta http-equiv="Content-Security-Policy" content="script-src *">', "",
                                "<meta http-equiv=content-security-policy> content"),
    "unknown_link_type": ('<link rel="preload" href="../op1-iv/">', "", '<link rel="preload"> is not a link type the site writes'),
    "stylesheet_from_another_site": ('<link rel="stylesheet" href="https://www.ohchr.org/x.css">', "",
                                     "only files of this site may be loaded"),
    "stylesheet_not_the_sites": ('<link rel="stylesheet" href="../../../assets/evil.css">', "", "is not one of the site's own files"),
    "alternate_type": ('<link rel="alternate" type="application/rss+xml" href="feed.xml">', "",
                       'type "application/rss+xml" is not one the site writes'),
    "script_not_the_sites": ("", '<script src="../../../assets/evil.js"></script>', "is not one of the site's own files"),
    "script_from_another_site": ("", '<script src="https://www.ohchr.org/x.js"></script>', "only files of this site may be loaded"),
    "script_with_code": ("", '<script src="../../../assets/reader.js">alert(1)</script>', "also holds code"),
    "inline_script": ("", f"<script>alert('{PAYLOAD}')</script>", "an inline <script> (the site runs no inline script)"),
    "inline_script_in_svg": ("", "<svg><script>alert(1)</script></svg>", "an inline <script>"),
    "data_block_not_json": ("", '<script type="application/ld+json">{oops</script>', "does not hold JSON"),
    "config_block_with_another_id": ("", '<script type="application/json" id="x">{}</script>', 'an inline <script type="application/json">'),
    "style_element": ('<style>body{display:none}</style>', "", "a <style> element (sha256-"),
    "comment": ("", f"<!-- {PAYLOAD} -->", "an HTML comment"),
    "processing_instruction": ("", f"<p><?x {PAYLOAD}></p>", "a processing instruction or comment (<?…>"),
    "duplicate_id": ("", '<p id="__config">a</p><p id="__config">b</p>', "the id '__config' twice"),
}


@pytest.mark.parametrize("head, body, expected", BROKEN.values(), ids=BROKEN.keys())
def test_each_allowlist_rule_refuses_a_page_that_breaks_it_and_says_what(head, body, expected):
    found = violations(doc(head, body))
    assert len(found) == 1 and expected in found[0], found


def test_a_tag_means_what_it_means_on_its_own_page_whichever_page_was_checked_first():
    """Tags are worked out once per depth, or per folder where the folder matters: the same script
    address is the site's own file from one folder and not from another as deep, in either order."""
    page = doc(body='<script src="exit.js" defer></script>')
    for order in (("assets/index.html", "fr/index.html"), ("fr/index.html", "assets/index.html")):
        forget()
        found = {path: [str(v) for v in check_page(page, path, SITE_URL, DOMAINS)] for path in order}
        assert found["assets/index.html"] == [], found
        assert any("not one of the site's own files" in v for v in found["fr/index.html"]), found


@pytest.mark.parametrize("call", [
    "from catalogue.validate.handwritten import body_problems, MAX_PAGE; "
    "import markdown; body_problems('<' + ' ' * (MAX_PAGE - 10) + '!', 1, (), markdown.Markdown())",
    "from catalogue.validate.safety import text_problems; [text_problems('<' + ' ' * 4980 + f'!{i}', ()) for i in range(2000)]",
    "from catalogue.publish.offline import rewrite; rewrite(' ' * 300_000 + '<p><link rel=\"alternate\" href=\"x\">', 'index.html', set(), 'https://e.org/')",
    "from catalogue.validate.output import locate; locate('zzz', [('data/a.yml', ' ' * 300_000 + '!')])"])
def test_a_long_run_of_spaces_is_read_in_time_in_proportion_to_its_length(call):
    """`<` and spaces, or spaces alone, as a hostile page or data file may hold them: where two patterns
    for spaces met, a run could be split every way (time quadratic in its length, minutes for one page).
    Each is read in a moment; the limit only tells a check that ends from one that hangs."""
    subprocess.run([sys.executable, "-c", call], cwd=ROOT, check=True, timeout=30)


@pytest.mark.parametrize("folder", ["a?b", "a#b", "?b", "a%2eb", "a..b"])
def test_a_folder_with_an_odd_name_neither_lends_nor_borrows_what_a_tag_means(folder):
    """A '?' or '#' in a folder's name cuts nothing from an address, and a tag on a page in such a folder is
    worked out for that folder alone: the address that leaves the site is refused on both pages, in either order."""
    page = doc(body='<a href="./../../x">x</a>')
    for order in ((f"{folder}/index.html", "ab/index.html"), ("ab/index.html", f"{folder}/index.html")):
        forget()
        found = {path: [str(v) for v in check_page(page, path, SITE_URL, DOMAINS)] for path in order}
        assert all(any("leads out of the site's root" in v for v in found[path]) for path in order), found


@pytest.mark.parametrize("markup", [
    '<a href="{name}!">x</a>', '<img src="{name}!" alt="">', '<link rel="canonical" href="{name}!">',
    '<meta property="og:url" content="{name}!">', '<meta http-equiv="refresh" content="0; url={name}!">',
    '<script src="{name}!"></script>', '<a href="../{name}/{name}#{name}!">x</a>'])
def test_checking_an_address_takes_time_in_proportion_to_its_length(markup):
    """A long folder name followed by a character no name holds once took time exponential in its length:
    one such link would have kept the build running for ever. It is checked in a moment (the limit
    only tells a check that ends from one that does not)."""
    code = ("import sys; from catalogue.validate.output import check_page; "
            f"check_page(sys.stdin.read(), {PATH!r}, {SITE_URL!r}, {DOMAINS!r})")
    page = doc(body=markup.format(name="a" * 5000))
    subprocess.run([sys.executable, "-c", code], input=page, text=True, cwd=ROOT, check=True, timeout=120)


def test_adding_a_meta_tag_to_the_allowlist_is_one_entry():
    html = doc('<meta property="og:video" content="../../../assets/favicon.svg">')
    assert violations(html) == ["<meta og:video> is not a meta tag the site writes"]
    assert violations(html, dataclasses.replace(SITE, meta={**SITE.meta, "og:video": Url(external=False)})) == []
    citation = dataclasses.replace(SITE, meta={**SITE.meta, "citation_*": SITE.meta["description"]})
    assert violations(doc('<meta name="citation_title" content="Communiqué">'), citation) == []


def test_a_violation_is_traced_to_the_source_file_line_and_id():
    sources = [("translations/fr/site.yml", "site-name:\n  text: Communiqué\n"),
               ("translations/fr/communique.yml", 'op1-ii:\n  text: "x"\nop1-iii:\n  text: "Voir <b onclick=\\"go()\\">"\n')]
    violation = check_page(doc(body='<b onclick="go()">x</b>'), PATH, SITE_URL, DOMAINS)[0]
    assert locate(violation.needle, sources) == ("translations/fr/communique.yml", 4, "op1-iii")
    line = str(problems([violation], PATH, "fr", sources)[0])
    assert line.startswith('translations/fr/communique.yml:4: op1-iii: [fr] the built fr/communique/op1-iii/index.html '
                           'would hold <b onclick="go()">: an event-handler attribute')
    untraced = str(problems([Violation("x\u202e\ny", "nowhere")], PATH, "fr", sources)[0])
    assert untraced.startswith(f"{PATH}: [fr] the built {PATH} would hold x\\u202e\\u000ay;") and "\n" not in untraced


# --- every other file the build writes ------------------------------------------------------

def test_data_files_must_parse_and_hold_no_control_character():
    assert files.check_json(b'{"a": ["ok", {"b": "fine"}]}') == []
    assert "control character" in str(files.check_json('{"a": "x\\ny"}'.encode())[0])
    assert "not valid JSON" in str(files.check_json(b'{"a": NaN}')[0])
    assert files.check_csv("a,b\n'=1+1,x\n".encode()) == []
    assert "formula" in str(files.check_csv(b'a,b\n"=HYPERLINK(""https://evil.example.com"")",x\n')[0])
    assert "formula" in str(files.check_csv(b"a,@SUM(A1)\n")[0])
    record = "TY  - GEN\r\nTI  - Communiqué\r\nER  - \r\n"
    assert files.check_ris(record.encode()) == []
    assert "exactly one record" in str(files.check_ris((record * 2).encode())[0])
    assert "control character" in str(files.check_ris(record.replace("Communiqué", "a\nTY  - x").encode())[0])


# Characters next to the edges of what is refused, and any other
_EDGES = "ab\\\"\u00e9\n\t\x00\x1f\x20\x7e\x7f\x80\x9f\xa0\u2027\u2028\u2029\u202a\u0130"
_JSON_TEXT = st.lists(st.sampled_from(_EDGES) | st.characters(codec="utf-8"), max_size=6).map("".join)
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | _JSON_TEXT,
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_JSON_TEXT, inner, max_size=4), max_leaves=12)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(_JSON, st.booleans(), st.sampled_from([None, 1]))
@example(["\\n", "\\u2028"], False, None)  # a backslash and letters: text, not an escape
@example({"k\u2029": 0}, False, None)
@pytest.mark.parametrize("edge", _EDGES)
def test_a_json_file_is_refused_exactly_when_one_of_its_strings_holds_a_control_character(edge, value, ascii_only, indent):
    """However the JSON is written (escaped or not, indented or not), the quick look at its bytes lets no
    string with a control or line-separator character through, and refuses none without one."""
    value = [edge, value]
    data = json.dumps(value, ensure_ascii=ascii_only, indent=indent).encode("utf-8")
    strings = list(files._strings(value))
    assert bool(files.check_json(data)) == any(files._NEWLINE_CONTROL.search(text) for text in strings), data


def test_the_sitemap_lists_only_this_site():
    good = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            '<url><loc>https://example.org/fr/</loc></url></urlset>')
    assert files.check_sitemap(good.encode(), SITE_URL) == []
    assert files.check_sitemap(gzip.compress(good.encode()), SITE_URL) == []
    assert "another site" in str(files.check_sitemap(good.replace("example.org", "evil.example.com").encode(), SITE_URL)[0])
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + good[good.index("<urlset"):]
    assert "DOCTYPE" in str(files.check_sitemap(bomb.encode(), SITE_URL)[0])


AKN = ('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
       '<statement name="communique"><meta><identification source="#site"><FRBRWork>'
       '<FRBRthis value="/akn/aa-au/statement/communique/2019-12-12/x/!main"/><FRBRauthor href="#issuer"/>'
       '<FRBRcountry value="aa-au"/></FRBRWork></identification><references source="#site">'
       '<TLCOrganization eId="issuer" href="/ontology/organization/aa-au/x" showAs="Sommet"/></references></meta>'
       '<mainBody><paragraph eId="para_1"><num>1.</num><content><p xml:lang="en"><b>NOUS</b> a &lt; b</p></content>'
       '</paragraph></mainBody></statement></akomaNtoso>\n')
# Each rule of the Akoma Ntoso check, broken once: (the sample's change, what the first violation says).
AKN_BROKEN = {
    "doctype": (("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY a "b">]>\n'),
                "declares a DOCTYPE or an entity"),
    "external_entity": (("<b>NOUS</b>", '<b>&xxe;</b>'), "is not valid XML"),
    "processing_instruction": (("<statement", '<?xml-stylesheet href="https://evil.example.com/x.xsl"?><statement'),
                               "holds a processing instruction"),
    "leading_stylesheet": (('encoding="UTF-8"?>\n', 'encoding="UTF-8"?>\n<?xml-stylesheet href="https://evil.example.com/x"?>'),
                           "holds a processing instruction"),
    "comment": (("<mainBody>", f"<mainBody><!-- {PAYLOAD} -->"), "holds a comment"),
    "foreign_namespace": (("<b>NOUS</b>", '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'),
                          "has an element {http://www.w3.org/1999/xhtml}script"),
    "prefixed_foreign_element": (("<b>NOUS</b>", '<h:a xmlns:h="http://www.w3.org/1999/xhtml" href="https://evil.example.com/">x</h:a>'),
                                 "has an element {http://www.w3.org/1999/xhtml}a"),
    "unknown_akn_element": (("<b>NOUS</b>", '<a href="https://evil.example.com/">NOUS</a>'), "has an element {http://docs.oasis-open.org/legaldocml/ns/akn/3.0}a"),
    "nested_root": (("<mainBody>", '<mainBody><akomaNtoso/>'), "the root is akomaNtoso, once"),
    "external_href": (('href="/ontology/organization/aa-au/x"', 'href="https://evil.example.com/"'),
                      'TLCOrganization href="https://evil.example.com/"'),
    "scheme_relative_href": (('href="#issuer"', 'href="//evil.example.com/"'), 'FRBRauthor href="//evil.example.com/"'),
    "javascript_href": (('href="#issuer"', 'href="javascript:alert(1)"'), 'FRBRauthor href="javascript:alert(1)"'),
    "frbr_value_elsewhere": (('value="/akn/aa-au/statement/communique/2019-12-12/x/!main"', 'value="https://evil.example.com/akn"'),
                             'FRBRthis value="https://evil.example.com/akn"'),
    "event_handler": (("<p xml:lang", '<p onclick="alert(1)" xml:lang'), "has an attribute onclick that p does not carry"),
    "xml_base": (("<p xml:lang", '<p xml:base="https://evil.example.com/" xml:lang'),
                 "has an attribute {http://www.w3.org/XML/1998/namespace}base"),
    "foreign_attribute": (("<p xml:lang", '<p xmlns:x="https://evil.example.com/" x:href="https://evil.example.com/" xml:lang'),
                          "has an attribute {https://evil.example.com/}href"),
    "attribute_on_the_wrong_element": (("<num>", '<num href="#issuer">'), "has an attribute href that num does not carry"),
    "bad_eid": (('eId="para_1"', 'eId="para 1&quot;"'), "has paragraph eId="),
    "control_character": (("a &lt; b", "a &#x9b;31m b"), "has a control character in the text after b"),
}


@pytest.mark.parametrize("change, expected", AKN_BROKEN.values(), ids=AKN_BROKEN.keys())
def test_each_akoma_ntoso_rule_refuses_a_document_that_breaks_it_and_says_what(change, expected):
    old, new = change
    assert AKN.count(old) == 1, old
    found = [str(v) for v in files.check_akn(AKN.replace(old, new).encode())]
    assert found and expected in found[0], found


def test_the_akoma_ntoso_check_passes_what_the_site_writes_and_reads_no_entity(tmp_path):
    assert files.check_akn(AKN.encode()) == []
    secret = tmp_path / "secret.txt"
    secret.write_text(PAYLOAD, encoding="utf-8")
    xxe = AKN.replace('<?xml version="1.0" encoding="UTF-8"?>\n',
                      f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file://{secret}">]>\n')
    found = files.check_akn(xxe.replace("<b>NOUS</b>", "<b>&xxe;</b>").encode())
    assert found and PAYLOAD not in " ".join(str(v) + v.needle for v in found)
    assert files.check_akn(b"\x00<akomaNtoso") and files.check_akn(b"")
    root = f'<statement xmlns="{akn.NAMESPACE}" name="communique"/>'.encode()
    assert "has statement as its root; the root is akomaNtoso, once" in str(files.check_akn(root)[0])
    assert files.kind_of("open-data/communique.fr.akn.xml") == "akn" and files.kind_of("open-data/evil.akn.xml") is None


def _zip(members: dict[str, bytes], symlink: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o120777 if name == symlink else 0o100644) << 16
            archive.writestr(info, data)
    return out.getvalue()


def test_zip_members_stay_inside_the_archive_and_are_the_sites_own_files(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/site.css").write_text("p{}", encoding="utf-8")

    def found(members, symlink=""):
        def site_file(path):
            return (tmp_path / path).read_bytes() if (tmp_path / path).is_file() else None
        return [str(f) for f in files.check_zip(_zip(members, symlink), site_file, lambda html, path: check_page(html, path))]

    assert found({"assets/site.css": b"p{}", "index.html": doc().encode()}) == []
    assert "not a plain file inside the archive's root" in found({"../../etc/passwd": b"root:x:0:0"})[0]
    assert "not a plain file inside the archive's root" in found({"/etc/passwd": b"root:x:0:0"})[0]
    assert "not a plain file inside the archive's root" in found({"assets/site.css": b"p{}"}, symlink="assets/site.css")[0]
    assert "is not the site's own copy of that file" in found({"assets/site.css": b"body{display:none}"})[0]
    assert "an inline <script>" in found({"fr/index.html": doc(body="<script>alert(1)</script>").encode()})[0]


def test_a_zip_page_that_is_the_sites_page_with_links_spelt_otherwise_is_not_checked_again(tmp_path):
    name = "fr/communique/op1-iii/index.html"
    site_page = doc(body='<a href="../op1-iv/">iv</a> <a href="../../../assets/site.css#x">s</a> href="../op1-iv/"')
    (tmp_path / name).parent.mkdir(parents=True)
    (tmp_path / name).write_text(site_page, encoding="utf-8")
    checked = []

    def found(member: str) -> list[str]:
        def page(html, path):
            checked.append(path)
            return check_page(html, path, SITE_URL, DOMAINS)
        site_file = lambda path: (tmp_path / path).read_bytes() if (tmp_path / path).is_file() else None  # noqa: E731
        return [str(f) for f in files.check_zip(_zip({name: member.encode()}), site_file, page, site_url=SITE_URL)]

    spelt = site_page.replace('"../op1-iv/"', '"../op1-iv/index.html"').replace(
        '"../../../assets/site.css#x"', f'"{SITE_URL}assets/site.css#x"')
    assert found(spelt) == [] and checked == []
    # anything else is checked as a page: another place, markup around a link, a link outside the site
    assert found(site_page.replace('"../op1-iv/"', '"../op1-v/index.html"')) == [] and checked == [name]
    for hostile, what in [(site_page.replace('href="../op1-iv/">', 'href="../op1-iv/index.html" onclick="x">'), "event-handler"),
                          (site_page.replace('"../op1-iv/"', '"javascript:alert(1)"'), "javascript"),
                          (site_page.replace('"../op1-iv/"', '"https://evil.example.com/"'), "evil.example.com"),
                          (site_page.replace('href="../op1-iv/"', 'href="../op1-iv/index.html"<script>x()</script>'), "script")]:
        assert any(what in problem for problem in found(hostile)), hostile
    # a spelling with a character that could end a value or start markup is never taken as the same link
    assert not files.same_but_links(site_page.replace('"../op1-iv/"', '"../op1-iv/index.html&lt;"'), site_page, name, SITE_URL)
    assert not files.same_but_links(site_page.replace('href="../op1-iv/"', 'href="../op1-iv/<b>"'), site_page, name, SITE_URL)


def test_a_zip_page_is_retraced_from_the_builds_edits_and_no_other_edit_is_taken(tmp_path):
    """The build says which addresses of a page it spelt otherwise (offline.respelt); the verifier makes those
    edits to the site's page itself, each one only if `same_but_links` would allow it, and compares."""
    name = "fr/communique/op1-iii/index.html"
    page = doc(body='<a href="../op1-iv/">iv</a> <a class="x" href="../../../assets/site.css#x">s</a>'
                    '<a href="../op9/#p">9</a>').encode()
    members = {name, "fr/communique/op1-iv/index.html", "assets/site.css"}
    member, edits = offline.respelt(page, name, members, SITE_URL)
    assert len(edits) == 2 and files.with_edits(page, edits, name, SITE_URL) == member
    assert b'"../op1-iv/index.html"' in member and f'"{SITE_URL}fr/communique/op9/#p"'.encode() in member
    at = page.index(b"../op1-iv/")
    one = (at, at + len(b"../op1-iv/"))
    for hostile in [[(*one, b'../op1-iv/index.html" onclick="x')],  # a quote: it would end the value
                    [(*one, b"../op1-iv/index.html<b>")], [(*one, b"javascript:alert(1)")],
                    [(*one, b"https://evil.example.com/")], [(*one, b"../op1-v/index.html")],  # elsewhere
                    [(one[0], page.index(b"iv</a>"), b"../op1-iv/index.html")],  # over a quote, to the text
                    [(page.index(b"iv</a>"), page.index(b"iv</a>") + 2, b"ix")],  # text, not an address
                    [(page.index(b'x" href'), page.index(b'x" href') + 1, b"./x")],  # a value, not an address
                    [(one[0], one[0] + 3, b"../index.html")],  # part of an address only
                    [(one[0] - 1, one[1], b'"../op1-iv/index.html')],  # from the quote before it
                    [edits[1], edits[0]], [edits[0], edits[0]]]:  # out of order, or twice
        assert files.with_edits(page, hostile, name, SITE_URL) is None, hostile
    # an address a browser reads otherwise than its path says: a query ends the path (`x?/../y` is `x`), and
    # from disk, '../' beyond the copy's root, or `%2e%2e`, climbs out of it; as the verifier reads it, the same
    script = doc(head='<link rel="stylesheet" href="../../../assets/site.css">',
                 body='<script src="../../../assets/reader.js"></script>').encode()
    at = script.index(b"../../../assets/reader.js")
    where = (at, at + len(b"../../../assets/reader.js"))
    for new in (b"https://example.org/fr/cite.ris?/../../assets/reader.js", b"cite.ris?/../../../../assets/reader.js",
                b"../../../../../../../../../tmp/evil.js?/../../assets/reader.js",
                b"../../%2e%2e/../../assets/reader.js", b"../../../../fr/../assets/reader.js",
                b"../../x//../../assets/reader.js", b"./../../../assets/reader.js"):
        assert files.with_edits(script, [(*where, new)], name, SITE_URL) is None, new
        assert not files.same_but_links(script.replace(script[slice(*where)], new), script, name, SITE_URL), new
    assert files.with_edits(script, [(*where, b"https://example.org/assets/reader.js")], name, SITE_URL) is not None
    assert files.with_edits(page, [(*one, b"")], name, SITE_URL) is None  # an empty address: this page, not ../op1-iv/
    here = doc(body='<a href=".">home</a><a href="..#x">up</a>').encode()  # the folder itself, one up
    spelt, made = offline.respelt(here, "fr/index.html", {"fr/index.html", "index.html"}, SITE_URL)
    assert spelt.count(b"/index.html") == 2 and files.with_edits(here, made, "fr/index.html", SITE_URL) == spelt
    assert files.with_edits(here, [(here.index(b'."'), here.index(b'."') + 1, b"./x")], "fr/index.html", SITE_URL) is None
    two = doc(body='<a href="../op1-iv/">iv</a><a href="../op9/">9</a>').encode()
    start, end = two.index(b"../op1-iv/"), two.index(b'../op9/"') + len(b"../op9/")
    assert files.with_edits(two, [(start, end, two[start:end] + b"index.html")], name, SITE_URL) is None  # over quotes
    # a member that is not what the edits make is compared as before, then checked in full
    (tmp_path / name).parent.mkdir(parents=True)
    (tmp_path / name).write_bytes(page)
    check = members_check(tmp_path, SITE_URL, DOMAINS, {name})
    assert check({name: member}, {name: edits})
    evil = member.replace(b'"../op1-iv/index.html"', b'"javascript:alert(1)"')
    assert check({name: evil}, {name: edits}) is False
    assert check({name: evil}, {name: [(*one, b"javascript:alert(1)")]}) is False


_NAME = r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,4}"  # a name both readings of a plain address accept


def _normalised(url: str, folder: str) -> str:
    """Where `url` on a page in `folder` leads, read the long way: joined to the folder and normalised."""
    address, hash_, fragment = url.partition("#")
    if address.startswith(SITE_URL):
        path = "/" + address[len(SITE_URL):]
    else:
        path = posixpath.join("/" + folder, address) if address else "/" + folder + "/"
    is_folder = path.endswith("/") or posixpath.basename(path) in (".", "..")
    resolved = "/" + posixpath.normpath(path).lstrip("/")
    resolved = resolved.rstrip("/") + "/" if is_folder else resolved
    if resolved.endswith("/index.html"):
        resolved = resolved[: -len("index.html")]
    return resolved + hash_ + fragment


@given(absolute=st.booleans(), climb=st.integers(0, 4), names=st.lists(st.from_regex(_NAME, fullmatch=True) | st.just("index.html"), max_size=3),
       folder_end=st.booleans(), last_climb=st.booleans(),
       fragment=st.none() | st.from_regex(r"[A-Za-z0-9_.:~-]{0,4}", fullmatch=True),
       folder=st.sampled_from(["", "fr", "fr/communique", "fr/communique/op1-iii"]))
@settings(max_examples=300, deadline=None)
def test_a_plain_address_leads_where_the_normalising_reading_says(absolute, climb, names, folder_end, last_climb,
                                                                  fragment, folder):
    """The offline copy's check reads a plain address without normalising it (files._place); it must agree with
    joining it to the page's folder and normalising, on every plain address ('..' alone too), and take none
    that climbs above the site's root."""
    path = "/".join(names) + ("/" if folder_end and names else "")
    if not absolute and last_climb and climb and not names:
        relative = "../" * (climb - 1) + ".."  # '..', '../..': a folder up, without the last '/'
    else:
        relative = "../" * climb + path
    url = (SITE_URL + path if absolute else relative) + ("" if fragment is None else "#" + fragment)
    depth = folder.count("/") + 1 if folder else 0
    place = files._place(url, "" if absolute else folder, SITE_URL)
    if not absolute and climb > depth:
        assert place is None, url
    else:
        assert place is not None and place == _normalised(url, folder), url


def test_an_address_a_browser_reads_otherwise_than_written_is_not_plain():
    for url in ("x?/../y", "%2e%2e/x", "x/%2E%2e/y", "x//y", "./x", "x/./y", "x/../y", ".x", "/x", "x\\y", "x y",
                "https://example.org/x?/../y", "https://example.org/x//y", "https://example.org/%2e%2e/x",
                "https://example.org.evil.example.com/", "https://evil.example.com/", "javascript:x", "../../../../x"):
        assert files._place(url, "fr/communique/op1-iii", SITE_URL) is None, url


def test_offline_members_checked_as_they_are_packed_are_not_unpacked_again_unless_their_bytes_changed(tmp_path):
    theme, docs, site = tmp_path / "theme", tmp_path / "docs", tmp_path / "site"
    name = "fr/communique/op1-iii/index.html"
    for folder in (theme, docs / "assets", site / "assets", site / "fr/communique/op1-iii", site / "offline"):
        folder.mkdir(parents=True, exist_ok=True)
    for root in (docs, site):
        (root / "assets/site.css").write_text("p{}", encoding="utf-8")
    site_page = doc(body='<a href="../op1-iv/">iv</a>')
    (site / name).write_text(site_page, encoding="utf-8")
    hostile_page = doc(body="<script>alert(1)</script>")  # a page of the site that was not verified as it was written
    (site / "fr/index.html").write_text(hostile_page, encoding="utf-8")
    good = {name: site_page.replace('"../op1-iv/"', '"../op1-iv/index.html"').encode(), "assets/site.css": b"p{}"}
    check = members_check(site, SITE_URL, DOMAINS, {name})
    assert check(good)
    # the site's page is taken as it is only if it was verified as it was written: else it is checked in full
    assert check({"fr/index.html": hostile_page.encode()}) is False
    assert members_check(site, SITE_URL, DOMAINS, {name, "fr/index.html"})({"fr/index.html": hostile_page.encode()})
    (site / "fr/index.html").unlink()
    for hostile in ({"../etc/passwd": b"root:x:0:0"}, {"assets/site.css": b"body{display:none}"},
                    {name: site_page.replace('"../op1-iv/"', '"javascript:alert(1)"').encode()}):
        assert check(hostile) is False, hostile
    path = "offline/addis-ababa-communique-fr.zip"
    (site / path).write_bytes(_zip(good))
    packed = {path: Packed(_zip(good), {"assets/site.css": b"p{}"}, frozenset(good))}

    def found() -> list[tuple[str, str]]:
        return [(f.path, f.member) for f in check_site(site, SITE_URL, DOMAINS, theme, docs, frozenset({name}), SITE, packed)]

    assert found() == []
    # a copy whose bytes are not those packed (changed after it was written) is unpacked and checked in full
    (site / path).write_bytes(_zip({**good, "assets/site.css": b"body{display:none}"}))
    assert found() == [(path, "assets/site.css")]
    # so is one beside a copied file that changed since it was packed (its copy is no longer the site's)
    (site / path).write_bytes(_zip(good))
    for root in (docs, site):
        (root / "assets/site.css").write_text("p{ }", encoding="utf-8")
    assert found() == [(path, "assets/site.css")]
    # a copy of a file refused on its own (here: not the maintainers' docs/assets/site.css) is refused too,
    # whether the copy was checked as it was packed or unpacked again
    (docs / "assets/site.css").write_text("p{}", encoding="utf-8")
    for css in ("p{}", "@import url(https://evil.example.com/x.css);"):
        (site / "assets/site.css").write_text(css, encoding="utf-8")
        members = {**good, "assets/site.css": css.encode()}
        (site / path).write_bytes(_zip(members))
        for data in (_zip(members), b"another"):
            packed[path] = Packed(data, {"assets/site.css": css.encode()}, frozenset(members))
            assert found() == ([("assets/site.css", ""), (path, "assets/site.css")] if "@import" in css else []), (css, data)
    # a copy that changed since it was packed is judged by what it holds now, not by the names packed
    (site / "assets/site.css").write_text("@import url(https://evil.example.com/x.css);", encoding="utf-8")
    members = {**good, "assets/site.css": (site / "assets/site.css").read_bytes()}
    (site / path).write_bytes(_zip(members))
    packed[path] = Packed(_zip(good), {}, frozenset({name}))
    assert found() == [("assets/site.css", ""), (path, "assets/site.css")]


def test_the_build_may_write_only_the_files_the_allowlist_names(tmp_path):
    theme, docs, site = tmp_path / "theme", tmp_path / "docs", tmp_path / "site"
    for folder in (theme / "assets/javascripts", docs / "assets", site / "assets/javascripts", site / "fr"):
        folder.mkdir(parents=True)
    (theme / "assets/javascripts/bundle.0123abcd.min.js").write_text("ok()", encoding="utf-8")
    (site / "assets/javascripts/bundle.0123abcd.min.js").write_text("evil()", encoding="utf-8")
    (docs / "assets/site.css").write_text("p{}", encoding="utf-8")
    (site / "assets/site.css").write_text("p{}", encoding="utf-8")
    (site / "assets/evil.html").write_text(f"<script>{PAYLOAD}</script>", encoding="utf-8")
    (site / "fr/index.html").write_text(doc(), encoding="utf-8")
    os.symlink("/etc/passwd", site / "fr/cite.ris")
    found = {f.path: str(f.violation) for f in check_site(site, SITE_URL, DOMAINS, theme, docs)}
    assert found == {
        "assets/evil.html": "is not a file the build writes (catalogue/validate/allowlist.py `files`)",
        "assets/javascripts/bundle.0123abcd.min.js": "is not the installed theme's assets/javascripts/bundle.0123abcd.min.js as the build publishes it",
        "fr/cite.ris": "is a symbolic link",
    }


def _pdf(change=None) -> bytes:
    """A one-page PDF with a link to this site (as the site's PDFs have), changed by `change(writer)`."""
    from pypdf import PdfWriter
    from pypdf.annotations import Link

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_annotation(0, Link(rect=(10, 10, 50, 20), url=SITE_URL + "fr/communique/op1-iii/"))
    if change:
        change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _action(**entries):
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    return DictionaryObject({NameObject("/" + key): NameObject(value) if value.startswith("/") else TextStringObject(value)
                             for key, value in entries.items()})


def _set(key, value, where="root"):
    """A change: `key` set to `value` in the catalogue ('root') or on the first page ('page')."""
    from pypdf.generic import NameObject

    def change(writer):
        target = writer._root_object if where == "root" else writer.pages[0]
        target[NameObject(key)] = value() if callable(value) else value
    return change


def _link(url="", **action):
    """A change: a second link annotation, to `url` or with the action `action`."""
    def change(writer):
        from pypdf.annotations import Link
        from pypdf.generic import NameObject

        annotation = Link(rect=(10, 30, 50, 40), url=url or "https://au.int/")
        if action:
            annotation[NameObject("/A")] = _action(**action)
        writer.add_annotation(0, annotation)
    return change


def _web_link(url, action=None, **entries):
    """A change: a second link annotation as WeasyPrint writes one (the verifier reads that shape at once),
    to `url`, with `action` added to its action and `entries` to itself."""
    def change(writer):
        from pypdf.generic import ArrayObject, FloatObject, NameObject

        annotation = _action(**{"Type": "/Annot", "Subtype": "/Link", "Contents": url, **entries})
        annotation[NameObject("/A")] = _action(S="/URI", Type="/Action", URI=url, **(action or {}))
        annotation[NameObject("/Rect")] = ArrayObject([FloatObject(0)] * 4)
        added = writer.add_annotation(0, annotation)
        del added[NameObject("/P")]  # pypdf names the page; WeasyPrint does not
    return change


def _orphan(writer):
    """An object no other object refers to, holding a script."""
    writer._add_object(_action(S="/JavaScript", JS="app.alert(1)"))


def _attachment(writer):
    writer.add_attachment("x.txt", b"payload")


def _javascript(writer):
    """A document-level script, in the catalogue's name tree of scripts."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    scripts = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("x"),
                                                                  _action(S="/JavaScript", JS="app.alert(1)")])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): scripts})


def _annotation(subtype):
    def change(writer):
        from pypdf.generic import ArrayObject, FloatObject, NameObject

        annotation = _action(Type="/Annot", Subtype=subtype)
        annotation[NameObject("/Rect")] = ArrayObject([FloatObject(0)] * 4)
        writer.add_annotation(0, annotation)
    return change


HOSTILE_PDFS = {
    "open-action-javascript": (_set("/OpenAction", lambda: _action(S="/JavaScript", JS="app.alert(1)")), "/OpenAction"),
    "document-javascript": (_javascript, "/JavaScript"),
    "page-additional-actions": (_set("/AA", lambda: _action(S="/JavaScript", JS="app.alert(1)"), "page"), "/AA"),
    "launch": (_link(S="/Launch", F="calc.exe"), "/Launch"),
    "go-to-remote": (_link(S="/GoToR", F="other.pdf"), "/GoToR"),
    "submit-form": (_link(S="/SubmitForm", F="https://au.int/"), "/SubmitForm"),
    "import-data": (_link(S="/ImportData", F="data.fdf"), "/ImportData"),
    "named-action": (_link(S="/Named", N="/Print"), "action of type /Named"),
    "link-elsewhere": (_link("https://evil.example.com/"), "evil.example.com, which is not in data/allowed-domains.yml"),
    "link-http": (_link("http://au.int/"), "is not an https address"),
    "link-javascript-url": (_link("javascript:app.alert(1)"), "is not an https address"),
    "link-credentials": (_link("https://au.int@evil.example.com/"), "user name"),
    "weasyprint-link-elsewhere": (_web_link("https://evil.example.com/"), "evil.example.com, which is not in"),
    "weasyprint-link-javascript-url": (_web_link("javascript:app.alert(1)"), "is not an https address"),
    "weasyprint-link-next-action": (_web_link("https://au.int/", {"Next": "/Launch"}), "one at a time"),
    "weasyprint-link-script-beside": (_web_link("https://au.int/", JS="app.alert(1)"), "/JS"),
    "weasyprint-link-javascript-plain": (_web_link("javascript:alert`1`"), "is not an https address"),
    "weasyprint-link-out-of-root": (_web_link("https://example.org/fr/../../etc/passwd"), "leads out of the site's root"),
    "weasyprint-link-site-then-elsewhere": (_web_link("https://example.org.evil.example.com/"), "not in"),
    "weasyprint-link-contents-like-keys": (_web_link("https://au.int/", Contents=") >> /JS (app.alert(1)", JS="x"), "/JS"),
    "embedded-file": (_attachment, "/EmbeddedFile"),
    "form": (_set("/AcroForm", lambda: _action(XFA="<xdp/>")), "/AcroForm"),
    "orphan-script": (_orphan, "/JS"),
    "file-attachment-annotation": (_annotation("/FileAttachment"), "annotation of type /FileAttachment"),
    "rich-media-annotation": (_annotation("/RichMedia"), "/RichMedia"),
    "widget-annotation": (_annotation("/Widget"), "annotation of type /Widget"),
}


def test_a_pdf_with_only_links_to_this_site_and_allowed_domains_passes():
    assert files.check_pdf(_pdf(), SITE_URL, DOMAINS) == []
    assert files.check_pdf(_pdf(_link("https://www.ohchr.org/en/x")), SITE_URL, DOMAINS) == []
    assert files.check_pdf(_pdf(_web_link("https://www.ohchr.org/en/x")), SITE_URL, DOMAINS) == []
    assert files.check_pdf(_pdf(_web_link("https://example.org/fr/communique/#p1-iv")), SITE_URL, DOMAINS) == []
    # a link's text is only text, even when it reads like the keys of a PDF object
    assert files.check_pdf(_pdf(_web_link("https://au.int/", Contents="(x) >> /JS (app.alert(1)) /Launch")), SITE_URL, DOMAINS) == []


def test_the_weasyprint_shaped_cases_are_read_by_the_verifiers_shortcut_for_such_links():
    """The hostile cases above that add a link as WeasyPrint writes one are checked the way the site's own
    links are (one match over what qpdf writes out, not a visit key by key), so they test that way too."""
    import pikepdf

    def shortcut_links(data):
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return sum(1 for found in pdf.objects if isinstance(found, pikepdf.Dictionary)
                       and files._WEB_LINK.fullmatch(found.unparse(resolved=True)))

    for name in ("weasyprint-link-elsewhere", "weasyprint-link-javascript-plain", "weasyprint-link-out-of-root",
                 "weasyprint-link-site-then-elsewhere"):
        assert shortcut_links(_pdf(HOSTILE_PDFS[name][0])) == 1, name
    for name in ("weasyprint-link-javascript-url", "weasyprint-link-next-action", "weasyprint-link-script-beside",
                 "weasyprint-link-contents-like-keys"):  # parentheses in its address, or other keys: visited
        assert shortcut_links(_pdf(HOSTILE_PDFS[name][0])) == 0, name


@pytest.mark.parametrize("change, expected", HOSTILE_PDFS.values(), ids=HOSTILE_PDFS.keys())
def test_a_pdf_that_could_run_send_or_open_anything_is_refused(change, expected):
    found = [str(v) for v in files.check_pdf(_pdf(change), SITE_URL, DOMAINS)]
    assert any(expected in v for v in found), found


def test_a_pdf_that_hides_a_name_or_is_not_a_pdf_is_refused():
    hidden = _pdf(_set("/OpenAction", lambda: _action(S="/JavaScript", JS="x"))).replace(b"/OpenAction", b"/Open#41ction")
    assert files.check_pdf(hidden, SITE_URL, DOMAINS) != []  # pypdf reads the escaped name, or the file does not parse
    assert "not a whole PDF" in str(files.check_pdf(b"<html><script>x</script>", SITE_URL, DOMAINS)[0])
    assert files.check_pdf(_pdf()[:-200] + b"%%EOF", SITE_URL, DOMAINS) != []
    found = files.check_file("fr/communique/communique-fr.pdf", _pdf(_javascript), SITE_URL, None, None, None,
                             domains=DOMAINS)
    assert "/JavaScript" in str(found[0])
    assert files.kind_of("fr/communique/communique-fr.pdf") == "pdf" and files.kind_of("communique/communique-en.pdf") == "pdf"
    assert files.kind_of("fr/communique/other.pdf") is None and files.kind_of("assets/x.pdf") is None


# --- the real site ------------------------------------------------------------------------------

def test_the_real_site_holds_only_what_the_allowlist_allows(site):
    """The build verified every file as it wrote it; checked again here, independently of the hooks."""
    domains = tuple(line[2:].strip() for line in (ROOT / "data/allowed-domains.yml").read_text(encoding="utf-8").splitlines()
                    if line.startswith("- "))
    theme = Path(__import__("material").__file__).parent / "templates"
    style = site.html("").find("style").string
    found = check_site(site.site, "http://127.0.0.1:8000/", domains, theme, ROOT / "docs",
                       allow=with_first_screen(csp_hash(style)))
    assert [str(f) for f in found] == []
    assert (site.site / "fr/communique/op1-iii/index.html").is_file()


@pytest.mark.parametrize("case", GENERATED_CASES, ids=[case.name for case in GENERATED_CASES])
def test_a_generated_page_the_allowlist_refuses_is_not_written_and_named_at_its_source(project_copy, case):
    expected = case.apply(project_copy)
    built = build(project_copy, project_copy / "out")
    assert built.returncode != 0 and "Traceback" not in built.output, built.output
    assert any(line.startswith(f"WARNING -  {expected}") for line in built.output.splitlines()), built.output
    assert leaks(built.site, PAYLOAD) == []


@pytest.mark.parametrize("case", ESCAPED, ids=[case.name for case in ESCAPED])
def test_text_that_looks_like_markup_builds_and_stays_text(project_copy, case):
    check = case.apply(project_copy)
    built = build(project_copy, project_copy / "out")
    assert built.returncode == 0, built.output
    check(built)


def test_a_refresh_hidden_in_a_clause_does_not_move_the_reader_in_chromium(project_copy, page):
    write_entry(project_copy, "fr", "communique", "op1-iii", REFRESH)
    built = build(project_copy, project_copy / "out")
    assert built.returncode == 0, built.output
    with serve(built.site) as base:
        traffic = watch(page)
        page.goto(base + "fr/communique/op1-iii/")
        page.wait_for_timeout(2000)
        assert page.url == base + "fr/communique/op1-iii/"
        assert [url for url in traffic.external()] == []
        assert page.locator('meta[http-equiv="refresh"]').count() == 0
