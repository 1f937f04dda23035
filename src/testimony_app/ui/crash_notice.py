"""The window's side of the crash handler (:mod:`testimony_app.crash`): say where the report is.

An uncaught exception can happen on any thread (a worker, a slot); widgets live on the GUI
thread. The handler therefore only emits a signal, and the message box is shown by the GUI
thread's event loop. One notice per run: a bug that repeats (in a paint event, say) writes a
report each time but does not bury the window under dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from testimony_app.ui.prompts import prompts_for


class CrashNotice(QObject):
    """Connect :meth:`notify` to :func:`testimony_app.crash.install` or ``set_notifier``."""

    reported = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("crashNotice")
        self._window = window
        self._shown = False
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def notify(self, path: Path) -> None:
        """Called by the crash handler, from any thread."""
        self.reported.emit(str(path))

    def _show(self, path: str) -> None:
        if self._shown:
            return
        self._shown = True
        title = QCoreApplication.translate("crash", "Something went wrong")
        text = QCoreApplication.translate(
            "crash",
            "Something went wrong inside Testimony. A report without any testimony content "
            "was saved to:\n{path}\nWhat was saved in the vault is safe. If the window "
            "behaves oddly, close Testimony and open it again.",
        ).replace("{path}", path)
        prompts_for(self._window).error(self._window, title, text)
