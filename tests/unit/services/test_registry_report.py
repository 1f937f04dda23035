"""The corroboration report made through the registry service on a real vault."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from testimony_app.domain import model, vocabularies
from testimony_app.domain.model import Act, Consent, Interview, Perpetrator, Witness
from testimony_app.domain.redaction_review import DoubtfulUnreviewed, ReviewChoices
from testimony_app.errors import UserFacingError
from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.words import Message, Param, text

PW = "registry report test passphrase"


def label(key: str, lang: str, **values: Param) -> str:
    """The report's wording ``pdf.<key>`` in ``lang`` (reports catalogue)."""
    return text(Message(f"pdf.{key}", **values), lang)
PATH = "acts[0].perpetrators[0]"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[VaultSession]:
    s = create_vault(tmp_path / "vault", PW, kdf="test")
    yield s
    s.lock()


def _testimony(witness: str, perp: str, rank: str, date: str, methods: list[str], text: str,
               *, place: str, consent_name: bool | None, pseudonym: str,
               identifiers: str = "") -> model.Testimony:
    return model.Testimony(
        title="t", fictional=True,
        witness=Witness(name=witness, pseudonym=pseudonym, identifiers=identifiers),
        interview=Interview(date="2024-03-01", place="Bakı"),
        consent=Consent(legal_proceedings=True, name_may_appear=consent_name,
                        informed_of_purpose=True, no_coercion_confirmed=True),
        acts=[Act(date=date, place=place, methods=methods, description=text,
                  perpetrators=[Perpetrator(name=perp, rank=rank, unit="Q-903")])],
    )


AZ_TEXT = "Kapitan Həsənov məni zirzəmidə döydü; Orxan Səfərli olaraq bunu təsdiq edirəm."
RU_TEXT = "Капитан Гасанов бил меня по ступням. Меня, Тимура Джафарова, держали в подвале."
EN_TEXT = "Captain Hasanov used electric shocks on me and on Timur Jafarov."


@pytest.fixture
def linked(vault: VaultSession) -> tuple[VaultSession, str, dict[str, str]]:
    az = vault.testimonies.create(_testimony(
        "Orxan Səfərli", "Elçin Həsənov", "kapitan", "2017-05-18", ["falanga"], AZ_TEXT,
        place="Q-903 hərbi hissəsi, Tərtər", consent_name=True, pseudonym="W-AZ"))
    ru = vault.testimonies.create(_testimony(
        "Тимур Джафаров", "Гасанов", "капитан", "2017-05-21", ["falanga", "electric_shock"],
        RU_TEXT, place="Часть Q-903, подвал", consent_name=False, pseudonym="Свидетель Б",
        identifiers="AZE 12345678"))
    en = vault.testimonies.create(_testimony(
        "Rashad Guliyev", "Capt. Hasanov", "", "2017-05-23", ["electric_shock"], EN_TEXT,
        place="Unit Q-903, basement", consent_name=None, pseudonym="Witness C"))
    entry = vault.registry.link(az, PATH, new_entry=True).entry_id
    suggested = vault.registry.link(ru, PATH, entry, status="suggested")
    vault.registry.confirm(suggested.id)
    vault.registry.link(en, PATH, entry)
    return vault, entry, {"az": az, "ru": ru, "en": en}


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.slow
def test_report_through_the_service(linked: tuple[VaultSession, str, dict[str, str]],
                                    tmp_path: Path) -> None:
    vault, entry, _ids = linked
    dest = tmp_path / "annex.pdf"
    pdf = vault.registry.report(entry, dest, language="az")
    assert dest.read_bytes() == pdf
    assert dest.stat().st_mode & 0o777 == 0o600
    text = _text(pdf)
    result = vault.registry.corroborate(entry)
    assert result.independent_witnesses == 3
    for n, item in enumerate(result.items, 1):
        assert f"Çıxarış E{n}" in text
        assert item.record_id in text
        assert item.content_sha256 in text
    assert "E4" not in text
    for form in ("Elçin Həsənov", "Гасанов", "Hasanov"):
        assert form in text
    assert AZ_TEXT in text.replace("\n", " ")
    assert "Капитан Гасанов бил меня по ступням." in text
    assert re.search(r"Müstəqil şahidlər\s*3", text)
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for n in range(1, pages + 1):
        assert label("page_of", "az", page=n, pages=pages) in text
    # Same vault, same request: the same bytes.
    assert vault.registry.report(entry, language="az") == pdf


@pytest.mark.slow
def test_redacted_report_respects_each_witness(
        linked: tuple[VaultSession, str, dict[str, str]]) -> None:
    vault, entry, _ids = linked
    pdf = vault.registry.report(entry, language="ru", redacted=True)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = _text(pdf)
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    everything = (text + " " + metadata).casefold()
    # Тимур Джафаров did not consent; Rashad Guliyev was never asked: both are removed, in
    # every script and inflection, from their own and from other testimonies.
    for gone in ("Джафаров", "Тимур", "Jafarov", "Timur", "Rashad", "Guliyev", "12345678"):
        assert gone.casefold() not in everything, gone
    assert "Свидетель Б" in text
    assert "Witness C" in text
    # Orxan Səfərli consented: his name stays.
    assert "Orxan Səfərli" in text
    # The perpetrator and the citations stay.
    assert "Гасанов" in text
    assert "Hasanov" in text
    for item in vault.registry.corroborate(entry).items:
        assert item.record_id in text
        assert item.content_sha256 in text
    assert vault.registry.report(entry, language="ru", redacted=True) == pdf


