"""Export to the organisation…: enrol it once, choose testimonies, write a bundle with progress.

The flow, one page of a stack each:

1. **Looking** (busy): the export plan from ``BundleService.plan_export`` (on the task
   runner): which organisation is enrolled, which testimonies are sealed and not yet sent,
   and for each the reason the export itself would withhold it, from the same code.
2. **Enrol** when no organisation is pinned (:class:`~testimony_app.ui.enrol_page.EnrolPage`).
3. **Choose** (:class:`~testimony_app.ui.export_choose.ChoosePage`): the candidates with
   check boxes, each marked when its consent will keep it back; a record that goes redacted
   (the witness's name may not appear) is shown in the redaction review first
   (``ui/redaction_review.py``: every replacement and doubtful word, choices stored with the
   version and applied to its record and statement in the bundle); the destination is asked
   for with a neutral file name (the name of a bundle says nothing about who is in it).
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
    ExportPlan,
    neutral_bundle_name,
)
from testimony_app.ui.enrol_page import EnrolPage
from testimony_app.ui.export_choose import ChoosePage
from testimony_app.ui.export_result import ExportOutcome, ExportResultPage, run_export
from testimony_app.ui.i18n import format_size
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
        self._outbox = 0  # high-risk mode: bundles waiting in the outbox, copied by every export
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
        self.choose_page = ChoosePage(self)
        self.choose_page.export_clicked.connect(self.export)
        self.choose_page.close_clicked.connect(self.reject)
        self.choose_page.selection_changed.connect(self._update_export_button)
        self.pages.addWidget(self.choose_page)
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
        return self.choose_page.checked_ids()

    def set_checked(self, record_id: str, checked: bool) -> None:
        """Tick or untick one candidate."""
        self.choose_page.set_checked(record_id, checked)

    @Slot()
    def reload(self) -> None:
        """Look again at the enrolment and the testimonies waiting to be sent."""
        if self.ops.submit(
            lambda s: (s.bundles.plan_export(), len(s.handover.outbox_entries())),
            self._planned,
            self._failed_to_page,
        ):
            self.pages.setCurrentIndex(self.PAGE_BUSY)

    @Slot()
    def export(self) -> None:
        """Review the redaction of each ticked testimony that goes redacted, then ask where to
        write the bundle, then export the ticked testimonies with progress."""
        ids = self.checked_ids()
        if self.ops.session() is None or self.working or self._plan is None:
            return
        if not ids and not self._outbox:
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
        self.choose_page.message.setText(self.tr("Checking the redaction…"))
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
            self.choose_page.message.setText("")
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
                self.choose_page.message.setText(
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

    def _planned(self, found: tuple[ExportPlan, int]) -> None:
        plan, self._outbox = found
        self._plan = plan
        if plan.enrolment is None:
            self.pages.setCurrentIndex(self.PAGE_ENROL)
            self.enrol_page.enrol_recipients.setFocus()
            self.enrol_page.update_buttons()
            return
        self.choose_page.show_plan(plan)
        if self._outbox:
            self.choose_page.message.setText(
                self.tr(
                    "%n bundle(s) in the outbox (handed-over testimonies) will be copied too.",
                    "",
                    self._outbox,
                )
            )
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
                .replace("%1", format_size(done))
                .replace("%2", format_size(half))
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
            self.choose_page.message.setText(
                self.tr("The export was cancelled; no bundle was written.")
            )
            return
        self.choose_page.message.setText("")
        show_error(self, exc)

    def _labels(self) -> dict[str, str]:
        """Witness labels (pseudonym or initials) by record, from the plan."""
        return {c.record_id: c.label for c in self._plan.candidates} if self._plan else {}

    # -- state ------------------------------------------------------------------------------------

    def _set_reviewing(self, reviewing: bool) -> None:
        self._reviewing = reviewing
        self._update_export_button()

    @Slot()
    def _update_export_button(self) -> None:
        waiting = bool(self.checked_ids()) or self._outbox > 0
        self.choose_page.export_button.setEnabled(waiting and not self.working)

    # -- closing ----------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing while a bundle is being written cancels it (the lock closes every dialog)."""
        self._cancel.set()
        self.ops.close()
        self.choose_page.clear()
        self.result_page.clear()
        super().done(result)

    # -- translation ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Export to the organisation"))
        self.busy_label.setText(self.tr("Looking for testimonies to send…"))
        self.progress_note.setText(
            self.tr(
                "The bundle is written under a temporary name, read back and checked, and only "
                "then given its name. Cancelling leaves nothing behind."
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))
        if self._outcome is not None:
            self.result_page.show_outcome(self._outcome, self._labels())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
