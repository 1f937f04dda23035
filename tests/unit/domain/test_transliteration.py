"""Name skeletons and ranks across Azerbaijani Latin, Russian Cyrillic and English."""

from __future__ import annotations

import pytest

from testimony_app.domain import transliteration as tr

SAME = [
    ("Həsənov", "Гасанов", "Hasanov", "Gasanov", "HƏSƏNOV"),
    ("Hüseynov", "Гусейнов", "Huseynov", "Husseinov"),
    ("Məmmədov", "Мамедов", "Mammadov", "Mamedov"),
    ("Əliyev", "Алиев", "Aliyev", "Aliev", "Əliyeva"),
    ("Cəfərov", "Джафаров", "Jafarov", "Cafarov"),
    ("Xəlilov", "Халилов", "Khalilov", "Xalilov"),
    ("Səfərli", "Сафарли", "Safarli"),
    ("Talıbzadə", "Талыбзаде", "Talibzade"),
    ("Nicat", "Ниджат", "Nijat"),
    ("Şahin", "Шахин", "Shahin"),
    ("Orxan", "Орхан", "Orkhan"),
    ("Vüqar", "Вугар", "Vugar"),
    ("Quliyev", "Гулиев", "Guliyev", "Guliev"),
]


@pytest.mark.parametrize("forms", SAME)
def test_one_name_in_three_scripts_has_one_skeleton(forms: tuple[str, ...]) -> None:
    assert len({tr.skeleton(f) for f in forms}) == 1, [tr.skeleton(f) for f in forms]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Həsənov", "Hüseynov"), ("Məmmədov", "Məhəmmədov"), ("Xəlilov", "Cəlilov"),
     ("Əliyev", "Quliyev")],
)
def test_different_names_keep_different_skeletons(a: str, b: str) -> None:
    assert tr.skeleton(a) != tr.skeleton(b)


def test_name_key_drops_patronymics_ranks_and_remarks() -> None:
    assert tr.name_key("Orxan Vüqar oğlu Səfərli") == tr.name_key("Орхан Сафарли")
    assert tr.name_key("Кирилл Тимурович Абасов") == tr.name_key("Kirill Abasov")
    assert tr.name_key("Rüfət (yalnız adı)") == (tr.skeleton("Rüfət"),)
    assert tr.name_key("Kapitan Elçin Həsənov") == tr.name_key("Elchin Hasanov")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("kapitan (şahidin ehtimalı)", "captain"),
        ("капитан (так его называли)", "captain"),
        ("Capt.", "captain"),
        ("kap.", "captain"),
        ("mayor", "major"),
        ("майор", "major"),
        ("leytenant", "lieutenant"),
        ("лейтенант", "lieutenant"),
        ("baş leytenant", "senior_lieutenant"),
        ("ст. лейтенант", "senior_lieutenant"),
        ("senior lieutenant", "senior_lieutenant"),
        ("polkovnik", "colonel"),
        ("полковник", "colonel"),
        ("подполковник", "lieutenant_colonel"),
        ("serjant", "sergeant"),
        ("сержант (по погонам)", "sergeant"),
        ("Sgt.", "sergeant"),
        ("hərbi əks-kəşfiyyat", ""),
    ],
)
def test_ranks_in_three_languages(text: str, code: str) -> None:
    assert tr.rank_code(text) == code


def test_rank_families_and_agreement() -> None:
    assert tr.ranks_agree("baş leytenant", "Lt.") is True
    assert tr.ranks_agree("kapitan", "майор") is False
    assert tr.ranks_agree("kapitan", "") is None


def test_split_rank_out_of_a_name_field() -> None:
    assert tr.split_rank("Capt. Elchin Hasanov") == ("captain", "Elchin Hasanov")
    assert tr.split_rank("майор Вугар Алиев") == ("major", "Вугар Алиев")
    assert tr.split_rank("polkovnik-leytenant Ramil Cəfərov") == (
        "lieutenant_colonel", "Ramil Cəfərov")
    assert tr.split_rank("Həsənov") == ("", "Həsənov")
