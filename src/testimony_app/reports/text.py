"""Text as it reaches the page: escaping, font runs, and right-to-left paragraphs.

ReportLab's own Paragraph knows neither bidi nor Arabic shaping (its bidi support needs
``rlbidi``, which is not on PyPI, and its HarfBuzz shaping puts punctuation and digits on the
wrong side: stack-findings §4.1). So:

* a paragraph whose first strong character is right-to-left (Persian, Arabic) becomes an
  :class:`RTLParagraph`: words are wrapped in logical order, then each line is reshaped
  (contextual letter forms), reordered for display (UAX #9 rules L1, L2) with mirrored
  brackets and quotation marks (rule L4, which python-bidi's fast implementation leaves
  out: a Persian "(فلکه)" would otherwise print as ")فلکه("), and drawn flush right, run
  by run in whichever font holds each glyph;
* in a left-to-right paragraph, a short Arabic-script phrase (a name, a place) is reshaped and
  reordered on its own and kept on one line, which is what a reader expects;
* everything else is a normal Paragraph whose markup names, run by run, a font that has the
  glyphs (:func:`testimony_app.reports.fonts.font_runs`).

What a reader copies or searches comes back in logical order: the glyphs carry their base
letters (see ``fonts``), and text extractors (poppler's ``pdftotext``, the engine of most PDF
readers on Linux) reorder right-to-left runs by position.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import algorithm as _pybidi
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from testimony_app.reports import fonts

# A run of right-to-left text inside a left-to-right paragraph: from a strong RTL character
# to the last one, with whatever neutral characters (spaces, digits, punctuation) lie between.
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_LTR_LETTERS = ("A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u0530-\u058f"
                "\u10a0-\u10ff\u1e00-\u1eff")
_RTL_RUN = re.compile(rf"[{_RTL}](?:[^\n{_LTR_LETTERS}]*[{_RTL}])?")
_KEEP_TOGETHER = 60  # RTL phrases up to this long are kept on one line inside LTR text
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
# Reset to the paragraph level at the end of a line (UAX #9 rule L1).
_L1_TRAILING = frozenset(("WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO",
                          "RLO", "PDF"))


def is_rtl(text: str) -> bool:
    """True when the first strong character of ``text`` is right-to-left (UAX #9, P2)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _levels_fast(text: str, base: int) -> list[int] | None:
    """Resolved embedding levels (UAX #9 up to I2) from python-bidi's Rust implementation.

    Its public API returns only the reordered string; the levels come from its debug
    output, one per UTF-8 byte. None if that output is not what we expect (another
    python-bidi), so the caller falls back to the pure-Python algorithm.
    """
    info = str(get_display(text, base_dir="R" if base else "L", debug=True))
    start, end = info.find("levels: ["), info.find("paragraphs:")
    if start < 0 or end < start:
        return None
    per_byte = [int(x) for x in _LEVEL.findall(info, start, end)]
    if len(per_byte) != len(text.encode("utf-8")):
        return None
    out: list[int] = []
    pos = 0
    for ch in text:
        out.append(per_byte[pos])
        pos += len(ch.encode("utf-8"))
    return out


def _levels_slow(text: str, base: int) -> list[int]:
    """The same levels from python-bidi's pure-Python algorithm (no bracket pairs, N0)."""
    storage = _pybidi.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    _pybidi.get_embedding_levels(text, storage)
    _pybidi.explicit_embed_and_overrides(storage)
    _pybidi.resolve_weak_types(storage)
    _pybidi.resolve_neutral_types(storage, False)
    _pybidi.resolve_implicit_levels(storage, False)
    levels = {id(c): int(c["level"]) for c in storage["chars"]}
    # Characters removed by rule X9 are missing from storage: they take the base level.
    out = [base] * len(text)
    kept = iter(storage["chars"])
    current = next(kept, None)
    for i, ch in enumerate(text):
        if current is not None and current["ch"] == ch:
            out[i] = levels[id(current)]
            current = next(kept, None)
    return out


def bidi_levels(text: str, base: int) -> list[int]:
    """The embedding level of each character of one line, after rule L1."""
    levels = _levels_fast(text, base)
    if levels is None:
        levels = _levels_slow(text, base)
    # L1: segment separators, and whitespace before them or at the end of the line, take
    # the paragraph level.
    trailing = True
    for i in range(len(text) - 1, -1, -1):
        kind = unicodedata.bidirectional(text[i])
        if kind in ("S", "B"):
            levels[i] = base
            trailing = True
        elif trailing and kind in _L1_TRAILING:
            levels[i] = base
        else:
            trailing = False
    return levels


def display_order(text: str, base: int) -> str:
    """``text`` (one line, logical order) as it is drawn left to right: reordered by rule
    L2, with characters at right-to-left levels mirrored by rule L4."""
    if not text:
        return text
    levels = bidi_levels(text, base)
    chars = [MIRRORED.get(ch, ch) if level % 2 else ch for ch, level in zip(text, levels,
                                                                          strict=True)]
    order = list(range(len(text)))
    highest = max(levels)
    lowest_odd = min((lv for lv in levels if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return "".join(chars[i] for i in order)


@functools.lru_cache(maxsize=16384)
def _shaped(text: str) -> str:
    return str(arabic_reshaper.reshape(text))


def visual(line: str) -> str:
    """One line of logical-order text as it must be drawn left to right: shaped, reordered,
    mirrored, and without the controls that are never drawn."""
    shown = display_order(_shaped(line), 1 if is_rtl(line) else 0)
    return "".join(ch for ch in shown if ch not in fonts.INVISIBLE)


@functools.lru_cache(maxsize=65536)
def _word_width(word: str, size: float) -> float:
    """Width of one word as drawn: contextual forms depend only on the word itself (a
    space never joins), and bidi reordering does not change a width."""
    return fonts.text_width("".join(ch for ch in _shaped(word) if ch not in fonts.INVISIBLE),
                            size)


def markup(text: str, base: str = fonts.SANS, size: float | None = None) -> str:
    """Paragraph markup for plain ``text``: escaped, line breaks kept, each run in a font
    that has its glyphs, right-to-left phrases reshaped and reordered."""
    out: list[str] = []
    for i, line in enumerate(text.replace("\r\n", "\n").split("\n")):
        if i:
            out.append("<br/>")
        line = _RTL_RUN.sub(_rtl_phrase, line)
        for font, chunk in fonts.font_runs(line, base):
            chunk = escape(chunk)
            if font == base:
                out.append(chunk)
            elif font == fonts.ARABIC and size:
                scaled = fonts.run_size(font, size)
                out.append(f'<font name="{font}" size="{scaled:.2f}">{chunk}</font>')
            else:
                out.append(f'<font name="{font}">{chunk}</font>')
    return "".join(out)


def _rtl_phrase(match: re.Match[str]) -> str:
    phrase = match.group(0)
    shown = display_order(_shaped(phrase), 1)
    if len(phrase) <= _KEEP_TOGETHER:
        shown = shown.replace(" ", "\u00a0")
    return shown


@dataclass(frozen=True)
class Hanging:
    """How a numbered paragraph of the account sits among the others, as the rows of the
    two-column table it once was did (so the pages break where they always broke).

    ``label()`` is what a piece that goes on from an earlier page shows where the number
    stood ("12." and "(cont.)"), in the column of numbers ``column`` points wide; a
    paragraph is cut across a page only when at least ``cut_above`` points are left for its
    first piece (else it moves whole to the next page); ``pad`` points below each paragraph
    belong to it (a row's bottom padding), so a paragraph fits at the foot of a page only
    with them.
    """

    label: Callable[[], Flowable]
    column: float
    cut_above: float
    pad: float


def para(text: str, style: ParagraphStyle, number: str = "",
         hanging: Hanging | None = None) -> Flowable:
    """The right flowable for ``text``: an :class:`RTLParagraph` for right-to-left text, a
    ReportLab Paragraph otherwise; ``number`` is a hanging paragraph number, and
    ``hanging`` says how a numbered paragraph of the account breaks across pages (see
    :class:`NumberedParagraph`)."""
    if is_rtl(text):
        flowable = RTLParagraph(text, style, number)
    else:
        base = (style.fontName if style.fontName in (fonts.SANS_BOLD, fonts.SANS_ITALIC)
                else fonts.SANS)
        size = float(style.fontSize)
        if not number:
            return CachedParagraph(markup(text, base, size), style)
        flowable = NumberedParagraph(markup(text, base, size), style, bulletText=number)
    flowable.hanging = hanging
    return flowable


def upper(text: str, lang: str) -> str:
    """Upper case as the language writes it: Azerbaijani i → İ (Python's rule gives I)."""
    if lang == "az":
        text = text.replace("i", "İ")
    return text.upper()


class CachedParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that remembers its line breaks for the width it was last wrapped to.

    A table that runs over many pages is re-measured, all its remaining rows, at every page
    break; without this a 300-paragraph narrative spends most of its time breaking the same
    lines again (quadratic in the number of pages).
    """

    _memo: tuple[float, float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        memo = self._memo
        if memo is not None and memo[0] == availWidth and "blPara" in self.__dict__:
            return memo[1], memo[2]
        width, height = super().wrap(availWidth, availHeight)
        self._memo = (availWidth, width, height)
        return width, height


class NumberedParagraph(CachedParagraph):
    """A numbered paragraph of the account: the number hangs in the margin (ReportLab's
    bullet, the text indented past it); with ``hanging``, a piece that goes on from an
    earlier page shows the number and "(cont.)" where the number stood, so that it can be
    cited without turning back, and the page breaks as :class:`Hanging` says.

    The account was once a two-column table of numbers and paragraphs; a table that runs
    over fifty pages is measured again, all its remaining rows, at every page break, and
    drawn cell by cell, which made the statement four times slower than the same text as
    plain paragraphs. This draws the same pages.
    """

    hanging: Hanging | None = None
    goes_on = False  # this piece continues a paragraph begun on an earlier page

    def _pad(self) -> float:
        return self.hanging.pad if self.hanging is not None else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        pad = self._pad()
        width, height = super().wrap(availWidth, availHeight - pad)
        # Drawn from the top down: the padding stays below the text.
        self.height = height + pad
        return width, height + pad

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.hanging is not None and availHeight < self.hanging.cut_above:
            return []
        pieces: list[Flowable] = super().split(availWidth, availHeight)
        if len(pieces) == 2:
            pieces[0].hanging, pieces[1].hanging = _cut(self.hanging)
            pieces[0].goes_on = self.goes_on
            pieces[1].goes_on = True
        return pieces

    def draw(self) -> None:
        if self.goes_on and self.hanging is not None:
            # First, so that a reader's copy says "12. (cont.)" before the text.
            _draw_label(self.canv, self.hanging, 0.0, float(self.height))
        super().draw()


def _cut(hanging: Hanging | None) -> tuple[Hanging | None, Hanging | None]:
    """The hanging of the two pieces of a paragraph cut across a page: the first piece
    runs down to the foot of the page, without the room below."""
    if hanging is None:
        return None, None
    return dataclasses.replace(hanging, pad=0.0), hanging


def _draw_label(canv: Any, hanging: Hanging, x: float, top: float) -> None:
    """Draw the label of a continued piece in the column of numbers starting at ``x``,
    hanging from ``top``."""
    label = hanging.label()
    _w, height = label.wrap(hanging.column, top)
    label.drawOn(canv, x, top - height)


def wrap_rtl(text: str, width: float, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, in logical order.

    Lines are broken before they are reordered (UAX #9 §3.4): breaking a paragraph that was
    already reordered would put the end of the sentence on the first line. Widths add up
    word by word, so the paragraph is measured once, not once per candidate line.
    """
    # A space is drawn in DejaVu or, between Arabic-script words, in Naskh: count the wider.
    space = max(_word_width(" ", size), fonts.run_width(" ", fonts.ARABIC, size))
    lines: list[str] = []
    for hard in text.replace("\r\n", "\n").split("\n"):
        current: list[str] = []
        used = 0.0
        for word in hard.split(" "):
            w = _word_width(word, size)
            if current and used + space + w > width:
                lines.append(" ".join(current))
                current, used = [], 0.0
            if not current and w > width:
                # A single word wider than the line is cut where it must be.
                while len(word) > 1 and _word_width(word, size) > width:
                    cut = len(word) - 1
                    while cut > 1 and _word_width(word[:cut], size) > width:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                w = _word_width(word, size)
            used = used + space + w if current else w
            current.append(word)
        lines.append(" ".join(current))
    return lines


class RTLParagraph(Flowable):  # type: ignore[misc]
    """A right-to-left paragraph that wraps, splits across pages and draws flush right.

    A hanging ``number`` goes to the right margin, mirroring the left-hand numbers of
    left-to-right paragraphs, and a piece that goes on from an earlier page shows the
    number and "(cont.)" there instead (see :class:`NumberedParagraph`). A piece made by
    :meth:`split` keeps exactly its own lines: it never re-wraps the whole paragraph (which
    once made the head of a split as tall as the paragraph and drew it off the page), and
    it splits again if it must.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        number: str = "",
        lines: list[str] | None = None,
        first: bool = True,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.number = number
        self._fixed = lines          # the lines of a piece, as split from a whole paragraph
        self._lines: list[str] = []
        self._first = first
        self._for_width: float | None = None
        self.hanging: Hanging | None = None
        self.width = 0.0
        self.height = 0.0

    @property
    def _size(self) -> float:
        return float(self.style.fontSize)

    @property
    def _leading(self) -> float:
        # Naskh needs more room above and below than Latin at the same size.
        return max(float(self.style.leading), self._size * fonts.ARABIC_SCALE * 1.45)

    def _indent(self) -> float:
        return float(self.style.leftIndent) if self.number or not self._first else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width = availWidth - self._indent()
        if self._for_width != width:
            if self._fixed is None:
                self._lines = wrap_rtl(self.text, width, self._size)
            else:
                # A piece keeps its lines; only a narrower column breaks them further.
                self._lines = [part for line in self._fixed
                               for part in wrap_rtl(line, width, self._size)]
            self._for_width = width
        self.width = availWidth
        self.height = len(self._lines) * self._leading
        if self.hanging is not None:
            self.height += self.hanging.pad  # below the text, which is drawn from the top
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # A table cuts a cell with the column's full width, but draws it inside the cell's
        # padding: the lines of the last wrap are the ones that will be drawn (ReportLab's
        # Paragraph does the same). Re-wrapping wider here made pieces that grew when drawn.
        if self._for_width is None:
            self.wrap(availWidth, availHeight)
        lines = self._lines
        hanging = self.hanging
        fit = int((availHeight + 1e-6) // self._leading)
        if fit >= len(lines):
            fit = len(lines) - 1  # asked to split although it fits: leave a line to carry
        if fit <= 0 or (hanging is not None and availHeight < hanging.cut_above):
            return []
        if hanging is not None and fit == len(lines) - 1 > 1:
            # A paragraph of the account standing on its own, as a Paragraph of our styles
            # does: no single line left alone at the top of the next page.
            fit -= 1
        head = RTLParagraph(self.text, self.style, self.number, lines[:fit], self._first)
        tail = RTLParagraph(self.text, self.style, "", lines[fit:], False)
        head.hanging, tail.hanging = _cut(hanging)
        return [head, tail]

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.style.spaceBefore) if self._first else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        canv: Any = self.canv
        right = self.width - self._indent()
        y = self.height - self._size * 1.3
        if self.number:
            # Where a Paragraph puts its first line (as the number column of a table did):
            # on the line's own baseline, poppler reads the number into the sentence.
            canv.setFont(fonts.SANS, self._size)
            canv.drawRightString(self.width, self.height - self._size, self.number)
        elif not self._first and self.hanging is not None:
            _draw_label(canv, self.hanging, self.width - self.hanging.column, self.height)
        for line in self._lines:
            runs = [(font, chunk, fonts.run_width(chunk, font, self._size))
                    for font, chunk in _merged_runs(visual(line))]
            x = right - sum(w for _f, _c, w in runs)
            for font, chunk, width in runs:
                canv.setFont(font, fonts.run_size(font, self._size))
                canv.drawString(x, y, chunk)
                x += width
            y -= self._leading


def _merged_runs(text: str) -> list[tuple[str, str]]:
    """Font runs, with the spaces between two Arabic-script runs drawn in the Arabic font:
    one run per stretch of words instead of one per word (a tenth of the drawing calls)."""
    runs = list(fonts.font_runs(text))
    out: list[tuple[str, str]] = []
    for i, (font, chunk) in enumerate(runs):
        if (font != fonts.ARABIC and chunk.isspace() and 0 < i < len(runs) - 1
                and runs[i - 1][0] == runs[i + 1][0] == fonts.ARABIC
                and fonts.has_glyph(fonts.ARABIC, " ")):
            font = fonts.ARABIC
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + chunk)
        else:
            out.append((font, chunk))
    return out
