"""The statement PDF, read back with pypdf: content, numbering, annexes, languages, drafts,
reproducibility and long records."""

from __future__ import annotations

import functools
import hashlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from testimony_app.domain import model, vocabularies
from testimony_app.reports.statement import when
from testkit.pdf_checks import built as build_statement  # every statement built here is guarded
from testkit.pdf_checks import label
from testkit.reports_samples import (
    AZ_ALPHABET,
    AZ_PARAGRAPHS,
    EN_PARAGRAPHS,
    HY_TEXT,
    RU_TEXT,
    full_testimony,
    long_testimony,
    norm,
    page_texts,
    persian_testimony,
    request_for,
)

SECTIONS = ("s_interview", "s_consent", "s_witness", "s_narrative", "s_detention", "s_acts",
            "s_effects", "s_annexes", "s_truth", "s_interpreter", "s_interviewer")


@functools.cache
def _pdf(language: str = "en", sealed: bool = True, reason: str = "") -> bytes:
    t = full_testimony()
    return build_statement(t, request_for(t, language=language, sealed=sealed,
                                          amendment_reason=reason))


@functools.cache
def _pages(language: str = "en", sealed: bool = True, reason: str = "") -> tuple[str, ...]:
    return tuple(page_texts(_pdf(language, sealed, reason)))


def _text(language: str = "en") -> str:
    return " ".join(_pages(language))


def _field_values(t: model.Testimony, lang: str) -> list[str]:
    """Every value of the record that the statement must print, as it should read."""

    def v(name: str, code: str) -> str:
        return vocabularies.label(name, code, lang)

    iv, w, c = t.interview, t.witness, t.consent
    values = [iv.date, iv.start_time, iv.end_time, iv.place, iv.setting, iv.interviewer,
              iv.interviewer_organisation, iv.interpreter, v("languages", iv.language),
              v("languages", iv.translation_language), *iv.persons_present, iv.restrictions,
              iv.recording, *c.organisations, c.refusals, when(c.recorded_at),
              w.name, w.pseudonym, w.date_of_birth, w.gender, w.nationality, w.identifiers,
              w.contact, v("witness_roles", w.role), v("witness_status", w.status_now),
              w.occupation, w.military_rank, w.military_unit, w.relation_to_victim,
              w.victim_name, *t.narrative.paragraphs, *t.narrative.translation_paragraphs]
    for d in t.detentions:
        values += [d.start_date, d.end_date, v("date_precision", d.end_precision), d.place,
                   d.place_description, d.authority, v("detention_types", d.detention_type),
                   d.arrest_circumstances, d.transfers, d.how_signed, d.conditions, d.court,
                   d.case_number, d.notes]
        for name, codes in (("outside_contact", d.outside_contact),
                            ("legal_counsel", d.legal_counsel),
                            ("statements_signed", d.statements_signed),
                            ("medical_attention", d.medical_attention)):
            values += [v(name, code) for code in codes]
    for a in t.acts:
        values += [a.date, a.place, *[v("methods", m) for m in a.methods], a.methods_other,
                   a.description, a.duration, a.frequency, a.demands, a.witnesses_present,
                   a.injuries]
        for p in a.perpetrators:
            values += [p.name, p.rank, p.position, p.unit, p.description,
                       v("perpetrator_involvement", p.involvement)]
    e = t.effects
    values += [e.physical, e.psychological, e.medical_treatment,
               *[m.note for m in e.body_marks]]
    for att in t.attachments:
        values += [att.filename, att.description, att.sha256, when(att.added_at),
                   v("attachment_kinds", att.kind)]
    return [norm(x) for x in values if x]


@pytest.mark.slow
def test_every_section_heading_and_field_value_is_printed() -> None:
    text = _text()
    for key in SECTIONS:
        assert norm(label(key, "en")) in text, key
    missing = [value for value in _field_values(full_testimony(), "en") if value not in text]
    assert missing == []
    for key in ("record_id", "version", "sealed_on", "content_hash", "initials"):
        assert norm(label(key, "en")) in text
    t = full_testimony()
    assert request_for(t).content_sha256 in text
    assert "2026-03-16 12:00:00+04:00" in text  # sealed_at
    assert norm(label("fictional_notice", "en")) in text


