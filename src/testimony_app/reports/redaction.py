"""Redaction: who the witness is must not be recoverable from what leaves the program, and
what the witness said must not change.

A redacted statement goes beyond the legal team, so a name that survives anywhere (in a
translated paragraph, a table cell, a title, a file name, the PDF metadata) exposes the witness
and their family to reprisals. The whole record is therefore rewritten *before* any layout
happens (:func:`redact_testimony`), so no code path that prints a field can forget it. Every
output that can carry a name (the statement, the corroboration report, the record and the
statement of a redacted export) goes through the one :class:`Redactor`.

What it removes (:mod:`.redaction_people`, :mod:`.redaction_details`): every part of the
protected names with its case endings and spellings in Azerbaijani Latin, English-style Latin,
Cyrillic and Arabic script; their initials in every common form, and the initial that would
remain beside a replaced name; phone numbers in any written form; e-mail addresses, handles and
identifiers with each number in them; the date of birth in figures and in words.

What it must not do is change the testimony. A given name that is also an ordinary word
("azad olundum", "I was released", from a witness named Azad) is replaced only where it is used
as a name; elsewhere the hit is **doubtful**: kept, and listed. Before a redacted output leaves
the program, the interviewer reviews every hit in its context (``ui/redaction_review.py``) and
may keep a false hit, hide a doubtful one, or hide one more word; those
:class:`~testimony_app.domain.redaction_review.ReviewChoices` are stored with the version and
passed back here, so that the same choices always give the same bytes.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import re
from collections.abc import Iterable

from testimony_app.domain.model import Testimony
from testimony_app.domain.redaction_review import EMPTY, Hit, ReviewChoices
from testimony_app.reports.redaction_details import (
    BirthDate,
    Span,
    contact_terms,
    date_variants,
    find,
    find_phones,
    identifier_pattern,
    identifier_tokens,
    literal_pattern,
    phone_numbers,
)
from testimony_app.reports.redaction_people import (
    Cand,
    PeopleFinder,
    Person,
    make_person,
    name_parts,
)

__all__ = [
    "Redactor",
    "name_parts",
    "redact_testimony",
    "redact_with_hits",
    "redaction_terms",
]

#: Fields that hold codes, hashes or identifiers of the record itself, never personal text.
_SKIP_FIELDS = frozenset({
    "id", "sha256", "media_type", "size", "methods", "outside_contact", "legal_counsel",
    "statements_signed", "medical_attention", "role", "status_now", "side", "kind",
    "date_precision", "start_precision", "end_precision", "language", "translation_language",
    "sensitive_names", "fictional", "pseudonym",
})
_CONTEXT = 48
_DIGIT = re.compile(r"\d")
_NAME_KINDS = frozenset({"name", "initials", "arabic"})


def _people(testimony: Testimony) -> list[Person]:
    """The witness (index 0) and everyone else whose name must not appear."""
    w = testimony.witness
    names = [(w.name, True), (w.victim_name, False),
             *((n, False) for n in testimony.sensitive_names)]
    people = [make_person(i, name, own) for i, (name, own) in enumerate(names)]
    return [p for p in people if p is not None]


def redaction_terms(testimony: Testimony) -> list[str]:
    """Strings the redacted statement must not contain (compare case-insensitively).

    The full names and each part of them that is not also an ordinary word (those may stay
    where they are not used as a name), the date of birth in the usual written forms, the
    identifiers and each number in them, the contact details, and every phone number and
    e-mail address in them. Other forms (inflected, transliterated, initials, a phone number
    written another way) are removed as well but are not listed: they are open-ended.
    """
    w = testimony.witness
    terms: list[str] = []
    for person in _people(testimony):
        terms.append(person.name)
        terms += [p.text for p in person.parts if not p.common]
    terms += date_variants(w.date_of_birth)
    for text in (w.identifiers, w.contact):
        if text.strip():
            terms.append(text)
            terms += identifier_tokens(text)
            terms += contact_terms(text)
    for text in (w.identifiers, w.contact):
        for match in re.finditer(r"\+?\d[\d\s\-().]{5,}\d", text):
            if sum(c.isdigit() for c in match.group(0)) >= 7:
                terms.append(match.group(0).strip())
    return _dedupe(terms)


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = item.strip()
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


class Redactor:
    """Rewrites text so that no identifying detail of the protected people remains.

    ``pseudonym`` replaces the witness's own name; ``placeholder`` replaces everything else.
    ``choices`` are the interviewer's review decisions. Every call records its hits in
    :attr:`hits` (with the field name passed as ``where``), for the review.
    """

    def __init__(
        self,
        testimony: Testimony,
        pseudonym: str,
        placeholder: str,
        choices: ReviewChoices = EMPTY,
    ) -> None:
        w = testimony.witness
        self.pseudonym = pseudonym
        self.placeholder = placeholder
        self.choices = choices
        self.hits: list[Hit] = []
        people = _people(testimony)
        self._own = frozenset(p.index for p in people if p.own)
        self._finder = PeopleFinder(people)
        self._birth = BirthDate.parse(w.date_of_birth) if w.date_of_birth.strip() else None
        details = f"{w.identifiers}\n{w.contact}"
        self._phones = phone_numbers(details)
        terms = [(text.strip(), "identifier") for text in (w.identifiers, w.contact)]
        terms += [(t, "email" if "@" in t[1:] else "identifier") for t in contact_terms(details)]
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        for term, kind in terms:
            pattern = literal_pattern(term)
            if pattern is not None:
                self._patterns.append((pattern, kind))
        ids = identifier_tokens(w.identifiers) + [
            t for t in identifier_tokens(w.contact) if sum(c.isdigit() for c in t) >= 4
        ]
        self._id_patterns: list[re.Pattern[str]] = []  # each needs a digit in the text
        for token in dict.fromkeys(ids):
            pattern = identifier_pattern(token)
            if pattern is not None:
                self._id_patterns.append(pattern)
        self._extra = [
            re.compile(r"(?<![^\W_])" + r"\s+".join(re.escape(p) for p in term.split())
                       + r"[^\W\d_]*(?![^\W_])", re.IGNORECASE)
            for term in choices.hide_terms if term.split()
        ]

    # -- finding --------------------------------------------------------------------------

    def _candidates(self, text: str) -> list[Cand]:
        spans: list[Span] = []
        for pattern, kind in self._patterns:
            spans += find(pattern, text, kind)
        if _DIGIT.search(text):  # identifiers, phone numbers and dates all have one
            for pattern in self._id_patterns:
                spans += find(pattern, text, "identifier")
            spans += find_phones(text, self._phones)
            if self._birth is not None:
                spans += self._birth.find(text)
        cands = [Cand(s.start, s.end, s.kind, doubt=s.doubt) for s in spans]
        cands += [Cand(m.start(), m.end(), "extra")
                  for pattern in self._extra for m in pattern.finditer(text)]
        cands += self._finder.candidates(text)
        return cands

    def scan(self, text: str, where: str = "") -> list[Hit]:
        """Every hit in ``text``, judged and with the interviewer's choices applied."""
        if not text or not text.strip():
            return []
        cands = [c for c in self._candidates(text) if c.end > c.start]
        # Certain before doubtful, longer before shorter, earlier before later.
        cands.sort(key=lambda c: (bool(c.doubt), -(c.end - c.start), c.start))
        chosen: list[Cand] = []
        starts: list[int] = []  # of the chosen spans, sorted; chosen spans never overlap
        ends: list[int] = []
        for cand in cands:
            i = bisect.bisect_left(starts, cand.end)  # spans starting before cand ends
            if i and ends[i - 1] > cand.start:
                continue
            starts.insert(i, cand.start)
            ends.insert(i, cand.end)
            chosen.append(cand)
        grouped = sorted(self._finder.group(text, chosen), key=lambda c: c.start)
        hits: list[Hit] = []
        seen: dict[str, int] = {}
        for cand in grouped:
            matched = text[cand.start:cand.end]
            occurrence = seen.get(matched, 0)
            seen[matched] = occurrence + 1
            hit = Hit(
                where=where, occurrence=occurrence, start=cand.start, end=cand.end,
                text=matched, kind=cand.kind, replacement=self._replacement(cand),
                doubt=cand.doubt,
                before=_context(text[max(0, cand.start - _CONTEXT):cand.start], left=True),
                after=_context(text[cand.end:cand.end + _CONTEXT], left=False),
            )
            if hit.doubtful:
                chosen_flag = self.choices.hides(hit)
                hit = dataclasses.replace(hit, replaced=chosen_flag, chosen=chosen_flag)
            elif self.choices.keeps(hit):
                hit = dataclasses.replace(hit, replaced=False, chosen=True)
            hits.append(hit)
        return hits

    def _replacement(self, cand: Cand) -> str:
        if cand.kind in _NAME_KINDS and cand.persons and cand.persons <= self._own:
            return self.pseudonym
        return self.placeholder

    # -- rewriting ------------------------------------------------------------------------

    def __call__(self, text: str, where: str = "") -> str:
        """``text`` with every identifying detail replaced (hits recorded in :attr:`hits`)."""
        hits = self.scan(text, where)
        self.hits.extend(hits)
        return apply(text, hits)


