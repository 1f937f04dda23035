"""The organisation's side: its keys, and verifying, importing and acknowledging bundles.

A legal organisation runs the same program with its own vault. It makes its keys once
(:func:`org_keygen`), reads the fingerprint aloud to each interviewer who enrols it, and then
for every bundle it receives:

* :func:`verify` checks it completely without keeping anything (device, records, every check);
* :func:`import_bundle` verifies it again *while* streaming its content into the vault, inside
  one transaction that commits only after the whole bundle authenticated: a bundle that fails
  at its last byte leaves no row and no file behind;
* :func:`receipt` signs a receipt naming the exact file and the record versions now held, which
  the interviewer's laptop verifies before it forgets anything.

Merge rules (architecture.md "Bundles"): records merge by id and version number. The same
version with the same hash is unchanged (a re-import changes nothing and says so); a version
number not yet held is added to the history, sealed, with its number as the device gave it
(gaps allowed); the same number with a different hash is kept aside as a conflict and
flagged, never overwriting. A device's key is trusted on first use and pinned per device id:
a bundle claiming a known device but signed by another key is refused.

This module also defines what the content of a bundle looks like (member names, the custody
log) because both sides must agree on it; :mod:`.bundles` (the laptop) writes it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from testimony_app.bundles import (
    DEFAULT_MAX_BUNDLE_SIZE,
    AgeFailure,
    AgeRejected,
    ManifestMember,
    OrganisationKeys,
    RecordRef,
    VerifiedBundle,
    create_receipt,
    load_age_identities,
    load_signing_key,
    open_bundle,
    write_organisation_keys,
)
from testimony_app.bundles.age_io import Cancelled, Progress
from testimony_app.crypto.chain import sha256_hex
from testimony_app.crypto.signing import signature_to_text
from testimony_app.domain import interchange
from testimony_app.domain.model import Testimony
from testimony_app.errors import BundleRejected, InvalidRecord, UserFacingError
from testimony_app.paths import atomic_write, ensure_private_dir
from testimony_app.storage.imports import (
    BundleLedger,
    ConflictRow,
    ImportTransaction,
    ProvenanceRow,
)
from testimony_app.storage.vault import OpenVault

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession

__all__ = [
    "CUSTODY_NAME",
    "ConflictRow",
    "ImportReport",
    "OrgKeygenResult",
    "OrganisationService",
    "ProvenanceRow",
    "VerificationCheck",
    "VerificationReport",
    "VersionOutcome",
    "import_bundle",
    "org_fingerprint",
    "org_keygen",
    "receipt",
    "verify",
]

# -- the content of a bundle (shared with the laptop's writer) -----------------------------------

CUSTODY_NAME = "custody.json"
CUSTODY_FORMAT = "testimony-custody/v1"
_FINGERPRINT_LABEL = "testimony-organisation/v1"
_MEMBER = re.compile(
    r"records/(?P<id>[A-Za-z0-9][A-Za-z0-9._-]{0,127})/v(?P<n>[1-9][0-9]{0,9})/"
    r"(?:(?P<file>record\.json|statement\.pdf)|attachments/(?P<sha>[0-9a-f]{64}))"
)
# In-memory limits for the small members (record JSON, statement PDFs, the custody log);
# attachments stream into the vault and are never held whole.
_MAX_RECORD_BYTES = 16 * 1024 * 1024
_MAX_STATEMENT_BYTES = 64 * 1024 * 1024
_MAX_CUSTODY_BYTES = 64 * 1024 * 1024
_MAX_SMALL_TOTAL = 384 * 1024 * 1024
_MAX_TEXT = 4096


def record_path(record_id: str, version: int) -> str:
    """Where a version's record JSON sits in a bundle."""
    return f"records/{record_id}/v{version}/record.json"


def statement_path(record_id: str, version: int) -> str:
    """Where a version's statement PDF sits in a bundle."""
    return f"records/{record_id}/v{version}/statement.pdf"


def attachment_path(record_id: str, version: int, sha256: str) -> str:
    """Where an attachment sits: named by its hash, never by its (personal) file name."""
    return f"records/{record_id}/v{version}/attachments/{sha256}"


