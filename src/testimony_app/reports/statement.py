"""The witness statement: a testimony in, the bytes of a PDF out.

The statement is what a lawyer files, so its layout follows what a court clerk checks rather
than what is convenient to draw: numbered sections and paragraphs that can be cited, every
page numbered "X of Y" and initialled, the record's identity and content hash on every page
(so a loose page can be matched to its record), annexes in a numbered chronological list with
their hashes and the pages that refer to them (ECtHR Rule 47), and the closing declarations
and signature blocks of Istanbul Protocol Annex IV §XIV–XVI.

Everything is built in memory; nothing here touches the disk. ``invariant=1`` and no clock
make the same testimony and request give the same bytes, so a statement can be re-created
and its hash compared years later.

Annex page references are real page numbers: the story is laid out, the page on which each
reference fell is recorded as it is drawn, and the story is laid out again with those numbers
until they stop changing (two passes in practice).
"""

from __future__ import annotations

import dataclasses
import functools
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from reportlab.lib import colors
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

from testimony_app.domain import vocabularies
from testimony_app.domain.model import AttachmentInfo, Testimony
from testimony_app.domain.redaction_review import EMPTY, ReviewChoices
from testimony_app.reports import fonts
from testimony_app.reports.body import BodyFigure
from testimony_app.reports.labels import LANGUAGES, label
from testimony_app.reports.redaction import redact_with_hits
from testimony_app.reports.text import markup, para

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 30 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X - 12
# The frame pads its content by 6 pt; header and footer line up with the content, not the frame.
EDGE_L = MARGIN_X + 6
EDGE_R = PAGE_W - MARGIN_X - 6

INK = colors.Color(0.1, 0.1, 0.1)
GREY = colors.Color(0.42, 0.42, 0.42)
RULE = colors.Color(0.72, 0.72, 0.72)
SHADE = colors.Color(0.945, 0.945, 0.945)
ALERT = colors.Color(0.62, 0.05, 0.05)

# Which section refers to an annex of each kind; other kinds are referred to in the annex
# list only.
_KIND_SECTION = {
    "audio": "interview", "video": "interview",
    "photo": "effects", "medical_report": "effects", "drawing": "effects",
    "document": "detention", "court_decision": "detention", "death_certificate": "detention",
}
# A table row is cut across pages only if at least this much of it fits (points); smaller
# pieces are slivers that ReportLab draws past the frame's foot.
_IN_ROW_MIN = 40
# A row is cut inside only when at least this much room (points) would otherwise stay empty.
_CUT_ROW_ABOVE = 90
_TIME = re.compile(r"^(\d{1,2}):(\d{2})")
_ISO_T = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")


@dataclass(frozen=True)
class StatementRequest:
    """What to print: which sealed version, in which language, redacted or not."""

    record_id: str
    version: int
    content_sha256: str          # sha256 hex of interchange.canonical_bytes of the sealed version
    sealed: bool                 # False -> DRAFT watermark on every page
    sealed_at: str               # ISO timestamp or ""
    language: str = "en"         # statement labels: "en" | "az" | "ru"
    redacted: bool = False
    amendment_reason: str = ""
    review: ReviewChoices = EMPTY  # the interviewer's redaction choices (redacted only)


# --------------------------------------------------------------------------- styles


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=fonts.SANS, fontSize=9.5, leading=13.5, textColor=INK,
        bulletFontName=fonts.SANS, bulletFontSize=9.5, spaceAfter=0,
        splitLongWords=1, allowWidows=0, allowOrphans=0,
    )
    s = {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=fonts.SANS_BOLD, fontSize=18,
                                leading=23, alignment=TA_CENTER, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=15,
                                   alignment=TA_CENTER, spaceAfter=10, textColor=GREY),
        "h1": ParagraphStyle("h1", parent=base, fontName=fonts.SANS_BOLD, fontSize=12.5,
                             leading=16, spaceBefore=14, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName=fonts.SANS_BOLD, fontSize=10.5,
                             leading=14, spaceBefore=9, spaceAfter=4),
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
        "declaration": ParagraphStyle("declaration", parent=base, leading=14.5, spaceAfter=6),
        "notice": ParagraphStyle("notice", parent=base, fontName=fonts.SANS_BOLD, fontSize=9,
                                 leading=12.5, textColor=ALERT),
    }
    return s


# --------------------------------------------------------------------------- page furniture


