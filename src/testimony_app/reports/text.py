"""Text as it reaches the page: escaping, font runs, and right-to-left paragraphs.

ReportLab's own Paragraph knows neither bidi nor Arabic shaping (its bidi support needs
``rlbidi``, which is not on PyPI, and its HarfBuzz shaping puts punctuation and digits on the
wrong side: stack-findings §4.1). So:

* a paragraph whose first strong character is right-to-left (Persian, Arabic) becomes an
  :class:`RTLParagraph`: words are wrapped in logical order, then each line is reshaped
  (contextual letter forms), reordered for display with python-bidi, and drawn flush right,
  run by run in whichever font holds each glyph;
* in a left-to-right paragraph, a short Arabic-script phrase (a name, a place) is reshaped and
  reordered on its own and kept on one line, which is what a reader expects;
* everything else is a normal Paragraph whose markup names, run by run, a font that has the
  glyphs (:func:`testimony_app.reports.fonts.font_runs`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
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


def is_rtl(text: str) -> bool:
    """True when the first strong character of ``text`` is right-to-left (UAX #9, P2)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def visual(line: str) -> str:
    """One line of logical-order text as it must be drawn left to right."""
    shaped = arabic_reshaper.reshape(line)
    shown = str(get_display(shaped, base_dir="R" if is_rtl(line) else "L"))
    return "".join(ch for ch in shown if ch not in fonts.INVISIBLE)


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
    shown = str(get_display(arabic_reshaper.reshape(phrase), base_dir="R"))
    if len(phrase) <= _KEEP_TOGETHER:
        shown = shown.replace(" ", "\u00a0")
    return shown


def para(text: str, style: ParagraphStyle, number: str = "") -> Flowable:
    """The right flowable for ``text``: an :class:`RTLParagraph` for right-to-left text, a
    ReportLab Paragraph otherwise; ``number`` is a hanging paragraph number."""
    if is_rtl(text):
        return RTLParagraph(text, style, number)
    base = style.fontName if style.fontName in (fonts.SANS_BOLD, fonts.SANS_ITALIC) else fonts.SANS
    size = float(style.fontSize)
    if number:
        return CachedParagraph(markup(text, base, size), style, bulletText=number)
    return CachedParagraph(markup(text, base, size), style)


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


class RTLParagraph(Flowable):  # type: ignore[misc]
    """A right-to-left paragraph that wraps, splits across pages and draws flush right.

    Lines are broken in logical order, and only then reordered for display, one line at a
    time (UAX #9 §3.4): breaking a paragraph that was already reordered would put the end of
    the sentence on the first line. A hanging ``number`` goes to the right margin, mirroring
    the left-hand numbers of left-to-right paragraphs.
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
        self._lines = lines
        self._first = first
        self._avail = -1.0
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

    def _wrap_lines(self, width: float) -> list[str]:
        lines: list[str] = []
        for hard in self.text.replace("\r\n", "\n").split("\n"):
            current = ""
            for word in hard.split(" "):
                candidate = f"{current} {word}" if current else word
                if fonts.text_width(visual(candidate), self._size) <= width or not current:
                    current = candidate
                else:
                    lines.append(current)
                    current = word
                # A single word wider than the line is cut where it must be.
                while fonts.text_width(visual(current), self._size) > width and len(current) > 1:
                    cut = len(current) - 1
                    while cut > 1 and fonts.text_width(visual(current[:cut]), self._size) > width:
                        cut -= 1
                    lines.append(current[:cut])
                    current = current[cut:]
            lines.append(current)
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._lines is None or availWidth != self._avail:
            if self._lines is None or self._first:
                self._lines = self._wrap_lines(availWidth - self._indent())
            self._avail = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self._leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fit = int(availHeight // self._leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            return [self]
        head = RTLParagraph(self.text, self.style, self.number, self._lines[:fit], self._first)
        tail = RTLParagraph(self.text, self.style, "", self._lines[fit:], False)
        return [head, tail]

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.style.spaceBefore) if self._first else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        canv: Any = self.canv
        assert self._lines is not None
        right = self.width - self._indent()
        y = self.height - self._size * 1.3
        if self.number:
            canv.setFont(fonts.SANS, self._size)
            canv.drawRightString(self.width, y, self.number)
        for line in self._lines:
            runs = list(fonts.font_runs(visual(line)))
            total = sum(fonts.text_width(chunk, self._size) for _f, chunk in runs)
            x = right - total
            for font, chunk in runs:
                canv.setFont(font, fonts.run_size(font, self._size))
                canv.drawString(x, y, chunk)
                x += fonts.text_width(chunk, self._size)
            y -= self._leading
