"""A page's share card: the picture a link preview shows (Open Graph `og:image`), drawn from text.

`draw` is a pure function of a `Card` and the fonts: 1200×630 PNG bytes, the same bytes every
time. Arabic is shaped and laid out right to left, and every script is drawn with a Noto font
that has its glyphs (Debian's fonts-noto-core), with Noto Sans merged in for the Latin
letters, digits and punctuation that the Arabic and Ethiopic fonts lack. Layout is raqm's
(HarfBuzz and FriBiDi, inside Pillow): without it the build stops rather than draw unjoined
Arabic; a character no font has stops it too, rather than draw an empty box.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools import merge, subset
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features

WIDTH, HEIGHT = 1200, 630
FONT_DIR = Path("/usr/share/fonts/truetype/noto")
LATIN = "NotoSans"
SCRIPT_FONTS = ("NotoSansArabic", "NotoSansEthiopic")  # tried in turn for what Noto Sans lacks
# What Noto Sans lends a script font: Basic Latin, Latin-1 and general punctuation (the ellipsis).
LENT = [*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x2000, 0x2070)]
INK, GREEN, PAPER = (17, 17, 17), (20, 83, 45), (255, 255, 255)  # the site's text and primary colours
MARGIN, BAR, TOP, BOTTOM, GAP = 80, 20, 60, 40, 20
SITE_SIZES, TITLE_SIZES, TEXT_SIZES = (34,), (64, 54), (52, 44, 38)  # pixels, largest first
LEADING = 1.45  # line height ÷ font size
TITLE_LINES = 2
ELLIPSIS = "…"


FontSource = Callable[[str, str], bytes]


class CardError(Exception):
    """A card cannot be drawn correctly on this machine (one line: what is missing and what to do)."""


class MissingGlyphs(CardError):
    """A card's text has characters no font here has."""


@dataclass(frozen=True)
class Card:
    """What a page's card says, in the page's language."""

    site: str
    title: str
    text: str
    lang: str
    direction: str = "ltr"

    @property
    def characters(self) -> str:
        return self.site + self.title + self.text + ELLIPSIS


def font_files() -> list[Path]:
    """Every font file a card may use, found by path (a missing one stops the build)."""
    files = [FONT_DIR / f"{family}-{weight}.ttf" for family in (LATIN, *SCRIPT_FONTS) for weight in ("Regular", "Bold")]
    missing = [file for file in files if not file.is_file()]
    if missing:
        raise CardError(f"share cards need the Noto fonts of Debian's fonts-noto-core: {missing[0]} is missing; "
                        "install it with: apt-get install fonts-noto-core")
    return files


def require_raqm() -> None:
    if not features.check("raqm"):
        raise CardError("share cards need Pillow's raqm text layout to shape Arabic and Amharic "
                        "(PIL.features.check('raqm') is False): install Debian's libfribidi0, which Pillow's raqm loads")


@lru_cache(maxsize=None)
def _cmap(path: Path) -> frozenset[int]:
    return frozenset(TTFont(path, lazy=True)["cmap"].getBestCmap())


def family_for(card: Card) -> str:
    """Noto Sans, or the script font that has every character Noto Sans lacks."""
    font_files()
    needed = {ord(c) for c in card.characters if not c.isspace()}
    lacking = needed - _cmap(FONT_DIR / f"{LATIN}-Regular.ttf")
    if not lacking:
        return LATIN
    for family in SCRIPT_FONTS:
        if not lacking - _cmap(FONT_DIR / f"{family}-Regular.ttf") - set(LENT):
            return family
    missing = "".join(sorted(chr(c) for c in lacking))[:10]
    raise MissingGlyphs(f"its share card cannot be drawn: no Noto font has the characters {missing!r} (in "
                        f"{card.lang} text under {card.title!r}); remove them or add a font for their script "
                        "to catalogue/publish/card.py")