@dataclass(frozen=True)
class _Furniture:
    """What every page carries besides the story."""

    lang: str
    record_id: str
    version: int
    sha256: str
    draft: bool
    redacted: bool
    fictional: bool

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def header(self, canv: Canvas, _doc: Any) -> None:
        """Running header: which statement this page belongs to, if it is separated."""
        canv.saveState()
        canv.setFont(fonts.SANS, 7.5)
        canv.setFillColor(GREY)
        y = PAGE_H - 12 * mm
        left = f"{self.t('doc_title')} · {self.t('record_id')} {self.record_id}"
        _draw_text(canv, EDGE_L, y, left, 7.5)
        flags = []
        if self.fictional:
            flags.append(self.t("fictional_notice").split(":")[0])
        if self.redacted:
            flags.append(self.t("redacted"))
        if self.draft:
            flags.append(self.t("draft_watermark"))
        if flags:
            canv.setFillColor(ALERT)
            text = " · ".join(flags)
            _draw_text(canv, EDGE_R - fonts.text_width(text, 7.5, fonts.SANS_BOLD),
                       y, text, 7.5, fonts.SANS_BOLD)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(EDGE_L, y - 4, EDGE_R, y - 4)
        canv.restoreState()

    def footer(self, canv: Canvas, page: int, pages: int) -> None:
        """Page X of Y, record and hash, initials box; and the watermark of a draft."""
        canv.saveState()
        top = MARGIN_BOTTOM - 6 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(EDGE_L, top, EDGE_R, top)
        box_w, box_h = 32 * mm, 15 * mm
        box_x = EDGE_R - box_w
        box_y = top - 3 * mm - box_h
        canv.setFillColor(INK)
        _draw_text(canv, EDGE_L, top - 5 * mm, self.t("page_of", page=page, pages=pages),
                   9, fonts.SANS_BOLD)
        canv.setFillColor(GREY)
        _draw_text(canv, EDGE_L, top - 9 * mm,
                   self.t("footer_record", record=self.record_id, version=self.version), 7.5)
        _draw_text(canv, EDGE_L, top - 12.5 * mm, f"SHA-256: {self.sha256 or '—'}", 7)
        canv.setStrokeColor(GREY)
        canv.setLineWidth(0.7)
        canv.rect(box_x, box_y, box_w, box_h, stroke=1, fill=0)
        canv.setFillColor(GREY)
        _draw_text(canv, box_x + 2, box_y + box_h - 7, self.t("initials"), 6)
        if self.draft:
            canv.setFillColor(ALERT)
            canv.setFillAlpha(0.13)
            canv.translate(PAGE_W / 2, PAGE_H / 2)
            canv.rotate(50)
            word = self.t("draft_watermark")
            size = min(110.0, 0.9 * PAGE_H / max(fonts.text_width(word, 1, fonts.SANS_BOLD), 1))
            _draw_text(canv, -fonts.text_width(word, size, fonts.SANS_BOLD) / 2, -size / 3,
                       word, size, fonts.SANS_BOLD)
        canv.restoreState()


def _draw_text(canv: Canvas, x: float, y: float, text: str, size: float,
               base: str = fonts.SANS) -> None:
    """Draw one line run by run, each run in a font that has its glyphs."""
    for font, chunk in fonts.font_runs(text, base):
        canv.setFont(font, fonts.run_size(font, size))
        canv.drawString(x, y, chunk)
        x += fonts.text_width(chunk, size, font)


