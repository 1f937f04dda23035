"""Registry records as storage returns them and the services hand them to the GUI and CLI:
entries, links, merges, and what corroboration of an entry gathers.

Split from :mod:`testimony_app.domain.matching` (house rule: modules under ~600 lines), which
re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass

from testimony_app.domain.match_types import Mention, Suggestion
from testimony_app.domain.transliteration import name_key

LINK_STATUSES = ("suggested", "confirmed", "rejected")


@dataclass(frozen=True)
class Entry:
    """A person, place or unit in the registry."""

    id: str
    kind: str
    display_name: str
    rank: str
    unit: str
    notes: str
    created_at: str
    merged_into: str | None = None


@dataclass(frozen=True)
class Link:
    """A mention in one version of a record tied to an entry, and what a person said of it."""

    id: int
    entry_id: str
    record_id: str
    version: int
    mention_path: str
    mention: Mention
    status: str
    created_at: str


@dataclass(frozen=True)
class Merge:
    """One entry folded into another; ``moved_links`` are what an undo moves back."""

    id: int
    source_id: str
    target_id: str
    moved_links: tuple[int, ...]
    created_at: str
    undone_at: str


@dataclass(frozen=True)
class MentionSuggestions:
    """One mention of a record, the links it already has, and entries it may refer to."""

    mention: Mention
    links: tuple[Link, ...]
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True)
class EntryDetail:
    """An entry with its links and the merges that involve it."""

    entry: Entry
    links: tuple[Link, ...]
    merges: tuple[Merge, ...]


@dataclass(frozen=True)
class CorroboratingAct:
    """One act in a corroborating testimony."""

    record_id: str
    act_index: int
    date: str
    place: str
    methods: tuple[str, ...]
    perpetrators: tuple[str, ...]


@dataclass(frozen=True)
class CorroborationItem:
    """One testimony that mentions the entry, identified so it can be cited as an annex."""

    record_id: str
    version: int
    content_sha256: str
    sealed: bool
    witness_key: str
    witness_label: str
    witness_name: str
    name_may_appear: bool
    mention_paths: tuple[str, ...]
    mention_texts: tuple[str, ...]
    interview_date: str
    acts: tuple[CorroboratingAct, ...]
    excerpt: str


@dataclass(frozen=True)
class Corroboration:
    """Everything the testimonies say about one entry, and how independent they are.

    ``independent_witnesses`` counts distinct witnesses, not records: the same witness
    interviewed twice (or under a name in one record and the same name in another script in
    the next) counts once, judged by the skeleton of their name or pseudonym. An act's
    perpetrator with neither name nor rank is :data:`NOT_NAMED`, in ``timeline`` and as a row
    of ``matrix``.
    """

    entry: Entry
    items: tuple[CorroborationItem, ...]
    independent_witnesses: int
    timeline: tuple[CorroboratingAct, ...]
    matrix: dict[str, dict[str, int]]
    date_from: str = ""
    date_to: str = ""
    place: str = ""


def witness_key(name: str, pseudonym: str, record_id: str) -> str:
    """Who gave a testimony, comparably across records and scripts."""
    key = name_key(name) or name_key(pseudonym)
    return " ".join(sorted(key)) if key else f"record:{record_id}"
