"""The fictional demo testimonies: clearly marked, loadable, and varied enough to be useful.

A trainer opens these in front of a room of interviewers, and our other tests build vaults,
statements and bundles from them; so they must round-trip exactly, carry nothing that looks
like a real person, and cover the hard cases (scripts, translations, refusals, deaths).
"""

from __future__ import annotations

import dataclasses
import json
import re
from importlib import resources
from typing import Any

import pytest

from testimony_app.domain import interchange, model
from testimony_app.domain.demo import FICTIONAL_PREFIX, demo_testimonies
from testimony_app.domain.vocabularies import vocabulary

ARMENIAN = re.compile(r"[\u0531-\u058F]")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
AZ_LETTERS = re.compile(r"[əƏğĞıİöÖşŞçÇüÜ]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def demo_files() -> list[tuple[str, Any]]:
    folder = resources.files("testimony_app.resources") / "demo"
    entries = sorted(
        (e for e in folder.iterdir() if e.name.endswith(".json")), key=lambda e: e.name
    )
    return [(e.name, json.loads(e.read_text(encoding="utf-8"))) for e in entries]


FILES = demo_files()
NAMES = [name for name, _ in FILES]


def test_there_are_at_least_seven_demo_testimonies() -> None:
    assert len(FILES) >= 7
    assert len(demo_testimonies()) == len(FILES)


@pytest.mark.parametrize(("name", "raw"), FILES, ids=NAMES)
def test_demo_file_round_trips_exactly(name: str, raw: Any) -> None:
    """The files are stored in full, canonical form: import then export changes nothing."""
    t = interchange.from_dict(raw)
    assert interchange.to_dict(t) == raw
    assert interchange.from_dict(interchange.to_dict(t)) == t


@pytest.mark.parametrize(("name", "raw"), FILES, ids=NAMES)
def test_demo_file_is_marked_fictional(name: str, raw: Any) -> None:
    assert raw["fictional"] is True
    assert raw["title"].startswith(FICTIONAL_PREFIX)


def test_demo_testimonies_load_in_file_name_order() -> None:
    loaded = demo_testimonies()
    assert [t.id for t in loaded] == [raw["id"] for _, raw in FILES]
    assert [t.id for t in demo_testimonies()] == [t.id for t in loaded]
    assert len({t.id for t in loaded}) == len(loaded)
    assert all(t.fictional for t in loaded)


def test_no_real_tartar_case_names() -> None:
    text = json.dumps([raw for _, raw in FILES], ensure_ascii=False).casefold()
    for real in ("nemat", "nemət", "maharramov", "məhərrəmov", "немат", "магеррамов"):
        assert real not in text


def test_languages_are_mixed_as_in_the_field() -> None:
    languages = [t.interview.language for t in demo_testimonies()]
    assert languages.count("az") >= 3
    assert languages.count("ru") >= 2
    assert languages.count("en") >= 2


def test_narratives_are_written_in_the_language_spoken() -> None:
    for t in demo_testimonies():
        text = t.narrative.text
        if t.interview.language == "az":
            assert AZ_LETTERS.search(text), t.title
        elif t.interview.language == "ru":
            assert len(CYRILLIC.findall(text)) > len(text) / 2, t.title
        else:
            assert not CYRILLIC.search(text), t.title


def test_one_azerbaijani_narrative_has_an_english_translation_paragraph_by_paragraph() -> None:
    translated = [
        t
        for t in demo_testimonies()
        if t.interview.language == "az" and t.narrative.translation_language == "en"
    ]
    assert translated
    for t in translated:
        assert len(t.narrative.translation_paragraphs) == len(t.narrative.paragraphs)
        assert not AZ_LETTERS.search(t.narrative.translation)


def test_one_relative_describes_a_death_in_custody() -> None:
    deaths = [
        t
        for t in demo_testimonies()
        if t.witness.role == model.WitnessRole.RELATIVE
        and t.witness.status_now == model.WitnessStatus.DECEASED
    ]
    assert deaths
    assert all(t.effects.physical and t.witness.victim_name for t in deaths)


def test_armenian_and_persian_script_appear_in_narratives() -> None:
    narratives = [t.narrative.text for t in demo_testimonies()]
    assert any(ARMENIAN.search(n) for n in narratives)
    assert any(ARABIC_SCRIPT.search(n) for n in narratives)


def test_consent_varies_between_records() -> None:
    consents = [t.consent for t in demo_testimonies()]
    assert any(c.name_may_appear is False for c in consents)
    assert any(c.publication is False for c in consents)
    assert any(c.legal_proceedings is False for c in consents)
    assert any(c.legal_proceedings and c.publication and c.name_may_appear for c in consents)


def test_withheld_names_have_a_pseudonym_and_it_is_the_title() -> None:
    for t in demo_testimonies():
        if t.consent.name_may_appear is False:
            assert t.witness.pseudonym
            assert t.witness.name.split()[0] not in t.title


@pytest.mark.parametrize("t", demo_testimonies(), ids=NAMES)
def test_structure_is_realistic(t: model.Testimony) -> None:
    assert 4 <= len(t.narrative.paragraphs) <= 10
    assert 2 <= len(t.acts) <= 5
    assert t.detentions
    assert t.sensitive_names
    for act in t.acts:
        assert act.episode is not None
        assert 0 <= act.episode < len(t.detentions)


def test_most_records_have_several_detentions_and_body_marks() -> None:
    records = demo_testimonies()
    assert sum(len(t.detentions) > 1 for t in records) >= 5
    assert sum(bool(t.effects.body_marks) for t in records) >= 5
    assert any(p.rank and p.unit for t in records for a in t.acts for p in a.perpetrators)


@pytest.mark.parametrize("t", demo_testimonies(), ids=NAMES)
def test_controlled_fields_use_vocabulary_codes(t: model.Testimony) -> None:
    """Demo data shows the lists at work; free text goes in methods_other and descriptions."""
    assert t.witness.role in vocabulary("witness_roles")
    assert t.witness.status_now in vocabulary("witness_status")
    assert t.interview.language in vocabulary("languages")
    for d in t.detentions:
        assert d.detention_type in vocabulary("detention_types")
        assert d.start_precision in vocabulary("date_precision")
        assert d.end_precision in vocabulary("date_precision")
        for name, values in (
            ("outside_contact", d.outside_contact),
            ("legal_counsel", d.legal_counsel),
            ("statements_signed", d.statements_signed),
            ("medical_attention", d.medical_attention),
        ):
            for code in values:
                assert code in vocabulary(name), f"{name}: {code}"
    for act in t.acts:
        assert act.methods
        for code in act.methods:
            assert code in vocabulary("methods"), code
        assert act.date_precision in vocabulary("date_precision")
        for p in act.perpetrators:
            assert p.involvement in vocabulary("perpetrator_involvement")
    for mark in t.effects.body_marks:
        assert mark.side in vocabulary("body_sides")
        assert 0 <= mark.x <= 1
        assert 0 <= mark.y <= 1
        assert mark.note


@pytest.mark.parametrize("t", demo_testimonies(), ids=NAMES)
def test_sensitive_names_occur_in_the_record(t: model.Testimony) -> None:
    """A name marked for redaction that never occurs would protect nobody."""
    doc = dataclasses.asdict(t)
    doc.pop("sensitive_names")
    text = json.dumps(doc, ensure_ascii=False)
    for name in t.sensitive_names:
        assert name in text, name
