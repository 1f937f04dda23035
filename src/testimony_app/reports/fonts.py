"""The embedded fonts, and the one place that decides which font draws which character.

ReportLab draws nothing, and says nothing, for a character the current font lacks: a missing
letter in a witness's name would vanish from a signed statement without a trace. So every
piece of text goes through :func:`font_runs`, which picks, character by character, a font whose
cmap really holds the glyph, and :func:`missing_glyphs` answers from those same cmaps so the
caller can warn before printing.

DejaVu Sans carries Latin (with every Azerbaijani letter), Cyrillic, Armenian, Georgian and the
Arabic letters; Noto Naskh Arabic draws Arabic script far better but lacks Latin, ``/`` and
``-``, so Arabic-script characters prefer Naskh and everything else prefers DejaVu. Noto Sans
fills the few gaps DejaVu has that our users meet, above all the manat sign ₼ (and ₾).

The fonts are read through :mod:`importlib.resources` into memory (no temporary files) and
registered once per process under names private to this application.

Arabic script is drawn in its contextual presentation forms (U+FB50–U+FEFF), which is what
the fonts hold glyphs for; each glyph's text, the ToUnicode entry a reader copies or
searches, is the base letter instead (``ﻧ`` copies as ``ن``, the ligature ``ﻻ`` as ``لا``),
so that a search for a Persian word finds it.
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import arabic_reshaper
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_CMAP_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{4})>")

SANS = "Testimony-DejaVuSans"
SANS_BOLD = "Testimony-DejaVuSans-Bold"
SANS_ITALIC = "Testimony-DejaVuSans-Oblique"
ARABIC = "Testimony-NotoNaskhArabic"
FALLBACK = "Testimony-NotoSans"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    FALLBACK: "NotoSans-Regular.ttf",
}

#: Characters that are never drawn: layout controls, and the joiners that the reshaper has
#: already turned into the right letter forms (drawn, they show as bars: stack-findings §4.1).
INVISIBLE = frozenset("\n\r\t\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                      "\u2066\u2067\u2068\u2069\ufeff\u00ad")

#: Naskh letters look a size smaller than DejaVu's at the same point size; Arabic-script runs
#: are set this much larger so that a mixed line reads evenly.
ARABIC_SCALE = 1.2

#: What a character no embedded font can draw becomes, so that a gap is visible on paper.
REPLACEMENT = "\ufffd"

_lock = threading.Lock()


def _base_letters(match: re.Match[str]) -> str:
    """One ToUnicode entry, with a presentation form mapped to its base letters. A ligature
    (lam-alef) stands for several letters; they are listed in the order they are drawn,
    right to left reversed, because extractors reverse a right-to-left run as a whole."""
    code = int(match.group(2), 16)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        text = unicodedata.normalize("NFKC", chr(code))
        if len(text) > 1 and all(is_rtl_char(ch) for ch in text):
            text = text[::-1]
        if text and text != chr(code):
            return f"<{match.group(1)}> <{text.encode('utf-16-be').hex().upper()}>"
    return match.group(0)


class _Font(TTFont):  # type: ignore[misc]
    """A TrueType font whose ToUnicode maps presentation forms to their base letters."""

    def addObjects(self, doc: object) -> None:  # noqa: N802
        objects: dict[str, object] = doc.idToObject  # type: ignore[attr-defined]
        before = set(objects)
        super().addObjects(doc)
        for key in set(objects) - before:
            if key.startswith("toUnicodeCMap:"):
                stream = objects[key]
                stream.content = _CMAP_ENTRY.sub(_base_letters, stream.content)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class _Cmaps:
    """The code points each font can draw, read from the fonts' own cmap tables."""

    sans: frozenset[int]
    bold: frozenset[int]
    italic: frozenset[int]
    arabic: frozenset[int]
    fallback: frozenset[int]


_loaded: list[_Cmaps] = []


def _load() -> _Cmaps:
    """Register the fonts with ReportLab (once) and return their cmaps.

    Locked, because registering a font again while another thread builds a statement would
    swap the font object (and its subset state) under that build.
    """
    if _loaded:
        return _loaded[0]
    with _lock:
        if _loaded:
            return _loaded[0]
        folder = importlib.resources.files("testimony_app.resources") / "fonts"
        cmaps: dict[str, frozenset[int]] = {}
        for name, filename in _FILES.items():
            data = (folder / filename).read_bytes()
            font = _Font(name, io.BytesIO(data))
            pdfmetrics.registerFont(font)
            cmaps[name] = frozenset(font.face.charToGlyph)
        # <b> and <i> inside a Paragraph map to the bold and oblique faces.
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS_ITALIC)
        addMapping(SANS, 1, 1, SANS_BOLD)
        _loaded.append(_Cmaps(cmaps[SANS], cmaps[SANS_BOLD], cmaps[SANS_ITALIC],
                              cmaps[ARABIC], cmaps[FALLBACK]))
        return _loaded[0]


