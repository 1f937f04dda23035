"""High-risk mode in the window: the setting, "Hand over", and the hand-over that comes by itself.

"Hand over" asks once (it cannot be undone: the laptop will no longer show or print the
testimony), then runs on the worker; the testimony is then shown as what it is, handed over
(:class:`~testimony_app.ui.handed_over_page.HandedOverPage`). While the mode is on, a timer
asks the vault every minute which sealed testimonies are past the chosen delay and hands them
over, except the one open in the window: a testimony whose statement is still being printed
goes when it is closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot

from testimony_app.ui.high_risk_dialog import HighRiskDialog
from testimony_app.ui.session_op import SessionOp

if TYPE_CHECKING:
    from testimony_app.services.handover import HandoverReport
    from testimony_app.services.vault import VaultSession
    from testimony_app.ui.main_window import MainWindow

CHECK_EVERY_MS = 60_000


class HandoverControl(QObject):
    """High-risk mode for ``window``: its setting, the action, the timer."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("handoverControl")
        self._window = window
        self.ops = SessionOp(window, window.session, window.runner)
        self.enabled = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.hand_over_due)

    # -- session -------------------------------------------------------------------------------

    def session_opened(self) -> None:
        """Read the setting; start the timer if the mode is on."""
        self.ops.submit(lambda s: s.handover.setting().enabled, self._set_enabled)

    def locked(self) -> None:
        """The vault locked: nothing more to hand over from here."""
        self.timer.stop()
        self.enabled = False

    def _set_enabled(self, on: bool) -> None:
        self.enabled = on
        if on:
            self.timer.start()
            QTimer.singleShot(0, self.hand_over_due)
        else:
            self.timer.stop()
        self._window.refresh_actions()

    # -- the setting ---------------------------------------------------------------------------

    @Slot()
    def open_setting(self) -> HighRiskDialog | None:
        """The one screen of high-risk mode."""
        w = self._window
        if w.is_locked:
            return None
        dialog = HighRiskDialog(w.session, w.runner, parent=w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._set_enabled)
        dialog.open()
        return dialog

    # -- hand-over -----------------------------------------------------------------------------

    @Slot()
    def hand_over(self) -> None:
        """Hand the open (or selected) testimony over, after one question."""
        w = self._window
        record_id = w.dialogs.target()
        if w.is_locked or record_id is None:
            return
        if not w.prompts.confirm(
            w,
            self.tr("Hand over"),
            self.tr(
                "Hand this testimony over to the organisation? Its bundle goes into the outbox,"
                " and its content, names and attachments are deleted from this laptop: you will"
                " no longer be able to read, print or amend it here."
            ),
            ok_label=self.tr("Hand over"),
            destructive=True,
            details=self.tr("Print or save the statement for the witness to sign first."),
        ):
            return
        if w.in_editor():
            w.editor.flush()
        w.statusBar().showMessage(self.tr("Handing over…"))
        self.ops.submit(
            lambda s: s.handover.hand_over([record_id]),
            lambda report: self._handed_over(report, record_id),
            self._failed,
        )

    @Slot()
    def hand_over_due(self) -> None:
        """Hand over what is past the delay, except the testimony open in the window."""
        w = self._window
        if not self.enabled or w.is_locked or self.ops.busy:
            return
        keep = w.current_record

        def due(session: VaultSession) -> HandoverReport | None:
            ready = [r for r in session.handover.due() if r != keep]
            # By itself, nobody is there to review a redaction: its doubtful words stay as the
            # redactor left them (what an export with --keep-doubtful does). The name is hidden.
            return session.handover.hand_over(ready, keep_doubtful=True) if ready else None

        def done(report: HandoverReport | None) -> None:
            if report is not None:
                self._handed_over(report, None)

        self.ops.submit(due, done, self._failed)

    def _handed_over(self, report: HandoverReport, shown: str | None) -> None:
        w = self._window
        w.statusBar().showMessage(
            self.tr("%n testimony(ies) handed over to the outbox", "", len(report.records)),
            10_000,
        )
        if shown is not None and w.current_record == shown:
            w.show_handed_over(shown)
        w.list_page.refresh()

    def _failed(self, exc: BaseException) -> None:
        from testimony_app.ui.tasks import show_error

        self._window.statusBar().clearMessage()
        show_error(self._window, exc)
