"""The corroboration report built from domain objects, read back with pypdf."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdf
import pytest

from testimony_app.domain import model, vocabularies
from testimony_app.domain.matching import (
    NOT_NAMED,
    CorroboratingAct,
    Corroboration,
    CorroborationItem,
    Entry,
)
from testimony_app.domain.model import Consent, Interview, Witness
from testimony_app.domain.transliteration import skeleton
from testimony_app.reports import CorroborationReportRequest, build_corroboration_report
from testkit.pdf_checks import label

ENTRY = Entry("e0f1a2b3-0000-4000-8000-000000000001", "person", "Elçin Həsənov", "kapitan",
              "Q-903", "", "2024-01-01T00:00:00Z")
WITNESSES = [
    # (name, pseudonym, consent, excerpt, mention, place)
    ("Zərifə Bəşirova", "Şahid A", True,
     "Kapitan Həsənov gecə zirzəmidə ayaqlarımın altına dəyənəklə vurdu, "
     "şikayət etsəm öldürəcəyini dedi.", "Elçin Həsənov", "Tərtər, Q-903 hərbi hissəsi"),
    ("Тимур Джафаров", "Свидетель Б", False,
     "Капитан Гасанов лично пытал меня электрическим током; Тимура Джафарова он "
     "называл предателем.", "Гасанов", "Тертер, часть Q-903"),
    ("Rashad Guliyev", "Witness C", None,
     "Captain Hasanov beat Rashad Guliyev and Timur Jafarov in the basement.",
     "Capt. Hasanov", "Tartar, unit Q-903"),
    ("Zərifə Bəşirova", "Şahid A", True,
     "İkinci dəfə də Həsənov məni döydü.", "Həsənov", "Tərtər, Q-903 hərbi hissəsi"),
]


def _case() -> tuple[Corroboration, tuple[model.Testimony, ...]]:
    items, sources = [], []
    for n, (name, pseudonym, consent, excerpt, mention, place) in enumerate(WITNESSES):
        record = f"0000000{n}-1111-4222-8333-44444444444{n}"
        perpetrators = (mention, NOT_NAMED) if n == 2 else (mention,)
        act = CorroboratingAct(record, 0, f"2017-05-{18 + n}", place,
                               ("falanga", "electric_shock")[: 1 + n % 2], perpetrators)
        items.append(CorroborationItem(
            record_id=record, version=1 + n % 2, content_sha256=f"{n}" * 64, sealed=n != 2,
            witness_key=name.split()[-1][:4], witness_label=pseudonym, witness_name=name,
            name_may_appear=consent is True, mention_paths=("acts[0].perpetrators[0]",),
            mention_texts=(mention,), interview_date="2024-03-0" + str(n + 1),
            acts=(act,), excerpt=excerpt,
        ))
        sources.append(model.Testimony(
            title="t", fictional=True,
            witness=Witness(name=name, pseudonym=pseudonym,
                            identifiers="AZE 12345678" if n == 1 else ""),
            interview=Interview(date=f"2024-03-0{n + 1}", place="Bakı"),
            consent=Consent(name_may_appear=consent),
        ))
    # The timeline and the matrix as the registry service makes them: acts by place, then
    # date; distinct witnesses per perpetrator and method.
    timeline = tuple(sorted((a for i in items for a in i.acts),
                            key=lambda a: (skeleton(a.place), a.date, a.record_id)))
    matrix = {NOT_NAMED: {"falanga": 1}, "Elçin Həsənov": {"electric_shock": 2, "falanga": 3}}
    corroboration = Corroboration(ENTRY, tuple(items), 3, timeline, matrix)
    return corroboration, tuple(sources)


def _build(language: str = "en", redacted: bool = False) -> bytes:
    corroboration, sources = _case()
    return build_corroboration_report(CorroborationReportRequest(
        corroboration, sources, language=language, redacted=redacted))


def _read(pdf: bytes) -> tuple[str, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(p.extract_text() for p in reader.pages)
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return text, meta


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_every_excerpt_is_cited(language: str) -> None:
    text, _ = _read(_build(language))
    flat = " ".join(text.split())
    corroboration, _ = _case()
    for n, item in enumerate(corroboration.items, 1):
        assert f"E{n}" in text
        assert item.record_id in text
        assert item.content_sha256 in text
    # Azerbaijani and Russian text comes back exactly.
    assert WITNESSES[0][3] in flat
    assert WITNESSES[1][3] in flat
    assert "Elçin Həsənov" in text
    assert "Гасанов" in text
    pages = len(pypdf.PdfReader(io.BytesIO(_build(language))).pages)
    assert pages >= 2


def test_summary_counts_independent_witnesses() -> None:
    text, _ = _read(_build())
    assert "Independent witnesses\n3" in text or "Independent witnesses 3" in text
    assert "2017-05-18 – 2017-05-21" in text
    assert "same witness as E1" in text


@pytest.mark.slow
def test_redacted_keeps_consenting_witnesses_only() -> None:
    text, meta = _read(_build("ru", redacted=True))
    everything = (text + " " + meta).casefold()
    for gone in ("Тимур", "Джафаров", "Джафарова", "Jafarov", "Timur", "Rashad", "Guliyev",
                 "12345678"):
        assert gone.casefold() not in everything, gone
    assert "Zərifə Bəşirova" in text
    assert "Свидетель Б" in text
    assert "Witness C" in text
    assert "Гасанов" in text
    assert "Hasanov" in text
    # The unredacted report names everyone.
    full, _ = _read(_build("ru"))
    assert "Тимур Джафаров" in full
    assert "Rashad Guliyev" in full


@pytest.mark.slow
def test_same_input_same_bytes() -> None:
    assert _build("az") == _build("az")
    assert _build("ru", redacted=True) == _build("ru", redacted=True)
    assert _build("az") != _build("ru")


def test_sources_must_match_items() -> None:
    corroboration, sources = _case()
    with pytest.raises(ValueError):
        build_corroboration_report(CorroborationReportRequest(corroboration, sources[:1]))


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_timeline_and_matrix_in_every_language(language: str) -> None:
    text, _ = _read(_build(language))
    flat = _flat(text)
    falanga = vocabularies.label("methods", "falanga", language)
    shock = vocabularies.label("methods", "electric_shock", language)
    not_named = label("cr_not_named", language)
    for key in ("cr_s_timeline", "cr_s_matrix"):
        assert label(key, language) in text
    timeline = flat[flat.index(label("cr_s_timeline", language)):
                    flat.index(label("cr_s_matrix", language))]
    # One row per act, in date order: date, place, excerpt and witness, perpetrators, methods.
    rows = [
        f"2017-05-18 Tərtər, Q-903 hərbi hissəsi E1 · W1: Zərifə Bəşirova Elçin Həsənov {falanga}",
        f"2017-05-19 Тертер, часть Q-903 E2 · W2: Тимур Джафаров Гасанов {falanga}; {shock}",
        f"2017-05-20 Tartar, unit Q-903 E3 · W3: Rashad Guliyev Capt. Hasanov; {not_named}",
        f"2017-05-21 Tərtər, Q-903 hərbi hissəsi E4 · W1: Zərifə Bəşirova Həsənov {falanga}",
    ]
    positions = [timeline.index(row) for row in rows]
    assert positions == sorted(positions)
    # The matrix: most corroborated method first, one row per alleged perpetrator.
    matrix = flat[flat.index(label("cr_s_matrix", language)):]
    assert f"{label('cr_perpetrator', language)} {falanga} {shock}" in matrix
    assert f"{not_named} 1 Elçin Həsənov 3 2" in matrix
    if language != "en":
        assert "(not named)" not in text
        assert "Electric shocks" not in text


@pytest.mark.slow
def test_redacted_timeline_names_only_consenting_witnesses() -> None:
    text, _ = _read(_build("ru", redacted=True))
    flat = _flat(text)
    timeline = flat[flat.index(label("cr_s_timeline", "ru")):
                    flat.index(label("cr_s_matrix", "ru"))]
    assert "E1 · W1: Zərifə Bəşirova" in timeline
    assert "E2 · W2: Свидетель Б" in timeline
    assert "E3 · W3: Witness C" in timeline
    for gone in ("Тимур", "Джафаров", "Rashad", "Guliyev"):
        assert gone not in timeline


def _many_methods() -> tuple[Corroboration, tuple[model.Testimony, ...]]:
    """Fourteen methods and alleged perpetrators with long names: the matrix must split."""
    corroboration, sources = _case()
    codes = vocabularies.vocabulary("methods").codes()[:14]
    people = ["mayor Rəşad Əliağa oğlu Qəhrəmanlı-Məmmədov", "Elçin Həsənov",
              "kapitan Гасанов Эльчин Джамалович", NOT_NAMED]
    matrix = {p: {m: 1 + (i + j) % 3 for j, m in enumerate(codes) if (i + j) % 4}
              for i, p in enumerate(people)}
    items = tuple(
        replace(item, acts=tuple(replace(a, methods=codes[n::4]) for a in item.acts))
        for n, item in enumerate(corroboration.items)
    )
    timeline = tuple(a for i in items for a in i.acts)
    return replace(corroboration, items=items, timeline=timeline, matrix=matrix), sources


@pytest.mark.slow
def test_many_methods_split_into_legible_tables() -> None:
    corroboration, sources = _many_methods()
    for language in ("en", "az", "ru"):
        pdf = build_corroboration_report(CorroborationReportRequest(
            corroboration, sources, language=language))
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        flat = _flat("\n".join(p.extract_text() for p in reader.pages))
        matrix = flat[flat.index(label("cr_s_matrix", language)):]
        # Numbered columns with a legend of the full labels, in two tables.
        assert label("cr_matrix_legend", language) in matrix
        for n in range(1, 15):
            assert f"M{n} " in matrix
        assert label("cr_matrix_part", language, first="M1", last="M10", total=14) in matrix
        assert label("cr_matrix_part", language, first="M11", last="M14", total=14) in matrix
        for code in corroboration.matrix["Elçin Həsənov"]:
            assert vocabularies.label("methods", code, language) in flat
        # Nothing is drawn beyond the right margin of any page.
        for page in reader.pages:
            width = float(page.mediabox.width)
            right: list[float] = []

            def visit(text: str, cm: list[float], tm: list[float], _font: object,
                      size: float, right: list[float] = right) -> None:
                if text.strip():
                    x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                    right.append(x + len(text) * size * 0.3)

            page.extract_text(visitor_text=visit)
            assert right
            assert max(right) < width - 40
