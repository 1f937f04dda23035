"""Every form a text gives a protected detail is found; an ordinary word is not rewritten.

The cases are the reproductions of the statements review (reviews-2026-12/pdf.md D3, D4):
initials in every form and beside a placeholder, other people's initials, a phone number
written another way than in the contact field, the date of birth in words, the name in Arabic
script, and given names that are ordinary Azerbaijani words.
"""

from __future__ import annotations

import pytest

from testimony_app.domain import model
from testimony_app.domain.redaction_review import (
    DOUBT_COMMON_WORD,
    DOUBT_DAY_MONTH,
    DOUBT_OTHER_PERSON,
    Choice,
    ReviewChoices,
    ReviewFileInvalid,
)
from testimony_app.reports.redaction import Redactor, redact_with_hits

P = "W-7"
X = "[x]"


def _orxan() -> model.Testimony:
    return model.Testimony(
        title="Orxan S. — hərbi hissədə saxlanılma, Tərtər, 2017",
        witness=model.Witness(
            name="Orxan Vüqar oğlu Səfərli", pseudonym=P, date_of_birth="1996-02-11",
            contact="Telefon: +994 50 123 45 67; e-poçt orxan.seferli@example.az",
            identifiers="Şəxsiyyət vəsiqəsi AZE12345678, FİN 5QW7R2K",
        ),
        sensitive_names=["Самир Б.", "Tural Ə.", "Rüfət"],
    )


@pytest.fixture
def redact() -> Redactor:
    return Redactor(_orxan(), P, X)


@pytest.mark.parametrize(("text", "expected"), [
    ("O.S. dedi", "W-7 dedi"),
    ("O. S. dedi", "W-7 dedi"),
    ("O.V.S. dedi", "W-7 dedi"),
    ("O. V. S. dedi", "W-7 dedi"),
    ("O S dedi", "W-7 dedi"),
    ("OVS dedi", "W-7 dedi"),
    ("О. С. сказал", "W-7 сказал"),             # Cyrillic initials
    ("Сафарли О. В. сказал", "W-7 сказал"),     # surname first, then initials
    ("O. Səfərli gəldi", "W-7 gəldi"),          # not "O. W-7"
    ("O.Səfərli gəldi", "W-7 gəldi"),
    ("Orxan S. gəldi", "W-7 gəldi"),             # not "W-7 S."
    ("Orxan V. gəldi", "W-7 gəldi"),
    ("would bring O. S. too", "would bring W-7 too"),
    ("Orkhan S. said", "W-7 said"),
])
def test_initials_of_the_witness_in_every_form(redact: Redactor, text: str,
                                               expected: str) -> None:
    assert redact(text) == expected


def test_the_title_keeps_no_initial(redact: Redactor) -> None:
    clone, _hits, _ = redact_with_hits(_orxan(), P, X)
    assert clone.title == "W-7 — hərbi hissədə saxlanılma, Tərtər, 2017"


