"""The body of the witness statement, section by section, in the order of the interview.

Circumstances of the interview, consent, the witness, the account in the witness's own
numbered words (with the translation beside it), detention, acts, after-effects and the
annex list; the closing declarations live in :mod:`~testimony_app.reports.declarations`.

Every value fed by a vocabulary is printed with the label of the statement's language, and
a value the record never set is printed as "—", never as a default the witness did not give.
"""


from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
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

from testimony_app.domain.model import WitnessRole
from testimony_app.reports import fonts
from testimony_app.reports.annexes import Annex, document_date
from testimony_app.reports.body import BodyFigure
from testimony_app.reports.keep import heads
from testimony_app.reports.late import OWN_PAGE, Lookup
from testimony_app.reports.layout import (
    CONTENT_W,
    CUT_ROW_ABOVE,
    NARRATIVE_PAD,
    NUMBER_W,
    SHADE,
    Anchor,
    font_style,
    grid_style,
    long_table,
    row_name,
)
from testimony_app.reports.section_kit import SectionKit
from testimony_app.reports.text import Hanging, markup, para, upper
from testimony_app.reports.timeformat import duration_minutes, size_text, when

_CELL_PAD = 10  # a table cell's padding, left and right (layout.grid_style)


class StoryBuilder(SectionKit):
    """Builds the story for one layout pass, section by section, in the order of the
    interview (the pass's state and the pieces are :class:`SectionKit`'s)."""

    # ---- sections

    def title_block(self) -> list[Flowable]:
        t, r = self.record, self.request
        out: list[Flowable] = [self.bold(upper(self.say("pdf.doc_title"), self.lang), "title")]
        if t.title:
            out.append(self.p(t.title, "subtitle"))
        else:
            out.append(Spacer(1, 8))
        sealed = when(r.sealed_at) if r.sealed else self.say("pdf.not_sealed")
        rows: list[tuple[str, object]] = [
            (self.say("pdf.record_id"), r.record_id or t.id),
            (self.say("pdf.version"), str(r.version)),
            (self.say("pdf.sealed_on"), sealed),
            (self.say("pdf.content_hash"),
             [Paragraph(markup(r.content_sha256 or "—"), self.s["hash"])]),
        ]
        if r.amendment_reason or r.previous_sha256:
            rows.append((self.say("pdf.amended"), r.amendment_reason or "—"))
        if r.previous_sha256:
            previous = self.say("pdf.previous_version", version=r.previous_version,
                              sealed=when(r.previous_sealed_at) or "—")
            rows.append((self.say("pdf.amends"), [self.p(previous),
                                            Paragraph(markup(r.previous_sha256),
                                                      self.s["hash"])]))
        out.append(self.kv_table(rows))
        notices: list[str] = []
        if not r.sealed:
            notices.append(self.say("pdf.draft_notice"))
        if t.fictional:
            notices.append(self.say("pdf.fictional_notice"))
        if r.redacted and t.witness.pseudonym:
            notices.append(self.say("pdf.redacted_notice", pseudonym=t.witness.pseudonym))
        elif r.redacted:
            # No pseudonym was given: the mark that stands for the name is not one (review D13).
            notices.append(self.say("pdf.redacted_notice_placeholder",
                                    placeholder=self.pseudonym()))
        for n in notices:
            out += [Spacer(1, 5), self.bold(n, "notice")]
        return out

    def interview(self, annexes: list[Annex]) -> list[Flowable]:
        iv = self.record.interview
        rows: list[tuple[str, object]] = [
            (self.say("pdf.f_date"), iv.date),
            (self.say("pdf.f_start"), iv.start_time),
            (self.say("pdf.f_end"), iv.end_time),
        ]
        duration = duration_minutes(iv.start_time, iv.end_time)
        if duration is not None:
            rows.append((self.say("pdf.f_duration"),
                         self.say("pdf.hours_minutes", h=duration // 60, m=duration % 60)))
        rows += [
            (self.say("pdf.f_place"), iv.place),
            (self.say("pdf.f_setting"), iv.setting),
            (self.say("pdf.f_interviewer"), iv.interviewer),
            (self.say("pdf.f_organisation"), iv.interviewer_organisation),
            (self.say("pdf.f_interpreter"), iv.interpreter or self.say("pdf.f_no_interpreter")),
            (self.say("pdf.f_language"), self.vocab("languages", iv.language)),
        ]
        if iv.translation_language:
            rows.append((self.say("pdf.f_translation_language"),
                         self.vocab("languages", iv.translation_language)))
        rows += [
            (self.say("pdf.f_present"), self.lines(iv.persons_present)),
            (self.say("pdf.f_restrictions"), iv.restrictions),
            (self.say("pdf.f_recording"), iv.recording),
        ]
        return [*self.heading("pdf.s_interview"), self.kv_table(rows),
                *self.see_annexes(annexes, "interview")]

    def consent(self) -> list[Flowable]:
        c = self.record.consent

        def answer(value: bool | None) -> str:
            if value is None:
                return self.say("pdf.not_asked")
            return self.say("pdf.yes") if value else self.say("pdf.no")

        def scope(code: str) -> str:
            return self.vocab("consent_scopes", code)

        rows: list[tuple[str, object]] = [
            (scope("legal_proceedings"), answer(c.legal_proceedings)),
            (scope("organisations"), self.lines(c.organisations) if c.organisations
             else self.say("pdf.none")),
            (scope("publication"), answer(c.publication)),
            (scope("name_may_appear"), answer(c.name_may_appear)),
            (scope("audio_recording"), answer(c.audio_recording)),
            (scope("follow_up_contact"), answer(c.follow_up_contact)),
            (scope("informed_of_purpose"), answer(c.informed_of_purpose)),
            (scope("informed_of_right_to_stop"), answer(c.informed_of_right_to_stop)),
            (scope("no_coercion_confirmed"), answer(c.no_coercion_confirmed)),
            (self.say("pdf.c_refusals"), c.refusals),
        ]
        if c.recorded_at:
            rows.append((self.say("pdf.c_recorded_at"), when(c.recorded_at)))
        statement = (self.say("pdf.c_no_coercion_yes") if c.no_coercion_confirmed
                     else self.say("pdf.c_no_coercion_no"))
        stop = (self.say("pdf.c_right_to_stop_yes") if c.informed_of_right_to_stop
                else self.say("pdf.c_right_to_stop_no"))
        return [*self.heading("pdf.s_consent"), self.kv_table(rows, 0.45), Spacer(1, 5),
                self.p(statement, "body"), Spacer(1, 3), self.p(stop, "body")]

    def witness(self) -> list[Flowable]:
        w = self.record.witness
        relative = w.role == WitnessRole.RELATIVE.value
        status = self.vocab("witness_status", w.status_now)
        rows: list[tuple[str, object]] = [(self.say("pdf.w_name"), w.name)]
        if w.pseudonym:
            rows.append((self.say("pdf.w_pseudonym"), w.pseudonym))
        rows += [
            (self.say("pdf.w_dob"), w.date_of_birth),
            (self.say("pdf.w_gender"), self.vocab("genders", w.gender)),
            (self.say("pdf.w_nationality"), w.nationality),
            (self.say("pdf.w_identifiers"), w.identifiers),
            (self.say("pdf.w_contact"), w.contact),
            (self.say("pdf.w_role"), self.vocab("witness_roles", w.role)),
        ]
        if not relative:
            rows.append((self.say("pdf.w_status"), status))
        rows += [
            (self.say("pdf.w_occupation"), w.occupation),
            (self.say("pdf.w_rank"), w.military_rank),
            (self.say("pdf.w_unit"), w.military_unit),
        ]
        # For a relative, "situation now" is the victim's (the witness is giving and signing
        # this statement): it is printed with the victim, never under the witness.
        if relative or w.relation_to_victim or w.victim_name:
            rows += [(self.say("pdf.w_relation"), w.relation_to_victim),
                     (self.say("pdf.w_victim"), w.victim_name)]
            if relative:
                rows.append((self.say("pdf.w_victim_status"), status))
        return [*self.heading("pdf.s_witness"), self.kv_table(rows)]

    def narrative(self) -> list[Flowable]:
        n = self.record.narrative
        iv = self.record.interview
        original = n.paragraphs
        translation = n.translation_paragraphs
        language = self.vocab("languages", iv.language) or "—"
        out = self.heading("pdf.s_narrative")
        if not original:
            return [*out, self.p(self.say("pdf.n_empty"), "body")]
        if not translation:
            out.append(heads(Paragraph(markup(self.say("pdf.n_intro", language=language)),
                                       self.s["note"])))
            out += self._numbered_paragraphs(original)
            return out
        tr_code = n.translation_language or iv.translation_language
        tr_language = self.vocab("languages", tr_code) or "—"
        out.append(heads(Paragraph(markup(self.say("pdf.n_intro_translation",
                                                   language=language, translation=tr_language)),
                                   self.s["note"])))
        # Side by side, so a reader can check a paragraph against its translation; a row
        # longer than a page splits inside the row, and says so on the next page.
        header = [self.bold(self.say("pdf.n_no")),
                  self.bold(self.say("pdf.n_original", language=language)),
                  self.bold(self.say("pdf.n_translation", language=tr_language))]
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

    def _numbered_paragraphs(self, paragraphs: list[str]) -> list[Flowable]:
        """The account without a translation: numbered paragraphs, the numbers on the side
        the script starts from (right for Persian and Arabic), and "(cont.)" with the number
        where a paragraph goes on to the next page. A paragraph is cut across a page only
        when a real amount of the page would otherwise go empty, as a table row is."""
        cont = self.continued()
        style = self.s["narrative"]
        out: list[Flowable] = []
        for i, text in enumerate(paragraphs, 1):
            number = f"{i}."
            hanging = Hanging(functools.partial(cont.label, number), NUMBER_W, CUT_ROW_ABOVE,
                              NARRATIVE_PAD)
            out.append(para(text, style, number, hanging))
        return out

    def detention(self, annexes: list[Annex]) -> list[Flowable]:
        out = self.heading("pdf.s_detention")
        if not self.record.detentions:
            out.append(self.p(self.say("pdf.d_none"), "body"))
        for i, d in enumerate(self.record.detentions, 1):
            rows: list[tuple[str, object]] = [
                (self.say("pdf.d_from"), self.date(d.start_date, d.start_precision)),
                (self.say("pdf.d_to"), self.date(d.end_date, d.end_precision)),
                (self.say("pdf.d_place"), d.place),
            ]
            optional: list[tuple[str, str]] = [
                (self.say("pdf.d_place_description"), d.place_description),
                (self.say("pdf.d_authority"), d.authority),
            ]
            rows += [(k, v) for k, v in optional if v]
            rows.append((self.say("pdf.d_type"), self.vocab("detention_types", d.detention_type)))
            optional = [
                (self.say("pdf.d_arrest"), d.arrest_circumstances),
                (self.say("pdf.d_transfers"), d.transfers),
            ]
            rows += [(k, v) for k, v in optional if v]
            rows += [
                (self.say("pdf.d_contact"), self.lines(self.vocab_list("outside_contact",
                                                                  d.outside_contact))),
                (self.say("pdf.d_counsel"), self.lines(self.vocab_list("legal_counsel",
                                                                  d.legal_counsel))),
                (self.say("pdf.d_signed"), self.lines(self.vocab_list("statements_signed",
                                                                 d.statements_signed))),
            ]
            optional = [(self.say("pdf.d_how_signed"), d.how_signed)]
            rows += [(k, v) for k, v in optional if v]
            rows.append((self.say("pdf.d_medical"), self.lines(self.vocab_list("medical_attention",
                                                                          d.medical_attention))))
            optional = [
                (self.say("pdf.d_conditions"), d.conditions),
                (self.say("pdf.d_court"), d.court),
                (self.say("pdf.d_case"), d.case_number),
                (self.say("pdf.d_notes"), d.notes),
            ]
            rows += [(k, v) for k, v in optional if v]
            out += [CondPageBreak(30 * mm), Spacer(1, 6),
                    self.kv_table(rows, title=self.say("pdf.d_episode", n=i))]
        return out + self.see_annexes(annexes, "detention")

    def acts(self) -> list[Flowable]:
        out = self.heading("pdf.s_acts")
        acts = self.record.acts
        if not acts:
            return [*out, self.p(self.say("pdf.a_none"), "body")]
        if len(acts) > 1:
            header = [self.bold(self.say("pdf.n_no")), self.bold(self.say("pdf.a_date")),
                      self.bold(self.say("pdf.a_place")), self.bold(self.say("pdf.a_methods"))]
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
                    heads(Paragraph(markup(self.say("pdf.a_summary"), fonts.SANS_BOLD),
                                    self.s["h2"])),
                    long_table(data, widths, True, self.continued())]
        for i, a in enumerate(acts, 1):
            rows: list[tuple[str, object]] = [
                (self.say("pdf.a_date"), self.date(a.date, a.date_precision)),
                (self.say("pdf.a_place"), a.place),
            ]
            if a.episode is not None:
                rows.append((self.say("pdf.a_episode"), self.episode_ref(a.episode)))
            rows.append((self.say("pdf.a_methods"),
                         self.lines(self.vocab_list("methods", a.methods))))
            optional: list[tuple[str, str]] = [
                (self.say("pdf.a_methods_other"), a.methods_other),
                (self.say("pdf.a_description"), a.description),
                (self.say("pdf.a_duration"), a.duration),
                (self.say("pdf.a_frequency"), a.frequency),
            ]
            rows += [(k, v) for k, v in optional if v]
            if a.perpetrators:
                rows.append((self.say("pdf.a_perpetrators"), self.perpetrators(a.perpetrators)))
            optional = [
                (self.say("pdf.a_demands"), a.demands),
                (self.say("pdf.a_witnesses"), a.witnesses_present),
                (self.say("pdf.a_injuries"), a.injuries),
            ]
            rows += [(k, v) for k, v in optional if v]
            out += [CondPageBreak(30 * mm), Spacer(1, 6),
                    self.kv_table(rows, title=self.say("pdf.a_act", n=i))]
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
                (self.say("pdf.p_name"), person.name),
                (self.say("pdf.p_rank"), person.rank),
                (self.say("pdf.p_position"), person.position),
                (self.say("pdf.p_unit"), person.unit),
                (self.say("pdf.p_description"), person.description),
                (self.say("pdf.p_involvement"),
                 self.vocab("perpetrator_involvement", person.involvement)),
            ]
            text = "; ".join(f"{k}: {v}" for k, v in parts if v)
            out.append(self.p(f"{i}. {text}" if len(people) > 1 else text))
        return out

    def effects(self, annexes: list[Annex]) -> list[Flowable]:
        e = self.record.effects
        out = self.heading("pdf.s_effects")
        rows = [(self.say("pdf.e_physical"), e.physical),
                (self.say("pdf.e_psychological"), e.psychological),
                (self.say("pdf.e_treatment"), e.medical_treatment)]
        present = [(k, v) for k, v in rows if v]
        if not present and not e.body_marks:
            out.append(self.p(self.say("pdf.e_none"), "body"))
        if present:
            out.append(self.kv_table(present))
        if e.body_marks:
            figure = BodyFigure(e.body_marks, self.vocab("body_sides", "front"),
                                self.vocab("body_sides", "back"),
                                right_mark=self.say("pdf.e_right"),
                                left_mark=self.say("pdf.e_left"))
            caption = [
                self.bold(self.say("pdf.e_figure")),
                Spacer(1, 4),
                self.bold(self.say("pdf.e_caption"), "notice"),
                Spacer(1, 4),
                Paragraph(markup(self.say("pdf.e_orientation")), self.s["small"]),
            ]
            fig_table = Table([[figure, caption]],
                              colWidths=[figure.width + 10, CONTENT_W - figure.width - 10],
                              hAlign="LEFT")
            fig_table.setStyle(TableStyle([*font_style(), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                           ("LEFTPADDING", (0, 0), (0, 0), 0)]))
            legend: list[list[Any]] = [[self.bold(self.say("pdf.e_mark")),
                                        self.bold(self.say("pdf.e_side")),
                                        self.bold(self.say("pdf.e_note"))]]
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
        out = self.heading("pdf.s_annexes")
        if not annexes:
            return [*out, self.p(self.say("pdf.x_none"), "body")]
        out.append(heads(Paragraph(markup(self.say("pdf.x_intro")), self.s["note"])))
        titles = [self.say("pdf.x_no"), self.say("pdf.x_item"), self.say("pdf.x_date"),
                  self.say("pdf.x_size"), self.say("pdf.x_page")]
        header = [self.bold(title) for title in titles]
        data: list[list[Any]] = [header]
        commands: list[tuple[Any, ...]] = []
        for annex in annexes:
            a = annex.info
            kind = self.vocab("attachment_kinds", a.kind)
            lines = [f"{kind}: {a.filename}" if a.filename else kind]
            if a.description:
                lines.append(a.description)
            def page_text(pages: Lookup, key: str = annex.key) -> str:
                # Where the annex is referred to; else where it is listed.
                seen = pages(key) or pages(f"{OWN_PAGE}{key}")
                return ", ".join(str(p) for p in seen) if seen else "—"

            dated = document_date(a)
            dates = [self.p(dated)] if dated else []
            dates.append(Paragraph(markup(self.say("pdf.x_added_on", date=when(a.added_at) or "—")),
                                   self.s["small"]))
            row = len(data)
            data.append([
                [Paragraph(markup(annex.number, fonts.SANS_BOLD), self.s["cell"]),
                 Anchor([f"{OWN_PAGE}{annex.key}"], self.found)],
                [self.p(line) for line in lines],
                dates,
                [self.p(size_text(a.size, self.say("pdf.x_bytes")))],
                [self.late_p(page_text)],
            ])
            data.append(["", [Paragraph(markup(f"SHA-256: {a.sha256 or '—'}"), self.s["hash"])],
                         "", "", ""])
            commands += [("SPAN", (0, row), (0, row + 1)), ("SPAN", (1, row + 1), (4, row + 1)),
                         ("NOSPLIT", (0, row), (-1, row + 1)),
                         ("LINEBELOW", (1, row), (4, row), 0, colors.white)]
        widths = [12 * mm, 0.0, 32 * mm, 34 * mm, 14 * mm]
        # A column is at least as wide as the longest word of its heading ("Səhifə" was
        # cut into "Səhif" and "ə" in 14 mm); the document column takes the rest.
        size = float(self.s["label"].fontSize)
        for i in (0, 2, 3, 4):
            widest = fonts.widest_word(titles[i], size, fonts.SANS_BOLD)
            widths[i] = max(widths[i], widest + _CELL_PAD + 1)
        widths[1] = CONTENT_W - sum(widths)
        table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, hAlign="LEFT")
        table.setStyle([*grid_style(), ("BACKGROUND", (0, 0), (-1, 0), SHADE), *commands])
        out.append(table)
        return out
