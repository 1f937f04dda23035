"""What every report page shares: the page and its margins, the styles, the canvases that
number pages "X of Y", and the long tables that run over many pages.

The witness statement and the corroboration report both draw on these, so a fix to how a
table breaks across pages, or to what a page carries besides the story, reaches both.

Two things here exist because ReportLab's defaults are wrong for a court document:

* :class:`LongTable` decides where a table breaks. ReportLab either breaks only between rows
  (a row taller than the rest of the page then moves whole, or fails when taller than a
  page) or cuts rows wherever the page ends, even a short row, leaving a sliver; and after a
  break it may print the repeated header row at the foot of a page above a cut row. Here a
  row is cut only when a real amount of the page would go empty, never just under a
  repeated header, and the piece on the next page says "(cont.)" with the row's number or
  label, so that a reader can cite it without turning back.
* :class:`NumberedCanvas` holds every page until the end, so each footer can say "of Y", and
  starts every page in one of our embedded fonts (ReportLab's default start font is a
  Helvetica that is declared but never embedded, which archival PDF forbids).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFPage, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from testimony_app.reports import fonts
from testimony_app.reports.late import LatePass

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 30 * mm
FRAME_PAD = 6  # ReportLab's frame pads its content by this much on every side
CONTENT_W = PAGE_W - 2 * MARGIN_X - 2 * FRAME_PAD
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PAD
# Header and footer line up with the content, not the frame.
EDGE_L = MARGIN_X + FRAME_PAD
EDGE_R = PAGE_W - MARGIN_X - FRAME_PAD

INK = colors.Color(0.1, 0.1, 0.1)
GREY = colors.Color(0.42, 0.42, 0.42)
RULE = colors.Color(0.72, 0.72, 0.72)
SHADE = colors.Color(0.945, 0.945, 0.945)
ALERT = colors.Color(0.62, 0.05, 0.05)

# The column of paragraph numbers, wide enough for "12. (cont.)", the gap after it, and the
# room below each paragraph of the account.
NUMBER_W = 15 * mm
NUMBER_GAP = 4
NARRATIVE_PAD = 6

# A table row is cut across pages only if at least this much of it fits (points); smaller
# pieces are slivers that ReportLab draws past the frame's foot.
IN_ROW_MIN = 40
# A row is cut inside only when at least this much room (points) would otherwise stay empty.
CUT_ROW_ABOVE = 90


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of our reports, by name."""
    base = ParagraphStyle(
        "body", fontName=fonts.SANS, fontSize=9.5, leading=13.5, textColor=INK,
        bulletFontName=fonts.SANS, bulletFontSize=9.5, spaceAfter=0,
        splitLongWords=1, allowWidows=0, allowOrphans=0,
    )
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=fonts.SANS_BOLD, fontSize=18,
                                leading=23, alignment=TA_CENTER, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=15,
                                   alignment=TA_CENTER, spaceAfter=10, textColor=GREY),
        "h1": ParagraphStyle("h1", parent=base, fontName=fonts.SANS_BOLD, fontSize=12.5,
                             leading=16, spaceBefore=14, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName=fonts.SANS_BOLD, fontSize=10.5,
                             leading=14, spaceBefore=9, spaceAfter=4),
        "tabletitle": ParagraphStyle("tabletitle", parent=base, fontName=fonts.SANS_BOLD,
                                     fontSize=10.5, leading=14),
        "label": ParagraphStyle("label", parent=base, fontName=fonts.SANS_BOLD, fontSize=8.5,
                                leading=11.5, textColor=colors.Color(0.25, 0.25, 0.25)),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12.5),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11, textColor=GREY),
        "hash": ParagraphStyle("hash", parent=base, fontSize=7.5, leading=10,
                               splitLongWords=0),
        "note": ParagraphStyle("note", parent=base, fontName=fonts.SANS_ITALIC, fontSize=8.5,
                               leading=12, textColor=GREY, spaceAfter=6),
        "numbered": ParagraphStyle("numbered", parent=base, leftIndent=26, bulletIndent=0,
                                   spaceAfter=6, leading=14),
        # The account's numbered paragraphs: the number hangs in its column, the text after.
        "narrative": ParagraphStyle("narrative", parent=base, leftIndent=NUMBER_W + NUMBER_GAP,
                                    bulletIndent=0),
        "number_rtl": ParagraphStyle("number_rtl", parent=base, alignment=TA_RIGHT),
        "declaration": ParagraphStyle("declaration", parent=base, leading=14.5, spaceAfter=6),
        "notice": ParagraphStyle("notice", parent=base, fontName=fonts.SANS_BOLD, fontSize=9,
                                 leading=12.5, textColor=ALERT),
    }


def draw_text(canv: Canvas, x: float, y: float, text: str, size: float,
              base: str = fonts.SANS) -> float:
    """Draw one line run by run, each run in a font that has its glyphs; return its width."""
    start = x
    for font, run_size, chunk, width in _line_runs(text, size, base):
        canv.setFont(font, run_size)
        canv.drawString(x, y, chunk)
        x += width
    return x - start