def org_fingerprint(recipients: Sequence[str], signing_public_key: str) -> str:
    """A short string that commits to an organisation's recipients and receipt key.

    Read aloud over the phone when a laptop enrols the organisation: five groups of four
    base32 characters (no 0/O or 1/I to confuse), 100 bits of SHA-256 over a canonical text,
    so a substituted key shows as a different string. The organisation's *name* is left out:
    it is typed on each laptop and may be spelt differently without being a different key.
    """
    lines = [_FINGERPRINT_LABEL]
    lines += [f"recipient {r}" for r in sorted(recipients)]
    lines.append(f"receipt-key {signing_public_key}")
    digest = hashlib.sha256(("\n".join(lines) + "\n").encode("ascii")).digest()
    chars = base64.b32encode(digest).decode("ascii")[:20]
    return "-".join(chars[i : i + 4] for i in range(0, 20, 4))


# -- keys ---------------------------------------------------------------------------------------


class OrgKeygenResult(NamedTuple):
    """What ``org-keygen`` made: the public halves to hand out, and where the secrets went."""

    recipient: str
    signing_public_key: str
    fingerprint: str
    paths: tuple[Path, Path]


def org_keygen(directory: Path) -> OrgKeygenResult:
    """Make the organisation's age identity and receipt key in ``directory`` (0600 files).

    Existing key files are never replaced: losing the identity loses every bundle sent to it.
    """
    if not directory.exists():
        if not directory.parent.is_dir():
            raise UserFacingError("The folder for the organisation's keys cannot be created there.")
        ensure_private_dir(directory)
    keys = OrganisationKeys.generate()
    paths = write_organisation_keys(directory, keys)
    public = keys.signing_public_key.to_text()
    return OrgKeygenResult(keys.recipient, public, org_fingerprint([keys.recipient], public), paths)


# -- reports ------------------------------------------------------------------------------------

CheckStatus = Literal["passed", "failed", "not run"]


@dataclass(frozen=True)
class VerificationCheck:
    """One named check of a bundle and its outcome."""

    name: str
    status: CheckStatus
    detail: str = ""


@dataclass(frozen=True)
class VerifiedRecord:
    """A record version a bundle carries, as the organisation sees it."""

    record_id: str
    version: int
    content_sha256: str
    redacted: bool
    interviewer: str
    language: str
    attachments: int


@dataclass(frozen=True)
class VerificationReport:
    """Everything ``verify`` found. ``ok`` only when every check passed."""

    ok: bool
    error: str
    bundle_path: str
    bundle_id: str = ""
    bundle_sha256: str = ""
    bundle_size: int = 0
    created_at: str = ""
    previous_bundle_id: str = ""
    device_id: str = ""
    device_key: str = ""
    device_fingerprint: str = ""
    signer_pinned: bool = False
    pin_status: str = "not checked"
    records: tuple[VerifiedRecord, ...] = ()
    members: int = 0
    checks: tuple[VerificationCheck, ...] = ()


