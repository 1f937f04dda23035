"""The body of the witness statement, section by section, in the order of the interview.

Circumstances of the interview, consent, the witness, the account in the witness's own
numbered words (with the translation beside it), detention, acts, after-effects and the
annex list; the closing declarations live in :mod:`~testimony_app.reports.declarations`.

Every value fed by a vocabulary is printed with the label of the statement's language, and
a value the record never set is printed as "—", never as a default the witness did not give.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from testimony_app.domain import vocabularies
from testimony_app.domain.model import AttachmentInfo, Testimony, WitnessRole
from testimony_app.reports import fonts
from testimony_app.reports.body import BodyFigure
from testimony_app.reports.labels import label
from testimony_app.reports.layout import (
    CONTENT_W,
    SHADE,
    Anchor,
    Continued,
    font_style,
    grid_style,
    long_table,
    row_name,
    styles,
)
from testimony_app.reports.request import StatementRequest
from testimony_app.reports.text import is_rtl, markup, para, upper
from testimony_app.reports.timeformat import duration_minutes, size_text, when

# Which section refers to an annex of each kind; other kinds are referred to in the annex
# list only.
_KIND_SECTION = {
    "audio": "interview", "video": "interview",
    "photo": "effects", "medical_report": "effects", "drawing": "effects",
    "document": "detention", "court_decision": "detention", "death_certificate": "detention",
}
NUMBER_W = 15 * mm  # the column of paragraph numbers, wide enough for "12. (cont.)"


@dataclass
class Annex:
    """One attachment as an annex: its number (A1…), its key for page references, and the
    section that refers to it."""

    number: str
    key: str
    info: AttachmentInfo
    section: str


@dataclass
class StoryBuilder:
    """Builds the story for one layout pass; ``known`` holds what the last pass learned (the
    pages where annexes are referred to, and the number of pages)."""

    record: Testimony
    request: StatementRequest
    lang: str
    known: dict[str, list[int]]
    found: dict[str, list[int]] = field(default_factory=dict)
    s: dict[str, ParagraphStyle] = field(default_factory=styles)
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

    def bold(self, text: str, style: str = "label") -> Paragraph:
        return Paragraph(markup(text, fonts.SANS_BOLD), self.s[style])

    def continued(self, title: str = "") -> Continued:
        return Continued(self.t("cont"), self.s["label"], self.s["small"], title,
                         self.s["tabletitle"])

    def heading(self, key: str) -> list[Flowable]:
        """A numbered section heading, never left alone at the foot of a page. (A page break
        is forced only when little room is left, rather than keeping the heading with the
        whole following table, which would leave half-empty pages.)"""
        self.section_no += 1
        return [CondPageBreak(35 * mm), self.numbered_heading(key)]

    def numbered_heading(self, key: str) -> Paragraph:
        """The heading of the next section, without the page-break guard."""
        return Paragraph(markup(f"{self.section_no}. {self.t(key)}", fonts.SANS_BOLD),
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
        return [Spacer(1, 4), self.p(self.t("x_see", refs=refs), "small"),
                Anchor((a.key for a in mine), self.found)]

    def pseudonym(self) -> str:
        return self.record.witness.pseudonym or self.t("witness_placeholder")

    # ---- sections

    def title_block(self) -> list[Flowable]:
        t, r = self.record, self.request
        out: list[Flowable] = [self.bold(upper(self.t("doc_title"), self.lang), "title")]
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
        if r.amendment_reason or r.previous_sha256:
            rows.append((self.t("amended"), r.amendment_reason or "—"))
        if r.previous_sha256:
            previous = self.t("previous_version", version=r.previous_version,
                              sealed=when(r.previous_sealed_at) or "—")
            rows.append((self.t("amends"), [self.p(previous),
                                            Paragraph(markup(r.previous_sha256),
                                                      self.s["hash"])]))
        out.append(self.kv_table(rows))
        notices: list[str] = []
        if not r.sealed:
            notices.append(self.t("draft_notice"))
        if t.fictional:
            notices.append(self.t("fictional_notice"))
        if r.redacted:
            notices.append(self.t("redacted_notice", pseudonym=self.pseudonym()))
        for n in notices:
            out += [Spacer(1, 5), self.bold(n, "notice")]
        return out

    def interview(self, annexes: list[Annex]) -> list[Flowable]:
        iv = self.record.interview
        rows: list[tuple[str, object]] = [
            (self.t("f_date"), iv.date),
            (self.t("f_start"), iv.start_time),
            (self.t("f_end"), iv.end_time),
        ]
        duration = duration_minutes(iv.start_time, iv.end_time)
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
            (scope("informed_of_right_to_stop"), answer(c.informed_of_right_to_stop)),
            (scope("no_coercion_confirmed"), answer(c.no_coercion_confirmed)),
            (self.t("c_refusals"), c.refusals),
        ]
        if c.recorded_at:
            rows.append((self.t("c_recorded_at"), when(c.recorded_at)))
        statement = self.t("c_no_coercion_yes" if c.no_coercion_confirmed else "c_no_coercion_no")
        stop = self.t("c_right_to_stop_yes" if c.informed_of_right_to_stop
                      else "c_right_to_stop_no")
        return [*self.heading("s_consent"), self.kv_table(rows, 0.45), Spacer(1, 5),
                self.p(statement, "body"), Spacer(1, 3), self.p(stop, "body")]

    def witness(self) -> list[Flowable]:
        w = self.record.witness
        relative = w.role == WitnessRole.RELATIVE.value
        status = self.vocab("witness_status", w.status_now)
        rows: list[tuple[str, object]] = [(self.t("w_name"), w.name)]
        if w.pseudonym:
            rows.append((self.t("w_pseudonym"), w.pseudonym))
        rows += [
            (self.t("w_dob"), w.date_of_birth),
            (self.t("w_gender"), self.vocab("genders", w.gender)),
            (self.t("w_nationality"), w.nationality),
            (self.t("w_identifiers"), w.identifiers),
            (self.t("w_contact"), w.contact),
            (self.t("w_role"), self.vocab("witness_roles", w.role)),
        ]
        if not relative:
            rows.append((self.t("w_status"), status))
        rows += [
            (self.t("w_occupation"), w.occupation),
            (self.t("w_rank"), w.military_rank),
            (self.t("w_unit"), w.military_unit),
        ]
        # For a relative, "situation now" is the victim's (the witness is giving and signing
        # this statement): it is printed with the victim, never under the witness.
        if relative or w.relation_to_victim or w.victim_name:
            rows += [(self.t("w_relation"), w.relation_to_victim),
                     (self.t("w_victim"), w.victim_name)]
            if relative:
                rows.append((self.t("w_victim_status"), status))
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
            out.append(self._numbered_paragraphs(original))
            return out
        tr_code = n.translation_language or iv.translation_language
        tr_language = self.vocab("languages", tr_code) or "—"
        out.append(Paragraph(markup(self.t("n_intro_translation", language=language,
                                           translation=tr_language)), self.s["note"]))
        # Side by side, so a reader can check a paragraph against its translation; a row
        # longer than a page splits inside the row, and says so on the next page.
        header = [self.bold(self.t("n_no")),
                  self.bold(self.t("n_original", language=language)),
                  self.bold(self.t("n_translation", language=tr_language))]
        data: list[list[Any]] = [header]
        for i in range(max(len(original), len(translation))):
            number = f"{i + 1}."
            data.append([
                [row_name(Paragraph(number, self.s["cell"]), number)],
                [self.p(original[i])] if i < len(original) else "",
                [self.p(translation[i])] if i < len(translation) else "",
            ])
        col = (CONTENT_W - NUMBER_W) / 2
        out.append(long_table(data, [NUMBER_W, col, col], True, self.continued()))
        return out

    def _numbered_paragraphs(self, paragraphs: list[str]) -> Table:
        """The account without a translation: numbered paragraphs, the numbers on the side
        the script starts from (right for Persian and Arabic), and "(cont.)" with the number
        where a paragraph goes on to the next page."""
        rtl = is_rtl(paragraphs[0])
        number_style = self.s["number_rtl" if rtl else "body"]
        data: list[list[Any]] = []
        for i, text in enumerate(paragraphs, 1):
            number = row_name(Paragraph(f"{i}.", number_style), f"{i}.")
            cells: list[Any] = [[number], [self.p(text, "body")]]
            data.append(cells[::-1] if rtl else cells)
        widths = [NUMBER_W, CONTENT_W - NUMBER_W]
        table = long_table(data, widths[::-1] if rtl else widths, False, self.continued())
        text_col = 0 if rtl else 1
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0, colors.white),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING" if rtl else "LEFTPADDING", (text_col, 0), (text_col, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        return table

    def detention(self, annexes: list[Annex]) -> list[Flowable]:
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
            out += [CondPageBreak(30 * mm), Spacer(1, 6),
                    self.kv_table(rows, title=self.t("d_episode", n=i))]
        return out + self.see_annexes(annexes, "detention")

    def acts(self) -> list[Flowable]:
        out = self.heading("s_acts")
        acts = self.record.acts
        if not acts:
            return [*out, self.p(self.t("a_none"), "body")]
        if len(acts) > 1:
            header = [self.bold(self.t(k)) for k in ("n_no", "a_date", "a_place", "a_methods")]
            data: list[list[Any]] = [header]
            for i, a in enumerate(acts, 1):
                methods = self.vocab_list("methods", a.methods)
                if a.methods_other:
                    methods.append(a.methods_other)
                data.append([[row_name(Paragraph(str(i), self.s["cell"]), str(i))],
                             [self.p(self.date(a.date, a.date_precision) or "—")],
                             [self.p(a.place or "—")],
                             [self.p("; ".join(methods) or "—")]])
            widths = [NUMBER_W, 36 * mm, 45 * mm]
            widths.append(CONTENT_W - sum(widths))
            out += [CondPageBreak(30 * mm),
                    Paragraph(markup(self.t("a_summary"), fonts.SANS_BOLD), self.s["h2"]),
                    long_table(data, widths, True, self.continued())]
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
            out += [CondPageBreak(30 * mm), Spacer(1, 6),
                    self.kv_table(rows, title=self.t("a_act", n=i))]
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

    def effects(self, annexes: list[Annex]) -> list[Flowable]:
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
                                right_mark=self.t("e_right"), left_mark=self.t("e_left"))
            caption = [
                self.bold(self.t("e_figure")),
                Spacer(1, 4),
                self.bold(self.t("e_caption"), "notice"),
                Spacer(1, 4),
                Paragraph(markup(self.t("e_orientation")), self.s["small"]),
            ]
            fig_table = Table([[figure, caption]],
                              colWidths=[figure.width + 10, CONTENT_W - figure.width - 10],
                              hAlign="LEFT")
            fig_table.setStyle(TableStyle([*font_style(), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                           ("LEFTPADDING", (0, 0), (0, 0), 0)]))
            legend: list[list[Any]] = [[self.bold(self.t(k))
                                        for k in ("e_mark", "e_side", "e_note")]]
            for i, mark in enumerate(e.body_marks, 1):
                legend.append([[row_name(Paragraph(str(i), self.s["cell"]), str(i))],
                               [self.p(self.vocab("body_sides", mark.side))],
                               [self.p(mark.note or "—")]])
            legend_table = long_table(legend, [NUMBER_W + 4 * mm, 28 * mm,
                                               CONTENT_W - NUMBER_W - 32 * mm], True,
                                      self.continued())
            out += [Spacer(1, 8), KeepTogether([fig_table]), Spacer(1, 6), legend_table]
        return out + self.see_annexes(annexes, "effects")

    def annex_list(self, annexes: list[Annex]) -> list[Flowable]:
        out = self.heading("s_annexes")
        if not annexes:
            return [*out, self.p(self.t("x_none"), "body")]
        out.append(Paragraph(markup(self.t("x_intro")), self.s["note"]))
        header = [self.bold(self.t(k)) for k in ("x_no", "x_item", "x_date", "x_size", "x_page")]
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
            dated = document_date(a)
            dates = [self.p(dated)] if dated else []
            dates.append(Paragraph(markup(self.t("x_added_on", date=when(a.added_at) or "—")),
                                   self.s["small"]))
            row = len(data)
            data.append([
                [Paragraph(markup(annex.number, fonts.SANS_BOLD), self.s["cell"]),
                 Anchor([f"list:{annex.key}"], self.found)],
                [self.p(line) for line in lines],
                dates,
                [self.p(size_text(a.size, self.t("x_bytes")))],
                [self.p(page_text)],
            ])
            data.append(["", [Paragraph(markup(f"SHA-256: {a.sha256 or '—'}"), self.s["hash"])],
                         "", "", ""])
            commands += [("SPAN", (0, row), (0, row + 1)), ("SPAN", (1, row + 1), (4, row + 1)),
                         ("NOSPLIT", (0, row), (-1, row + 1)),
                         ("LINEBELOW", (1, row), (4, row), 0, colors.white)]
        widths = [12 * mm, 0.0, 32 * mm, 34 * mm, 14 * mm]
        widths[1] = CONTENT_W - sum(widths)
        table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, hAlign="LEFT")
        table.setStyle([*grid_style(), ("BACKGROUND", (0, 0), (-1, 0), SHADE), *commands])
        out.append(table)
        return out


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")


def document_date(attachment: AttachmentInfo) -> str:
    """The document's own date, where its description gives one (``2021-03-05`` or, as
    Azerbaijani and Russian documents write it, ``05.03.2021``), as ``YYYY-MM-DD``; else
    "" (the date it entered the vault says nothing about the document)."""
    text = attachment.description
    found: list[tuple[int, str]] = []
    for m in _ISO_DATE.finditer(text):
        found.append((m.start(), f"{m.group(1)}-{m.group(2)}-{m.group(3)}"))
    for m in _DOTTED_DATE.finditer(text):
        found.append((m.start(), f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"))
    for _pos, value in sorted(found):
        month, day = int(value[5:7]), int(value[8:10])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return value
    return ""


def annexes_of(attachments: Sequence[AttachmentInfo]) -> list[Annex]:
    """Attachments as annexes A1, A2… in the order of the documents' own dates (ECtHR Rule
    47 asks for a chronological list of documents); a document whose date is not known
    follows those that have one, in the order it entered the record; ties keep the
    record's order."""
    dates = [document_date(a) for a in attachments]

    def key(i: int) -> tuple[int, str, str, int]:
        return (0 if dates[i] else 1, dates[i], attachments[i].added_at, i)

    out: list[Annex] = []
    for n, i in enumerate(sorted(range(len(attachments)), key=key), 1):
        a = attachments[i]
        out.append(Annex(f"A{n}", f"{i}:{a.id or a.sha256}", a, _KIND_SECTION.get(a.kind, "")))
    return out
