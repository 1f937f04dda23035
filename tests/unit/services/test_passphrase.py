"""Passphrase strength: pattern-aware for what people type, exact for our generated words."""

from __future__ import annotations

import math

import pytest

from testimony_app.services.passphrase import (
    estimate_bits,
    generate_passphrase,
    passphrase_strength,
)
from testimony_app.words import Message, text

#: The least the window accepts for a new vault or a new passphrase (ui/passphrase.py).
ACCEPTED = 2


@pytest.mark.parametrize(
    "weak",
    [
        "P@ssw0rd!P@ssw0rd!",  # rated "Good." by the old character-class count
        "Password123!",  # accepted by it
        "Qwerty12345678",
        "qwertyuiop",
        "Tartar2017!",  # the case's own name and year
        "Bakı1990",
        "Həsənov1990",
        "пароль12345",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "1234567890123456",
    ],
)
def test_patterns_are_weak_and_refused(weak: str) -> None:
    score, hint = passphrase_strength(weak)
    assert score < ACCEPTED
    assert str(hint).startswith(("Far too weak", "Weak"))


@pytest.mark.parametrize(
    "good",
    [
        "Şəki gecəsi çox uzun idi",
        "Мой пароль очень длинный 2017",
        "Tərtər-qırmızı-körpü-ёлка-7",
        "xk3$9Qz!pL2m#vR",
        "correct horse battery staple",
        "Արարատ լեռը ձյունոտ է այսօր",
        "الشاي في الصباح الباكر لذيذ",
    ],
)
def test_unpredictable_passphrases_are_accepted(good: str) -> None:
    assert passphrase_strength(good)[0] >= ACCEPTED


def test_generated_word_passphrases_keep_their_exact_estimate() -> None:
    """Seven words from 2,048 are 77 bits whatever zxcvbn would guess without the list."""
    words = generate_passphrase()
    assert words.isascii()
    assert len(words.split("-")) == 7
    assert estimate_bits(words) == pytest.approx(7 * math.log2(2048))
    assert passphrase_strength(words) == (4, Message("passphrase.strong"))
    assert estimate_bits("abandon ability able about") == pytest.approx(44)
    # A repeated word earns nothing.
    assert estimate_bits("abandon-abandon-abandon-abandon-ability") == pytest.approx(22)
    assert passphrase_strength("abandon-abandon-abandon-abandon-ability")[0] < ACCEPTED


def test_scores_rise_with_the_estimate_and_say_so() -> None:
    hints = [passphrase_strength(p)[1] for p in ("", "Password123!", "Bakı1990Bakı",
                                                  "xk3$9Qz!pL2m", "abandon-ability-able-about",
                                                  generate_passphrase())]
    assert passphrase_strength("") == (0, Message("passphrase.far_too_weak"))
    assert hints[-1] == Message("passphrase.strong")
    assert len(set(hints)) >= 4


def test_a_long_passphrase_is_never_rated_above_what_it_is() -> None:
    """Past 40 characters only the start is estimated (keystroke cost): a weak start stays
    weak, a strong start stays strong."""
    assert passphrase_strength("a" * 39 + "Zq8!rT5#wY2@mK")[0] < ACCEPTED
    assert passphrase_strength("Şəki gecəsi çox uzun idi, amma səhər gəldi")[0] == 4


@pytest.mark.parametrize(
    ("typed", "az", "ru"),
    [
        (
            "password",
            "Çox zəifdir: bir neçə təsadüfi söz işlədin. Bu, ən çox işlədilən 10 paroldan biridir.",
            "Слишком слабая: используйте несколько случайных слов. Это один из 10 самых"
            " распространённых паролей.",
        ),
        (
            "12/05/1987",
            "Çox zəifdir: bir neçə təsadüfi söz işlədin. Tarixləri çox vaxt asanlıqla tapmaq"
            " olur.",
            "Слишком слабая: используйте несколько случайных слов. Даты часто легко угадать.",
        ),
        (
            "tgbnhy",
            "Çox zəifdir: bir neçə təsadüfi söz işlədin. Klaviaturadakı qısa naxışları asanlıqla"
            " tapmaq olur.",
            "Слишком слабая: используйте несколько случайных слов. Короткие узоры на клавиатуре"
            " легко угадать.",
        ),
    ],
)
def test_zxcvbn_sees_a_pattern_and_the_meter_says_it_in_azerbaijani_and_russian(
    typed: str, az: str, ru: str
) -> None:
    """zxcvbn's own feedback is English; the meter says what it saw in the reader's words."""
    score, hint = passphrase_strength(typed)
    assert score < ACCEPTED
    assert hint.code == "passphrase.verdict_and_remark"
    assert (text(hint, "az"), text(hint, "ru")) == (az, ru)


def test_every_remark_zxcvbn_can_make_has_our_code() -> None:
    """Each sentence of zxcvbn's feedback module is mapped (an unmapped one would say only
    "a pattern"); the sentences are read from zxcvbn itself, so an upgrade that adds one fails
    here rather than falling back silently."""
    import ast
    import inspect

    from zxcvbn import feedback

    from testimony_app.services import passphrase

    said = {
        node.args[0].value
        for node in ast.walk(ast.parse(inspect.getsource(feedback)))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "_"
        and isinstance(node.args[0], ast.Constant)
    }
    assert len(said) >= 25
    mapped = set(passphrase._ZXCVBN_REMARKS) | {passphrase._ZXCVBN_ADD_A_WORD}
    assert said == mapped
