"""Vault → New vault… and Open vault…: another vault, chosen in the window (GUI review D19).

The window used to open only the vault it was started with (the default one, or
``--vault``). An interviewer may keep one vault per project, or be handed a copy: these two
commands choose a folder, check it holds what was asked for, and tell the window to switch
(it locks the open vault first, so nothing of it stays on screen).

The choice is not remembered between runs, on purpose: the program's plaintext preferences
hold no paths, because a path to a vault tells a checkpoint officer where to look. The next
start opens the default vault again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from testimony_app.services.vault import VaultState, vault_state
from testimony_app.ui.prompts import Prompts


class VaultChooser(QObject):
    """Asks for a vault folder and says which one was chosen.

    Signals:
        chosen(object): the folder (a ``Path``) of the vault to create or unlock.
    """

    chosen = Signal(object)
    """The vault folder to show: the create page if it holds no vault, else the unlock page."""

    def __init__(self, window: QWidget, prompts: Prompts, current: Path) -> None:
        super().__init__(window)
        self.setObjectName("vaultChooser")
        self._window = window
        self._prompts = prompts
        self.current = current

    def new_vault(self) -> Path | None:
        """Ask for an empty (or new) folder; the window then offers to create a vault there."""
        folder = self._prompts.choose_directory(
            self._window,
            self.tr("Choose or create an empty folder for the new vault"),
            self.current.parent,
        )
        if folder is None:
            return None
        if vault_state(folder) is not VaultState.ABSENT:
            self._prompts.error(
                self._window,
                self.tr("New vault"),
                self.tr("That folder already holds a vault. Use Open vault… to open it."),
            )
            return None
        if folder.exists() and any(folder.iterdir()):
            self._prompts.error(
                self._window,
                self.tr("New vault"),
                self.tr("That folder is not empty. Choose an empty folder, or create one in "
                        "the dialog."),
            )
            return None
        self._choose(folder)
        return folder

    def open_vault(self) -> Path | None:
        """Ask for a folder that holds a vault; the window then shows its unlock page."""
        folder = self._prompts.choose_directory(
            self._window, self.tr("Choose the folder of the vault to open"), self.current.parent
        )
        if folder is None:
            return None
        if vault_state(folder) is VaultState.ABSENT:
            self._prompts.error(
                self._window,
                self.tr("Open vault"),
                self.tr("There is no vault in that folder. A vault folder holds the files "
                        "vault.keys and vault.db."),
            )
            return None
        self._choose(folder)
        return folder

    def _choose(self, folder: Path) -> None:
        self.current = folder.absolute()
        self.chosen.emit(self.current)
