"""The statement laid out once: the page count and the annex page references printed where
they belong without a second layout, and the account's numbered paragraphs as paragraphs
with a hanging number (no longer a table), read back in order.

Every statement built through ``built`` also passes the layout guard.
"""

from __future__ import annotations

import io
import re
from collections import Counter

import pypdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from testimony_app.domain.demo import demo_testimonies
from testimony_app.reports import fonts, statement
from testimony_app.reports.late import PAGES_KEY, Late, LatePass, Lookup
from testimony_app.reports.layout import EDGE_L, EDGE_R, NUMBER_GAP, NUMBER_W, NumberedCanvas
from testimony_app.reports.layout import styles as report_styles
from testkit.pdf_checks import built, label, word_boxes
from testkit.reports_samples import (
    AZ_PARAGRAPHS,
    full_testimony,
    long_testimony,
    norm,
    page_texts,
    request_for,
    rtl_testimony,
)


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the story was laid out, per statement built."""
    counted: list[int] = []
    render = statement._render

    def counting(*args: object, **kwargs: object) -> bytes:
        counted[-1] += 1
        return render(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(statement, "_render", counting)
    original = statement.build_statement

    def build(*args: object) -> bytes:
        counted.append(0)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(statement, "build_statement", build)
    return counted


def test_statements_are_laid_out_once(passes: list[int]) -> None:
    """The page count and the annex pages are drawn into places kept for them, not learned
    by a layout of the whole statement first."""
    for t in [full_testimony(), *demo_testimonies()[:3]]:
        for options in ({}, {"language": "az", "attestation": True},
                        {"language": "ru", "redacted": True}):
            statement.build_statement(t, request_for(t, **options))
    assert passes
    assert set(passes) == {1}


@pytest.mark.slow
def test_page_count_and_annex_pages_are_right_on_a_long_statement() -> None:
    """Sixty pages: the count has two digits where the statement of truth stands, and the
    annexes are referred to fifty pages after the narrative begins."""
    t = long_testimony(160, 10)
    t.narrative.translation = ""
    pages = page_texts(built(t, request_for(t)))
    text = " ".join(pages)
    assert len(pages) > 40
    assert f"which consists of {len(pages)} pages, are true" in text
    last = 0
    for number in range(1, len(t.attachments) + 1):
        match = re.search(rf"A{number} .*?(\d+(?:, \d+)*) SHA-256:", text)
        assert match is not None
        referred = [i for i, p in enumerate(pages, 1) if f"See annex A{number}." in p]
        assert referred
        assert [int(p) for p in match.group(1).split(", ")] == referred
        last = max(last, *referred)
    assert last > 40


def _doc(story: list[object], late: LatePass) -> bytes:
    """A bare document through the statement's canvas, with "X/Y" in every footer."""

    class Footer:
        def footer(self, canv: Canvas, page: int, pages: int) -> None:
            canv.setFont(fonts.SANS, 8)
            canv.drawString(40, 20, f"{page}/{pages}")

    def on_page(_canv: Canvas, doc: SimpleDocTemplate) -> None:
        late.page = doc.page

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(
        story, onFirstPage=on_page, onLaterPages=on_page,
        canvasmaker=lambda *a, **k: NumberedCanvas(*a, furniture=Footer(), late=late, **k))
    return out.getvalue()


def _count_story(late: LatePass, words: int, pages: int) -> list[object]:
    """A first page saying how many pages there are (with ``words`` words per page counted),
    then ``pages - 1`` more pages."""
    fonts.register()
    style = report_styles()["body"]

    def says(lookup: Lookup) -> Paragraph:
        count = lookup(PAGES_KEY)[0]
        return Paragraph(f"This document has {count} pages. " + "word " * (words * count),
                         style)

    more: list[object] = []
    for page in range(2, pages + 1):
        more += [PageBreak(), Paragraph(f"Page {page}.", style)]
    return [Late(says, late), *more]


