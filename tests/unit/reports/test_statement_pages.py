"""Pages a lawyer would file: no heading alone at the foot of a page, no label printed over
itself, no word cut in two in a column heading, no empty "(cont.)" row, and a file qpdf
finds sound.

The statements of the slow tests here also pass the layout guard (``pdf_checks.guard``),
which now looks for words drawn over one another and runs ``qpdf --check``; so does every
statement the other report tests build.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass
from typing import Any

import pypdf
import pytest
from reportlab.platypus import Flowable, PageBreak

from testimony_app.domain import model
from testimony_app.domain.demo import demo_testimonies
from testimony_app.reports import StatementRequest, build_statement, statement
from testimony_app.reports.keep import HeadWithStart
from testimony_app.reports.layout import CONTENT_W, EDGE_L, MARGIN_BOTTOM, MARGIN_TOP, PAGE_H
from testimony_app.reports.sections import StoryBuilder
from testkit.pdf_checks import (
    guard,
    label,
    overprinted,
    qpdf_check,
    qpdf_missing,
    word_boxes,
    words,
)
from testkit.reports_samples import (
    AZ_PARAGRAPHS,
    EN_PARAGRAPHS,
    full_testimony,
    norm,
    request_for,
    rtl_testimony,
)

_SECTIONS = ("s_interview", "s_consent", "s_witness", "s_narrative", "s_detention", "s_acts",
             "s_effects", "s_annexes", "s_truth", "s_interpreter", "s_interviewer",
             "s_attestation")


def _build(t: model.Testimony, guarded: bool = False,
           **options: object) -> tuple[bytes, StatementRequest]:
    """The statement; with ``guarded``, also through the whole layout guard (slower: the
    quick tests here look only at what they test)."""
    request = request_for(t, **options)
    pdf = build_statement(t, request)
    if guarded:
        guard(pdf, t, request)
    return pdf, request


@dataclass(frozen=True)
class _Line:
    page: int
    y: float
    x: float
    text: str
    font: str


def _story(pdf: bytes) -> list[_Line]:
    """The story's runs in reading order (page, top down), without header and footer,
    each with its font."""
    found: list[_Line] = []
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, 1):
        def visit(text: str, cm: list[float], tm: list[float], font: Any, _size: object,
                  number: int = number) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            rotated = abs(cm[1]) > 1e-6 or abs(tm[1]) > 1e-6
            if text.strip() and not rotated and MARGIN_BOTTOM <= y <= PAGE_H - MARGIN_TOP:
                name = str(font.get("/BaseFont", "")) if font else ""
                found.append(_Line(number, y, x, norm(text), name))
        page.extract_text(visitor_text=visit)
    return sorted(found, key=lambda r: (r.page, -round(r.y, 1), r.x))


def orphaned_headings(pdf: bytes, lang: str) -> list[str]:
    """Headings printed on another page than the first line of what they head (the notes
    that introduce a section, in italics, and a subheading are not that first line)."""
    titles = [norm(label(code, lang)) for code in _SECTIONS]
    subheading = norm(label("a_summary", lang))
    story = _story(pdf)
    problems = []
    for i, run in enumerate(story):
        m = re.fullmatch(r"(\d+)\. (.+)", run.text)
        if not m or "Bold" not in run.font:
            continue
        title = next((t for t in titles if t.startswith(m.group(2))), "")
        if not title:
            continue
        for after in story[i + 1:]:
            if ("Oblique" in after.font or after.text == subheading
                    or ("Bold" in after.font and after.page == run.page
                        and after.text in title)):
                continue
            if after.page != run.page:
                problems.append(f"{run.text!r} on page {run.page}, its first line "
                                f"{after.text[:30]!r} on page {after.page}")
            break
        else:
            problems.append(f"{run.text!r} heads nothing")
    return problems


def _page_of(pdf: bytes, text: str) -> list[int]:
    return [r.page for r in _story(pdf) if r.text == text]


# --------------------------------------------------------------------------- headings


def test_the_annex_list_starts_on_the_page_of_its_heading() -> None:
    """The full Azerbaijani statement with an attestation used to end page 5 with "8.
    Əlavələr" and its note, and begin the annex table on page 6."""
    pdf, _ = _build(full_testimony(), language="az", attestation=True)
    heading = [r for r in _story(pdf) if r.text.endswith(norm(label("s_annexes", "az")))]
    assert len(heading) == 1
    assert _page_of(pdf, "A1") == [heading[0].page]
    assert orphaned_headings(pdf, "az") == []


