"""Folding text so that a search finds names however they were typed.

Interviewers type on whatever keyboard is at hand: ``Məhərrəmov`` arrives as ``MƏHƏRRƏMOV``,
``meherremov`` (ə typed as e) or ``maharramov`` (the usual English spelling, ə as a). Search
therefore indexes and queries folded text:

* case is folded with the Turkic I handled (I, İ, ı, i all become ``i``);
* diacritics are removed (ş ç ö ü ğ → s c o u g; Arabic harakat dropped);
* ``ə`` becomes ``e``, and every word containing ``ə`` is indexed a second time with ``a``;
* Russian ``ё`` becomes ``е``.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Combining marks left after NFKD: Latin/Cyrillic diacritics, Armenian and Arabic marks.
_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_SPECIAL = (("ı", "i"), ("ё", "е"), ("Ё", "е"), ("ß", "ss"), ("ʼ", ""), ("’", ""))
# Finding out first whether any of these few letters occur at all is cheap on the text that
# has none (most of it). Where one does (ı, in nearly every Azerbaijani line), one
# ``str.replace`` per letter present is 10-20 times faster than ``str.translate``, which looks
# every character of the text up in a dict: snippets fold every line of every hit, and the
# translate was 37 % of a search's CPU over the organisation's testimonies (issue 19,
# docs/performance.md). No replacement contains a letter replaced after it, so the result is
# the translate's (tests/unit/domain/test_folding_fast_paths.py).
_HAS_SPECIAL = re.compile("[ıёЁßʼ’]")


def _special(text: str) -> str:
    if not _HAS_SPECIAL.search(text):
        return text
    for letter, replacement in _SPECIAL:
        if letter in text:
            text = text.replace(letter, replacement)
    return text


def fold(text: str, schwa: str = "e") -> str:
    """Fold ``text`` for matching; ``schwa`` is what ə becomes (``"e"`` or ``"a"``)."""
    if text.isascii():
        # No step below changes an ASCII character except by folding its case, and a snippet
        # folds every word of a hit: English text, digits and ids take this path.
        return text.lower()
    text = text.replace("Ə", "ə").replace("ə", schwa).replace("İ", "i").replace("I", "i")
    text = _special(text).casefold()
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _special(unicodedata.normalize("NFC", stripped))


def fold_both(text: str) -> tuple[str, str]:
    """``(fold(text), fold(text, schwa="a"))``, folding once when ``text`` has no ə."""
    folded = fold(text)
    if "ə" in text or "Ə" in text:
        return folded, fold(text, schwa="a")
    # ə/Ə is the only input that ``schwa`` changes; a ə made later by NFKD (from ᵊ, ₔ) is
    # kept as ə whatever ``schwa`` is.
    return folded, folded


def tokens(text: str) -> list[str]:
    """Folded search tokens of ``text`` (ə as e)."""
    return _TOKEN.findall(fold(text))


def index_text(text: str) -> str:
    """What goes into the full-text index for ``text``: folded words plus ə→a variants."""
    folded = fold(text)
    if "ə" not in text and "Ə" not in text:
        return folded
    schwa_words = {w for w in _TOKEN.findall(text) if "ə" in w or "Ə" in w}
    variants = sorted({fold(word, schwa="a") for word in schwa_words})
    return folded + "\n" + " ".join(variants)
