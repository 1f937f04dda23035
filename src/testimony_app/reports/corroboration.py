"""The corroboration report: the testimonies that name one registry entry, as an annex.

A registry entry (a person, a place, a unit) in, the bytes of a PDF out. The report states
the entry and its name forms, a summary (testimonies, *independent* witnesses, the dates,
places and methods of the acts), the timeline of the acts (date, place, witness), the matrix
of alleged perpetrators × methods (independent witnesses per cell), then each corroborating
testimony as a numbered excerpt (E1, E2…) that cites one version of a record by its id,
version number and the SHA-256 of its sealed content, so a court can match every excerpt to
the full statement. Every page says "Page X of Y" and carries a digest of the list of cited
versions, so a loose page can be matched to its report.

The redacted variant goes beyond the legal team. Each witness's consent is respected one by
one: a witness whose ``name_may_appear`` is not True has their name and identifying details
removed (with the :class:`~testimony_app.reports.redaction.Redactor` of the redacted
statement: inflections, transliterations, initials, identifiers); names marked sensitive in
any of the testimonies go in every case. The redactors of all the cited testimonies run over
*all* the text of the report, because one witness is often named in another's account. Every
piece of text is looked at under the key ``report:<hash of the text>``, so the interviewer's
review choices (:class:`~testimony_app.domain.redaction_review.ReviewChoices`) apply to it
and :func:`corroboration_hits` can list what the report hides before it is written.

``invariant=1`` and no clock: the same corroboration and request give the same bytes.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from testimony_app import words
from testimony_app.domain import vocabularies
from testimony_app.domain.matching import (
    NOT_NAMED,
    CorroboratingAct,
    Corroboration,
    CorroborationItem,
)
from testimony_app.domain.model import Testimony
from testimony_app.domain.redaction_review import EMPTY, Hit, ReviewChoices
from testimony_app.domain.transliteration import skeleton
from testimony_app.reports import fonts
from testimony_app.reports.layout import (
    ALERT,
    CONTENT_W,
    EDGE_L,
    EDGE_R,
    GREY,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    RULE,
    SHADE,
    NumberedCanvas,
)
from testimony_app.reports.layout import draw_text as _draw_text
from testimony_app.reports.layout import long_table as _long_table
from testimony_app.reports.layout import styles as _styles
from testimony_app.reports.redaction import Redactor, apply
from testimony_app.reports.text import markup, para, upper
from testimony_app.words import LANGUAGES, Message, Param

__all__ = ["CorroborationReportRequest", "build_corroboration_report", "corroboration_hits"]


@dataclass(frozen=True)
class CorroborationReportRequest:
    """What to print: a corroboration, the cited versions, the language, redacted or not.

    ``sources`` holds, for each item of ``corroboration.items`` and in the same order, the
    testimony at the cited version: the interview place is printed from it, and the
    redacted variant needs each witness's identifying details to remove them.
    """

    corroboration: Corroboration
    sources: tuple[Testimony, ...]
    language: str = "en"
    redacted: bool = False
    review: ReviewChoices = EMPTY  # the interviewer's redaction choices (redacted only)


def _no_change(text: str) -> str:
    return text


# The sections after the title, in order: their numbers are fixed, so one can cite another.
_SECTIONS = ("pdf.cr_s_summary", "pdf.cr_s_timeline", "pdf.cr_s_matrix", "pdf.cr_s_excerpts")
# Matrix columns: up to this many methods, the column heads are the methods' full labels;
# beyond it they are numbered (M1, M2…) with a legend, at most _MATRIX_COLUMNS to a table.
_MATRIX_FULL_HEADS = 5
_MATRIX_COLUMNS = 10


class _Scrub:
    """Every cited testimony's redactor, run one after the other over a piece of text.

    Each redactor hides its witness's name and details (unless the witness agreed to be
    named) and the names marked sensitive in its testimony, with the interviewer's review
    choices; :attr:`hits` collects what they found, once per piece of text.
    """

    def __init__(self, items: Sequence[CorroborationItem], sources: Sequence[Testimony],
                 lang: str, review: ReviewChoices) -> None:
        placeholder = words.text(Message("pdf.redacted"), lang)
        self._redactors: list[Redactor] = []
        for item, source in zip(items, sources, strict=True):
            shown = copy.copy(source)
            shown.witness = copy.copy(source.witness)
            pseudonym = source.witness.pseudonym or words.text(
                Message("pdf.witness_placeholder"), lang
            )
            if item.name_may_appear:
                # The witness agreed to be named: only identifiers and sensitive names go.
                shown.witness.name = ""
            self._redactors.append(Redactor(shown, pseudonym, placeholder, review))
        self._seen: set[str] = set()
        self._hits: list[Hit] = []

    @property
    def hits(self) -> list[Hit]:
        """What the redactors found in every piece of text they were given."""
        return list(self._hits)

    def __call__(self, text: str) -> str:
        if not text or not text.strip():
            return text
        where = "report:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        first = where not in self._seen
        self._seen.add(where)
        for redactor in self._redactors:
            found = redactor.scan(text, where)
            if first:
                self._hits += found
            text = apply(text, found)
        return text


def _set_digest(items: Sequence[CorroborationItem]) -> str:
    """SHA-256 over the cited versions, one ``record_id version sha256`` line each."""
    lines = "".join(f"{i.record_id} {i.version} {i.content_sha256}\n" for i in items)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Furniture:
    lang: str
    entry_id: str
    entry_name: str
    count: int
    digest: str
    redacted: bool

    def say(self, code: str, **values: Param) -> str:
        """The words of ``code`` (reports catalogue) in the report's language."""
        return words.text(Message(code, **values), self.lang)

    def header(self, canv: Canvas, _doc: Any) -> None:
        canv.saveState()
        canv.setFillColor(GREY)
        y = PAGE_H - 12 * mm
        _draw_text(canv, EDGE_L, y, f"{self.say('pdf.cr_title')} · {self.entry_name}", 7.5)
        if self.redacted:
            text = self.say("pdf.redacted")
            canv.setFillColor(ALERT)
            _draw_text(canv, EDGE_R - fonts.text_width(text, 7.5, fonts.SANS_BOLD), y, text,
                       7.5, fonts.SANS_BOLD)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(EDGE_L, y - 4, EDGE_R, y - 4)
        canv.restoreState()

    def footer(self, canv: Canvas, page: int, pages: int) -> None:
        canv.saveState()
        top = MARGIN_BOTTOM - 6 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(EDGE_L, top, EDGE_R, top)
        canv.setFillColor(INK)
        _draw_text(canv, EDGE_L, top - 5 * mm, self.say("pdf.page_of", page=page, pages=pages), 9,
                   fonts.SANS_BOLD)
        canv.setFillColor(GREY)
        _draw_text(canv, EDGE_L, top - 9 * mm,
                   self.say("pdf.cr_footer", entry=self.entry_id, count=self.count), 7.5)
        _draw_text(canv, EDGE_L, top - 12.5 * mm,
                   f"{self.say('pdf.cr_set_hash')}: {self.digest}", 6.5)
        canv.restoreState()


