"""The JSON interchange format: what goes out comes back, and bad input gets one clear sentence.

An organisation importing a colleague's file must either get exactly the record that was
exported, or be told in plain words which field is wrong. Never a traceback, never a field
quietly dropped.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from typing import Any

import pytest

from testimony_app.domain import interchange, model
from testimony_app.errors import InvalidRecord


def every_field_set() -> model.Testimony:
    """A testimony in which no field keeps its default, in Azerbaijani and Russian."""
    return model.Testimony(
        id="6a1f0c44-0000-4000-8000-000000000001",
        title="[FICTIONAL] Sınaq — hər sahə doldurulub",
        fictional=True,
        interview=model.Interview(
            date="2024-03-14",
            start_time="10:00",
            end_time="12:00",
            place="Bakı",
            setting="Ofis, ayrıca otaq",
            interviewer="Səbinə Quliyeva",
            interviewer_organisation="Sınaq Mərkəzi",
            interpreter="Анна Петрова",
            language="az",
            translation_language="ru",
            persons_present=["Səbinə Quliyeva", "Анна Петрова"],
            restrictions="Yoxdur",
            recording="Səs yazısı",
        ),
        consent=model.Consent(
            legal_proceedings=True,
            organisations=["Sınaq Mərkəzi"],
            publication=False,
            name_may_appear=False,
            audio_recording=True,
            follow_up_contact=False,
            refusals="Dərc olunmasın.",
            no_coercion_confirmed=True,
            informed_of_purpose=True,
            informed_of_right_to_stop=True,
            recorded_at="2024-03-14T09:55",
        ),
        witness=model.Witness(
            name="Sınaq Şahidoğlu",
            pseudonym="Şahid Ş",
            date_of_birth="1990-01-31",
            gender="kişi",
            nationality="Azərbaycan",
            identifiers="DEMO-1",
            contact="Təşkilat vasitəsilə",
            role=model.WitnessRole.CO_DETAINEE.value,
            status_now=model.WitnessStatus.RELEASED.value,
            occupation="əsgər",
            military_rank="çavuş",
            military_unit="X-000 (uydurma)",
            relation_to_victim="kamera yoldaşı",
            victim_name="Tural Ə.",
        ),
        narrative=model.Narrative(
            text="Birinci abzas.\n\nİkinci abzas: «Բարև» və «این نیز بگذرد».",
            translation="Первый абзац.\n\nВторой абзац.",
            translation_language="ru",
        ),
        detentions=[
            model.DetentionEpisode(
                start_date="2017-05",
                start_precision="month",
                end_date="2017",
                end_precision="year",
                place="Tərtər",
                place_description="Zirzəmi",
                authority="Hərbi polis",
                detention_type="held_in_military_unit",
                arrest_circumstances="Kazarmadan aparıldı",
                transfers="Bakıya",
                outside_contact=["family_not_informed"],
                legal_counsel=["no_lawyer_allowed", "öz sözləri ilə"],
                statements_signed=["signed_blank_paper"],
                how_signed="Boş vərəq",
                medical_attention=["none_provided"],
                conditions="Soyuq",
                court="Məhkəmə",
                case_number="DEMO-1",
                notes="Qeyd",
            )
        ],
        acts=[
            model.Act(
                date="2017-05-20",
                date_precision="approximate",
                place="Tərtər",
                episode=0,
                methods=["falanga", "pit_zindan"],
                methods_other="Başqa",
                description="Təsvir",
                duration="Bir saat",
                frequency="Hər gün",
                perpetrators=[
                    model.Perpetrator(
                        name="Zaur",
                        rank="kapitan",
                        position="müstəntiq",
                        unit="X-000",
                        description="Bığlı",
                        involvement="gave_orders",
                    )
                ],
                demands="Etiraf",
                witnesses_present="Tural Ə.",
                injuries="Göyərmə",
            )
        ],
        effects=model.Effects(
            physical="Ağrı",
            psychological="Qorxu",
            medical_treatment="Yoxdur",
            body_marks=[model.BodyMark(side="back", x=0.25, y=1.0, note="Ayaq altı")],
        ),
        attachments=[
            model.AttachmentInfo(
                id="att-1",
                filename="müsahibə.ogg",
                media_type="audio/ogg",
                size=1024,
                sha256="a" * 64,
                added_at="2024-03-14T12:05",
                description="Səs yazısı",
                kind="audio",
            )
        ],
        sensitive_names=["Tural Ə."],
        interviewer_notes="Sakit danışırdı.",
        tags=["sınaq"],
    )


def _non_default_everywhere(obj: object, path: str = "") -> None:
    """Guard for the fixture itself: a default left in place would hide a lost field."""
    assert dataclasses.is_dataclass(obj)
    cls: Any = type(obj)
    defaults = cls()
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        assert value != getattr(defaults, f.name), f"{path}{f.name} keeps its default"
        items = value if isinstance(value, list) else [value]
        for item in items:
            if dataclasses.is_dataclass(item):
                _non_default_everywhere(item, f"{path}{f.name}.")


def test_the_fixture_sets_every_field() -> None:
    _non_default_everywhere(every_field_set())


def test_every_field_survives_export_and_import() -> None:
    t = every_field_set()
    doc = interchange.to_dict(t)
    assert doc["format"] == interchange.FORMAT
    assert interchange.from_dict(doc) == t
    assert interchange.from_dict(json.loads(json.dumps(doc))) == t
    assert interchange.loads(interchange.canonical_bytes(t)) == t


def test_the_empty_document_is_an_empty_draft() -> None:
    assert interchange.from_dict({}) == model.Testimony()
    assert interchange.from_dict({"format": "testimony/v1"}) == model.Testimony()


def test_canonical_bytes_are_stable_and_readable() -> None:
    t = every_field_set()
    first = interchange.canonical_bytes(t)
    assert first == interchange.canonical_bytes(interchange.from_dict(interchange.to_dict(t)))
    assert "Şahid".encode() in first  # written as UTF-8, not \\u escapes
    # Anyone can recompute the hash from the document: sorted keys, no spaces, raw UTF-8.
    doc = json.loads(first)
    again = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert again.encode("utf-8") == first


def test_a_narrative_may_be_given_as_plain_text() -> None:
    t = interchange.from_dict({"narrative": "Birinci.\n\nİkinci."})
    assert t.narrative == model.Narrative(text="Birinci.\n\nİkinci.")
    assert t.narrative.paragraphs == ["Birinci.", "İkinci."]
    assert interchange.to_dict(t)["narrative"]["text"] == "Birinci.\n\nİkinci."


def test_text_is_normalised_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Gəncə, Şüşə, Ömər")
    assert decomposed != "Gəncə, Şüşə, Ömər"
    t = interchange.from_dict({"interview": {"place": decomposed}})
    assert t.interview.place == "Gəncə, Şüşə, Ömər"


def test_null_consent_means_not_yet_asked() -> None:
    t = interchange.from_dict({"consent": {"publication": None, "legal_proceedings": False}})
    assert t.consent.publication is None
    assert t.consent.legal_proceedings is False


def test_integer_coordinates_are_accepted_as_numbers() -> None:
    t = interchange.from_dict({"effects": {"body_marks": [{"x": 1, "y": 0}]}})
    assert t.effects.body_marks[0].x == 1.0
    assert isinstance(t.effects.body_marks[0].x, float)


# --- errors: one sentence that names the field -------------------------------------------


def _error(doc: object) -> str:
    with pytest.raises(InvalidRecord) as info:
        interchange.from_dict(doc)
    message = str(info.value)
    assert message.endswith("."), message
    assert "\n" not in message
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"witness_name": "x"}, "'witness_name'"),
        ({"interview": {"room": "5"}}, "'interview.room'"),
        ({"detentions": [{}, {"cell": "3"}]}, "'detentions[1].cell'"),
        ({"acts": [{"perpetrators": [{"nickname": "Q"}]}]}, "'acts[0].perpetrators[0].nickname'"),
        ({"narrative": {"text": "x", "language": "az"}}, "'narrative.language'"),
    ],
)
def test_unknown_fields_are_refused_by_name(doc: dict[str, Any], field: str) -> None:
    message = _error(doc)
    assert message.startswith("Unknown field")
    assert field in message


@pytest.mark.parametrize(
    ("doc", "field", "expected"),
    [
        ({"title": 5}, "'title'", "must be text"),
        ({"witness": {"name": None}}, "'witness.name'", "must be text"),
        ({"consent": {"publication": "yes"}}, "'consent.publication'", "must be true or false"),
        ({"consent": {"informed_of_purpose": 1}}, "'consent.informed_of_purpose'", "true or false"),
        ({"consent": {"informed_of_purpose": None}}, "'consent.informed_of_purpose'", "true or"),
        ({"fictional": "true"}, "'fictional'", "must be true or false"),
        ({"detentions": {"place": "x"}}, "'detentions'", "must be a list"),
        ({"tags": "demo"}, "'tags'", "must be a list"),
        ({"detentions": [{"outside_contact": [1]}]}, "'detentions[0].outside_contact[0]'", "text"),
        ({"acts": [{"episode": 1.0}]}, "'acts[0].episode'", "must be a whole number"),
        ({"acts": [{"episode": True}]}, "'acts[0].episode'", "must be a whole number"),
        ({"attachments": [{"size": "10"}]}, "'attachments[0].size'", "must be a whole number"),
        ({"effects": {"body_marks": [{"x": "0.5"}]}}, "'effects.body_marks[0].x'", "a number"),
        ({"effects": {"body_marks": [{"y": False}]}}, "'effects.body_marks[0].y'", "a number"),
    ],
)
def test_wrong_types_are_refused_by_name(doc: dict[str, Any], field: str, expected: str) -> None:
    message = _error(doc)
    assert field in message
    assert expected in message


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"interview": "today"}, "interview must be an object."),
        ({"acts": ["beating"]}, "acts[0] must be an object."),
        ({"effects": {"body_marks": [None]}}, "effects.body_marks[0] must be an object."),
    ],
)
def test_a_value_in_place_of_an_object_is_refused_by_name(
    doc: dict[str, Any], expected: str
) -> None:
    assert _error(doc) == expected


@pytest.mark.parametrize("doc", [[], "testimony", None, 3])
def test_a_document_must_be_an_object(doc: object) -> None:
    assert _error(doc) == "A testimony document must be a JSON object."


def test_another_format_is_refused() -> None:
    message = _error({"format": "testimony/v2"})
    assert "'testimony/v2'" in message
    assert "'testimony/v1'" in message


def test_broken_json_is_reported_with_its_line() -> None:
    with pytest.raises(InvalidRecord, match=r"not valid JSON \(line 2\)"):
        interchange.loads('{"title": "x",\n oops}')
    with pytest.raises(InvalidRecord, match="not valid JSON"):
        interchange.loads(b"\xff\xfe{")


def test_error_messages_never_repeat_the_testimony_text() -> None:
    """Errors are logged and shown; they must not leak what the witness said."""
    secret = "Məni döydülər"
    message = _error({"narrative": {"text": secret, "translation": 5}})
    assert secret not in message
    message = _error({"witness": {"name": secret, "role": 3}})
    assert secret not in message


def test_a_field_added_later_leaves_older_documents_byte_for_byte_unchanged() -> None:
    """``consent.informed_of_right_to_stop`` came after versions were sealed: a document
    without it reads back to the same canonical bytes (so its SHA-256 still checks), and
    the field is written once it is true."""
    old = every_field_set()
    old.consent.informed_of_right_to_stop = False
    doc = interchange.to_dict(old)
    assert "informed_of_right_to_stop" not in doc["consent"]
    before = interchange.canonical_bytes(old)
    assert interchange.canonical_bytes(interchange.loads(before)) == before
    old.consent.informed_of_right_to_stop = True
    assert interchange.to_dict(old)["consent"]["informed_of_right_to_stop"] is True
    assert interchange.loads(interchange.canonical_bytes(old)) == old


def test_a_new_record_has_no_role_until_one_is_recorded() -> None:
    assert model.Witness().role == ""
    assert interchange.from_dict({"witness": {"name": "X"}}).witness.role == ""


# -- hostile JSON: every way it can go wrong is one sentence (security review F-9 … F-12) -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
        ('{"title": "' + "a" * 10 + '\\udc80"}', "lone surrogate"),
        ('{"witness": {"name": "\\ud83d"}}', "witness.name"),
        ('{"acts": [{"episode": ' + "1" * 100_000 + "}]}", "too long to be one"),
        ('{"acts": [{"episode": 1' + "0" * 40 + "}]}", "too long to be one"),
        ('{"effects": {"body_marks": [{"x": NaN}]}}', "NaN"),
        ('{"effects": {"body_marks": [{"x": -Infinity}]}}', "-Infinity"),
        ('{"effects": {"body_marks": [{"x": 1e400}]}}', "too large"),
        ('{"title": "a", "title": "b"}', "'title' twice"),
        ('{"witness": {"name": "a", "name": "a"}}', "'name' twice"),
        ('{"\\ud800": 1, "\\ud800": 2}', "twice"),
    ],
)
def test_hostile_json_is_one_sentence(text: str, expected: str) -> None:
    with pytest.raises(InvalidRecord) as info:
        interchange.loads(text)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message
    message.encode("utf-8")  # printable: no lone surrogate leaks into the sentence


def test_numbers_of_ordinary_length_still_read() -> None:
    t = interchange.loads('{"acts": [{"episode": 12}], "effects": {"body_marks": [{"x": 0.25}]}}')
    assert t.acts[0].episode == 12
    assert t.effects.body_marks[0].x == 0.25


def test_size_limits_on_the_document_and_the_record() -> None:
    with pytest.raises(InvalidRecord, match="larger than 8 MiB"):
        interchange.loads(b" " * (interchange.MAX_DOCUMENT_BYTES + 1))
    big = model.Testimony()
    big.narrative.text = "ə" * (interchange.MAX_RECORD_BYTES // 2)  # 2 bytes each in UTF-8
    with pytest.raises(InvalidRecord, match="larger than 2 MiB"):
        interchange.canonical_bytes(big)
    big.narrative.text = "ə" * (interchange.MAX_RECORD_BYTES // 2 - 4096)
    assert len(interchange.canonical_bytes(big)) <= interchange.MAX_RECORD_BYTES


def test_a_record_built_in_memory_cannot_hold_nan_or_a_surrogate() -> None:
    """The window builds records without JSON; the canonical form still refuses them."""
    t = model.Testimony()
    t.effects.body_marks.append(model.BodyMark(x=float("nan")))
    with pytest.raises(InvalidRecord, match="not finite"):
        interchange.canonical_bytes(t)
    t = model.Testimony(title="a\udc80")
    with pytest.raises(InvalidRecord, match="lone surrogate"):
        interchange.canonical_bytes(t)
