"""Receipts: the organisation's signed statement that it received and verified a bundle.

A receipt names the bundle by its id *and* by the SHA-256 of the exact ``.age`` file, lists
the record versions (id, version, sealed hash) whose **complete** content the organisation
holds — it computed their hash itself and found the sealed one — and, apart, the versions it
holds only as **redacted copies** (with the hash of the copy). It is signed with the
organisation's Ed25519 key under the receipt context — so a manifest signature can never pass
for a receipt, nor the reverse (security.md §5 D6).

A laptop deletes a testimony only on the strength of ``records``. Format ``v1`` receipts
(version 0.1) listed every version whose *claimed* hash matched, a redacted copy or a forgery
included, so they are refused with a sentence that says why.

File format (two lines, ASCII, at most :data:`MAX_RECEIPT_BYTES`)::

    <canonical JSON of the receipt>\\n
    <base64 Ed25519 signature over "testimony-bundle-receipt/v1" 0x00 <line 1 bytes>>\\n

The device verifies a receipt against the organisation key it pinned when it was set up,
before reading any field; then the receipt must name that same key, the bundle id and file
hash the device wrote, and (if the caller says which) exactly the records it sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from testimony_app.bundles.manifest import (
    MAX_RECORDS,
    SHA256_PATTERN,
    UUID4_PATTERN,
    ManifestInvalid,
    RecordRef,
    canonical_json,
    check_records,
    check_timestamp,
    load_json_strict,
    require,
)
from testimony_app.bundles.reader import VerifiedBundle
from testimony_app.crypto.signing import (
    KeyFormatError,
    PublicKey,
    SignatureContext,
    SignatureInvalid,
    SigningKey,
    signature_from_text,
    signature_to_text,
)
from testimony_app.errors import UserFacingError
from testimony_app.words import Message

RECEIPT_FORMAT = "testimony-receipt/v2"
OLD_RECEIPT_FORMAT = "testimony-receipt/v1"
MAX_RECEIPT_BYTES = 2 * 1024 * 1024
_FIELDS = {
    "format",
    "bundle_id",
    "bundle_sha256",
    "records",
    "redacted_copies",
    "received_at",
    "organisation_public_key",
}
_COPY_FIELDS = {"id", "version", "content_sha256", "copy_sha256"}


class ReceiptRejected(UserFacingError):
    """A receipt failed verification; the bundle stays 'exported', not 'acknowledged'."""


@dataclass(frozen=True)
class RedactedCopy:
    """A version the organisation holds only as a redacted copy: ``content_sha256`` is the
    sealed hash the device signed, ``copy_sha256`` the hash of the copy, computed by the
    organisation."""

    id: str
    version: int
    content_sha256: str
    copy_sha256: str


@dataclass(frozen=True)
class Receipt:
    """A verified receipt."""

    bundle_id: str
    bundle_sha256: str
    records: tuple[RecordRef, ...]
    received_at: str
    organisation_key: PublicKey
    redacted_copies: tuple[RedactedCopy, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The JSON document that line 1 of the file encodes."""
        return {
            "format": RECEIPT_FORMAT,
            "bundle_id": self.bundle_id,
            "bundle_sha256": self.bundle_sha256,
            "records": [
                {"id": r.id, "version": r.version, "content_sha256": r.content_sha256}
                for r in self.records
            ],
            "redacted_copies": [
                {
                    "id": c.id,
                    "version": c.version,
                    "content_sha256": c.content_sha256,
                    "copy_sha256": c.copy_sha256,
                }
                for c in self.redacted_copies
            ],
            "received_at": self.received_at,
            "organisation_public_key": self.organisation_key.to_text(),
        }


def create_receipt(
    bundle: VerifiedBundle,
    signing_key: SigningKey,
    *,
    records: Sequence[RecordRef] | None = None,
    redacted_copies: Sequence[RedactedCopy] = (),
    received_at: datetime | None = None,
) -> bytes:
    """Sign a receipt for a verified bundle (organisation side); returns the file's bytes.

    ``records`` are the versions whose complete content the organisation holds (default:
    every record the manifest lists, for tests of the format); ``redacted_copies`` those it
    holds only redacted.
    """
    moment = received_at if received_at is not None else datetime.now(UTC)
    receipt = Receipt(
        bundle_id=bundle.bundle_id,
        bundle_sha256=bundle.bundle_sha256,
        records=tuple(records if records is not None else bundle.manifest.records),
        received_at=moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        organisation_key=signing_key.public_key,
        redacted_copies=tuple(redacted_copies),
    )
    body = canonical_json(receipt.to_dict())
    signature = signing_key.sign(SignatureContext.RECEIPT, body)
    return body + b"\n" + signature_to_text(signature).encode("ascii") + b"\n"


