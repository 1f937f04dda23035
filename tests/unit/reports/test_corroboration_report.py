"""The corroboration report built from domain objects, read back with pypdf."""

from __future__ import annotations

import io

import pypdf
import pytest

from testimony_app.domain import model
from testimony_app.domain.matching import (
    CorroboratingAct,
    Corroboration,
    CorroborationItem,
    Entry,
)
from testimony_app.domain.model import Consent, Interview, Witness
from testimony_app.reports import CorroborationReportRequest, build_corroboration_report

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
        act = CorroboratingAct(record, 0, f"2017-05-{18 + n}", place,
                               ("falanga", "electric_shock")[: 1 + n % 2], (mention,))
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
    corroboration = Corroboration(ENTRY, tuple(items), 3, (), {})
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


def test_same_input_same_bytes() -> None:
    assert _build("az") == _build("az")
    assert _build("ru", redacted=True) == _build("ru", redacted=True)
    assert _build("az") != _build("ru")


def test_sources_must_match_items() -> None:
    corroboration, sources = _case()
    with pytest.raises(ValueError):
        build_corroboration_report(CorroborationReportRequest(corroboration, sources[:1]))
