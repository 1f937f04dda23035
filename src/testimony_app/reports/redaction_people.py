"""The protected people of a record, and every place a text names them.

A person here is the witness (replaced by their pseudonym) or someone whose name the redacted
output must not carry: the victim a relative speaks for, and every name the interviewer marked
sensitive (replaced by a neutral marker). For each person the record gives a name field; from
it come:

* the **parts** of the name (given name, patronymic, surname), each matched with its case
  endings and its common spellings in Azerbaijani Latin, English-style Latin and Cyrillic
  (:func:`part_regex`), by its transliteration *skeleton* (``Джафаров`` ≈ ``Jafarov``), and in
  Arabic script (:mod:`testimony_app.domain.arabic_script`);
* the **initials** of every word of the name, in each script (``Səfərli`` → S, С), so that
  "O. S.", "O.V.S.", "О. С." and the "S." left beside a replaced given name are found too.

:func:`find` returns the hits of one text as *groups*: neighbouring hits of one person (a
given name and a surname, a name and its initials) are one group, replaced by one marker, so
that "Orxan S." becomes "Şahid A", not "Şahid A S.". Each group is then judged: a name part
that is also an ordinary word (:mod:`testimony_app.domain.name_words`) counts as a name only
beside another part of the name or capitalised in the middle of a sentence; a given name
followed by somebody else's surname is probably somebody else. Those are *doubtful*: kept,
and listed for the interviewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from testimony_app.domain import arabic_script
from testimony_app.domain import name_words as lexicon
from testimony_app.domain.redaction_review import (
    DOUBT_COMMON_WORD,
    DOUBT_INITIALS,
    DOUBT_OTHER_PERSON,
    DOUBT_SPELLING,
)
from testimony_app.domain.transliteration import skeleton

MIN_PART = 3            # shorter name parts ("Əl") would blank half the text
_MIN_TRANSLIT = 4       # transliteration and stemming only for parts at least this long
_VOWELS = frozenset("aeəiıoöuüyаеёиоуыэюяй")
_PARTICLES = frozenset({"oğlu", "qızı", "oglu", "qizi", "ogly", "kyzy", "gizi", "оглы",
                        "кызы", "ibn", "bin", "bint", "ибн"})
_SPLIT = re.compile(r"[\s\-‐,;:/()\"«»“”„_]+")
_SURNAME = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|li|lı|lu|lü|zadə|zade|zadeh|bəyli|beyli|ski|sky|ska|yan|ян|"
    r"ов|ев|ёв|ова|ева|ин|ина|ын|ский|ская|ли|заде)$",
    re.IGNORECASE,
)
_SURNAME_INFLECTED = re.compile(
    r"(?:ov|ev|li|lı|lu|lü|zadə|zade|ski|sky|yan|ян|ов|ев|ёв|ин|ын|ский|ли|заде)"
    r"[^\W\d_]{0,4}$",
    re.IGNORECASE,
)
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)$", re.IGNORECASE)
# A case ending joined to the name ("Səfərlinin") goes with it; one after an apostrophe
# ("Safarli's", "Orxan'ın") is grammar, not identity, and stays after the replacement.
_LETTER_TAIL = r"[^\W\d_\u200c]*"
_SOFT = "[ьъ'’]?"   # Russian spellings insert soft/hard signs the Latin original does not have
_B = r"(?<![^\W_])"
_E = r"(?![^\W_])"
_WORD = re.compile(r"[^\W\d_]+")
_INITIAL = re.compile(r"(?<![^\W_])([^\W\d_])(?:(\.)|(?![^\W_]))")
_BARE_INITIALS = re.compile(r"(?<![^\W_])([^\W\d_]{2,3})(?![^\W_.])")
_NEAR = re.compile(r"[ \t\u00a0]{1,2}")
_SKELETON_TAIL = 3

# Azerbaijani Latin → other spellings of the same sound (Latin transliterations, Cyrillic).
# Russian writes some Azerbaijani names its own way: Mehdiyev → Мехтиев (d → т), Əsgərov →
# Аскеров (g → к), Qasımov → Касумов (ı → у).
AZ_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "a": ("а", "я"), "b": ("б",), "c": ("дж", "ж", "j", "dj"), "ç": ("ч", "ch", "c"),
    "d": ("д", "т"), "e": ("е", "э", "ə"), "ə": ("а", "е", "э", "я", "ә", "a", "e", "ä"),
    "f": ("ф",), "g": ("г", "к"), "ğ": ("г", "гъ", "gh", "g"), "h": ("г", "х", "һ"),
    "x": ("х", "kh", "h"), "ı": ("ы", "и", "у", "i", "y", "u"), "i": ("и", "ы", "ı"),
    "j": ("ж", "zh"),
    "k": ("к",), "q": ("г", "к", "g", "gh"), "l": ("л",), "m": ("м",), "n": ("н",),
    "o": ("о",), "ö": ("ё", "о", "е", "ө", "o", "oe"), "p": ("п",), "r": ("р",),
    "s": ("с",), "ş": ("ш", "sh", "s"), "t": ("т",), "u": ("у",),
    "ü": ("ю", "у", "ү", "u", "ue"), "v": ("в", "w"), "w": ("в", "v"), "y": ("й", "и", "ы"),
    "z": ("з",),
}
_AZ_DIGRAPHS: dict[str, tuple[str, ...]] = {
    "ya": ("я", "йа"), "yə": ("я", "е", "йе"), "yu": ("ю", "йу"), "ye": ("е", "йе"),
    "yo": ("ё", "йо"),
}
# Cyrillic → Latin spellings (Azerbaijani and English-style).
CYR_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "а": ("a", "ə"), "б": ("b",), "в": ("v", "w"), "г": ("g", "h", "q", "ğ"), "д": ("d",),
    "е": ("e", "ə", "ye"), "ё": ("yo", "ö", "jo"), "ж": ("j", "zh", "c"), "з": ("z",),
    "и": ("i", "ı", "y"), "й": ("y", "i", "j"), "к": ("k", "q"), "л": ("l",), "м": ("m",),
    "н": ("n",), "о": ("o", "ö"), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",),
    "у": ("u", "ü"), "ф": ("f",), "х": ("x", "kh", "h"), "ц": ("ts", "c"), "ч": ("ç", "ch"),
    "ш": ("ş", "sh"), "щ": ("shch", "şç"), "ъ": ("",), "ы": ("ı", "y", "i"), "ь": ("",),
    "э": ("e", "ə"), "ю": ("yu", "ü", "ju"), "я": ("ya", "yə", "ja"),
}


# -- names as the record gives them ---------------------------------------------------------------


def _capital(word: str) -> bool:
    return word[0].isupper() or (not word[0].islower() and word[0].isalpha())


def name_words(text: str) -> list[str]:
    """The words of a name field that belong to a name, initials included (without dots).

    A name field normally holds just a name ("Zərifə Mahmud qızı Bəşirova", "Samir B."):
    every capitalised word counts; lower-case particles (``qızı``, ``oğlu``) do not. But
    interviewers also write descriptions there ("Samir Bəşirov (1997–2017), conscript";
    "several soldiers, including Samir B."); from those only runs of two or more capitalised
    words are taken. Numbers are never part of a name.
    """
    words = [w.strip(".'’") for w in _SPLIT.split(text) if w.strip(".'’")]
    plain = len(words) <= 4 and not re.search(r"[\d(),;]", text)
    if plain:
        return [w for w in words if _capital(w) and not any(c.isdigit() for c in w)]
    picked: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if w and _capital(w) and not any(c.isdigit() for c in w):
            run.append(w)
            continue
        if len(run) >= 2:
            picked.extend(run)
        run = []
    return picked


def name_parts(text: str) -> list[str]:
    """The words of a name field long enough to be looked for on their own (see
    :func:`name_words`)."""
    return [w for w in name_words(text) if len(w) >= MIN_PART]


def _role(words: Sequence[str], index: int, field_text: str) -> str:
    word = words[index]
    if _PATRONYMIC.search(word) or re.search(
        re.escape(word) + r"\s+(?:oğlu|qızı|oglu|qizi|оглы|кызы)", field_text, re.IGNORECASE
    ):
        return "patronymic"
    if len(word) > 1 and _SURNAME.search(word):
        return "surname"
    if len(words) > 1 and index == len(words) - 1 and not any(
        _SURNAME.search(w) for w in words if len(w) > 1
    ):
        return "surname"  # "Samir B.", "Tural Ə.": the last word is the surname (or its initial)
    return "given"


def _initial_class(word: str) -> frozenset[str]:
    first = word[0]
    low = first.lower()
    cyrillic = "а" <= low <= "я" or low in "ёәғҹһөүҝјқ"
    table = CYR_ALTERNATIVES if cyrillic else AZ_ALTERNATIVES
    letters = {first.upper()}
    if low in ("i", "ı"):
        letters |= {"I", "İ"}
    for alt in table.get(low, ()):
        if alt:
            letters.add(alt[0].upper())
    return frozenset(letters)


def _char_class(ch: str, table: dict[str, tuple[str, ...]]) -> str:
    low = ch.lower()
    # Dotted and dotless i: Azerbaijani spelling and case rules differ from Python's.
    own = "[iıİI]" if low in ("i", "ı", "i̇") else re.escape(ch)
    alts = [re.escape(a) for a in table.get(low, ()) if a]
    optional = "" in table.get(low, ())
    body = "(?:" + "|".join([own, *alts]) + ")" if alts else own
    return body + ("?" if optional else "")


def _stem(token: str) -> str:
    """Drop a final vowel so that feminine and case endings still match."""
    if len(token) >= 5 and token[-1].lower() in _VOWELS:
        return token[:-1]
    return token


def part_regex(token: str) -> str:
    """A regex for a name part at the start of a word, with inflections and spellings; the
    group ``root`` is the part itself (without its ending)."""
    if len(token) < _MIN_TRANSLIT:
        body = r"\s+".join(re.escape(p) for p in token.split())
        return rf"{_B}(?P<root>{body}){_E}"
    stem = _stem(token)
    cyrillic = any("а" <= c.lower() <= "я" or c.lower() == "ё" for c in stem)
    table = CYR_ALTERNATIVES if cyrillic else AZ_ALTERNATIVES
    parts: list[str] = []
    i = 0
    low = stem.lower()
    while i < len(stem):
        pair = low[i : i + 2]
        if not cyrillic and pair in _AZ_DIGRAPHS:
            alts = "|".join(re.escape(a) for a in _AZ_DIGRAPHS[pair])
            parts.append(f"(?:{_char_class(stem[i], table)}{_char_class(stem[i + 1], table)}"
                         f"|{alts})")
            i += 2
            continue
        parts.append(_char_class(stem[i], table))
        if not cyrillic and stem[i].lower() not in _VOWELS and i < len(stem) - 1:
            parts.append(_SOFT)  # inside the name only: a final "'s" is not a soft sign
        i += 1
    return rf"{_B}(?P<root>{''.join(parts)}){_LETTER_TAIL}"


@dataclass(frozen=True)
class Part:
    """One word of a protected name, with how to find it."""

    text: str
    role: str
    common: bool
    skeleton: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Person:
    """A protected person: the words of their name, and the initials of each word."""

    index: int
    name: str
    own: bool
    parts: tuple[Part, ...]
    initials: tuple[frozenset[str], ...]
    roles: tuple[str, ...]
    letters: frozenset[str] = field(default=frozenset())

    @property
    def has_surname(self) -> bool:
        """True when the record gives the surname (or its initial)."""
        return "surname" in self.roles

    def surname_fits(self, word: str) -> bool:
        """True when ``word`` may be this person's surname although it is not one of the
        name's parts: the record gives no surname, or only its initial and ``word`` starts
        with it."""
        if not self.has_surname:
            return True
        i = self.roles.index("surname")
        full = any(p.role == "surname" for p in self.parts)
        return not full and word[0].upper() in self.initials[i]

    def initials_match(self, letters: Sequence[str]) -> bool:
        """True when ``letters`` are initials of this name, in the written order or with the
        surname first or last (Russian order), two or more of them."""
        if len(letters) < 2:
            return False
        words = list(range(len(self.initials)))
        orders = [words]
        if "surname" in self.roles:
            s = self.roles.index("surname")
            rest = [i for i in words if i != s]
            orders += [[s, *rest], [*rest, s]]
        for order in orders:
            pos = 0
            for letter in letters:
                while pos < len(order) and letter not in self.initials[order[pos]]:
                    pos += 1
                if pos == len(order):
                    break
                pos += 1
            else:
                return True
        return False


def make_person(index: int, name: str, own: bool) -> Person | None:
    """The protected person whose name field is ``name`` (``None`` for an empty field)."""
    words = name_words(name)
    if not words:
        return None
    roles = tuple(_role(words, i, name) for i in range(len(words)))
    parts = tuple(
        Part(
            text=w,
            role=roles[i],
            common=name_words_common(w),
            skeleton=skeleton(w),
            regex=re.compile(part_regex(w), re.IGNORECASE),
        )
        for i, w in enumerate(words)
        if len(w) >= MIN_PART
    )
    initials = tuple(_initial_class(w) for w in words)
    letters = frozenset(ch for cls in initials for ch in cls)
    return Person(index, name, own, parts, initials, roles, letters)


def name_words_common(word: str) -> bool:
    """True when a name part is also an ordinary word (or its stem is: ``Zərifə``/``zərif``)."""
    return lexicon.is_common_word(word) or lexicon.is_common_word(_stem(word))


# -- hits in a text --------------------------------------------------------------------------------


@dataclass
class Cand:
    """A candidate span before overlaps are settled and neighbours grouped."""

    start: int
    end: int
    kind: str
    persons: frozenset[int] = frozenset()
    part: Part | None = None
    root: str = ""
    doubt: str = ""
    members: int = 1


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    letter: str
    dot: bool


def _initial_tokens(text: str) -> list[_Token]:
    out = []
    for m in _INITIAL.finditer(text):
        letter = m.group(1)
        if letter.isupper():
            out.append(_Token(m.start(), m.end(), letter, bool(m.group(2))))
    return out


def _runs(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    runs: list[list[_Token]] = []
    for tok in tokens:
        if runs:
            prev = runs[-1][-1]
            gap = text[prev.end:tok.start]
            if (prev.dot and (gap == "" or _NEAR.fullmatch(gap))) or (
                not prev.dot and _NEAR.fullmatch(gap)
            ):
                runs[-1].append(tok)
                continue
        runs.append([tok])
    return runs


class PeopleFinder:
    """Finds the protected people of one record in any text."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people = [p for p in people if p is not None]
        by_key: dict[str, set[int]] = {}
        for person in self.people:
            for part in person.parts:
                by_key.setdefault(part.skeleton or part.text.casefold(), set()).add(person.index)
        self._owners = {k: frozenset(v) for k, v in by_key.items()}
        seen: dict[str, Part] = {}
        for person in self.people:
            for part in person.parts:
                seen.setdefault(part.text.casefold(), part)
        self._parts = list(seen.values())
        self._full = [
            (re.compile(_B + r"\s+".join(re.escape(w) for w in p.name.split()) + _LETTER_TAIL,
                        re.IGNORECASE), p.index)
            for p in self.people if len(p.name.split()) > 1 and not re.search(r"[\d(),;]",
                                                                               p.name)
        ]
        self._by_index = {p.index: p for p in self.people}

    def owners(self, part: Part) -> frozenset[int]:
        """Every person whose name has this part (a shared surname belongs to several)."""
        return self._owners.get(part.skeleton or part.text.casefold(), frozenset())

    def person(self, index: int) -> Person:
        return self._by_index[index]

    def candidates(self, text: str) -> list[Cand]:
        """Every span that may name a protected person (overlapping, not yet judged)."""
        out: list[Cand] = []
        for part in self._parts:
            owners = self.owners(part)
            for m in part.regex.finditer(text):
                out.append(Cand(m.start(), m.end(), "name", owners, part, m.group("root")))
        for regex, index in self._full:
            for m in regex.finditer(text):
                out.append(Cand(m.start(), m.end(), "name", frozenset({index}), None,
                                m.group(0), members=2))
        out += self._skeleton_hits(text)
        out += self._arabic_hits(text)
        out += self._initial_runs(text)
        return out

    def _skeleton_hits(self, text: str) -> list[Cand]:
        keyed = [(p.skeleton, p) for p in self._parts if len(p.skeleton) >= MIN_PART]
        if not keyed:
            return []
        out = []
        for m in _WORD.finditer(text):
            word = m.group(0)
            if not _capital(word) or arabic_script.has_arabic(word) or len(word) < MIN_PART:
                continue
            key = skeleton(word)
            for hidden, part in keyed:
                if key == hidden or (
                    len(hidden) >= 4 and key.startswith(hidden)
                    and len(key) - len(hidden) <= _SKELETON_TAIL
                ):
                    out.append(Cand(m.start(), m.end(), "name", self.owners(part), part, word))
                    break
        return out

    def _arabic_hits(self, text: str) -> list[Cand]:
        if not arabic_script.has_arabic(text):
            return []
        out = []
        for m in arabic_script.ARABIC_WORD.finditer(text):
            for part in self._parts:
                if arabic_script.matches(part.text, m.group(0)):
                    doubt = DOUBT_COMMON_WORD if part.common or len(part.text) <= 3 else ""
                    out.append(Cand(m.start(), m.end(), "arabic", self.owners(part), part,
                                    m.group(0), doubt))
                    break
        return out

    def _initial_runs(self, text: str) -> list[Cand]:
        out: list[Cand] = []
        for run in _runs(text, _initial_tokens(text)):
            if len(run) < 2:
                continue
            letters = [t.letter for t in run]
            owners = frozenset(p.index for p in self.people if p.initials_match(letters))
            if owners:
                out.append(Cand(run[0].start, run[-1].end, "initials", owners, members=len(run)))
        for m in _BARE_INITIALS.finditer(text):
            word = m.group(1)
            if not word.isupper():
                continue
            owners = frozenset(p.index for p in self.people if p.initials_match(list(word)))
            if owners:
                doubt = DOUBT_INITIALS if len(word) == 2 else ""
                out.append(Cand(m.start(), m.end(), "initials", owners, doubt=doubt,
                                members=len(word)))
        return out

    # -- grouping and judging ---------------------------------------------------------------

    def group(self, text: str, chosen: list[Cand]) -> list[Cand]:
        """Merge neighbouring name hits of one person, take in the initials beside them, and
        judge each group (certain, or doubtful and why)."""
        names = [c for c in chosen if c.kind in ("name", "initials", "arabic")]
        others = [c for c in chosen if c.kind not in ("name", "initials", "arabic")]
        taken = sorted(chosen, key=lambda c: c.start)
        groups: list[list[Cand]] = []
        for cand in sorted(names, key=lambda c: c.start):
            if groups:
                last = groups[-1]
                shared = _persons(last) & cand.persons
                if shared and _joinable(text[last[-1].end:cand.start]):
                    last.append(cand)
                    continue
            groups.append([cand])
        tokens = _initial_tokens(text)
        out = list(others)
        for members in groups:
            out.append(self._judge(text, members, tokens, taken))
        return out

    def _judge(self, text: str, members: list[Cand], tokens: list[_Token],
               taken: list[Cand]) -> Cand:
        persons = _persons(members)
        letters = frozenset(ch for i in persons for ch in self.person(i).letters)
        start, end = members[0].start, members[-1].end
        count = sum(c.members for c in members)
        # Initials right before or after the group ("O. Səfərli", "Orxan S.", "Сафарли О. В.").
        after = [t for t in tokens if t.start >= end]
        for tok in after:
            if not _NEAR.fullmatch(text[end:tok.start]) or tok.letter not in letters \
                    or _overlaps(tok.start, tok.end, taken, members):
                break
            end, count = tok.end, count + 1
        before = [t for t in tokens if t.end <= start][::-1]
        for tok in before:
            gap = text[tok.end:start]
            if not ((gap == "" and tok.dot) or _NEAR.fullmatch(gap)) or tok.letter not in letters \
                    or _overlaps(tok.start, tok.end, taken, members):
                break
            start, count = tok.start, count + 1
        kind = "name" if any(c.kind == "name" for c in members) else members[0].kind
        doubt = ""
        if count < 2:
            only = members[0]
            doubt = only.doubt
            if only.kind == "name" and only.part is not None:
                doubt, end = self._judge_single(text, only, persons, end, taken)
        return Cand(start, end, kind, persons, members[0].part, text[start:end], doubt, count)

    def _judge_single(self, text: str, cand: Cand, persons: frozenset[int], end: int,
                      taken: list[Cand]) -> tuple[str, int]:
        """Whether one name part alone is used as a name here (``""``) or doubtful, and the
        end of the hit (a surname beside a given name of somebody whose surname the record
        does not give is taken in)."""
        part = cand.part
        assert part is not None
        root = cand.root
        capital = _capital(root)
        if part.role == "given":
            nxt = _next_word(text, end)
            if nxt is not None and not _overlaps(nxt[0], nxt[1], taken, [cand]):
                word = text[nxt[0]:nxt[1]]
                people = [self.person(i) for i in persons]
                if len(word) == 2 and word.endswith("."):
                    # "Orxan Q.": an initial that is not this person's
                    if word[0].isupper() and not any(word[0] in p.letters for p in people):
                        return DOUBT_OTHER_PERSON, end
                elif _capital(word) and _SURNAME_INFLECTED.search(word):
                    # "Samir Bəşirov" for "Samir B.", or "Rüfət Quliyev" for a "Rüfət" whose
                    # surname the record does not give: the same person, surname and all.
                    if any(p.surname_fits(word) for p in people):
                        return "", nxt[1]
                    return DOUBT_OTHER_PERSON, end
        common = part.common or name_words_common(root)
        if common:
            if capital and not sentence_start(text, cand.start):
                return "", end
            return DOUBT_COMMON_WORD, end
        if not capital and not _literal(root, part.text):
            return DOUBT_SPELLING, end
        return "", end


