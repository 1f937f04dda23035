"""High-risk mode: what the laptop holds, even its owner cannot read (issue 20).

An interviewer stopped at a checkpoint can be made to type the passphrase. In high-risk mode,
once a testimony is sealed (and its statement printed for the witness to sign), it is
**handed over**: its bundle — encrypted to the organisation's recipients and signed by this
laptop, exactly as an export — is written into the vault's outbox and read back, and then
every readable trace of its content leaves the laptop: sealed versions, search rows, the
registry's copies of its mentions, review decisions, attachment files and their keys, and the
same in every backup and set-aside database. What stays: the id, the version, the content
hash, the pseudonym, the interview date, the status "handed over", the audit entries, and the
bundle, which only the organisation can open. Export copies the outbox to a stick; a bundle
leaves the outbox when the organisation's receipt names it.

Order, and what a crash leaves (``storage/outbox.py``): bundle written and verified in the
outbox → one transaction (ledger, outbox, hand-over, purge, "scrub pending") → attachment
files deleted → database compacted (no free page, WAL truncated) → backups replaced → mark
cleared. Before the commit a crash leaves the record readable and :meth:`HandoverService.recover`
deletes the bundle file at the next unlock; after it, the record is handed over and the next
unlock finishes the scrub.

Who may be handed over follows the export's rules (consent, redaction): a record the witness
did not consent to sending cannot be handed over, and one whose witness's name may not
appear goes as the redacted copy an export would send.
"""

from __future__ import annotations

import builtins
import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from testimony_app.bundles import neutral_bundle_name
from testimony_app.bundles.age_io import Cancelled, Progress
from testimony_app.errors import UserFacingError
from testimony_app.log import get_logger
from testimony_app.paths import file_sha256
from testimony_app.services.bundles import BundleService, Enrolment
from testimony_app.services.export_contents import Planned
from testimony_app.storage import audit
from testimony_app.storage.database import Error as DatabaseError
from testimony_app.storage.outbox import (
    HandedRecord,
    Handover,
    Outbox,
    OutboxEntry,
    scrub_copy,
    set_aside_databases,
    write_fsynced_copy,
)
from testimony_app.storage.vault import OpenVault

log = get_logger("services.handover")

__all__ = [
    "Handover",
    "HandoverReport",
    "HandoverService",
    "HighRiskSetting",
    "OutboxEntry",
    "SentBundle",
]

_MODE = "high_risk_mode"
_DELAY = "high_risk_delay_hours"
MAX_DELAY_HOURS = 24


def _no_checkpoint(step: str) -> None:
    """Where a test may stop the process (tests/adversarial/test_handover_crash.py)."""


# A seam for the crash test: called with the name of each step just completed.
checkpoint: Callable[[str], None] = _no_checkpoint


@dataclass(frozen=True)
class HighRiskSetting:
    """Whether high-risk mode is on, and after how many hours a sealed record goes by itself."""

    enabled: bool
    delay_hours: int


@dataclass(frozen=True)
class HandoverReport:
    """A hand-over done: the bundle in the outbox, the records the laptop no longer holds."""

    bundle_id: str
    sha256: str
    size: int
    records: tuple[HandedRecord, ...]
    redacted: tuple[str, ...]
    """Records that went as the redacted copy (the witness's name may not appear)."""
    scrubbed: bool
    """False when the backups could not yet be replaced (the next unlock tries again)."""


@dataclass(frozen=True)
class SentBundle:
    """One outbox bundle copied out: where, and whether that copy was already there."""

    bundle_id: str
    path: Path
    already_there: bool


