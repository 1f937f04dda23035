"""Witness statements as PDF: built in memory from a version, written only where asked.

A sealed version gives the statement fit for signing and filing; a draft prints with a DRAFT
watermark on every page. The redacted variant is for sharing beyond the legal team. The same
version and options always give the same bytes, so a statement can be re-made and re-hashed.
A sealed statement can also be signed by the laptop (``sign=True``, see
:mod:`~testimony_app.services.statement_signing`): the signature is appended, so the unsigned
bytes stay the file's exact beginning.
"""

from __future__ import annotations

from pathlib import Path

from testimony_app import reports
from testimony_app.crypto.chain import sha256_hex
from testimony_app.domain import interchange
from testimony_app.errors import UserFacingError
from testimony_app.paths import atomic_write
from testimony_app.services import statement_signing
from testimony_app.storage.vault import OpenVault

LANGUAGES = ("en", "az", "ru")


class StatementService:
    """Builds and saves statements for the testimonies of one unlocked vault."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault

    def build(
        self,
        record_id: str,
        *,
        version: int | None = None,
        language: str = "en",
        redacted: bool = False,
        sign: bool = False,
    ) -> bytes:
        """The statement PDF for a version (the newest by default), as bytes.

        ``sign`` appends the laptop's PDF signature; only a sealed version can be signed.
        """
        if language not in LANGUAGES:
            raise UserFacingError("Statements can be made in English, Azerbaijani or Russian.")
        records = self._vault.records
        info = records.info(record_id)
        number = version or info.current
        matching = [v for v in info.versions if v.number == number]
        if not matching:
            raise UserFacingError("That version of the testimony does not exist.")
        chosen = matching[0]
        if sign and not chosen.sealed:
            raise statement_signing.NotSealed(
                "Only a sealed version can be signed: seal the testimony first."
            )
        testimony = records.get(record_id, number)
        if not chosen.sealed:
            testimony.attachments = records.attachments_of(record_id)
        digest = chosen.content_sha256 or sha256_hex(interchange.canonical_bytes(testimony))
        request = reports.StatementRequest(
            record_id=record_id,
            version=number,
            content_sha256=digest,
            sealed=chosen.sealed,
            sealed_at=chosen.sealed_at,
            language=language,
            redacted=redacted,
            amendment_reason=chosen.reason,
        )
        pdf = reports.build_statement(testimony, request)
        return statement_signing.sign_statement(self._vault, pdf) if sign else pdf

    def save(self, record_id: str, dest: Path, **options: object) -> str:
        """Write the statement to ``dest`` atomically (0600); return the PDF's SHA-256."""
        pdf = self.build(record_id, **options)  # type: ignore[arg-type]
        try:
            atomic_write(dest, pdf)
        except OSError as exc:
            raise UserFacingError(
                f"The statement could not be saved there ({exc.strerror or 'write failed'})."
            ) from None
        return sha256_hex(pdf)

    def verify(self, path: Path) -> statement_signing.StatementVerification:
        """Check a signed statement; devices are looked up among this vault's registered ones."""
        return statement_signing.verify_statement(path, self._vault)
