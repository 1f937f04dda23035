"""What goes inside a bundle: each planned record's versions, statements, attachments and
custody log, as members the writer streams.

:class:`BundleContents` turns an export plan into the writer's members and the rows the
ledger remembers. It decides, version by version, whether the record JSON goes complete or
redacted (``services/export_consent.py``), and it checks the sealed hash of every complete
version before it leaves: a version whose stored bytes no longer match is a damaged vault,
never a bundle. Statement PDFs are kept in memory up to a budget and made twice beyond it
(the same version and options give the same bytes); attachments stream from the vault.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from testimony_app.bundles import BundleMember, RecordRef
from testimony_app.bundles.layout import (
    CUSTODY_FORMAT,
    CUSTODY_NAME,
    attachment_path,
    record_path,
    statement_path,
)
from testimony_app.crypto.chain import sha256_hex
from testimony_app.domain import interchange
from testimony_app.errors import UserFacingError, VaultDamaged
from testimony_app.services.export_consent import redact_own_identity, strip_identity
from testimony_app.services.statements import LANGUAGES, StatementService
from testimony_app.storage import audit
from testimony_app.storage.export_ledger import LedgerVersion
from testimony_app.storage.vault import OpenVault
from testimony_app.words import Verbatim

__all__ = ["BundleContents", "ExportedRecord", "Planned"]

# Statement PDFs are kept in memory up to this many bytes per export; beyond it they are made
# twice (once to hash, once to stream): same version, same options, same bytes.
_PDF_MEMORY_BUDGET = 64 * 1024 * 1024


@dataclass
class Planned:
    """A record an export or a hand-over will send: which versions, and whether redacted."""

    record_id: str
    label: str
    versions: list[int]
    redacted: bool


@dataclass(frozen=True)
class ExportedRecord:
    """A record that went into a bundle: which versions, and in what form."""

    record_id: str
    label: str
    versions: tuple[int, ...]
    redacted: bool
    statement_language: str
    attachments: int


@dataclass
class Contents:
    """Everything :meth:`BundleContents.build` made for one bundle."""

    members: list[BundleMember] = field(default_factory=list)
    refs: list[RecordRef] = field(default_factory=list)
    exported: list[ExportedRecord] = field(default_factory=list)
    ledger: list[LedgerVersion] = field(default_factory=list)


class BundleContents:
    """The members of one bundle, made from a plan for one unlocked vault."""

    def __init__(self, vault: OpenVault, statements: StatementService, device_id: str) -> None:
        self.vault = vault
        self._statements = statements
        self._device_id = device_id

    def build(self, plan: list[Planned]) -> Contents:
        """Members (records, statements, attachments, then the custody log), references for
        the manifest, what to report and what the ledger remembers."""
        contents = Contents()
        custody = self._members(plan, contents)
        contents.members.append(
            BundleMember.from_bytes(CUSTODY_NAME, self._custody(plan, custody))
        )
        return contents

    def _members(self, plan: list[Planned], out: Contents) -> list[dict[str, object]]:
        records = self.vault.records
        members, refs, exported, ledger = out.members, out.refs, out.exported, out.ledger
        custody: list[dict[str, object]] = []
        pdf_budget = [_PDF_MEMORY_BUDGET]
        for item in plan:
            info = {v.number: v for v in records.info(item.record_id).versions}
            id_salt = records.id_salt(item.record_id)
            shipped: dict[str, str] = {}
            language = "en"
            count = 0
            for number in item.versions:
                version = info[number]
                testimony = records.get(item.record_id, number)
                if item.redacted or testimony.consent.name_may_appear is not True:
                    redacted = True
                    choices = self._statements.stored_review(item.record_id, number)
                    content = interchange.canonical_bytes(strip_identity(testimony, choices))
                    reason = redact_own_identity(testimony, version.reason, "amendment_reason",
                                          choices)
                    if sha256_hex(content) == version.content_sha256:
                        # Nothing identifying to strip (a pseudonym only): the record goes
                        # complete, and the organisation can check it against the sealed hash.
                        redacted = False
                else:
                    redacted = False
                    content = records.content_bytes(item.record_id, number)
                    reason = version.reason
                    if sha256_hex(content) != version.content_sha256:
                        raise VaultDamaged(
                            "export.sealed_hash_mismatch",
                            version=Verbatim(number), record=item.record_id[:8],
                        )
                language = (
                    testimony.interview.language
                    if testimony.interview.language in LANGUAGES
                    else "en"
                )
                members.append(
                    BundleMember.from_bytes(record_path(item.record_id, number), content)
                )
                statement_redacted = testimony.consent.name_may_appear is not True or redacted
                members.append(
                    self._statement_member(
                        item.record_id, number, language, statement_redacted, pdf_budget
                    )
                )
                attachments = []
                for attached in testimony.attachments:
                    # Each attachment travels once per record, under the first version of
                    # the bundle that lists it; the custody log says where for each version.
                    if attached.sha256 not in shipped:
                        member = self._attachment_member(
                            item.record_id, number, attached.id, attached.sha256, attached.size
                        )
                        members.append(member)
                        shipped[attached.sha256] = member.path
                    attachments.append(
                        {"sha256": attached.sha256, "path": shipped[attached.sha256]}
                    )
                count = len(shipped)
                refs.append(
                    RecordRef(item.record_id, number, version.content_sha256, id_salt)
                )
                ledger.append(
                    LedgerVersion(item.record_id, number, version.content_sha256, redacted)
                )
                custody.append(
                    {
                        "id": item.record_id,
                        "version": number,
                        "content_sha256": version.content_sha256,
                        "redacted": redacted,
                        "sealed_at": version.sealed_at,
                        "reason": reason,
                        "statement": {
                            "path": statement_path(item.record_id, number),
                            "language": language,
                            "redacted": statement_redacted,
                        },
                        "attachments": attachments,
                    }
                )
            exported.append(
                ExportedRecord(
                    item.record_id, item.label, tuple(item.versions), item.redacted, language, count
                )
            )
        return custody

    def _statement_member(
        self, record_id: str, number: int, language: str, redacted: bool, budget: list[int]
    ) -> BundleMember:
        def build() -> bytes:
            return self._statements.build(
                record_id, version=number, language=language, redacted=redacted
            )

        pdf = build()
        path = statement_path(record_id, number)
        if len(pdf) <= budget[0]:
            budget[0] -= len(pdf)
            return BundleMember.from_bytes(path, pdf)
        return BundleMember(path, len(pdf), sha256_hex(pdf), lambda: (build(),))

    def _attachment_member(
        self, record_id: str, number: int, attachment_id: str, sha256: str, size: int
    ) -> BundleMember:
        """An attachment streamed from the vault; its size and hash as the vault recorded."""
        try:
            stored = self.vault.attachments.info(attachment_id)
        except UserFacingError:
            raise VaultDamaged("export.attachment_missing", record=record_id[:8]) from None
        if stored.sha256 != sha256 or stored.size != size:
            raise VaultDamaged("export.attachment_differs", record=record_id[:8])
        attachments = self.vault.attachments
        # A file sealed with AES-GCM when its hash was taken cannot yield other bytes than the
        # ones hashed; an older vault's chunk rows are hashed again as they stream.
        sealed = attachments.ref(attachment_id) is not None

        def chunks() -> Iterable[bytes]:
            return attachments.iter_bytes(attachment_id)

        return BundleMember(
            attachment_path(record_id, number, sha256), size, sha256, chunks, sealed=sealed
        )

    def _custody(self, plan: list[Planned], records: list[dict[str, object]]) -> bytes:
        """The custody log: each record's hash-chained audit entries, never a path or text."""
        entries = []
        for item in plan:
            for e in audit.entries(self.vault.db, item.record_id):
                entries.append(
                    {
                        "record_id": e.record_id,
                        "seq": e.seq,
                        "at": e.at,
                        "action": e.action,
                        "version": e.version,
                        "payload_sha256": e.payload_sha256,
                        "entry_hash": e.entry_hash,
                    }
                )
        doc = {
            "format": CUSTODY_FORMAT,
            "device_id": self._device_id,
            "records": records,
            "entries": entries,
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
            "utf-8"
        )
