"""Import receipt…: check the organisation's signed receipt, say what became of each record.

A receipt is the organisation's signed statement of which record versions of one bundle it
holds *complete* (it hashed them itself), and which only as redacted copies.
``session.bundles.acknowledge`` checks the signature against the key pinned at enrolment
before it reads anything, and marks the complete ones acknowledged (task runner). The dialog
then lists every record of the bundle with what became of it — can be purged, purged, or
kept on this laptop and why (sent redacted only, an amendment open, not in the receipt) —
and what would resolve it, so that an interviewer about to cross a checkpoint knows what the
laptop still holds. It offers to **purge** the records the organisation holds complete: what
is not on the laptop cannot be taken from it. Purging keeps each record's id and hashes, is
confirmed through the prompts seam (the safe answer is the default), and runs off the GUI
thread too (it compacts the vault and replaces the backups, which takes a moment).

Witnesses appear only by their list label (initials or pseudonym), never by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from testimony_app import words
from testimony_app.log import get_logger
from testimony_app.services.bundles import AckReport, PurgeReport, RecordFate
from testimony_app.ui.bundle_texts import short_id
from testimony_app.ui.i18n import format_date
from testimony_app.ui.prompts import Prompts, prompts_for
from testimony_app.ui.session_op import SessionOp
from testimony_app.ui.tasks import TaskRunner, show_error

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession

_log = get_logger("ui.receipt")

SessionProvider = Callable[[], "VaultSession | None"]

@dataclass(frozen=True)
class Acknowledgement:
    """A verified receipt, with the list labels of the records it names."""

    report: AckReport
    labels: dict[str, str]


def acknowledge_receipt(session: VaultSession, path: Path) -> Acknowledgement:
    """Verify the receipt and mark what it names (worker thread)."""
    report = session.bundles.acknowledge(path)
    labels = {s.id: s.witness_label for s in session.testimonies.list()}
    return Acknowledgement(report, labels)


class ReceiptDialog(QDialog):
    """What a receipt acknowledged, and the purge it allows.

    Signals:
        acknowledged(int): a receipt verified; how many versions it newly acknowledged.
        purged(int): how many testimonies lost their content.
    """

    acknowledged = Signal(int)
    """A receipt was verified; the number of versions newly acknowledged."""
    purged = Signal(int)
    """The number of testimonies whose content was deleted from this laptop."""

    PAGE_BUSY, PAGE_RESULT = range(2)

    def __init__(
        self,
        session_provider: SessionProvider,
        runner: TaskRunner,
        *,
        prompts: Prompts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiptDialog")
        self.setModal(True)
        if prompts is not None:
            self.prompts = prompts
        self.ops = SessionOp(self, session_provider, runner)
        self._working = False
        self._ack: Acknowledgement | None = None
        self._purge: PurgeReport | None = None

        busy = QWidget(self)
        self.busy_label = QLabel(busy)
        self.busy_label.setObjectName("receiptBusyLabel")
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_label.setWordWrap(True)
        bar = QProgressBar(busy)
        bar.setObjectName("receiptBusy")
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setFixedWidth(240)
        busy_layout = QVBoxLayout(busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(2)

        result = QWidget(self)
        self.summary = QLabel(result)
        self.summary.setObjectName("receiptSummary")
        self.summary.setWordWrap(True)
        self.records_caption = QLabel(result)
        self.records_caption.setObjectName("receiptRecordsCaption")
        self.records_caption.setWordWrap(True)
        self.records_list = QListWidget(result)
        self.records_list.setObjectName("receiptRecords")
        self.records_list.setWordWrap(True)
        self.records_list.setSpacing(4)
        self.records_list.setAlternatingRowColors(True)
        self.purge_note = QLabel(result)
        self.purge_note.setObjectName("purgeExplanation")
        self.purge_note.setWordWrap(True)
        self.purge_result = QLabel(result)
        self.purge_result.setObjectName("purgeResult")
        self.purge_result.setWordWrap(True)
        self.purge_button = QPushButton(result)
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.setAutoDefault(False)
        self.close_button = QPushButton(result)
        self.close_button.setObjectName("receiptCloseButton")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.purge_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(result)
        layout.addWidget(self.summary)
        layout.addWidget(self.records_caption)
        layout.addWidget(self.records_list, 1)
        layout.addWidget(self.purge_note)
        layout.addWidget(self.purge_result)
        layout.addLayout(buttons)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("receiptPages")
        self.pages.addWidget(busy)
        self.pages.addWidget(result)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

        self.purge_button.clicked.connect(self.purge)
        self.close_button.clicked.connect(self.accept)
        self.resize(640, 520)
        self.retranslate()

    # -- public -------------------------------------------------------------------------------

    @property
    def acknowledgement(self) -> Acknowledgement | None:
        """What the verified receipt acknowledged."""
        return self._ack

    @property
    def purge_report(self) -> PurgeReport | None:
        """What the purge deleted and kept."""
        return self._purge

    @property
    def working(self) -> bool:
        """True while the dialog waits for the task runner."""
        return self._working

    def choose_receipt(self) -> bool:
        """Ask for the receipt file and check it; False if the user chose none."""
        chosen = prompts_for(self).open_paths(
            self,
            self.tr("Choose the organisation's receipt"),
            self.tr("Receipts (*.txt *.receipt);;All files (*)"),
            multiple=False,
        )
        if not chosen:
            return False
        self.acknowledge(chosen[0])
        return True

    def acknowledge(self, path: Path) -> None:
        """Verify the receipt at ``path`` and mark what it names (off the GUI thread)."""
        if self._working:
            return
        if self.ops.submit(
            lambda s: acknowledge_receipt(s, path), self._acknowledged, self._failed
        ):
            self._set_working(True, self.tr("Checking the receipt's signature…"))

    @Slot()
    def purge(self) -> None:
        """After a confirmation, delete the content of what the organisation holds complete."""
        ids = self._purgeable()
        if self.ops.session() is None or self._ack is None or self._working or not ids:
            return
        if not prompts_for(self).confirm(
            self,
            self.tr("Purge from this laptop"),
            self.tr(
                "Delete the content of %n testimony(ies) from this laptop? The organisation "
                "holds them. Only their ids and hashes stay here, and this cannot be undone.",
                "",
                len(ids),
            ),
            ok_label=self.tr("Purge"),
            destructive=True,
        ):
            return
        if self.ops.submit(lambda s: s.bundles.purge(ids), self._purged, self._failed):
            self._set_working(True, self.tr("Deleting the content and writing a fresh backup…"))

    # -- callbacks ----------------------------------------------------------------------------

    def _acknowledged(self, ack: Acknowledgement) -> None:
        self._ack = ack
        self._purge = None
        _log.info(
            "receipt verified: %d version(s) newly acknowledged", len(ack.report.acknowledged)
        )
        self._set_working(False)
        self._show_result()
        self.acknowledged.emit(len(ack.report.acknowledged))

    def _purged(self, report: PurgeReport) -> None:
        self._purge = report
        _log.info("purge: %d record(s) purged, %d kept", len(report.purged), len(report.kept))
        self._set_working(False)
        self._show_result()
        self.purged.emit(len(report.purged))

    def _failed(self, exc: BaseException) -> None:
        self._set_working(False)
        self._show_result()
        show_error(self, exc)

    # -- showing ------------------------------------------------------------------------------

    def _purgeable(self) -> list[str]:
        return [f.record_id for f in self.fates() if f.state == "purgeable"]

    def fates(self) -> list[RecordFate]:
        """What became of each record of the bundle, after the purge if there was one."""
        if self._ack is None:
            return []
        report = self._purge
        if report is None:
            return list(self._ack.report.records)
        done = set(report.purged)
        later = {f.record_id: f for f in report.kept}
        return [
            RecordFate.of(f.record_id, f.label, f.versions, "purged", "")
            if f.record_id in done
            else later.get(f.record_id, f)
            for f in self._ack.report.records
        ]

    def _label(self, record_id: str, label: str = "") -> str:
        labels = self._ack.labels if self._ack is not None else {}
        return (
            self.tr("%1 (record %2)")
            .replace("%1", label or labels.get(record_id) or "—")
            .replace("%2", short_id(record_id))
        )

    def _set_working(self, working: bool, text: str = "") -> None:
        self._working = working
        if working:
            self.busy_label.setText(text)
            self.pages.setCurrentIndex(self.PAGE_BUSY)
        else:
            self.pages.setCurrentIndex(self.PAGE_RESULT)
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self._purgeable())
        self.purge_button.setVisible(count > 0)
        self.purge_button.setEnabled(count > 0 and not self._working)
        self.purge_button.setText(self.tr("&Purge %n testimony(ies) from this laptop…", "", count))

    def _show_result(self) -> None:
        ack = self._ack
        self.records_list.clear()
        if ack is None:
            self.summary.setText(self.tr("No receipt has been checked yet."))
            for widget in (
                self.records_caption,
                self.records_list,
                self.purge_note,
                self.purge_result,
            ):
                widget.setVisible(False)
            self._update_buttons()
            return
        report = ack.report
        self.summary.setText(
            self.tr(
                "The receipt is genuine: the organisation confirms it received bundle %1 on %2."
            )
            .replace("%1", short_id(report.bundle_id))
            .replace("%2", format_date(report.received_at[:10]) if report.received_at else "—")
        )
        for fate in self.fates():
            item = QListWidgetItem(self._fate_text(fate), self.records_list)
            item.setIcon(self._fate_icon(fate.state))
            item.setData(Qt.ItemDataRole.UserRole, fate.record_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fate.state)
        self.records_caption.setVisible(True)
        self.records_list.setVisible(True)
        self.purge_note.setVisible(bool(self._purgeable()))
        self._show_purge()
        self._update_buttons()

    def _fate_icon(self, state: str) -> QIcon:
        """A mark beside each record: kept ones must catch the eye before a checkpoint."""
        pixmap = {
            "kept": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "purgeable": QStyle.StandardPixmap.SP_DialogApplyButton,
            "purged": QStyle.StandardPixmap.SP_TrashIcon,
        }[state]
        return self.style().standardIcon(pixmap)

    def _fate_text(self, fate: RecordFate) -> str:
        """Three short lines: the record and its state, why, and what resolves it."""
        versions = ", ".join(str(n) for n in fate.versions)
        state = {
            "purgeable": self.tr("can be purged from this laptop"),
            "purged": self.tr("purged: its content is no longer on this laptop"),
            "kept": self.tr("KEPT on this laptop"),
        }[fate.state]
        head = (
            # The count only chooses "version" or "versions" (versiya/versiyalar, версия/версии).
            self.tr("%1, version(s) %2: %3", "", len(fate.versions))
            .replace("%1", self._label(fate.record_id, fate.label))
            .replace("%2", versions)
            .replace("%3", state)
        )
        if fate.state == "purged" and fate.reason != "already_purged":
            return head + "\n" + self.tr("Its id and hashes stay, as proof of what was sent.")
        # Why and what to do: the services catalogue's words (receipt.fate_*, receipt.action_*),
        # in the interface language, the same the command line says.
        lines = [head, words.text(fate.why)]
        if fate.state == "kept" and fate.action is not None:
            lines.append(self.tr("What to do: %1").replace("%1", words.text(fate.action)))
        return "\n".join(lines)

    def _show_purge(self) -> None:
        report = self._purge
        if report is None:
            self.purge_result.setVisible(False)
            return
        text = self.tr("%n testimony(ies) deleted from this laptop.", "", len(report.purged))
        if report.purged:
            text += " " + self.tr(
                "A fresh encrypted backup replaced the older ones, which still held the content."
            )
        if report.kept_aside:
            text += " " + self.tr(
                "A copy of the database that a restore set aside was kept, because it holds "
                "something the vault does not: %1"
            ).replace("%1", ", ".join(p.name for p in report.kept_aside))
        self.purge_result.setText(text)
        self.purge_result.setVisible(True)

    # -- closing and translation ----------------------------------------------------------------

    def done(self, result: int) -> None:
        """Forget what was shown (the lock closes every dialog); later answers are dropped."""
        self.ops.close()
        self.records_list.clear()
        super().done(result)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Organisation's receipt"))
        self.records_caption.setText(self.tr("What became of each testimony in the bundle:"))
        self.purge_note.setText(
            self.tr(
                "Purging deletes the testimonies' text, names and attachments from this laptop "
                "and keeps only each record's id and the hashes that prove what the "
                "organisation received."
            )
        )
        self.close_button.setText(self.tr("Close"))
        if self.ops.alive:
            self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