def _parse(body: bytes) -> Receipt:

    doc = load_json_strict(body, MAX_RECEIPT_BYTES)
    if isinstance(doc, dict) and doc.get("format") == OLD_RECEIPT_FORMAT:
        raise ReceiptRejected(
            "receipt.old_version"
        )
    require(isinstance(doc, dict) and set(doc) == _FIELDS, "manifest.fields_unexpected")
    require(doc["format"] == RECEIPT_FORMAT, "manifest.format_unknown")
    require(
        isinstance(doc["bundle_id"], str) and UUID4_PATTERN.fullmatch(doc["bundle_id"]) is not None,
        "manifest.bundle_id_malformed",
    )
    require(
        isinstance(doc["bundle_sha256"], str)
        and SHA256_PATTERN.fullmatch(doc["bundle_sha256"]) is not None,
        "manifest.bundle_hash_malformed",
    )
    require(
        isinstance(doc["records"], list) and len(doc["records"]) <= MAX_RECORDS,
        "manifest.records_invalid",
    )
    records = []
    for item in doc["records"]:
        require(
            isinstance(item, dict) and set(item) == {"id", "version", "content_sha256"},
            "manifest.records_invalid",
        )
        records.append(RecordRef(item["id"], item["version"], item["content_sha256"]))
    check_records(records)
    require(
        isinstance(doc["redacted_copies"], list) and len(doc["redacted_copies"]) <= MAX_RECORDS,
        "manifest.copies_invalid",
    )
    copies = []
    for item in doc["redacted_copies"]:
        require(
            isinstance(item, dict)
            and set(item) == _COPY_FIELDS
            and isinstance(item["copy_sha256"], str)
            and SHA256_PATTERN.fullmatch(item["copy_sha256"]) is not None,
            "manifest.copies_invalid",
        )
        copies.append(
            RedactedCopy(item["id"], item["version"], item["content_sha256"], item["copy_sha256"])
        )
    check_records([RecordRef(c.id, c.version, c.content_sha256) for c in copies])
    both = {(r.id, r.version) for r in records} & {(c.id, c.version) for c in copies}
    require(not both, "manifest.complete_and_redacted")
    check_timestamp(doc["received_at"])
    require(isinstance(doc["organisation_public_key"], str), "manifest.org_key_malformed")
    try:
        key = PublicKey.from_text(doc["organisation_public_key"])
    except KeyFormatError:
        raise ManifestInvalid(Message("manifest.org_key_malformed")) from None
    return Receipt(
        doc["bundle_id"],
        doc["bundle_sha256"],
        tuple(records),
        doc["received_at"],
        key,
        tuple(copies),
    )


def verify_receipt(
    data: bytes,
    *,
    organisation_key: PublicKey,
    bundle_id: str,
    bundle_sha256: str,
    records: Sequence[RecordRef] | None = None,
) -> Receipt:
    """Check a receipt against the pinned organisation key and the bundle we exported.

    Raises :class:`ReceiptRejected` with one sentence: wrong size or shape, a signature that
    is not the organisation's (or was made for another purpose), another bundle, or —
    when ``records`` is given — a different set of records than we sent.
    """
    if len(data) > MAX_RECEIPT_BYTES:
        raise ReceiptRejected("receipt.too_large")
    parts = data.split(b"\n")
    if len(parts) != 3 or parts[2] != b"":
        raise ReceiptRejected("receipt.not_two_lines")
    body, signature_line = parts[0], parts[1]
    try:
        signature = signature_from_text(signature_line.decode("ascii"))
        organisation_key.verify(SignatureContext.RECEIPT, body, signature)
    except (UnicodeDecodeError, SignatureInvalid):
        raise ReceiptRejected("receipt.not_signed_by_org") from None
    try:
        receipt = _parse(body)
    except ManifestInvalid as exc:
        raise ReceiptRejected("receipt.invalid", detail=exc.message) from None
    if receipt.organisation_key != organisation_key:
        raise ReceiptRejected(
            "receipt.other_org_key"
        )
    if receipt.bundle_id != bundle_id or receipt.bundle_sha256 != bundle_sha256:
        raise ReceiptRejected("receipt.different_bundle")
    if records is not None and set(receipt.records) != set(records):
        raise ReceiptRejected("receipt.records_differ")
    return receipt
