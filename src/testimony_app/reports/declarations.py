"""The closing declarations, each kept on one page with the signature block that signs it.

A declaration on one page and its signature on the next, or a last page that holds a
signature and nothing else, invites a page to be detached and put with another document; so
each declaration, its heading and its signature block move to a new page together.

* The witness's statement of truth names the number of pages and the language the statement
  was read back in (ICTY Rule 92 bis(B), ICC Rule 68(2)(b) practice), and is printed in the
  witness's own language as well when that is not the statement's: a witness should not
  sign a declaration only in a language they do not read.
* The interpreter's certificate and the interviewer's declaration (Istanbul Protocol
  Annex IV §XIV–XVI) follow, each with its block.
* An attestation block, when asked for, lets an authorised person (a notary, a court or
  consular official) attest that the witness declared the statement true and signed it in
  their presence, which is what *Orić* found missing in a Rule 92 bis statement.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from testimony_app.domain import vocabularies
from testimony_app.reports import fonts
from testimony_app.reports.late import PAGES_KEY, Lookup
from testimony_app.reports.layout import CONTENT_W, GREY, RULE, SHADE, font_style
from testimony_app.reports.sections import StoryBuilder
from testimony_app.reports.text import is_rtl, markup
from testimony_app.reports.witness_truth import WITNESS_TRUTH
from testimony_app.words import LANGUAGES, Message, text

BLANK = "______________________"
_PAD_X, _PAD_Y = 5, 3  # a signature block's cell padding (points)


def closing(b: StoryBuilder) -> list[Flowable]:
    """The declarations and their signature blocks, in the order they are signed."""
    t = b.record
    iv, w = t.interview, t.witness
    name = w.name or b.pseudonym()
    spoken = iv.language
    language = b.vocab("languages", spoken) or "—"
    out: list[Flowable] = []

    truth: list[Flowable] = [b.late_p(
        lambda pages: b.say("pdf.truth_text", name=name, pages=_count(pages),
                            language=language), "declaration")]
    truth += _in_witness_language(b, spoken, name)
    out.append(_kept(b, "pdf.s_truth", truth, signature_block(b, "pdf.sig_witness", name)))

    if iv.interpreter:
        pair_codes = [spoken, iv.translation_language or t.narrative.translation_language]
        pair = " – ".join(b.vocab("languages", c) for c in pair_codes if c) or "—"
        said = b.say("pdf.interpreter_text", interpreter=iv.interpreter, language=language,
                     pair=pair)
        out.append(_kept(b, "pdf.s_interpreter", [b.p(said, "declaration")],
                         signature_block(b, "pdf.sig_interpreter", iv.interpreter)))

    org = (b.say("pdf.interviewer_org", organisation=iv.interviewer_organisation)
           if iv.interviewer_organisation else "")
    said = b.say("pdf.interviewer_text", interviewer=iv.interviewer or BLANK, organisation=org,
                 date=iv.date or BLANK, place=iv.place or BLANK)
    out.append(_kept(b, "pdf.s_interviewer", [b.p(said, "declaration")],
                     signature_block(b, "pdf.sig_interviewer", iv.interviewer)))

    if b.request.attestation:
        attested = b.late_p(lambda pages: b.say("pdf.attestation_text", name=name,
                                                  pages=_count(pages)), "declaration")
        out.append(_kept(b, "pdf.s_attestation", [attested],
                         signature_block(b, "pdf.sig_attesting", "", attesting=True)))
    return out


def _count(pages: Lookup) -> str:
    """The number of pages, as the declarations print it."""
    seen = pages(PAGES_KEY)
    return str(seen[0]) if seen else "—"


def _kept(b: StoryBuilder, code: str, body: list[Flowable], block: Flowable) -> Flowable:
    """A numbered heading, the declaration and its signature block, never apart."""
    b.section_no += 1
    return KeepTogether([b.numbered_heading(code), *body, Spacer(1, 6), block])


def _in_witness_language(b: StoryBuilder, code: str, name: str) -> list[Flowable]:
    """The statement of truth again in the language the witness spoke, when that is not the
    statement's; where we have no written text in that language, a line says it was
    translated orally."""
    if not code or code == b.lang:
        return []
    said: Callable[[Lookup], str]
    if code in LANGUAGES:
        own_name = vocabularies.label("languages", code, code)

        def said(pages: Lookup) -> str:
            return text(Message("pdf.truth_text", name=name, pages=_count(pages),
                                language=own_name), code)
    elif code in WITNESS_TRUTH:
        own_name, template = WITNESS_TRUTH[code]

        def said(pages: Lookup) -> str:
            return template.format(name=name, pages=_count(pages), language=own_name)
    else:
        language = b.vocab("languages", code) or code
        return [b.p(b.say("pdf.truth_oral", language=language), "note")]
    # A right-to-left language's name heads its text on the right, its colon on the left.
    heading: Flowable = (b.p(f"{own_name}:", "label") if is_rtl(own_name)
                         else Paragraph(markup(f"{own_name}:", fonts.SANS_BOLD), b.s["label"]))
    return [heading, Spacer(1, 2), b.late_p(said, "declaration")]


def signature_block(b: StoryBuilder, role: str, name: str, *,
                    attesting: bool = False) -> Flowable:
    """Name printed, and ruled lines for signature, date and place (and, for an attesting
    official, position, the identity document seen, and room for a stamp)."""
    lab = b.s["label"]

    def cell(code: str) -> Paragraph:
        words = b.say(code)
        label = Paragraph(markup(words, fonts.SANS_BOLD), lab)
        label.words = words
        return label

    rows: list[list[Any]] = [
        [Paragraph(markup(b.say(role), fonts.SANS_BOLD), b.s["tabletitle"]), "", "", ""],
        [cell("pdf.sig_name"), b.p(name or ""), "", ""],
    ]
    heights: list[float | None] = [None, 24]
    if attesting:
        rows += [[cell("pdf.sig_position"), "", "", ""],
                 [cell("pdf.sig_identity_seen"), "", "", ""]]
        heights += [24, 24]
    rows += [[cell("pdf.sig_signature"), "", "", ""],
             [cell("pdf.sig_date"), "", cell("pdf.sig_place"), ""]]
    heights += [36, 28]
    if attesting:
        rows.append([cell("pdf.sig_stamp"), "", "", ""])
        heights.append(60)
    rows.append(["", "", "", ""])
    heights.append(8)
    last = len(rows) - 1
    date_row = last - 2 if attesting else last - 1
    # The labels' column is wide enough for the longest word of its labels: a word cut in
    # two ("Предъявленны-й") is not what a clerk accepts either.
    longest = max((fonts.widest_word(row[0].words, float(lab.fontSize), fonts.SANS_BOLD)
                   for row in rows[1:] if hasattr(row[0], "words")), default=0.0)
    label_w = max(30 * mm, longest + 2 * _PAD_X + 1)
    widths = [label_w, 90 * mm - label_w, 20 * mm, CONTENT_W - 110 * mm]
    heights = _room_for_words(rows, heights, widths, date_row)
    table = Table(rows, colWidths=widths, rowHeights=heights, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        *font_style(),
        ("SPAN", (0, 0), (-1, 0)),
        ("VALIGN", (0, 1), (-1, -1), "BOTTOM"),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), _PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD_Y),
        ("LINEBELOW", (1, date_row), (1, date_row), 0.6, GREY),
        ("LINEBELOW", (3, date_row), (3, date_row), 0.6, GREY),
    ]
    stamp_row = last - 1 if attesting else -1
    for row in range(1, last):
        if row not in (date_row, stamp_row):
            commands += [("SPAN", (1, row), (-1, row)),
                         ("LINEBELOW", (1, row), (-1, row), 0.6, GREY)]
    if attesting:
        commands.append(("BOX", (1, stamp_row), (1, stamp_row), 0.6, GREY))
    table.setStyle(TableStyle(commands))
    return table


def _room_for_words(rows: list[list[Any]], heights: list[float | None], widths: list[float],
                    date_row: int) -> list[float | None]:
    """Each row's height: the room to sign or write in, or more when its words need it.

    The rows have fixed heights (the room to write is the point of them), and ReportLab
    draws a cell's words bottom-aligned whatever their height: a label that wraps onto more
    lines than its row holds ("Yoxlanılmış şəxsiyyət sənədi" in a 30 mm column, three lines
    in 24 points) ran up over the label of the row above. So a row grows to hold its
    longest cell, the label wrapped in its own column and a name across the row."""
    out = list(heights)
    for r, row in enumerate(rows):
        if heights[r] is None:
            continue
        spans = ([widths[0], widths[1], widths[2], widths[3]] if r == date_row
                 else [widths[0], sum(widths[1:])])
        need = 0.0
        for cell, width in zip(row, spans, strict=False):
            if isinstance(cell, Flowable):
                need = max(need, cell.wrap(width - 2 * _PAD_X, 1e6)[1] + 2 * _PAD_Y)
        out[r] = max(float(heights[r] or 0), need)
    return out
