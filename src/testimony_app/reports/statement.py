"""The witness statement: a testimony in, the bytes of a PDF out.

The statement is what a lawyer files, so its layout follows what a court clerk checks rather
than what is convenient to draw: numbered sections and paragraphs that can be cited, every
page numbered "X of Y" and initialled by the witness (and the interpreter, when there is
one), the record's identity and content hash on every page (so a loose page can be matched
to its record), annexes in a numbered chronological list with their hashes and the pages
that refer to them (ECtHR Rule 47), and the closing declarations, each on one page with its
signature block (Istanbul Protocol Annex IV §XIV–XVI).

Everything is built in memory; nothing here touches the disk. ``invariant=1`` and no clock
make the same testimony and request give the same bytes, so a statement can be re-created
and its hash compared years later. A sealed statement is archival PDF/A-1b
(:mod:`~testimony_app.reports.pdfa`); a draft is plain PDF with a watermark.

Page references are real page numbers: the page on which each annex reference falls (and
the number of pages, which the statement of truth names) is recorded as the story is drawn,
and the words that print them are drawn last, into places kept for them
(:mod:`~testimony_app.reports.late`); the story is laid out once, and again only when
those words need more room than was kept.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from testimony_app.domain.model import Testimony
from testimony_app.reports import fonts, pdfa
from testimony_app.reports.annexes import annexes_of
from testimony_app.reports.declarations import closing
from testimony_app.reports.keep import keep_headings
from testimony_app.reports.late import LatePass
from testimony_app.reports.layout import (
    ALERT,
    EDGE_L,
    EDGE_R,
    GREY,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    RULE,
    NumberedCanvas,
    draw_text,
)
from testimony_app.reports.redaction import redact_with_hits
from testimony_app.reports.request import StatementRequest
from testimony_app.reports.sections import StoryBuilder
from testimony_app.reports.timeformat import when
from testimony_app.words import LANGUAGES, Message, Param, text

__all__ = ["StatementRequest", "build_statement", "when"]

_HEADER_SIZE = 7.5
_PASSES = 5  # layout passes at most; the last prints what it has
_BOX_W, _BOX_H, _BOX_GAP = 26 * mm, 15 * mm, 2 * mm


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
    interpreter: bool

    def say(self, code: str, **values: Param) -> str:
        """The words of ``code`` (reports catalogue) in the statement's language."""
        return text(Message(code, **values), self.lang)

    @functools.cached_property
    def _header(self) -> tuple[str, str, float, float, float]:
        """The running header, the same on every page: its text, the flags (fictional,
        redacted, draft), their width, and where both go. The flags go on a line of their
        own when they would otherwise run into the record id."""
        left = f"{self.say('pdf.doc_title')} · {self.say('pdf.record_id')} {self.record_id}"
        flags = []
        if self.fictional:
            flags.append(self.say("pdf.fictional_notice").split(":")[0])
        if self.redacted:
            flags.append(self.say("pdf.redacted"))
        if self.draft:
            flags.append(self.say("pdf.draft_watermark"))
        text = " · ".join(flags)
        room = EDGE_R - EDGE_L
        left_w = fonts.text_width(left, _HEADER_SIZE)
        flags_w = fonts.text_width(text, _HEADER_SIZE, fonts.SANS_BOLD) if flags else 0.0
        two_lines = bool(flags) and left_w + 3 * mm + flags_w > room
        y = PAGE_H - (10 * mm if two_lines else 12 * mm)
        return left, text, flags_w, y, y - 9 if two_lines else y

    def header(self, canv: Canvas, _doc: Any) -> None:
        """Running header: which statement this page belongs to, if it is separated."""
        left, flags, flags_w, y, flag_y = self._header
        canv.saveState()
        canv.setFillColor(GREY)
        draw_text(canv, EDGE_L, y, left, _HEADER_SIZE)
        if flags:
            canv.setFillColor(ALERT)
            draw_text(canv, EDGE_R - flags_w, flag_y, flags, _HEADER_SIZE, fonts.SANS_BOLD)
            y = flag_y
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(EDGE_L, y - 4, EDGE_R, y - 4)
        canv.restoreState()

    @functools.cached_property
    def _footer(self) -> tuple[str, str, float, list[tuple[str, float]], float]:
        """What the footer says on every page: the record line, the hash line and its size,
        the initials boxes' labels and sizes, and where the boxes begin. The words are
        fitted once per statement, not once per page."""
        record = self.say("pdf.footer_record", record=self.record_id, version=self.version)
        boxes = [self.say("pdf.initials")]
        if self.interpreter:
            boxes.append(self.say("pdf.interpreter_initials"))
        box_left = EDGE_R - len(boxes) * _BOX_W - (len(boxes) - 1) * _BOX_GAP
        sha = f"SHA-256: {self.sha256 or '—'}"
        room = box_left - 3 * mm - EDGE_L
        size = 7.0
        while size > 5 and fonts.text_width(sha, size) > room:
            size -= 0.25
        labels = []
        for words in boxes:
            label_size = 6.0
            while label_size > 4.5 and fonts.text_width(words, label_size) > _BOX_W - 4:
                label_size -= 0.25
            labels.append((words, label_size))
        return record, sha, size, labels, box_left

    def footer(self, canv: Canvas, page: int, pages: int) -> None:
        """Page X of Y, record and hash, the initials boxes; and the watermark of a draft."""
        record, sha, sha_size, labels, box_left = self._footer
        canv.saveState()
        top = MARGIN_BOTTOM - 6 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(EDGE_L, top, EDGE_R, top)
        box_y = top - 3 * mm - _BOX_H
        canv.setFillColor(INK)
        draw_text(canv, EDGE_L, top - 5 * mm, self.say("pdf.page_of", page=page, pages=pages),
                  9, fonts.SANS_BOLD)
        canv.setFillColor(GREY)
        draw_text(canv, EDGE_L, top - 9 * mm, record, 7.5)
        draw_text(canv, EDGE_L, top - 12.5 * mm, sha, sha_size)
        canv.setStrokeColor(GREY)
        canv.setLineWidth(0.7)
        for i, (words, label_size) in enumerate(labels):
            x = box_left + i * (_BOX_W + _BOX_GAP)
            canv.rect(x, box_y, _BOX_W, _BOX_H, stroke=1, fill=0)
            draw_text(canv, x + 2, box_y + _BOX_H - 7, words, label_size)
        if self.draft:
            canv.setFillColor(ALERT)
            canv.setFillAlpha(0.13)
            canv.translate(PAGE_W / 2, PAGE_H / 2)
            canv.rotate(50)
            word = self.say("pdf.draft_watermark")
            size = min(110.0, 0.9 * PAGE_H / max(fonts.text_width(word, 1, fonts.SANS_BOLD), 1))
            draw_text(canv, -fonts.text_width(word, size, fonts.SANS_BOLD) / 2, -size / 3,
                      word, size, fonts.SANS_BOLD)
        canv.restoreState()


