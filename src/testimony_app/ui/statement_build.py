"""What the Statement window builds, off the GUI thread: no Qt here.

:func:`build_statement` runs on the window's task runner. It resolves what the window left
open (the newest version, the interview's language) and the variant the witness's consent
calls for when none was chosen: redacted unless the witness said yes to their name appearing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession

__all__ = [
    "STATEMENT_LANGUAGES",
    "BuiltStatement",
    "StatementOptions",
    "build_statement",
    "default_language",
    "suggested_file_name",
]

#: The languages a statement can be made in (``services.statements.LANGUAGES``).
STATEMENT_LANGUAGES: tuple[str, ...] = ("en", "az", "ru")

def default_language(interview_language: str | None, ui_language: str) -> str:
    """The interview's language when a statement can be made in it, else the interface's."""
    if interview_language in STATEMENT_LANGUAGES:
        return str(interview_language)
    if ui_language in STATEMENT_LANGUAGES:
        return ui_language
    return "en"


@dataclass(frozen=True)
class StatementOptions:
    """What to build: a version (``None`` = the newest), a language, full or redacted
    (``None`` = as the witness's consent to their name says), and whether to add the block
    for an authorised person who attests the signature (off unless a filing asks for it)."""

    version: int | None
    language: str | None
    redacted: bool | None
    attestation: bool = False


@dataclass(frozen=True)
class BuiltStatement:
    """A statement built in memory, with what the dialog shows beside it.

    ``options`` are the options actually used (version and language resolved), so that a save
    with them gives the same bytes.
    """

    requested: StatementOptions
    options: StatementOptions
    pdf: bytes
    sealed: bool
    content_sha256: str
    versions: tuple[tuple[int, bool], ...]
    name_consent: bool | None = True  # the witness's answer: may their name appear?

    @property
    def name_allowed(self) -> bool:
        """True only when the witness said yes to their name appearing."""
        return self.name_consent is True


def build_statement(
    session: VaultSession, record_id: str, requested: StatementOptions, ui_language: str
) -> BuiltStatement:
    """Build the statement (runs on the task runner's thread; no Qt here)."""
    info = session.testimonies.info(record_id)
    number = requested.version or info.current
    matching = [v for v in info.versions if v.number == number]
    testimony = session.testimonies.get(record_id, number)
    language = requested.language
    if language is None:
        language = default_language(testimony.interview.language, ui_language)
    consent = testimony.consent.name_may_appear
    redacted = requested.redacted if requested.redacted is not None else consent is not True
    options = StatementOptions(number, language, redacted, requested.attestation)
    pdf = session.statements.build(
        record_id, version=number, language=language, redacted=redacted,
        attestation=requested.attestation,
    )
    version = matching[0] if matching else None
    sealed = bool(version and version.sealed)
    return BuiltStatement(
        requested=requested,
        options=options,
        pdf=pdf,
        sealed=sealed,
        content_sha256=(version.content_sha256 or "") if sealed and version else "",
        versions=tuple((v.number, v.sealed) for v in info.versions),
        name_consent=consent,
    )


def suggested_file_name(record_id: str, options: StatementOptions, *, signed: bool = False) -> str:
    """A file name that says what the file is without naming anybody."""
    variant = ("-redacted" if options.redacted else "") + ("-signed" if signed else "")
    return f"statement-{record_id[:8]}-v{options.version}-{options.language}{variant}.pdf"