class PageFurniture(Protocol):
    """What draws the header and footer of a page once the page count is known."""

    def footer(self, canv: Canvas, page: int, pages: int) -> None:
        """Draw the furniture of page ``page`` of ``pages``."""


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the end, so each footer can say "of Y" (stack-findings §4.2).

    Shared by the statement and the corroboration report.
    """

    def __init__(self, *args: Any, furniture: PageFurniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._furniture.footer(self, number, pages)
            super().showPage()
        super().save()


class _LayoutCanvas(NumberedCanvas):
    """A canvas for a pass that only finds out where things fall: it keeps no pages and
    writes nothing."""

    def showPage(self) -> None:  # noqa: N802
        self._startPage()

    def save(self) -> None:
        pass


class _Anchor(Flowable):  # type: ignore[misc]
    """Invisible; records on which page it was drawn, for the annex page references."""

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


# --------------------------------------------------------------------------- the story


@dataclass
class _Annex:
    number: str
    key: str
    info: AttachmentInfo
    section: str


@dataclass
class _Builder:
    """Builds the story for one pass; ``known`` holds the page references of the last."""

    record: Testimony
    request: StatementRequest
    lang: str
    known: dict[str, list[int]]
    found: dict[str, list[int]] = field(default_factory=dict)
    s: dict[str, ParagraphStyle] = field(default_factory=_styles)
    section_no: int = 0

    # ---- small helpers

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def vocab(self, name: str, code: str) -> str:
        return vocabularies.label(name, code, self.lang) if code else ""

    def vocab_list(self, name: str, codes: Sequence[str]) -> list[str]:
        return [self.vocab(name, c) for c in codes if c]

    def p(self, text: str, style: str = "cell", number: str = "") -> Flowable:
        return para(text, self.s[style], number)

    def heading(self, key: str) -> list[Flowable]:
        """A numbered section heading, never left alone at the foot of a page. (A page break
        is forced only when little room is left, rather than keeping the heading with the
        whole following table, which would leave half-empty pages.)"""
        self.section_no += 1
        return [CondPageBreak(35 * mm),
                Paragraph(markup(f"{self.section_no}. {self.t(key)}", fonts.SANS_BOLD),
                          self.s["h1"])]

    def subheading(self, text: str) -> list[Flowable]:
        return [CondPageBreak(30 * mm), Paragraph(markup(text, fonts.SANS_BOLD), self.s["h2"])]

    def date(self, value: str, precision: str = "day") -> str:
        if not value:
            return ""
        if precision and precision != "day":
            return f"{value} ({self.vocab('date_precision', precision)})"
        return value

    def kv_table(self, rows: Sequence[tuple[str, object]], label_w: float = 0.32) -> Table:
        """A two-column table of labels and values; a value may be text or flowables.
        Rows split across pages, and so do cells longer than a page."""
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

    def lines(self, items: Iterable[str]) -> list[Flowable]:
        return [self.p(i) for i in items if i] or [self.p("—")]

    def see_annexes(self, annexes: list[_Annex], section: str) -> list[Flowable]:
        mine = [a for a in annexes if a.section == section]
        if not mine:
            return []
        refs = ", ".join(a.number for a in mine)
        return [Spacer(1, 4), self.p(self.t("x_see", refs=refs), "small"),
                _Anchor((a.key for a in mine), self.found)]

    # ---- sections

    def title_block(self) -> list[Flowable]:
        t, r = self.record, self.request
        out: list[Flowable] = [
            Paragraph(markup(upper(self.t("doc_title"), self.lang), fonts.SANS_BOLD),
                      self.s["title"])
        ]
        if t.title:
            out.append(self.p(t.title, "subtitle"))
        else:
            out.append(Spacer(1, 8))
        sealed = when(r.sealed_at) if r.sealed else self.t("not_sealed")
        rows: list[tuple[str, object]] = [
            (self.t("record_id"), r.record_id or t.id),
            (self.t("version"), str(r.version)),
            (self.t("sealed_on"), sealed),
            (self.t("content_hash"),
             [Paragraph(markup(r.content_sha256 or "—"), self.s["hash"])]),
        ]
        if r.amendment_reason:
            rows.append((self.t("amended"), r.amendment_reason))
        out.append(self.kv_table(rows))
        notices: list[str] = []
        if not r.sealed:
            notices.append(self.t("draft_notice"))
        if t.fictional:
            notices.append(self.t("fictional_notice"))
        if r.redacted:
            notices.append(self.t("redacted_notice", pseudonym=self._pseudonym()))
        for n in notices:
            out += [Spacer(1, 5), Paragraph(markup(n, fonts.SANS_BOLD), self.s["notice"])]
        return out

    def _pseudonym(self) -> str:
        return self.record.witness.pseudonym or self.t("witness_placeholder")

    def interview(self, annexes: list[_Annex]) -> list[Flowable]:
        iv = self.record.interview
        rows: list[tuple[str, object]] = [
            (self.t("f_date"), iv.date),
            (self.t("f_start"), iv.start_time),
            (self.t("f_end"), iv.end_time),
        ]
        duration = _duration(iv.start_time, iv.end_time)
        if duration is not None:
            rows.append((self.t("f_duration"),
                         self.t("hours_minutes", h=duration // 60, m=duration % 60)))
        rows += [
            (self.t("f_place"), iv.place),
            (self.t("f_setting"), iv.setting),
            (self.t("f_interviewer"), iv.interviewer),
            (self.t("f_organisation"), iv.interviewer_organisation),
            (self.t("f_interpreter"), iv.interpreter or self.t("f_no_interpreter")),
            (self.t("f_language"), self.vocab("languages", iv.language)),
        ]
        if iv.translation_language:
            rows.append((self.t("f_translation_language"),
                         self.vocab("languages", iv.translation_language)))
        rows += [
            (self.t("f_present"), self.lines(iv.persons_present)),
            (self.t("f_restrictions"), iv.restrictions),
            (self.t("f_recording"), iv.recording),
        ]
        return [*self.heading("s_interview"), self.kv_table(rows),
                *self.see_annexes(annexes, "interview")]

    def consent(self) -> list[Flowable]:
        c = self.record.consent

        def answer(value: bool | None) -> str:
            if value is None:
                return self.t("not_asked")
            return self.t("yes") if value else self.t("no")

        def scope(code: str) -> str:
            return self.vocab("consent_scopes", code)

        rows: list[tuple[str, object]] = [
            (scope("legal_proceedings"), answer(c.legal_proceedings)),
            (scope("organisations"), self.lines(c.organisations) if c.organisations
             else self.t("none")),
            (scope("publication"), answer(c.publication)),
            (scope("name_may_appear"), answer(c.name_may_appear)),
            (scope("audio_recording"), answer(c.audio_recording)),
            (scope("follow_up_contact"), answer(c.follow_up_contact)),
            (scope("informed_of_purpose"), answer(c.informed_of_purpose)),
            (scope("no_coercion_confirmed"), answer(c.no_coercion_confirmed)),
            (self.t("c_refusals"), c.refusals),
        ]
        if c.recorded_at:
            rows.append((self.t("c_recorded_at"), when(c.recorded_at)))
        statement = self.t("c_no_coercion_yes" if c.no_coercion_confirmed else "c_no_coercion_no")
        return [*self.heading("s_consent"), self.kv_table(rows, 0.45), Spacer(1, 5),
                self.p(statement, "body")]

    def witness(self) -> list[Flowable]:
        w = self.record.witness
        rows: list[tuple[str, object]] = [(self.t("w_name"), w.name)]
        if w.pseudonym:
            rows.append((self.t("w_pseudonym"), w.pseudonym))
        rows += [
            (self.t("w_dob"), w.date_of_birth),
            (self.t("w_gender"), w.gender),
            (self.t("w_nationality"), w.nationality),
            (self.t("w_identifiers"), w.identifiers),
            (self.t("w_contact"), w.contact),
            (self.t("w_role"), self.vocab("witness_roles", w.role)),
            (self.t("w_status"), self.vocab("witness_status", w.status_now)),
            (self.t("w_occupation"), w.occupation),
            (self.t("w_rank"), w.military_rank),
            (self.t("w_unit"), w.military_unit),
        ]
        if w.relation_to_victim or w.victim_name:
            rows += [(self.t("w_relation"), w.relation_to_victim),
                     (self.t("w_victim"), w.victim_name)]
        return [*self.heading("s_witness"), self.kv_table(rows)]

    def narrative(self) -> list[Flowable]:
        n = self.record.narrative
        iv = self.record.interview
        original = n.paragraphs
        translation = n.translation_paragraphs
        language = self.vocab("languages", iv.language) or "—"
        out = self.heading("s_narrative")
        if not original:
            return [*out, self.p(self.t("n_empty"), "body")]
        if not translation:
            out.append(Paragraph(markup(self.t("n_intro", language=language)), self.s["note"]))
            out += [self.p(text, "numbered", f"{i}.") for i, text in enumerate(original, 1)]
            return out
        tr_code = n.translation_language or iv.translation_language
        tr_language = self.vocab("languages", tr_code) or "—"
        out.append(Paragraph(markup(self.t("n_intro_translation", language=language,
                                           translation=tr_language)), self.s["note"]))
        # Side by side, so a reader can check a paragraph against its translation; a row
        # longer than a page splits inside the row.
        header = [Paragraph(markup(self.t("n_no"), fonts.SANS_BOLD), self.s["label"]),
                  Paragraph(markup(self.t("n_original", language=language), fonts.SANS_BOLD),
                            self.s["label"]),
                  Paragraph(markup(self.t("n_translation", language=tr_language),
                                   fonts.SANS_BOLD), self.s["label"])]
        data: list[list[Any]] = [header]
        for i in range(max(len(original), len(translation))):
            data.append([
                Paragraph(f"{i + 1}.", self.s["cell"]),
                self.p(original[i]) if i < len(original) else "",
                self.p(translation[i]) if i < len(translation) else "",
            ])
        num_w = 12 * mm
        col = (CONTENT_W - num_w) / 2
        out.append(_long_table(data, [num_w, col, col], True))
        return out

    def detention(self, annexes: list[_Annex]) -> list[Flowable]:
        out = self.heading("s_detention")
        if not self.record.detentions:
            out.append(self.p(self.t("d_none"), "body"))
        for i, d in enumerate(self.record.detentions, 1):
            rows: list[tuple[str, object]] = [
                (self.t("d_from"), self.date(d.start_date, d.start_precision)),
                (self.t("d_to"), self.date(d.end_date, d.end_precision)),
                (self.t("d_place"), d.place),
            ]
            optional: list[tuple[str, str]] = [
                (self.t("d_place_description"), d.place_description),
                (self.t("d_authority"), d.authority),
            ]
            rows += [(k, v) for k, v in optional if v]
            rows.append((self.t("d_type"), self.vocab("detention_types", d.detention_type)))
            optional = [
                (self.t("d_arrest"), d.arrest_circumstances),
                (self.t("d_transfers"), d.transfers),
            ]
            rows += [(k, v) for k, v in optional if v]
            rows += [
                (self.t("d_contact"), self.lines(self.vocab_list("outside_contact",
                                                                  d.outside_contact))),
                (self.t("d_counsel"), self.lines(self.vocab_list("legal_counsel",
                                                                  d.legal_counsel))),
                (self.t("d_signed"), self.lines(self.vocab_list("statements_signed",
                                                                 d.statements_signed))),
            ]
            optional = [(self.t("d_how_signed"), d.how_signed)]
            rows += [(k, v) for k, v in optional if v]
            rows.append((self.t("d_medical"), self.lines(self.vocab_list("medical_attention",
                                                                          d.medical_attention))))
            optional = [
                (self.t("d_conditions"), d.conditions),
                (self.t("d_court"), d.court),
                (self.t("d_case"), d.case_number),
                (self.t("d_notes"), d.notes),
            ]
            rows += [(k, v) for k, v in optional if v]
            out += [*self.subheading(self.t("d_episode", n=i)), self.kv_table(rows)]
        return out + self.see_annexes(annexes, "detention")

    def acts(self) -> list[Flowable]:
        out = self.heading("s_acts")
        acts = self.record.acts
        if not acts:
            return [*out, self.p(self.t("a_none"), "body")]
        if len(acts) > 1:
            header = [Paragraph(markup(self.t(k), fonts.SANS_BOLD), self.s["label"])
                      for k in ("n_no", "a_date", "a_place", "a_methods")]
            data: list[list[Any]] = [header]
            for i, a in enumerate(acts, 1):
                methods = self.vocab_list("methods", a.methods)
                if a.methods_other:
                    methods.append(a.methods_other)
                data.append([Paragraph(str(i), self.s["cell"]),
                             self.p(self.date(a.date, a.date_precision) or "—"),
                             self.p(a.place or "—"),
                             self.p("; ".join(methods) or "—")])
            widths = [12 * mm, 36 * mm, 45 * mm]
            widths.append(CONTENT_W - sum(widths))
            out += [*self.subheading(self.t("a_summary")), _long_table(data, widths, True)]
        for i, a in enumerate(acts, 1):
            rows: list[tuple[str, object]] = [
                (self.t("a_date"), self.date(a.date, a.date_precision)),
                (self.t("a_place"), a.place),
            ]
            if a.episode is not None:
                rows.append((self.t("a_episode"), self.episode_ref(a.episode)))
            rows.append((self.t("a_methods"), self.lines(self.vocab_list("methods", a.methods))))
            optional: list[tuple[str, str]] = [
                (self.t("a_methods_other"), a.methods_other),
                (self.t("a_description"), a.description),
                (self.t("a_duration"), a.duration),
                (self.t("a_frequency"), a.frequency),
            ]
            rows += [(k, v) for k, v in optional if v]
            if a.perpetrators:
                rows.append((self.t("a_perpetrators"), self.perpetrators(a.perpetrators)))
            optional = [
                (self.t("a_demands"), a.demands),
                (self.t("a_witnesses"), a.witnesses_present),
                (self.t("a_injuries"), a.injuries),
            ]
            rows += [(k, v) for k, v in optional if v]
            out += [*self.subheading(self.t("a_act", n=i)), self.kv_table(rows)]
        return out

    def episode_ref(self, index: int) -> str:
        """``Act.episode`` indexes ``detentions`` from 0; the statement numbers episodes from 1,
        so the reference is printed as the number of the episode's heading, with its place
        and dates so the reader need not turn back."""
        episodes = self.record.detentions
        if not 0 <= index < len(episodes):
            return str(index + 1)
        d = episodes[index]
        span = " – ".join(x for x in (self.date(d.start_date, d.start_precision),
                                      self.date(d.end_date, d.end_precision)) if x)
        details = ", ".join(x for x in (d.place, span) if x)
        return f"{index + 1} ({details})" if details else str(index + 1)

    def perpetrators(self, people: Sequence[Any]) -> list[Flowable]:
        out: list[Flowable] = []
        for i, person in enumerate(people, 1):
            parts = [
                (self.t("p_name"), person.name),
                (self.t("p_rank"), person.rank),
                (self.t("p_position"), person.position),
                (self.t("p_unit"), person.unit),
                (self.t("p_description"), person.description),
                (self.t("p_involvement"),
                 self.vocab("perpetrator_involvement", person.involvement)),
            ]
            text = "; ".join(f"{k}: {v}" for k, v in parts if v)
            out.append(self.p(f"{i}. {text}" if len(people) > 1 else text))
        return out

    def effects(self, annexes: list[_Annex]) -> list[Flowable]:
        e = self.record.effects
        out = self.heading("s_effects")
        rows = [(self.t("e_physical"), e.physical), (self.t("e_psychological"), e.psychological),
                (self.t("e_treatment"), e.medical_treatment)]
        present = [(k, v) for k, v in rows if v]
        if not present and not e.body_marks:
            out.append(self.p(self.t("e_none"), "body"))
        if present:
            out.append(self.kv_table(present))
        if e.body_marks:
            figure = BodyFigure(e.body_marks, self.vocab("body_sides", "front"),
                                self.vocab("body_sides", "back"),
                                right_mark=self._side_letter("right"),
                                left_mark=self._side_letter("left"))
            caption = [
                Paragraph(markup(self.t("e_figure"), fonts.SANS_BOLD), self.s["label"]),
                Spacer(1, 4),
                Paragraph(markup(self.t("e_caption"), fonts.SANS_BOLD), self.s["notice"]),
                Spacer(1, 4),
                Paragraph(markup(self.t("e_orientation")), self.s["small"]),
            ]
            fig_table = Table([[figure, caption]],
                              colWidths=[figure.width + 10, CONTENT_W - figure.width - 10],
                              hAlign="LEFT")
            fig_table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                           ("LEFTPADDING", (0, 0), (0, 0), 0)]))
            legend: list[list[Any]] = [[
                Paragraph(markup(self.t(k), fonts.SANS_BOLD), self.s["label"])
                for k in ("e_mark", "e_side", "e_note")
            ]]
            for i, mark in enumerate(e.body_marks, 1):
                legend.append([Paragraph(str(i), self.s["cell"]),
                               self.p(self.vocab("body_sides", mark.side)),
                               self.p(mark.note or "—")])
            legend_table = _long_table(legend, [16 * mm, 28 * mm, CONTENT_W - 44 * mm], True)
            out += [Spacer(1, 8), KeepTogether([fig_table]), Spacer(1, 6), legend_table]
        return out + self.see_annexes(annexes, "effects")

    def _side_letter(self, side: str) -> str:
        """The letters beside the figures that say which is the witness's right and left."""
        letters = {"en": ("R", "L"), "az": ("Sağ", "Sol"), "ru": ("П", "Л")}
        right, left = letters.get(self.lang, letters["en"])
        return right if side == "right" else left

    def annex_list(self, annexes: list[_Annex]) -> list[Flowable]:
        out = self.heading("s_annexes")
        if not annexes:
            return [*out, self.p(self.t("x_none"), "body")]
        out.append(Paragraph(markup(self.t("x_intro")), self.s["note"]))
        header = [Paragraph(markup(self.t(k), fonts.SANS_BOLD), self.s["label"])
                  for k in ("x_no", "x_item", "x_added", "x_size", "x_page")]
        data: list[list[Any]] = [header]
        commands: list[tuple[Any, ...]] = []
        for annex in annexes:
            a = annex.info
            kind = self.vocab("attachment_kinds", a.kind)
            lines = [f"{kind}: {a.filename}" if a.filename else kind]
            if a.description:
                lines.append(a.description)
            pages = self.known.get(annex.key) or self.known.get(f"list:{annex.key}") or []
            page_text = ", ".join(str(p) for p in pages) if pages else "—"
            row = len(data)
            data.append([
                [Paragraph(markup(annex.number, fonts.SANS_BOLD), self.s["cell"]),
                 _Anchor([f"list:{annex.key}"], self.found)],
                [self.p(line) for line in lines],
                self.p(when(a.added_at) or "—"),
                self.p(_size(a.size, self.t("x_bytes"))),
                self.p(page_text),
            ])
            data.append(["", [Paragraph(markup(f"SHA-256: {a.sha256 or '—'}"), self.s["hash"])],
                         "", "", ""])
            commands += [("SPAN", (0, row), (0, row + 1)), ("SPAN", (1, row + 1), (4, row + 1)),
                         ("NOSPLIT", (0, row), (-1, row + 1)),
                         ("LINEBELOW", (1, row), (4, row), 0, colors.white)]
        widths = [12 * mm, 0.0, 30 * mm, 32 * mm, 16 * mm]
        widths[1] = CONTENT_W - sum(widths)
        table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, hAlign="LEFT")
        table.setStyle([*_grid_style(), ("BACKGROUND", (0, 0), (-1, 0), SHADE), *commands])
        out.append(table)
        return out

    def closing(self) -> list[Flowable]:
        t = self.record
        iv, w = t.interview, t.witness
        language = self.vocab("languages", iv.language) or "—"
        blank = "______________________"
        out = self.heading("s_truth")
        out.append(self.p(self.t("truth_text", name=w.name or self._pseudonym()), "declaration"))
        if iv.interpreter:
            pair_codes = [iv.language, iv.translation_language or t.narrative.translation_language]
            pair = " – ".join(self.vocab("languages", c) for c in pair_codes if c) or "—"
            out += self.heading("s_interpreter")
            out.append(self.p(self.t("interpreter_text", interpreter=iv.interpreter,
                                     language=language, pair=pair), "declaration"))
        org = (self.t("interviewer_org", organisation=iv.interviewer_organisation)
               if iv.interviewer_organisation else "")
        out += self.heading("s_interviewer")
        out.append(self.p(self.t("interviewer_text", interviewer=iv.interviewer or blank,
                                 organisation=org, date=iv.date or blank,
                                 place=iv.place or blank), "declaration"))
        signers = [("sig_witness", w.name or self._pseudonym()),
                   ("sig_interviewer", iv.interviewer)]
        if iv.interpreter:
            signers.append(("sig_interpreter", iv.interpreter))
        out += [CondPageBreak(75 * mm), *self.heading("s_signatures")]
        for i, (role, name) in enumerate(signers):
            if i:
                out.append(Spacer(1, 10))
            out.append(self.signature_block(role, name))
        return out

    def signature_block(self, role: str, name: str) -> Flowable:
        """Name printed, and ruled lines for signature, date and place, kept together."""
        lab = self.s["label"]

        def cell(key: str) -> Paragraph:
            return Paragraph(markup(self.t(key), fonts.SANS_BOLD), lab)

        data = [
            [Paragraph(markup(self.t(role), fonts.SANS_BOLD), self.s["h2"]), "", "", ""],
            [cell("sig_name"), self.p(name or ""), "", ""],
            [cell("sig_signature"), "", "", ""],
            [cell("sig_date"), "", cell("sig_place"), ""],
            ["", "", "", ""],
        ]
        widths = [30 * mm, 60 * mm, 20 * mm, CONTENT_W - 110 * mm]
        table = Table(data, colWidths=widths, rowHeights=[None, 24, 36, 28, 8], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("SPAN", (0, 0), (-1, 0)),
            ("SPAN", (1, 1), (-1, 1)),
            ("SPAN", (1, 2), (-1, 2)),
            ("VALIGN", (0, 1), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 1), (-1, 1), 0.6, GREY),
            ("LINEBELOW", (1, 2), (-1, 2), 0.6, GREY),
            ("LINEBELOW", (1, 3), (1, 3), 0.6, GREY),
            ("LINEBELOW", (3, 3), (3, 3), 0.6, GREY),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
        ]))
        return KeepTogether([table])

    # ---- all of it

    def story(self) -> list[Flowable]:
        annexes = _annexes(self.record.attachments)
        return [
            *self.title_block(),
            *self.interview(annexes),
            *self.consent(),
            *self.witness(),
            *self.narrative(),
            *self.detention(annexes),
            *self.acts(),
            *self.effects(annexes),
            *self.annex_list(annexes),
            *self.closing(),
        ]


