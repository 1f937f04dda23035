"""What every section of the statement is built of: its words in the statement's language,
vocabulary labels, numbered headings kept off the foot of a page, label-and-value tables that
split across pages and say "(cont.)", and references to the annexes.

:class:`SectionKit` holds one layout pass's state (the record, the request, what the last
pass learned about pages); :class:`~testimony_app.reports.sections.StoryBuilder` adds the
sections themselves, and :mod:`~testimony_app.reports.declarations` builds the closing
declarations with the same pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from testimony_app import words
from testimony_app.domain import vocabularies
from testimony_app.domain.model import Testimony
from testimony_app.reports import fonts
from testimony_app.reports.annexes import Annex
from testimony_app.reports.keep import heads
from testimony_app.reports.late import Late, LatePass, Lookup
from testimony_app.reports.layout import (
    CONTENT_W,
    SHADE,
    Anchor,
    Continued,
    long_table,
    row_name,
    styles,
)
from testimony_app.reports.request import StatementRequest
from testimony_app.reports.text import markup, para
from testimony_app.words import Message, Param


@dataclass
class SectionKit:
    """One layout pass's state and the small pieces its sections are made of; ``known`` holds
    what an earlier pass learned (the pages where annexes are referred to, and the number of
    pages), ``found`` what this one finds, and ``late`` prints what depends on them."""

    record: Testimony
    request: StatementRequest
    lang: str
    known: dict[str, list[int]]
    found: dict[str, list[int]] = field(default_factory=dict)
    s: dict[str, ParagraphStyle] = field(default_factory=styles)
    section_no: int = 0
    late: LatePass = field(init=False)

    def __post_init__(self) -> None:
        self.late = LatePass(self.known, self.found)

    # ---- small helpers

    def say(self, code: str, **values: Param) -> str:
        """The words of ``code`` (reports catalogue) in the statement's language."""
        return words.text(Message(code, **values), self.lang)

    def vocab(self, name: str, code: str) -> str:
        return vocabularies.label(name, code, self.lang) if code else ""

    def vocab_list(self, name: str, codes: Sequence[str]) -> list[str]:
        return [self.vocab(name, c) for c in codes if c]

    def p(self, text: str, style: str = "cell", number: str = "") -> Flowable:
        return para(text, self.s[style], number)

    def late_p(self, words: Callable[[Lookup], str], style: str = "cell") -> Flowable:
        """A paragraph whose ``words(pages)`` name a page count or page references, printed
        once the pages are laid out (:mod:`~testimony_app.reports.late`)."""
        return Late(lambda pages: self.p(words(pages), style), self.late)

    def bold(self, text: str, style: str = "label") -> Paragraph:
        return Paragraph(markup(text, fonts.SANS_BOLD), self.s[style])

    def continued(self, title: str = "") -> Continued:
        return Continued(self.say("pdf.cont"), self.s["label"], self.s["small"], title,
                         self.s["tabletitle"])

    def heading(self, code: str) -> list[Flowable]:
        """A numbered section heading, never left alone at the foot of a page: it goes
        where the first piece of its section goes (:mod:`~testimony_app.reports.keep`),
        not with the whole following table, which would leave half-empty pages; and a new
        page is begun when little room is left anyway."""
        self.section_no += 1
        return [CondPageBreak(35 * mm), heads(self.numbered_heading(code))]

    def numbered_heading(self, code: str) -> Paragraph:
        """The heading of the next section, without the page-break guard."""
        return Paragraph(markup(f"{self.section_no}. {self.say(code)}", fonts.SANS_BOLD),
                         self.s["h1"])

    def date(self, value: str, precision: str = "day") -> str:
        if not value:
            return ""
        if precision and precision != "day":
            return f"{value} ({self.vocab('date_precision', precision)})"
        return value

    def kv_table(self, rows: Sequence[tuple[str, object]], label_w: float = 0.32,
                 title: str = "") -> Table:
        """A two-column table of labels and values; a value may be text or flowables.
        Rows split across pages, and so do cells longer than a page; a row cut in two says
        "(cont.)" with its label on the next page. With ``title``, the table opens with a
        title row that repeats, as "title (cont.)", on every page it runs on to."""
        data: list[list[Any]] = []
        if title:
            data.append([self.bold(title, "tabletitle"), ""])
        for key, value in rows:
            if isinstance(value, str):
                cell: Any = [self.p(value or "—")]
            elif isinstance(value, list):
                cell = value or [self.p("—")]
            else:
                cell = [value]
            data.append([[row_name(self.bold(key), key)], cell])
        table = long_table(data, [CONTENT_W * label_w, CONTENT_W * (1 - label_w)], bool(title),
                           self.continued(title))
        commands: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (0, -1), SHADE)]
        if title:
            commands += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), SHADE)]
        table.setStyle(TableStyle(commands))
        return table

    def lines(self, items: Iterable[str]) -> list[Flowable]:
        return [self.p(i) for i in items if i] or [self.p("—")]

    def see_annexes(self, annexes: list[Annex], section: str) -> list[Flowable]:
        mine = [a for a in annexes if a.section == section]
        if not mine:
            return []
        refs = ", ".join(a.number for a in mine)
        return [Spacer(1, 4), self.p(self.say("pdf.x_see", refs=refs), "small"),
                Anchor((a.key for a in mine), self.found)]

    def pseudonym(self) -> str:
        return self.record.witness.pseudonym or self.say("pdf.witness_placeholder")
