"""Export to the organisation…: enrol it once, choose testimonies, write a bundle with progress.

The flow, one page of a stack each:

1. **Looking** (busy): the export plan from ``BundleService.plan_export`` (on the task
   runner): which organisation is enrolled, which testimonies are sealed and not yet sent,
   and for each the reason the export itself would withhold it, from the same code.
2. **Enrol** when no organisation is pinned (:class:`~testimony_app.ui.enrol_page.EnrolPage`).
3. **Choose**: the candidates with check boxes, each marked when its consent will keep it
   back; a record that goes redacted (the witness's name may not appear) is shown in the
   redaction review first (``ui/redaction_review.py``: every replacement and doubtful word,
   choices stored with the version and applied to its record and statement in the bundle);
   the destination is asked for with a neutral file name (the name of a bundle says
   nothing about who is in it).
4. **Exporting**: ``session.bundles.export`` runs on the task runner. Its ``progress(done,
   total)`` callback arrives on the worker thread; :class:`ProgressRelay` throttles it and
   emits a signal, which Qt queues to the GUI thread, so the bar moves and the window never
   freezes. **Cancel** sets a flag that the export's ``cancelled`` callback reads (about once
   per MiB and once more after the read-back check); a cancelled export leaves no file.
5. **Done** (:class:`~testimony_app.ui.export_result.ExportResultPage`): what was exported
   (versions, redacted or not), what was withheld and why, and the bundle's SHA-256 to
   compare with what the organisation computes.

Witnesses appear only by their list label (initials or pseudonym), never by name.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

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

from testimony_app.domain.redaction_review import ReviewChoices
from testimony_app.errors import OperationCancelled
from testimony_app.log import get_logger
from testimony_app.services.bundles import (
    Enrolment,
    ExportCandidate,
    ExportPlan,
    neutral_bundle_name,
)
from testimony_app.ui.bundle_texts import human_size, reason_text, short_id
from testimony_app.ui.enrol_page import EnrolPage
from testimony_app.ui.export_result import ExportOutcome, ExportResultPage, run_export
from testimony_app.ui.i18n import format_date
from testimony_app.ui.prompts import Prompts, prompts_for
from testimony_app.ui.redaction_review import RedactionReviewDialog
from testimony_app.ui.session_op import SessionOp
from testimony_app.ui.tasks import PROGRESS_INTERVAL_S, ProgressRelay, TaskRunner, show_error

if TYPE_CHECKING:
    from testimony_app.services.statements import RedactionReview
    from testimony_app.services.vault import VaultSession

_log = get_logger("ui.export")

SessionProvider = Callable[[], "VaultSession | None"]


def redaction_reviews(
    session: VaultSession, wanted: Sequence[tuple[str, int]]
) -> list[RedactionReview]:
    """The redaction of each record that will go redacted (worker thread), in the language
    its statement will be made in."""
    out: list[RedactionReview] = []
    for record_id, version in wanted:
        language = session.testimonies.get(record_id, version).interview.language
        out.append(
            session.statements.review(
                record_id,
                version=version,
                language=language if language in ("en", "az", "ru") else "en",
            )
        )
    return out


# -- the dialog ------------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Enrol the organisation, choose testimonies, export a bundle, see what went and what not.

    Signals:
        enrolled(str): the organisation was enrolled; its fingerprint.
        exported(str): a bundle was written and verified; its SHA-256.
    """

    enrolled = Signal(str)
    """An organisation was enrolled (its fingerprint)."""
    exported = Signal(str)
    """A bundle was written; its SHA-256."""
    review_opened = Signal(object)
    """A redaction review is on screen (the RedactionReviewDialog), before the export."""

    PAGE_BUSY, PAGE_ENROL, PAGE_CHOOSE, PAGE_PROGRESS, PAGE_DONE = range(5)

    def __init__(
        self,
        session_provider: SessionProvider,
        runner: TaskRunner,
        *,
        prompts: Prompts | None = None,
        progress_interval: float = PROGRESS_INTERVAL_S,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setModal(True)
        if prompts is not None:
            self.prompts = prompts
        self.ops = SessionOp(self, session_provider, runner)
        self._runner = runner  # for the redaction review's own rescans
        self.ops.pending_changed.connect(self._update_export_button)
        self._plan: ExportPlan | None = None
        self._outcome: ExportOutcome | None = None
        self._cancel = threading.Event()
        self._cancel_requested = False
        self._reviewing = False
        self.review_dialog: RedactionReviewDialog | None = None
        # Parentless on purpose: the worker keeps it alive through the export's closure even if
        # the dialog is deleted mid-export (the lock closes dialogs).
        self.progress_relay = ProgressRelay(progress_interval)
        self.progress_relay.progressed.connect(self._progressed)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("exportPages")
        self.pages.addWidget(self._build_busy_page())
        self.enrol_page = EnrolPage(self.ops, self)
        self.enrol_page.enrolled.connect(self._enrolled)
        self.enrol_page.close_requested.connect(self.reject)
        self.pages.addWidget(self.enrol_page)
        self.pages.addWidget(self._build_choose_page())
        self.pages.addWidget(self._build_progress_page())
        self.result_page = ExportResultPage(self)
        self.result_page.close_requested.connect(self.accept)
        self.pages.addWidget(self.result_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(640, 520)
        self.retranslate()
        self.reload()

    # -- pages ------------------------------------------------------------------------------

    def _build_busy_page(self) -> QWidget:
        page = QWidget(self)
        self.busy_label = QLabel(page)
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar(page)
        bar.setObjectName("exportBusy")
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setFixedWidth(240)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.busy_label)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _build_choose_page(self) -> QWidget:
        page = QWidget(self)
        self.destination_label = QLabel(page)
        self.destination_label.setObjectName("exportOrganisation")
        self.destination_label.setWordWrap(True)
        self.device_label = QLabel(page)
        self.device_label.setObjectName("exportDeviceKey")
        self.device_label.setWordWrap(True)
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list_intro = QLabel(page)
        self.list_intro.setWordWrap(True)
        self.candidates = QListWidget(page)
        self.candidates.setObjectName("exportCandidates")
        self.candidates.setWordWrap(True)
        self.candidates.setAlternatingRowColors(True)
        self.empty_label = QLabel(page)
        self.empty_label.setObjectName("exportEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_stack = QStackedWidget(page)
        self.choose_stack.addWidget(self.candidates)
        self.choose_stack.addWidget(self.empty_label)
        self.select_all_button = QPushButton(page)
        self.select_all_button.setObjectName("exportSelectAll")
        self.select_all_button.setAutoDefault(False)
        self.select_none_button = QPushButton(page)
        self.select_none_button.setObjectName("exportSelectNone")
        self.select_none_button.setAutoDefault(False)
        self.choose_message = QLabel(page)
        self.choose_message.setObjectName("exportMessage")
        self.choose_message.setWordWrap(True)
        self.export_button = QPushButton(page)
        self.export_button.setObjectName("exportButton")
        self.choose_close = QPushButton(page)
        self.choose_close.setObjectName("exportCloseButton")
        self.choose_close.setAutoDefault(False)

        selection = QHBoxLayout()
        selection.addWidget(self.select_all_button)
        selection.addWidget(self.select_none_button)
        selection.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_message, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.choose_close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.destination_label)
        layout.addWidget(self.device_label)
        layout.addSpacing(6)
        layout.addWidget(self.list_intro)
        layout.addWidget(self.choose_stack, 1)
        layout.addLayout(selection)
        layout.addLayout(buttons)

        self.candidates.itemChanged.connect(self._update_export_button)
        self.select_all_button.clicked.connect(lambda: self._check_all(True))
        self.select_none_button.clicked.connect(lambda: self._check_all(False))
        self.export_button.clicked.connect(self.export)
        self.choose_close.clicked.connect(self.reject)
        return page

    def _build_progress_page(self) -> QWidget:
        page = QWidget(self)
        self.progress_label = QLabel(page)
        self.progress_label.setObjectName("exportProgressLabel")
        self.progress_label.setWordWrap(True)
        self.progress = QProgressBar(page)
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)
        self.progress_note = QLabel(page)
        self.progress_note.setWordWrap(True)
        self.cancel_button = QPushButton(page)
        self.cancel_button.setObjectName("exportCancelButton")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_note)
        layout.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self.cancel)
        return page

    # -- public -------------------------------------------------------------------------------

    @property
    def plan(self) -> ExportPlan | None:
        """What the last look at the vault found: the service's export plan."""
        return self._plan

    @property
    def outcome(self) -> ExportOutcome | None:
        """What the last export ended with."""
        return self._outcome

    @property
    def working(self) -> bool:
        """True while the dialog waits for the task runner or a redaction review."""
        return self.ops.busy or self._reviewing

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

    @Slot()
    def reload(self) -> None:
        """Look again at the enrolment and the testimonies waiting to be sent."""
        if self.ops.submit(lambda s: s.bundles.plan_export(), self._planned, self._failed_to_page):
            self.pages.setCurrentIndex(self.PAGE_BUSY)

    @Slot()
    def export(self) -> None:
        """Review the redaction of each ticked testimony that goes redacted, then ask where to
        write the bundle, then export the ticked testimonies with progress."""
        ids = self.checked_ids()
        if self.ops.session() is None or not ids or self.working or self._plan is None:
            return
        # Every version that goes redacted (earlier sealed versions never sent go too).
        wanted = [
            (c.record_id, version)
            for c in self._plan.candidates
            if c.record_id in ids and c.redacted and c.reason is None
            for version in (c.versions or (c.version,))
        ]
        if not wanted:
            self._ask_and_export(ids)
            return
        self._set_reviewing(True)
        self.choose_message.setText(self.tr("Checking the redaction…"))
        self.ops.submit(
            lambda s: redaction_reviews(s, wanted),
            lambda found: self._review_next(ids, found),
            self._export_failed,
        )

    def _review_next(self, ids: list[str], pending: list[RedactionReview]) -> None:
        """Show the next redaction review; when none is left, ask where and export."""
        session = self.ops.session()
        if session is None:
            return
        if not pending:
            self._set_reviewing(False)
            self.choose_message.setText("")
            self._ask_and_export(ids)
            return
        review, rest = pending[0], pending[1:]
        record_id, version, language = review.record_id, review.version, review.language

        def rescan(choices: ReviewChoices) -> RedactionReview:
            return session.statements.review(
                record_id, version=version, language=language, choices=choices
            )

        dialog = RedactionReviewDialog(review, rescan, self._runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review_dialog = dialog

        def reviewed(choices: ReviewChoices) -> None:
            self.ops.submit(
                lambda s: s.statements.store_review(record_id, version, choices),
                lambda _stored: self._review_next(ids, rest),
                self._export_failed,
            )

        def rejected() -> None:
            if self.ops.alive:
                self._set_reviewing(False)
                self.choose_message.setText(
                    self.tr("The export was cancelled; no bundle was written.")
                )

        dialog.reviewed.connect(reviewed)
        dialog.rejected.connect(rejected)
        dialog.open()
        self.review_opened.emit(dialog)

    def _ask_and_export(self, ids: list[str]) -> None:
        if self.ops.session() is None:
            return
        dest = prompts_for(self).save_path(
            self,
            self.tr("Where to write the bundle"),
            Path(neutral_bundle_name()),
            self.tr("Encrypted bundles (*.age)"),
        )
        if dest is None:
            return
        if not dest.suffix:
            dest = dest.with_suffix(".age")
        self._cancel.clear()
        self._cancel_requested = False
        self.progress_relay.reset()
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Preparing the statements and the records…"))
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(self.PAGE_PROGRESS)
        relay, flag = self.progress_relay, self._cancel
        self.ops.submit(
            lambda s: run_export(s, dest, ids, relay.report, flag.is_set),
            self._export_done,
            self._export_failed,
        )

    @Slot()
    def cancel(self) -> None:
        """Stop the export at its next check; nothing is left under the chosen name."""
        if not self.working or self.pages.currentIndex() != self.PAGE_PROGRESS:
            return
        self._cancel.set()
        self._cancel_requested = True
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))

    # -- callbacks (GUI thread) ------------------------------------------------------------------

    def _planned(self, plan: ExportPlan) -> None:
        self._plan = plan
        if plan.enrolment is None:
            self.pages.setCurrentIndex(self.PAGE_ENROL)
            self.enrol_page.enrol_recipients.setFocus()
            self.enrol_page.update_buttons()
            return
        self._fill_candidates(plan)
        self.pages.setCurrentIndex(self.PAGE_CHOOSE)

    def _enrolled(self, enrolment: Enrolment) -> None:
        self.enrolled.emit(enrolment.fingerprint)
        self.reload()

    def _failed_to_page(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reject()

    @Slot(object, object)
    def _progressed(self, done: int, total: int) -> None:
        if not self.ops.alive or self.pages.currentIndex() != self.PAGE_PROGRESS:
            return
        if total <= 0:
            return
        if self.progress.maximum() != 1000:
            self.progress.setRange(0, 1000)
        self.progress.setValue(min(1000, done * 1000 // total))
        if self._cancel_requested:
            return
        half = total // 2
        if done < half:
            self.progress_label.setText(
                self.tr("Writing the encrypted bundle: %1 of %2")
                .replace("%1", human_size(done))
                .replace("%2", human_size(half))
            )
        else:
            self.progress_label.setText(self.tr("Reading the bundle back to check it…"))

    def _export_done(self, outcome: ExportOutcome) -> None:
        self._outcome = outcome
        # Counts only: never a label, a reason or a path.
        _log.info(
            "export finished: %d exported, %d withheld",
            len(outcome.report.exported) if outcome.report else 0,
            len(outcome.withheld),
        )
        self.result_page.show_outcome(outcome, self._labels())
        self.pages.setCurrentIndex(self.PAGE_DONE)
        self.result_page.done_close.setFocus()
        if outcome.report is not None:
            self.exported.emit(outcome.report.sha256)

    def _export_failed(self, exc: BaseException) -> None:
        self._set_reviewing(False)
        self.pages.setCurrentIndex(self.PAGE_CHOOSE)
        if isinstance(exc, OperationCancelled):
            _log.info("export cancelled")
            self.choose_message.setText(self.tr("The export was cancelled; no bundle was written."))
            return
        self.choose_message.setText("")
        show_error(self, exc)

    # -- filling --------------------------------------------------------------------------------

    def _fill_candidates(self, found: ExportPlan) -> None:
        enrolment = found.enrolment
        assert enrolment is not None
        self.destination_label.setText(self._destination_text(enrolment))
        self.device_label.setText(self._device_text(found.device_fingerprint))
        blocked = self.candidates.blockSignals(True)
        self.candidates.clear()
        for candidate in found.candidates:
            item = QListWidgetItem(self._candidate_text(candidate), self.candidates)
            item.setData(Qt.ItemDataRole.UserRole, candidate.record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            if candidate.reason:
                item.setForeground(self.palette().placeholderText())
                item.setToolTip(reason_text(candidate.reason))
        self.candidates.blockSignals(blocked)
        self.choose_stack.setCurrentIndex(0 if found.candidates else 1)
        self.select_all_button.setEnabled(bool(found.candidates))
        self.select_none_button.setEnabled(bool(found.candidates))
        self._update_export_button()

    def _retranslate_candidates(self, found: ExportPlan) -> None:
        """New texts in place, keeping what the user ticked."""
        assert found.enrolment is not None
        self.destination_label.setText(self._destination_text(found.enrolment))
        self.device_label.setText(self._device_text(found.device_fingerprint))
        by_id = {c.record_id: c for c in found.candidates}
        blocked = self.candidates.blockSignals(True)
        for row in range(self.candidates.count()):
            item = self.candidates.item(row)
            candidate = by_id.get(str(item.data(Qt.ItemDataRole.UserRole)))
            if candidate is not None:
                item.setText(self._candidate_text(candidate))
                if candidate.reason:
                    item.setToolTip(reason_text(candidate.reason))
        self.candidates.blockSignals(blocked)

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
                "%1", reason_text(candidate.reason)
            )
        return text

    def _labels(self) -> dict[str, str]:
        """Witness labels (pseudonym or initials) by record, from the plan."""
        return {c.record_id: c.label for c in self._plan.candidates} if self._plan else {}

    # -- state ------------------------------------------------------------------------------------

    def _set_reviewing(self, reviewing: bool) -> None:
        self._reviewing = reviewing
        self._update_export_button()

    @Slot()
    def _update_export_button(self) -> None:
        self.export_button.setEnabled(bool(self.checked_ids()) and not self.working)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.candidates.count()):
            self.candidates.item(row).setCheckState(state)

    # -- closing ----------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing while a bundle is being written cancels it (the lock closes every dialog)."""
        self._cancel.set()
        self.ops.close()
        self.candidates.clear()
        self.result_page.clear()
        super().done(result)

    # -- translation ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Export to the organisation"))
        self.busy_label.setText(self.tr("Looking for testimonies to send…"))
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
        self.choose_close.setText(self.tr("Close"))
        self.progress_note.setText(
            self.tr(
                "The bundle is written under a temporary name, read back and checked, and only "
                "then given its name. Cancelling leaves nothing behind."
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))
        if self._plan is not None and self._plan.enrolment is not None:
            self._retranslate_candidates(self._plan)
        if self._outcome is not None:
            self.result_page.show_outcome(self._outcome, self._labels())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