class _LongTable(Table):  # type: ignore[misc]
    """A table whose rows may be longer than a page (a narrative paragraph, a description).

    ReportLab either splits only between rows (a row taller than the rest of the page then
    moves whole to the next page, or fails when taller than a page) or, with ``splitInRow``,
    cuts rows wherever the page ends, even a short row that would have fitted on the next,
    leaving a sliver. This chooses per split: between rows when the space left below the last
    whole row is small, inside the row when a real amount of the page would go empty.
    """

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
        cut_inside = availHeight - used >= _CUT_ROW_ABOVE or n <= headers
        first: list[Flowable] = self._splitRows(availHeight, doInRowSplit=cut_inside)
        if not first and not cut_inside:
            first = self._splitRows(availHeight, doInRowSplit=True)
        return first


def _long_table(data: list[list[Any]], widths: list[float], header: bool) -> Table:
    """A ruled table that may run over many pages; the header row repeats on each."""
    table = _LongTable(data, colWidths=widths, repeatRows=1 if header else 0, splitByRow=1,
                       splitInRow=_IN_ROW_MIN, hAlign="LEFT")
    style = _grid_style()
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(style)
    return table


def _grid_style() -> list[tuple[Any, ...]]:
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ]


def _annexes(attachments: Sequence[AttachmentInfo]) -> list[_Annex]:
    """Attachments as annexes A1, A2… in the order they entered the record (Rule 47 asks
    for a chronological list); ties keep the record's order."""
    order = sorted(range(len(attachments)), key=lambda i: (attachments[i].added_at, i))
    out: list[_Annex] = []
    for n, i in enumerate(order, 1):
        a = attachments[i]
        key = f"{i}:{a.id or a.sha256}"
        out.append(_Annex(f"A{n}", key, a, _KIND_SECTION.get(a.kind, "")))
    return out


