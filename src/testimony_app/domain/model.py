"""The testimony record, shaped like the interview the Istanbul Protocol asks for.

The classes are plain mutable dataclasses: the editor fills them in piece by piece and the
storage layer freezes a snapshot of them (as canonical JSON) when a version is sealed. Every
field has a harmless default so that a draft can be saved at any moment of an interview.

Dates are ISO 8601 strings (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` with a precision), kept as
text because witnesses often remember only a month or a season and the record must say so
rather than invent a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from testimony_app.words import Message


class Status(StrEnum):
    """Where a testimony stands in its lifecycle."""

    DRAFT = "draft"
    SEALED = "sealed"
    AMENDED = "amended"
    EXPORTED = "exported"
    ACKNOWLEDGED = "acknowledged"
    HANDED_OVER = "handed_over"
    """High-risk mode: the bundle is in the outbox, the content gone from the laptop."""


class DatePrecision(StrEnum):
    """How exactly the witness remembers a date."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    APPROXIMATE = "approximate"
    UNKNOWN = "unknown"


class WitnessRole(StrEnum):
    """How the witness relates to the events."""

    VICTIM = "victim"
    RELATIVE = "relative"
    CO_DETAINEE = "co_detainee"
    OTHER_WITNESS = "other_witness"


class WitnessStatus(StrEnum):
    """The witness's (or the victim's) situation now."""

    IMPRISONED = "imprisoned"
    RELEASED = "released"
    DECEASED = "deceased"
    AT_LIBERTY = "at_liberty"
    UNKNOWN = "unknown"


class BodySide(StrEnum):
    """Which outline of the body figure a mark is on."""

    FRONT = "front"
    BACK = "back"


@dataclass
class Interview:
    """The circumstances of the interview (Istanbul Protocol Annex IV §II)."""

    date: str = ""
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    setting: str = ""
    interviewer: str = ""
    interviewer_organisation: str = ""
    interpreter: str = ""
    language: str = ""
    translation_language: str = ""
    persons_present: list[str] = field(default_factory=list)
    restrictions: str = ""
    recording: str = ""


@dataclass
class Consent:
    """What the witness agreed to, scope by scope. ``None`` means not yet asked."""

    legal_proceedings: bool | None = None
    organisations: list[str] = field(default_factory=list)
    publication: bool | None = None
    name_may_appear: bool | None = None
    audio_recording: bool | None = None
    follow_up_contact: bool | None = None
    refusals: str = ""
    no_coercion_confirmed: bool = False
    informed_of_purpose: bool = False
    recorded_at: str = ""
    # The witness was told they may stop, take a break or decline to answer at any time
    # (Istanbul Protocol 2022 ¶214). Added after format v1 was frozen: left out of the
    # interchange document while false, so versions sealed before it keep their bytes.
    informed_of_right_to_stop: bool = field(default=False, metadata={"omit_default": True})

    @property
    def is_recorded(self) -> bool:
        """True once the core scopes have an answer and the witness was told the purpose."""
        return (
            self.legal_proceedings is not None
            and self.name_may_appear is not None
            and self.informed_of_purpose
            and self.no_coercion_confirmed
        )


@dataclass
class Witness:
    """The person giving the testimony, or a pseudonym standing for them."""

    name: str = ""
    pseudonym: str = ""
    date_of_birth: str = ""
    gender: str = ""
    nationality: str = ""
    identifiers: str = ""
    contact: str = ""
    role: str = ""  # a WitnessRole code; "" until the interviewer says (never a guess)
    status_now: str = WitnessStatus.UNKNOWN.value
    occupation: str = ""
    military_rank: str = ""
    military_unit: str = ""
    relation_to_victim: str = ""
    victim_name: str = ""

    def display_name(self, reveal: bool = False) -> str:
        """The pseudonym, or initials, unless ``reveal`` asks for the full name."""
        if reveal and self.name:
            return self.name
        if self.pseudonym:
            return self.pseudonym
        return initials(self.name)


def initials(name: str) -> str:
    """``"Nemət Məhərrəmov"`` → ``"N. M."``; an empty name gives ``"—"``."""
    parts = [p for p in re.split(r"[\s\-]+", name.strip()) if p]
    if not parts:
        return "—"
    return " ".join(f"{p[0].upper()}." for p in parts)


@dataclass
class Perpetrator:
    """A person the witness says took part, as precisely as the witness can say."""

    name: str = ""
    rank: str = ""
    position: str = ""
    unit: str = ""
    description: str = ""
    involvement: str = ""


