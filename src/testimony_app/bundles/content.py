"""Reading a bundle's content once its manifest verified: the records and what they claim.

:class:`CollectingSink` receives the members as :func:`~.reader.open_bundle` streams them:
it keeps the small ones (record JSON, statements, the custody log) in memory within limits,
lets attachment bytes pass (the reader hashes them; the organisation's importer subclasses
the sink to stage them in its vault) and refuses any member that is not part of the bundle
format before its first byte.

:func:`inspect` then checks every record version against what the device signed: a record
whose bytes hash to the sealed hash in the manifest is **complete** — the reader of the bundle
has computed that hash itself. A record whose bytes do not is accepted only as a **redacted
copy**: the custody log says so and the record itself says the witness's name may not appear.
A redacted copy proves nothing about the sealed content; its own hash is what it is, and the
sealed hash beside it is the device's claim, never a hash the organisation checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from testimony_app.bundles.layout import (
    CUSTODY_NAME,
    MAX_CUSTODY_BYTES,
    MAX_RECORD_BYTES,
    MAX_SMALL_TOTAL,
    MAX_STATEMENT_BYTES,
    attachment_sha,
    classify,
    custody_index,
    member_version,
    record_path,
    statement_path,
)
from testimony_app.bundles.manifest import ManifestMember, RecordRef
from testimony_app.bundles.reader import VerifiedBundle
from testimony_app.crypto.chain import sha256_hex
from testimony_app.domain import interchange
from testimony_app.domain.model import Testimony
from testimony_app.errors import BundleRejected, InvalidRecord

__all__ = ["CollectingSink", "Incoming", "inspect"]

_MAX_TEXT = 4096


@dataclass
class CollectingSink:
    """Keeps the small members in memory and drops attachment bytes (hashed by the reader).

    Refuses any member that is not part of the bundle format, before its first byte.
    Subclasses handle attachments through the ``_begin_attachment``, ``_write_attachment``
    and ``_end_attachment`` hooks.
    """

    small: dict[str, bytes] = field(default_factory=dict)
    _buffer: list[bytes] = field(default_factory=list)
    _mode: str = ""
    _small_total: int = 0

    def begin(self, member: ManifestMember) -> None:
        """Classify the member and prepare for its bytes."""
        kind, record_id, version, sha = classify(member)
        if kind == "attachment":
            self._mode = "attachment"
            self._begin_attachment(member, record_id, version, sha)
            return
        limit = {
            "record": MAX_RECORD_BYTES,
            "statement": MAX_STATEMENT_BYTES,
            "custody": MAX_CUSTODY_BYTES,
        }[kind]
        if member.size > limit:
            raise BundleRejected("bundle.member_too_large", member=member.path)
        self._small_total += member.size
        if self._small_total > MAX_SMALL_TOTAL:
            raise BundleRejected(
                "bundle.too_many_records"
            )
        self._mode = "small"
        self._buffer = []

    def _begin_attachment(
        self, member: ManifestMember, record_id: str, version: int, sha: str
    ) -> None:
        """Verify-only: nothing to prepare."""

    def write(self, data: memoryview) -> None:
        """Keep (a copy of) small members' bytes; attachments are handled by subclasses."""
        if self._mode == "small":
            self._buffer.append(bytes(data))
        else:
            self._write_attachment(data)

    def _write_attachment(self, data: memoryview) -> None:
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


@dataclass(frozen=True)
class Incoming:
    """One record version of a verified bundle, checked and parsed.

    ``ref.content_sha256`` is the hash the device says it sealed the version under. For a
    complete record it equals ``content_sha256`` (computed here); for a redacted copy it does
    not, and only ``content_sha256`` describes the bytes held.
    """

    ref: RecordRef
    content: bytes
    content_sha256: str
    testimony: Testimony
    redacted: bool
    sealed_at: str
    reason: str
    statement: bytes | None
    attachments: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """True when the bytes are the sealed version itself (their hash was checked)."""
        return not self.redacted and self.content_sha256 == self.ref.content_sha256


def _text(value: object, field: str) -> str:
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        raise BundleRejected("bundle.custody_bad_field", field=field)
    return value


def inspect(verified: VerifiedBundle, small: dict[str, bytes]) -> list[Incoming]:
    """Check every record version of a verified bundle against its sealed hash and consent.

    A record JSON whose hash is not the sealed one is accepted only as a consented redaction:
    the custody log says so and the record itself says the name may not appear. Anything
    else means the device sent content other than what it sealed, and the bundle is refused.
    """
    custody = small.get(CUSTODY_NAME)
    if custody is None:
        raise BundleRejected("bundle.custody_missing")
    index = custody_index(custody, verified)
    manifest = verified.manifest
    listed_versions = {(r.id, r.version) for r in manifest.records}
    member_paths = {m.path for m in manifest.members}
    for m in manifest.members:
        version = member_version(m.path)
        if version is not None and version not in listed_versions:
            raise BundleRejected("bundle.unlisted_version_files")
    incoming: list[Incoming] = []
    for ref in sorted(manifest.records, key=lambda r: (r.id, r.version)):
        content = small.get(record_path(ref.id, ref.version))
        if content is None:
            raise BundleRejected("bundle.version_without_record")
        entry = index[(ref.id, ref.version)]
        try:
            testimony = interchange.loads(content)
        except InvalidRecord:
            raise BundleRejected(
                "bundle.record_invalid"
            ) from None
        if testimony.id != ref.id:
            raise BundleRejected("bundle.record_without_id")
        redacted = entry.get("redacted")
        if not isinstance(redacted, bool):
            raise BundleRejected("bundle.custody_bad_record")
        digest = sha256_hex(content)
        if digest == ref.content_sha256:
            if redacted:
                raise BundleRejected("bundle.custody_complete_called_redacted")
        elif not redacted or testimony.consent.name_may_appear is True:
            raise BundleRejected(
                "bundle.record_hash_mismatch"
            )
        attachments = entry.get("attachments", [])
        if not isinstance(attachments, list):
            raise BundleRejected("bundle.custody_bad_record")
        shas: list[str] = []
        for item in attachments:
            path = item.get("path") if isinstance(item, dict) else None
            sha = item.get("sha256") if isinstance(item, dict) else None
            if not isinstance(path, str) or path not in member_paths or not isinstance(sha, str):
                raise BundleRejected("bundle.custody_missing_attachment")
            if attachment_sha(path) != (ref.id, sha):
                raise BundleRejected("bundle.custody_missing_attachment")
            shas.append(sha)
        statement = small.get(statement_path(ref.id, ref.version))
        incoming.append(
            Incoming(
                ref=ref,
                content=content,
                content_sha256=digest,
                testimony=testimony,
                redacted=redacted,
                sealed_at=_text(entry.get("sealed_at", manifest.created_at), "sealed_at"),
                reason=_text(entry.get("reason", ""), "reason"),
                statement=statement,
                attachments=tuple(shas),
            )
        )
    return incoming