@lru_cache(maxsize=None)
def font_bytes(family: str, weight: str) -> bytes:
    """The font file, or a script font with Noto Sans's Latin merged in (the same bytes every time;
    made once per build, and kept between builds by cards.py)."""
    own = FONT_DIR / f"{family}-{weight}.ttf"
    if family == LATIN:
        return own.read_bytes()
    latin = TTFont(FONT_DIR / f"{LATIN}-{weight}.ttf")
    subsetter = subset.Subsetter(subset.Options(layout_features=["*"], notdef_outline=True))
    subsetter.populate(unicodes=[c for c in LENT if c not in _cmap(own)])
    subsetter.subset(latin)
    lent, out = io.BytesIO(), io.BytesIO()
    latin.save(lent)
    lent.seek(0)
    merge.Merger().merge([str(own), lent]).save(out)
    return out.getvalue()


def _font(fonts: FontSource, family: str, weight: str, size: int, layout: ImageFont.Layout) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(fonts(family, weight)), size, layout_engine=layout)


def draw(card: Card, layout: ImageFont.Layout = ImageFont.Layout.RAQM, fonts: FontSource = font_bytes) -> bytes:
    """The card as PNG bytes: the site's name (unless empty), the title (at most two lines) and the
    text, as large as lets it all fit, or cut with an ellipsis; aligned to the start of the
    language's writing (right for Arabic). `fonts` gives a font's bytes by family and weight
    (`font_bytes`, or the same kept in a cache); `layout` is for the tests (the basic one cannot shape)."""
    if layout == ImageFont.Layout.RAQM:
        require_raqm()
    family = family_for(card)
    rtl = card.direction == "rtl"
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((WIDTH - BAR, 0, WIDTH, HEIGHT) if rtl else (0, 0, BAR, HEIGHT), fill=GREEN)
    x, anchor = (WIDTH - MARGIN, "ra") if rtl else (MARGIN, "la")
    shaping = {"direction": card.direction, "language": card.lang} if layout == ImageFont.Layout.RAQM else {}
    y = TOP
    blocks = [("Regular", card.site, GREEN, SITE_SIZES, 1), ("Bold", card.title, INK, TITLE_SIZES, TITLE_LINES),
              ("Regular", card.text, INK, TEXT_SIZES, None)]
    for weight, text, colour, sizes, most in blocks:
        if not text:
            continue
        for size in sizes:  # the largest size that fits it all, else the smallest, cut
            font = _font(fonts, family, weight, size, layout)
            step = round(size * LEADING)
            room = max(0, (HEIGHT - BOTTOM - y) // step)
            lines, whole = wrap(text, lambda s: font.getlength(s, **shaping), WIDTH - 2 * MARGIN - BAR,
                                room if most is None else min(most, room))
            if whole:
                break
        for line in lines:
            pen.text((x, y), line, font=font, fill=colour, anchor=anchor, **shaping)
            y += step
        y += GAP
    return _png(image)


def wrap(text: str, length, width: float, lines: int) -> tuple[list[str], bool]:
    """`text` in at most `lines` lines no wider than `width` (as `length` measures), broken at
    spaces (inside a word only if the word alone is too wide), and whether it all fits; if not,
    the last line ends with an ellipsis."""
    words = text.split()
    out: list[str] = []
    while words and len(out) < lines:
        line = words.pop(0)
        while length(line) > width:  # a word wider than the card: break it
            cut = len(line) - 1
            while cut > 1 and length(line[:cut]) > width:
                cut -= 1
            words.insert(0, line[cut:])
            line = line[:cut]
        while words and length(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        out.append(line)
    if words and out:
        last = out[-1]
        while last and length(last + ELLIPSIS) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        out[-1] = last.rstrip(" ,;:.،؛፣፤") + ELLIPSIS
    return out, not words


def _png(image: Image.Image) -> bytes:
    """A palette PNG (small; no timestamp or other metadata, so the same picture gives the same bytes)."""
    small = image.quantize(colors=32, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, "PNG", compress_level=6)
    return out.getvalue()