def test_the_account_starts_on_the_page_of_its_heading() -> None:
    """The full English statement used to end page 2 with "4. Statement of the witness in
    their own words" and its note, the table of paragraphs beginning on page 3."""
    pdf, _ = _build(full_testimony(), language="en")
    assert orphaned_headings(pdf, "en") == []


def test_the_orphan_check_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """A heading drawn at the foot of a page, its content on the next, is found."""
    real = statement._story

    def broken(b: StoryBuilder) -> list[Flowable]:
        # The heading groups undone, and a page break after the annex list's heading.
        flat: list[Flowable] = []
        for f in real(b):
            flat += f._content if isinstance(f, HeadWithStart) else [f]
        at = next(i for i, f in enumerate(flat)
                  if norm(getattr(f, "text", "")).endswith(norm(label("s_annexes", "en"))))
        return [*flat[:at + 1], PageBreak(), *flat[at + 1:]]

    monkeypatch.setattr(statement, "_story", broken)
    t = full_testimony()
    pdf = build_statement(t, request_for(t, language="en"))
    assert any("8." in p for p in orphaned_headings(pdf, "en"))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["az", "ru", "en"])
def test_no_heading_ends_a_page_as_the_account_grows(lang: str) -> None:
    """The sections move down the pages one paragraph at a time; wherever a heading lands,
    the first line of its section is on its page."""
    for paragraphs in range(0, 14):
        t = full_testimony()
        t.narrative.text = "\n\n".join((AZ_PARAGRAPHS * 4)[:paragraphs])
        t.narrative.translation = "\n\n".join((EN_PARAGRAPHS * 4)[:paragraphs])
        pdf, _ = _build(t, True, language=lang, attestation=paragraphs % 2 == 0)
        assert orphaned_headings(pdf, lang) == [], paragraphs


@pytest.mark.slow
@pytest.mark.parametrize(("script", "translated"), [("fa", False), ("ar", True)])
def test_no_heading_ends_a_page_right_to_left(script: str, translated: bool) -> None:
    for paragraphs in range(1, 16, 2):
        t = rtl_testimony(script, paragraphs, translated)
        pdf, _ = _build(t, True, language="ru", attestation=True)
        assert orphaned_headings(pdf, "ru") == [], paragraphs


# --------------------------------------------------------------------------- signature block


_LABELS = ("sig_name", "sig_position", "sig_identity_seen", "sig_signature", "sig_date",
           "sig_stamp")


@pytest.mark.parametrize(("lang", "script"), [("az", ""), ("ru", ""), ("en", ""),
                                              ("ru", "fa")], ids=["az", "ru", "en", "persian"])
def test_attestation_labels_wrap_inside_their_column(lang: str, script: str) -> None:
    """"Yoxlanılmış şəxsiyyət sənədi" took three lines in a row of two and ran up over
    "Vəzifəsi, səlahiyyəti"; "Предъявленный" was cut into "Предъявленны" and "й"."""
    t = rtl_testimony(script, 6) if script else full_testimony()
    pdf, _ = _build(t, language=lang, attestation=True)
    last = max(b[0] for b in word_boxes(pdf))
    boxes = [b for b in word_boxes(pdf) if b[0] == last]
    place = [b for b in boxes if b[5] == label("sig_place", lang)]
    assert place, "the attestation block is on the last page"
    column_end = min(b[1] for b in place)
    wanted = {w for code in _LABELS for w in label(code, lang).split()}
    mine = [b for b in boxes if b[5] in wanted and b[3] <= column_end + 1]
    assert wanted <= {b[5] for b in mine}, "every word of every label, whole"
    assert overprinted(mine) == []
    lines = sorted({(round(b[2], 1), round(b[4], 1)) for b in mine})
    for (top, bottom), (next_top, _) in itertools.pairwise(lines):
        assert next_top >= bottom - 0.5, f"lines at {top}-{bottom} and {next_top} overlap"