@pytest.mark.slow
def test_unknown_language_is_refused(linked: tuple[VaultSession, str, dict[str, str]]) -> None:
    vault, entry, _ = linked
    with pytest.raises(UserFacingError):
        vault.registry.report(entry, language="fr")


@pytest.mark.slow
def test_report_has_the_timeline_and_the_matrix_of_the_view(
        linked: tuple[VaultSession, str, dict[str, str]]) -> None:
    vault, entry, _ids = linked
    result = vault.registry.corroborate(entry)
    assert result.matrix == {"Elçin Həsənov": {"electric_shock": 2, "falanga": 2}}
    for language, redacted in (("az", False), ("ru", False), ("ru", True)):
        flat = " ".join(_text(vault.registry.report(entry, language=language,
                                                    redacted=redacted)).split())
        timeline = flat[flat.index(label("cr_s_timeline", language)):
                        flat.index(label("cr_s_matrix", language))]
        dates = [timeline.index(d) for d in ("2017-05-18", "2017-05-21", "2017-05-23")]
        assert dates == sorted(dates)
        for place in ("Q-903 hərbi hissəsi, Tərtər", "Часть Q-903, подвал",
                      "Unit Q-903, basement"):
            assert place in timeline
        # Excerpts and witnesses are numbered in the order of the (random) record ids.
        shown = ["Orxan Səfərli", *(("Свидетель Б", "Witness C") if redacted
                                    else ("Тимур Джафаров", "Rashad Guliyev"))]
        for name in shown:
            assert re.search(rf"E[1-3] · W[1-3]: {name}", timeline), name
        matrix = flat[flat.index(label("cr_s_matrix", language)):]
        falanga = vocabularies.label("methods", "falanga", language)
        shock = vocabularies.label("methods", "electric_shock", language)
        # Two witnesses each: a tie, broken by the method's code.
        assert f"{label('cr_perpetrator', language)} {shock} {falanga}" in matrix
        assert "Elçin Həsənov 2 2" in matrix


@pytest.mark.slow
def test_redacted_report_goes_through_the_same_redactor_and_its_review(
        vault: VaultSession) -> None:
    """Initials, a phone number written another way, the name in Arabic script and a word the
    interviewer added are removed from the report as from the statement; the review's choices
    are kept and give the same bytes again."""
    text = ("Т. Д. сказал, что Тимура держали в подвале; звоните 050 123 45 67. "
            "Kiçik qardaşı da orada idi. تیمور جعفروف")
    ru = vault.testimonies.create(_testimony(
        "Тимур Джафаров", "Гасанов", "капитан", "2017-05-21", ["falanga"], text,
        place="Часть Q-903", consent_name=False, pseudonym="Свидетель Б"))
    t = vault.testimonies.get(ru)
    t.witness.contact = "+994 50 123 45 67"
    vault.testimonies.save_draft(ru, t)
    entry = vault.registry.link(ru, PATH, new_entry=True).entry_id
    hits = vault.registry.report_review(entry, language="ru")
    replaced = {h.text for h in hits if h.replaced}
    assert {"Т. Д.", "Тимура", "050 123 45 67", "تیمور جعفروف"} <= replaced
    flat = " ".join(_text(vault.registry.report(entry, language="ru", redacted=True)).split())
    for gone in ("Т. Д.", "Тимура", "050 123 45 67", "تیمور"):
        assert gone not in flat, gone
    assert "Kiçik" in flat

    review = ReviewChoices(hide_terms=("Kiçik",))
    pdf = vault.registry.report(entry, language="ru", redacted=True, review=review)
    assert "Kiçik" not in " ".join(_text(pdf).split())
    assert vault.registry.stored_report_review(entry) == review
    assert vault.registry.report(entry, language="ru", redacted=True) == pdf


@pytest.mark.slow
def test_redacted_report_with_doubtful_words_needs_a_decision(vault: VaultSession) -> None:
    """As for the statement: "azad olundum" beside a witness named Azad is the interviewer's
    to decide before the redacted report leaves; keeping it is a stored decision."""
    az = vault.testimonies.create(_testimony(
        "Azad Məmmədov", "Həsənov", "kapitan", "2017-05-21", ["falanga"],
        "2019-cu ildə azad olundum.", place="Q-903 hərbi hissəsi", consent_name=False,
        pseudonym="Şahid A"))
    entry = vault.registry.link(az, PATH, new_entry=True).entry_id
    with pytest.raises(DoubtfulUnreviewed) as refused:
        vault.registry.report(entry, language="az", redacted=True)
    assert refused.value.count == 1
    assert vault.registry.report(entry, language="az") != b""  # the full one needs nothing
    pdf = vault.registry.report(entry, language="az", redacted=True, keep_doubtful=True)
    assert "azad olundum" in " ".join(_text(pdf).split())
    assert vault.registry.stored_report_review(entry) == ReviewChoices()
    assert vault.registry.report(entry, language="az", redacted=True) == pdf
