"""Vault maintenance from the Vault menu: back up, check, change the passphrase, settings.

Each runs on the task runner (a backup copies the whole database; a check reads every page and
hash), tells the user what happened in one sentence, and says nothing about the testimonies
beyond counts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QStatusBar, QWidget

from testimony_app import words
from testimony_app.domain.model import CheckReport
from testimony_app.errors import PassphraseChangedWithoutBackup
from testimony_app.services.vault import passphrase_strength
from testimony_app.ui.dialogs import ChangePassphraseDialog, SettingsDialog
from testimony_app.ui.prompts import Prompts
from testimony_app.ui.shell.session_controller import SessionController
from testimony_app.ui.tasks import TaskRunner, error_sentence, show_error


class VaultMaintenance(QObject):
    """The Vault menu's maintenance commands for one window.

    Signals:
        settings_chosen(str, int): the language code and lock minutes chosen in Settings.
    """

    settings_chosen = Signal(str, int)
    """The language code and auto-lock minutes the user chose."""

    def __init__(
        self,
        window: QWidget,
        sessions: SessionController,
        runner: TaskRunner,
        prompts: Prompts,
        status_bar: QStatusBar,
        *,
        save_typing: Callable[[], object],
        current_settings: Callable[[], tuple[str, int]],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._sessions = sessions
        self._runner = runner
        self._prompts = prompts
        self._status = status_bar
        self._save_typing = save_typing
        self._current_settings = current_settings

    @Slot()
    def backup(self) -> None:
        """Write and verify an encrypted backup (of what was typed, too)."""
        session = self._sessions.session()
        if session is None:
            return
        self._save_typing()  # queued first: the backup holds what is on screen
        self._status.showMessage(self.tr("Writing a backup…"))

        def done(path: Path) -> None:
            self._status.clearMessage()
            missing = session.backup_missing_files
            if missing:
                self._prompts.error(
                    self._window,
                    self.tr("Backup"),
                    self.tr(
                        "The backup was written and verified, but %1 attachment file(s) are"
                        " damaged or missing in the vault and are not in it. Check the vault"
                        " (Vault menu) to see which."
                    ).replace("%1", str(missing)),
                )
                return
            self._prompts.information(
                self._window,
                self.tr("Backup"),
                self.tr("An encrypted backup was written and verified:\n%1").replace(
                    "%1", str(path)
                ),
            )

        self._runner.submit(session.backup, done)

    @Slot()
    def check(self) -> None:
        """Check encryption, structure, the audit chain and every stored hash."""
        session = self._sessions.session()
        if session is None:
            return
        self._status.showMessage(self.tr("Checking the vault…"))

        def done(report: CheckReport) -> None:
            self._status.clearMessage()
            if report.ok:
                self._prompts.information(
                    self._window,
                    self.tr("Check the vault"),
                    self.tr("The vault is intact: %1 testimonies and %2 audit entries checked.")
                    .replace("%1", str(report.records))
                    .replace("%2", str(report.audit_entries)),
                )
            else:
                self._prompts.error(
                    self._window,
                    self.tr("Check the vault"),
                    self.tr("The check found problems:")
                    + "\n• "
                    + "\n• ".join(words.texts(report.problems)),
                )

        self._runner.submit(session.check, done)

    @Slot()
    def change_passphrase(self) -> None:
        """Open the change-passphrase dialog; the re-key runs on the worker."""
        session = self._sessions.session()
        if session is None:
            return
        dialog = ChangePassphraseDialog(passphrase_strength, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def requested(old: str, new: str) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, PassphraseChangedWithoutBackup):
                    # The new passphrase already works: close the dialog and say what is
                    # missing, rather than invite the old passphrase again.
                    if shiboken6.isValid(dialog):
                        dialog.accept()
                    show_error(self._window, exc)
                elif shiboken6.isValid(dialog):
                    dialog.show_error(error_sentence(exc))
                else:
                    show_error(self._window, exc)

            def done(_: object) -> None:
                if shiboken6.isValid(dialog):
                    dialog.accept()
                self._prompts.information(
                    self._window,
                    self.tr("Change passphrase"),
                    self.tr(
                        "The passphrase was changed. Use the new one from now on: the vault has"
                        " a new key, a fresh backup was written, and nothing in the vault's"
                        " folder opens with the old passphrase any more."
                    ),
                )

            self._runner.submit(lambda: session.change_passphrase(old, new), done, failed)

        dialog.change_requested.connect(requested)
        dialog.open()

    @Slot()
    def open_settings(self) -> None:
        """Open the settings dialog; OK emits :attr:`settings_chosen`."""
        if not self._sessions.is_open:
            return
        language, minutes = self._current_settings()
        dialog = SettingsDialog(language, minutes, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_chosen.connect(self.settings_chosen)
        dialog.open()