def test_overprint_check_can_fail() -> None:
    """Two words drawn over one another are found; two lines of a tall Arabic font that
    touch are not."""
    over = [(1, 70.0, 430.0, 110.0, 440.0, "səlahiyyəti"),
            (1, 71.0, 431.0, 120.0, 441.0, "Yoxlanılmış")]
    assert overprinted(over)
    touching = [(1, 70.0, 100.0, 110.0, 118.0, "مرا"), (1, 70.0, 114.0, 110.0, 132.0, "در")]
    assert overprinted(touching) == []


# --------------------------------------------------------------------------- tables


@pytest.mark.parametrize("lang", ["az", "ru", "en"])
def test_annex_list_column_headings_are_whole_words(lang: str) -> None:
    """"Səhifə" no longer breaks into "Səhif" and "ə" in the page column."""
    pdf, _ = _build(full_testimony(), language=lang)
    # Not the footers, which say "Səhifə 1 / 7".
    found = {w for _page, _x0, y0, _x1, _y1, box in word_boxes(pdf)
             if MARGIN_TOP < y0 < PAGE_H - MARGIN_BOTTOM for w in words(box)}
    for code in ("x_no", "x_item", "x_date", "x_size", "x_page"):
        for word in words(label(code, lang)):
            assert word in found, (code, word)


def test_a_row_cut_at_its_end_leaves_no_empty_cont_row() -> None:
    """Demo record 5 in English cut "Alleged perpetrators" below its last line: the next
    page began with an empty row saying "(cont.)", its label run down over the next
    row's. Each "(cont.)" now heads some of its row's text."""
    t = demo_testimonies()[4]
    pdf, _ = _build(t, language="en")
    story = _story(pdf)
    value_x = EDGE_L + 0.32 * CONTENT_W
    conts = [r for r in story if r.text == "(cont.)" and r.x < value_x]
    assert conts
    for cont in conts:
        beside = [r for r in story if r.page == cont.page and r.x > value_x
                  and 0 <= r.y - cont.y < 20]
        assert beside, f"page {cont.page}: an empty row says (cont.)"


# --------------------------------------------------------------------------- qpdf


@pytest.mark.skipif(bool(qpdf_missing()), reason=qpdf_missing() or "ready")
@pytest.mark.parametrize(("lang", "script", "sealed"),
                         [("az", "", True), ("ru", "", False), ("en", "", True),
                          ("en", "fa", True), ("ru", "ar", False)],
                         ids=["az", "ru-draft", "en", "persian", "arabic-draft"])
def test_qpdf_finds_nothing_wrong(lang: str, script: str, sealed: bool) -> None:
    t = rtl_testimony(script, 8, translated=True) if script else full_testimony()
    request = request_for(t, language=lang, sealed=sealed, attestation=True)
    assert qpdf_check(build_statement(t, request)) == []


@pytest.mark.skipif(bool(qpdf_missing()), reason=qpdf_missing() or "ready")
def test_qpdf_check_can_fail() -> None:
    """A statement whose cross-reference table is not where the trailer says is found."""
    t = full_testimony()
    pdf = build_statement(t, request_for(t, language="en"))
    start = pdf.rindex(b"startxref")
    broken = pdf[:start] + re.sub(rb"\d+", b"1234", pdf[start:], count=1)
    assert qpdf_check(broken)
