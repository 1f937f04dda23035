"""Import receipt…: check the organisation's signed receipt, then offer to purge the laptop.

A receipt is the organisation's signed statement that it holds the record versions of one
bundle. ``session.bundles.acknowledge`` checks the signature against the key pinned at
enrolment before it reads anything, and marks the versions acknowledged (task runner). The
dialog then says which testimonies the organisation now holds and offers to **purge** their
content from this laptop: what is not on the laptop cannot be taken from it at a checkpoint.
Purging keeps each record's id and hashes, is confirmed through the prompts seam (the safe
answer is the default), and runs off the GUI thread too (it compacts the vault and replaces the
backups, which takes a moment).

Witnesses appear only by their list label (initials or pseudonym), never by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from testimony_app.log import get_logger
from testimony_app.services.bundles import AckReport, PurgeReport
from testimony_app.ui.bundle_texts import reason_text, short_id
from testimony_app.ui.i18n import format_date
from testimony_app.ui.prompts import Prompts, prompts_for
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
        self._session_provider = session_provider
        self._runner = runner
        self._closed = False
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
        self.acknowledged_list = QListWidget(result)
        self.acknowledged_list.setObjectName("acknowledgedList")
        self.acknowledged_list.setWordWrap(True)
        self.missing_caption = QLabel(result)
        self.missing_caption.setWordWrap(True)
        self.missing_list = QListWidget(result)
        self.missing_list.setObjectName("notAcknowledgedList")
        self.purge_note = QLabel(result)
        self.purge_note.setObjectName("purgeExplanation")
        self.purge_note.setWordWrap(True)
        self.purge_result = QLabel(result)
        self.purge_result.setObjectName("purgeResult")
        self.purge_result.setWordWrap(True)
        self.purged_list = QListWidget(result)
        self.purged_list.setObjectName("purgedList")
        self.purged_list.setWordWrap(True)
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
        layout.addWidget(self.acknowledged_list, 2)
        layout.addWidget(self.missing_caption)
        layout.addWidget(self.missing_list, 1)
        layout.addWidget(self.purge_note)
        layout.addWidget(self.purge_result)
        layout.addWidget(self.purged_list, 1)
        layout.addLayout(buttons)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("receiptPages")
        self.pages.addWidget(busy)
        self.pages.addWidget(result)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

        self.purge_button.clicked.connect(self.purge)
        self.close_button.clicked.connect(self.accept)
        self.resize(600, 500)
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
        session = self._session_provider()
        if session is None or self._working:
            return
        self._set_working(True, self.tr("Checking the receipt's signature…"))
        self._runner.submit(
            lambda: acknowledge_receipt(session, path), self._acknowledged, self._failed
        )

    @Slot()
    def purge(self) -> None:
        """After a confirmation, delete the content of what the organisation now holds."""
        session = self._session_provider()
        ack = self._ack
        if session is None or ack is None or self._working or not self._purgeable():
            return
        # Every record the receipt names goes to the purge; the service keeps (and says why)
        # any that must stay, such as one the organisation holds only redacted.
        ids = self._purgeable()
        named = list(
            dict.fromkeys(r for r, _ in ack.report.acknowledged + ack.report.already_acknowledged)
        )
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
        self._set_working(True, self.tr("Deleting the content and writing a fresh backup…"))
        self._runner.submit(lambda: session.bundles.purge(named), self._purged, self._failed)

    # -- callbacks ----------------------------------------------------------------------------

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and not self._closed

    def _acknowledged(self, ack: Acknowledgement) -> None:
        if not self._alive():
            return
        self._ack = ack
        self._purge = None
        _log.info(
            "receipt verified: %d version(s) newly acknowledged", len(ack.report.acknowledged)
        )
        self._set_working(False)
        self._show_result()
        self.acknowledged.emit(len(ack.report.acknowledged))

    def _purged(self, report: PurgeReport) -> None:
        if not self._alive():
            return
        self._purge = report
        _log.info("purge: %d record(s) purged, %d kept", len(report.purged), len(report.kept))
        self._set_working(False)
        self._show_result()
        self.purged.emit(len(report.purged))

    def _failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._set_working(False)
        self._show_result()
        show_error(self, exc)

    # -- showing ------------------------------------------------------------------------------

    def _purgeable(self) -> list[str]:
        if self._ack is None:
            return []
        done = set(self._purge.purged) if self._purge is not None else set()
        return [r for r in self._ack.report.purgeable if r not in done]

    def _label(self, record_id: str) -> str:
        labels = self._ack.labels if self._ack is not None else {}
        return (
            self.tr("%1 (record %2)")
            .replace("%1", labels.get(record_id) or "—")
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
        self.acknowledged_list.clear()
        self.missing_list.clear()
        self.purged_list.clear()
        if ack is None:
            self.summary.setText(self.tr("No receipt has been checked yet."))
            for widget in (
                self.acknowledged_list,
                self.missing_caption,
                self.missing_list,
                self.purge_note,
                self.purge_result,
                self.purged_list,
            ):
                widget.setVisible(False)
            self._update_buttons()
            return
        report = ack.report
        self.summary.setText(
            self.tr(
                "The receipt is genuine: the organisation confirms it received bundle %1 on %2 "
                "and holds these testimonies."
            )
            .replace("%1", short_id(report.bundle_id))
            .replace("%2", format_date(report.received_at[:10]) if report.received_at else "—")
        )
        for record_id, version in report.acknowledged:
            QListWidgetItem(
                self.tr("%1, version %2: acknowledged now")
                .replace("%1", self._label(record_id))
                .replace("%2", str(version)),
                self.acknowledged_list,
            )
        for record_id, version in report.already_acknowledged:
            QListWidgetItem(
                self.tr("%1, version %2: already acknowledged by an earlier receipt")
                .replace("%1", self._label(record_id))
                .replace("%2", str(version)),
                self.acknowledged_list,
            )
        self.acknowledged_list.setVisible(True)
        for record_id, version in report.not_acknowledged:
            QListWidgetItem(
                self.tr("%1, version %2")
                .replace("%1", self._label(record_id))
                .replace("%2", str(version)),
                self.missing_list,
            )
        missing = bool(report.not_acknowledged)
        self.missing_caption.setVisible(missing)
        self.missing_list.setVisible(missing)
        self.purge_note.setVisible(bool(report.purgeable) and self._purge is None)
        self._show_purge()
        self._update_buttons()

    def _show_purge(self) -> None:
        report = self._purge
        if report is None:
            self.purge_result.setVisible(False)
            self.purged_list.setVisible(False)
            return
        text = self.tr("%n testimony(ies) deleted from this laptop.", "", len(report.purged))
        if report.purged:
            text += " " + self.tr(
                "A fresh encrypted backup replaced the older ones, which still held the content."
            )
        self.purge_result.setText(text)
        for record_id in report.purged:
            QListWidgetItem(
                self.tr("%1: deleted; id and hashes kept").replace("%1", self._label(record_id)),
                self.purged_list,
            )
        for kept in report.kept:
            QListWidgetItem(
                self.tr("%1: %2")
                .replace("%1", self._label(kept.record_id))
                .replace("%2", reason_text(kept.reason)),
                self.purged_list,
            )
        self.purge_result.setVisible(True)
        self.purged_list.setVisible(True)

    # -- closing and translation ----------------------------------------------------------------

    def done(self, result: int) -> None:
        """Forget what was shown (the lock closes every dialog)."""
        self._closed = True
        for widget in (self.acknowledged_list, self.missing_list, self.purged_list):
            widget.clear()
        super().done(result)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Organisation's receipt"))
        self.missing_caption.setText(
            self.tr(
                "The receipt does not name these versions; they stay on this laptop, marked "
                "as sent:"
            )
        )
        self.purge_note.setText(
            self.tr(
                "Purging deletes the testimonies' text, names and attachments from this laptop "
                "and keeps only each record's id and the hashes that prove what the "
                "organisation received."
            )
        )
        self.close_button.setText(self.tr("Close"))
        if not self._closed:
            self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
