"""Layout a court clerk would accept: declarations with their signatures, tables that say
where they go on, running headers that never overprint.

Every statement built here also passes the layout guard (``pdf_checks.guard``).
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from testimony_app.domain import model
from testimony_app.domain.demo import demo_testimonies
from testimony_app.reports import StatementRequest, build_statement
from testimony_app.reports.layout import MARGIN_TOP, PAGE_H
from testkit.pdf_checks import guard, label, runs, word_boxes
from testkit.reports_samples import (
    AZ_PARAGRAPHS,
    EN_PARAGRAPHS,
    full_testimony,
    long_testimony,
    norm,
    page_texts,
    request_for,
)

pytestmark = pytest.mark.slow  # long statements laid out in three languages (10-80 s each here)

_DECLARATIONS = (("s_truth", "sig_witness"), ("s_interpreter", "sig_interpreter"),
                 ("s_interviewer", "sig_interviewer"), ("s_attestation", "sig_attesting"))


def signature_problems(pages: list[str], lang: str) -> list[str]:
    """Declarations printed on another page than their signature block, and pages holding
    a signature block without the declaration it signs."""
    def t(key: str) -> str:
        return norm(label(key, lang))

    problems: list[str] = []
    for heading, role in _DECLARATIONS:
        block = f"{t(role)} {t('sig_name')}"
        on = [i for i, p in enumerate(pages, 1) if re.search(rf"\d+\. {re.escape(t(heading))}",
                                                             p)]
        signed = [i for i, p in enumerate(pages, 1) if block in p]
        if on != signed:
            problems.append(f"{heading}: declaration on pages {on}, signature on {signed}")
    for number, page in enumerate(pages, 1):
        blocks = page.count(f"{t('sig_signature')} {t('sig_date')}")
        headings = sum(1 for heading, _ in _DECLARATIONS
                       if re.search(rf"\d+\. {re.escape(t(heading))}", page))
        if blocks > headings:
            problems.append(f"page {number}: {blocks} signature blocks, {headings} declarations")
    return problems


def _build(t: model.Testimony, **options: object) -> tuple[bytes, StatementRequest]:
    request = request_for(t, **options)
    pdf = build_statement(t, request)
    guard(pdf, t, request)
    return pdf, request


@pytest.mark.parametrize("paragraphs", range(0, 12, 2))
def test_each_declaration_is_on_the_page_of_its_signature(paragraphs: int) -> None:
    """The closing moves down the pages as the account grows; wherever it lands, no
    declaration is parted from its signature block."""
    t = full_testimony()
    t.narrative.text = "\n\n".join((AZ_PARAGRAPHS * 3)[:paragraphs])
    t.narrative.translation = "\n\n".join((EN_PARAGRAPHS * 3)[:paragraphs])
    pdf, _ = _build(t, attestation=paragraphs % 3 == 0)
    assert signature_problems(page_texts(pdf), "en") == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_demo_statements_keep_declarations_with_their_signatures(lang: str) -> None:
    for t in demo_testimonies():
        for redacted in (False, True):
            pdf, _ = _build(t, language=lang, redacted=redacted)
            assert signature_problems(page_texts(pdf), lang) == [], (t.title, redacted)


def _story_runs(pdf: bytes) -> dict[int, list[tuple[float, str]]]:
    """Per page, the (y, text) of every run below the running header, top first."""
    out: dict[int, list[tuple[float, str]]] = {}
    for r in runs(pdf):
        if not r.rotated and r.y < PAGE_H - MARGIN_TOP:
            out.setdefault(r.page, []).append((r.y, r.text))
    return {p: sorted(v, key=lambda item: -item[0]) for p, v in out.items()}


def test_table_header_repeats_only_at_the_top_of_a_page() -> None:
    """Beside a translation, the header row "No. | Original | Translation" is printed at
    the top of each page the table runs on to, never in the middle of a page above a cut
    row."""
    t = long_testimony(160, 3)
    pdf, _ = _build(t)
    header = norm(label("n_original", "en", language="Azerbaijani"))
    start = None
    for page, items in sorted(_story_runs(pdf).items()):
        at = [i for i, (_y, text) in enumerate(items) if norm(text) == header]
        assert len(at) <= 1, f"page {page}: header printed {len(at)} times"
        if not at:
            continue
        if start is None:
            start = page  # the page where the table begins, under its section heading
            continue
        # On the pages it runs on to, the header is the first line of the page.
        assert at[0] == 0 or items[0][0] - items[at[0]][0] < 2, \
            f"page {page}: header in the middle of the page"
    assert start is not None


def test_split_rows_say_cont_with_their_number_or_label() -> None:
    t = long_testimony(160, 10)
    pdf, _ = _build(t)
    pages = page_texts(pdf)
    text = " ".join(pages)
    # Paragraph 151 is longer than a page: the next page goes on with "151. (cont.)".
    assert "151. (cont.)" in text
    continued = [p for p in pages if re.search(r"\d+\. \(cont\.\)", p)]
    assert continued
    for page in continued:
        number = re.search(r"(\d+)\. \(cont\.\)", page)
        assert number is not None
    # Act 8 has a description longer than a page: its table goes on under "Act 8 (cont.)",
    # with the cut row's label repeated.
    assert "Act 8 (cont.)" in text
    assert "Description (cont.)" in text
    # Only the pieces on the following pages say so: where the table begins, it does not.
    first = next(p for p in pages if "Act 8" in p)
    assert "Act 8 Date" in first
    assert "Act 8 (cont.)" not in first


def test_split_rows_say_cont_in_russian_and_azerbaijani() -> None:
    t = long_testimony(160, 2)
    for lang, word in (("ru", "прод."), ("az", "davamı")):
        text = " ".join(page_texts(_build(t, language=lang)[0]))
        # pypdf puts a space where a word changes font subset ("dava mı"): allow it.
        spaced = r"\s?".join(map(re.escape, word))
        assert re.search(rf"151\. \({spaced}\s?\)", text), lang


def _header_boxes(pdf: bytes) -> dict[int, list[tuple[float, float, float, float, str]]]:
    out: dict[int, list[tuple[float, float, float, float, str]]] = {}
    for page, x0, y0, x1, y1, word in word_boxes(pdf):
        if y1 < MARGIN_TOP:  # poppler measures y from the top of the page
            out.setdefault(page, []).append((x0, y0, x1, y1, word))
    return out


def _overlaps(boxes: list[tuple[float, float, float, float, str]]) -> list[str]:
    found = []
    for i, (ax0, ay0, ax1, ay1, a) in enumerate(boxes):
        for bx0, by0, bx1, by1, b in boxes[i + 1:]:
            if ax0 < bx1 - 0.5 and bx0 < ax1 - 0.5 and ay0 < by1 - 0.5 and by0 < ay1 - 0.5:
                found.append(f"{a!r} overlaps {b!r}")
    return found


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_running_header_never_overprints_the_record_id(lang: str) -> None:
    """With every flag (fictional, redacted, draft) and a full UUID, the flags move to a
    line of their own rather than overprint the record id (Russian once did)."""
    t = full_testimony()
    t.id = "0f8fad5b-d9cb-469f-a165-70867728950e"
    t.narrative.translation = ""
    for redacted in (False, True):
        for sealed in (False, True):
            request = dataclasses.replace(request_for(t, language=lang, redacted=redacted,
                                                      sealed=sealed), record_id=t.id)
            pdf = build_statement(t, request)
            guard(pdf, t, request)
            boxes = _header_boxes(pdf)
            assert boxes
            for page, items in boxes.items():
                assert _overlaps(items) == [], (page, redacted, sealed)
            header = " ".join(w for *_, w in boxes[1])
            assert t.id in header


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_declaration_headings_cannot_be_taken_for_one_another(lang: str) -> None:
    headings = [norm(label(key, lang)) for key, _ in _DECLARATIONS]
    for a in headings:
        for b in headings:
            assert a == b or not b.startswith(a), (a, b)