@pytest.mark.slow
def test_scripts_are_extracted_exactly() -> None:
    text = _text()
    for paragraph in [*AZ_PARAGRAPHS, *EN_PARAGRAPHS, RU_TEXT, HY_TEXT, AZ_ALPHABET]:
        assert norm(paragraph) in text


def test_narrative_paragraphs_are_numbered_to_match_the_translation() -> None:
    text = _text()
    for i, (az, en) in enumerate(zip(AZ_PARAGRAPHS, EN_PARAGRAPHS, strict=True), 1):
        assert f"{i}. {norm(az)} {norm(en)}" in text


@pytest.mark.slow
def test_untranslated_narrative_has_numbered_paragraphs() -> None:
    t = full_testimony()
    t.narrative.translation = ""
    pages = page_texts(build_statement(t, request_for(t)))
    text = " ".join(pages)
    for i, paragraph in enumerate(AZ_PARAGRAPHS, 1):
        assert f"{i}. {norm(paragraph)}" in text


@pytest.mark.slow
def test_every_page_says_page_x_of_y_and_carries_record_and_hash() -> None:
    pages = _pages()
    t = full_testimony()
    sha = request_for(t).content_sha256
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text
        assert len(re.findall(r"Page \d+ of \d+", text)) == 1
        assert f"Record {t.id} · version 2" in text
        assert f"SHA-256: {sha}" in text
        assert "Witness's initials" in text
    assert len(pypdf.PdfReader(io.BytesIO(_pdf())).pages) == len(pages)


@pytest.mark.slow
def test_annexes_are_numbered_chronologically_with_hash_and_real_page() -> None:
    pages = _pages()
    text = " ".join(pages)
    t = full_testimony()
    by_time = sorted(t.attachments, key=lambda a: a.added_at)
    for number, att in enumerate(by_time, 1):
        match = re.search(rf"A{number} .*?(\d+(?:, \d+)*) SHA-256: (\w+)", text)
        assert match is not None, att.filename
        assert match.group(2) == att.sha256
        assert att.filename in match.group(0)
        # The printed page is the page where the annex is referred to in the body.
        referred = [i for i, p in enumerate(pages, 1) if f"See annex A{number}." in p]
        assert referred
        assert [int(p) for p in match.group(1).split(", ")] == referred


@pytest.mark.slow
def test_annex_referred_to_only_in_the_list_gives_the_list_page() -> None:
    t = full_testimony()
    t.attachments.append(model.AttachmentInfo(id="x", filename="cv.pdf", size=10, sha256="ab" * 32,
                                        added_at="2026-04-01T00:00:00", kind="other_kind"))
    pages = page_texts(build_statement(t, request_for(t)))
    text = " ".join(pages)
    match = re.search(r"A4 .*?(\d+) SHA-256: " + "ab" * 32, text)
    assert match is not None
    page = int(match.group(1))
    assert "cv.pdf" in pages[page - 1]


def test_body_marks_are_drawn_with_caption_and_legend() -> None:
    text = _text()
    assert norm(label("e_caption", "en")) in text
    for i, mark in enumerate(full_testimony().effects.body_marks, 1):
        side = vocabularies.label("body_sides", mark.side, "en")
        assert f"{i} {side} {norm(mark.note)}" in text


def test_closing_declarations_and_signature_blocks() -> None:
    text = _text()
    t = full_testimony()
    pages = len(_pages())
    assert f"read back to the witness in Azerbaijani by {t.interview.interpreter}" in text
    assert (f"I, Nemət Məhərrəmov, believe that the facts stated in this statement, which "
            f"consists of {pages} pages, are true") in text
    assert "It was read back to me in Azerbaijani, a language I understand" in text
    assert f"I, {t.interview.interviewer}, of {t.interview.interviewer_organisation}, declare" \
        in text
    closing = text[text.index("9. Statement of truth"):]
    for role, name in (("Witness", t.witness.name), ("Interpreter", t.interview.interpreter),
                       ("Interviewer", t.interview.interviewer)):
        assert f"{role} Name {name} Signature Date Place" in closing


@pytest.mark.slow
def test_without_interpreter_there_is_no_certificate_or_block() -> None:
    t = full_testimony()
    t.interview.interpreter = ""
    text = " ".join(page_texts(build_statement(t, request_for(t))))
    assert "Interpreter's certificate" not in text
    assert "Interpreter Name" not in text
    assert "No interpreter" in text