@pytest.mark.parametrize(("text", "expected"), [
    ("Самира Б. не было", "[x] не было"),        # sensitive "Самир Б.", in the genitive
    ("Samir B. gəlmədi", "[x] gəlmədi"),          # the same person in Latin
    ("Samir Bəşirov gəlmədi", "[x] gəlmədi"),     # the surname the initial stands for
    ("Tural Əliyevin qardaşı", "[x] qardaşı"),
    ("Tural Ə. dedi", "[x] dedi"),
    ("Rüfət Quliyev gəldi", "[x] gəldi"),         # no surname given: the one beside goes too
])
def test_initials_and_surnames_of_marked_names(redact: Redactor, text: str,
                                               expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize("written", [
    "+994 50 123 45 67", "+994501234567", "00994501234567", "994501234567", "0501234567",
    "050 123 45 67", "(050) 123-45-67", "050-123-45-67", "50 123 45 67", "123-45-67",
    "+994 (50) 123-45-67", "050.123.45.67",
])
def test_phone_number_in_every_written_form(redact: Redactor, written: str) -> None:
    assert redact(f"Zəng: {written}, axşam.") == "Zəng: [x], axşam."


def test_other_numbers_stay(redact: Redactor) -> None:
    text = "2017-ci il, 12 nəfər, 501 saylı hərbi hissə, tel. 055 765 43 21, 1234567890"
    assert redact(text) == text


@pytest.mark.parametrize("written", [
    "11 fevral 1996", "11 fevral 1996-cı il", "11 fevral 1996-cı ildə", "11-i fevral 1996",
    "1996-cı il 11 fevral", "1996-cı ilin 11 fevralında", "1996-cı ilin fevral ayının 11-i",
    "11 февраля 1996 г.", "11 февраля 1996 года", "11-го февраля 1996 года",
    "11 February 1996", "February 11, 1996", "February 11th, 1996", "the 11th of February 1996",
    "11 Feb. 1996", "11.02.1996", "11/02/1996", "11-02-1996", "11.2.96", "1996-02-11",
    "11.02.1996-cı ildə",
])
def test_date_of_birth_in_figures_and_in_words(redact: Redactor, written: str) -> None:
    assert "1996" not in redact(f"Mən {written} doğulmuşam.").replace("[x]", "")
    assert redact(f"X {written} Y") in ("X [x] Y", "X the [x] Y")


def test_year_of_birth_goes_only_beside_a_word_for_birth(redact: Redactor) -> None:
    assert redact("1996-cı ildə anadan olmuşam.") == "[x] anadan olmuşam."
    assert redact("Я родился в 1996 году.") == "Я родился в [x]."
    assert redact("I was born in 1996.") == "I was born in [x]."
    assert redact("1996-cı ildə məktəbə getdim.") == "1996-cı ildə məktəbə getdim."


def test_day_and_month_without_the_year_are_doubtful(redact: Redactor) -> None:
    assert redact("11 fevralda gəldilər") == "11 fevralda gəldilər"
    assert [h.doubt for h in redact.hits] == [DOUBT_DAY_MONTH]


@pytest.mark.parametrize(("text", "expected"), [
    ("orxan.seferli@example.az yazın", "[x] yazın"),
    ("ORXAN.SEFERLI@EXAMPLE.AZ", "[x]"),
    ("AZE12345678", "[x]"),
    ("AZE 1234 5678", "[x]"),
    ("№ 12345678", "№ [x]"),
    ("FİN: 5QW7R2K", "FİN: [x]"),
    ("FİN 5QW-7R2K", "FİN [x]"),
])
def test_email_identifiers_and_each_number_in_them(redact: Redactor, text: str,
                                                   expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("اورخان صفرلی آمد", "W-7 آمد"),
    ("اورخان گفت", "W-7 گفت"),
    ("صفرلی‌نین ائوی", "W-7 ائوی"),
    ("سمیر آمد", "[x] آمد"),                      # "Самир" of the marked names
])
def test_names_in_arabic_script(redact: Redactor, text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Orxan_Seferli_musahibe_2024-03-14.flac", "W-7_musahibe_2024-03-14.flac"),
    ("Səfərli-O-müsahibə.m4a", "W-7-O-müsahibə.m4a"),
    ("Orkhan Safarli said", "W-7 said"),
    ("Орхана Сафарли не было", "W-7 не было"),
    ("ORXAN SƏFƏRLİ", "W-7"),
    ("Səfərliyə dedilər", "W-7 dedilər"),
])
def test_file_names_spellings_and_case_endings(redact: Redactor, text: str,
                                               expected: str) -> None:
    assert redact(text) == expected


def test_a_given_name_beside_another_surname_is_doubtful(redact: Redactor) -> None:
    assert redact("kapitan Orxan Quliyev vurdu") == "kapitan Orxan Quliyev vurdu"
    assert redact("Orxan Q. vurdu") == "Orxan Q. vurdu"
    assert [h.doubt for h in redact.hits] == [DOUBT_OTHER_PERSON, DOUBT_OTHER_PERSON]
    assert redact("Orxan Tərtərdə idi") == "W-7 Tərtərdə idi"


# -- no over-redaction (D4) ------------------------------------------------------------------

def _named(name: str) -> Redactor:
    return Redactor(model.Testimony(witness=model.Witness(name=name, pseudonym=P)), P, X)


