"""Persian and Arabic narratives, alone and beside a translation, in every label language.

Each statement goes through the layout guard (``pdf_checks.guard``): it must build, keep
every glyph inside the frame and off the footer band, and hold each word of the narrative as
often as the record does. Twelve long Persian paragraphs once made ``pdf`` exit 70 in every
language; in the languages where it printed, lines ran over the footer and a paragraph was
drawn 2,590 pt below the sheet.
"""

from __future__ import annotations

import re

import pytest

from testimony_app.reports import build_statement
from testimony_app.reports.fonts import is_arabic_script
from testkit.pdf_checks import clean, guard, pdftotext
from testkit.reports_samples import request_for, rtl_paragraph, rtl_testimony

# Every label language in `make test`; the quick loop (`make check`) keeps Russian, Cyrillic
# labels beside the Arabic script, as each case takes about a second to build and read back.
LANGS = (pytest.param("en", marks=pytest.mark.slow), pytest.param("az", marks=pytest.mark.slow),
         "ru")


def _build_and_guard(script: str, paragraphs: int, translated: bool, lang: str) -> bytes:
    t = rtl_testimony(script, paragraphs, translated)
    request = request_for(t, language=lang)
    pdf = build_statement(t, request)
    guard(pdf, t, request)
    return pdf


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("translated", [False, True], ids=["alone", "translated"])
@pytest.mark.parametrize("script", ["fa", "ar"])
def test_twelve_long_paragraphs_build_inside_the_frame(script: str, translated: bool,
                                                       lang: str) -> None:
    _build_and_guard(script, 12, translated, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("translated", [False, True], ids=["alone", "translated"])
@pytest.mark.parametrize("script", ["fa", "ar"])
def test_one_paragraph_builds_inside_the_frame(script: str, translated: bool,
                                               lang: str) -> None:
    _build_and_guard(script, 1, translated, lang)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("translated", [False, True], ids=["alone", "translated"])
@pytest.mark.parametrize("script", ["fa", "ar"])
@pytest.mark.parametrize("paragraphs", [60, 200])
def test_long_narratives_build_inside_the_frame(paragraphs: int, script: str, translated: bool,
                                                lang: str) -> None:
    _build_and_guard(script, paragraphs, translated, lang)


def _arabic_words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", clean(text)) if any(map(is_arabic_script, w))]


@pytest.mark.parametrize("script", ["fa", "ar"])
def test_text_is_extracted_in_logical_order(script: str) -> None:
    """Copying a paragraph out of the statement gives its words in the order written, across
    lines and across a page break (poppler, the engine of most Linux PDF readers)."""
    t = rtl_testimony(script, 17)
    pdf = build_statement(t, request_for(t))
    extracted = _arabic_words(pdftotext(pdf))
    for i in (0, 5, 16):  # paragraph 17 is longer than a page
        expected = _arabic_words(rtl_paragraph(script, i))
        found = any(extracted[k:k + len(expected)] == expected
                    for k in range(len(extracted) - len(expected) + 1))
        assert found, f"paragraph {i + 1} is not extracted in logical order"


def test_search_finds_persian_words_without_normalisation() -> None:
    """The glyphs are presentation forms; their text is the base letters, so a search for
    the word as typed finds it."""
    t = rtl_testimony("fa", 2)
    text = pdftotext(build_statement(t, request_for(t)))
    assert "بازجو" in text
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in text)


def test_arabic_lam_alef_ligature_copies_as_two_letters() -> None:
    t = rtl_testimony("ar", 2)
    text = clean(pdftotext(build_statement(t, request_for(t))))
    assert "الأول" in text
    assert "الإفراج" in text