def upper(text: str, lang: str) -> str:
    """Upper case as the language writes it: Azerbaijani i → İ (Python's rule gives I)."""
    if lang == "az":
        text = text.replace("i", "İ")
    return text.upper()


def when(value: str) -> str:
    """An ISO timestamp as people write it: ``2026-03-14T12:55:00`` → ``2026-03-14 12:55:00``
    (so that a narrow column breaks between the date and the time, not inside the time)."""
    return _ISO_T.sub(r"\1 \2", value)


def _duration(start: str, end: str) -> int | None:
    """Minutes from ``HH:MM`` to ``HH:MM`` (across midnight if need be), or None."""
    a, b = _TIME.match(start.strip()), _TIME.match(end.strip())
    if not a or not b:
        return None
    m1 = int(a.group(1)) * 60 + int(a.group(2))
    m2 = int(b.group(1)) * 60 + int(b.group(2))
    return (m2 - m1) % (24 * 60)


def _size(size: int, unit: str) -> str:
    grouped = f"{size:,}".replace(",", " ")
    if size >= 1024 * 1024:
        return f"{grouped} {unit} ({size / (1024 * 1024):.1f} MiB)"
    if size >= 1024:
        return f"{grouped} {unit} ({size / 1024:.0f} KiB)"
    return f"{grouped} {unit}"