@pytest.mark.parametrize(("name", "text"), [
    ("Azad Məmmədov", "2019-cu ilin avqustunda azad olundum"),
    ("Azad Məmmədov", "Azad olundum, evə qayıtdım."),
    ("Aydın Quliyev", "Hər şey aydın idi."),
    ("Həyat Əliyeva", "Həyat yoldaşımı çağırdılar."),
    ("Ümid Həsənov", "Heç bir ümidim qalmamışdı."),
    ("Anar Mirzəyev", "There was anarchy in the unit."),
    ("Emin Talıbzadə", "Əminəm ki, onlar idi."),
    ("Vüqar Nəsibov", "Vüqarımı sındırmaq istədilər."),
    ("Lalə Əhmədova", "Bağda lalələr açmışdı."),
])
def test_a_name_that_is_an_ordinary_word_stays_where_it_is_a_word(name: str,
                                                                   text: str) -> None:
    redact = _named(name)
    assert redact(text) == text
    assert redact.hits
    assert all(h.doubt == DOUBT_COMMON_WORD and not h.replaced
                               for h in redact.hits)


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("Azad Məmmədov", "Onda Azad dedi ki, gedək.", "Onda W-7 dedi ki, gedək."),
    ("Azad Məmmədov", "Azad Məmmədovu apardılar.", "W-7 apardılar."),
    ("Azad Məmmədov", "Azad M. gəldi.", "W-7 gəldi."),
    ("Aydın Quliyev", "Sonra Aydını apardılar.", "Sonra W-7 apardılar."),
    ("Həyat Əliyeva", "They called Həyat again.", "They called W-7 again."),
    ("Anar Mirzəyev", "Then Anar was taken away.", "Then W-7 was taken away."),
])
def test_the_same_name_used_as_a_name_goes(name: str, text: str, expected: str) -> None:
    assert _named(name)(text) == expected


def test_an_ordinary_name_lower_case_is_still_found() -> None:
    assert _named("Orxan Səfərli")("orxan gəldi") == "W-7 gəldi"


# -- the interviewer's choices -----------------------------------------------------------------

def test_choices_keep_a_false_hit_hide_a_doubtful_one_and_hide_one_more_word() -> None:
    t = model.Testimony(
        witness=model.Witness(name="Azad Məmmədov", pseudonym=P),
        narrative=model.Narrative(text="Azad olundum. Onda Azad dedi. Kiçik Məmməd gəldi."),
    )
    _clone, hits, _ = redact_with_hits(t, P, X)
    by_text = {(h.text, h.occurrence): h for h in hits}
    doubtful = by_text[("Azad", 0)]
    certain = by_text[("Azad", 1)]
    assert doubtful.doubtful
    assert not doubtful.replaced
    assert not certain.doubtful
    assert certain.replaced
    choices = ReviewChoices(
        keep=(certain.choice(),), hide=(doubtful.choice(),), hide_terms=("Kiçik",)
    )
    clone, hits, _ = redact_with_hits(t, P, X, choices)
    assert clone.narrative.text == "W-7 olundum. Onda Azad dedi. [x] Məmməd gəldi."
    assert [(h.text, h.occurrence) for h in hits if h.chosen] == [("Azad", 0), ("Azad", 1)]


def test_a_choice_without_place_applies_to_every_occurrence() -> None:
    t = model.Testimony(
        witness=model.Witness(name="Azad Məmmədov", pseudonym=P),
        narrative=model.Narrative(text="Azad olundum.\n\nAzad oldum."),
    )
    choices = ReviewChoices(hide=(Choice("Azad"),))
    clone, _hits, _ = redact_with_hits(t, P, X, choices)
    assert clone.narrative.text == "W-7 olundum.\n\nW-7 oldum."


def test_review_choices_round_trip_as_json_and_bad_files_are_refused() -> None:
    choices = ReviewChoices(
        keep=(Choice("Azad", "narrative.text", 1),), hide=(Choice("Ümid"),),
        hide_terms=("Kiçik", "Bəy"),
    )
    again = ReviewChoices.from_json(choices.to_json())
    assert again == ReviewChoices(keep=choices.keep, hide=choices.hide,
                                  hide_terms=("Bəy", "Kiçik"))
    assert again.sha256() == choices.sha256()
    for bad in ("{", "[]", '{"format": "other"}',
                '{"format": "testimony-redaction-review", "version": 1, "keep": [{"t": 1}]}',
                '{"format": "testimony-redaction-review", "version": 9}'):
        with pytest.raises(ReviewFileInvalid):
            ReviewChoices.from_json(bad)


def test_hits_carry_their_context_and_field() -> None:
    t = model.Testimony(
        witness=model.Witness(name="Orxan Səfərli", pseudonym=P),
        narrative=model.Narrative(text="Bir gün Orxan Səfərlini apardılar və döydülər."),
    )
    _clone, hits, _ = redact_with_hits(t, P, X)
    (hit,) = hits
    assert (hit.where, hit.text, hit.before, hit.after) == (
        "narrative.text", "Orxan Səfərlini", "Bir gün ", " apardılar və döydülər.")
