"""The interviewer's side of bundles: enrol the organisation, export, acknowledge, purge.

Lifecycle (security.md §4.3): a sealed testimony is **exported** in a bundle that only the
organisation can open and that proves which laptop made it; the organisation answers with a
signed **receipt**, which marks the versions it names **acknowledged**; the interviewer may then
**purge** their content from the laptop, keeping ids and hashes — what is not on the laptop
cannot be coerced out of it.

Rules enforced here rather than left to the user:

* a bundle goes only to the organisation's recipients pinned at enrolment, after a person
  compared the fingerprint read aloud by the organisation (security.md §5 D10);
* **consent**: a record whose witness did not consent to legal proceedings, or named other
  organisations, is withheld with a one-sentence reason; when the name may not appear, the
  statement is the redacted one and the record JSON loses the name and identifiers
  (``services/export_consent.py``; what goes in the bundle: ``services/export_contents.py``);
* the bundle is streamed (attachments straight from the vault, 1 MiB at a time), read back and
  verified by the writer before it is reported; only then is the export remembered, in one
  transaction with the records' flags and their audit entries. The path is never recorded.

The device's Ed25519 key is made when the vault is created (or, for an older vault, the first
time it is needed) and lives only in the encrypted vault's ``meta`` table.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from testimony_app.bundles import (
    AuditHead,
    WrittenBundle,
    neutral_bundle_name,
    org_fingerprint,
    parse_recipients,
    write_bundle,
)
from testimony_app.bundles.age_io import Cancelled, Progress
from testimony_app.crypto.chain import sha256_hex
from testimony_app.crypto.signing import PublicKey
from testimony_app.domain.model import Status
from testimony_app.domain.redaction_review import EMPTY, DoubtfulUnreviewed, ReviewChoices
from testimony_app.errors import UserFacingError, VaultDamaged
from testimony_app.log import get_logger
from testimony_app.services.acknowledge import (
    Acknowledger,
    AckReport,
    PurgeReport,
    RecordFate,
    Withheld,
)
from testimony_app.services.export_consent import consent_problem
from testimony_app.services.export_contents import BundleContents, ExportedRecord, Planned
from testimony_app.services.organisation import OrganisationService
from testimony_app.services.statements import StatementService
from testimony_app.storage import audit
from testimony_app.storage.device_keys import ensure_device_key
from testimony_app.storage.export_ledger import ExportLedger, ExportRow, LedgerVersion
from testimony_app.storage.outbox import Outbox
from testimony_app.storage.vault import OpenVault
from testimony_app.words import Message

log = get_logger("services.bundles")

__all__ = [
    "AckReport",
    "BundleService",
    "Enrolment",
    "ExportCandidate",
    "ExportPlan",
    "ExportReport",
    "ExportedRecord",
    "NothingToExport",
    "PurgeReport",
    "RecordFate",
    "Withheld",
    "ensure_device_key",
    "neutral_bundle_name",
    "org_fingerprint",
]

_ORG_NAME = "org_name"
_ORG_RECIPIENTS = "org_recipients"
_ORG_KEY = "org_signing_key"
_ORG_FINGERPRINT = "org_fingerprint"
_ORG_ENROLLED_AT = "org_enrolled_at"
_LAST_BUNDLE = "last_bundle_id"
_MAX_NAME = 200


# -- reports ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrolment:
    """The organisation this laptop sends bundles to."""

    name: str
    recipients: tuple[str, ...]
    signing_key: str
    fingerprint: str
    enrolled_at: str


@dataclass(frozen=True)
class ExportReport:
    """A bundle that was written, read back and verified (its path is for the user only)."""

    path: Path
    bundle_id: str
    sha256: str
    size: int
    recipients: tuple[str, ...]
    exported: tuple[ExportedRecord, ...]
    withheld: tuple[Withheld, ...]


class NothingToExport(UserFacingError):
    """No record could be exported; ``withheld`` says why for each one that was considered."""

    def __init__(self, message: str, withheld: Sequence[Withheld] = ()) -> None:
        super().__init__(message)
        self.withheld = tuple(withheld)


@dataclass(frozen=True)
class ExportCandidate:
    """A testimony an export considers: what of it would go, or why it would be withheld.

    The window lists these before the export (:meth:`BundleService.plan_export`) and the
    export itself decides by the same ones, so what the interviewer is told is what happens.
    """

    record_id: str
    label: str
    interview_date: str
    version: int
    """The newest sealed version (the current one when none is sealed)."""
    versions: tuple[int, ...]
    """What would go: the sealed versions never sent, and the newest (empty if withheld)."""
    redacted: bool
    """The witness's name may not appear: the record and the statement go redacted."""
    reason: Message | None
    """Why it would be withheld (a message in the services catalogue), or ``None``."""