def test_page_count_with_more_digits_than_the_guess_is_drawn_in_its_place() -> None:
    """Guessed on page 1 ("1"), the count is 12: the same one line holds it, so one pass
    prints the true count."""
    late = LatePass({}, {})
    pdf = _doc(_count_story(late, 0, 12), late)
    assert late.settled
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 12
    assert "This document has 12 pages." in reader.pages[0].extract_text()
    assert "1/12" in reader.pages[0].extract_text()


def test_words_that_outgrow_their_place_are_laid_out_again() -> None:
    """Guessed on page 1, the words fit one line; the true count makes them two lines,
    which the place kept cannot hold: nothing is written, and the next pass, knowing the
    count, prints it."""
    late = LatePass({}, {})
    assert _doc(_count_story(late, 2, 12), late) == b""
    assert not late.settled
    assert late.found[PAGES_KEY] == [12]
    again = LatePass(dict(late.found), {})
    pdf = _doc(_count_story(again, 2, 12), again)
    assert again.settled
    first = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "This document has 12 pages." in first
    assert norm(first).count("word") == 24


def _untranslated(paragraphs: int) -> tuple[bytes, list[str]]:
    t = full_testimony()
    text = [AZ_PARAGRAPHS[i % len(AZ_PARAGRAPHS)] for i in range(paragraphs)]
    t.narrative.text = "\n\n".join(text)
    t.narrative.translation = ""
    return built(t, request_for(t, language="az")), text


@pytest.mark.slow
def test_numbered_paragraphs_read_back_in_order_with_their_numbers_hanging() -> None:
    pdf, paragraphs = _untranslated(120)
    text = " ".join(page_texts(pdf))
    at = -1
    for i, paragraph in enumerate(paragraphs, 1):
        found = text.find(f"{i}. {norm(paragraph)}", at + 1)
        assert found > at, i
        at = found
    # The number stands at the left edge; the text, first line and the next, in its column
    # (on the pages that hold nothing but the account).
    numbers = {f"{i}." for i in range(1, len(paragraphs) + 1)}
    column = EDGE_L + NUMBER_W + NUMBER_GAP
    boxes = word_boxes(pdf)
    hanging = [w for w in boxes if w[5] in numbers and abs(w[1] - EDGE_L) < 0.5]
    assert len(hanging) >= len(paragraphs)
    per_page = Counter(w[0] for w in hanging)
    pages = sorted(page for page, count in per_page.items() if count > 5)[1:-1]
    assert len(pages) > 2
    words = [w for w in boxes if w[0] in pages and 100 < w[2] < 750 and w[5] not in numbers]
    assert words
    assert min(w[1] for w in words) > column - 0.5


@pytest.mark.slow
def test_a_paragraph_longer_than_a_page_says_cont_on_each_page_it_runs_on_to() -> None:
    t = long_testimony(160, 2)
    t.narrative.translation = ""
    for lang in ("en", "ru"):
        pages = page_texts(built(t, request_for(t, language=lang)))
        cont = norm(label("cont", lang))
        began = next(i for i, p in enumerate(pages) if "151. Uzun izahat" in p)
        goes_on = [i for i, p in enumerate(pages) if f"151. ({cont})" in p]
        assert goes_on
        assert goes_on == list(range(began + 1, goes_on[-1] + 1))
        # Read back, the label comes first on the page it stands on.
        assert all(pages[i].index(f"151. ({cont})") < pages[i].index("Uzun izahat")
                   for i in goes_on)


@pytest.mark.slow
def test_persian_numbers_hang_on_the_right() -> None:
    t = rtl_testimony("fa", 40, False)
    pdf = built(t, request_for(t, language="az"))
    numbers = {f"{i}." for i in range(1, 41)}
    boxes = word_boxes(pdf)
    right = [w for w in boxes if w[5] in numbers and abs(w[3] - EDGE_R) < 0.5]
    assert len(right) >= 40
    pages = {w[0] for w in right}
    persian = [w for w in boxes if w[0] in pages
               and any("\u0600" <= ch <= "\u06ff" for ch in w[5])]
    assert persian
    assert max(w[3] for w in persian) < EDGE_R - NUMBER_W
