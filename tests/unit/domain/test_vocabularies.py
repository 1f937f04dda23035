"""The controlled vocabularies: every list loads, and every label is there in three languages.

A missing or garbled label shows up on an interviewer's screen or in a signed statement, so
these tests check what a translator reviewing the lists would check.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from importlib import resources

import pytest

from testimony_app.domain import model, vocabularies
from testimony_app.domain.vocabularies import (
    LANGUAGES,
    VOCABULARY_NAMES,
    Term,
    Vocabulary,
    label,
    vocabulary,
)
from testimony_app.errors import BugError

AZ_LETTERS = set("əƏğĞıİöÖşŞçÇüÜ")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")


def _raw(name: str) -> dict[str, object]:
    path = resources.files("testimony_app.resources") / "vocabularies" / f"{name}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


def test_every_vocabulary_file_is_shipped_and_listed() -> None:
    folder = resources.files("testimony_app.resources") / "vocabularies"
    files = {e.name.removesuffix(".json") for e in folder.iterdir() if e.name.endswith(".json")}
    assert files == set(VOCABULARY_NAMES)


@pytest.mark.parametrize("name", VOCABULARY_NAMES)
def test_vocabulary_loads_with_unique_snake_case_codes(name: str) -> None:
    v = vocabulary(name)
    assert v.name == name
    codes = v.codes()
    assert codes, "an empty pick-list is useless"
    assert len(codes) == len(set(codes))
    for code in codes:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", code), code


@pytest.mark.parametrize("name", VOCABULARY_NAMES)
def test_every_term_has_a_label_in_every_language(name: str) -> None:
    for term in vocabulary(name).terms:
        for lang in LANGUAGES:
            text = term.label(lang)
            assert text.strip(), f"{name}.{term.code} has no {lang} label"
            assert text == text.strip(), f"{name}.{term.code} {lang} label has stray spaces"
            assert "  " not in text


@pytest.mark.parametrize("name", VOCABULARY_NAMES)
def test_labels_are_written_in_the_right_script(name: str) -> None:
    v = vocabulary(name)
    for term in v.terms:
        ru, az, en = term.label("ru"), term.label("az"), term.label("en")
        assert CYRILLIC.search(ru), f"{name}.{term.code}: Russian label is not Cyrillic: {ru}"
        assert not LATIN.search(ru), f"{name}.{term.code}: Latin letters in Russian label: {ru}"
        assert not CYRILLIC.search(az), f"{name}.{term.code}: Cyrillic in Azerbaijani label: {az}"
        assert not CYRILLIC.search(en), f"{name}.{term.code}: Cyrillic in English label: {en}"
        assert not set(en) & AZ_LETTERS, f"{name}.{term.code}: English label looks Azerbaijani"
        # A label copied across languages by mistake is the commonest translation slip.
        assert az != en or az in {"Video"}, f"{name}.{term.code}: az label equals en label"


@pytest.mark.parametrize("name", VOCABULARY_NAMES)
def test_azerbaijani_labels_use_azerbaijani_letters(name: str) -> None:
    """Written in real Azerbaijani, not in an ASCII transliteration."""
    az = " ".join(t.label("az") for t in vocabulary(name).terms)
    assert set(az) & AZ_LETTERS, f"{name}: no ə, ğ, ı, ö, ş, ç or ü in any Azerbaijani label"


@pytest.mark.parametrize("name", VOCABULARY_NAMES)
def test_groups_have_labels_in_every_language(name: str) -> None:
    v = vocabulary(name)
    for group in v.groups():
        if not group:
            continue
        for lang in LANGUAGES:
            assert v.group_label(group, lang) != group, f"{name}: group {group} unlabelled"
    assert set(v.group_labels) <= set(v.groups()), f"{name}: a labelled group has no terms"


@pytest.mark.parametrize(
    ("name", "enum"),
    [
        ("witness_roles", model.WitnessRole),
        ("witness_status", model.WitnessStatus),
        ("date_precision", model.DatePrecision),
        ("body_sides", model.BodySide),
    ],
)
def test_enum_vocabularies_match_the_model(name: str, enum: type[StrEnum]) -> None:
    assert set(vocabulary(name).codes()) == {e.value for e in enum}


def test_consent_scopes_name_real_consent_fields() -> None:
    fields = set(vars(model.Consent()))
    assert set(vocabulary("consent_scopes").codes()) <= fields
    assert {
        "legal_proceedings",
        "organisations",
        "publication",
        "name_may_appear",
        "audio_recording",
        "follow_up_contact",
    } <= set(vocabulary("consent_scopes").codes())


def test_languages_cover_the_interview_languages_and_neighbours() -> None:
    codes = set(vocabulary("languages").codes())
    assert {"az", "ru", "en", "hy", "fa", "ar", "tr", "ka"} <= codes
    assert label("languages", "az", "az") == "Azərbaycan dili"
    assert label("languages", "hy", "ru") == "Армянский"


def test_methods_cover_what_the_tartar_case_reports() -> None:
    methods = vocabulary("methods")
    assert 40 <= len(methods.terms) <= 70
    reported = {
        "beating",
        "beating_truncheon",
        "falanga",
        "electric_shock",
        "suspension",
        "stress_positions",
        "asphyxiation_dry",
        "asphyxiation_wet",
        "threat_of_rape",
        "rape",
        "forced_nudity",
        "sleep_deprivation",
        "food_deprivation",
        "water_deprivation",
        "blindfolding",
        "prolonged_isolation",
        "pit_zindan",
        "mock_execution",
        "threats_against_family",
        "humiliation",
        "witness_torture_of_others",
        "medical_care_denied",
        "pharmacological",
        "forced_confession",
        "forced_to_sign",
        "nail_removal",
    }
    assert reported <= set(methods.codes())
    assert set(methods.groups()) >= {"physical", "psychological", "sexual", "deprivation"}
    assert "" not in methods.groups(), "every method belongs to a group in the pick-list"


def test_label_in_each_language() -> None:
    assert label("methods", "falanga") == "Falanga: blows to the soles of the feet"
    assert label("methods", "falanga", "az") == "Falanqa: ayaqların altına zərbələr"
    assert label("methods", "falanga", "ru") == "Фаланга: удары по ступням"


def test_free_text_is_shown_as_typed() -> None:
    """A method the witness described in their own words must never disappear."""
    typed = "saxlanıldı dəmir konteynerdə"
    assert label("methods", typed, "ru") == typed
    assert vocabulary("methods").get(typed) is None
    assert typed not in vocabulary("methods")
    assert "falanga" in vocabulary("methods")


def test_unknown_language_falls_back_to_english() -> None:
    assert label("witness_roles", "relative", "hy") == "Relative of the person harmed"
    assert vocabulary("methods").group_label("sexual", "fr") == "Sexual violence"
    assert vocabulary("methods").group_label("no_such_group", "az") == "no_such_group"


def test_term_fallbacks() -> None:
    term = Term(code="x", labels={"en": "Ex"})
    assert term.label("az") == "Ex"
    assert Term(code="y", labels={}).label("ru") == "y"


def test_vocabulary_helpers() -> None:
    v = Vocabulary(
        name="t",
        terms=(
            Term("a", {"en": "A"}, "g1"),
            Term("b", {"en": "B"}, "g2"),
            Term("c", {"en": "C"}, "g1"),
        ),
        group_labels={"g1": {"en": "Group one"}},
    )
    assert v.codes() == ("a", "b", "c")
    assert v.groups() == ("g1", "g2")
    assert [t.code for t in v.terms_in_group("g1")] == ["a", "c"]
    assert v.get("b") == Term("b", {"en": "B"}, "g2")
    assert v.group_label("g1", "ru") == "Group one"


def test_vocabulary_is_loaded_once() -> None:
    assert vocabulary("methods") is vocabulary("methods")
    assert hash(vocabulary("methods").terms[0])  # terms can go into sets and dict keys


def test_unknown_vocabulary_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no vocabulary named 'tortures'"):
        vocabulary("tortures")


def test_loaded_labels_cannot_be_changed() -> None:
    term = vocabulary("methods").terms[0]
    with pytest.raises(TypeError):
        term.labels["en"] = "changed"  # type: ignore[index]


@pytest.mark.parametrize("name", VOCABULARY_NAMES)
def test_files_follow_the_documented_shape(name: str) -> None:
    doc = _raw(name)
    assert set(doc) <= {"name", "version", "groups", "terms"}
    assert doc["version"] == 1


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        ({"name": "other", "version": 1, "terms": []}, "file name"),
        ({"name": "methods", "version": "1", "terms": []}, "version"),
        ({"name": "methods", "version": 1, "terms": []}, "non-empty"),
        (
            {
                "name": "methods",
                "version": 1,
                "terms": [{"code": "a", "labels": {"en": "A", "az": "A", "ru": "А"}}] * 2,
            },
            "twice",
        ),
        (
            {"name": "methods", "version": 1, "terms": [{"code": "a", "labels": {"en": "A"}}]},
            "'az' label",
        ),
        (
            {
                "name": "methods",
                "version": 1,
                "terms": [{"code": "Bad Code", "labels": {"en": "A", "az": "A", "ru": "А"}}],
            },
            "snake_case",
        ),
        (
            {
                "name": "methods",
                "version": 1,
                "groups": {"g": {"en": "G", "az": "G", "ru": "Г"}},
                "terms": [{"code": "a", "group": "h", "labels": {"en": "A", "az": "A", "ru": "А"}}],
            },
            "no labels",
        ),
    ],
)
def test_a_broken_file_is_reported_as_our_bug(broken: dict[str, object], why: str) -> None:
    with pytest.raises(BugError, match=why):
        vocabularies._parse("methods", broken)
