"""Names in Arabic script: how an Azerbaijani or Russian name is written in it, for redaction.

Azerbaijani is written in Arabic script in Iran, and a testimony may quote a Persian or an
Iranian-Azerbaijani document, so the witness's name can appear as ``اورخان`` in a record whose
name field says ``Orxan``. Arabic script writes few vowels, has several letters for one Latin
sound (``s`` is ``س``, ``ص`` or ``ث``) and one letter for several (``و`` is ``v``, ``o``, ``u``,
``ö`` and ``ü``), so a name has many spellings. :func:`name_pattern` turns one name part into a
regular expression over *normalised* Arabic-script words that accepts the spellings the table
below allows; :func:`normalise` puts a word of the text into that form (presentation forms,
diacritics, tatweel and the zero-width non-joiner removed, Arabic and Persian letter variants
made one).

The table is pinned by ``tests/unit/domain/test_arabic_script.py``: a change to it changes
what a redacted statement removes, so it must be a deliberate one.

Cyrillic names are first written in Azerbaijani Latin (:data:`CYRILLIC_TO_LATIN`). English
spellings (``kh``, ``sh``, ``ch``, ``zh``, ``gh``) are read as the Azerbaijani letter they stand
for.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Latin (Azerbaijani) consonant → the Arabic-script letters that write it.
CONSONANTS: dict[str, str] = {
    "b": "ب", "p": "پ", "t": "تط", "c": "جژ", "ç": "چ", "x": "خ", "d": "د", "r": "ر",
    "z": "زذضظ", "j": "ژج", "s": "سصث", "ş": "ش", "q": "قغگ", "ğ": "غق", "f": "ف",
    "k": "ک", "g": "گکق", "l": "ل", "m": "م", "n": "ن", "v": "وف", "w": "و", "h": "هح",
    "y": "ی",
}
#: Latin vowel → the letter that writes it inside a word ("" = it may be left unwritten).
MEDIAL_VOWELS: dict[str, tuple[str, ...]] = {
    "a": ("ا", "", "ع"), "ə": ("", "ه", "ا", "ع"), "e": ("ی", "", "ع"), "i": ("ی", ""),
    "ı": ("ی", ""), "o": ("و", ""), "ö": ("و", ""), "u": ("و", ""), "ü": ("و", ""),
}
#: Latin vowel → how a word starting with it begins.
INITIAL_VOWELS: dict[str, tuple[str, ...]] = {
    "a": ("ا", "ع"), "ə": ("ا", "ع"), "e": ("ای", "ا", "ع"), "i": ("ای", "ا", "ع"),
    "ı": ("ای", "ا"), "o": ("او", "ا"), "ö": ("او", "ا"), "u": ("او", "ا", "ع"),
    "ü": ("او", "ا"),
}
#: Latin vowel → how a word ending in it ends (a final ``ə`` is written ``ه``).
FINAL_VOWELS: dict[str, tuple[str, ...]] = {
    "a": ("ا", "ه"), "ə": ("ه", "ا", ""), "e": ("ه", "ی"), "i": ("ی",), "ı": ("ی",),
    "o": ("و",), "ö": ("و",), "u": ("و",), "ü": ("و",),
}
#: English spellings of one Azerbaijani letter, read before single letters.
DIGRAPHS: dict[str, str] = {"kh": "x", "sh": "ş", "ch": "ç", "zh": "j", "gh": "ğ", "dj": "c"}
#: Russian (and Azerbaijani) Cyrillic → Azerbaijani Latin, before the table above applies.
CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "q", "д": "d", "е": "e", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts",
    "ч": "ç", "ш": "ş", "щ": "ş", "ъ": "", "ы": "ı", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "ə", "ғ": "ğ", "ҹ": "c", "һ": "h", "ө": "ö", "ү": "ü", "ҝ": "g",
    "ј": "y", "қ": "q",
}
#: Endings a name takes in Azerbaijani written in Arabic script (genitive, dative, …) and
#: the Persian ezafe and object marker.
SUFFIXES: tuple[str, ...] = (
    "نین", "نون", "ین", "ون", "نی", "یا", "یه", "ه", "ا", "ی", "دا", "ده", "دان", "دن",
    "لا", "له", "را", "ای",
)

# Letters that one normalised spelling stands for.
_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
    "ٱ": "ا", "آ": "ا", "ؤ": "و",
})
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200d\u200e\u200f]")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
#: One Arabic-script word of a text, with the joiners that may sit inside it.
ARABIC_WORD = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u200c\u200d]+"
)
_VOWELS = frozenset("aəeiıoöuü")


def has_arabic(text: str) -> bool:
    """True when ``text`` holds at least one Arabic-script letter."""
    return bool(_ARABIC_LETTER.search(text))


def normalise(word: str) -> str:
    """An Arabic-script word in the one form the patterns match: presentation forms made
    letters (NFKC), short vowels, tatweel and joiners removed, letter variants folded."""
    text = unicodedata.normalize("NFKC", word)
    text = _MARKS.sub("", text)
    return text.translate(_FOLD)


def to_latin(part: str) -> str:
    """A name part in lower-case Azerbaijani Latin (Cyrillic transliterated, English digraphs
    read as the letter they stand for)."""
    low = part.casefold().replace("i̇", "i")
    low = "".join(CYRILLIC_TO_LATIN.get(ch, ch) for ch in low)
    for digraph, letter in DIGRAPHS.items():
        low = low.replace(digraph, letter)
    return "".join(ch for ch in low if ch.isalpha())


def _alternatives(options: tuple[str, ...] | str) -> str:
    items = list(options)
    written = sorted({o for o in items if o}, key=lambda o: (-len(o), o))
    body = "|".join(re.escape(o) for o in written)
    if not written:
        return ""
    group = f"(?:{body})"
    return group + "?" if "" in items else group


@lru_cache(maxsize=1024)
def name_pattern(part: str) -> str:
    """A regular expression (no anchors) for the spellings of one name part in Arabic script.

    ``""`` when the part has too few consonants to be told from ordinary words (at least two
    are needed: ``Əli`` → ``علی`` has one after the initial vowel and is still accepted,
    because its initial vowel is written).
    """
    if has_arabic(part):
        return re.escape(normalise(part))
    latin = to_latin(part)
    if len(latin) < 3:
        return ""
    pieces: list[str] = []
    previous = ""
    for i, ch in enumerate(latin):
        if ch == previous and ch in CONSONANTS:
            # A doubled consonant is written once (with a shadda, removed above), or twice.
            pieces.append(f"[{CONSONANTS[ch]}]?")
            continue
        previous = ch
        if ch in _VOWELS:
            if i == 0:
                pieces.append(_alternatives(INITIAL_VOWELS[ch]))
            elif i == len(latin) - 1:
                pieces.append(_alternatives(FINAL_VOWELS[ch]))
            elif latin[i - 1] in _VOWELS:
                pieces.append(_alternatives(("ی", "و", "ع", "")))  # "Səid", "Rauf"
            else:
                pieces.append(_alternatives(MEDIAL_VOWELS[ch]))
        elif ch in CONSONANTS:
            if ch == "y" and i > 0 and latin[i - 1] in "iı":
                pieces.append("ی?")  # "Əliyev": the i and the y are one letter
            else:
                pieces.append(f"[{CONSONANTS[ch]}]")
        else:
            return ""
    consonants = sum(1 for ch in latin if ch not in _VOWELS)
    if consonants < 2 and latin[0] not in _VOWELS:
        return ""
    return "".join(pieces)


@lru_cache(maxsize=1024)
def compiled(part: str) -> re.Pattern[str] | None:
    """:func:`name_pattern` with the name's endings, matching a whole normalised word."""
    body = name_pattern(part)
    if not body:
        return None
    endings = "|".join(re.escape(s) for s in SUFFIXES)
    return re.compile(f"(?:{body})(?:{endings})?")


def matches(part: str, word: str) -> bool:
    """True when the Arabic-script ``word`` (as it appears in a text) spells ``part``."""
    pattern = compiled(part)
    return bool(pattern and pattern.fullmatch(normalise(word)))