@pytest.mark.slow
def test_amendment_reason_is_shown() -> None:
    text = " ".join(_pages("en", True, "The witness corrected the date of arrest."))
    assert "Amended version. Reason for the amendment: The witness corrected the date of " \
           "arrest." in text


@pytest.mark.slow
@pytest.mark.parametrize("language", ["az", "ru"])
def test_labels_in_azerbaijani_and_russian(language: str) -> None:
    pages = _pages(language)
    text = " ".join(pages)
    for key in SECTIONS:
        assert norm(label(key, language)) in text, key
    for number, page in enumerate(pages, 1):
        assert norm(label("page_of", language, page=number, pages=len(pages))) in page
    assert "Page 1 of" not in text
    methods = full_testimony().acts[0].methods
    for code in methods:
        assert norm(vocabularies.label("methods", code, language)) in text


@pytest.mark.slow
def test_azerbaijani_title_uses_dotted_capital_i() -> None:
    assert "ŞAHİD İFADƏSİ" in _pages("az")[0]


@pytest.mark.slow
def test_draft_has_a_watermark_on_every_page_and_sealed_on_none() -> None:
    draft = _pages("en", False)
    assert all("DRAFT" in page for page in draft)
    assert norm(label("draft_notice", "en")) in draft[0]
    assert not any("DRAFT" in page for page in _pages())
    assert all("QARALAMA" in page for page in _pages("az", False))


@pytest.mark.slow
def test_same_input_gives_identical_bytes() -> None:
    t = full_testimony()
    first = build_statement(t, request_for(t))
    assert build_statement(full_testimony(), request_for(t)) == first
    assert first != build_statement(t, request_for(t, version=3))


@pytest.mark.slow
def test_identical_bytes_in_a_fresh_process() -> None:
    """No state of this process (font registration order, caches) leaks into the bytes."""
    here = Path(__file__).resolve().parents[2]  # tests/, where testkit is
    code = (
        "import hashlib, sys; sys.path.insert(0, sys.argv[1]);"
        "from testkit.reports_samples import full_testimony, request_for;"
        "from testimony_app.reports import build_statement;"
        "t = full_testimony();"
        "print(hashlib.sha256(build_statement(t, request_for(t))).hexdigest())"
    )
    out = subprocess.run([sys.executable, "-c", code, str(here)], capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == hashlib.sha256(_pdf()).hexdigest()


@pytest.mark.slow
def test_metadata_has_title_and_record_but_never_the_witness_name() -> None:
    info = pypdf.PdfReader(io.BytesIO(_pdf())).metadata
    assert info is not None
    t = full_testimony()
    assert t.id in str(info.title)
    assert info.author == t.interview.interviewer_organisation
    for value in info.values():
        assert "Məhərrəmov" not in str(value)


@pytest.mark.slow
def test_persian_narrative_is_laid_out_and_its_words_read_back() -> None:
    t = persian_testimony()
    pdf = build_statement(t, request_for(t))
    text = " ".join(page_texts(pdf))
    words = re.findall(r"[\u0600-\u06ff]+", "نعمت محرماف در سال بازداشت شد و گفت مرا شکنجه کردند")
    for word in words:
        assert word in text, word


@pytest.mark.slow
def test_long_statement_lays_out_without_error() -> None:
    t = long_testimony(300, 40)
    pdf = build_statement(t, request_for(t))
    pages = page_texts(pdf)
    assert len(pages) > 60
    text = " ".join(pages)
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page
    assert "300." in text
    assert norm(t.narrative.paragraphs[-1]) in text
    # The paragraph longer than a page is split across pages, not cut.
    assert "nömrə 699." in text
    assert "Act 40" in text


@pytest.mark.slow
def test_nothing_is_written_to_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    t = full_testimony()
    build_statement(t, request_for(t, redacted=True))
    assert list(tmp_path.iterdir()) == []


def test_empty_testimony_still_builds() -> None:
    pdf = build_statement(model.Testimony(id="empty"), request_for(model.Testimony(id="empty"),
                                                             sealed=False))
    text = " ".join(page_texts(pdf))
    assert norm(label("n_empty", "en")) in text
    assert norm(label("x_none", "en")) in text
