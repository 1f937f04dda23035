"""Who holds the open vault: create, unlock, restore, lock, and the settings kept inside it.

The window asks; the controller does the work on the task runner and answers with signals, so
no key derivation or database call ever runs on the GUI thread. It is the one place that holds
the :class:`VaultSession`: every other widget gets it through :meth:`SessionController.session`,
which returns ``None`` from the moment a lock starts, so a late answer can tell it is stale.

Locking hands ``session.lock()`` to the runner *behind* whatever is already queued (a last
autosave): the runner is serial, so that save reaches the vault before the key is wiped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from testimony_app.log import get_logger
from testimony_app.services import vault
from testimony_app.services.vault import KdfChoice, VaultSession, VaultState
from testimony_app.ui.tasks import TaskRunner

_log = get_logger("ui.shell.session")

#: The vault setting naming the testimony open in the editor ("" when none; see recovery.py).
OPEN_RECORD = "open_record"
#: The settings read from inside the vault as it opens.
SETTING_KEYS = ("lock_minutes", "ui_language", OPEN_RECORD)

Settings = dict[str, "str | None"]


class SessionController(QObject):
    """Owns the vault session of one window.

    Signals:
        opened(object, object, bool): a :class:`VaultSession`, its settings (``SETTING_KEYS``)
            and whether the vault was just created.
        create_failed(object): the exception that stopped a new vault.
        unlock_failed(object): the exception that stopped an unlock.
        restored(): a backup replaced the vault; unlock it again.
        restore_failed(object): the exception that stopped a restore.
    """

    opened = Signal(object, object, bool)
    """A session, the settings stored inside it, and True for a new vault."""
    create_failed = Signal(object)
    """Creating the vault failed (the exception)."""
    unlock_failed = Signal(object)
    """Unlocking failed (the exception)."""
    restored = Signal()
    """The backup is in place."""
    restore_failed = Signal(object)
    """Restoring failed (the exception)."""

    def __init__(
        self,
        vault_path: Path,
        runner: TaskRunner,
        *,
        kdf: KdfChoice = "calibrated",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_path = vault_path
        self._runner = runner
        self._kdf: KdfChoice = kdf
        self._session: VaultSession | None = None
        self.closing = False
        """Set when the window closes: a session that opens after that is locked at once."""

    # -- state ------------------------------------------------------------------------------

    def session(self) -> VaultSession | None:
        """The open session, or ``None`` while locked (every widget's session provider)."""
        return self._session

    @property
    def is_open(self) -> bool:
        """Whether a session is open."""
        return self._session is not None

    def state(self) -> VaultState:
        """Absent, ready or damaged (a few ``stat`` calls, fine on the GUI thread)."""
        return vault.vault_state(self.vault_path)

    def backups(self) -> list[Path]:
        """The vault's backups, newest first (a directory listing)."""
        return vault.list_backups(self.vault_path)

    # -- opening ----------------------------------------------------------------------------

    def create(self, passphrase: str) -> None:
        """Create the vault (the calibrated key derivation takes seconds) and open it."""
        path, kdf = self.vault_path, self._kdf
        self._runner.submit(
            lambda: vault.create_vault(path, passphrase, kdf=kdf),
            lambda session: self._opened(session, {}, created=True),
            self.create_failed.emit,
        )

    def unlock(self, passphrase: str) -> None:
        """Derive the key, open the vault and read its settings, all on the worker."""
        path = self.vault_path

        def work() -> tuple[VaultSession, Settings]:
            session = vault.unlock_vault(path, passphrase)
            return session, {key: session.get_setting(key) for key in SETTING_KEYS}

        self._runner.submit(
            work, lambda result: self._opened(*result, created=False), self.unlock_failed.emit
        )

    def restore(self, backup: Path, passphrase: str) -> None:
        """Put ``backup`` in place of the vault (the damaged files are kept aside)."""
        path = self.vault_path
        self._runner.submit(
            lambda: vault.restore_backup(path, backup, passphrase),
            lambda _: self.restored.emit(),
            self.restore_failed.emit,
        )

    def _opened(self, session: VaultSession, settings: Settings, *, created: bool) -> None:
        if self.closing:  # the window closed while this was on its way: lock it again
            self._runner.submit(session.lock, on_error=self._quiet_error)
            return
        self._session = session
        self.opened.emit(session, settings, created)

    # -- closing ----------------------------------------------------------------------------

    def lock(self) -> VaultSession | None:
        """Forget the session and queue its lock behind any queued work; the session or None.

        Answers of tasks submitted before this are dropped: nothing may refill a wiped page.
        """
        session = self._session
        if session is None:
            return None
        self._session = None
        self._runner.discard_callbacks()
        self._runner.submit(session.lock, on_error=lambda exc: _log.error("lock failed"))
        return session

    # -- settings inside the vault ----------------------------------------------------------

    def save_setting(self, key: str, value: str) -> None:
        """Store a setting inside the vault (on the worker; a failure is only logged)."""
        session = self._session
        if session is not None:
            self._runner.submit(lambda: session.set_setting(key, value), on_error=self._quiet_error)

    @staticmethod
    def _quiet_error(exc: BaseException) -> None:
        _log.warning("a background task failed: %s", type(exc).__name__)
