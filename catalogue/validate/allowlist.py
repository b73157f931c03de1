"""Everything a built page may contain: the elements, attributes, addresses, `<meta>` tags,
`<link>` types, scripts and styles that the site itself writes. validate/output.py checks every
written page (and every page inside the offline zips) against `SITE`; anything not listed here
fails the build.

To allow something new that the site produces, add ONE line in the right table, with a comment
naming what writes it. Shapes (validate/shapes.py): Text() any text, OneOf(...) exact values,
Tokens(...) space-separated words, Pattern(regex), Url() a link (this site or an allowed domain),
Url(external=False) this site only, File(paths) one of the site's own files by path.
A name ending in `*` in META covers every name with that start (`citation_*`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from catalogue.validate.shapes import File, OneOf, Pattern, Refresh, Shape, Text, Tokens, Url

# overrides/main.html; deploy/_headers sends the same policy (plus frame-ancestors). `{style}`: the
# CSP source of the one inline style (the first screen's, render/styles.py), known once the build starts.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' {style}; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'")
LANGUAGE_TAG = Pattern(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
ID = Pattern(r"[^\s\x00-\x1f]{1,200}")  # ids from headings are in the page's script
EXIT_LINK = r"https://www\.google\.com/\?hl=[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"  # render/site.py's EXIT_URL
MIME_DOWNLOADS = OneOf("application/x-research-info-systems", "application/vnd.citationstyles.csl+json",
                       "application/pdf")  # render/cite.py, render/pdf.py


@dataclass(frozen=True, eq=False)  # compared (and cached) by identity
class Allowlist:
    elements: dict[str, str]          # tag → its attributes (besides `everywhere`), space-separated
    everywhere: str                   # attributes any element may carry; `aria-*` covers every ARIA attribute
    values: dict[str, Shape]          # the shape of an attribute's value: 'tag@attribute' first, then 'attribute'
    meta: dict[str, Shape]            # <meta name|property|http-equiv="…" content="…">: the content's shape
    links: dict[str, Shape]           # <link rel="…" href="…">: the href's shape (alternates: see alternates)
    alternates: frozenset[str]        # the `type`s a <link rel="alternate"> may have
    scripts: tuple[str, ...]          # <script src>: the site's own script files, by path from the site root
    data_scripts: dict[str, str]      # inline <script type="…">: data blocks (JSON), never code; type → id ('' any)
    style_hashes: frozenset[str]      # inline <style>: 'sha256-…' of its text, as the CSP would list it
    files: dict[str, str]             # every file the build may write: path pattern → how it is checked


SITE = Allowlist(
    elements={
        # the document (Material's base.html)
        "html": "", "head": "", "body": "data-md-color-scheme data-md-color-primary data-md-color-accent",
        "title": "", "meta": "charset name property http-equiv content", "link": "rel href type hreflang sizes",
        "script": "src type defer id", "style": "",
        # Material's layout, header, navigation, search and footer
        "header": "data-md-component", "footer": "", "main": "data-md-component",
        "nav": "data-md-level data-md-component", "article": "", "section": "", "aside": "",
        "div": "data-md-component data-md-type data-md-scrollfix data-search data-search-meta "
               "data-pagefind-body data-pagefind-meta data-pagefind-ignore data-description data-clause "
               # keep a language for offline reading (render/opendata.py, assets/offline.js)
               "data-offline-reading data-list data-worker data-scope data-cache data-kept data-removed data-failed",
        "span": "data-count data-md-component", "label": "for", "form": "data-search-form",
        "input": "type name placeholder enterkeyhint autocapitalize autocorrect autocomplete spellcheck "
                 "data-md-toggle data-search-query",
        "button": "type data-search-open data-md-component data-copy data-done data-offline-keep data-offline-remove",
        "svg": "xmlns viewBox width height", "path": "d",
        # text, as Markdown and the catalogue's pages write it
        "p": "data-pagefind-ignore", "h1": "", "h2": "", "h3": "", "h4": "", "h5": "", "h6": "", "blockquote": "", "hr": "", "br": "",
        "pre": "", "code": "", "em": "", "strong": "", "b": "", "i": "", "small": "", "sub": "", "sup": "",
        "abbr": "", "bdi": "", "kbd": "", "q": "", "mark": "",
        "a": "href hreflang target rel download type data-md-component "
             "data-leaving data-press-two data-press-one data-reset",  # the last four: the exit link's texts
        "img": "src alt width height loading",
        "ul": "data-md-scrollfix data-md-component", "ol": "start data-search-results", "li": "data-relation data-clause",
        "dl": "", "dt": "", "dd": "", "details": "open", "summary": "", "progress": "max value",
        "table": "", "caption": "", "thead": "", "tbody": "", "tfoot": "", "tr": "data-clause data-lang",
        "th": "scope colspan rowspan", "td": "data-count data-state data-lang colspan rowspan",
    },
    everywhere="class id lang dir title role hidden tabindex aria-*",
    values={
        "href": Url(also=frozenset({"https://squidfunk.github.io/mkdocs-material/"}),  # + the footer's credit
                    also_like=EXIT_LINK),  # "Exit this page" (render/site.py)
        "src": Url(external=False), "for": ID, "id": ID,
        "lang": LANGUAGE_TAG, "hreflang": LANGUAGE_TAG, "dir": OneOf("ltr", "rtl", "auto"),
        "target": OneOf("_blank"), "a@rel": Tokens("noopener", "noreferrer", "nofollow", "prev", "next"),
        "a@type": MIME_DOWNLOADS, "download": Pattern(r"[a-z0-9][a-z0-9.-]{0,99}"),
        "button@type": OneOf("button", "submit"), "input@type": OneOf("checkbox", "text"),
        "xmlns": OneOf("http://www.w3.org/2000/svg"),
        "data-pagefind-body": OneOf(""), "data-pagefind-ignore": OneOf(""),
        "data-pagefind-meta": OneOf("description[data-description]"),  # overrides/main.html
        "data-description": Text(), "data-copy": OneOf(".cite__permalink", ".cite__text"),
        "tabindex": OneOf("-1", "0"),
        "data-list": File(("offline/keep-*.json",)), "data-worker": File(("offline-sw.js",)),
        "data-scope": Url(external=False), "data-cache": Pattern(r"offline-[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"),
        "data-offline-keep": OneOf(""), "data-offline-remove": OneOf(""), "data-offline-reading": OneOf(""),
    },
    meta={
        "charset": OneOf("utf-8"),
        "viewport": OneOf("width=device-width,initial-scale=1"),
        "description": Text(), "author": Text(200),
        "generator": Pattern(r"mkdocs-[A-Za-z0-9. -]{1,40}, mkdocs-material-[0-9.]+"),  # MkDocs or ProperDocs
        "referrer": OneOf("no-referrer"),  # overrides/main.html
        "robots": OneOf("noindex"),  # redirect pages of retired ids (render/core.py)
        "http-equiv=content-security-policy": OneOf(),  # the policy with its style hash: with_first_screen()
        "http-equiv=refresh": Refresh(),  # redirect pages and the offline zip's start page only
        # sharing previews (overrides/main.html)
        "og:type": OneOf("article", "website"), "og:site_name": Text(200), "og:title": Text(300),
        "og:description": Text(), "og:url": Url(external=False), "og:locale": Pattern(r"[a-z]{2,3}(_[A-Z]{2})?"),
        "og:locale:alternate": Pattern(r"[a-z]{2,3}(_[A-Z]{2})?"),
        "og:image": Url(external=False), "og:image:type": OneOf("image/png"), "og:image:width": OneOf("1200"),
        "og:image:height": OneOf("630"), "og:image:alt": Text(),  # share cards (publish/cards.py)
        "twitter:card": OneOf("summary_large_image"), "twitter:title": Text(300), "twitter:description": Text(),
        # what reference managers read (render/cite.py page_meta)
        "citation_title": Text(400), "citation_author": Text(300), "citation_date": Pattern(r"\d{4}/\d{2}/\d{2}"),
        "citation_language": Pattern(r"[a-z]{2,3}"), "citation_public_url": Url(external=False),
        "DC.title": Text(400), "DC.creator": Text(300), "DC.date": Pattern(r"\d{4}-\d{2}-\d{2}"),
        "DC.language": Pattern(r"[a-z]{2,3}"), "DC.type": OneOf("presentation"), "DC.identifier": Url(external=False),
        "DCTERMS.spatial": Text(200),
    },
    links={
        "canonical": Url(external=False), "prev": Url(external=False), "next": Url(external=False),
        "alternate": Url(external=False),
        "icon": File(("assets/favicon.svg",)),
        # the styles after the content: the templates' name, then its fingerprinted file (publish/styles.py)
        "stylesheet": File(("assets/stylesheets/site.css", "assets/stylesheets/site.*.min.css")),
    },
    alternates=frozenset({"application/x-research-info-systems", "application/vnd.citationstyles.csl+json"}),
    scripts=("assets/material-scope.js", "assets/javascripts/bundle.*.min.js", "assets/search.js", "assets/reader.js",
             "assets/exit.js", "assets/offline.js"),
    data_scripts={"application/ld+json": "", "application/json": "__config"},  # clause pages; Material's config
    style_hashes=frozenset(),
    # Path patterns from the site root (`*`: any characters but '/', `**/`: any folders) and their check
    # (validate/files.py): page (this allowlist), json, csv, ris, sitemap, zip (each member checked), pdf,
    # theme (byte-identical to the installed Material's file), own (byte-identical to docs/<path>),
    # pagefind (Pagefind's own output, by name).
    files={
        "index.html": "page", "**/index.html": "page", "404.html": "page", "*/404.html": "page",
        "**/cite.ris": "ris", "**/cite.json": "json",  # render/cite.py
        "open-data/*.json": "json", "open-data/*.csv": "csv",  # render/opendata.py, schemas/
        "open-data/communique.*.akn.xml": "akn",  # render/akn.py
        "sitemap.xml": "sitemap", "sitemap.xml.gz": "sitemap",  # publish/sitemap.py
        "offline/addis-ababa-communique-*.zip": "zip",  # publish/offline.py
        "assets/favicon.svg": "own", "assets/site.css": "own", "assets/reader.js": "own",
        "assets/search.js": "own", "assets/material-scope.js": "own", "assets/exit.js": "own",
        "assets/offline.js": "own", "offline-sw.js": "own", "offline/keep-*.json": "json",  # publish/reading.py
        "communique/communique-*.pdf": "pdf", "*/communique/communique-*.pdf": "pdf",  # publish/pdfs.py
        "**/card.png": "png", "robots.txt": "text",  # share cards (publish/cards.py), publish/sitemap.py
        "assets/stylesheets/site.*.min.css": "css",  # cut from the theme's and the site's (publish/styles.py)
        "assets/javascripts/**/*": "theme", "assets/stylesheets/*": "theme", "assets/images/favicon.png": "theme",
        "pagefind/pagefind*.js": "pagefind", "pagefind/pagefind*.css": "pagefind", "pagefind/pagefind-entry.json": "json",
        "pagefind/pagefind.*.pf_meta": "pagefind", "pagefind/wasm.*.pagefind": "pagefind",
        "pagefind/index/*.pf_index": "pagefind", "pagefind/fragment/*.pf_fragment": "pagefind",
    },
)


def with_first_screen(style: str) -> Allowlist:
    """SITE with the one inline style every page carries: `style` is its CSP source (`'sha256-…'`)."""
    return replace(SITE, style_hashes=frozenset({style.strip("'")}),
                   meta={**SITE.meta, "http-equiv=content-security-policy": OneOf(CSP.format(style=style))})
