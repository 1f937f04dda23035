"""Witness statements as PDF: built in memory from a version, written only where asked.

A sealed version gives the statement fit for signing and filing; a draft prints with a DRAFT
watermark on every page. The redacted variant is for sharing beyond the legal team. The same
version and options always give the same bytes, so a statement can be re-made and re-hashed.
A sealed statement can also be signed by the laptop (``sign=True``, see
:mod:`~testimony_app.services.statement_signing`): the signature is appended, so the unsigned
bytes stay the file's exact beginning.

Two rules about who may be named, enforced here so that the window and the command line
cannot differ:

* **Consent governs the named statement.** When the witness's name may not appear (they said
  no, or were not asked), a named statement leaves the program only with a reason, which is
  stored with the version and chained into the audit log (:meth:`StatementService.save` with
  ``named_reason``); otherwise :class:`NamedStatementRefused`.
* **A redaction is reviewed.** :meth:`StatementService.review` lists every replacement in its
  context and every doubtful word kept; the interviewer's
  :class:`~testimony_app.domain.redaction_review.ReviewChoices` are stored with the version
  when a redacted statement is saved with them, and every later redacted build of that version
  (the window, the command line, a bundle) applies the stored choices, so the same bytes come
  out again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from testimony_app import reports, words
from testimony_app.crypto.chain import sha256_hex
from testimony_app.domain import interchange
from testimony_app.domain.model import Testimony, VersionInfo
from testimony_app.domain.redaction_review import EMPTY, DoubtfulUnreviewed, Hit, ReviewChoices
from testimony_app.errors import UserFacingError, os_reason
from testimony_app.paths import atomic_write
from testimony_app.reports.redaction import redact_with_hits
from testimony_app.services import statement_signing
from testimony_app.storage.vault import OpenVault
from testimony_app.words import Message

LANGUAGES = ("en", "az", "ru")
REVIEW = "redaction_review"
NAMED = "named_statement"
_MAX_REASON = 2000


class NamedStatementRefused(UserFacingError):
    """The named statement of a witness whose name may not appear, asked for without a reason."""


@dataclass(frozen=True)
class RedactionReview:
    """What the redacted variant of one version replaces, and what it keeps as doubtful.

    ``hits`` are in the order of the record's fields; ``choices`` are the ones applied (the
    stored ones unless others were given), ``stored`` whether they are the stored ones.
    """

    record_id: str
    version: int
    language: str
    hits: tuple[Hit, ...]
    choices: ReviewChoices
    stored: bool

    @property
    def replaced(self) -> tuple[Hit, ...]:
        """The hits that the redacted variant replaces."""
        return tuple(h for h in self.hits if h.replaced)

    @property
    def doubtful_kept(self) -> tuple[Hit, ...]:
        """The doubtful words the redacted variant keeps."""
        return tuple(h for h in self.hits if h.doubtful and not h.replaced)


def name_may_appear(testimony: Testimony) -> bool:
    """True only when the witness said yes to their name appearing (not when not asked)."""
    return testimony.consent.name_may_appear is True


class StatementService:
    """Builds and saves statements for the testimonies of one unlocked vault."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    # -- what to build ------------------------------------------------------------------------

    def _version(self, record_id: str, version: int | None) -> VersionInfo:
        info = self._vault.records.info(record_id)
        number = version or info.current
        matching = [v for v in info.versions if v.number == number]
        if not matching:
            raise UserFacingError("statement.version_testimony_exist")
        return matching[0]

    def _testimony(self, record_id: str, chosen: VersionInfo) -> Testimony:
        records = self._vault.records
        testimony = records.get(record_id, chosen.number)
        if not chosen.sealed:
            testimony.attachments = records.attachments_of(record_id)
        return testimony

    def name_may_appear(self, record_id: str, version: int | None = None) -> bool:
        """Whether the witness agreed to their name appearing (``False`` if not asked)."""
        chosen = self._version(record_id, version)
        return name_may_appear(self._vault.records.get(record_id, chosen.number))

    # -- the redaction review -----------------------------------------------------------------

    def stored_review(self, record_id: str, version: int) -> ReviewChoices:
        """The interviewer's last review of this version's redaction (empty if none)."""
        body = self._vault.disclosures.latest(REVIEW, record_id, version)
        return ReviewChoices.from_json(body) if body else EMPTY

    def review(
        self,
        record_id: str,
        *,
        version: int | None = None,
        language: str = "en",
        choices: ReviewChoices | None = None,
    ) -> RedactionReview:
        """Every replacement the redacted variant makes, and every doubtful word it keeps,
        with ``choices`` applied (the stored ones when ``None``)."""
        _check_language(language)
        chosen = self._version(record_id, version)
        testimony = self._testimony(record_id, chosen)
        stored = self.stored_review(record_id, chosen.number)
        applied = stored if choices is None else choices
        pseudonym = testimony.witness.pseudonym or words.text(
            Message("pdf.witness_placeholder"), language
        )
        _clone, hits, _done = redact_with_hits(
            testimony, pseudonym, words.text(Message("pdf.redacted"), language), applied,
            extra={"amendment_reason": chosen.reason,
                   "meta.author": testimony.interview.interviewer_organisation},
        )
        return RedactionReview(record_id, chosen.number, language, tuple(hits), applied,
                               applied == stored)

    def reviewed(self, record_id: str, version: int) -> bool:
        """True once the interviewer has decided about this version's redaction (a review
        stored, even one that changes nothing)."""
        return self._vault.disclosures.latest(REVIEW, record_id, version) is not None

    def check_reviewed(self, record_id: str, version: int, *, language: str = "en",
                       keep_doubtful: bool = False) -> int:
        """Before a redacted output of a version leaves without a review given with it: refuse
        (:class:`DoubtfulUnreviewed`) when the redactor has doubtful words that nobody has
        decided about, unless ``keep_doubtful``, which is then stored as the decision (the
        empty review, in the audit log). Return how many doubtful words stay as written.

        When in doubt the interviewer decides: a doubtful word is a name that is also an
        ordinary word ("azad olundum"), or a name beside somebody else's; keeping it unseen
        may print the witness's name, hiding it unseen may change what they said.
        """
        review = self.review(record_id, version=version, language=language)
        doubtful = len(review.doubtful_kept)
        if doubtful and not self.reviewed(record_id, version):
            if not keep_doubtful:
                raise DoubtfulUnreviewed("redaction.doubtful_unreviewed", count=doubtful,
                                         record=record_id[:8])
            self.store_review(record_id, version, review.choices)
        return doubtful

    def store_review(self, record_id: str, version: int, choices: ReviewChoices) -> bool:
        """Keep ``choices`` as the review of this version (audit-logged); False when they are
        the ones already stored."""
        self._version(record_id, version)
        return self._vault.disclosures.append(REVIEW, record_id, version, choices.to_json(),
                                              unless_same=True)

    # -- building and saving ------------------------------------------------------------------

    def build(
        self,
        record_id: str,
        *,
        version: int | None = None,
        language: str = "en",
        redacted: bool = False,
        review: ReviewChoices | None = None,
        sign: bool = False,
        attestation: bool = False,
    ) -> bytes:
        """The statement PDF for a version (the newest by default), as bytes. A redacted one
        applies ``review``, or the stored review of the version when ``None``.

        ``sign`` appends the laptop's PDF signature; only a sealed version can be signed. An
        amendment names the sealed version it corrects (its number, seal time and content
        hash); ``attestation`` adds a block for an authorised person who witnesses the
        signature. A sealed version gives an archival PDF (PDF/A-1b).
        """
        _check_language(language)
        chosen = self._version(record_id, version)
        if sign and not chosen.sealed:
            raise statement_signing.NotSealed(
                "statement.sealed_version_signed_seal"
            )
        testimony = self._testimony(record_id, chosen)
        digest = chosen.content_sha256 or sha256_hex(interchange.canonical_bytes(testimony))
        choices = EMPTY
        if redacted:
            choices = self.stored_review(record_id, chosen.number) if review is None else review
        earlier = [v for v in self._vault.records.info(record_id).versions
                   if v.number < chosen.number and v.sealed]
        previous = max(earlier, key=lambda v: v.number) if earlier else None
        request = reports.StatementRequest(
            record_id=record_id,
            version=chosen.number,
            content_sha256=digest,
            sealed=chosen.sealed,
            sealed_at=chosen.sealed_at,
            language=language,
            redacted=redacted,
            amendment_reason=chosen.reason,
            review=choices,
            attestation=attestation,
            previous_version=previous.number if previous else 0,
            previous_sealed_at=previous.sealed_at if previous else "",
            previous_sha256=previous.content_sha256 if previous else "",
        )
        pdf = reports.build_statement(testimony, request)
        return statement_signing.sign_statement(self._vault, pdf) if sign else pdf

    def save(
        self,
        record_id: str,
        dest: Path,
        *,
        version: int | None = None,
        language: str = "en",
        redacted: bool = False,
        review: ReviewChoices | None = None,
        named_reason: str | None = None,
        sign: bool = False,
        attestation: bool = False,
        keep_doubtful: bool = False,
    ) -> str:
        """Write the statement to ``dest`` atomically (0600); return the PDF's SHA-256.

        A redacted statement saved with ``review`` stores it as the version's review first;
        without one, the stored review applies, and with none stored the doubtful words must
        be decided (:meth:`check_reviewed`, ``keep_doubtful``). A named statement of a witness
        whose name may not appear needs ``named_reason``, which is stored with the version
        (and its hash in the audit log) once the file is written.
        """
        chosen = self._version(record_id, version)
        reason = (named_reason or "").strip()
        if not redacted and not self.name_may_appear(record_id, chosen.number):
            if not reason:
                raise NamedStatementRefused(
                    "statement.witness_did_agree_name"
                )
            if len(reason) > _MAX_REASON:
                raise UserFacingError("statement.reason_too_long_say")
        if redacted and review is not None:
            self.store_review(record_id, chosen.number, review)
        elif redacted:
            self.check_reviewed(record_id, chosen.number, language=language,
                                keep_doubtful=keep_doubtful)
        pdf = self.build(record_id, version=chosen.number, language=language,
                         redacted=redacted, review=review, sign=sign, attestation=attestation)
        try:
            atomic_write(dest, pdf)
        except OSError as exc:
            raise UserFacingError("statement.write_failed", reason=os_reason(exc)) from None
        digest = sha256_hex(pdf)
        if not redacted and reason:
            body = json.dumps({"reason": reason, "language": language, "pdf_sha256": digest},
                              ensure_ascii=False, sort_keys=True)
            self._vault.disclosures.append(NAMED, record_id, chosen.number, body)
        return digest

    def verify(self, path: Path) -> statement_signing.StatementVerification:
        """Check a signed statement; devices are looked up among this vault's registered ones."""
        return statement_signing.verify_statement(path, self._vault)


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise UserFacingError("statement.made_english_azerbaijani_russian")
