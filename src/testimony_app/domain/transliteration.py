"""Comparable keys for names written in Azerbaijani Latin, Russian Cyrillic or English.

The same officer appears as ``Həsənov`` in an Azerbaijani testimony, ``Гасанов`` in a Russian
one and ``Hasanov`` or ``Gasanov`` in an English translation. Search folding
(:mod:`testimony_app.domain.folding`) is not enough to see that these are one name, because the
scripts disagree on letters, not only on diacritics: Russian writes Azerbaijani ``h`` and ``q``
as ``г``, English writes ``x`` as ``kh`` and ``c`` as ``j``, and Azerbaijani ``ə`` becomes
``а`` or ``е`` depending on who transliterated it.

:func:`skeleton` therefore reduces a word to a deliberately lossy *skeleton* in which those
correspondences coincide: Cyrillic is mapped to Latin, the result folded, then each class of
letters that the three scripts confuse is collapsed to one letter, surname endings are
normalised (``-ova``/``-yev``/``-iyev`` → ``-ov``) and doubled letters dropped. Two names with
the same skeleton *may* be one person; the skeleton is for ranking suggestions that a person
confirms, never for merging on its own.

Russian declines names, and a name field is often copied from a sentence ("избит капитаном
Гасановым"). A Cyrillic surname in ``-ов``/``-ев``/``-ин`` loses its case ending before
transliteration (``Гасановым``, ``Гасанову``, ``Гасанове`` → ``Гасанов``), and
:func:`name_key` strips the same case from the first name beside it (``Эльчином``). Only
endings that cannot be a nominative are stripped: ``Гасанова`` is also a woman's surname, and
``Марина`` a first name.

:func:`rank_code` recognises military and police ranks in the three languages, so that
``kapitan``, ``капитан``, ``Capt.`` and ``kap.`` agree, in the cases a sentence puts them in
(``капитана``, ``старшим лейтенантом``, ``kapitanı``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from testimony_app.domain import folding

# Russian and Azerbaijani Cyrillic to Azerbaijani-style Latin, *before* folding, so that
# ``х`` and ``x`` or ``ч`` and ``ç`` meet in the same letter.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "ə", "ғ": "g", "ҹ": "c", "һ": "h", "ө": "o", "ү": "u", "ҝ": "k",
    "ј": "y", "ҳ": "h", "ҷ": "c", "қ": "q", "ң": "n", "і": "i", "ї": "i", "є": "e",
}
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)

# Letter classes the three scripts confuse, applied to folded Latin, longest first.
_DIGRAPHS = (
    ("dzh", "c"), ("dj", "c"), ("zh", "c"), ("ch", "c"), ("kh", "h"), ("gh", "h"),
    ("sh", "s"), ("ts", "s"), ("ei", "ey"), ("ph", "f"),
)
_SINGLE = str.maketrans({
    "j": "c", "x": "h", "q": "h", "g": "h", "e": "a", "w": "v", "ı": "i",
})
# Surname endings: -ov/-ova/-ev/-eva/-yev/-iyev/-iev (after e→a: -av, -iyav, ...).
_ENDING = re.compile(r"(?:a|o)va?$")
_IY_VOWEL = re.compile(r"iy(?=[aou])")
_FINAL_Y = re.compile(r"(?:iy|iy|y|ij)$")
_DOUBLED = re.compile(r"(.)\1+")
_WORD = re.compile(r"\w+", re.UNICODE)
_PATRONYMIC_MARKERS = {"ohlu", "hizi", "ohli", "olu"}
# Patronymics in skeleton form, also declined (``Рауфовича``, ``Рауфовичем``, ``Рауфовной``).
_PATRONYMIC_END = re.compile(r"(?:ovic|avic)(?:a|u|am)?$|(?:ovn|avn)(?:a|i|u|oi)$|ic$")

# A Russian surname in an oblique case: the stem (``гасанов``) and the ending. Only endings
# that no nominative has: ``-ова`` is a woman's surname too (the skeleton folds it anyway),
# and ``-ина``/``-ине`` end women's first names (Марина, Марине).
_RU_SURNAME_CASE = re.compile(
    r"^([а-яё]{2,}(?:ов|ев|ёв))(ым|у|е|ой|ою)$|^([а-яё]{2,}(?:ин|ын))(ым|у)$"
)
# The case each ending shows, and what the same case adds to a man's first name or to a rank
# ending in a consonant (Эльчин → Эльчином, Рамиль → Рамилем, капитан → капитаном).
_RU_CASE_OF = {"ым": "ins", "у": "dat", "е": "pre", "ом": "ins", "ем": "ins", "ю": "dat",
               "а": "gen", "я": "gen"}
_RU_NOUN_ENDINGS = {"ins": ("ом", "ем"), "dat": ("у", "ю"), "pre": ("е",), "gen": ("а", "я")}
_RU_CONSONANT_STEM = re.compile(r"[бвгджзклмнпрстфхцчшщ]ь?$")


def _russian_case(word: str) -> tuple[str, str]:
    """``("гасанов", "ins")`` for ``Гасановым``; ``(word, "")`` for anything else."""
    match = _RU_SURNAME_CASE.match(word)
    if not match:
        return word, ""
    stem, ending = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    return stem, _RU_CASE_OF.get(ending, "obl")


def _russian_noun_case(word: str) -> str:
    """The case of a declined rank or man's first name (``капитаном`` → ``"ins"``), if any."""
    for ending in ("ом", "ем", "у", "ю", "е", "а", "я"):
        if word.endswith(ending) and _RU_CONSONANT_STEM.search(word[: -len(ending)]):
            return _RU_CASE_OF[ending]
    return ""


