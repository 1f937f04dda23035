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
_SPECIAL = str.maketrans({"ı": "i", "ё": "е", "Ё": "е", "ß": "ss", "ʼ": "", "’": ""})
# str.translate looks every character up in the table; finding out first whether any of its
# few keys occur at all is several times cheaper on the text that has none (most of it).
_HAS_SPECIAL = re.compile("[ıёЁßʼ’]")


def _special(text: str) -> str:
    return text.translate(_SPECIAL) if _HAS_SPECIAL.search(text) else text


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
