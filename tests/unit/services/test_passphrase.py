"""Passphrase strength: pattern-aware for what people type, exact for our generated words."""

from __future__ import annotations

import math

import pytest

from testimony_app.services.passphrase import (
    estimate_bits,
    generate_passphrase,
    passphrase_strength,
)

#: The least the window accepts for a new vault or a new passphrase (ui/vault_pages.py).
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
    assert hint.startswith(("Far too weak", "Weak"))


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
    assert passphrase_strength(words) == (4, "Strong.")
    assert estimate_bits("abandon ability able about") == pytest.approx(44)
    # A repeated word earns nothing.
    assert estimate_bits("abandon-abandon-abandon-abandon-ability") == pytest.approx(22)
    assert passphrase_strength("abandon-abandon-abandon-abandon-ability")[0] < ACCEPTED


def test_scores_rise_with_the_estimate_and_say_so() -> None:
    hints = [passphrase_strength(p)[1] for p in ("", "Password123!", "Bakı1990Bakı",
                                                  "xk3$9Qz!pL2m", "abandon-ability-able-about",
                                                  generate_passphrase())]
    assert passphrase_strength("") == (0, "Far too weak: use several random words.")
    assert hints[-1] == "Strong."
    assert len(set(hints)) >= 4


def test_a_long_passphrase_is_never_rated_above_what_it_is() -> None:
    """Past 40 characters only the start is estimated (keystroke cost): a weak start stays
    weak, a strong start stays strong."""
    assert passphrase_strength("a" * 39 + "Zq8!rT5#wY2@mK")[0] < ACCEPTED
    assert passphrase_strength("Şəki gecəsi çox uzun idi, amma səhər gəldi")[0] == 4