# --------------------------------------------------------------------------- entry point


def build_statement(testimony: Testimony, request: StatementRequest) -> bytes:
    """The statement for ``testimony`` as PDF bytes; identical input gives identical bytes."""
    fonts.register()
    lang = request.language if request.language in LANGUAGES else "en"
    author = testimony.interview.interviewer_organisation
    if request.redacted:
        pseudonym = testimony.witness.pseudonym or label("witness_placeholder", lang)
        placeholder = label("redacted", lang)
        # The reason for an amendment and the document's author print too.
        shown, _hits, done = redact_with_hits(
            testimony, pseudonym, placeholder, request.review,
            extra={"amendment_reason": request.amendment_reason, "meta.author": author},
        )
        request = dataclasses.replace(request, amendment_reason=done["amendment_reason"])
        author = done["meta.author"]
    else:
        shown = testimony
    furniture = _Furniture(
        lang=lang, record_id=request.record_id or testimony.id, version=request.version,
        sha256=request.content_sha256, draft=not request.sealed, redacted=request.redacted,
        fictional=testimony.fictional,
    )
    known: dict[str, list[int]] = {}
    pdf = b""
    for attempt in range(4):
        builder = _Builder(shown, request, lang, known)
        # With annexes the first pass, which knows no page references yet, cannot be the last
        # (the annex list records its own pages), so it is laid out and drawn to learn them but
        # never assembled into a PDF, which saves 15–30 % of a pass.
        layout_only = attempt == 0 and bool(shown.attachments)
        pdf = _render(builder.story(), furniture, _metadata(shown, request, lang, author),
                      layout_only=layout_only)
        if builder.found == known and not layout_only:
            break
        known = builder.found
    return pdf


