"""The Istanbul completeness checklist, as an interviewer meets it in the editor.

The checklist must list every gap in an empty record, nothing in a complete one, point each
item at a field that really exists, speak all three interface languages, and keep quiet about
questions that do not apply to the person speaking.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from testimony_app.domain import model
from testimony_app.domain.completeness import (
    SECTIONS,
    MissingItem,
    field_steps,
    missing_items,
)
from testimony_app.domain.demo import demo_testimonies

AZ_LETTERS = set("əğıöşçüİ")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def full_victim_testimony() -> model.Testimony:
    """A complete testimony of a survivor, recorded in Azerbaijani through an interpreter."""
    return model.Testimony(
        id="t-full",
        title="Tam ifadə",
        interview=model.Interview(
            date="2024-04-02",
            start_time="10:00",
            end_time="12:15",
            place="Gəncə, təşkilatın ofisi",
            setting="Ayrıca otaq, qapı bağlı, kənar şəxs yoxdur.",
            interviewer="Səbinə Quliyeva",
            interviewer_organisation="Sınaq Hüquq Mərkəzi",
            interpreter="Anna Petrova",
            language="az",
            translation_language="ru",
            persons_present=["Səbinə Quliyeva — müsahibəni aparan", "Anna Petrova — tərcüməçi"],
            restrictions="Yoxdur.",
            recording="Yazılı qeydlər.",
        ),
        consent=model.Consent(
            legal_proceedings=True,
            organisations=["Sınaq Hüquq Mərkəzi"],
            publication=False,
            name_may_appear=True,
            audio_recording=None,
            follow_up_contact=True,
            refusals="Dərc olunmasını istəmir: ailəsi hələ Tərtərdə yaşayır.",
            no_coercion_confirmed=True,
            informed_of_purpose=True,
            informed_of_right_to_stop=True,
            recorded_at="2024-04-02T09:55",
        ),
        witness=model.Witness(
            name="Sınaq Şahidoğlu",
            date_of_birth="1995",
            contact="Təşkilat vasitəsilə",
            role=model.WitnessRole.VICTIM.value,
            status_now=model.WitnessStatus.RELEASED.value,
        ),
        narrative=model.Narrative(
            text="Məni hissədən apardılar.\n\nGözlərimi bağladılar və döydülər.",
            translation="Меня увели из части.\n\nМне завязали глаза и били.",
            translation_language="ru",
        ),
        detentions=[
            model.DetentionEpisode(
                start_date="2017-05-18",
                end_date="2017-05",
                end_precision=model.DatePrecision.MONTH.value,
                place="Tərtər, hərbi hissədə anbar",
                authority="Hərbi polis",
                detention_type="held_in_military_unit",
                arrest_circumstances="Qərargaha çağırılıb orada saxlanıldı.",
                outside_contact=["family_not_informed"],
                legal_counsel=["no_lawyer_allowed"],
                statements_signed=["signed_without_reading"],
                how_signed="Yalnız son səhifə göstərildi.",
                medical_attention=["none_provided"],
                conditions="Pəncərəsiz anbar, beton döşəmə.",
            ),
        ],
        acts=[
            model.Act(
                date="2017-05-19",
                place="Tərtər, anbar",
                methods=["falanga", "qandalla radiatora bağlama"],
                perpetrators=[model.Perpetrator(description="Qısaboylu, sol qaşında çapıq")],
                demands="Etiraf tələb edirdilər.",
                duration="iki saat",
                injuries="Ayaqlarda göyərmə.",
            ),
        ],
        effects=model.Effects(
            physical="Ayaqlarda ağrı.",
            psychological="Yuxusuzluq.",
            medical_treatment="Yoxdur.",
        ),
        interviewer_notes="Şahid sakit danışırdı.",
    )


def full_relative_testimony() -> model.Testimony:
    """A mother's complete account, in Russian, of her son's death in custody."""
    return model.Testimony(
        interview=model.Interview(
            date="2024-05-09",
            start_time="14:00",
            end_time="16:00",
            place="Барда, дом свидетельницы",
            setting="Гостиная, посторонних нет.",
            interviewer="Тестовый Интервьюер",
            interviewer_organisation="Тестовый центр",
            language="ru",
            persons_present=["Интервьюер", "Свидетельница"],
            restrictions="Нет.",
            recording="Записи от руки.",
        ),
        consent=model.Consent(
            legal_proceedings=True,
            organisations=["Тестовый центр"],
            publication=True,
            name_may_appear=True,
            no_coercion_confirmed=True,
            informed_of_purpose=True,
            informed_of_right_to_stop=True,
            recorded_at="2024-05-09",
        ),
        witness=model.Witness(
            name="Тестовая Мать",
            role=model.WitnessRole.RELATIVE.value,
            status_now=model.WitnessStatus.DECEASED.value,
            relation_to_victim="мать",
            victim_name="Тестовый Сын",
        ),
        narrative=model.Narrative(text="Сын перестал звонить.\n\nТело вернули в закрытом гробу."),
        detentions=[
            model.DetentionEpisode(
                start_date="2017-05",
                start_precision=model.DatePrecision.MONTH.value,
                end_date="2017-06-09",
                place="Воинская часть, Тертер",
                authority="Командование части",
                detention_type="unacknowledged",
                arrest_circumstances="Семья узнала позже.",
                outside_contact=["family_not_informed"],
                legal_counsel=["chosen_lawyer_refused"],
            ),
        ],
        effects=model.Effects(physical="Синяки на лице, следы на запястьях."),
        interviewer_notes="Свидетельница показала свидетельство о смерти.",
    )


def codes(t: model.Testimony) -> list[str]:
    return [item.code for item in missing_items(t)]


def resolve(t: model.Testimony, path: str) -> Any:
    """Walk a field path over the model, failing if any step does not exist."""
    node: Any = t
    for step in field_steps(path):
        if isinstance(step, int):
            assert isinstance(node, list), f"{path}: index into a non-list"
            node = node[step]
        else:
            assert dataclasses.is_dataclass(node), f"{path}: {step} on a non-record"
            assert step in {f.name for f in dataclasses.fields(node)}, f"{path}: no field {step}"
            node = getattr(node, step)
    return node


# --- the empty record and the complete record ------------------------------------------


def test_an_empty_record_lists_the_core_istanbul_questions() -> None:
    found = set(codes(model.Testimony()))
    assert {
        "consent_purpose",
        "consent_no_coercion",
        "consent_legal_proceedings",
        "consent_name_use",
        "interview_date",
        "interview_start_time",
        "interview_end_time",
        "interview_place",
        "interview_interviewer",
        "interview_language",
        "interview_persons_present",
        "witness_identity",
        "narrative_text",
        "detentions_none",
        "acts_none",
        "effects_physical",
        "effects_psychological",
        "closing_observations",
    } <= found


def test_items_come_in_interview_order() -> None:
    items = missing_items(model.Testimony())
    order = [SECTIONS.index(item.section) for item in items]
    assert order == sorted(order)
    assert items[0].section == "consent"
    assert items[-1].section == "closing"


def test_a_complete_azerbaijani_testimony_has_no_gaps() -> None:
    assert missing_items(full_victim_testimony()) == []


def test_a_complete_russian_account_of_a_death_in_custody_has_no_gaps() -> None:
    assert missing_items(full_relative_testimony()) == []


def test_every_demo_record_but_the_draft_is_complete() -> None:
    for t in demo_testimonies():
        if "draft" in t.tags:
            assert missing_items(t), "the draft demo should show the checklist at work"
        else:
            assert missing_items(t) == [], t.title


# --- every item is well formed ------------------------------------------------------------


def _assorted_records() -> list[model.Testimony]:
    """Records that between them raise every kind of item the checklist has."""
    records = [model.Testimony(), *demo_testimonies()]
    for role in model.WitnessRole:
        t = model.Testimony(witness=model.Witness(role=role.value))
        t.detentions = [model.DetentionEpisode(), model.DetentionEpisode()]
        t.acts = [model.Act(perpetrators=[model.Perpetrator()]), model.Act(episode=7)]
        t.attachments = [model.AttachmentInfo(kind="audio")]
        t.interview.language, t.interview.translation_language = "az", "en"
        t.narrative.translation = "Text."
        records.append(t)
    bad = full_victim_testimony()
    bad.interview.date = "02.04.2024"
    bad.detentions[0].start_date = "2017-13-01"
    bad.detentions[0].end_date = "2016"
    bad.detentions[0].end_precision = model.DatePrecision.YEAR.value
    bad.acts[0].date = "2017"
    bad.consent.audio_recording = False
    bad.attachments = [model.AttachmentInfo(kind="audio", sha256="ab", description="Səs")]
    bad.witness.contact = ""
    bad.consent.name_may_appear = False
    records.append(bad)
    t = full_victim_testimony()
    t.consent.follow_up_contact = None
    t.detentions[0].end_date = "2016-01-01"
    t.detentions[0].end_precision = model.DatePrecision.DAY.value
    records.append(t)
    t = full_victim_testimony()
    t.detentions[0].how_signed = ""
    t.detentions[0].end_date = "2017-5-1"
    t.consent.refusals = ""
    t.consent.organisations = []
    records.append(t)
    records.append(model.Testimony(witness=model.Witness(role="journalist")))
    t = full_relative_testimony()
    t.effects.physical = ""
    records.append(t)
    return records


def _all_items() -> list[MissingItem]:
    return [item for t in _assorted_records() for item in missing_items(t)]


def test_the_assorted_records_exercise_every_kind_of_item() -> None:
    from testimony_app.domain import completeness

    assert {item.code for item in _all_items()} == set(completeness._SECTION_OF)


def test_every_field_path_points_at_a_real_field() -> None:
    for t in _assorted_records():
        for item in missing_items(t):
            resolve(t, item.field)


def test_every_item_speaks_english_azerbaijani_and_russian() -> None:
    for item in _all_items():
        assert item.section in SECTIONS
        assert item.text.code == f"checklist.{item.code}"
        en, az, ru = item.message("en"), item.message("az"), item.message("ru")
        for text in (en, az, ru):
            assert text.strip(), item.code
            assert text.endswith("."), text
            assert "{" not in text, f"unfilled placeholder in {text!r}"
        assert CYRILLIC.search(ru), ru
        assert not CYRILLIC.search(az), az
        assert not CYRILLIC.search(en), en
        assert len({en, az, ru}) == 3, f"{item.code}: a message was not translated"


def test_azerbaijani_messages_are_written_with_azerbaijani_letters() -> None:
    az = " ".join(item.message("az") for item in _all_items())
    assert set(az) & AZ_LETTERS


def test_an_unknown_interface_language_falls_back_to_english() -> None:
    item = missing_items(model.Testimony())[0]
    assert item.message("fr") == item.message("en")


def test_numbers_in_messages_count_from_one() -> None:
    t = full_victim_testimony()
    t.acts.append(model.Act(date="2017-05-20", place="Tərtər", methods=["beating"]))
    items = {(i.code, i.field): i for i in missing_items(t)}
    item = items[("act_perpetrators", "acts[1].perpetrators")]
    assert item.message("en").startswith("Act 2:")
    assert item.message("az").startswith("Hal №2:")
    assert item.message("ru").startswith("Эпизод №2:")


# --- the rules, one by one ------------------------------------------------------------------


def test_an_interpreter_is_asked_for_only_when_languages_differ() -> None:
    t = full_victim_testimony()
    t.interview.interpreter = ""
    items = [i for i in missing_items(t) if i.code == "interview_interpreter"]
    assert [i.field for i in items] == ["interview.interpreter"]
    assert "Azerbaijani → Russian" in items[0].message("en")
    assert "Azərbaycan dili → Rus dili" in items[0].message("az")
    assert "Азербайджанский → Русский" in items[0].message("ru")
    t.interview.translation_language = "az"
    assert "interview_interpreter" not in codes(t)
    t.interview.translation_language = ""
    assert "interview_interpreter" not in codes(t)


def test_a_witness_needs_a_name_or_a_pseudonym() -> None:
    t = full_victim_testimony()
    t.witness.name = ""
    assert "witness_identity" in codes(t)
    t.witness.pseudonym = "Şahid A"
    assert "witness_identity" not in codes(t)


def test_a_withheld_name_needs_a_pseudonym() -> None:
    t = full_victim_testimony()
    t.consent.name_may_appear = False
    t.consent.refusals = "Adının çəkilməsini istəmir."
    assert "witness_pseudonym" in codes(t)
    t.witness.pseudonym = "Şahid A"
    assert missing_items(t) == []


def test_a_refused_scope_needs_the_reason() -> None:
    t = full_victim_testimony()
    t.consent.refusals = ""
    assert codes(t) == ["consent_refusal_reason"]


def test_organisations_are_asked_for_once_some_use_is_agreed() -> None:
    t = full_victim_testimony()
    t.consent.organisations = []
    assert "consent_organisations" in codes(t)
    t.consent.legal_proceedings = False
    assert "consent_organisations" not in codes(t)


def test_an_audio_attachment_needs_consent_to_keep_it() -> None:
    t = full_victim_testimony()
    t.attachments = [
        model.AttachmentInfo(
            media_type="audio/ogg", sha256="0" * 64, description="Müsahibənin səs yazısı"
        )
    ]
    assert codes(t) == ["consent_audio"]
    t.consent.audio_recording = False
    t.consent.refusals += " Səs yazısı saxlanmasın."
    items = missing_items(t)
    assert [(i.code, i.field) for i in items] == [("consent_audio_refused", "attachments[0]")]
    t.consent.audio_recording = True
    assert missing_items(t) == []


def test_contact_details_raise_the_follow_up_question() -> None:
    t = full_victim_testimony()
    t.consent.follow_up_contact = None
    assert codes(t) == ["consent_follow_up"]
    t.witness.contact = ""
    assert codes(t) == []


def test_agreed_follow_up_needs_contact_details() -> None:
    t = full_victim_testimony()
    t.witness.contact = ""
    assert codes(t) == ["witness_contact"]


def test_a_translation_must_say_its_language() -> None:
    t = full_victim_testimony()
    t.narrative.translation_language = ""
    assert codes(t) == ["narrative_translation_language"]


def test_a_date_marked_unknown_is_an_answer() -> None:
    t = full_victim_testimony()
    t.acts[0].date = ""
    assert codes(t) == ["act_date"]
    t.acts[0].date_precision = model.DatePrecision.UNKNOWN.value
    assert codes(t) == []


@pytest.mark.parametrize(
    ("value", "precision", "ok"),
    [
        ("2017-05-18", "day", True),
        ("2017-05", "day", False),
        ("2017-05", "month", True),
        ("2017", "month", False),
        ("2017", "year", True),
        ("2017-05-18", "year", True),
        ("2017-05-18", "approximate", True),
        ("2017", "approximate", True),
        ("18.05.2017", "day", False),
        ("2017-02-30", "day", False),
        ("2017-13", "month", False),
        (" 2017-05-18 ", "day", True),
    ],
)
def test_dates_must_match_their_precision(value: str, precision: str, ok: bool) -> None:
    t = full_victim_testimony()
    t.acts[0].date, t.acts[0].date_precision = value, precision
    assert ("act_date_format" not in codes(t)) is ok


def test_an_interview_date_must_be_a_full_date() -> None:
    t = full_victim_testimony()
    t.interview.date = "2024-04"
    assert codes(t) == ["interview_date_format"]


def test_a_detention_cannot_end_before_it_began() -> None:
    t = full_victim_testimony()
    t.detentions[0].end_date = "2017-04"
    items = missing_items(t)
    assert [(i.code, i.field) for i in items] == [
        ("detention_dates_order", "detentions[0].end_date")
    ]
    t.detentions[0].end_date = "2017"  # the same year: not provably earlier
    t.detentions[0].end_precision = model.DatePrecision.YEAR.value
    assert codes(t) == []


def test_someone_still_in_prison_has_no_end_date_to_give() -> None:
    t = full_victim_testimony()
    t.detentions[0].end_date = ""
    t.detentions[0].end_precision = model.DatePrecision.DAY.value
    assert codes(t) == ["detention_end"]
    t.witness.status_now = model.WitnessStatus.IMPRISONED.value
    assert codes(t) == []


def test_only_earlier_detentions_of_a_prisoner_need_an_end() -> None:
    t = full_victim_testimony()
    t.witness.status_now = model.WitnessStatus.IMPRISONED.value
    first = t.detentions[0]
    first.end_date = ""
    t.detentions.append(dataclasses.replace(first, start_date="2017-06", start_precision="month"))
    t.acts[0].episode = 0
    assert [(i.code, i.field) for i in missing_items(t)] == [
        ("detention_end", "detentions[0].end_date")
    ]


def test_signed_statements_need_the_circumstances() -> None:
    t = full_victim_testimony()
    t.detentions[0].how_signed = ""
    assert codes(t) == ["detention_how_signed"]
    t.detentions[0].statements_signed = ["refused_to_sign"]
    assert codes(t) == []


def test_the_arrest_is_asked_about_once() -> None:
    t = full_victim_testimony()
    second = dataclasses.replace(t.detentions[0], arrest_circumstances="")
    t.detentions.append(second)
    t.acts[0].episode = 1
    assert codes(t) == []
    t.detentions[0].arrest_circumstances = ""
    assert [(i.code, i.field) for i in missing_items(t)] == [
        ("detention_arrest", "detentions[0].arrest_circumstances")
    ]


def test_acts_must_be_linked_to_one_of_several_detentions() -> None:
    t = full_victim_testimony()
    t.detentions.append(dataclasses.replace(t.detentions[0]))
    assert [(i.code, i.field) for i in missing_items(t)] == [("act_episode", "acts[0].episode")]
    t.acts[0].episode = 2
    assert codes(t) == ["act_episode_invalid"]
    t.acts[0].episode = 1
    assert codes(t) == []


def test_a_method_may_be_given_in_free_text() -> None:
    t = full_victim_testimony()
    t.acts[0].methods = []
    assert codes(t) == ["act_methods"]
    t.acts[0].methods_other = "Dəmir konteynerdə saxlanıldı."
    assert codes(t) == []


def test_a_perpetrator_needs_something_to_identify_them() -> None:
    t = full_victim_testimony()
    t.acts[0].perpetrators.append(model.Perpetrator())
    items = missing_items(t)
    assert [(i.code, i.field) for i in items] == [
        ("act_perpetrator_description", "acts[0].perpetrators[1].description")
    ]
    assert items[0].message("en") == "Act 1, person 2: add a name, rank, unit or description."
    t.acts[0].perpetrators[1].rank = "kapitan"
    assert codes(t) == []


# --- not applicable must not nag -------------------------------------------------------------


def test_a_relative_is_not_asked_what_happened_inside() -> None:
    t = full_relative_testimony()
    found = set(codes(t))
    assert not found & {
        "detention_statements",
        "detention_medical",
        "detention_conditions",
        "acts_none",
        "act_perpetrators",
        "act_demands",
        "effects_psychological",
        "effects_treatment",
        "witness_date_of_birth",
    }


def test_a_relative_in_a_death_in_custody_is_asked_about_the_body() -> None:
    t = full_relative_testimony()
    t.effects.physical = ""
    items = missing_items(t)
    assert [(i.code, i.field) for i in items] == [("effects_body", "effects.physical")]
    assert "body" in items[0].message("en")
    assert "Cənazə" in items[0].message("az")
    assert "тело" in items[0].message("ru")
    t.witness.status_now = model.WitnessStatus.IMPRISONED.value
    assert codes(t) == []


def test_a_relative_names_the_victim_and_the_relation() -> None:
    t = full_relative_testimony()
    t.witness.victim_name = ""
    t.witness.relation_to_victim = ""
    assert codes(t) == ["witness_victim_name", "witness_relation"]


def test_acts_told_by_a_relative_need_no_perpetrators() -> None:
    t = full_relative_testimony()
    t.acts = [
        model.Act(date="2017-05", date_precision="month", place="Тертер", methods=["falanga"])
    ]
    assert codes(t) == []


def test_a_bystander_needs_no_detention_or_act_of_their_own() -> None:
    t = full_relative_testimony()
    t.witness.role = model.WitnessRole.OTHER_WITNESS.value
    t.witness.relation_to_victim = ""
    t.detentions = []
    t.effects = model.Effects()
    assert codes(t) == []


def test_a_bystander_describes_the_perpetrators_of_what_they_saw() -> None:
    t = full_relative_testimony()
    t.witness.role = model.WitnessRole.OTHER_WITNESS.value
    t.acts = [model.Act(date="2017-05-20", place="Тертер", methods=["beating"])]
    assert codes(t) == ["act_perpetrators"]


def test_a_co_detainee_is_asked_about_the_inside_but_not_for_every_detail() -> None:
    t = full_victim_testimony()
    t.witness.role = model.WitnessRole.CO_DETAINEE.value
    t.acts[0].duration = ""
    t.acts[0].injuries = ""
    t.effects.medical_treatment = ""
    assert codes(t) == []
    t.detentions[0].conditions = ""
    t.acts[0].demands = ""
    assert codes(t) == ["detention_conditions", "act_demands"]


def test_an_unknown_role_is_reported_without_guessing() -> None:
    t = full_victim_testimony()
    t.witness.role = "journalist"
    assert "witness_role" in codes(t)


def test_attachments_need_a_fingerprint_and_a_description() -> None:
    t = full_victim_testimony()
    t.attachments = [model.AttachmentInfo(kind="photo")]
    assert [(i.code, i.field) for i in missing_items(t)] == [
        ("attachment_sha256", "attachments[0].sha256"),
        ("attachment_description", "attachments[0].description"),
    ]


def test_the_check_does_not_change_the_record() -> None:
    t = full_victim_testimony()
    t.acts[0].perpetrators.append(model.Perpetrator())
    before = dataclasses.asdict(t)
    missing_items(t)
    assert dataclasses.asdict(t) == before


# --- field paths -------------------------------------------------------------------------


def test_field_steps_split_paths_for_the_editor() -> None:
    assert field_steps("interview.date") == ("interview", "date")
    assert field_steps("detentions") == ("detentions",)
    assert field_steps("acts[2].perpetrators[0].name") == ("acts", 2, "perpetrators", 0, "name")
    assert field_steps("attachments[10]") == ("attachments", 10)


@pytest.mark.parametrize("bad", ["", "acts[x]", "acts.[0]", "a..b", "acts[0]extra"])
def test_field_steps_refuse_what_is_not_a_path(bad: str) -> None:
    with pytest.raises(ValueError, match="not a field path"):
        field_steps(bad)
