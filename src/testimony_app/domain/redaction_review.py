"""What the redactor found, and what the interviewer decided about it.

A redacted statement, report or export leaves the program only after the interviewer has seen
every replacement in its context and every *doubtful* word the redactor kept (an ordinary word
that is also the witness's name, a given name beside somebody else's surname…). The
interviewer can keep a false hit, hide a doubtful one, or hide one more word everywhere.

Those choices are data: they are stored with the sealed version (and their hash in the audit
log), so that the same redacted bytes can be rebuilt later, and a script passes them to the
command line as a file (``--review-file``) in the JSON form of :meth:`ReviewChoices.to_json`.

A choice names a hit by *where* it is (a field of the record, such as ``narrative.text`` or
``acts[0].description``), its exact *text*, and its *occurrence* among the hits with that text
in that field (0 for the first). ``where`` and ``occurrence`` may be left out: the choice then
applies to every hit with that text. Offsets are deliberately not used: a draft edited after a
review shifts them, and a choice that silently moved to another word would be worse than one
that no longer applies.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from testimony_app.errors import UserFacingError

FORMAT = "testimony-redaction-review"
FORMAT_VERSION = 1
_MAX_ITEMS = 10_000
_MAX_TEXT = 500

#: Kinds of hit, in the order the review lists them.
KINDS = ("name", "initials", "arabic", "phone", "email", "identifier", "birth_date", "extra")

#: Why a hit is doubtful (kept unless the interviewer hides it).
DOUBT_COMMON_WORD = "common_word"        # the name is also an ordinary word, used as one here
DOUBT_OTHER_PERSON = "other_person"      # a given name beside another person's surname/initial
DOUBT_SPELLING = "spelling"              # lower case, and only another spelling of the name
DOUBT_DAY_MONTH = "day_month"            # the day and month of birth without the year
DOUBT_INITIALS = "bare_initials"         # two capital letters without dots ("OS")


class ReviewFileInvalid(UserFacingError):
    """A review file that is not one this program wrote, or not well formed."""


class DoubtfulUnreviewed(UserFacingError):
    """A redacted output that would keep doubtful words nobody has decided about.

    The window always shows the review first; a script must pass its choices (a review file),
    or say that the doubtful words stay as written (``keep_doubtful``). ``count`` is how many.
    """

    @property
    def count(self) -> int:
        """How many doubtful words nobody decided about."""
        return int(str(self.message.params["count"]))

    @property
    def record(self) -> str:
        """The first characters of the id of the record (or registry entry) concerned."""
        return str(self.message.params["record"])


@dataclass(frozen=True)
class Choice:
    """One decision about hits: the text, and optionally the field and the occurrence."""

    text: str
    where: str | None = None
    occurrence: int | None = None

    def matches(self, hit: Hit) -> bool:
        """True when this choice is about ``hit``."""
        return (
            self.text == hit.text
            and (self.where is None or self.where == hit.where)
            and (self.occurrence is None or self.occurrence == hit.occurrence)
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        if self.where is not None:
            out["where"] = self.where
        if self.occurrence is not None:
            out["occurrence"] = self.occurrence
        return out


@dataclass(frozen=True)
class Hit:
    """One place where the redactor replaces (or, if doubtful, would replace) some text.

    ``start``/``end`` index the field's text; ``before``/``after`` are a little of the text
    around it, for the review. ``replaced`` is the outcome after the interviewer's choices.
    """

    where: str
    occurrence: int
    start: int
    end: int
    text: str
    kind: str
    replacement: str
    doubt: str = ""
    replaced: bool = True
    chosen: bool = False
    before: str = ""
    after: str = ""

    @property
    def doubtful(self) -> bool:
        """True when the redactor is not sure the text names the person."""
        return bool(self.doubt)

    def choice(self) -> Choice:
        """The choice that names exactly this hit."""
        return Choice(self.text, self.where, self.occurrence)


@dataclass(frozen=True)
class ReviewChoices:
    """The interviewer's decisions: certain hits to keep, doubtful hits to hide, and more
    words to hide everywhere."""

    keep: tuple[Choice, ...] = ()
    hide: tuple[Choice, ...] = ()
    hide_terms: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        """True when nothing was decided (the redactor's own judgement stands)."""
        return not (self.keep or self.hide or self.hide_terms)

    def keeps(self, hit: Hit) -> bool:
        """True when the interviewer kept this (certain) hit: a false hit."""
        return any(c.matches(hit) for c in self.keep)

    def hides(self, hit: Hit) -> bool:
        """True when the interviewer hid this (doubtful) hit."""
        return any(c.matches(hit) for c in self.hide)

    def with_changes(
        self,
        *,
        keep: Iterable[Choice] = (),
        hide: Iterable[Choice] = (),
        hide_terms: Iterable[str] = (),
        drop: Iterable[Choice] = (),
    ) -> ReviewChoices:
        """A copy with choices added, and ``drop`` removed from keep and hide."""
        dropped = set(drop)
        return ReviewChoices(
            keep=_unique([c for c in self.keep if c not in dropped], keep),
            hide=_unique([c for c in self.hide if c not in dropped], hide),
            hide_terms=tuple(dict.fromkeys([*self.hide_terms, *(t.strip() for t in hide_terms
                                                                if t.strip())])),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (a review file), with a stable order."""
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "keep": [c.to_dict() for c in sorted(self.keep, key=_order)],
            "hide": [c.to_dict() for c in sorted(self.hide, key=_order)],
            "hide_terms": sorted(self.hide_terms),
        }

    def to_json(self) -> str:
        """Canonical JSON: the same choices always give the same text (and hash)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))

    def sha256(self) -> str:
        """The hash of :meth:`to_json`, as the audit log records it."""
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()

    @classmethod
    def from_json(cls, text: str) -> ReviewChoices:
        """Parse a review file; :class:`ReviewFileInvalid` with one sentence if it is not one."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise ReviewFileInvalid("review_file.not_json") from None
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: object) -> ReviewChoices:
        """The choices of a parsed review file."""
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise ReviewFileInvalid("review_file.not_a_review")
        if data.get("version") != FORMAT_VERSION:
            raise ReviewFileInvalid("review_file.too_new")
        return cls(
            keep=tuple(_choices(data.get("keep", []))),
            hide=tuple(_choices(data.get("hide", []))),
            hide_terms=tuple(_terms(data.get("hide_terms", []))),
        )


EMPTY = ReviewChoices()


def _order(c: Choice) -> tuple[str, str, int]:
    return (c.where or "", c.text, -1 if c.occurrence is None else c.occurrence)


def _unique(first: Iterable[Choice], more: Iterable[Choice]) -> tuple[Choice, ...]:
    return tuple(dict.fromkeys([*first, *more]))


def _choices(items: object) -> list[Choice]:
    if not isinstance(items, list) or len(items) > _MAX_ITEMS:
        raise ReviewFileInvalid("review_file.bad_lists")
    out: list[Choice] = []
    for item in items:
        if not isinstance(item, Mapping):
            raise ReviewFileInvalid("review_file.bad_lists")
        text, where, occurrence = item.get("text"), item.get("where"), item.get("occurrence")
        if (
            not isinstance(text, str) or not text.strip() or len(text) > _MAX_TEXT
            or not (where is None or (isinstance(where, str) and len(where) <= _MAX_TEXT))
            or not (occurrence is None
                    or (isinstance(occurrence, int) and not isinstance(occurrence, bool)
                        and 0 <= occurrence < 1_000_000))
        ):
            raise ReviewFileInvalid("review_file.bad_choice")
        out.append(Choice(text, where, occurrence))
    return out


def _terms(items: object) -> list[str]:
    if not isinstance(items, list) or len(items) > _MAX_ITEMS or not all(
        isinstance(t, str) and t.strip() and len(t) <= _MAX_TEXT for t in items
    ):
        raise ReviewFileInvalid("review_file.bad_terms")
    return [t.strip() for t in items]
