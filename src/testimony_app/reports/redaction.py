"""The redacted statement: who the witness is must not be recoverable from the file.

A redacted statement goes beyond the legal team, so a name that survives anywhere (in a
translated paragraph, a table cell, a file name, the PDF metadata) exposes the witness and
their family to reprisals. The whole record is therefore rewritten *before* any layout
happens (:func:`redact_testimony`), so no code path that prints a field can forget to redact
it, and the rewriting is deliberately greedy:

* names are matched by the stem of each word of the name, so inflected forms go too
  (Azerbaijani ``Məhərrəmovun``, Russian ``Магеррамовым``, a feminine ``Məhərrəmova``);
* each stem also matches its common transliterations between Azerbaijani Latin, English-style
  Latin and Cyrillic (``Məhərrəmov`` ≈ ``Maharramov`` ≈ ``Магеррамов``), because the same
  account often exists in the witness's language and in a translation;
* identifiers, phone numbers, e-mail addresses and the date of birth (also as ``14.03.1990``)
  are removed wherever they occur.

Over-redaction (an ordinary word that happens to start like a name) is accepted: a lawyer can
always read the full statement; the witness cannot take back an exposure.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable, Iterable

from testimony_app.domain.model import Testimony

#: Fields that hold codes, hashes or identifiers of the record itself, never personal text.
_SKIP_FIELDS = frozenset({
    "id", "sha256", "media_type", "size", "methods", "outside_contact", "legal_counsel",
    "statements_signed", "medical_attention", "role", "status_now", "side", "kind",
    "date_precision", "start_precision", "end_precision", "language", "translation_language",
    "sensitive_names", "fictional", "pseudonym",
})

_MIN_TOKEN = 3          # shorter name parts ("Əl", initials) would blank half the text
_MIN_TRANSLIT = 4       # transliteration and stemming only for parts at least this long
_VOWELS = frozenset("aeəiıoöuüyаеёиоуыэюяй")

# Azerbaijani Latin → other spellings of the same sound (Latin transliterations, Cyrillic).
_AZ_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "a": ("а", "я"), "b": ("б",), "c": ("дж", "ж", "j", "dj"), "ç": ("ч", "ch", "c"),
    "d": ("д",), "e": ("е", "э", "ə"), "ə": ("а", "е", "э", "я", "ә", "a", "e", "ä"),
    "f": ("ф",), "g": ("г",), "ğ": ("г", "гъ", "gh", "g"), "h": ("г", "х", "һ"),
    "x": ("х", "kh", "h"), "ı": ("ы", "и", "i", "y"), "i": ("и", "ы", "ı"), "j": ("ж", "zh"),
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
_CYR_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "а": ("a", "ə"), "б": ("b",), "в": ("v", "w"), "г": ("g", "h", "q", "ğ"), "д": ("d",),
    "е": ("e", "ə", "ye"), "ё": ("yo", "ö", "jo"), "ж": ("j", "zh", "c"), "з": ("z",),
    "и": ("i", "ı", "y"), "й": ("y", "i", "j"), "к": ("k", "q"), "л": ("l",), "м": ("m",),
    "н": ("n",), "о": ("o", "ö"), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",),
    "у": ("u", "ü"), "ф": ("f",), "х": ("x", "kh", "h"), "ц": ("ts", "c"), "ч": ("ç", "ch"),
    "ш": ("ş", "sh"), "щ": ("shch", "şç"), "ъ": ("",), "ы": ("ı", "y", "i"), "ь": ("",),
    "э": ("e", "ə"), "ю": ("yu", "ü", "ju"), "я": ("ya", "yə", "ja"),
}
_SOFT = "[ьъ'’]?"  # Russian spellings insert soft/hard signs the Latin original does not have

_WORD_TAIL = r"[\w\u200c]*(?:['’][\w]+)?"
_SPLIT = re.compile(r"[\s\-‐,;:/()\"«»“”„]+")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_PHONE = re.compile(r"\+?\d[\d\s\-().]{5,}\d")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _tokens(text: str, minimum: int = _MIN_TOKEN) -> list[str]:
    return [t.strip(".'’") for t in _SPLIT.split(text) if len(t.strip(".'’")) >= minimum]


def name_parts(text: str) -> list[str]:
    """The words of ``text`` that are parts of a person's name.

    A name field normally holds just a name ("Zərifə Mahmud qızı Bəşirova"): every word of it
    counts except lower-case particles (``qızı``, ``oğlu``, ``оглы``), which are ordinary words
    elsewhere. But interviewers also write descriptions there ("Samir Bəşirov (1997–2017),
    conscript"; "several soldiers, including Samir B."); from those only runs of two or more
    capitalised words are taken, so that "several" or "conscript" are not blanked out of the
    whole statement. Numbers are never name parts.
    """
    words = [w.strip(".'’") for w in _SPLIT.split(text) if w.strip(".'’")]
    plain = len(words) <= 4 and not re.search(r"[\d(),;]", text)

    def capital(word: str) -> bool:
        return word[0].isupper() or (not word[0].islower() and word[0].isalpha())

    if plain:
        picked = [w for w in words if capital(w)]
    else:
        picked = []
        run: list[str] = []
        for w in [*words, ""]:
            if w and capital(w) and not any(c.isdigit() for c in w):
                run.append(w)
                continue
            if len(run) >= 2:
                picked.extend(run)
            run = []
    return [w for w in picked if len(w) >= _MIN_TOKEN]


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = item.strip()
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def _date_variants(date: str) -> list[str]:
    """``1990-03-14`` also as ``14.03.1990``, ``14/03/1990`` and ``14-03-1990``."""
    m = _ISO_DATE.match(date.strip())
    if not m:
        return [date]
    y, mo, d = m.groups()
    return [date, f"{d}.{mo}.{y}", f"{d}/{mo}/{y}", f"{d}-{mo}-{y}"]


def _people(testimony: Testimony) -> tuple[list[str], list[str]]:
    """(the witness's own names, everyone else's names to hide)."""
    w = testimony.witness
    own = _dedupe([w.name])
    others = _dedupe([w.victim_name, *testimony.sensitive_names])
    return own, others


def redaction_terms(testimony: Testimony) -> list[str]:
    """Every string the redacted statement must not contain (compare case-insensitively).

    The full names, each part of a name (at least three letters), the date of birth in the
    usual written forms, the identifiers and each number in them, the contact details, and
    every phone number and e-mail address in them. Transliterations and inflected forms are
    removed as well, but are not listed: they are open-ended.
    """
    w = testimony.witness
    own, others = _people(testimony)
    terms: list[str] = []
    for name in own + others:
        terms.append(name)
        terms.extend(name_parts(name))
    if w.date_of_birth.strip():
        terms.extend(_date_variants(w.date_of_birth))
    if w.identifiers.strip():
        terms.append(w.identifiers)
        terms.extend(t for t in _tokens(w.identifiers, 4) if any(c.isdigit() for c in t))
    if w.contact.strip():
        terms.append(w.contact)
        terms.extend(_EMAIL.findall(w.contact))
        terms.extend(p.strip() for p in _PHONE.findall(w.contact))
        terms.extend(t for t in _tokens(w.contact, 4) if sum(c.isdigit() for c in t) >= 4)
    return _dedupe(terms)


def _flex_literal(term: str) -> str:
    """A literal term whose inner whitespace may be any run of whitespace."""
    return r"\s+".join(re.escape(part) for part in term.split())


def _phone_pattern(phone: str) -> str:
    digits = [c for c in phone if c.isdigit()]
    return r"(?<![\w+])\+?" + r"[\s\-().]*".join(digits) + r"(?!\d)"


def _char_class(ch: str, table: dict[str, tuple[str, ...]]) -> str:
    low = ch.lower()
    # Dotted and dotless i: Azerbaijani spelling and case rules differ from Python's.
    own = "[iıİI]" if low in ("i", "ı", "İ".lower()) else re.escape(ch)
    alts = [re.escape(a) for a in table.get(low, ()) if a]
    optional = "" in table.get(low, ())
    body = "(?:" + "|".join([own, *alts]) + ")" if alts else own
    return body + ("?" if optional else "")


def _stem(token: str) -> str:
    """Drop a final vowel so that feminine and case endings still match."""
    if len(token) >= 5 and token[-1].lower() in _VOWELS:
        return token[:-1]
    return token


def _name_pattern(token: str) -> str:
    """A regex for a name part at the start of a word, with inflections and spellings."""
    if len(token) < _MIN_TRANSLIT:
        return rf"(?<![\w]){_flex_literal(token)}(?:['’]\w+)?(?!\w)"
    stem = _stem(token)
    cyrillic = any("а" <= c.lower() <= "я" or c.lower() == "ё" for c in stem)
    table = _CYR_ALTERNATIVES if cyrillic else _AZ_ALTERNATIVES
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
        if not cyrillic and stem[i].lower() not in _VOWELS:
            parts.append(_SOFT)
        i += 1
    return r"(?<![\w])" + "".join(parts) + _WORD_TAIL


class Redactor:
    """Rewrites text so that no identifying detail of the witness or of marked names remains.

    ``pseudonym`` replaces the witness's own name; ``placeholder`` replaces everything else.
    """

    def __init__(self, testimony: Testimony, pseudonym: str, placeholder: str) -> None:
        w = testimony.witness
        own, others = _people(testimony)
        own_tokens = {t.casefold() for n in own for t in name_parts(n)}
        rules: list[tuple[str, str]] = []  # (regex, replacement)
        literal: list[tuple[str, str]] = []
        for name in own:
            literal.append((name, pseudonym))
        for name in others:
            literal.append((name, placeholder))
        if w.date_of_birth.strip():
            literal.extend((d, placeholder) for d in _date_variants(w.date_of_birth))
        for text in (w.identifiers, w.contact):
            if text.strip():
                literal.append((text, placeholder))
        names = {n.casefold() for n in own + others}
        for term, repl in sorted(literal, key=lambda p: -len(p[0])):
            # A whole name takes its case ending with it ("Nemət Məhərrəmovun").
            tail = _WORD_TAIL if term.casefold() in names else ""
            rules.append((_flex_literal(term) + tail, repl))
        for text in (w.identifiers, w.contact):
            for token in _tokens(text, 4):
                if sum(c.isdigit() for c in token) >= 4:
                    rules.append((re.escape(token), placeholder))
            for email in _EMAIL.findall(text):
                rules.append((re.escape(email), placeholder))
            for phone in _PHONE.findall(text):
                if sum(c.isdigit() for c in phone) >= 7:
                    rules.append((_phone_pattern(phone), placeholder))
        # A whole name in another spelling ("Nemat Maharramov", "Немат Магеррамов") goes as
        # one, so that it becomes the pseudonym rather than a pseudonym and a placeholder.
        for name, repl in [(n, pseudonym) for n in own] + [(n, placeholder) for n in others]:
            parts = name_parts(name)
            if len(parts) > 1:
                rules.append((r"\s+".join(_name_pattern(p) for p in parts), repl))
        other_tokens = {t.casefold() for n in others for t in name_parts(n)}
        name_tokens = _dedupe(t for n in own + others for t in name_parts(n))
        for token in sorted(name_tokens, key=len, reverse=True):
            folded = token.casefold()
            repl = pseudonym if folded in own_tokens and folded not in other_tokens else placeholder
            rules.append((_name_pattern(token), repl))
        self._rules = [(re.compile(p, re.IGNORECASE), r) for p, r in rules]

    def __call__(self, text: str) -> str:
        """``text`` with every identifying detail replaced."""
        if not text:
            return text
        # Replacements go in as private-use markers first, so that a pseudonym is never
        # itself rewritten by a later rule.
        found: list[str] = []

        def mark(repl: str) -> Callable[[re.Match[str]], str]:
            def sub(_m: re.Match[str]) -> str:
                found.append(repl)
                return f"\ue000{len(found) - 1}\ue001"
            return sub

        for pattern, repl in self._rules:
            text = pattern.sub(mark(repl), text)
        # "Elvin Maharramov" matched part by part would read "[redacted] [redacted]".
        text = re.sub(r"\ue000(\d+)\ue001(?:\s+\ue000(\d+)\ue001)+",
                      lambda m: self._collapse(m, found), text)
        return re.sub(r"\ue000(\d+)\ue001", lambda m: found[int(m.group(1))], text)

    @staticmethod
    def _collapse(match: re.Match[str], found: list[str]) -> str:
        indices = [int(i) for i in re.findall(r"\ue000(\d+)\ue001", match.group(0))]
        if len({found[i] for i in indices}) == 1:
            return f"\ue000{indices[0]}\ue001"
        return match.group(0)


def redact_testimony(testimony: Testimony, pseudonym: str, placeholder: str) -> Testimony:
    """A deep copy of ``testimony`` with every free-text field passed through a
    :class:`Redactor`, and the witness's identifying fields blanked or replaced."""
    redactor = Redactor(testimony, pseudonym, placeholder)
    clone = copy.deepcopy(testimony)
    _walk(clone, redactor)
    w = clone.witness
    w.name = pseudonym
    for attr in ("date_of_birth", "identifiers", "contact", "victim_name"):
        if getattr(testimony.witness, attr).strip():
            setattr(w, attr, placeholder)
    clone.sensitive_names = []
    return clone


def _walk(obj: object, redactor: Redactor) -> None:
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        if f.name in _SKIP_FIELDS:
            continue
        value = getattr(obj, f.name)
        if isinstance(value, str):
            setattr(obj, f.name, redactor(value))
        elif isinstance(value, list):
            setattr(obj, f.name, [
                redactor(v) if isinstance(v, str) else v for v in value
            ])
            for v in value:
                if dataclasses.is_dataclass(v):
                    _walk(v, redactor)
        elif dataclasses.is_dataclass(value):
            _walk(value, redactor)
