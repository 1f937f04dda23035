"""Nothing typed is lost silently: after an unexpected exit, and after a lock that could not save.

**Unexpected exit.** While a testimony is open in the editor, the vault remembers which one
(the :data:`OPEN_RECORD` setting, inside the encrypted vault, never in a file beside it). Going back
to the list, locking and quitting clear it. So if the next unlock finds it set, the program
ended without any of those (a crash, a ``kill -9``, a dead battery), and the window says which
testimony was open and how recent its last save is: by the witness's pseudonym or initials and
the record's first characters, never the name.

**A save that failed at the lock.** The editor queues the draft's save before the lock; if that
save fails (the disk filled up), the text cannot go back into the wiped widgets. The editor
keeps it in memory (:attr:`DraftSaver.unsaved`); the unlock page says so, and the next unlock
stores it and says so, or says again that it could not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox

from testimony_app.domain.model import RecordInfo, TestimonySummary
from testimony_app.log import get_logger
from testimony_app.ui.draft_saver import Unsaved
from testimony_app.ui.shell.session_controller import OPEN_RECORD
from testimony_app.ui.tasks import show_error

if TYPE_CHECKING:
    from testimony_app.ui.main_window import MainWindow

_log = get_logger("ui.shell.recovery")


def short_id(record_id: str) -> str:
    """The first characters of a record id: enough to find it, says nothing about anyone."""
    return record_id[:8]


class Recovery(QObject):
    """Remembers the open testimony inside the vault, and reports what an exit or lock left."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._marked = ""
        window.editor.opened.connect(self._opened)
        window.editor.saver.unsaved_kept.connect(self._unsaved_kept)

    # -- the marker -------------------------------------------------------------------------

    @Slot(str)
    def _opened(self, record_id: str) -> None:
        self.mark(record_id)

    def mark(self, record_id: str) -> None:
        """``record_id`` is open in the editor (or none, with "")."""
        if record_id != self._marked and self._window.sessions.is_open:
            self._marked = record_id
            self._window.sessions.save_setting(OPEN_RECORD, record_id)

    def clear(self) -> None:
        """Nothing is open any more: a clean exit from the editor (queued before the lock)."""
        self.mark("")

    def forget(self) -> None:
        """The session ended: the next one starts from what its vault says."""
        self._marked = ""

    # -- after the unlock -------------------------------------------------------------------

    def after_unlock(self, marker: str | None) -> None:
        """Report an unexpected exit (``marker`` from the vault) and store kept text."""
        self._marked = marker or ""
        if marker:
            self._report_exit(marker)
            self.clear()
        for kept in self._window.editor.take_unsaved():
            self._store_kept(kept)

    def _report_exit(self, record_id: str) -> None:
        session = self._window.session()
        if session is None:
            return

        def read() -> tuple[TestimonySummary, RecordInfo]:
            return session.testimonies.summary(record_id), session.testimonies.info(record_id)

        def failed(exc: BaseException) -> None:
            # Purged or gone since: nothing to recover, nothing to say.
            _log.info("the testimony open at the last exit is gone: %s", type(exc).__name__)

        self._window.runner.submit(read, lambda found: self._show_exit(*found), failed)

    def _show_exit(self, summary: TestimonySummary, info: RecordInfo) -> None:
        if not info.draft:
            return  # a sealed version cannot have lost any typing
        when = QDateTime.fromString(summary.updated_at, Qt.DateFormat.ISODate).toLocalTime()
        saved = when.toString("yyyy-MM-dd HH:mm:ss") if when.isValid() else "—"
        text = (
            self.tr(
                "Testimony stopped unexpectedly last time, while testimony %1 (record %2) was "
                "open. It was recovered as it was last saved, at %3; at most the last second "
                "or two of typing before the stop may be missing."
            )
            .replace("%1", summary.witness_label or "—")
            .replace("%2", short_id(summary.id))
            .replace("%3", saved)
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Recovered after an unexpected stop"),
            text,
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.setObjectName("recoveryNotice")
        open_button = box.addButton(self.tr("Open it"), QMessageBox.ButtonRole.AcceptRole)
        open_button.setObjectName("recoveryOpen")
        box.setDefaultButton(open_button)
        record_id = summary.id

        def clicked(button: object) -> None:
            if button is open_button and self._window.sessions.is_open:
                self._window.open_record(record_id)

        box.buttonClicked.connect(clicked)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- text kept at the lock --------------------------------------------------------------

    @Slot()
    def _unsaved_kept(self) -> None:
        window = self._window
        if window.sessions.is_open:
            # The editor moved on to another record: store it now.
            for kept in window.editor.take_unsaved():
                self._store_kept(kept)
            return
        window.unlock_page.set_reason(
            self.tr(
                "The last changes could not be saved before the vault locked. They are kept "
                "in memory and will be saved when you unlock; do not close the program."
            )
        )

    def _store_kept(self, kept: Unsaved) -> None:
        window = self._window
        session = window.session()
        if session is None:
            window.editor.saver.unsaved.append(kept)
            return

        def stored(_: object) -> None:
            window.statusBar().showMessage(
                self.tr("The changes kept at the lock (record %1) are saved now.").replace(
                    "%1", short_id(kept.record_id)
                ),
                10000,
            )
            window.list_page.refresh()

        def failed(exc: BaseException) -> None:
            window.editor.saver.unsaved.append(kept)  # still only here: keep it
            show_error(window, exc)

        window.runner.submit(
            lambda: session.testimonies.save_draft(kept.record_id, kept.testimony),
            stored,
            failed,
        )