def _metadata(t: Testimony, request: StatementRequest, lang: str,
              author: str) -> dict[str, str]:
    """Document properties: never the witness's name (a file manager shows them to anyone
    who sees the file), and in the redacted variant only redacted text."""
    title = label("doc_title", lang)
    if request.redacted:
        title += f" ({label('redacted', lang)})"
    title += f" · {request.record_id or t.id} · {label('version', lang)} {request.version}"
    keywords = f"{request.record_id or t.id} v{request.version} {request.content_sha256}"
    if request.redacted and not request.review.empty:
        # Which review made these bytes: the same choices rebuild the same file.
        keywords += f" review {request.review.sha256()[:16]}"
    return {
        "title": title,
        "author": author,
        "subject": label("doc_title", lang),
        "keywords": keywords,
    }


def _render(story: list[Flowable], furniture: _Furniture, meta: dict[str, str], *,
            layout_only: bool = False) -> bytes:
    """The PDF of ``story``; with ``layout_only``, lay it out and draw it (so that anchors
    record their pages) but skip the footers and the PDF itself, and return ``b""``."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, creator="Testimony", producer="Testimony",
        lang=furniture.lang, **meta,
    )
    maker = _LayoutCanvas if layout_only else NumberedCanvas
    canvasmaker: Callable[..., Canvas] = functools.partial(maker, furniture=furniture)
    doc.build(story, onFirstPage=furniture.header, onLaterPages=furniture.header,
              canvasmaker=canvasmaker)
    return out.getvalue()