@dataclass(frozen=True)
class ExportPlan:
    """The enrolled organisation (``None`` before enrolment), this laptop's key, the candidates."""

    enrolment: Enrolment | None
    device_fingerprint: str
    candidates: tuple[ExportCandidate, ...]


# -- the service --------------------------------------------------------------------------------


class BundleService:
    """Enrolment, export, receipts and purge for one unlocked vault (``session.bundles``).

    The organisation's side of the same vault is :attr:`organisation`.
    """

    def __init__(self, vault: OpenVault) -> None:
        self.vault = vault
        self._ledger = ExportLedger(vault.db, vault.now)
        self._acknowledger = Acknowledger(vault, self._ledger)
        self._statements = StatementService(vault)
        self.organisation = OrganisationService(vault)

    # -- device identity -------------------------------------------------------------------------

    @property
    def device_id(self) -> str:
        """The random id this vault signs bundles under."""
        value = self.vault.get_meta("device_id")
        if not value:
            raise VaultDamaged("vault.no_device_id")
        return value

    def device_public_key(self) -> str:
        """The device's public key (``ed25519:…``), made on first need."""
        return ensure_device_key(self.vault).public_key.to_text()

    def device_fingerprint(self) -> str:
        """The device key's fingerprint, for the interviewer to read to the organisation."""
        return ensure_device_key(self.vault).public_key.fingerprint

    # -- enrolment -------------------------------------------------------------------------------

    def enrolment(self) -> Enrolment | None:
        """The enrolled organisation, or ``None`` before enrolment."""
        recipients = self.vault.get_meta(_ORG_RECIPIENTS)
        key = self.vault.get_meta(_ORG_KEY)
        if not recipients or not key:
            return None
        return Enrolment(
            name=self.vault.get_meta(_ORG_NAME) or "",
            recipients=tuple(json.loads(recipients)),
            signing_key=key,
            fingerprint=self.vault.get_meta(_ORG_FINGERPRINT) or "",
            enrolled_at=self.vault.get_meta(_ORG_ENROLLED_AT) or "",
        )

    @staticmethod
    def enrolment_fingerprint(recipients: Sequence[str], org_key: str) -> str:
        """Validate what would be pinned and return the fingerprint to compare aloud.

        Raises one sentence for a malformed recipient (Bech32 checksum), a post-quantum and
        classic mix, or a malformed receipt key.
        """
        checked = parse_recipients(list(recipients))
        key = PublicKey.from_text(org_key.strip())
        return org_fingerprint(checked, key.to_text())

    def enrol(
        self, recipients: Sequence[str], org_key: str, name: str = "", *, confirmed: bool
    ) -> Enrolment:
        """Pin the organisation once a person confirmed the fingerprint it read out."""
        fingerprint = self.enrolment_fingerprint(recipients, org_key)
        if not confirmed:
            raise UserFacingError(
                "export.enrol_not_confirmed"
            )
        clean = " ".join(name.split())
        if len(clean) > _MAX_NAME or not clean.isprintable():
            raise UserFacingError("export.organisation_name_invalid")
        checked = parse_recipients(list(recipients))
        key_text = PublicKey.from_text(org_key.strip()).to_text()
        now = self.vault.now()
        self._ledger.set_enrolment(
            {
                _ORG_NAME: clean,
                _ORG_RECIPIENTS: json.dumps(list(checked)),
                _ORG_KEY: key_text,
                _ORG_FINGERPRINT: fingerprint,
                _ORG_ENROLLED_AT: now,
            },
            sha256_hex(f"{fingerprint}\n{clean}".encode()),
        )
        return Enrolment(clean, checked, key_text, fingerprint, now)

    def _require_enrolment(self) -> Enrolment:
        enrolment = self.enrolment()
        if enrolment is None:
            raise UserFacingError(
                "export.no_organisation"
            )
        return enrolment

    @staticmethod
    def _recipients(given: Sequence[str] | None, enrolment: Enrolment) -> tuple[str, ...]:
        if not given:
            return enrolment.recipients
        checked = parse_recipients(list(given))
        if any(r not in enrolment.recipients for r in checked):
            raise UserFacingError(
                "export.recipient_not_enrolled"
            )
        return checked

    # -- export ----------------------------------------------------------------------------------

    def export(
        self,
        dest: Path,
        record_ids: Sequence[str] | None = None,
        recipients: Sequence[str] | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        *,
        reviews: Mapping[str, ReviewChoices] | None = None,
        keep_doubtful: bool = False,
    ) -> ExportReport:
        """Write a bundle of sealed testimonies to ``dest`` (a file, or a folder for a neutral
        name). Default: every record whose newest version is sealed and not yet exported;
        with ``record_ids``, their newest sealed version. Earlier sealed versions never sent
        go along, so that a later purge loses nothing the organisation does not hold.

        A record that goes redacted carries the interviewer's review of its redaction:
        ``reviews`` (record id → choices, a script's review files) are stored first; without
        one, the stored review applies, and with none stored the doubtful words must be
        decided (:class:`~testimony_app.services.statements.DoubtfulUnreviewed` unless
        ``keep_doubtful``).

        Raises :class:`NothingToExport` (with the reasons) when no record can go.
        """
        enrolment = self._require_enrolment()
        chosen_recipients = self._recipients(recipients, enrolment)
        target = Path(dest)
        if target.is_dir():
            target = target / neutral_bundle_name()
        plan, withheld = self._plan(record_ids, enrolment)
        if not plan:
            if withheld:
                raise NothingToExport(
                    "export.all_withheld", withheld
                )
            raise NothingToExport(
                "export.nothing_waiting"
            )
        self.decide_redactions(plan, reviews or {}, keep_doubtful)
        written, exported, ledger_versions = self.write_planned(
            target, plan, chosen_recipients, progress, cancelled
        )
        try:
            self._ledger.record_export(
                bundle_id=written.bundle_id,
                sha256=written.sha256,
                size=written.size,
                created_at=written.manifest.created_at,
                recipients=chosen_recipients,
                versions=ledger_versions,
            )
        except BaseException:
            # Not remembered means not exported: leave no bundle the ledger does not know.
            with contextlib.suppress(OSError):
                written.path.unlink()
            raise
        self.anchor_export(written.manifest.audit_head)
        return ExportReport(
            path=written.path,
            bundle_id=written.bundle_id,
            sha256=written.sha256,
            size=written.size,
            recipients=chosen_recipients,
            exported=tuple(exported),
            withheld=tuple(withheld),
        )

    def write_planned(
        self,
        target: Path,
        plan: list[Planned],
        recipients: Sequence[str],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> tuple[WrittenBundle, list[ExportedRecord], list[LedgerVersion]]:
        """Write and verify the bundle of ``plan`` at ``target``; remember nothing yet.

        The caller records it: :meth:`export` in the ledger, a hand-over in the ledger, the
        outbox and the purge, in one transaction (services/handover.py).
        """
        device_key = ensure_device_key(self.vault)
        contents = BundleContents(self.vault, self._statements, self.device_id).build(plan)
        seq, head = audit.head(self.vault.db)
        written = write_bundle(
            target,
            device_id=self.device_id,
            device_key=device_key,
            recipients=recipients,
            members=contents.members,
            records=contents.refs,
            audit_head=AuditHead(seq, head),
            previous_bundle_id=self.vault.get_meta(_LAST_BUNDLE) or None,
            progress=progress,
            cancelled=cancelled,
        )
        return written, contents.exported, contents.ledger

    def anchor_export(self, head: AuditHead) -> None:
        """Record the audit head that left the laptop in the key files (security.md B5a)."""
        try:
            # The head that left the laptop: unlock checks the database still holds it (B5a).
            self.vault.record_export_anchor(head.seq, head.hash)
        except (UserFacingError, OSError):
            # The bundle is written and recorded; only the rollback check lags one export.
            log.warning("the export anchor could not be written to the key files")

    def decide_redactions(self, plan: list[Planned], reviews: Mapping[str, ReviewChoices],
                           keep_doubtful: bool) -> None:
        """Every version that goes redacted has a decision about its doubtful words before
        anything is written (the window reviews each first; a script passes review files or
        ``keep_doubtful``); nothing is stored unless every version has one."""
        statements = self._statements
        undecided: list[tuple[str, int]] = []
        doubtful = 0
        for item in plan:
            if not item.redacted or item.record_id in reviews:
                continue
            for number in item.versions:
                if statements.reviewed(item.record_id, number):
                    continue
                found = len(statements.review(item.record_id, version=number).doubtful_kept)
                if found:
                    undecided.append((item.record_id, number))
                    doubtful += found
        if undecided and not keep_doubtful:
            raise DoubtfulUnreviewed("redaction.doubtful_unreviewed", count=doubtful,
                                     record=undecided[0][0][:8])
        for item in plan:
            if item.redacted and item.record_id in reviews:
                for number in item.versions:
                    statements.store_review(item.record_id, number, reviews[item.record_id])
        for record_id, number in undecided:
            statements.store_review(record_id, number, EMPTY)

    def plan_export(self, record_ids: Sequence[str] | None = None) -> ExportPlan:
        """What an export would do now, record by record, without writing anything.

        Default: every record whose newest version is sealed (as :meth:`export`). Before
        enrolment the plan is empty: nothing can go anywhere yet.
        """
        enrolment = self.enrolment()
        if enrolment is None:
            return ExportPlan(None, "", ())
        candidates = tuple(self._candidates(record_ids, enrolment))
        return ExportPlan(enrolment, self.device_fingerprint(), candidates)

    def _candidates(
        self, record_ids: Sequence[str] | None, enrolment: Enrolment
    ) -> Iterable[ExportCandidate]:
        records = self.vault.records
        if record_ids is None:
            ids = [s.id for s in records.list() if s.status in (Status.SEALED, Status.AMENDED)]
        else:
            ids = list(dict.fromkeys(records.resolve(r) for r in record_ids))
        for record_id in ids:
            summary = records.summary(record_id)
            label, date = summary.witness_label, summary.interview_date
            sealed = [v for v in records.info(record_id).versions if v.sealed]
            if not sealed:
                reason = Message("export.not_sealed")
                yield ExportCandidate(record_id, label, date, summary.version, (), False, reason)
                continue
            latest = sealed[-1]
            if self._ledger.is_purged(record_id):
                reason = Message("export.purged")
                yield ExportCandidate(record_id, label, date, latest.number, (), False, reason)
                continue
            testimony = records.get(record_id, latest.number)
            redacted = testimony.consent.name_may_appear is not True
            problem = consent_problem(testimony, enrolment.name)
            if problem is not None:
                yield ExportCandidate(record_id, label, date, latest.number, (), redacted, problem)
                continue
            sent = self._ledger.sent_versions(record_id)
            versions = {v.number for v in sealed if v.number not in sent} | {latest.number}
            yield ExportCandidate(
                record_id, label, date, latest.number, tuple(sorted(versions)), redacted, None
            )

    def _plan(
        self, record_ids: Sequence[str] | None, enrolment: Enrolment
    ) -> tuple[list[Planned], list[Withheld]]:
        plan: list[Planned] = []
        withheld: list[Withheld] = []
        for candidate in self._candidates(record_ids, enrolment):
            if candidate.reason is None:
                plan.append(
                    Planned(
                        candidate.record_id,
                        candidate.label,
                        list(candidate.versions),
                        candidate.redacted,
                    )
                )
            else:
                withheld.append(Withheld(candidate.record_id, candidate.label, candidate.reason))
        return plan, withheld

    def exports(self) -> list[ExportRow]:
        """Every bundle this laptop wrote, newest first (never where it was written)."""
        return self._ledger.exports()

    # -- receipts and purge (services/acknowledge.py) ---------------------------------------------

    def acknowledge(self, receipt_path: Path) -> AckReport:
        """Verify the organisation's receipt and mark the versions it names acknowledged.

        A bundle the receipt names leaves the outbox of high-risk mode: the organisation
        holds it, so the laptop need not keep it any longer.
        """
        report = self._acknowledger.acknowledge(
            receipt_path, self._require_enrolment().signing_key
        )
        Outbox(self.vault.db, self.vault.path, self.vault.now).release(report.bundle_id)
        return report

    def is_purged(self, record_id: str) -> bool:
        """Whether a record's content was deleted from this laptop."""
        return self._acknowledger.is_purged(record_id)

    def purge(self, record_ids: Sequence[str]) -> PurgeReport:
        """Delete the content of records acknowledged complete, keeping ids and hashes."""
        return self._acknowledger.purge(record_ids)
