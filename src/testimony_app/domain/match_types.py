"""The values the matching rules trade in: a mention, a candidate entry, a scored suggestion
and the reasons behind it, with the thresholds every interface shows them by.

Split from :mod:`testimony_app.domain.matching` (house rule: modules under ~600 lines); import
these from there, which re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from testimony_app import words as _words
from testimony_app.words import Message, Percent

KINDS = ("person", "place", "unit")
# A suggestion is shown from this score; the fixture's precision/recall use STRONG.
SHOW = 0.6
STRONG = 0.8
# A mention without a name never scores above this: it is a lead, not an identification.
UNNAMED_CAP = 0.7
# A partial name (surname only, or initials) scores at most this on the name; agreement
# (rank or unit +0.05, place +0.03, dates +0.02) is what can lift it to STRONG.
PARTIAL_CAP = 0.75
# An act's perpetrator with neither name nor rank, as corroboration results carry it (in the
# timeline's acts and as a row of the matrix). A fixed token rather than a name: each
# interface prints it in its own language (the GUI's "(not named)", the report's
# ``cr_not_named``), and the command line's JSON keeps it as is for scripts.
NOT_NAMED = "(not named)"


@dataclass(frozen=True)
class Mention:
    """One name, place or unit as a testimony gives it."""

    path: str
    kind: str
    text: str
    role: str = ""
    rank: str = ""
    unit: str = ""
    place: str = ""
    dates: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """Plain data for storage beside a link (so suggestions need not re-read records)."""
        return {
            "path": self.path,
            "kind": self.kind,
            "text": self.text,
            "role": self.role,
            "rank": self.rank,
            "unit": self.unit,
            "place": self.place,
            "dates": list(self.dates),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Mention:
        """The inverse of :meth:`as_dict`, tolerant of missing keys."""
        raw_dates = data.get("dates", [])
        dates = tuple(str(d) for d in raw_dates) if isinstance(raw_dates, list) else ()
        return cls(
            path=str(data.get("path", "")),
            kind=str(data.get("kind", "person")),
            text=str(data.get("text", "")),
            role=str(data.get("role", "")),
            rank=str(data.get("rank", "")),
            unit=str(data.get("unit", "")),
            place=str(data.get("place", "")),
            dates=dates,
        )


@dataclass(frozen=True)
class Candidate:
    """What is known of a registry entry: its own fields plus its confirmed mentions."""

    entry_id: str
    kind: str
    name: str
    rank: str = ""
    unit: str = ""
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


#: Why a mention may be (or cannot be) an entry. Stable codes: the GUI translates them, the
#: command line's JSON carries them beside the English text, and scripts may rely on them.
REASON_CODES = (
    "name_alike",  # value: how alike the names are, in [0, 1]
    "partial_name",  # one side gives only a surname, one name, or initials
    "description_alike",  # value: how alike two place or unit descriptions are, in [0, 1]
    "same_rank",
    "different_rank",
    "same_unit",
    "different_unit",
    "same_place",
    "dates_overlap",
    "dates_far_apart",
    "no_name",
    "rank_or_unit_differ",
    "different_kind",
)

# The words of the reasons without a value, in the domain catalogue ("match.<code>").
_PLAIN_REASONS: dict[str, Message] = {
    "partial_name": Message("match.partial_name"),
    "same_rank": Message("match.same_rank"),
    "different_rank": Message("match.different_rank"),
    "same_unit": Message("match.same_unit"),
    "different_unit": Message("match.different_unit"),
    "same_place": Message("match.same_place"),
    "dates_overlap": Message("match.dates_overlap"),
    "dates_far_apart": Message("match.dates_far_apart"),
    "no_name": Message("match.no_name"),
    "rank_or_unit_differ": Message("match.rank_or_unit_differ"),
    "different_kind": Message("match.different_kind"),
}


@dataclass(frozen=True)
class Reason:
    """One reason behind a score, as a stable code (and a value where it has one).

    Structured rather than a sentence so that each interface language can say it in its own
    words: :attr:`message` has them (in the domain catalogue), :meth:`describe` is English.
    """

    code: str
    value: float | None = None

    @property
    def message(self) -> Message:
        """What a person reads (``name 87% alike``), as a message in every language."""
        share = Percent(self.value if self.value is not None else 0.0)
        if self.code == "name_alike":
            return Message("match.name_alike", share=share)
        if self.code == "description_alike":
            return Message("match.description_alike", share=share)
        return _PLAIN_REASONS.get(self.code) or Message("match.unknown", reason=self.code)

    def describe(self, lang: str = "en") -> str:
        """The reason in ``lang`` (``"name 87% alike"``); the JSON output keeps English."""
        return _words.text(self.message, lang)


@dataclass(frozen=True)
class Suggestion:
    """A ranked guess that a mention refers to an entry, with the reasons a person reads."""

    entry_id: str
    score: float
    factors: tuple[Reason, ...] = field(default=())

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons in English, as before they were structured (``--json`` prints these)."""
        return tuple(r.describe() for r in self.factors)

    @property
    def reason_codes(self) -> tuple[str, ...]:
        """The codes of :attr:`factors`, in order."""
        return tuple(r.code for r in self.factors)


def candidate_from(mention: Mention, entry_id: str) -> Candidate:
    """A candidate standing for a single mention (for pairwise comparisons and new entries)."""
    return Candidate(
        entry_id=entry_id,
        kind=mention.kind,
        name=mention.text,
        rank=mention.rank,
        unit=mention.unit,
        places=(mention.place,) if mention.place else (),
        dates=mention.dates,
    )