@dataclass(frozen=True)
class VersionOutcome:
    """What the import did with one record version."""

    record_id: str
    version: int
    outcome: Literal["added", "unchanged", "conflict"]
    content_sha256: str
    redacted: bool
    interviewer: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did; ``changed`` is False for a bundle already imported."""

    bundle_id: str
    bundle_sha256: str
    device_id: str
    device_fingerprint: str
    device_first_seen: bool
    versions: tuple[VersionOutcome, ...]
    attachments_added: int
    attachments_already_held: int
    warnings: tuple[str, ...]
    changed: bool

    @property
    def added(self) -> tuple[VersionOutcome, ...]:
        """Versions new to this vault."""
        return tuple(v for v in self.versions if v.outcome == "added")

    @property
    def unchanged(self) -> tuple[VersionOutcome, ...]:
        """Versions already held with the same hash."""
        return tuple(v for v in self.versions if v.outcome == "unchanged")

    @property
    def conflicts(self) -> tuple[VersionOutcome, ...]:
        """Versions whose number was already held with different content (kept aside)."""
        return tuple(v for v in self.versions if v.outcome == "conflict")


# -- reading a bundle's content -----------------------------------------------------------------


@dataclass
class _Staged:
    """An attachment whose bytes were streamed into the vault during verification."""

    attachment_id: str
    record_id: str
    version: int
    sha256: str
    size: int


@dataclass
class _CollectingSink:
    """Keeps the small members in memory and drops attachment bytes (hashed by the reader).

    Refuses any member that is not part of the bundle format, before its first byte.
    """

    small: dict[str, bytes] = field(default_factory=dict)
    _buffer: list[bytes] = field(default_factory=list)
    _mode: str = ""
    _small_total: int = 0

    def begin(self, member: ManifestMember) -> None:
        """Classify the member and prepare for its bytes."""
        kind, record_id, version, sha = _classify(member)
        if kind == "attachment":
            self._mode = "attachment"
            self._begin_attachment(member, record_id, version, sha)
            return
        limit = {
            "record": _MAX_RECORD_BYTES,
            "statement": _MAX_STATEMENT_BYTES,
            "custody": _MAX_CUSTODY_BYTES,
        }[kind]
        if member.size > limit:
            raise BundleRejected(f"The member {member.path} is larger than this program accepts.")
        self._small_total += member.size
        if self._small_total > _MAX_SMALL_TOTAL:
            raise BundleRejected(
                "The bundle holds too many records for one import; ask for smaller bundles."
            )
        self._mode = "small"
        self._buffer = []

    def _begin_attachment(
        self, member: ManifestMember, record_id: str, version: int, sha: str
    ) -> None:
        """Verify-only: nothing to prepare."""

    def write(self, data: bytes) -> None:
        """Keep small members' bytes; attachments are handled by subclasses."""
        if self._mode == "small":
            self._buffer.append(data)
        else:
            self._write_attachment(data)

    def _write_attachment(self, data: bytes) -> None:
        """Verify-only: drop the bytes."""

    def end(self, member: ManifestMember) -> None:
        """The member matched its manifest entry."""
        if self._mode == "small":
            self.small[member.path] = b"".join(self._buffer)
            self._buffer = []
        else:
            self._end_attachment(member)
        self._mode = ""

    def _end_attachment(self, member: ManifestMember) -> None:
        """Verify-only: nothing to finish."""

    def abort(self) -> None:
        """Verification failed: forget everything."""
        self.small.clear()
        self._buffer = []


class _ImportSink(_CollectingSink):
    """Also streams attachment bytes into the vault, inside the import's transaction.

    An attachment the record already holds (same SHA-256) is not written again. Each piece the
    tar walker releases (an immutable ``bytes`` of up to about 1 MiB) is handed over as it is
    to the transaction's writing thread (:meth:`ImportTransaction.staging_thread`), which seals
    it as one frame of the attachment's file, so memory stays at a few pieces.
    """

    def __init__(self, tx: ImportTransaction) -> None:
        super().__init__()
        self._tx = tx
        self.staged: list[_Staged] = []
        self.already_held = 0
        self._seen: set[tuple[str, str]] = set()
        self._current: _Staged | None = None
        self._seq = 0

    def _begin_attachment(
        self, member: ManifestMember, record_id: str, version: int, sha: str
    ) -> None:
        key = (record_id, sha)
        if key in self._seen or self._tx.has_attachment(record_id, sha):
            self._current = None
            self.already_held += 1
            return
        self._seen.add(key)
        self._current = _Staged(str(uuid.uuid4()), record_id, version, sha, member.size)
        self._seq = 0

    def _write_attachment(self, data: bytes) -> None:
        if self._current is None or not data:
            return
        self._tx.stage_chunk(self._current.attachment_id, self._seq, data)
        self._seq += 1

    def _end_attachment(self, member: ManifestMember) -> None:
        if self._current is None:
            return
        self.staged.append(self._current)
        self._current = None

    def abort(self) -> None:
        """The transaction's rollback drops what was staged; drop the memory too."""
        super().abort()
        self.staged.clear()


def _classify(member: ManifestMember) -> tuple[str, str, int, str]:
    """``(kind, record_id, version, sha)`` of a content member, or refuse it."""
    if member.path == CUSTODY_NAME:
        return "custody", "", 0, ""
    match = _MEMBER.fullmatch(member.path)
    if match is None:
        raise BundleRejected("The bundle holds a file that is not part of the bundle format.")
    record_id, version = match.group("id"), int(match.group("n"))
    sha = match.group("sha")
    if sha is not None:
        if sha != member.sha256:
            raise BundleRejected("The bundle holds an attachment named by a hash it does not have.")
        return "attachment", record_id, version, sha
    kind = "record" if match.group("file") == "record.json" else "statement"
    return kind, record_id, version, ""


