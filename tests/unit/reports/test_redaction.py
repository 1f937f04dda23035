"""The redacted statement must not contain who the witness is: not in the text, not in the
metadata, not in any stream of the file."""

from __future__ import annotations

import functools
import glob
import io
import unicodedata
from pathlib import Path

import pypdf
import pytest

from testimony_app.domain import interchange, model
from testimony_app.reports import build_statement, redaction_terms
from testimony_app.reports.redaction import Redactor, name_parts, redact_testimony
from testkit.reports_samples import full_testimony, norm, page_texts, request_for

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo"

# Forms of the names that are not in the record but are in its text: case endings,
# a feminine form, transliterations into English and Russian.
DERIVED = ["Məhərrəmovun", "Məhərrəmova", "Maharramov", "Maharramov's", "Магеррамова",
           "Rashad Guliyev", "Quliyev", "Nemat"]


@functools.cache
def _redacted(language: str) -> bytes:
    t = full_testimony()
    return build_statement(t, request_for(t, redacted=True, language=language))


def _stream_bytes(pdf: bytes) -> list[bytes]:
    """The decoded data of every stream object in the file (page contents, fonts, CMaps…)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    out: list[bytes] = []
    size: int = reader.trailer["/Size"]  # type: ignore[assignment]  # pypdf types it PdfObject
    for num in range(1, len(reader.xref_objStm) + size):
        try:
            obj = reader.get_object(num)
        except Exception:  # noqa: BLE001 - free or missing object numbers
            continue
        if isinstance(obj, pypdf.generic.StreamObject):
            out.append(obj.get_data())
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            out.append(contents.get_data())
    return out


def _encodings(term: str) -> list[bytes]:
    forms = {term, term.upper(), term.lower(), unicodedata.normalize("NFD", term)}
    return [f.encode(enc) for f in forms for enc in ("utf-8", "utf-16-be")]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_redacted_text_contains_no_sensitive_string(language: str) -> None:
    t = full_testimony()
    text = " ".join(page_texts(_redacted(language))).casefold()
    terms = redaction_terms(t)
    assert "Nemət Məhərrəmov" in terms
    assert "Məhərrəmov" in terms
    for term in terms + DERIVED:
        assert norm(term).casefold() not in text, term
    assert "şahid a" in text  # the pseudonym stands in


@pytest.mark.slow
def test_redacted_metadata_and_raw_streams_contain_no_sensitive_string() -> None:
    pdf = _redacted("en")
    t = full_testimony()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    meta = " ".join(str(v) for v in reader.metadata.values()).casefold()
    streams = _stream_bytes(pdf)
    assert streams
    for term in redaction_terms(t) + DERIVED:
        assert norm(term).casefold() not in meta, term
        if term.isdigit():
            continue  # a font's character map holds runs of digits; the text layer is checked
        for needle in _encodings(term):
            assert needle not in pdf, term
            for data in streams:
                assert needle not in data, term


@pytest.mark.slow
def test_amendment_reason_is_redacted_too() -> None:
    t = full_testimony()
    reason = "Corrected the spelling: Məhərrəmov, not Maharramov; Elvin's age added."
    pdf = build_statement(t, request_for(t, redacted=True, amendment_reason=reason))
    text = " ".join(page_texts(pdf))
    # The surname is also the victim's (his brother's), so it is not the pseudonym.
    assert "Corrected the spelling: [redacted], not [redacted]; [redacted]'s age added." in text


@pytest.mark.slow
def test_redacted_variant_still_has_the_account() -> None:
    text = " ".join(page_texts(_redacted("en")))
    assert "Redacted copy." in text
    assert "Bizi Tərtərdəki hərbi hissənin zirzəmisinə apardılar." in text
    assert "[redacted]" in text


@pytest.mark.slow
def test_full_variant_does_contain_the_name() -> None:
    """The checks above would pass on an empty file; this one shows they can fail."""
    pdf = build_statement(full_testimony(), request_for(full_testimony()))
    assert "Nemət Məhərrəmov" in " ".join(page_texts(pdf))


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(glob.glob(str(DEMO / "*.json"))),
                         ids=lambda p: Path(p).stem)
def test_demo_records_redact_cleanly(path: str) -> None:
    t = interchange.loads(Path(path).read_text(encoding="utf-8"))
    pdf = build_statement(t, request_for(t, redacted=True))
    text = " ".join(page_texts(pdf)).casefold()
    for term in redaction_terms(t):
        assert norm(term).casefold() not in text, term


def test_inflections_and_transliterations_are_caught() -> None:
    t = model.Testimony(
        witness=model.Witness(name="Nemət Məhərrəmov", pseudonym="Şahid A",
                              victim_name="Elvin Məhərrəmov"),
        sensitive_names=["Rəşad Quliyev", "Ильгар Мамедов"],
    )
    redact = Redactor(t, "Şahid A", "[redacted]")
    assert redact("Nemət Məhərrəmovun qardaşı") == "Şahid A qardaşı"
    assert redact("NEMƏT MƏHƏRRƏMOV") == "Şahid A"
    assert redact("Немат Магеррамову сказали") == "Şahid A сказали"
    assert redact("Nemat Maharramov's brother") == "Şahid A's brother"
    assert redact("Elvin Məhərrəmova") == "[redacted]"
    assert redact("Rəşadın, Гулиев, Ilgar Mamedov, Ильгару") == \
        "[redacted], [redacted], [redacted], [redacted]"
    assert redact("ali təhsil") == "ali təhsil"


def test_identifiers_contact_and_birth_date_are_caught_in_other_forms() -> None:
    t = model.Testimony(witness=model.Witness(
        name="Nemət Məhərrəmov", date_of_birth="1994-06-02",
        identifiers="Şəxsiyyət vəsiqəsi AZE12345678", contact="+994 50 123 45 67, n@example.az"))
    redact = Redactor(t, "A", "[x]")
    assert redact("born 02.06.1994, tel. +994 (50) 123-45-67, n@example.az, AZE12345678") == \
        "born [x], tel. [x], [x], [x]"


def test_name_parts_skip_particles_and_descriptions() -> None:
    assert name_parts("Zərifə Mahmud qızı Bəşirova") == ["Zərifə", "Mahmud", "Bəşirova"]
    assert name_parts("Samir Bəşirov (1997–2017), müddətli hərbi xidmət əsgəri") == \
        ["Samir", "Bəşirov"]
    assert name_parts("several soldiers, including Samir Bəşirov") == ["Samir", "Bəşirov"]


def test_redact_testimony_replaces_identifying_fields_and_leaves_the_original() -> None:
    t = full_testimony()
    clone = redact_testimony(t, "Şahid A", "[redacted]")
    assert clone.witness.name == "Şahid A"
    assert clone.witness.date_of_birth == "[redacted]"
    assert clone.witness.contact == "[redacted]"
    assert clone.sensitive_names == []
    assert clone.acts[0].methods == t.acts[0].methods  # codes untouched
    assert t.witness.name == "Nemət Məhərrəmov"


@pytest.mark.slow
def test_raw_byte_search_can_find_what_is_there() -> None:
    """Sanity check of the raw search above. Drawn text is written as subset glyph codes, so
    for the page text the pypdf extraction is the real test (it also reads the ToUnicode maps);
    the raw search guards the metadata and anything a future change might embed as text."""
    t = full_testimony()
    t.interview.interviewer_organisation = "Demo Rights Centre"
    pdf = build_statement(t, request_for(t))
    assert b"Demo Rights Centre" in pdf
    assert any(b"BT" in data for data in _stream_bytes(pdf))  # page streams were decoded
