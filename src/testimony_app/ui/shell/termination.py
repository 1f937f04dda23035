"""Save and lock when the system ends the program: SIGTERM (logout, shutdown), SIGHUP, SIGINT.

Without this, the default action of these signals ends the process at once: the last second of
typing is lost and the vault is left open (its key in memory until the process is gone). Here
each of them closes the window the way Quit does, without asking anything, because the system
does not wait for an answer: the draft is saved, the vault locked, the queue drained, then the
event loop ends.

A Python signal handler runs only when the interpreter gets control, and the Qt event loop may
sit in C++ for a long time. So the handler does nothing itself; ``signal.set_wakeup_fd`` writes
the signal number to a socket that a ``QSocketNotifier`` watches, and the notifier's slot, on
the GUI thread, does the work (the usual Qt recipe).
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QSocketNotifier, Slot

from testimony_app.log import get_logger

_log = get_logger("ui.shell.termination")

#: The signals that mean "end now, but cleanly".
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


class TerminationWatch(QObject):
    """Calls ``terminate()`` on the GUI thread when one of ``signals`` arrives (once)."""

    def __init__(
        self,
        terminate: Callable[[], None],
        signals: Iterable[signal.Signals] = ENDING_SIGNALS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._terminate = terminate
        self._done = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous: dict[signal.Signals, object] = {}
        for number in signals:
            self._previous[number] = signal.signal(number, _noted)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._signalled)

    @Slot()
    def _signalled(self) -> None:
        with contextlib.suppress(BlockingIOError, InterruptedError):
            received = self._reader.recv(64)
            if not received or self._done:
                return
            self._done = True
            names = ", ".join(sorted({signal.Signals(b).name for b in received if b}))
            _log.info("ending on %s: saving and locking", names or "a signal")
            self._terminate()

    def uninstall(self) -> None:
        """Give the signals back their previous handlers (tests)."""
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, previous)  # type: ignore[arg-type]
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def _noted(_number: int, _frame: object) -> None:
    """The Python-level handler: the wake-up socket already carries the signal number."""


def install_termination_handler(
    terminate: Callable[[], None], parent: QObject | None = None
) -> TerminationWatch:
    """Make SIGTERM, SIGHUP and SIGINT call ``terminate`` (e.g. ``MainWindow.terminate``)."""
    return TerminationWatch(terminate, ENDING_SIGNALS, parent)