def apply(text: str, hits: Iterable[Hit]) -> str:
    """``text`` with the hits that are to be replaced, replaced."""
    out: list[str] = []
    pos = 0
    for hit in sorted(hits, key=lambda h: h.start):
        if not hit.replaced or hit.start < pos:
            continue
        out += [text[pos:hit.start], hit.replacement]
        pos = hit.end
    out.append(text[pos:])
    return "".join(out)


def _context(text: str, *, left: bool) -> str:
    flat = " ".join(text.split())
    if not flat:
        return ""
    # Keep whole words at the cut end; keep a space next to the hit if there was one.
    if left:
        flat = flat if len(text) < _CONTEXT else flat.split(" ", 1)[-1]
        return flat + (" " if text[-1:].isspace() else "")
    flat = flat if len(text) < _CONTEXT else flat.rsplit(" ", 1)[0]
    return (" " if text[:1].isspace() else "") + flat


def redact_with_hits(
    testimony: Testimony,
    pseudonym: str,
    placeholder: str,
    choices: ReviewChoices = EMPTY,
    *,
    extra: dict[str, str] | None = None,
) -> tuple[Testimony, list[Hit], dict[str, str]]:
    """A deep copy of ``testimony`` with every free-text field passed through a
    :class:`Redactor` and the witness's identifying fields replaced; every hit found, and the
    ``extra`` texts (``where`` → text, such as the reason for an amendment) redacted too."""
    redactor = Redactor(testimony, pseudonym, placeholder, choices)
    clone = copy.deepcopy(testimony)
    _walk(clone, redactor, "")
    w = clone.witness
    w.name = pseudonym
    for attr in ("date_of_birth", "identifiers", "contact", "victim_name"):
        if getattr(testimony.witness, attr).strip():
            setattr(w, attr, placeholder)
    clone.sensitive_names = []
    done = {where: redactor(text, where) for where, text in (extra or {}).items()}
    return clone, redactor.hits, done


def redact_testimony(
    testimony: Testimony, pseudonym: str, placeholder: str, choices: ReviewChoices = EMPTY
) -> Testimony:
    """A deep copy of ``testimony`` with every free-text field passed through a
    :class:`Redactor`, and the witness's identifying fields blanked or replaced."""
    return redact_with_hits(testimony, pseudonym, placeholder, choices)[0]


def _walk(obj: object, redactor: Redactor, path: str) -> None:
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        if f.name in _SKIP_FIELDS:
            continue
        where = f"{path}.{f.name}" if path else f.name
        if path == "witness" and f.name in ("name", "date_of_birth", "identifiers", "contact",
                                            "victim_name"):
            continue  # replaced whole by redact_with_hits
        value = getattr(obj, f.name)
        if isinstance(value, str):
            setattr(obj, f.name, redactor(value, where))
        elif isinstance(value, list):
            setattr(obj, f.name, [
                redactor(v, f"{where}[{i}]") if isinstance(v, str) else v
                for i, v in enumerate(value)
            ])
            for i, v in enumerate(value):
                if dataclasses.is_dataclass(v):
                    _walk(v, redactor, f"{where}[{i}]")
        elif dataclasses.is_dataclass(value):
            _walk(value, redactor, where)
