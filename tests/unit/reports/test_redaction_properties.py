"""Property tests: for generated Azerbaijani-looking names, every common form of the name and
its initials is replaced whole (nothing of it left beside the pseudonym), a phone number is
found however its digits are grouped, and ordinary text without the name is left alone."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from testimony_app.domain import model, name_words
from testimony_app.domain.transliteration import skeleton
from testimony_app.reports.redaction import Redactor

pytestmark = pytest.mark.slow  # hypothesis over whole redacted statements (2-3 s each)

P = "W-1"
X = "[x]"
_CONSONANTS = "bcçdfgğhxjklmnpqrsştvyz"
_VOWELS = "aeəıioöuü"
_SETTINGS = settings(max_examples=120, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

syllable = st.builds(lambda c, v: c + v, st.sampled_from(_CONSONANTS), st.sampled_from(_VOWELS))
given_name = st.builds(
    lambda a, b, c: (a + b + c).capitalize(), syllable, syllable, st.sampled_from("nrlmdz"))
surname = st.builds(
    lambda a, b, end: (a + b).capitalize() + end, syllable, syllable,
    st.sampled_from(["ov", "ova", "li", "lı", "zadə", "yev", "bəyli", "ova"]))

# Words of the sentences the names are put in; a generated name that looks like one of them
# is skipped (it would be a different test: a name that is a word).
_FRAME = ["Dünən", "bizə", "gəldi", "və", "dedi", "ki,", "onu", "apardılar.", "Sonra"]
ORDINARY = ("Hər şey aydın idi, sonra azad olundum və həyat yoldaşım gəldi. Üç gün "
            "zirzəmidə saxladılar; kapitan dəyənəklə vururdu.")


def _distinct(name: str) -> bool:
    key = skeleton(name)
    words = re.findall(r"\w+", " ".join(_FRAME) + " " + ORDINARY)
    return not name_words.is_common_word(name) and all(
        not skeleton(w).startswith(key[:4]) and not key.startswith(skeleton(w)[:4])
        for w in words if len(w) >= 3
    )


def _redactor(first: str, last: str, **witness: str) -> Redactor:
    t = model.Testimony(witness=model.Witness(name=f"{first} {last}", pseudonym=P, **witness))
    return Redactor(t, P, X)


FORMS = [
    "{g} {s}", "{g} {s}un", "{G} {S}", "{i}. {j}.", "{i}.{j}.", "{i} {j}", "{g} {j}.",
    "{i}. {s}", "{i}.{s}", "{s} {i}.", "{s}", "{g}",
]


@_SETTINGS
@given(given_name, surname, st.sampled_from(FORMS))
def test_every_form_of_a_generated_name_is_replaced_whole(first: str, last: str,
                                                          form: str) -> None:
    assume(_distinct(first) and _distinct(last) and len(first) >= 4)
    written = form.format(g=first, s=last, G=first.upper(), S=last.upper(), i=first[0],
                          j=last[0])
    text = f"Dünən {written} bizə gəldi."
    out = _redactor(first, last)(text)
    assert out == f"Dünən {P} bizə gəldi.", (written, out)


@_SETTINGS
@given(given_name, surname)
def test_no_initial_is_left_beside_the_pseudonym(first: str, last: str) -> None:
    assume(_distinct(first) and _distinct(last) and len(first) >= 4)
    redact = _redactor(first, last)
    for text in (f"Sonra {first} {last[0]}. dedi.", f"Sonra {first[0]}. {last} dedi.",
                 f"Sonra {last} {first[0]}. dedi."):
        out = redact(text)
        assert not re.search(rf"{re.escape(P)}\s*\w\.|\w\.\s*{re.escape(P)}", out), out


@_SETTINGS
@given(given_name, surname)
def test_ordinary_text_without_the_name_is_left_alone(first: str, last: str) -> None:
    assume(_distinct(first) and _distinct(last))
    assert _redactor(first, last)(ORDINARY) == ORDINARY


digits = st.text(alphabet="0123456789", min_size=7, max_size=7)


@_SETTINGS
@given(st.sampled_from(["50", "51", "55", "70", "77"]), digits,
       st.lists(st.sampled_from([" ", "-", ""]), min_size=4, max_size=4),
       st.sampled_from(["+994{op}{n}", "0{op}{n}", "00994{op}{n}", "({0}{op}){n}", "{n}"]))
def test_a_phone_number_is_found_however_it_is_grouped(op: str, number: str, seps: list[str],
                                                       style: str) -> None:
    assume(number[0] != "0")
    contact = f"+994 {op} {number[:3]} {number[3:5]} {number[5:]}"
    grouped = (number[:3] + seps[0] + number[3:5] + seps[1] + number[5:])
    op_sep = seps[2]
    written = (style.replace("{op}", op + op_sep).replace("{n}", grouped)
               .replace("{0}", "0"))
    redact = _redactor("Nurəddin", "Qədimov", contact=contact)
    out = redact(f"Zəng: {written}, axşam.")
    assert out == "Zəng: [x], axşam.", (written, out)