def register() -> None:
    """Make sure the fonts are registered; cheap after the first call."""
    _load()


def is_arabic_script(ch: str) -> bool:
    """True for letters, digits and marks of the Arabic script blocks (Persian included)."""
    cp = ord(ch)
    return (
        0x0600 <= cp <= 0x06FF
        or 0x0750 <= cp <= 0x077F
        or 0x0870 <= cp <= 0x08FF
        or 0xFB50 <= cp <= 0xFDFF
        or 0xFE70 <= cp <= 0xFEFF
    )


def is_rtl_char(ch: str) -> bool:
    """True for a strong right-to-left character (Arabic, Hebrew, Syriac, Thaana, N'Ko…)."""
    return unicodedata.bidirectional(ch) in ("R", "AL")


@functools.lru_cache(maxsize=8192)
def font_for(ch: str, base: str = SANS) -> str | None:
    """The font that draws ``ch``: Naskh for Arabic script, else ``base``; None if none can."""
    c = _load()
    cp = ord(ch)
    base_map = {SANS: c.sans, SANS_BOLD: c.bold, SANS_ITALIC: c.italic}.get(base, c.sans)
    if is_arabic_script(ch) and cp in c.arabic:
        return ARABIC
    if cp in base_map:
        return base
    if cp in c.sans:
        return SANS
    if cp in c.fallback:
        return FALLBACK
    if cp in c.arabic:
        return ARABIC
    return None


#: Per base font, characters already seen to be drawn in that very font (visible, and
#: :func:`font_for` gives the base). Text made only of them is one run, found with one set
#: test instead of a lookup per character: a statement's text is almost all such text, and
#: the loop below was a tenth of the time of building one. Replaced, never changed in place,
#: so that a reader in another thread always sees a whole set.
_plain: dict[str, frozenset[str]] = {}


def font_runs(text: str, base: str = SANS) -> Iterator[tuple[str, str]]:
    """Split ``text`` into ``(font, chunk)`` runs; invisible controls are dropped and
    characters no font holds become :data:`REPLACEMENT`."""
    plain = _plain.get(base, frozenset())
    if plain.issuperset(text):
        if text:
            yield base, text
        return
    learned: set[str] = set()
    current = ""
    chunk: list[str] = []
    for ch in text:
        if ch in INVISIBLE:
            continue
        font = font_for(ch, base)
        if font is None:
            ch, font = REPLACEMENT, SANS
        elif font == base:
            learned.add(ch)
        if font != current and chunk:
            yield current, "".join(chunk)
            chunk = []
        current = font
        chunk.append(ch)
    if chunk:
        yield current, "".join(chunk)
    if not learned <= plain:
        _plain[base] = plain | learned


def run_size(font: str, size: float) -> float:
    """The point size a run in ``font`` is drawn at, for text of nominal ``size``."""
    return size * ARABIC_SCALE if font == ARABIC else size


def has_glyph(font: str, ch: str) -> bool:
    """True when ``font`` (one of ours) holds a glyph for ``ch``."""
    c = _load()
    cmap = {SANS: c.sans, SANS_BOLD: c.bold, SANS_ITALIC: c.italic, ARABIC: c.arabic,
            FALLBACK: c.fallback}[font]
    return ord(ch) in cmap


def run_width(chunk: str, font: str, size: float) -> float:
    """The width of ``chunk`` drawn in ``font`` at nominal ``size``."""
    return float(pdfmetrics.stringWidth(chunk, font, run_size(font, size)))


def text_width(text: str, size: float, base: str = SANS) -> float:
    """The width of ``text`` drawn run by run with :func:`font_runs`."""
    return float(sum(pdfmetrics.stringWidth(chunk, font, run_size(font, size))
                     for font, chunk in font_runs(text, base)))


def widest_word(text: str, size: float, base: str = SANS) -> float:
    """The width of the widest word of ``text`` (0 for no word): what a column must hold for
    its words to wrap between words, never inside one."""
    return max((text_width(word, size, base) for word in text.split()), default=0.0)


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` that none of the embedded fonts can draw.

    Arabic-script text is also reshaped first, because what is drawn are the contextual
    presentation forms, and a font may hold a letter but not all of its forms.
    """
    c = _load()
    drawable = c.sans | c.arabic | c.fallback
    candidates = set(text)
    if any(is_arabic_script(ch) for ch in text):
        candidates |= set(arabic_reshaper.reshape(text))
    return {ch for ch in candidates if ch not in INVISIBLE and ord(ch) not in drawable}
