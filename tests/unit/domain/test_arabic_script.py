"""The Azerbaijani/Russian-name → Arabic-script table is pinned: a change to it changes what a
redacted statement removes, so it must be deliberate (update the snapshot with the change)."""

from __future__ import annotations

import hashlib
import json

import pytest

from testimony_app.domain import arabic_script

# The whole table, hashed. Changing any letter of it fails here first.
TABLE_SHA256 = "9ff0f96c6203c2ca669a538ae564746df87d7a865590d54ba2c6bb56b6cd89b2"


def _table_digest() -> str:
    table = {
        "consonants": arabic_script.CONSONANTS,
        "medial": arabic_script.MEDIAL_VOWELS,
        "initial": arabic_script.INITIAL_VOWELS,
        "final": arabic_script.FINAL_VOWELS,
        "digraphs": arabic_script.DIGRAPHS,
        "cyrillic": arabic_script.CYRILLIC_TO_LATIN,
        "suffixes": arabic_script.SUFFIXES,
    }
    blob = json.dumps(table, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def test_the_table_is_the_pinned_one() -> None:
    assert _table_digest() == TABLE_SHA256


# Names as the record writes them, and how Iranian Azerbaijani or Persian text writes them.
SPELLINGS = [
    ("Orxan", ["اورخان", "ارخان"]),
    ("Səfərli", ["صفرلی", "سفرلی", "صفرلي"]),
    ("Məmmədov", ["ممدوف", "مممدوف"]),
    ("Əliyev", ["علیف", "علی‌یف", "علییف", "اليف"]),
    ("Həsən", ["حسن", "حسنین"]),
    ("Vüqar", ["وقار", "وُقار"]),
    ("Elvin", ["الوین", "ایلوین"]),
    ("Rəşad", ["رشاد"]),
    ("Quliyev", ["قلیف", "قولیف", "قلی‌یف"]),
    ("Zərifə", ["ظریفه", "زریفه"]),
    ("Nemət", ["نعمت", "نمت"]),
    ("Kamran", ["کامران", "كامران"]),
    ("Hüseynbəyli", ["حسین‌بیلی", "حسینبیلی"]),
    ("Cavid", ["جاوید"]),
    ("Şahin", ["شاهین"]),
    ("Tural", ["تورال"]),
    ("Ильгар", ["ایلقار", "الگار"]),
    ("Мамедов", ["مامدوف", "ممدوف"]),
    ("Orkhan", ["اورخان"]),
    ("Jafarov", ["جعفروف", "جفروف"]),
    ("Anar", ["انار", "آنار"]),
]
NOT_THE_NAME = [
    ("Orxan", ["ارمنستان", "خان", "اورخانم"]),
    ("Səfərli", ["سفر", "صفری"]),
    ("Həsən", ["حسین", "احسن"]),
    ("Elvin", ["الهام"]),
    ("Kamran", ["کامرانی‌ها"]),
]


@pytest.mark.parametrize(("name", "written"), SPELLINGS)
def test_each_common_spelling_of_a_name_matches(name: str, written: list[str]) -> None:
    for word in written:
        assert arabic_script.matches(name, word), (name, word)


@pytest.mark.parametrize(("name", "written"), NOT_THE_NAME)
def test_other_words_do_not_match(name: str, written: list[str]) -> None:
    for word in written:
        assert not arabic_script.matches(name, word), (name, word)


def test_presentation_forms_and_diacritics_are_read_as_letters() -> None:
    # "اورخان" typed with presentation forms and short vowels, as copied from some PDFs.
    assert arabic_script.matches("Orxan", "\ufe8d\ufeed\ufead\ufea7\ufe8e\ufee5")
    assert arabic_script.matches("Həsən", "حَسَن")
    assert arabic_script.matches("Məmmədov", "مـمـدوف")  # with tatweel


def test_case_endings_are_taken_with_the_name() -> None:
    assert arabic_script.matches("Orxan", "اورخانین")  # genitive
    assert arabic_script.matches("Orxan", "اورخانا")   # dative
    assert arabic_script.matches("Səfərli", "صفرلی‌نین")


def test_a_name_already_in_arabic_script_matches_itself() -> None:
    assert arabic_script.matches("اورخان", "اورخان")
    assert arabic_script.matches("علی", "علي")  # Arabic and Persian ye are one letter


def test_too_short_a_name_gives_no_pattern() -> None:
    assert arabic_script.name_pattern("Ay") == ""
    assert arabic_script.compiled("Ay") is None
