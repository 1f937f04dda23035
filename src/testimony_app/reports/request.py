"""What a statement is asked for: which sealed version, in which language, with what."""

from __future__ import annotations

from dataclasses import dataclass

from testimony_app.domain.redaction_review import EMPTY, ReviewChoices


@dataclass(frozen=True)
class StatementRequest:
    """What to print: which version, in which language, redacted or not.

    ``content_sha256`` is the SHA-256 of ``interchange.canonical_bytes`` of the version. An
    amendment names the version it corrects (``previous_*``), so that a reader holding the
    earlier statement can tell which one this replaces. ``attestation`` adds a block for an
    authorised person (a notary, an official) who witnesses the signature (ICTY Rule 92 bis,
    ICC Rule 68); it is off by default because most statements are not attested.
    """

    record_id: str
    version: int
    content_sha256: str
    sealed: bool                 # False -> DRAFT watermark on every page, plain PDF
    sealed_at: str               # ISO timestamp or ""
    language: str = "en"         # statement labels: "en" | "az" | "ru"
    redacted: bool = False
    amendment_reason: str = ""
    attestation: bool = False
    previous_version: int = 0
    previous_sealed_at: str = ""
    previous_sha256: str = ""
    review: ReviewChoices = EMPTY  # the interviewer's redaction choices (redacted only)