@dataclass(frozen=True)
class _Incoming:
    """One record version of a verified bundle, checked and parsed."""

    ref: RecordRef
    content: bytes
    testimony: Testimony
    redacted: bool
    sealed_at: str
    reason: str
    statement: bytes | None
    attachments: tuple[str, ...]


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        raise BundleRejected(f"The bundle's custody log has an invalid {what}.")
    return value


def _custody_index(data: bytes, verified: VerifiedBundle) -> dict[tuple[str, int], dict[str, Any]]:
    """The custody log's per-version index, checked against the signed manifest."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleRejected("The bundle's custody log is not valid JSON.") from None
    if not isinstance(doc, dict) or doc.get("format") != CUSTODY_FORMAT:
        raise BundleRejected("The bundle's custody log is in a format this program does not know.")
    if doc.get("device_id") != verified.manifest.device_id:
        raise BundleRejected("The bundle's custody log names a different device than its manifest.")
    records = doc.get("records")
    if not isinstance(records, list) or not isinstance(doc.get("entries"), list):
        raise BundleRejected("The bundle's custody log does not list its records and entries.")
    index: dict[tuple[str, int], dict[str, Any]] = {}
    for item in records:
        if not isinstance(item, dict):
            raise BundleRejected("The bundle's custody log has an invalid record entry.")
        key = (item.get("id"), item.get("version"))
        if not isinstance(key[0], str) or not isinstance(key[1], int) or key in index:
            raise BundleRejected("The bundle's custody log has an invalid record entry.")
        index[(key[0], key[1])] = item
    listed = {(r.id, r.version) for r in verified.manifest.records}
    if set(index) != listed:
        raise BundleRejected("The bundle's custody log and its manifest list different records.")
    return index


def _inspect(verified: VerifiedBundle, small: dict[str, bytes]) -> list[_Incoming]:
    """Check every record version of a verified bundle against its sealed hash and consent.

    A record JSON whose hash is not the sealed one is accepted only as a consented redaction:
    the custody log says so and the record itself says the name may not appear. Anything
    else means the device sent content other than what it sealed, and the bundle is refused.
    """
    custody = small.get(CUSTODY_NAME)
    if custody is None:
        raise BundleRejected("The bundle has no custody log (custody.json).")
    index = _custody_index(custody, verified)
    manifest = verified.manifest
    listed_versions = {(r.id, r.version) for r in manifest.records}
    member_paths = {m.path for m in manifest.members}
    for m in manifest.members:
        match = _MEMBER.fullmatch(m.path)
        if match and (match.group("id"), int(match.group("n"))) not in listed_versions:
            raise BundleRejected("The bundle holds files of a record version it does not list.")
    incoming: list[_Incoming] = []
    for ref in sorted(manifest.records, key=lambda r: (r.id, r.version)):
        content = small.get(record_path(ref.id, ref.version))
        if content is None:
            raise BundleRejected("The bundle lists a record version without its record.json.")
        entry = index[(ref.id, ref.version)]
        try:
            testimony = interchange.loads(content)
        except InvalidRecord:
            raise BundleRejected(
                "A record in the bundle is not a valid testimony document."
            ) from None
        if testimony.id != ref.id:
            raise BundleRejected("A record in the bundle does not carry its own id.")
        redacted = entry.get("redacted")
        if not isinstance(redacted, bool):
            raise BundleRejected("The bundle's custody log has an invalid record entry.")
        if sha256_hex(content) == ref.content_sha256:
            if redacted:
                raise BundleRejected("The bundle's custody log calls a complete record redacted.")
        elif not redacted or testimony.consent.name_may_appear is True:
            raise BundleRejected(
                "A record in the bundle does not match the hash its device sealed it under."
            )
        attachments = entry.get("attachments", [])
        if not isinstance(attachments, list):
            raise BundleRejected("The bundle's custody log has an invalid record entry.")
        shas: list[str] = []
        for item in attachments:
            path = item.get("path") if isinstance(item, dict) else None
            sha = item.get("sha256") if isinstance(item, dict) else None
            if not isinstance(path, str) or path not in member_paths or not isinstance(sha, str):
                raise BundleRejected("The bundle's custody log names an attachment it lacks.")
            match = _MEMBER.fullmatch(path)
            if match is None or match.group("sha") != sha or match.group("id") != ref.id:
                raise BundleRejected("The bundle's custody log names an attachment it lacks.")
            shas.append(sha)
        statement = small.get(statement_path(ref.id, ref.version))
        incoming.append(
            _Incoming(
                ref=ref,
                content=content,
                testimony=testimony,
                redacted=redacted,
                sealed_at=_text(entry.get("sealed_at", manifest.created_at), "seal time"),
                reason=_text(entry.get("reason", ""), "amendment reason"),
                statement=statement,
                attachments=tuple(shas),
            )
        )
    return incoming


def _failed_checks(error: BundleRejected) -> tuple[VerificationCheck, ...]:
    """The check list of a bundle that failed: what passed before, what failed, what never ran."""
    names = [
        "size within the limit",
        "age header (our strict pre-check)",
        "decrypted with the organisation's identity, every chunk authenticated",
        "manifest signature and members (sizes, SHA-256, order, nothing missing or extra)",
        "records match their sealed hashes (or are consented redactions); custody log",
    ]
    if isinstance(error, AgeRejected):
        failed_at = {
            AgeFailure.TOO_LARGE: 0,
            AgeFailure.HEADER: 1,
            AgeFailure.NO_MATCH: 2,
            AgeFailure.HMAC: 2,
            AgeFailure.PAYLOAD: 2,
        }[error.failure]
    else:
        failed_at = 3
    return tuple(
        VerificationCheck(
            name,
            "passed" if i < failed_at else ("failed" if i == failed_at else "not run"),
            str(error) if i == failed_at else "",
        )
        for i, name in enumerate(names)
    )


# -- the organisation's vault -------------------------------------------------------------------


class OrganisationService:
    """Verify, import and acknowledge bundles with an organisation vault (``session.bundles``
    holds one as ``organisation``)."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._ledger = BundleLedger(vault.db, vault.now)

    def pinned_device_key(self, device_id: str) -> str | None:
        """The key this vault trusts for a device, if it has seen one."""
        return self._ledger.device_key(device_id)

    def provenance(self, record_id: str) -> list[ProvenanceRow]:
        """Where each imported version of a record came from."""
        return self._ledger.provenance(record_id)

    def conflicts(self) -> list[ConflictRow]:
        """Incoming versions kept aside because their number was already held."""
        return self._ledger.conflicts()

    def conflict_content(self, record_id: str, version: int, incoming_sha256: str) -> bytes:
        """The record JSON of a kept conflicting version."""
        return self._ledger.conflict_content(record_id, version, incoming_sha256)

    def imported_statement(self, record_id: str, version: int) -> bytes | None:
        """The statement PDF exactly as the interviewer's laptop made it."""
        return self._ledger.statement(record_id, version)

    def bundle_evidence(self, bundle_id: str) -> tuple[bytes, str, bytes] | None:
        """The signed manifest, its signature and the custody log of an imported bundle."""
        return self._ledger.bundle_evidence(bundle_id)

    def verify(
        self, bundle_path: Path, identity_path: Path, *, max_size: int = DEFAULT_MAX_BUNDLE_SIZE
    ) -> VerificationReport:
        """Check a bundle completely, including whether its device key is the pinned one."""
        return verify(bundle_path, identity_path, session_ledger=self._ledger, max_size=max_size)

    def import_bundle(
        self,
        bundle_path: Path,
        identity_path: Path,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    ) -> ImportReport:
        """Verify and import a bundle, all or nothing (see the module documentation)."""
        identities = load_age_identities(identity_path)
        with self._ledger.import_transaction() as tx:
            sink = _ImportSink(tx)
            with tx.staging_thread():
                verified = open_bundle(
                    bundle_path,
                    identities,
                    trusted_device_keys=None,
                    sink=sink,
                    max_size=max_size,
                    progress=progress,
                    cancelled=cancelled,
                )
            return self._merge(tx, sink, verified)

    def _merge(
        self, tx: ImportTransaction, sink: _ImportSink, verified: VerifiedBundle
    ) -> ImportReport:
        manifest = verified.manifest
        signer = verified.signer
        pinned = tx.device_key(manifest.device_id)
        if pinned is not None and pinned != signer.to_text():
            raise BundleRejected(
                "The bundle claims to come from a known device but was signed by a different"
                " key; it was not imported."
            )
        known = tx.bundle_sha256(manifest.bundle_id)
        if known is not None and known != verified.bundle_sha256:
            raise BundleRejected(
                "A different bundle with the same id was already imported; this one was not."
            )
        incoming = _inspect(verified, sink.small)
        warnings: list[str] = []
        if known is None:
            warnings += _chain_warnings(tx, verified)
        if pinned is None:
            tx.pin_device(manifest.device_id, signer.to_text(), signer.fingerprint)
            warnings.append(
                f"First bundle from this device: its key {signer.fingerprint} is now trusted;"
                " compare it with the fingerprint the interviewer reads out."
            )
        if known is None:
            tx.add_bundle(
                bundle_id=manifest.bundle_id,
                sha256=verified.bundle_sha256,
                size=verified.bundle_size,
                device_id=manifest.device_id,
                created_at=manifest.created_at,
                previous_bundle_id=manifest.previous_bundle_id,
                audit_seq=manifest.audit_head.seq,
                audit_hash=manifest.audit_head.hash,
                manifest=verified.manifest_bytes,
                signature=signature_to_text(verified.signature),
                custody=sink.small[CUSTODY_NAME],
            )
        outcomes = [self._merge_version(tx, verified, item) for item in incoming]
        added = self._add_attachments(tx, sink, incoming)
        return ImportReport(
            bundle_id=manifest.bundle_id,
            bundle_sha256=verified.bundle_sha256,
            device_id=manifest.device_id,
            device_fingerprint=signer.fingerprint,
            device_first_seen=pinned is None,
            versions=tuple(outcomes),
            attachments_added=added,
            attachments_already_held=sink.already_held,
            warnings=tuple(warnings),
            changed=tx.changed,
        )

    @staticmethod
    def _merge_version(
        tx: ImportTransaction, verified: VerifiedBundle, item: _Incoming
    ) -> VersionOutcome:
        ref = item.ref
        interviewer = item.testimony.interview.interviewer
        held = tx.held_version(ref.id, ref.version)
        if held is None:
            tx.add_version(
                record_id=ref.id,
                number=ref.version,
                content=item.content,
                testimony=item.testimony,
                sealed_at=item.sealed_at,
                reason=item.reason,
                provenance=ProvenanceRow(
                    record_id=ref.id,
                    version=ref.version,
                    source_sha256=ref.content_sha256,
                    redacted=item.redacted,
                    device_id=verified.manifest.device_id,
                    device_fingerprint=verified.signer.fingerprint,
                    bundle_id=verified.bundle_id,
                    interviewer=interviewer,
                    imported_at=tx.now,
                ),
            )
            if item.statement is not None:
                tx.add_statement(ref.id, ref.version, item.statement)
            outcome: Literal["added", "unchanged", "conflict"] = "added"
        elif held.sealed and held.source_sha256 == ref.content_sha256:
            outcome = "unchanged"
        else:
            if not tx.has_conflict(ref.id, ref.version, ref.content_sha256):
                tx.add_conflict(
                    record_id=ref.id,
                    number=ref.version,
                    existing_sha256=held.source_sha256,
                    incoming_sha256=ref.content_sha256,
                    bundle_id=verified.bundle_id,
                    device_id=verified.manifest.device_id,
                    content=item.content,
                    statement=item.statement,
                )
            outcome = "conflict"
        return VersionOutcome(
            ref.id, ref.version, outcome, ref.content_sha256, item.redacted, interviewer
        )

    @staticmethod
    def _add_attachments(
        tx: ImportTransaction, sink: _ImportSink, incoming: list[_Incoming]
    ) -> int:
        """Give each streamed attachment its row, described by the record that lists it."""
        described: dict[tuple[str, str], tuple[str, str, str]] = {}
        for item in incoming:
            for info in item.testimony.attachments:
                described.setdefault(
                    (item.ref.id, info.sha256), (info.filename, info.media_type, info.description)
                )
        for staged in sink.staged:
            filename, media_type, description = described.get(
                (staged.record_id, staged.sha256),
                (staged.sha256, "application/octet-stream", ""),
            )
            tx.add_attachment(
                attachment_id=staged.attachment_id,
                record_id=staged.record_id,
                filename=filename or staged.sha256,
                media_type=media_type or "application/octet-stream",
                description=description,
                size=staged.size,
                sha256=staged.sha256,
                version=staged.version,
            )
        return len(sink.staged)

    def receipt(
        self,
        bundle_path: Path,
        identity_path: Path,
        signing_key_path: Path,
        dest: Path,
        *,
        max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    ) -> Path:
        """Sign a receipt for an imported bundle, naming the versions this vault now holds."""
        return receipt(
            None,
            bundle_path,
            identity_path,
            signing_key_path,
            dest,
            max_size=max_size,
            _ledger=self._ledger,
        )