def build_statement(testimony: Testimony, request: StatementRequest) -> bytes:
    """The statement for ``testimony`` as PDF bytes; identical input gives identical bytes.

    These are the unsigned bytes: a signature, if any, is added after them as an
    incremental update, so this SHA-256 still identifies the statement.
    """
    fonts.register()
    lang = request.language if request.language in LANGUAGES else "en"
    author = testimony.interview.interviewer_organisation
    if request.redacted:
        pseudonym = testimony.witness.pseudonym or text(Message("pdf.witness_placeholder"), lang)
        placeholder = text(Message("pdf.redacted"), lang)
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
        fictional=testimony.fictional, interpreter=bool(shown.interview.interpreter),
    )
    info = _document_info(shown, request, lang, author)
    known: dict[str, list[int]] = {}
    pdf = b""
    for attempt in range(_PASSES):
        builder = StoryBuilder(shown, request, lang, known)
        builder.late.last = attempt == _PASSES - 1
        pdf = _render(_story(builder), furniture, info, request, builder.late)
        if builder.late.settled:
            break
        # The words that depend on the pages did not fit their places: lay out again,
        # knowing them (the pass after it almost always settles).
        known = builder.found
    if request.sealed:
        pdf = pdfa.end_streams_with_eol(pdf)
    return pdf


def _story(b: StoryBuilder) -> list[Flowable]:
    annexes = annexes_of(b.record.attachments)
    return keep_headings([
        *b.title_block(),
        *b.interview(annexes),
        *b.consent(),
        *b.witness(),
        *b.narrative(),
        *b.detention(annexes),
        *b.acts(),
        *b.effects(annexes),
        *b.annex_list(annexes),
        *closing(b),
    ])


def _document_info(t: Testimony, request: StatementRequest, lang: str,
                   author: str) -> pdfa.DocumentInfo:
    """Document properties: never the witness's name (a file manager shows them to anyone
    who sees the file), and in the redacted variant only redacted text."""
    title = text(Message("pdf.doc_title"), lang)
    if request.redacted:
        title += f" ({text(Message('pdf.redacted'), lang)})"
    version = text(Message("pdf.version"), lang)
    title += f" · {request.record_id or t.id} · {version} {request.version}"
    keywords = f"{request.record_id or t.id} v{request.version} {request.content_sha256}"
    if request.redacted and not request.review.empty:
        # Which review made these bytes: the same choices rebuild the same file.
        keywords += f" review {request.review.sha256()[:16]}"
    return pdfa.DocumentInfo(
        title=title,
        author=author,
        subject=text(Message("pdf.doc_title"), lang),
        keywords=keywords,
        lang=lang,
    )


def _identity(request: StatementRequest, lang: str) -> str:
    """What distinguishes one statement from another, for the file identifier."""
    r = request
    review = r.review.sha256() if r.redacted and not r.review.empty else ""
    return "\n".join(str(x) for x in (r.record_id, r.version, r.content_sha256, r.sealed,
                                      r.sealed_at, lang, r.redacted, r.attestation,
                                      r.amendment_reason, r.previous_sha256, review))


def _render(story: list[Flowable], furniture: _Furniture, info: pdfa.DocumentInfo,
            request: StatementRequest, late: LatePass) -> bytes:
    """The PDF of ``story``, or ``b""`` if the words that depend on its pages did not fit
    the places they kept (``late.settled`` says which)."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, creator=info.creator,
        producer=info.producer, lang=furniture.lang, title=info.title, author=info.author,
        subject=info.subject, keywords=info.keywords,
    )

    def finish(canv: Canvas, count: int) -> None:
        pdfa.finish(canv, info, identity=_identity(request, furniture.lang),
                    sealed_at=request.sealed_at, archival=request.sealed)

    def on_page(canv: Canvas, page_doc: Any) -> None:
        late.page = page_doc.page
        furniture.header(canv, page_doc)

    canvasmaker: Callable[..., Canvas] = functools.partial(
        NumberedCanvas, furniture=furniture, finish=finish, late=late)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=canvasmaker)
    return out.getvalue()
