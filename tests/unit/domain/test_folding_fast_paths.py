"""The fast paths of folding give exactly what the full folding gives.

``fold`` takes a shortcut for ASCII text and skips the special-letter table when none of its
letters occur; ``fold_both`` folds once when there is no ə. Search, snippets and registry
matching all rely on the folded forms being identical either way.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testimony_app.domain import folding

_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)  # not text: UTF-8 cannot carry them

_SPECIAL = str.maketrans({"ı": "i", "ё": "е", "Ё": "е", "ß": "ss", "ʼ": "", "’": ""})


def reference_fold(text: str, schwa: str = "e") -> str:
    """The folding as it was written before the fast paths (kept here as the oracle)."""
    text = text.replace("Ə", "ə").replace("ə", schwa).replace("İ", "i").replace("I", "i")
    text = text.translate(_SPECIAL).casefold()
    stripped = folding._COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFC", stripped).translate(_SPECIAL)


REAL = [
    "Məhərrəmov Nemət İsmayıl oğlu",
    "MƏHƏRRƏMOV, Tərtər, Q-903 hərbi hissəsi",
    "Гасанов Эльчин, капитан; Ёлкин — допрос",
    "Hasanov, captain, military unit N",
    "Ağdam; Gəncə; Bərdə; İsmayıllı; ISPARTA",
    "Հովհաննես Սարգսյան, Երևան",
    "محمد عبد الله، بغداد",
    "Şəkərbəyli ʼ’ ß ı ё",
    "ᵊ ₔ combining é e\u0301",
    "",
    "12-05-2017 r0042",
]


def test_real_strings_fold_as_before() -> None:
    for text in REAL:
        for schwa in ("e", "a"):
            assert folding.fold(text, schwa) == reference_fold(text, schwa), text
        assert folding.fold_both(text) == (reference_fold(text), reference_fold(text, "a"))


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=_SURROGATES), max_size=40))
def test_any_text_folds_as_before(text: str) -> None:
    assert folding.fold(text) == reference_fold(text)
    assert folding.fold_both(text) == (reference_fold(text), reference_fold(text, "a"))


@pytest.mark.slow
@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="əƏıİIёЁßʼ’aeiouxyzçğöşüАБВабвЕеЁё \u0301\u0308", max_size=30))
def test_the_letters_that_matter_fold_as_before(text: str) -> None:
    assert folding.fold_both(text) == (reference_fold(text), reference_fold(text, "a"))
    assert re.sub(r"\s+", " ", folding.fold(text)) == re.sub(r"\s+", " ", reference_fold(text))
