"""Generated passphrases and a plain-words strength meter.

Argon2 slows guessing but cannot rescue a weak passphrase, so the app offers one made of
random words (7 words from a 2,048-word list ≈ 77 bits). ASCII words are deliberate: letters
like ə or ı typed on another keyboard layout are a lockout risk.
"""

from __future__ import annotations

import functools
import math
import secrets
import string
from importlib import resources


@functools.cache
def _words() -> tuple[str, ...]:
    text = (
        resources.files("testimony_app.resources") / "wordlists" / "bip39-english.txt"
    ).read_text(encoding="utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip())


def generate_passphrase(words: int = 7) -> str:
    """Random words joined by hyphens, chosen with a cryptographic generator."""
    pool = _words()
    return "-".join(secrets.choice(pool) for _ in range(max(words, 4)))


def estimate_bits(passphrase: str) -> float:
    """A conservative entropy estimate: word-list passphrases by words, others by characters."""
    if not passphrase:
        return 0.0
    pool = set(_words())
    parts = passphrase.replace(" ", "-").split("-")
    if len(parts) >= 3 and all(p in pool for p in parts):
        return len(parts) * math.log2(len(pool))
    alphabet = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        alphabet += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        alphabet += 26
    if any(c in string.digits for c in passphrase):
        alphabet += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        alphabet += 33
    if any(ord(c) > 127 for c in passphrase):
        alphabet += 64
    distinct = len(set(passphrase))
    # Repetition earns nothing: count characters as if drawn from what is really used.
    effective = min(len(passphrase), distinct * 2)
    return effective * math.log2(max(alphabet, 2)) * 0.6


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A score from 0 (useless) to 4 (strong) and one sentence of advice."""
    bits = estimate_bits(passphrase)
    if bits < 28:
        return 0, "Far too weak: use several random words."
    if bits < 40:
        return 1, "Weak: a person with the laptop could guess it."
    if bits < 55:
        return 2, "Fair: add another word or two."
    if bits < 70:
        return 3, "Good."
    return 4, "Strong."