def _chain_warnings(tx: ImportTransaction, verified: VerifiedBundle) -> list[str]:
    """Replay, gap and fork signs in a device's chain of bundles (flagged, not refused).

    Each bundle names the one its device made before it. A bundle older than one already
    seen suggests a replay or a restored laptop; a missing predecessor, a lost bundle; two
    bundles naming the same predecessor, a laptop whose vault was copied (a fork).
    """
    manifest = verified.manifest
    seen = tx.device_bundles(manifest.device_id)
    warnings = []
    if seen and manifest.audit_head.seq < max(seq for seq, _ in seen.values()):
        warnings.append(
            "This bundle's audit chain is older than one already imported from the same device"
            " (a replayed bundle or a laptop restored from a backup)."
        )
    previous = manifest.previous_bundle_id or ""
    if previous and previous not in seen:
        warnings.append(
            "The bundle this device made before this one has not been imported; one may be missing."
        )
    if any(prev == previous for _, prev in seen.values()):
        warnings.append(
            "Another bundle from this device follows the same earlier bundle: its vault may"
            " have been copied or restored (a fork)."
        )
    return warnings


# -- module-level entry points ---------------------------------------------------------------------


def verify(
    bundle_path: Path,
    identity_path: Path,
    *,
    session: VaultSession | None = None,
    session_ledger: BundleLedger | None = None,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> VerificationReport:
    """Check a bundle completely and say what it holds; keep nothing of it.

    With an organisation vault, the device key is also compared with the one pinned for that
    device. A bad bundle gives a report with ``ok`` False and one sentence in ``error``; only
    an unusable identity file raises.
    """
    ledger = session_ledger
    if ledger is None and session is not None:
        ledger = BundleLedger(session.bundles.vault.db, session.bundles.vault.now)
    identities = load_age_identities(identity_path)
    sink = _CollectingSink()
    try:
        verified = open_bundle(
            bundle_path, identities, trusted_device_keys=None, sink=sink, max_size=max_size
        )
    except BundleRejected as exc:
        return VerificationReport(
            ok=False, error=str(exc), bundle_path=str(bundle_path), checks=_failed_checks(exc)
        )
    manifest = verified.manifest
    checks = [
        VerificationCheck("size within the limit", "passed"),
        VerificationCheck("age header (our strict pre-check)", "passed"),
        VerificationCheck(
            "decrypted with the organisation's identity, every chunk authenticated", "passed"
        ),
        VerificationCheck(
            "manifest signature and members (sizes, SHA-256, order, nothing missing or extra)",
            "passed",
            f"signed by the key the manifest names, fingerprint {verified.signer.fingerprint}",
        ),
    ]
    error = ""
    records: tuple[VerifiedRecord, ...] = ()
    try:
        incoming = _inspect(verified, sink.small)
    except BundleRejected as exc:
        error = str(exc)
        checks.append(
            VerificationCheck(
                "records match their sealed hashes (or are consented redactions); custody log",
                "failed",
                error,
            )
        )
    else:
        checks.append(
            VerificationCheck(
                "records match their sealed hashes (or are consented redactions); custody log",
                "passed",
            )
        )
        records = tuple(
            VerifiedRecord(
                i.ref.id,
                i.ref.version,
                i.ref.content_sha256,
                i.redacted,
                i.testimony.interview.interviewer,
                i.testimony.interview.language,
                len(i.attachments),
            )
            for i in incoming
        )
    pin_status = "not checked"
    signer_pinned = False
    if ledger is not None:
        pinned = ledger.device_key(manifest.device_id)
        if pinned is None:
            pin_status = "new device"
            checks.append(
                VerificationCheck(
                    "device key pinned in this vault",
                    "passed",
                    "first bundle from this device: its key would be trusted on import",
                )
            )
        elif pinned == verified.signer.to_text():
            pin_status = "pinned"
            signer_pinned = True
            checks.append(VerificationCheck("device key pinned in this vault", "passed"))
        else:
            pin_status = "different key"
            error = error or (
                "The bundle claims to come from a known device but was signed by a different key."
            )
            checks.append(VerificationCheck("device key pinned in this vault", "failed", error))
    return VerificationReport(
        ok=all(c.status == "passed" for c in checks),
        error=error,
        bundle_path=str(bundle_path),
        bundle_id=verified.bundle_id,
        bundle_sha256=verified.bundle_sha256,
        bundle_size=verified.bundle_size,
        created_at=manifest.created_at,
        previous_bundle_id=manifest.previous_bundle_id or "",
        device_id=manifest.device_id,
        device_key=verified.signer.to_text(),
        device_fingerprint=verified.signer.fingerprint,
        signer_pinned=signer_pinned,
        pin_status=pin_status,
        records=records,
        members=len(manifest.members) + 2,
        checks=tuple(checks),
    )


def import_bundle(
    session: VaultSession,
    bundle_path: Path,
    identity_path: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
) -> ImportReport:
    """Verify a bundle and import it into the organisation vault of ``session``."""
    return session.bundles.organisation.import_bundle(
        bundle_path, identity_path, progress=progress, cancelled=cancelled, max_size=max_size
    )


def receipt(
    session: VaultSession | None,
    bundle_path: Path,
    identity_path: Path,
    signing_key_path: Path,
    dest: Path,
    *,
    max_size: int = DEFAULT_MAX_BUNDLE_SIZE,
    _ledger: BundleLedger | None = None,
) -> Path:
    """Sign a receipt for a verified bundle and write it to ``dest`` atomically (0600).

    With an organisation vault the bundle must have been imported there, and the receipt
    names only the versions the vault holds with the device's hash (a conflicting version is
    left out, so the laptop keeps it). Without one it names every record the bundle carries.
    """
    ledger = _ledger
    if ledger is None and session is not None:
        ledger = BundleLedger(session.bundles.vault.db, session.bundles.vault.now)
    if not dest.parent.is_dir():
        raise UserFacingError("The folder for the receipt does not exist.")
    if dest.exists():
        raise UserFacingError("A file with that name already exists; the receipt was not written.")
    identities = load_age_identities(identity_path)
    signing_key = load_signing_key(signing_key_path)
    sink = _CollectingSink()
    verified = open_bundle(
        bundle_path, identities, trusted_device_keys=None, sink=sink, max_size=max_size
    )
    _inspect(verified, sink.small)
    records: Sequence[RecordRef] = verified.manifest.records
    if ledger is not None:
        row = ledger.imported_bundle(verified.bundle_id)
        if row is None or row.sha256 != verified.bundle_sha256:
            raise UserFacingError(
                "This bundle has not been imported into this vault; import it before signing"
                " a receipt."
            )
        if ledger.device_key(verified.manifest.device_id) != verified.signer.to_text():
            raise BundleRejected(
                "This bundle's device key is not the one this vault trusts; no receipt was made."
            )
        held = ledger.source_hashes([(r.id, r.version) for r in records])
        records = [r for r in records if held.get((r.id, r.version)) == r.content_sha256]
    data = create_receipt(verified, signing_key, records=records)
    try:
        atomic_write(dest, data)
    except OSError as exc:
        raise UserFacingError(
            f"The receipt could not be written there ({exc.strerror or 'write failed'})."
        ) from None
    return dest
