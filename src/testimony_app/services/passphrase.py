"""Generated passphrases and a strength meter.

Argon2 slows guessing but cannot rescue a weak passphrase, so the app offers one made of
random words (7 words from a 2,048-word list ≈ 77 bits). ASCII words are deliberate: letters
like ə or ı typed on another keyboard layout are a lockout risk.

Why zxcvbn for what people type: counting character classes rated ``P@ssw0rd!P@ssw0rd!``
"Good" and let ``Password123!`` through, because it cannot see words, leetspeak, repeats,
keyboard rows or dates. zxcvbn estimates how many guesses an attacker who knows those
patterns needs. A passphrase made only of our own word list is measured exactly instead
(words × 11 bits), which zxcvbn, not knowing the list, would underrate.

The scale is for an offline attack on a seized laptop, not zxcvbn's online default: a
calibrated Argon2id costs an attacker with good hardware perhaps a thousand guesses a second,
so "Fair" (the least the window accepts, ``ui/vault_pages.MIN_STRENGTH``) starts at 10^10
guesses (about four months of that) and "Strong" at 10^15.
"""

from __future__ import annotations

import functools
import math
import secrets
from importlib import resources

from zxcvbn import zxcvbn

#: The meter runs on every keystroke, on the GUI thread, and zxcvbn's time grows with the square
#: of the length (measured here under load: 5 ms at 12 characters, 80 ms at 40, 210 ms at its
#: limit of 72). Forty characters that are not a known pattern already rate Strong, and a longer
#: passphrase is at least as strong as its first forty, so the estimate never flatters.
_ZXCVBN_MAX = 40
#: Words an attacker aiming at this program's users would try first.
_CONTEXT_WORDS = ("testimony", "vault", "passphrase", "tartar", "tərtər", "baku", "bakı",
                  "azerbaijan", "azərbaycan")
#: Lower bounds in bits (log2 of guesses) of scores 1 to 4.
_SCORE_BITS = (20.0, 33.2, 40.0, 50.0)
_HINTS = (
    "Far too weak: use several random words.",
    "Weak: a person with the laptop could guess it.",
    "Fair: add another word or two.",
    "Good.",
    "Strong.",
)


@functools.cache
def _words() -> tuple[str, ...]:
    text = (
        resources.files("testimony_app.resources") / "wordlists" / "bip39-english.txt"
    ).read_text(encoding="utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip())


@functools.cache
def _word_set() -> frozenset[str]:
    return frozenset(_words())


def generate_passphrase(words: int = 7) -> str:
    """Random words joined by hyphens, chosen with a cryptographic generator."""
    pool = _words()
    return "-".join(secrets.choice(pool) for _ in range(max(words, 4)))


def estimate_bits(passphrase: str) -> float:
    """log2 of the guesses a pattern-aware attacker needs: exact for word-list passphrases,
    zxcvbn's estimate for anything else."""
    if not passphrase:
        return 0.0
    pool = _word_set()
    parts = passphrase.replace(" ", "-").split("-")
    if len(parts) >= 3 and all(p in pool for p in parts):
        # A repeated word adds nothing an attacker has to guess.
        return len(set(parts)) * math.log2(len(pool))
    result = zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=list(_CONTEXT_WORDS))
    return math.log2(max(float(result["guesses"]), 1.0))


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A score from 0 (useless) to 4 (strong) and one sentence of advice."""
    bits = estimate_bits(passphrase)
    score = sum(1 for floor in _SCORE_BITS if bits >= floor)
    return score, _HINTS[score]
