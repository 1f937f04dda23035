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
so "Fair" (the least the window accepts, ``ui/passphrase.MIN_STRENGTH``) starts at 10^10
guesses (about four months of that) and "Strong" at 10^15.
"""

from __future__ import annotations

import functools
import math
import secrets
from collections.abc import Mapping
from importlib import resources

from zxcvbn import zxcvbn

from testimony_app.words import Message

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
#: The verdict of each score, as the meter says it.
_VERDICTS = (
    Message("passphrase.far_too_weak"),
    Message("passphrase.weak"),
    Message("passphrase.fair"),
    Message("passphrase.good"),
    Message("passphrase.strong"),
)
#: zxcvbn's feedback is English sentences (its own gettext calls, never translated here), so
#: each one it can say (zxcvbn 4.5, ``feedback.py``) is mapped to our code; one a later version
#: adds falls back to ``passphrase.zx_other``. "Add another word or two" is left out: the
#: verdict already says it.
_ZXCVBN_REMARKS = {
    "Straight rows of keys are easy to guess.": Message("passphrase.zx_keyboard_rows"),
    "Short keyboard patterns are easy to guess.": Message("passphrase.zx_keyboard_short"),
    'Repeats like "aaa" are easy to guess.': Message("passphrase.zx_repeat_character"),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".':
        Message("passphrase.zx_repeat_group"),
    'Sequences like "abc" or "6543" are easy to guess.': Message("passphrase.zx_sequence"),
    "Recent years are easy to guess.": Message("passphrase.zx_recent_years"),
    "Dates are often easy to guess.": Message("passphrase.zx_dates"),
    "This is a top-10 common password.": Message("passphrase.zx_top10"),
    "This is a top-100 common password.": Message("passphrase.zx_top100"),
    "This is a very common password.": Message("passphrase.zx_very_common"),
    "This is similar to a commonly used password.": Message("passphrase.zx_similar_common"),
    "A word by itself is easy to guess.": Message("passphrase.zx_single_word"),
    "Names and surnames by themselves are easy to guess.": Message("passphrase.zx_names_alone"),
    "Common names and surnames are easy to guess.": Message("passphrase.zx_common_names"),
    "Use a few words, avoid common phrases.": Message("passphrase.zx_few_words"),
    "No need for symbols, digits, or uppercase letters.":
        Message("passphrase.zx_no_symbols_needed"),
    "Use a longer keyboard pattern with more turns.": Message("passphrase.zx_longer_keyboard"),
    "Avoid repeated words and characters.": Message("passphrase.zx_avoid_repeats"),
    "Avoid sequences.": Message("passphrase.zx_avoid_sequences"),
    "Avoid recent years.": Message("passphrase.zx_avoid_recent_years"),
    "Avoid years that are associated with you.": Message("passphrase.zx_avoid_your_years"),
    "Avoid dates and years that are associated with you.":
        Message("passphrase.zx_avoid_your_dates"),
    "Capitalization doesn't help very much.": Message("passphrase.zx_capitals"),
    "All-uppercase is almost as easy to guess as all-lowercase.":
        Message("passphrase.zx_all_upper"),
    "Reversed words aren't much harder to guess.": Message("passphrase.zx_reversed"),
    "Predictable substitutions like '@' instead of 'a' don't help very much.":
        Message("passphrase.zx_substitutions"),
}
_ZXCVBN_ADD_A_WORD = "Add another word or two. Uncommon words are better."
_ZXCVBN_OTHER = Message("passphrase.zx_other")


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
    return _measure(passphrase)[0]


def _measure(passphrase: str) -> tuple[float, Message | None]:
    """The bits of :func:`estimate_bits` and zxcvbn's most telling remark, if it made one."""
    if not passphrase:
        return 0.0, None
    pool = _word_set()
    parts = passphrase.replace(" ", "-").split("-")
    if len(parts) >= 3 and all(p in pool for p in parts):
        # A repeated word adds nothing an attacker has to guess.
        return len(set(parts)) * math.log2(len(pool)), None
    result = zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=list(_CONTEXT_WORDS))
    bits = math.log2(max(float(result["guesses"]), 1.0))
    return bits, _remark(result["feedback"])


def _remark(feedback: Mapping[str, object]) -> Message | None:
    """zxcvbn's warning as our message, else its first suggestion beyond "add a word"."""
    warning = feedback.get("warning")
    suggestions = feedback.get("suggestions")
    said = [warning] if isinstance(warning, str) and warning else []
    if isinstance(suggestions, list):
        said += [s for s in suggestions if isinstance(s, str) and s != _ZXCVBN_ADD_A_WORD]
    if not said:
        return None
    return _ZXCVBN_REMARKS.get(said[0], _ZXCVBN_OTHER)


def passphrase_strength(passphrase: str) -> tuple[int, Message]:
    """A score from 0 (useless) to 4 (strong) and the advice for it: the verdict, and for a
    passphrase below "Good" what pattern zxcvbn saw in it (a date, a keyboard row, ...)."""
    bits, remark = _measure(passphrase)
    score = sum(1 for floor in _SCORE_BITS if bits >= floor)
    verdict = _VERDICTS[score]
    if remark is None or score >= 3:
        return score, verdict
    return score, Message("passphrase.verdict_and_remark", verdict=verdict, remark=remark)
