"""The shapes a value in the built site may take: each says why a value does not fit, or None.

The allowlist (validate/allowlist.py) names a shape for every attribute value and `<meta>`
content it allows; the verifier (validate/output.py) asks the shape. URL shapes need to know
where the page is and which sites the site may link to: a `Where`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f\\]")  # what browsers strip or fold, so a check could be fooled


@dataclass(frozen=True, eq=False)  # compared by identity: validate/output.py makes one per folder
class Where:
    """The page being checked (its path from the site root) and what counts as the same site."""

    path: str
    site_url: str = "/"
    domains: tuple[str, ...] = ()
    folder: str = field(init=False, compare=False)
    depth: int = field(init=False, compare=False)  # how many folders down from the root
    site_path: str = field(init=False, compare=False)  # the path the site is served under ('/' or '/sub/')

    def __post_init__(self) -> None:
        object.__setattr__(self, "folder", posixpath.dirname(self.path))
        object.__setattr__(self, "depth", self.folder.count("/") + 1 if self.folder else 0)
        match = re.match(r"[a-z]+://[^/]*(/.*)?$", self.site_url)
        object.__setattr__(self, "site_path", ((match.group(1) if match else self.site_url) or "/").rstrip("/") + "/")


class Shape:
    needs_where = False  # True: the answer depends on the page (addresses)

    def problem(self, value: str, where: Where) -> str | None:  # pragma: no cover - every shape overrides it
        raise NotImplementedError


@dataclass(frozen=True, eq=False)
class Text(Shape):
    """Any text of at most `limit` characters, without control characters."""

    limit: int = 5000

    def problem(self, value: str, where: Where) -> str | None:
        if _CONTROL.search(value):
            return "holds a control character"
        return f"is {len(value)} characters long (at most {self.limit})" if len(value) > self.limit else None


@dataclass(frozen=True, eq=False)
class OneOf(Shape):
    values: frozenset[str]

    def __init__(self, *values: str) -> None:
        object.__setattr__(self, "values", frozenset(values))

    def problem(self, value: str, where: Where) -> str | None:
        return None if value in self.values else f"is not one of {', '.join(sorted(self.values))}"


@dataclass(frozen=True, eq=False)
class Tokens(Shape):
    """Space-separated words, each one of `values` (a link's `rel`)."""

    values: frozenset[str]

    def __init__(self, *values: str) -> None:
        object.__setattr__(self, "values", frozenset(values))

    def problem(self, value: str, where: Where) -> str | None:
        unknown = [token for token in value.split() if token not in self.values]
        return f"has {unknown[0]!r}, not one of {', '.join(sorted(self.values))}" if unknown or not value.split() else None


@dataclass(frozen=True, eq=False)
class Pattern(Shape):
    regex: str
    _compiled: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", re.compile(self.regex))

    def problem(self, value: str, where: Where) -> str | None:
        return None if self._compiled.fullmatch(value) else f"does not match {self.regex}"


# Each folder's name ends at its '/', so a name can be matched in one way only: the time is linear in the
# address (with `(?:name/?)*` a long name followed by a character no name holds took exponential time).
_PLAIN_RELATIVE = re.compile(r"((?:\.\./)*)((?:[A-Za-z0-9_~%+-][A-Za-z0-9_.~%+-]*/)*(?:[A-Za-z0-9_~%+-][A-Za-z0-9_.~%+-]*)?)"
                             r"(#[A-Za-z0-9_.:~%+-]*)?")


_ENCODED_DOT = re.compile("%2e", re.IGNORECASE)


def _dots(url: str) -> str:
    """`url` with each `%2e` written as the dot it is: a browser takes `%2e%2e/` for `../` (and `%2e` for `.`)."""
    return _ENCODED_DOT.sub(".", url) if "%" in url else url


def climbs(url: str) -> int | None:
    """How many folders `url` climbs ('../' each) if it is a plain relative address ('../op1-iv/', 'cite.ris',
    '#x', its `%2e` read as dots), else None. Its names never start with a dot, so none is '.' or '..'."""
    plain = _PLAIN_RELATIVE.fullmatch(_dots(url))
    return plain.group(1).count("/") if plain else None


def plain_inside(url: str, depth: int) -> bool:
    """Whether `url` is a plain relative address that climbs at most `depth` folders: from a page that deep
    it stays inside the site (`target` gives its path)."""
    climb = climbs(url)
    return climb is not None and climb <= depth


def from_root(url: str, depth: int) -> bool:
    """Whether `url` is a plain relative address that climbs exactly `depth` folders: from any page that deep
    it names the same path from the site's root, whatever the page's folders are called."""
    return climbs(url) == depth


def _bare(url: str) -> str:
    """`url` without its query and fragment."""
    return url.partition("#")[0].partition("?")[0]


def target(url: str, where: Where) -> tuple[str | None, str | None]:
    """Where `url` on this page leads inside the site (a path from its root, '' for the root),
    or why it does not stay inside the site; (None, None) for another site's address."""
    url = _dots(url)
    plain = _PLAIN_RELATIVE.fullmatch(url)  # most addresses: '../op1-iv/', 'cite.ris', '../../assets/site.css#x'
    if plain and plain.group(1).count("/") <= where.depth:  # (no name in it is '..': none starts with a dot)
        path = posixpath.normpath(f"{where.folder}/{plain.group(1)}{plain.group(2)}" if where.folder
                                  else f"{plain.group(1)}{plain.group(2)}" or ".")
        return ("" if path == "." else path) + ("/" if url.partition("#")[0].endswith("/") and path != "." else ""), None
    if _URL_NOISE.search(url):
        return None, "holds a space, a control character or a backslash"
    scheme = _SCHEME.match(url)
    if url.startswith("//"):
        return None, "is a scheme-relative address (//host); write https://"
    if scheme:
        if url.startswith(where.site_url) and where.site_url.endswith("/"):
            path = where.site_path.lstrip("/") + _bare(url[len(where.site_url):])
        else:
            return None, None
    elif url.startswith("/"):
        if not url.startswith(where.site_path):
            return None, f"leaves the site's folder {where.site_path}"
        path = _bare(url[len(where.site_path):])
    else:  # the address without its query and fragment, then in the folder (whose name may hold '?' or '#')
        path = f"{where.folder}/{_bare(url)}" if where.folder else _bare(url)
    normal = posixpath.normpath(path) if path else where.path
    if normal == ".." or normal.startswith("../") or normal.startswith("/"):
        return None, "leads out of the site's root"
    return ("" if normal == "." else normal) + ("/" if path.endswith("/") and normal != "." else ""), None


def _allowed_host(host: str, domains: tuple[str, ...]) -> bool:
    host = host.lower()
    return any(host == domain or host.endswith("." + domain) for domain in domains)


@dataclass(frozen=True, eq=False)
class Url(Shape):
    """An address: inside the site, or (when `external`) an https address on an allowed domain
    or one of `also` or like `also_like` (addresses the site itself writes, such as Material's credit)."""

    needs_where = True

    external: bool = True
    also: frozenset[str] = frozenset()
    also_like: str = ""  # a regular expression: other addresses the site itself writes (the exit link's)

    def problem(self, value: str, where: Where) -> str | None:
        if value.startswith("#") and not _URL_NOISE.search(value):
            return None
        path, problem = target(value, where)
        if problem or path is not None:
            return problem
        scheme = (_SCHEME.match(value) or ["", ""])[1].lower()
        if not self.external:
            return "is another site's address; only files of this site may be loaded"
        if value in self.also or (self.also_like and re.fullmatch(self.also_like, value)):
            return None
        if scheme != "https":
            return f"uses the scheme {scheme}:; links go to https addresses"
        host = re.match(r"https://([^/?#:@]*)(?::\d+)?(?:[/?#]|$)", value, re.IGNORECASE)
        if not host:
            return "has a user name, password or malformed host"
        if not _allowed_host(host.group(1), where.domains):
            return f"links to {host.group(1)}, which is not in data/allowed-domains.yml"
        return None


@dataclass(frozen=True, eq=False)
class File(Shape):
    """An address of one of the site's own files, by path from the site root (`*`: any characters but '/')."""

    needs_where = True

    paths: tuple[str, ...]
    _compiled: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        regex = "|".join(re.escape(path).replace(r"\*", "[^/]*") for path in self.paths)
        object.__setattr__(self, "_compiled", re.compile(regex))

    def problem(self, value: str, where: Where) -> str | None:
        path, problem = target(value, where)
        if problem:
            return problem
        if path is None:
            return "is another site's address; only files of this site may be loaded"
        return None if self._compiled.fullmatch(path) else f"is not one of the site's own files ({', '.join(self.paths)})"


@dataclass(frozen=True, eq=False)
class Refresh(Shape):
    """`<meta http-equiv="refresh">` of a redirect page: at once, to a page of this site."""

    needs_where = True

    def problem(self, value: str, where: Where) -> str | None:
        match = re.fullmatch(r"0; url=(.+)", value)
        if not match:
            return "is not '0; url=<a page of this site>'"
        path, problem = target(match.group(1), where)
        return problem or (None if path is not None else "sends the reader to another site")