@dataclass
class _Builder:
    corroboration: Corroboration
    sources: tuple[Testimony, ...]
    lang: str
    redacted: bool
    scrub: Callable[[str], str]
    s: dict[str, ParagraphStyle] = field(default_factory=lambda: _table_styles(_styles()))

    def say(self, code: str, **values: Param) -> str:
        """The words of ``code`` (reports catalogue) in the report's language."""
        return words.text(Message(code, **values), self.lang)

    def method(self, code: str) -> str:
        return vocabularies.label("methods", code, self.lang) if code else ""

    def p(self, text: str, style: str = "cell") -> Flowable:
        return para(self.scrub(text), self.s[style])

    def heading(self, code: str) -> list[Flowable]:
        number = _SECTIONS.index(code) + 1
        return [CondPageBreak(35 * mm),
                Paragraph(markup(f"{number}. {self.say(code)}", fonts.SANS_BOLD), self.s["h1"])]

    def perpetrator(self, text: str) -> str:
        # An act's perpetrator with neither name nor rank: printed in the report's language.
        return self.say("pdf.cr_not_named") if text == NOT_NAMED else text

    def witness_numbers(self) -> dict[str, int]:
        """W1, W2…: each distinct witness numbered in the order the excerpts first cite them."""
        numbers: dict[str, int] = {}
        for item in self.corroboration.items:
            numbers.setdefault(item.witness_key, len(numbers) + 1)
        return numbers

    def shown_witness(self, index: int) -> str:
        """The witness of an excerpt as printed: their pseudonym in the redacted variant
        unless they consented to their name appearing."""
        item = self.corroboration.items[index]
        if self.redacted and not item.name_may_appear:
            return self.sources[index].witness.pseudonym or self.say("pdf.witness_placeholder")
        return item.witness_name or item.witness_label

    def method_witnesses(self) -> list[tuple[str, int]]:
        """Every method with its count of distinct witnesses, most corroborated first."""
        per_method: dict[str, set[str]] = {}
        for item in self.corroboration.items:
            for act in item.acts:
                for m in act.methods:
                    per_method.setdefault(m, set()).add(item.witness_key)
        return sorted(((m, len(w)) for m, w in per_method.items()),
                      key=lambda kv: (-kv[1], kv[0]))

    def kv_table(self, rows: Sequence[tuple[str, object]], label_w: float = 0.3) -> Table:
        data: list[list[Any]] = []
        for key, value in rows:
            if isinstance(value, str):
                cell: Any = self.p(value or "—")
            elif isinstance(value, list):
                cell = value or self.p("—")
            else:
                cell = value
            data.append([Paragraph(markup(key, fonts.SANS_BOLD), self.s["label"]), cell])
        table = _long_table(data, [CONTENT_W * label_w, CONTENT_W * (1 - label_w)], False)
        table.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), SHADE)]))
        return table

    def hash_cell(self, digest: str) -> list[Flowable]:
        return [Paragraph(markup(digest or "—"), self.s["hash"])]

    # ---- sections

    def title(self) -> list[Flowable]:
        c = self.corroboration
        out: list[Flowable] = [
            Paragraph(markup(upper(self.say("pdf.cr_title"), self.lang), fonts.SANS_BOLD),
                      self.s["title"]),
            self.p(self.say("pdf.cr_subtitle"), "subtitle"),
        ]
        e = c.entry
        forms = _distinct([e.display_name, *(m for i in c.items for m in i.mention_texts)])
        kind = {"person": Message("pdf.cr_kind_person"), "place": Message("pdf.cr_kind_place"),
                "unit": Message("pdf.cr_kind_unit")}
        rows: list[tuple[str, object]] = [
            (self.say("pdf.cr_entry_id"), [Paragraph(markup(e.id), self.s["hash"])]),
            (self.say("pdf.cr_kind"),
             words.text(kind[e.kind], self.lang) if e.kind in kind else e.kind),
            (self.say("pdf.cr_name"), e.display_name),
            (self.say("pdf.cr_name_forms"), [self.p(f) for f in forms] or "—"),
        ]
        if e.rank:
            rows.append((self.say("pdf.cr_rank"), e.rank))
        if e.unit:
            rows.append((self.say("pdf.cr_unit"), e.unit))
        out += [Paragraph(markup(self.say("pdf.cr_entry"), fonts.SANS_BOLD), self.s["h2"]),
                self.kv_table(rows)]
        if self.redacted:
            out += [Spacer(1, 5), Paragraph(markup(self.say("pdf.cr_redacted_notice"),
                                                   fonts.SANS_BOLD), self.s["notice"])]
        return out

    def summary(self) -> list[Flowable]:
        c = self.corroboration
        acts = [a for i in c.items for a in i.acts]
        dates = sorted(a.date for a in acts if a.date)
        span = "—" if not dates else dates[0] if dates[0] == dates[-1] else (
            f"{dates[0]} – {dates[-1]}")
        places = _distinct([a.place for a in acts], key=skeleton)
        rows: list[tuple[str, object]] = [
            (self.say("pdf.cr_testimonies"), str(len(c.items))),
            (self.say("pdf.cr_independent"),
             [Paragraph(markup(str(c.independent_witnesses), fonts.SANS_BOLD), self.s["cell"]),
              Paragraph(markup(self.say("pdf.cr_independent_note")), self.s["small"])]),
            (self.say("pdf.cr_date_range"), span),
            (self.say("pdf.cr_places"), [self.p(x) for x in places]),
            (self.say("pdf.cr_methods"),
             [self.p(self.say("pdf.cr_method_count", method=self.method(m), count=n))
              for m, n in self.method_witnesses()]),
        ]
        filters = [self.say("pdf.cr_filter_from", date=c.date_from) if c.date_from else "",
                   self.say("pdf.cr_filter_to", date=c.date_to) if c.date_to else "",
                   self.say("pdf.cr_filter_place", place=c.place) if c.place else ""]
        if any(filters):
            rows.append((self.say("pdf.cr_filters"), "; ".join(f for f in filters if f)))
        rows.append((self.say("pdf.cr_set_hash"), self.hash_cell(_set_digest(c.items))))
        return [*self.heading("pdf.cr_s_summary"), self.kv_table(rows)]

    def witness_text(self, index: int, witness_no: dict[str, int],
                     first_seen: dict[str, list[str]]) -> str:
        item = self.corroboration.items[index]
        text = f"W{witness_no[item.witness_key]}: {self.shown_witness(index)}"
        earlier = first_seen[item.witness_key]
        if earlier:
            text += f" ({self.say('pdf.cr_same_witness', refs=', '.join(earlier))})"
        return text

    def excerpts(self) -> list[Flowable]:
        c = self.corroboration
        out = self.heading("pdf.cr_s_excerpts")
        if not c.items:
            return [*out, self.p(self.say("pdf.cr_none"), "body")]
        out.append(Paragraph(markup(self.say("pdf.cr_excerpts_intro")), self.s["note"]))
        witness_no = self.witness_numbers()
        seen: dict[str, list[str]] = {}
        for n, item in enumerate(c.items, 1):
            source = self.sources[n - 1]
            number = f"E{n}"
            earlier = list(seen.get(item.witness_key, []))
            first_seen = {item.witness_key: earlier}
            version = str(item.version)
            if not item.sealed:
                version += f" · {self.say('pdf.cr_not_sealed')}"
            interview = ", ".join(x for x in (item.interview_date, source.interview.place) if x)
            acts = [self.p(", ".join(x for x in (a.date, a.place) if x) or "—")
                    for a in item.acts]
            methods = _distinct([m for a in item.acts for m in a.methods])
            rows: list[tuple[str, object]] = [
                (self.say("pdf.record_id"), [Paragraph(markup(item.record_id), self.s["hash"])]),
                (self.say("pdf.version"), version),
                (self.say("pdf.content_hash"), self.hash_cell(item.content_sha256)),
                (self.say("pdf.cr_witness"), self.witness_text(n - 1, witness_no, first_seen)),
                (self.say("pdf.cr_interview"), interview),
                (self.say("pdf.cr_acts"), acts),
                (self.say("pdf.cr_named_as"), "; ".join(_distinct(list(item.mention_texts)))),
                (self.say("pdf.cr_methods"), "; ".join(self.method(m) for m in methods)),
                (self.say("pdf.cr_text"), [self.p(f"«{item.excerpt}»" if item.excerpt else "—")]),
            ]
            seen.setdefault(item.witness_key, []).append(number)
            head = Paragraph(markup(self.say("pdf.cr_excerpt", number=number), fonts.SANS_BOLD),
                             self.s["h2"])
            # One excerpt on one page where it fits; a longer one splits between rows.
            out += [CondPageBreak(60 * mm), KeepTogether([head, self.kv_table(rows)]),
                    Spacer(1, 4)]
        return out

    def timeline(self) -> list[Flowable]:
        """The acts in date order, as the registry view lists them, each with its place and
        the excerpts and witness that describe it."""
        c = self.corroboration
        out = self.heading("pdf.cr_s_timeline")
        if not c.timeline:
            return [*out, self.p(self.say("pdf.cr_no_acts"), "body")]
        section = _SECTIONS.index("pdf.cr_s_excerpts") + 1
        out.append(Paragraph(markup(self.say("pdf.cr_timeline_intro", section=section)),
                             self.s["note"]))
        cited: dict[CorroboratingAct, list[int]] = {}
        for n, item in enumerate(c.items):
            for act in item.acts:
                cited.setdefault(act, []).append(n)
        witness_no = self.witness_numbers()
        heads = (self.say("pdf.a_date"), self.say("pdf.a_place"), self.say("pdf.cr_source"),
                 self.say("pdf.a_perpetrators"), self.say("pdf.a_methods"))
        head = [Paragraph(markup(h, fonts.SANS_BOLD), self.s["th_left"]) for h in heads]
        data: list[list[Any]] = [head]
        order = sorted(c.timeline, key=lambda a: (not a.date, a.date, skeleton(a.place),
                                                  a.record_id, a.act_index))
        for act in order:
            where = cited.get(act, [])
            source = "—"
            if where:
                first = c.items[where[0]]
                refs = ", ".join(f"E{n + 1}" for n in where)
                source = (f"{refs} · W{witness_no[first.witness_key]}: "
                          f"{self.shown_witness(where[0])}")
            data.append([
                self.p(act.date or "—", "td"),
                self.p(act.place or "—", "td"),
                self.p(source, "td"),
                self.p("; ".join(self.perpetrator(x) for x in act.perpetrators) or "—", "td"),
                self.p("; ".join(self.method(m) for m in act.methods) or "—", "td"),
            ])
        widths = [CONTENT_W * f for f in (0.13, 0.21, 0.21, 0.2, 0.25)]
        return [*out, _long_table(data, widths, True)]

    def matrix(self) -> list[Flowable]:
        """Alleged perpetrators (rows) × methods (columns), independent witnesses per cell;
        split into several tables, one under the other, when the methods are many."""
        c = self.corroboration
        out = self.heading("pdf.cr_s_matrix")
        rows = [(who, counts) for who, counts in c.matrix.items() if any(counts.values())]
        if not rows:
            return [*out, self.p(self.say("pdf.cr_matrix_none"), "body")]
        out.append(Paragraph(markup(self.say("pdf.cr_matrix_intro")), self.s["note"]))
        rank = {m: n for n, (m, _count) in enumerate(self.method_witnesses())}
        methods = sorted({m for _who, counts in rows for m in counts if counts[m]},
                         key=lambda m: (rank.get(m, len(rank)), m))
        who_w = CONTENT_W * 0.32
        # Full labels as column heads only while every word of them fits its column.
        column = min((CONTENT_W - who_w) / min(len(methods), _MATRIX_FULL_HEADS), 32 * mm)
        numbered = len(methods) > _MATRIX_FULL_HEADS or any(
            fonts.text_width(word, 7.5, fonts.SANS_BOLD) > column - 12
            for m in methods for word in self.scrub(self.method(m)).split()
        )
        if numbered:
            legend = [[Paragraph(markup(f"M{n}", fonts.SANS_BOLD), self.s["td"]),
                       self.p(self.method(m), "td")] for n, m in enumerate(methods, 1)]
            table = _long_table(legend, [CONTENT_W * 0.1, CONTENT_W * 0.9], False)
            table.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), SHADE)]))
            out += [Paragraph(markup(self.say("pdf.cr_matrix_legend"), fonts.SANS_BOLD),
                              self.s["h2"]), table, Spacer(1, 6)]
        size = _MATRIX_COLUMNS if numbered else _MATRIX_FULL_HEADS
        for start in range(0, len(methods), size):
            chunk = methods[start:start + size]
            if len(methods) > size:
                part = self.say("pdf.cr_matrix_part", first=f"M{start + 1}",
                              last=f"M{start + len(chunk)}", total=len(methods))
                out.append(Paragraph(markup(part, fonts.SANS_BOLD), self.s["h2"]))
            head: list[Any] = [Paragraph(markup(self.say("pdf.cr_perpetrator"), fonts.SANS_BOLD),
                                         self.s["th_left"])]
            for n, m in enumerate(chunk, start + 1):
                text = f"M{n}" if numbered else self.method(m)
                head.append(Paragraph(markup(self.scrub(text), fonts.SANS_BOLD), self.s["th"]))
            data: list[list[Any]] = [head]
            for who, counts in rows:
                data.append([self.p(self.perpetrator(who), "td"),
                             *(self.p(str(counts[m]) if counts.get(m) else "", "count")
                               for m in chunk)])
            column = min((CONTENT_W - who_w) / len(chunk), 32 * mm)
            table = _long_table(data, [who_w, *[column] * len(chunk)], True)
            table.setStyle(TableStyle([("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
                                       ("VALIGN", (0, 0), (-1, 0), "BOTTOM")]))
            out += [table, Spacer(1, 6)]
        return out

    def story(self) -> list[Flowable]:
        return [*self.title(), *self.summary(), *self.timeline(), *self.matrix(),
                *self.excerpts()]


def _table_styles(s: dict[str, ParagraphStyle]) -> dict[str, ParagraphStyle]:
    """The statement's styles plus the denser ones of the timeline and the matrix."""
    cell = s["cell"]
    s["td"] = ParagraphStyle("td", parent=cell, fontSize=8, leading=10.5)
    s["count"] = ParagraphStyle("count", parent=s["td"], fontName=fonts.SANS_BOLD, fontSize=9,
                                alignment=TA_CENTER)
    s["th_left"] = ParagraphStyle("th_left", parent=s["label"], fontSize=7.5, leading=9.5)
    s["th"] = ParagraphStyle("th", parent=s["th_left"], alignment=TA_CENTER)
    return s


def _distinct(values: Sequence[str], key: Callable[[str], str] = str.casefold) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for v in values:
        v = v.strip()
        k = key(v) if v else ""
        if v and k not in seen:
            seen.add(k)
            out.append(v)
    return out


def build_corroboration_report(request: CorroborationReportRequest) -> bytes:
    """The corroboration report as PDF bytes; identical input gives identical bytes."""
    fonts.register()
    c = request.corroboration
    if len(request.sources) != len(c.items):
        raise ValueError("one source testimony is needed for each corroboration item")
    lang = request.language if request.language in LANGUAGES else "en"
    scrub: Callable[[str], str] = (
        _Scrub(c.items, request.sources, lang, request.review) if request.redacted
        else _no_change
    )
    builder = _Builder(c, request.sources, lang, request.redacted, scrub)
    entry_name = scrub(c.entry.display_name)
    furniture = _Furniture(lang=lang, entry_id=c.entry.id, entry_name=entry_name,
                           count=len(c.items), digest=_set_digest(c.items),
                           redacted=request.redacted)
    title = words.text(Message("pdf.cr_title"), lang)
    if request.redacted:
        title += f" ({words.text(Message('pdf.redacted'), lang)})"
    keywords = " ".join(f"{i.record_id} v{i.version} {i.content_sha256}" for i in c.items)
    if request.redacted and not request.review.empty:
        keywords += f" review {request.review.sha256()[:16]}"
    meta = {
        "title": f"{title} · {entry_name}",
        "author": "",
        "subject": words.text(Message("pdf.cr_subtitle"), lang),
        "keywords": keywords,
    }
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, creator="Testimony", producer="Testimony",
        lang=lang, **meta,
    )
    canvasmaker: Callable[..., Canvas] = functools.partial(NumberedCanvas, furniture=furniture)
    doc.build(builder.story(), onFirstPage=furniture.header, onLaterPages=furniture.header,
              canvasmaker=canvasmaker)
    return out.getvalue()



def corroboration_hits(request: CorroborationReportRequest) -> list[Hit]:
    """Everything the redacted report hides (and every doubtful word it keeps), found by
    laying out its story without drawing it: what the review lists before it is written."""
    fonts.register()
    c = request.corroboration
    if len(request.sources) != len(c.items):
        raise ValueError("one source testimony is needed for each corroboration item")
    lang = request.language if request.language in LANGUAGES else "en"
    scrub = _Scrub(c.items, request.sources, lang, request.review)
    scrub(c.entry.display_name)
    _Builder(c, request.sources, lang, True, scrub).story()
    return scrub.hits