def _strip_russian_case(word: str, case: str) -> str:
    """``Эльчином`` → ``Эльчин`` when the name beside it shows the instrumental."""
    low = word.casefold()
    for ending in _RU_NOUN_ENDINGS.get(case, ()):
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 3 and _RU_CONSONANT_STEM.search(stem):
            return stem
    return word


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The comparable key of one word: ``Həsənov``, ``Гасанов``, ``Hasanov`` → ``hasanov``."""
    text = _russian_case(word.casefold())[0].translate(_CYRILLIC_TABLE)
    text = folding.fold(text, schwa="a")
    text = "".join(ch for ch in text if ch.isalnum())
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    text = text.translate(_SINGLE)
    text = _IY_VOWEL.sub("i", text)
    if len(text) > 4 and not text.isdigit():
        text = _ENDING.sub("ov", text) if _ENDING.search(text) else _FINAL_Y.sub("i", text)
    return _DOUBLED.sub(r"\1", text)


def words(text: str) -> list[str]:
    """The words of ``text`` in reading order (any script), as typed."""
    return _WORD.findall(text)


def name_key(name: str) -> tuple[str, ...]:
    """Skeletons of the words of a personal name, without ranks and patronymics.

    Parenthetical remarks (``"Rüfət (yalnız adı)"``: "first name only") are dropped, and so
    are patronymics (``Vüqar oğlu``, ``Тимурович``), which witnesses give inconsistently and
    would otherwise make one person look like two. Initials stay as one-letter keys.
    """
    text = re.sub(r"\([^)]*\)|«|»|\"", " ", name)
    raw = [w for w in words(text) if not w.isdigit()]
    case = _name_case(raw)
    keys: list[str] = []
    skip_next_marker = False
    for i, word in enumerate(raw):
        if rank_code(word) and not keys and i + 1 < len(raw):
            continue  # "Kapitan Həsənov": the rank is not part of the name
        if case and not _russian_case(word.casefold())[1]:
            word = _strip_russian_case(word, case)  # "Эльчином Гасановым"
        key = skeleton(word)
        if not key:
            continue
        if key in _PATRONYMIC_MARKERS:
            if keys and not skip_next_marker:
                keys.pop()  # "Vüqar oğlu": the father's name, not the person's
            skip_next_marker = True
            continue
        if _PATRONYMIC_END.search(key) and len(key) > 6:
            continue
        keys.append(key)
    return tuple(keys)


def _name_case(raw: list[str]) -> str:
    """The Russian case a name is in, when a declined surname or rank shows it unambiguously.

    A surname ending shows it (``Гасановым``: instrumental), and so does a rank leading the
    name (``капитана``: genitive); ``Гасанова`` shows nothing (it may be a woman's surname).
    """
    for i, word in enumerate(raw):
        low = word.casefold()
        case = _russian_case(low)[1]
        if case in ("ins", "dat", "pre"):
            return case
        if i == 0 and len(raw) > 1 and rank_code(word):
            case = _russian_noun_case(low)
            if case:
                return case
    return ""


# -- ranks -------------------------------------------------------------------------------

# Canonical rank code → forms in Azerbaijani, Russian and English (folded, as prefixes where
# a form ends in a dot). Two-word ranks are matched before their one-word heads.
_RANKS: dict[str, tuple[str, ...]] = {
    "senior_lieutenant": ("bas leytenant", "старший лейтенант", "senior lieutenant",
                          "st. lt", "ст. лейтенант", "ст. л-т"),
    "junior_lieutenant": ("kicik leytenant", "младший лейтенант", "junior lieutenant"),
    "lieutenant_colonel": ("polkovnik-leytenant", "polkovnik leytenant", "подполковник",
                           "lieutenant colonel", "lieutenant-colonel", "lt. col", "lt col"),
    "major_general": ("general-mayor", "генерал-майор", "major general", "major-general"),
    "senior_sergeant": ("bas serjant", "старший сержант", "senior sergeant", "staff sergeant"),
    "junior_sergeant": ("kicik serjant", "младший сержант", "junior sergeant"),
    "captain": ("kapitan", "капитан", "captain", "capt", "cpt", "kap", "кап"),
    "major": ("mayor", "майор", "major", "maj"),
    "lieutenant": ("leytenant", "лейтенант", "lieutenant", "lt", "л-т"),
    "colonel": ("polkovnik", "полковник", "colonel", "col"),
    "sergeant": ("serjant", "сержант", "sergeant", "sgt", "serj"),
    "warrant_officer": ("gizir", "прапорщик", "warrant officer", "praporshchik", "praporscik"),
    "private": ("esger", "siravi", "рядовой", "private", "pvt", "soldier"),
    "general": ("general", "генерал"),
    "investigator": ("mustentiq", "müstəntiq", "следователь", "investigator"),
    "police_officer": ("polis", "полицейский", "policeman", "police officer"),
}
_RANK_FAMILY = {
    "senior_lieutenant": "lieutenant", "junior_lieutenant": "lieutenant",
    "lieutenant_colonel": "colonel", "major_general": "general",
    "senior_sergeant": "sergeant", "junior_sergeant": "sergeant",
}


# Case endings of rank words, folded (й → и): Russian adjectives and nouns decline
# (``старшего лейтенанта``, ``следователем``); Azerbaijani adds a possessive to the last word
# of a rank (``polis kapitanı``, ``baş leytenantı``).
_RU_ADJECTIVE = "(?:ии|ои|ого|его|ому|ему|ым|им|ом|ем)"
_RU_NOUN = "(?:а|у|ом|е)?"
_RU_SOFT_NOUN = "(?:ь|я|ю|ем|е)"
_AZ_POSSESSIVE = "(?:i|u|si)?"


def _rank_part(part: str, last: bool) -> str:
    """One word of a folded rank form as a pattern, with the endings it may take.

    Abbreviations (``ст.``, ``capt``, ``кап``) take none: with an ending they would read
    short names as ranks.
    """
    if part.endswith(".") or not part.replace("-", "").isalpha() or len(part) < 5:
        return re.escape(part.rstrip("."))
    if "-" in part:  # "генерал-маиор(а)", "polkovnik-leytenant(ı)": the last piece declines
        ending = _RU_NOUN if re.search("[а-я]", part) else _AZ_POSSESSIVE if last else ""
        return re.escape(part) + ending
    if not re.search("[а-я]", part):
        return re.escape(part) + (_AZ_POSSESSIVE if last else "")
    if part.endswith(("ии", "ои")):
        return re.escape(part[:-2]) + _RU_ADJECTIVE
    if part.endswith("ь"):
        return re.escape(part[:-1]) + _RU_SOFT_NOUN
    return re.escape(part) + _RU_NOUN


def _rank_patterns() -> list[tuple[re.Pattern[str], str]]:
    patterns: list[tuple[re.Pattern[str], str]] = []
    forms = sorted(
        ((folding.fold(form), code) for code, all_forms in _RANKS.items() for form in all_forms),
        key=lambda item: -len(item[0]),
    )
    for form, code in forms:
        parts = form.split()
        body = r"\.?\s*".join(
            _rank_part(part, i == len(parts) - 1) for i, part in enumerate(parts)
        )
        patterns.append((re.compile(rf"(?<!\w){body}(?!\w)"), code))
    return patterns


_RANK_PATTERNS = _rank_patterns()


@lru_cache(maxsize=8192)
def rank_code(text: str) -> str:
    """The canonical code of the first rank named in ``text`` (``""`` when none).

    ``"kapitan (şahidin ehtimalı)"`` → ``"captain"``; ``"ст. лейтенант"`` → ``"senior_lieutenant"``.
    """
    folded = folding.fold(text)
    for pattern, code in _RANK_PATTERNS:
        if pattern.search(folded):
            return code
    return ""


def rank_family(code: str) -> str:
    """The rank a code belongs to for agreement (a senior lieutenant is a lieutenant)."""
    return _RANK_FAMILY.get(code, code)


def ranks_agree(a: str, b: str) -> bool | None:
    """True or False when both texts name a rank, None when either does not."""
    code_a, code_b = rank_code(a), rank_code(b)
    if not code_a or not code_b:
        return None
    return rank_family(code_a) == rank_family(code_b)


def split_rank(name: str) -> tuple[str, str]:
    """``"Capt. Həsənov"`` → ``("captain", "Həsənov")``: a rank written into the name field."""
    parts = words(name)
    if len(parts) >= 2:
        first = rank_code(parts[0])
        for take in (2, 1):
            code = rank_code(" ".join(parts[:take]))
            if take == 2 and code == first:
                continue  # "Capt. Elchin": a one-word rank followed by a name
            if code and len(parts) > take:
                rest = name
                for part in parts[:take]:
                    rest = rest.replace(part, "", 1)
                return code, rest.strip(" .,-")
    return "", name.strip()
