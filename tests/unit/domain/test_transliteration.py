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


# -- Russian cases: a name field copied from a sentence ---------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        ("Гасанов", "Гасановым", "Гасанову", "Гасанове", "Гасанова", "Гасановой", "Həsənov"),
        ("Алиев", "Алиевым", "Алиеву", "Əliyev"),
        ("Гулиев", "Гулиеву", "Quliyev"),
        ("Эльчин", "Эльчину", "Elçin"),
    ],
)
def test_a_declined_russian_surname_has_the_skeleton_of_its_nominative(
    forms: tuple[str, ...]
) -> None:
    assert len({tr.skeleton(f) for f in forms}) == 1, [tr.skeleton(f) for f in forms]


@pytest.mark.parametrize(
    ("word", "nominative"),
    [
        ("Марина", "Marina"),  # -ина ends women's names: not a case ending
        ("Марине", "Marine"),
        ("Новым", "Novim"),  # too short a stem to be a surname
        ("Рустем", "Rustem"),
    ],
)
def test_nominatives_that_look_declined_are_left_alone(word: str, nominative: str) -> None:
    assert tr.skeleton(word) == tr.skeleton(nominative)


def _same_name(a: str, b: str) -> bool:
    return sorted(tr.name_key(a)) == sorted(tr.name_key(b))  # word order is free


def test_the_first_name_takes_the_case_its_surname_or_rank_shows() -> None:
    assert _same_name("Эльчином Гасановым", "Elçin Həsənov")
    assert _same_name("Халиловым Шахином", "Şahin Xəlilov")
    assert _same_name("Рамилем Джафаровым", "Ramil Cəfərov")
    assert _same_name("Гасанову Эльчину", "Elçin Həsənov")
    assert _same_name("капитана Гасанова Эльчина", "Elçin Həsənov")
    assert _same_name("Гасановым Эльчином Рауфовичем", "Elçin Həsənov")
    assert _same_name("лейтенантом Джафаровым", "Cəfərov")
    # "Гасанова" may be a woman's surname in the nominative: nothing is stripped beside it.
    assert tr.name_key("Гасанова Эльчина") == (tr.skeleton("Гасанов"), tr.skeleton("Эльчина"))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("капитана", "captain"),
        ("капитаном", "captain"),
        ("майору", "major"),
        ("старшим лейтенантом", "senior_lieutenant"),
        ("старшего лейтенанта", "senior_lieutenant"),
        ("ст. лейтенантом", "senior_lieutenant"),
        ("следователем", "investigator"),
        ("генерал-майора", "major_general"),
        ("рядовым", "private"),
        ("полицейского", "police_officer"),
        ("kapitanı", "captain"),
        ("baş leytenantı", "senior_lieutenant"),
        ("polkovnik-leytenantı", "lieutenant_colonel"),
        ("Капитанов", ""),  # surnames made from ranks are names
        ("Майоров", ""),
        ("Kapitanov", ""),
    ],
)
def test_ranks_in_the_cases_a_sentence_puts_them_in(text: str, code: str) -> None:
    assert tr.rank_code(text) == code


def test_split_rank_takes_a_declined_rank_out_of_the_name() -> None:
    assert tr.split_rank("капитаном Гасановым") == ("captain", "Гасановым")
    assert tr.split_rank("старшего лейтенанта Джафарова") == ("senior_lieutenant", "Джафарова")
