"""The right facts in every language, and what a filing asks of a statement.

Every vocabulary value and every label is printed in the statement's language; the
situation of a relative's victim is printed with the victim; a record that never set a role
prints none; the witness was told they may stop; the statement of truth names its pages and
the read-back language and is printed in the witness's language too; an attestation block on
request; the interpreter initials every page; annexes in the order of the documents' dates;
an amendment names the hash of the version it corrects.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from testimony_app.domain import model, vocabularies
from testimony_app.domain.completeness import missing_items as check
from testimony_app.reports import build_statement
from testimony_app.reports.witness_truth import WITNESS_TRUTH
from testkit.pdf_checks import all_labels, clean, guard, label, pdftotext, word_boxes
from testkit.reports_samples import full_testimony, norm, page_texts, request_for, rtl_testimony

pytestmark = pytest.mark.slow  # a whole statement built and read back per test (1-28 s)

LANGS = ("en", "az", "ru")


def _text(t: model.Testimony, lang: str = "en", **options: object) -> str:
    request = request_for(t, language=lang, **options)
    pdf = build_statement(t, request)
    guard(pdf, t, request)
    return " ".join(page_texts(pdf))


def _every_code_testimony() -> model.Testimony:
    """A record that uses every code of every list-valued vocabulary the statement prints."""
    v = vocabularies.vocabulary
    t = model.Testimony(id="T-codes", interview=model.Interview(language="az",
                                                                translation_language="ru"))
    kinds = [term.code for term in v("detention_types").terms]
    precisions = [term.code for term in v("date_precision").terms]
    for i, kind in enumerate(kinds):
        t.detentions.append(model.DetentionEpisode(
            start_date="2020-10", start_precision=precisions[i % len(precisions)],
            end_date="2021", end_precision=precisions[(i + 1) % len(precisions)],
            detention_type=kind,
            outside_contact=[term.code for term in v("outside_contact").terms] if i == 0 else [],
            legal_counsel=[term.code for term in v("legal_counsel").terms] if i == 1 else [],
            statements_signed=[term.code for term in v("statements_signed").terms]
            if i == 2 else [],
            medical_attention=[term.code for term in v("medical_attention").terms]
            if i == 3 else []))
    methods = [term.code for term in v("methods").terms]
    involvements = [term.code for term in v("perpetrator_involvement").terms]
    t.acts = [model.Act(date="2020-11-02", methods=methods[i:i + 10],
                        perpetrators=[model.Perpetrator(rank="mayor", involvement=inv)
                                      for inv in involvements] if i == 0 else [])
              for i in range(0, len(methods), 10)]
    t.effects.body_marks = [model.BodyMark(side=term.code, note=f"iz {term.code}")
                            for term in v("body_sides").terms]
    t.attachments = [model.AttachmentInfo(id=f"a{i}", filename=f"f{i}.bin", size=10,
                                          sha256=f"{i:064x}", added_at=f"2026-01-0{i + 1}",
                                          kind=term.code)
                     for i, term in enumerate(v("attachment_kinds").terms)]
    return t


def _absent_english(text: str, lang: str, english: str, own: str) -> bool:
    return lang == "en" or english == own or norm(english) in norm(own) \
        or norm(english) not in text


@pytest.mark.parametrize("lang", LANGS)
def test_every_vocabulary_value_is_printed_in_the_statement_language(lang: str) -> None:
    text = _text(_every_code_testimony(), lang)
    for name in ("detention_types", "date_precision", "outside_contact", "legal_counsel",
                 "statements_signed", "medical_attention", "methods",
                 "perpetrator_involvement", "body_sides", "attachment_kinds",
                 "consent_scopes"):
        for term in vocabularies.vocabulary(name).terms:
            if name == "date_precision" and term.code == "day":
                continue  # an exact day is printed as the date alone
            own = term.label(lang)
            assert norm(own) in text, (name, term.code, lang)
            assert _absent_english(text, lang, term.label("en"), own), (name, term.code)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_every_single_valued_code_is_printed_in_the_statement_language(lang: str) -> None:
    """Role, situation, gender and the languages: one small statement per code."""
    cases: list[tuple[str, str, model.Testimony]] = []
    for name, attr in (("witness_roles", "role"), ("witness_status", "status_now"),
                       ("genders", "gender")):
        for term in vocabularies.vocabulary(name).terms:
            t = model.Testimony(id="T-one", witness=model.Witness(**{attr: term.code}))
            cases.append((name, term.code, t))
    codes = [term.code for term in vocabularies.vocabulary("languages").terms]
    for first, second in zip(codes[::2], codes[1::2], strict=True):
        t = model.Testimony(id="T-lang", interview=model.Interview(
            language=first, translation_language=second))
        cases += [("languages", first, t), ("languages", second, t)]
    built: dict[int, str] = {}
    for name, code, t in cases:
        text = built.setdefault(id(t), _text(t, lang, sealed=True))
        own = vocabularies.label(name, code, lang)
        assert norm(own) in text, (name, code, lang)
        if name != "languages":  # an English-speaking witness's declaration says "English"
            assert _absent_english(text, lang, vocabularies.label(name, code, "en"), own), \
                (name, code, lang)


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_no_english_label_is_printed_in_azerbaijani_or_russian(lang: str) -> None:
    t = full_testimony()
    text = _text(t, lang, attestation=True, previous_version=1,
                 previous_sealed_at="2026-03-15T10:00:00+04:00", previous_sha256="ab" * 32)
    english = all_labels()["en"]
    own = all_labels()[lang]
    leaked = []
    for key, value in english.items():
        if key.startswith("cr_") or value == own[key]:
            continue
        fixed = norm(value.split("{")[0])  # the words before the first placeholder
        if len(fixed) >= 12 and fixed in text and fixed not in norm(own[key]):
            leaked.append(key)
    assert leaked == []


def test_gender_is_printed_in_the_statement_language_and_free_text_as_written() -> None:
    t = full_testimony()
    t.witness.gender = "male"
    assert "Gender Male" in _text(t, "en")
    assert "Cinsi Kişi" in _text(t, "az") or "Kişi" in _text(t, "az")
    assert "Мужской" in _text(t, "ru")
    t.witness.gender = "kişi (öz sözləri ilə)"
    assert "kişi (öz sözləri ilə)" in _text(t, "en")


def test_a_relatives_victim_status_is_printed_with_the_victim() -> None:
    """The mother who gives the statement is not "Deceased": her son is."""
    t = full_testimony()
    t.witness.role = "relative"
    t.witness.status_now = "deceased"
    text = _text(t)
    assert "Situation of the victim now Deceased" in text
    assert "Situation now Deceased" not in text
    witness = text[text.index("3. Identification of the witness"):text.index("Name of the victim")]
    assert "Deceased" not in witness


def test_the_witness_own_situation_is_printed_under_the_witness() -> None:
    t = full_testimony()
    t.witness.role = "victim"
    t.witness.status_now = "released"
    text = _text(t)
    assert "Situation now Released" in text
    assert "Situation of the victim now" not in text


def test_a_record_without_a_role_prints_none() -> None:
    t = full_testimony()
    t.witness.role = ""
    text = _text(t)
    assert "Relation to the events —" in text
    assert "Survivor" not in text
    assert any(item.code == "witness_role" for item in check(t))


def test_the_interview_records_the_right_to_stop() -> None:
    t = full_testimony()
    t.consent.informed_of_right_to_stop = True
    text = _text(t)
    assert "Told they may stop, take a break or decline to answer Yes" in text
    assert norm(label("c_right_to_stop_yes", "en")) in text
    assert not any(item.code == "consent_right_to_stop" for item in check(t))
    t.consent.informed_of_right_to_stop = False
    text = _text(t, "ru")
    assert norm(label("c_right_to_stop_no", "ru")) in text
    missing = [item for item in check(t) if item.code == "consent_right_to_stop"]
    assert missing
    assert missing[0].field == "consent.informed_of_right_to_stop"
    assert "прекратить" in missing[0].message("ru")


def test_statement_of_truth_names_its_pages_and_read_back_language() -> None:
    t = full_testimony()
    request = request_for(t, language="ru")
    pages = page_texts(build_statement(t, request))
    text = " ".join(pages)
    assert f"на {len(pages)} страницах" in text
    assert "на понятном мне языке (Азербайджанский)" in text
    # Printed in the witness's language (Azerbaijani) as well, with the same page count.
    assert f"{len(pages)} səhifədən ibarət bu ifadədə" in text
    assert "başa düşdüyüm dildə (Azərbaycan dili) oxunub" in text


def test_statement_of_truth_in_persian_for_a_persian_witness() -> None:
    t = rtl_testimony("fa", 2)
    request = request_for(t, language="en")
    pdf = build_statement(t, request)
    guard(pdf, t, request)
    text = clean(pdftotext(pdf))
    pages = len(page_texts(pdf))
    assert "فارسی" in text
    assert "اینجانب" in text
    assert "اعلام می" in text
    assert f"which consists of {pages} pages" in " ".join(text.split())
    name, template = WITNESS_TRUTH["fa"]
    assert name == "فارسی"
    assert "{pages}" in template
    # The Persian text and its heading both stand at the right margin, as Persian is read
    # (the heading once stood at the left margin). poppler gives the boxes in visual order.
    boxes = word_boxes(pdf)
    heading = [b for b in boxes if clean(b[5]).strip(":") in (name, name[::-1])]
    assert len(heading) == 1
    page, _x0, top, right, _y1, _w = heading[0]
    below = [b for b in boxes if b[0] == page and top < b[2] < top + 80
             and any("\u0600" <= ch <= "\u06ff" for ch in b[5])]
    assert below
    assert abs(right - max(b[3] for b in below)) < 3


def test_no_printed_truth_text_in_a_language_we_have_none_for() -> None:
    t = full_testimony()
    t.interview.language = "hy"
    text = _text(t)
    assert "This declaration was translated orally to the witness into Armenian" in text


def test_attestation_is_off_by_default_and_on_request() -> None:
    t = full_testimony()
    assert "Attestation" not in _text(t)
    request = request_for(t, attestation=True)
    pages = page_texts(build_statement(t, request))
    on = [p for p in pages if "Attestation" in p]
    assert len(on) == 1
    page = on[0]
    assert f"statement of {len(pages)} pages are true, and signed it in my presence" in page
    for key in ("sig_attesting", "sig_position", "sig_identity_seen", "sig_stamp",
                "sig_signature"):
        assert norm(label(key, "en")) in page


def test_interpreter_initials_box_beside_the_witness_on_every_page() -> None:
    t = full_testimony()
    pages = page_texts(build_statement(t, request_for(t, language="az")))
    for page in pages:
        assert "Şahidin parafı" in page
        assert "Tərcüməçinin parafı" in page
    t.interview.interpreter = ""
    pages = page_texts(build_statement(t, request_for(t)))
    assert all("Interpreter's initials" not in p for p in pages)
    assert all("Witness's initials" in p for p in pages)


def test_annexes_follow_the_documents_own_dates() -> None:
    t = full_testimony()
    t.attachments = [
        model.AttachmentInfo(id="x1", filename="later.pdf", size=1, sha256="1" * 64,
                             added_at="2026-03-01T00:00:00",
                             description="Court decision of 12.05.2021", kind="court_decision"),
        model.AttachmentInfo(id="x2", filename="undated.pdf", size=1, sha256="2" * 64,
                             added_at="2026-02-01T00:00:00", description="A letter",
                             kind="document"),
        model.AttachmentInfo(id="x3", filename="earlier.pdf", size=1, sha256="3" * 64,
                             added_at="2026-03-02T00:00:00",
                             description="Arrest report 2020-10-12", kind="document"),
    ]
    text = _text(t)
    annexes = text[text.index("8. Annexes"):]
    order = [m.group(1) for m in re.finditer(r"(earlier|later|undated)\.pdf", annexes)]
    assert order == ["earlier", "later", "undated"]
    assert re.search(r"A1 Document: earlier\.pdf .*2020-10-12", annexes)
    assert re.search(r"A2 Court decision: later\.pdf .*2021-05-12", annexes)


def test_an_amendment_prints_the_hash_of_the_version_it_corrects() -> None:
    t = full_testimony()
    previous = "9f" * 32
    text = _text(t, "en", version=3, amendment_reason="The date of arrest was corrected.",
                 previous_version=2, previous_sealed_at="2026-03-15T10:00:00+04:00",
                 previous_sha256=previous)
    assert ("Version corrected Version 2, sealed on 2026-03-15 10:00:00+04:00; SHA-256 of its "
            f"content: {previous}") in text
    assert "Reason for the amendment: The date of arrest was corrected." in text


def test_first_version_names_no_earlier_version() -> None:
    text = _text(full_testimony())
    assert "Version corrected" not in text


def test_requests_are_frozen() -> None:
    request = request_for(full_testimony())
    with pytest.raises(dataclasses.FrozenInstanceError):
        request.attestation = True  # type: ignore[misc]


@pytest.mark.parametrize("lang", LANGS)
def test_the_redacted_notice_names_a_pseudonym_only_when_there_is_one(lang: str) -> None:
    """Review D13: "replaced by the pseudonym '[witness]'" said a pseudonym existed when the
    witness had none; the notice then names the mark that stands for the name."""
    t = full_testimony()
    t.witness.pseudonym = ""
    text = " ".join(page_texts(build_statement(t, request_for(t, language=lang,
                                                              redacted=True))))
    mark = label("witness_placeholder", lang)
    assert norm(label("redacted_notice_placeholder", lang, placeholder=mark)) in text
    assert norm(label("redacted_notice", lang, pseudonym=mark)) not in text
    t.witness.pseudonym = "Şahid-7"
    text = " ".join(page_texts(build_statement(t, request_for(t, language=lang,
                                                              redacted=True))))
    assert norm(label("redacted_notice", lang, pseudonym="Şahid-7")) in text