@functools.lru_cache(maxsize=512)
def _line_runs(text: str, size: float, base: str) -> tuple[tuple[str, float, str, float], ...]:
    """The runs of one line, with the size each is drawn at and its width: the running
    header and the footer draw the same lines on every page."""
    return tuple((font, fonts.run_size(font, size), chunk, fonts.text_width(chunk, size, font))
                 for font, chunk in fonts.font_runs(text, base))


class PageFurniture(Protocol):
    """What draws the footer of a page once the page count is known."""

    def footer(self, canv: Canvas, page: int, pages: int) -> None:
        """Draw the furniture of page ``page`` of ``pages``."""


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the end, so each footer can say "of Y" (stack-findings §4.2).

    ``finish`` (if given) is called with the canvas just before the file is written, once
    the page count is known: the statement uses it to make the file archival (PDF/A).
    ``late`` (if given) draws, into the places they kept, the words that depend on the
    page count and page references (:mod:`~testimony_app.reports.late`); when they do not
    fit their places, nothing is written and the caller lays the story out again.
    """

    def __init__(self, *args: Any, furniture: PageFurniture,
                 finish: Callable[[Canvas, int], None] | None = None,
                 late: LatePass | None = None, **kwargs: Any) -> None:
        fonts.register()
        # ReportLab would start every page in Helvetica: declared, never embedded.
        kwargs["initialFontName"] = fonts.SANS
        kwargs["initialFontSize"] = 9.5
        kwargs["initialLeading"] = 12
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._finish = finish
        self._late = late
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held)
        late = self._late
        if late is not None and not late.settle(pages):
            return
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            if late is not None:
                late.fill(self, number)
            self._furniture.footer(self, number, pages)
            super().showPage()
            _binary_stream(self._doc.Pages.pages[-1])
        if self._finish is not None:
            self._finish(self, pages)
        super().save()


def _binary_stream(page: PDFPage) -> None:
    """Write ``page``'s content compressed (Flate) but binary, not also ASCII85-encoded as
    ReportLab does by default for 7-bit mail: a quarter smaller, and the encoder (pure
    Python without ReportLab's C accelerator) took half the time of writing the file. Every
    reader, and PDF/A, take binary streams; the file's header says it holds binary data."""
    if page.compression and not page.Contents:
        contents = PDFStream(content=page.stream, filters=[PDFZCompress])
        contents.__Comment__ = "page stream"
        page.Contents = contents


class Anchor(Flowable):  # type: ignore[misc]
    """Invisible; records on which page it was drawn (annex page references)."""

    def __init__(self, keys: Iterable[str], pages: dict[str, list[int]]) -> None:
        super().__init__()
        self.keys = tuple(keys)
        self.pages = pages
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        page = int(self.canv.getPageNumber())
        for key in self.keys:
            seen = self.pages.setdefault(key, [])
            if page not in seen:
                seen.append(page)


class Continued:
    """How a table says, on the next page, that it goes on there.

    ``cont`` is the word for "continued" in the statement's language; ``label_style`` draws
    the row's name and ``small`` the "(cont.)" under it; ``title`` (for a table with a
    one-row title header) is the title the repeated header shows as "title (cont.)".
    """

    def __init__(self, cont: str, label_style: ParagraphStyle, small: ParagraphStyle,
                 title: str = "", title_style: ParagraphStyle | None = None) -> None:
        self.cont = cont
        self.label_style = label_style
        self.small = small
        self.title = title
        self.title_style = title_style or label_style

    def label(self, text: str) -> Paragraph:
        """``text`` in bold, then "(cont.)" on a line of its own (it fits a number column)."""
        from testimony_app.reports.text import markup

        size = float(self.small.fontSize)
        return Paragraph(f"{markup(text, fonts.SANS_BOLD)}<br/>"
                         f'<font size="{size:g}">{markup(f"({self.cont})")}</font>',
                         self.label_style)

    def title_label(self) -> Paragraph:
        """The title row of a table on the pages it runs on to."""
        from testimony_app.reports.text import markup

        return Paragraph(markup(f"{self.title} ({self.cont})", fonts.SANS_BOLD),
                         self.title_style)


def row_name(cell: Flowable, name: str) -> Flowable:
    """Mark the first cell of a row with the row's name (its number or label), which the
    piece of the row on the next page repeats with "(cont.)"."""
    cell.row_name = name
    return cell


def _first_name(value: object) -> str:
    items = value if isinstance(value, (list, tuple)) else [value]
    for item in items:
        name = getattr(item, "row_name", "")
        if name:
            return str(name)
    return ""


def _empty(value: object) -> bool:
    if isinstance(value, (list, tuple)):
        return len(value) == 0
    return value in ("", None)


_LINE_UP = 14.0  # points: a line of a table cell, with room to spare


def _stub(tail: Table, headers: int) -> bool:
    """Whether the first row of the piece of a table on the next page is empty: the row
    above was cut where nothing of it was left."""
    rows = tail._cellvalues
    return len(rows) > headers and all(_empty(cell) for cell in rows[headers])


class LongTable(Table):  # type: ignore[misc]
    """A table whose rows may be longer than a page (a narrative paragraph, a description).

    It chooses per break: between rows when the space left below the last whole row is
    small, inside the row when a real amount of the page would go empty. It never cuts the
    first row under a repeated header in a small space (the header would stand alone at the
    foot of the page above a sliver): the table moves to the next page instead. The piece of
    a row cut in two is labelled on the next page with the row's name and "(cont.)".
    """

    continued: Continued | None = None

    def normalizeData(self, data: list[list[Any]]) -> list[list[Any]]:  # noqa: N802
        """A cell holding one bare flowable holds it in a list: ReportLab cuts only lists
        of flowables inside a row, and drops a bare one's content from both pieces."""
        rows = super().normalizeData(data)
        return [[[c] if isinstance(c, Flowable) else c for c in row] for row in rows]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        used, n = 0.0, 0
        while n < len(heights) and used + heights[n] <= availHeight:
            used += heights[n]
            n += 1
        if n >= len(heights):
            return [self]
        headers = self.repeatRows if isinstance(self.repeatRows, int) else 0
        if n <= headers and availHeight - used < CUT_ROW_ABOVE:
            return []
        cut_inside = availHeight - used >= CUT_ROW_ABOVE or n <= headers
        pieces: list[Flowable] = self._splitRows(availHeight, doInRowSplit=cut_inside)
        if not pieces and not cut_inside:
            pieces = self._splitRows(availHeight, doInRowSplit=True)
        # A row cut below its last line (only its bottom padding left over) would go on
        # to the next page as an empty stub that says "(cont.)": cut a line higher.
        for less in (_LINE_UP, 2 * _LINE_UP):
            if len(pieces) != 2 or not _stub(pieces[1], headers):
                break
            shorter = self._splitRows(availHeight - less, doInRowSplit=True)
            if len(shorter) == 2 and not _stub(shorter[1], headers):
                pieces = shorter
        if len(pieces) == 2:
            self._label_continuation(pieces[0], pieces[1], headers)
        return pieces

    def _label_continuation(self, head: Table, tail: Table, headers: int) -> None:
        """Carry the labelling over to the pieces, and label the piece on the next page."""
        for piece in (head, tail):
            piece.continued = self.continued
        c = self.continued
        if c is None:
            return
        # ReportLab's pieces share the row lists of the table they came from (the header
        # rows above all): a row is copied before it is changed, or the head changes too.
        rows = tail._cellvalues
        if c.title and headers:
            rows[0] = [c.title_label(), *rows[0][1:]]
        if len(rows) <= headers:
            return
        first = rows[headers] = list(rows[headers])
        # A row cut in two leaves its name (the number or the label) in the head piece, and
        # an empty first cell in the tail: say which row goes on here.
        last_of_head = head._cellvalues[-1][0] if head._cellvalues else ""
        name = _first_name(last_of_head)
        if name and _empty(first[0]):
            label = row_name(c.label(name), name)
            first[0] = [label]
            _make_room(tail, headers, label)


def _make_room(table: Table, row: int, label: Flowable) -> None:
    """Grow ``row`` of a piece of a table to hold ``label`` in its first cell.

    ReportLab gives the pieces of a cut table fixed row heights, measured before the label
    was put in: the rest of a row can be a single line (or nothing, when the cut fell at the
    end of its text), under a label of three lines and "(cont.)", which then ran down over
    the next row ("Alleged perpetrators (cont.)" over "What was demanded or said")."""
    heights = table._argH
    if heights is None or heights[row] is None:
        return  # measured when laid out, with the label
    style = table._cellStyles[row][0]
    width = table._colWidths[0] - style.leftPadding - style.rightPadding
    need = label.wrap(width, 1e6)[1] + style.topPadding + style.bottomPadding
    if need > heights[row]:
        heights[row] = need


def long_table(data: list[list[Any]], widths: list[float], header: bool,
               continued: Continued | None = None) -> Table:
    """A ruled table that may run over many pages; the header row repeats on each."""
    table = LongTable(data, colWidths=widths, repeatRows=1 if header else 0, splitByRow=1,
                      splitInRow=IN_ROW_MIN, hAlign="LEFT")
    table.continued = continued
    style = grid_style()
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(style)
    return table


def font_style() -> list[tuple[Any, ...]]:
    """Every table's cell font: ReportLab's default, Helvetica, would be declared in the
    file (for empty cells) without being embedded, which archival PDF forbids."""
    return [("FONT", (0, 0), (-1, -1), fonts.SANS, 9)]


def grid_style() -> list[tuple[Any, ...]]:
    """The rules and padding of every table."""
    return [
        *font_style(),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ]
