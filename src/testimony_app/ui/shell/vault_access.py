"""The create and unlock pages in front of the session controller: ask, show busy, say why not.

The pages only collect a passphrase; the :class:`SessionController` does the work on the task
runner. What lies between is here: the busy state, the one sentence on failure (a wrong
passphrase counts towards the growing wait; damage offers the restore), the restore from a
backup with its confirmation, and the warning when the database no longer holds the history
that was last exported (security.md B5a).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from testimony_app.errors import KeyFileDamaged, UserFacingError, VaultDamaged, WrongPassphrase
from testimony_app.log import get_logger
from testimony_app.services.vault import VaultSession
from testimony_app.ui.create_vault_page import CreateVaultPage
from testimony_app.ui.prompts import Prompts
from testimony_app.ui.shell.session_controller import SessionController, Settings
from testimony_app.ui.tasks import error_sentence
from testimony_app.ui.unlock_page import UnlockPage

_log = get_logger("ui.shell.access")


class VaultAccess(QObject):
    """Connects the create and unlock pages of ``window`` to its session controller."""

    def __init__(
        self,
        window: QWidget,
        sessions: SessionController,
        create_page: CreateVaultPage,
        unlock_page: UnlockPage,
        prompts: Prompts,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._sessions = sessions
        self._create_page = create_page
        self._unlock_page = unlock_page
        self._prompts = prompts
        self._restoring_with: str | None = None
        create_page.create_requested.connect(self.create)
        unlock_page.unlock_requested.connect(self.unlock)
        unlock_page.restore_requested.connect(self.restore)
        sessions.opened.connect(self._opened)
        sessions.create_failed.connect(self._create_failed)
        sessions.unlock_failed.connect(self._unlock_failed)
        sessions.restored.connect(self._restored)
        sessions.restore_failed.connect(self._restore_failed)

    # -- create and unlock ------------------------------------------------------------------

    @Slot(str)
    def create(self, passphrase: str) -> None:
        """Create the vault with ``passphrase`` (seconds of key derivation, on the worker)."""
        self._create_page.set_busy(True)
        self._sessions.create(passphrase)

    @Slot(str)
    def unlock(self, passphrase: str) -> None:
        """Try ``passphrase`` (about a second of key derivation, on the worker)."""
        self._unlock_page.set_busy(True)
        self._sessions.unlock(passphrase)

    def _opened(self, session: VaultSession, _settings: Settings, created: bool) -> None:
        if created:
            self._create_page.clear()
            self._create_page.set_busy(False)
        else:
            self._unlock_page.succeeded()
        if session.key_file_warning is not None:
            self._warn(
                "keyFileWarning",
                self.tr("The vault's key file was changed"),
                self.tr(
                    "One copy of the vault's key file had been changed outside the program. "
                    "The intact copy opened the vault and replaced the changed one."
                ),
                self.tr("If you did not do this yourself, tell your organisation."),
            )
        if session.read_only:
            self._warn(
                "readOnlyWarning",
                self.tr("The disk is full"),
                self.tr(
                    "The disk is full, so the vault is open for reading only: you can read "
                    "and print, but nothing can be saved."
                ),
                self.tr("Free some space, then lock the vault and unlock it again."),
            )
        if session.history_gap is not None:
            self._warn_history(*session.history_gap)

    def _create_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            _log.error("creating the vault failed: %s", type(exc).__name__)
        self._create_page.show_error(error_sentence(exc))

    def _unlock_failed(self, exc: BaseException) -> None:
        sentence = error_sentence(exc)
        if isinstance(exc, WrongPassphrase):
            self._unlock_page.failed(sentence, wrong_passphrase=True)
        elif isinstance(exc, VaultDamaged | KeyFileDamaged):
            self._unlock_page.failed("", wrong_passphrase=False)
            self._unlock_page.set_damaged(True, sentence)
        else:
            if not isinstance(exc, UserFacingError):
                _log.error("unlock failed: %s", type(exc).__name__)
            self._unlock_page.failed(sentence, wrong_passphrase=False)

    # -- restore ----------------------------------------------------------------------------

    @Slot(str)
    def restore(self, passphrase: str) -> None:
        """Choose a backup, confirm, put it in place, then unlock it with ``passphrase``."""
        title = self.tr("Restore from a backup")
        if not passphrase:
            self._prompts.error(
                self._window, title, self.tr("Type the passphrase the backup was made with first.")
            )
            return
        backups = self._sessions.backups()
        chosen = self._prompts.open_paths(
            self._window,
            self.tr("Choose a backup of the vault"),
            self.tr("Vault backups (*)"),
            multiple=False,
            directory=backups[0].parent if backups else self._sessions.vault_path,
        )
        if not chosen or not self._prompts.confirm(
            self._window,
            title,
            self.tr(
                "Restore the vault from this backup? Anything saved after the backup was made "
                "is not in it. The damaged files are kept aside, not deleted."
            ),
            ok_label=self.tr("Restore"),
        ):
            return
        self._restoring_with = passphrase
        self._unlock_page.set_busy(True)
        self._sessions.restore(Path(chosen[0]), passphrase)

    def _restored(self) -> None:
        passphrase, self._restoring_with = self._restoring_with, None
        self._unlock_page.set_busy(False)
        self._unlock_page.set_damaged(False)
        if passphrase is not None:
            self.unlock(passphrase)

    def _restore_failed(self, exc: BaseException) -> None:
        self._restoring_with = None
        self._unlock_page.set_busy(False)
        self._unlock_page.failed(error_sentence(exc), wrong_passphrase=False)

    # -- history ----------------------------------------------------------------------------

    def _warn_history(self, kind: str, seq: int) -> None:
        """The database no longer holds what it had reached (security.md B5a)."""
        if kind == "shorter":
            text = self.tr(
                "This vault's history ends before entry %1, which it had already reached. "
                "Testimonies sealed since may be missing: its database was replaced by an "
                "older copy (a restore from an older backup, or someone else), or lost its "
                "last changes."
            )
        else:
            text = self.tr(
                "This vault's history differs from the one it had reached (entry %1). Its "
                "database was replaced by another copy: by a restore, or by someone else."
            )
        self._warn(
            "historyWarning",
            self.tr("The vault may have been replaced"),
            text.replace("%1", str(seq)),
            self.tr(
                "Testimonies exported since then are with your organisation. If you did not "
                "restore a backup, tell your organisation before you export again. This "
                "warning stays until the next seal or export."
            ),
        )

    def _warn(self, name: str, title: str, text: str, more: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self._window
        )
        box.setObjectName(name)
        box.setInformativeText(more)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