@dataclass
class DetentionEpisode:
    """One period in custody, with the safeguards the witness had or was denied."""

    start_date: str = ""
    start_precision: str = DatePrecision.DAY.value
    end_date: str = ""
    end_precision: str = DatePrecision.DAY.value
    place: str = ""
    place_description: str = ""
    authority: str = ""
    detention_type: str = ""
    arrest_circumstances: str = ""
    transfers: str = ""
    outside_contact: list[str] = field(default_factory=list)
    legal_counsel: list[str] = field(default_factory=list)
    statements_signed: list[str] = field(default_factory=list)
    how_signed: str = ""
    medical_attention: list[str] = field(default_factory=list)
    conditions: str = ""
    court: str = ""
    case_number: str = ""
    notes: str = ""


@dataclass
class Act:
    """One act or session of torture or ill-treatment."""

    date: str = ""
    date_precision: str = DatePrecision.DAY.value
    place: str = ""
    episode: int | None = None
    methods: list[str] = field(default_factory=list)
    methods_other: str = ""
    description: str = ""
    duration: str = ""
    frequency: str = ""
    perpetrators: list[Perpetrator] = field(default_factory=list)
    demands: str = ""
    witnesses_present: str = ""
    injuries: str = ""


@dataclass
class BodyMark:
    """A place on the body outline where the witness reports an injury (not a medical finding)."""

    side: str = BodySide.FRONT.value
    x: float = 0.5
    y: float = 0.5
    note: str = ""


@dataclass
class Effects:
    """Injuries and after-effects in the witness's own words, and where they were marked."""

    physical: str = ""
    psychological: str = ""
    medical_treatment: str = ""
    body_marks: list[BodyMark] = field(default_factory=list)


@dataclass
class Narrative:
    """The account in the witness's own words, with an optional translation."""

    text: str = ""
    translation: str = ""
    translation_language: str = ""

    @property
    def paragraphs(self) -> list[str]:
        """The account split into the numbered paragraphs of the statement."""
        return split_paragraphs(self.text)

    @property
    def translation_paragraphs(self) -> list[str]:
        """The translation split the same way."""
        return split_paragraphs(self.translation)


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def split_paragraphs(text: str) -> list[str]:
    """Split on blank lines; single line breaks stay inside a paragraph."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")) if p.strip()]


@dataclass
class AttachmentInfo:
    """An attachment held in the vault; its bytes never leave it unless asked for."""

    id: str = ""
    filename: str = ""
    media_type: str = "application/octet-stream"
    size: int = 0
    sha256: str = ""
    added_at: str = ""
    description: str = ""
    kind: str = "document"


@dataclass
class Testimony:
    """A whole testimony: what a version of the record holds.

    ``sensitive_names`` lists other names (co-detainees, relatives) that the interviewer marked
    to be hidden in the redacted statement, besides the witness's own name and identifiers.
    """

    id: str = ""
    title: str = ""
    fictional: bool = False
    interview: Interview = field(default_factory=Interview)
    consent: Consent = field(default_factory=Consent)
    witness: Witness = field(default_factory=Witness)
    narrative: Narrative = field(default_factory=Narrative)
    detentions: list[DetentionEpisode] = field(default_factory=list)
    acts: list[Act] = field(default_factory=list)
    effects: Effects = field(default_factory=Effects)
    attachments: list[AttachmentInfo] = field(default_factory=list)
    sensitive_names: list[str] = field(default_factory=list)
    interviewer_notes: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class VersionInfo:
    """One version in a testimony's history."""

    number: int
    sealed: bool
    sealed_at: str
    content_sha256: str
    reason: str


class TestimonySummary(NamedTuple):
    """What the list of testimonies shows, without opening each record.

    A named tuple, not a frozen dataclass like its neighbours: the organisation's list makes
    100,000 of them at every unlock, and a frozen dataclass's ``__init__`` (one
    ``object.__setattr__`` per field) cost 2.5 µs each against 0.7 µs for a tuple made in C
    (issue 19, docs/performance.md). Immutable all the same.
    """

    id: str
    status: Status
    version: int
    interview_date: str
    place: str
    language: str
    witness_label: str
    witness_name: str
    title: str
    methods: tuple[str, ...]
    updated_at: str
    fictional: bool


@dataclass(frozen=True)
class SearchHit:
    """One search result, best first."""

    testimony_id: str
    score: float
    snippet: str
    summary: TestimonySummary


@dataclass(frozen=True)
class RecordInfo:
    """A testimony's place in its lifecycle: every version, and whether the last is a draft."""

    id: str
    status: Status
    current: int
    draft: bool
    versions: tuple[VersionInfo, ...]
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class AuditEntry:
    """One link of the vault's hash-chained audit log."""

    seq: int
    at: str
    action: str
    record_id: str
    version: int
    payload_sha256: str
    entry_hash: str


@dataclass(frozen=True)
class CheckReport:
    """The result of checking a vault: empty ``problems`` means every check passed."""

    problems: tuple[Message, ...]
    records: int
    audit_entries: int

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems
