"""The export's choice: where the bundle goes, which laptop signs it, and the testimonies to send.

Why a page of its own: it is the one page of the export where the interviewer decides. It shows
the organisation the bundle is for (name and fingerprint) and this laptop's fingerprint, and
lists the sealed testimonies not yet sent, each ticked, with the reason the export itself would
withhold it (greyed, with the reason below and in the tooltip) — the reasons come from the
service's export plan, never worked out here. Witnesses appear only by their list label
(initials or pseudonym). The dialog (:mod:`~testimony_app.ui.export_dialog`) does the vault work.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from testimony_app import words
from testimony_app.services.bundles import Enrolment, ExportCandidate, ExportPlan
from testimony_app.ui.bundle_texts import short_id
from testimony_app.ui.i18n import format_date


class ChoosePage(QWidget):
    """The candidates with check boxes, Select all / none, Export… and Close.

    Signals:
        export_clicked(): Export… was pressed.
        close_clicked(): Close was pressed.
        selection_changed(): a tick changed.
    """

    export_clicked = Signal()
    close_clicked = Signal()
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportChoosePage")
        self._plan: ExportPlan | None = None
        self.destination_label = QLabel(self)
        self.destination_label.setObjectName("exportOrganisation")
        self.destination_label.setWordWrap(True)
        self.device_label = QLabel(self)
        self.device_label.setObjectName("exportDeviceKey")
        self.device_label.setWordWrap(True)
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list_intro = QLabel(self)
        self.list_intro.setWordWrap(True)
        self.candidates = QListWidget(self)
        self.candidates.setObjectName("exportCandidates")
        self.candidates.setWordWrap(True)
        self.candidates.setAlternatingRowColors(True)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("exportEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_stack = QStackedWidget(self)
        self.choose_stack.addWidget(self.candidates)
        self.choose_stack.addWidget(self.empty_label)
        self.select_all_button = QPushButton(self)
        self.select_all_button.setObjectName("exportSelectAll")
        self.select_all_button.setAutoDefault(False)
        self.select_none_button = QPushButton(self)
        self.select_none_button.setObjectName("exportSelectNone")
        self.select_none_button.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportButton")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("exportCloseButton")
        self.close_button.setAutoDefault(False)

        selection = QHBoxLayout()
        selection.addWidget(self.select_all_button)
        selection.addWidget(self.select_none_button)
        selection.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.destination_label)
        layout.addWidget(self.device_label)
        layout.addSpacing(6)
        layout.addWidget(self.list_intro)
        layout.addWidget(self.choose_stack, 1)
        layout.addLayout(selection)
        layout.addLayout(buttons)

        self.candidates.itemChanged.connect(self.selection_changed)
        self.select_all_button.clicked.connect(lambda: self._check_all(True))
        self.select_none_button.clicked.connect(lambda: self._check_all(False))
        self.export_button.clicked.connect(self.export_clicked)
        self.close_button.clicked.connect(self.close_clicked)
        self.retranslate()

    # -- public -------------------------------------------------------------------------------

    def checked_ids(self) -> list[str]:
        """The record ids ticked for export, in list order."""
        ids = []
        for row in range(self.candidates.count()):
            item = self.candidates.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def set_checked(self, record_id: str, checked: bool) -> None:
        """Tick or untick one candidate."""
        for row in range(self.candidates.count()):
            item = self.candidates.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == record_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def show_plan(self, plan: ExportPlan) -> None:
        """Show an enrolled plan's destination and candidates, every one ticked."""
        self._plan = plan
        self._show_destination(plan)
        blocked = self.candidates.blockSignals(True)
        self.candidates.clear()
        for candidate in plan.candidates:
            item = QListWidgetItem(self._candidate_text(candidate), self.candidates)
            item.setData(Qt.ItemDataRole.UserRole, candidate.record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            if candidate.reason:
                item.setForeground(self.palette().placeholderText())
                item.setToolTip(words.text(candidate.reason))
        self.candidates.blockSignals(blocked)
        self.choose_stack.setCurrentIndex(0 if plan.candidates else 1)
        self.select_all_button.setEnabled(bool(plan.candidates))
        self.select_none_button.setEnabled(bool(plan.candidates))
        self.selection_changed.emit()

    def clear(self) -> None:
        """Forget the plan and its labels (the dialog closes)."""
        self._plan = None
        self.candidates.clear()

    def retranslate(self) -> None:
        """Set every text in the current language, keeping what the user ticked."""
        self.list_intro.setText(
            self.tr(
                "Sealed testimonies not yet sent. A testimony whose consent does not cover this "
                "organisation is kept back; the export says why."
            )
        )
        self.empty_label.setText(
            self.tr("Every sealed testimony has already been sent. Nothing is waiting.")
        )
        self.select_all_button.setText(self.tr("Select &all"))
        self.select_none_button.setText(self.tr("Select &none"))
        self.export_button.setText(self.tr("E&xport…"))
        self.close_button.setText(self.tr("Close"))
        plan = self._plan
        if plan is None or plan.enrolment is None:
            return
        self._show_destination(plan)
        by_id = {c.record_id: c for c in plan.candidates}
        blocked = self.candidates.blockSignals(True)
        for row in range(self.candidates.count()):
            item = self.candidates.item(row)
            candidate = by_id.get(str(item.data(Qt.ItemDataRole.UserRole)))
            if candidate is not None:
                item.setText(self._candidate_text(candidate))
                if candidate.reason:
                    item.setToolTip(words.text(candidate.reason))
        self.candidates.blockSignals(blocked)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- private ------------------------------------------------------------------------------

    def _show_destination(self, plan: ExportPlan) -> None:
        enrolment = plan.enrolment
        assert enrolment is not None
        self.destination_label.setText(self._destination_text(enrolment))
        self.device_label.setText(self._device_text(plan.device_fingerprint))

    @Slot(bool)
    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.candidates.count()):
            self.candidates.item(row).setCheckState(state)

    def _device_text(self, fingerprint: str) -> str:
        return self.tr(
            "This laptop signs the bundle with its own key, fingerprint %1. The organisation "
            "accepts it only once it has registered this laptop (Vault → This laptop's "
            "fingerprint…)."
        ).replace("%1", fingerprint)

    def _destination_text(self, enrolment: Enrolment) -> str:
        name = enrolment.name or self.tr("the enrolled organisation")
        return (
            self.tr("Bundles go to %1 (fingerprint %2). Only that organisation can open them.")
            .replace("%1", name)
            .replace("%2", enrolment.fingerprint)
        )

    def _candidate_text(self, candidate: ExportCandidate) -> str:
        date = format_date(candidate.interview_date) if candidate.interview_date else "—"
        text = (
            self.tr("%1 · interview of %2 · version %3 · record %4")
            .replace("%1", candidate.label or "—")
            .replace("%2", date)
            .replace("%3", str(candidate.version))
            .replace("%4", short_id(candidate.record_id))
        )
        if candidate.reason:
            text += "\n" + self.tr("Will be withheld: %1").replace(
                "%1", words.text(candidate.reason)
            )
        return text
