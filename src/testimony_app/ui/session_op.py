"""One way for a widget to call the vault: off the GUI thread, counted, and forgotten when stale.

Every window and dialog that reads or writes the vault needs the same three things, and each
used to write them itself (Anki's ``CollectionOp`` is the model):

* **submit**: the call runs on the :class:`~testimony_app.ui.tasks.TaskRunner`'s one worker
  thread, behind whatever was queued before it (an autosave before a backup, a save before the
  lock), and gets the session it was asked for;
* **pending**: how many calls have not answered yet, so the widget can show it is busy and
  disable what must not run twice (:attr:`SessionOp.pending_changed`);
* **drop**: an answer that arrives after the widget closed, after the vault locked, or for a
  session that is no longer the open one is dropped: nothing may refill a wiped page or a closed
  dialog. An error the widget did not handle itself is shown in one sentence.

Usage::

    self.ops = SessionOp(self, session_provider, runner)
    self.ops.pending_changed.connect(self._update_buttons)
    self.ops.submit(lambda s: s.registry.suggestions(record_id), self._show_suggestions)
    ...
    def done(self, result):      # a dialog closing
        self.ops.close()
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from testimony_app.ui.tasks import TaskRunner, show_error

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from testimony_app.services.vault import VaultSession

T = TypeVar("T")

SessionProvider = Callable[[], "VaultSession | None"]


class SessionOp(QObject):
    """The vault calls of one widget (``owner``).

    Signals:
        pending_changed(int): how many calls are still waiting for their answer.
    """

    pending_changed = Signal(int)
    """The number of calls not yet answered (or dropped)."""

    def __init__(
        self, owner: QWidget, session_provider: SessionProvider, runner: TaskRunner
    ) -> None:
        super().__init__(owner)
        self._owner = owner
        self._session_provider = session_provider
        self._runner = runner
        self._pending = 0
        self._closed = False

    @property
    def pending(self) -> int:
        """Calls submitted whose answer has not arrived (or been dropped) yet."""
        return self._pending

    @property
    def busy(self) -> bool:
        """Whether any call is pending."""
        return self._pending > 0

    @property
    def alive(self) -> bool:
        """Whether answers are still wanted: the owner exists and did not close."""
        return not self._closed and shiboken6.isValid(self) and shiboken6.isValid(self._owner)

    def session(self) -> VaultSession | None:
        """The open session, or ``None`` (locked, or the owner closed)."""
        return self._session_provider() if self.alive else None

    def close(self) -> None:
        """The owner closed: drop every answer from now on (the calls themselves still run)."""
        self._closed = True

    def submit(
        self,
        fn: Callable[[VaultSession], T],
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Run ``fn(session)`` on the worker; False (and nothing runs) if locked or closed.

        ``on_success(result)`` or ``on_error(exc)`` runs on the GUI thread, only if the owner
        is still open and the same session is still the open one. Without ``on_error`` the
        error is shown in one sentence.
        """
        session = self.session()
        if session is None:
            return False
        self._count(+1)

        def wanted() -> bool:
            return self.alive and self._session_provider() is session

        def success(value: T) -> None:
            self._count(-1)
            if wanted() and on_success is not None:
                on_success(value)

        def failure(exc: BaseException) -> None:
            self._count(-1)
            if not wanted():
                return
            if on_error is not None:
                on_error(exc)
            else:
                show_error(self._owner, exc)

        self._runner.submit(
            lambda: fn(session), success, failure, on_dropped=lambda: self._count(-1)
        )
        return True

    def _count(self, step: int) -> None:
        self._pending = max(0, self._pending + step)
        if shiboken6.isValid(self):
            self.pending_changed.emit(self._pending)
