"""The export's last page: what was exported, what was withheld and why, and the bundle's hash.

Witnesses appear by their list label (pseudonym or initials), never by name; the hash is the
one the organisation should compute for the bundle it receives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app import words
from testimony_app.services.bundles import ExportedRecord, ExportReport, NothingToExport, Withheld
from testimony_app.ui.bundle_texts import short_id
from testimony_app.ui.i18n import format_size
from testimony_app.ui.statement_dialog import monospace_font
from testimony_app.ui.testimony_table import language_label
from testimony_app.words import Message

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession


@dataclass(frozen=True)
class ExportOutcome:
    """What an export ended with: a report, or the reasons nothing could go."""

    report: ExportReport | None
    withheld: tuple[Withheld, ...]
    message: Message | None
    """Why nothing was exported (``None`` when a bundle was written)."""
    outbox: tuple[Path, ...] = ()
    """High-risk mode: the outbox bundles copied beside the bundle (they stay in the outbox)."""


def run_export(
    session: VaultSession,
    dest: Path,
    record_ids: Sequence[str],
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> ExportOutcome:
    """The export itself (worker thread). "Nothing to export" is an outcome, not an error.

    The outbox of high-risk mode goes first, into the same folder: every export carries it.
    """
    sent = tuple(s.path for s in session.handover.send_outbox(dest.parent))
    if not record_ids:
        return ExportOutcome(None, (), None, sent)
    try:
        report = session.bundles.export(
            dest, record_ids=list(record_ids), progress=progress, cancelled=cancelled
        )
    except NothingToExport as exc:
        return ExportOutcome(None, exc.withheld, exc.message, sent)
    return ExportOutcome(report, report.withheld, None, sent)


class ExportResultPage(QWidget):
    """The summary, the hash, the exported and the withheld testimonies, and Close.

    Signals:
        close_requested(): Close was pressed.
    """

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportResultPage")
        self._outcome: ExportOutcome | None = None
        self._labels: dict[str, str] = {}
        self.done_summary = QLabel(self)
        self.done_summary.setObjectName("exportSummary")
        self.done_summary.setWordWrap(True)
        self.done_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_caption = QLabel(self)
        self.bundle_hash = QLabel(self)
        self.bundle_hash.setObjectName("exportBundleHash")
        self.bundle_hash.setFont(monospace_font())
        self.bundle_hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bundle_hash.setWordWrap(True)
        self.exported_caption = QLabel(self)
        self.exported_list = QListWidget(self)
        self.exported_list.setObjectName("exportedList")
        self.exported_list.setWordWrap(True)
        self.withheld_caption = QLabel(self)
        self.withheld_list = QListWidget(self)
        self.withheld_list.setObjectName("withheldList")
        self.withheld_list.setWordWrap(True)
        self.done_close = QPushButton(self)
        self.done_close.setObjectName("exportDoneButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.done_summary)
        layout.addWidget(self.hash_caption)
        layout.addWidget(self.bundle_hash)
        layout.addWidget(self.exported_caption)
        layout.addWidget(self.exported_list, 1)
        layout.addWidget(self.withheld_caption)
        layout.addWidget(self.withheld_list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done_close)
        layout.addLayout(row)
        self.done_close.clicked.connect(self.close_requested)
        self.retranslate()

    def clear(self) -> None:
        """Nothing shown (the dialog closes)."""
        self._outcome, self._labels = None, {}
        self.exported_list.clear()
        self.withheld_list.clear()

    def show_outcome(self, outcome: ExportOutcome, labels: dict[str, str]) -> None:
        """What went (with the bundle's hash) and what was withheld, and why."""
        self._outcome, self._labels = outcome, labels
        report = outcome.report
        self.exported_list.clear()
        self.withheld_list.clear()
        if report is not None:
            self.done_summary.setText(
                self.tr(
                    "The bundle was written, read back and checked: %n testimony(ies), %1, in %2",
                    "",
                    len(report.exported),
                )
                .replace("%1", format_size(report.size))
                .replace("%2", str(report.path))
            )
            self.bundle_hash.setText(report.sha256)
            for record in report.exported:
                QListWidgetItem(self._exported_text(record), self.exported_list)
        elif outcome.message:
            self.done_summary.setText(words.text(outcome.message))
            self.bundle_hash.setText("")
        else:
            self.done_summary.setText("")
            self.bundle_hash.setText("")
        if outcome.outbox:
            outbox = self.tr(
                "%n bundle(s) from the outbox (handed-over testimonies) copied to %1; they stay"
                " in the outbox until the organisation's receipt names them.",
                "",
                len(outcome.outbox),
            ).replace("%1", str(outcome.outbox[0].parent))
            summary = self.done_summary.text()
            self.done_summary.setText(f"{summary}\n\n{outbox}" if summary else outbox)
        for item in outcome.withheld:
            label = item.label or labels.get(item.record_id, "")
            QListWidgetItem(
                self.tr("%1 (record %2): %3")
                .replace("%1", label or "—")
                .replace("%2", short_id(item.record_id))
                .replace("%3", words.text(item.reason)),
                self.withheld_list,
            )
        has_bundle = report is not None
        for widget in (self.hash_caption, self.bundle_hash, self.exported_caption):
            widget.setVisible(has_bundle)
        self.exported_list.setVisible(has_bundle)
        self.withheld_caption.setVisible(bool(outcome.withheld))
        self.withheld_list.setVisible(bool(outcome.withheld))

    def _exported_text(self, record: ExportedRecord) -> str:
        versions = ", ".join(str(v) for v in record.versions)
        if len(record.versions) == 1:
            text = self.tr("%1 (record %2): version %3")
        else:
            text = self.tr("%1 (record %2): versions %3")
        text = (
            text.replace("%1", record.label or "—")
            .replace("%2", short_id(record.record_id))
            .replace("%3", versions)
        )
        text += " · " + self.tr("statement in %1").replace(
            "%1", language_label(record.statement_language)
        )
        if record.redacted:
            text += " · " + self.tr("redacted: the witness's name may not appear")
        if record.attachments:
            text += " · " + self.tr("%n attachment(s)", "", record.attachments)
        return text

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.hash_caption.setText(
            self.tr("SHA-256 of the bundle (the organisation should get the same):")
        )
        self.exported_caption.setText(self.tr("Exported:"))
        self.withheld_caption.setText(self.tr("Withheld, and why:"))
        self.done_close.setText(self.tr("Close"))
        if self._outcome is not None:
            self.show_outcome(self._outcome, self._labels)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