class HandoverService:
    """High-risk mode for one unlocked vault (``session.handover``)."""

    def __init__(self, vault: OpenVault, bundles: BundleService) -> None:
        self._vault = vault
        self._bundles = bundles
        self.outbox = Outbox(vault.db, vault.path, vault.now)

    # -- the setting ---------------------------------------------------------------------------

    def setting(self) -> HighRiskSetting:
        """High-risk mode's state (off, with no delay, until turned on)."""
        enabled = self._vault.get_setting(_MODE, "off") == "on"
        try:
            delay = int(self._vault.get_setting(_DELAY, "0") or "0")
        except ValueError:
            delay = 0
        return HighRiskSetting(enabled, min(max(delay, 0), MAX_DELAY_HOURS))

    def set_mode(self, enabled: bool, delay_hours: int | None = None) -> HighRiskSetting:
        """Turn high-risk mode on (an organisation must be enrolled) or off.

        Turning it off hands nothing back: what was handed over stays with the organisation.
        """
        if enabled and self._bundles.enrolment() is None:
            raise UserFacingError("handover.needs_enrolment")
        if delay_hours is not None and not 0 <= delay_hours <= MAX_DELAY_HOURS:
            raise UserFacingError("handover.delay_out_of_range", most=MAX_DELAY_HOURS)
        current = self.setting()
        delay = current.delay_hours if delay_hours is None else delay_hours
        with self._vault.db.transaction() as conn:
            for key, value in ((_MODE, "on" if enabled else "off"), (_DELAY, str(delay))):
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
            if enabled != current.enabled:
                audit.append(
                    conn,
                    at=self._vault.now(),
                    action="high-risk-on" if enabled else "high-risk-off",
                    record_id="",
                    version=0,
                    payload_sha256="",
                )
        return HighRiskSetting(enabled, delay)

    # -- what is handed over -------------------------------------------------------------------

    def handover_of(self, record_id: str) -> Handover | None:
        """What the laptop keeps of a handed-over record, or ``None`` while it holds it."""
        return self.outbox.handover(record_id)

    def handed_over(self) -> dict[str, Handover]:
        """Every handed-over record, by id."""
        return self.outbox.handovers()

    def count_handed_over(self) -> int:
        """How many records search cannot look into (only the organisation holds them)."""
        return self.outbox.count_handed_over()

    def waiting(self) -> builtins.list[str]:
        """Records that could be handed over now: newest version sealed, not handed over."""
        return [record_id for record_id, _ in self.outbox.sealed_waiting()]

    def due(self, now: datetime | None = None) -> builtins.list[str]:
        """Records whose delay has passed since they were sealed (none while the mode is off)."""
        setting = self.setting()
        if not setting.enabled:
            return []
        moment = now or datetime.now(UTC)
        delay = timedelta(hours=setting.delay_hours)
        late = []
        for record_id, sealed_at in self.outbox.sealed_waiting():
            try:
                when = datetime.strptime(sealed_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            except ValueError:
                when = moment
            if when + delay <= moment:
                late.append(record_id)
        if not late:
            return []
        # A record the witness's consent keeps from the organisation never falls due (it would
        # stop every other record of the same hand-over).
        sendable = {
            c.record_id for c in self._bundles.plan_export(late).candidates if c.reason is None
        }
        return [r for r in late if r in sendable]

    # -- the hand-over -------------------------------------------------------------------------

    def hand_over(
        self,
        record_ids: Sequence[str],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        *,
        keep_doubtful: bool = False,
    ) -> HandoverReport:
        """Hand over ``record_ids`` in one bundle (see the module documentation).

        Refuses, with one sentence and nothing changed, when high-risk mode is off, no
        organisation is enrolled, or any record cannot go (a draft, already handed over, no
        consent to send it): a hand-over is all or nothing. A record that goes redacted needs
        the interviewer's decision about its doubtful words, as an export does (the stored
        review, or ``keep_doubtful``).
        """
        if not self.setting().enabled:
            raise UserFacingError("handover.mode_off")
        enrolment = self._bundles.enrolment()
        if enrolment is None:
            raise UserFacingError("handover.needs_enrolment")
        self.recover()
        plan, kept = self._plan(record_ids, enrolment)
        self._bundles.decide_redactions(plan, {}, keep_doubtful)
        checkpoint("planned")
        folder = self.outbox.ensure_folder()
        target = folder / neutral_bundle_name()
        written, _exported, versions = self._bundles.write_planned(
            target, plan, enrolment.recipients, progress, cancelled
        )
        checkpoint("written")
        try:
            # Read back from the disk, once more after the writer's own check: the file in
            # the outbox is the file whose hash the ledger and the receipt will name.
            digest, size = file_sha256(written.path)
            if digest != written.sha256 or size != written.size:
                raise UserFacingError("handover.readback_failed")
            checkpoint("verified")
            self.outbox.commit_handover(
                file=written.path,
                bundle_id=written.bundle_id,
                sha256=written.sha256,
                size=written.size,
                created_at=written.manifest.created_at,
                recipients=enrolment.recipients,
                versions=versions,
                records=kept,
            )
        except BaseException:
            # Not committed: the record is still here, so no bundle may stay either.
            with contextlib.suppress(OSError):
                written.path.unlink()
            raise
        checkpoint("committed")
        scrubbed = self._scrub()
        return HandoverReport(
            bundle_id=written.bundle_id,
            sha256=written.sha256,
            size=written.size,
            records=tuple(kept),
            redacted=tuple(p.record_id for p in plan if p.redacted),
            scrubbed=scrubbed,
        )

    def hand_over_all_sealed(
        self,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        *,
        keep_doubtful: bool = False,
    ) -> HandoverReport:
        """Hand over every record whose newest version is sealed, still held here, and which
        the witness's consent lets go to the organisation (the others stay, as in an export)."""
        waiting = self.waiting()
        sendable = [
            c.record_id for c in self._bundles.plan_export(waiting).candidates
            if c.reason is None
        ] if waiting else []
        if not sendable:
            raise UserFacingError("handover.nothing_sealed")
        return self.hand_over(sendable, progress, cancelled, keep_doubtful=keep_doubtful)

    def _plan(
        self, record_ids: Sequence[str], enrolment: Enrolment
    ) -> tuple[builtins.list[Planned], builtins.list[HandedRecord]]:
        records = self._vault.records
        ids = list(dict.fromkeys(records.resolve(r) for r in record_ids))
        if not ids:
            raise UserFacingError("handover.nothing_sealed")
        candidates = {c.record_id: c for c in self._bundles.plan_export(ids).candidates}
        plan: builtins.list[Planned] = []
        kept: builtins.list[HandedRecord] = []
        for record_id in ids:
            if self.outbox.handover(record_id) is not None:
                raise UserFacingError("handover.already")
            if self._bundles.is_purged(record_id):
                raise UserFacingError("handover.already_purged")
            info = records.info(record_id)
            if info.draft:
                raise UserFacingError("handover.not_sealed")
            candidate = candidates[record_id]
            if candidate.reason is not None:
                raise UserFacingError("handover.no_consent")
            sealed = [v for v in info.versions if v.sealed]
            latest = sealed[-1]
            testimony = records.get(record_id, latest.number)
            # Every sealed version goes: the laptop keeps none of them afterwards, and a
            # bundle of an earlier export may never reach the organisation.
            plan.append(
                Planned(record_id, candidate.label, [v.number for v in sealed],
                         candidate.redacted)
            )
            kept.append(
                HandedRecord(
                    record_id,
                    latest.number,
                    latest.content_sha256,
                    testimony.witness.pseudonym.strip(),
                    testimony.interview.date,
                )
            )
        return plan, kept

    # -- after the commit ----------------------------------------------------------------------

    def _scrub(self) -> bool:
        """Files, free pages, WAL and backups: no readable copy of what was handed over.

        Returns False when the backups could not be replaced; the mark stays and the next
        unlock (or hand-over) tries again.
        """
        self.outbox.empty_trash()
        checkpoint("trash")
        self._vault.compact()
        checkpoint("compacted")
        self._scrub_set_aside()
        try:
            self._vault.replace_backups()
        except (UserFacingError, OSError):
            log.warning("the backups could not be replaced after a hand-over")
            return False
        checkpoint("backups")
        self.outbox.scrub_done()
        seq, head = audit.head(self._vault.db)
        with contextlib.suppress(UserFacingError, OSError):
            self._vault.record_export_anchor(seq, head)
        checkpoint("done")
        return True

    def _scrub_set_aside(self) -> None:
        """Databases a restore set aside: the handed-over records' content goes from them too,
        whether or not the backup replacement then deletes them."""
        handed = list(self.outbox.handovers().values())
        for aside in set_aside_databases(self._vault.path):
            try:
                db = self._vault.open_copy(aside)
            except (UserFacingError, OSError):
                log.warning("a set-aside database could not be opened to scrub it")
                continue
            try:
                scrub_copy(db, handed, self._vault.now())
            except (UserFacingError, OSError, DatabaseError):
                log.warning("a set-aside database could not be scrubbed")
            finally:
                db.close()

    def recover(self) -> None:
        """At unlock: delete outbox files no committed hand-over names, finish a scrub."""
        if getattr(self._vault, "read_only", False):
            return
        self.outbox.remove_strays()
        if self.outbox.scrub_pending():
            self._scrub()

    # -- the outbox ----------------------------------------------------------------------------

    def outbox_entries(self) -> builtins.list[OutboxEntry]:
        """Bundles waiting for the organisation's receipt, oldest first."""
        return self.outbox.entries()

    def send_outbox(self, folder: Path) -> builtins.list[SentBundle]:
        """Copy every bundle of the outbox into ``folder`` (a stick); they stay in the outbox.

        Each copy is written under a temporary name, synced, renamed and read back; one
        already there with the same hash is left as it is.
        """
        folder = Path(folder)
        if not folder.is_dir():
            raise UserFacingError("handover.no_folder")
        sent = []
        damaged = {e.bundle_id for e in self.outbox.missing_files()}
        for entry in self.outbox.entries():
            if entry.bundle_id in damaged:
                raise UserFacingError("handover.outbox_damaged")
            dest = folder / entry.file
            already = False
            if dest.exists():
                with contextlib.suppress(OSError):
                    already = file_sha256(dest) == (entry.sha256, entry.size)
                if not already:
                    raise UserFacingError("handover.destination_taken")
            if not already:
                try:
                    write_fsynced_copy(self.outbox.path_of(entry), dest)
                    copied = file_sha256(dest)
                except OSError:
                    raise UserFacingError("handover.copy_failed") from None
                if copied != (entry.sha256, entry.size):
                    dest.unlink(missing_ok=True)
                    raise UserFacingError("handover.copy_failed")
            self.outbox.mark_sent(entry.bundle_id, entry.sha256)
            sent.append(SentBundle(entry.bundle_id, dest, already))
        return sent
