"""Messages become words: the catalogue of the language, plural forms, fallbacks, parameters."""

from __future__ import annotations

import datetime as dt
import gettext
import io
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from testimony_app import words
from testimony_app.errors import DiskFull, UserFacingError, WrongPassphrase
from testimony_app.words import Message, Percent, Size, Verbatim


@pytest.fixture
def catalogues(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Catalog]]:
    """Catalogues made by the test (in memory) in place of the program's own."""
    made: dict[str, Catalog] = {lang: Catalog(locale=lang, domain="domain") for lang in
                                words.LANGUAGES}

    def load(lang: str, domain: str) -> gettext.GNUTranslations | None:
        if domain != "domain":
            return None
        buffer = io.BytesIO()
        write_mo(buffer, made[lang])
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)

    monkeypatch.setattr(words, "_load", load)
    words.catalogue.cache_clear()
    yield made
    words.catalogue.cache_clear()


def test_the_program_s_own_errors_speak_three_languages() -> None:
    error = WrongPassphrase()
    assert error.code == "vault.wrong_passphrase"
    assert str(error) == "The passphrase is not correct for this vault."
    assert error.text("az") == "Bu seyf üçün parol düzgün deyil."
    assert error.text("ru") == "Парольная фраза не подходит к этому хранилищу."
    assert DiskFull().text("ru").startswith("Диск заполнен")


def test_the_current_language_is_used_when_none_is_given() -> None:
    try:
        assert words.set_language("az") == "az"
        assert WrongPassphrase().text() == "Bu seyf üçün parol düzgün deyil."
        assert words.set_language("fr") == "en"  # not a language we speak
        assert WrongPassphrase().text() == "The passphrase is not correct for this vault."
    finally:
        words.set_language("en")


def test_russian_has_three_plural_forms(catalogues: dict[str, Catalog]) -> None:
    catalogues["en"].add(("t.records", "t.records"), ("{count} record", "{count} records"))
    catalogues["ru"].add(
        ("t.records", "t.records"), ("{count} запись", "{count} записи", "{count} записей")
    )
    catalogues["az"].add(("t.records", "t.records"), ("{count} qeyd", "{count} qeyd"))
    said = {n: words.text(Message("t.records", count=n), "ru") for n in (1, 2, 5, 11, 21, 22, 25)}
    assert said == {
        1: "1 запись", 2: "2 записи", 5: "5 записей", 11: "11 записей", 21: "21 запись",
        22: "22 записи", 25: "25 записей",
    }
    assert words.text(Message("t.records", count=1), "en") == "1 record"
    assert words.text(Message("t.records", count=2), "en") == "2 records"
    assert words.text(Message("t.records", count=1234), "ru") == "1\u00a0234 записи"
    assert words.text(Message("t.records", count=2), "az") == "2 qeyd"


def test_a_missing_translation_falls_back_to_english_then_to_the_code(
    catalogues: dict[str, Catalog],
) -> None:
    catalogues["en"].add("t.only_english", "Only in English.")
    assert words.text(Message("t.only_english"), "az") == "Only in English."
    assert words.text(Message("t.nowhere"), "ru") == "t.nowhere"


def test_a_damaged_translation_shows_the_english_instead(catalogues: dict[str, Catalog]) -> None:
    catalogues["en"].add("t.named", "The file {name} is missing.")
    catalogues["ru"].add("t.named", "Файл {имя отсутствует.")  # a translator's typo
    catalogues["az"].add("t.named", "{name.__class__} faylı yoxdur.")  # reaching into objects
    assert words.text(Message("t.named", name="a.pdf"), "ru") == "The file a.pdf is missing."
    assert words.text(Message("t.named", name="a.pdf"), "az") == "The file a.pdf is missing."


def test_parameters_are_written_for_the_reader(catalogues: dict[str, Catalog]) -> None:
    template = "{n} · {size} · {share} · {day} · {year} · {inner}"
    for lang in words.LANGUAGES:
        catalogues[lang].add("t.inner", {"en": "inside", "az": "içində", "ru": "внутри"}[lang])
        catalogues[lang].add("t.all", template)
    message = Message(
        "t.all", n=12345, size=Size(1_500_000), share=Percent(0.5), day=dt.date(2024, 3, 5),
        year=Verbatim(2024), inner=Message("t.inner"),
    )
    assert words.text(message, "en") == "12,345 · 1.5 MB · 50% · 5 March 2024 · 2024 · inside"
    assert words.text(message, "az") == "12.345 · 1,5 MB · 50% · 5 mart 2024 · 2024 · içində"
    assert words.text(message, "ru") == (
        "12\u00a0345 · 1,5 МБ · 50\u00a0% · 5 марта 2024\u202fг. · 2024 · внутри"
    )


def test_an_error_still_raised_with_a_sentence_keeps_it() -> None:
    error = UserFacingError("Something the services said in English.")
    assert not error.coded
    assert str(error) == error.text("ru") == "Something the services said in English."


def test_an_error_needs_a_code() -> None:
    with pytest.raises(TypeError):
        UserFacingError()


def test_messages_compare_hash_and_pickle_by_value() -> None:
    a = Message("t.x", n=1, day=dt.date(2024, 1, 2))
    assert a == Message("t.x", n=1, day=dt.date(2024, 1, 2))
    assert a != Message("t.x", n=2, day=dt.date(2024, 1, 2))
    assert len({a, Message("t.x", n=1, day=dt.date(2024, 1, 2))}) == 1
    assert pickle.loads(pickle.dumps(a)) == a
    with pytest.raises(AttributeError):
        a.code = "t.y"  # a Message is a value: never changed after it is made


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "az_AZ.UTF-8"}, "az"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "az_AZ.UTF-8"}, "ru"),
        ({"LC_ALL": "az_AZ", "LC_MESSAGES": "ru_RU"}, "az"),
        ({"LANGUAGE": "fr:ru:en", "LANG": "az_AZ.UTF-8"}, "ru"),
        ({"LANGUAGE": "fr", "LANG": "az_AZ.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "az_Latn_AZ.UTF-8@latin"}, "az"),
        ({}, "en"),
    ],
)
def test_the_environment_chooses_the_language_as_gettext_does(
    environ: dict[str, str], expected: str
) -> None:
    assert words.language_from_environment(environ) == expected


def test_the_catalogues_are_found_as_package_resources() -> None:
    """The editable install, the wheel and the frozen build all read them this way."""
    import importlib.resources

    root = importlib.resources.files("testimony_app.resources").joinpath("locale")
    for lang in words.LANGUAGES:
        for domain in words.DOMAINS:
            assert root.joinpath(lang, "LC_MESSAGES", f"{domain}.mo").is_file(), (lang, domain)
    assert Path(str(root)).is_dir()