def _persons(members: Iterable[Cand]) -> frozenset[int]:
    sets = [c.persons for c in members]
    common = frozenset.intersection(*sets) if sets else frozenset()
    return common or frozenset().union(*sets)


def _joinable(gap: str) -> bool:
    """True when two name hits separated by ``gap`` are one name ("Vüqar oğlu Səfərli")."""
    if _NEAR.fullmatch(gap) or gap in ("", "_"):
        return True
    words = gap.split()
    return bool(words) and len(words) == 1 and words[0].casefold() in _PARTICLES and \
        gap[0].isspace() and gap[-1].isspace()


def _overlaps(start: int, end: int, taken: list[Cand], own: list[Cand]) -> bool:
    return any(c.start < end and start < c.end for c in taken if c not in own)


_NEXT_WORD = re.compile(r"[ \t\u00a0]{1,2}([^\W\d_]+\.?)")


def _next_word(text: str, pos: int) -> tuple[int, int] | None:
    m = _NEXT_WORD.match(text, pos)
    return (m.start(1), m.end(1)) if m else None


def _literal(root: str, part: str) -> bool:
    a = lexicon.fold(root)
    b = lexicon.fold(part)
    return b.startswith(a) or a.startswith(b)


def sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence, a line, a quotation or the text."""
    i = pos - 1
    while i >= 0:
        ch = text[i]
        if ch == "\n":
            return True
        if ch.isspace() or ch in "«\"“„'‘(—–-*•[>":
            i -= 1
            continue
        return ch in ".!?…:;"
    return True
