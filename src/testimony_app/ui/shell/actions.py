"""The window's actions, menus and toolbar, their texts, and when each is enabled.

Every command of the window is a ``QAction`` with an object name (``actionLock`` …), so tests
and keyboard users reach the same thing the menu does (KeePassXC's habit). Which actions are
enabled is one table over a small :class:`ActionState`: a locked window offers nothing but the
language, another vault (New vault…, Open vault…), the guide, Quit and About, whatever page
was showing before.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QToolBar, QWidget

from testimony_app.ui.lock import PANIC_SHORTCUT


@dataclass(frozen=True)
class ActionState:
    """What the window shows now, as far as the actions care."""

    unlocked: bool = False
    in_list: bool = False
    in_editor: bool = False
    has_record: bool = False
    sealed: bool = False
    row_selected: bool = False
    high_risk: bool = False
    handed_over: bool = False
    """The testimony in front of the user was handed over: nothing of it to print or link."""


class ShellActions(QObject):
    """Builds the actions into ``window``'s menu bar and toolbar; retranslates and enables them.

    The actions are children of the window (``window.findChild(QAction, "actionLock")``) and
    carry their shortcuts there; the window connects their ``triggered`` signals.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shellActions")
        self._window = window
        self.new = self._action("actionNewTestimony", "Ctrl+N")
        self.open = self._action("actionOpenTestimony", "Ctrl+O")
        self.find = self._action("actionFind", "Ctrl+F")
        self.back = self._action("actionBackToList", "Ctrl+W")
        self.seal = self._action("actionSeal")
        self.amend = self._action("actionAmend")
        self.statement = self._action("actionStatement", "Ctrl+P")
        self.export = self._action("actionExport")
        self.registry = self._action("actionRegistry")
        self.suggest_links = self._action("actionSuggestLinks")
        self.import_receipt = self._action("actionImportReceipt")
        self.device_fingerprint = self._action("actionDeviceFingerprint")
        self.high_risk = self._action("actionHighRisk")
        self.hand_over = self._action("actionHandOver")
        self.lock = self._action("actionLock", PANIC_SHORTCUT)
        # From anywhere in the application, even a dialog (the idle watcher covers modal ones).
        self.lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.backup = self._action("actionBackup")
        self.check = self._action("actionCheckVault")
        self.change_passphrase = self._action("actionChangePassphrase")
        self.settings = self._action("actionSettings", "Ctrl+,")
        self.quit = self._action("actionQuit", "Ctrl+Q")
        self.about = self._action("actionAbout")
        self.new_vault = self._action("actionNewVault")
        self.open_vault = self._action("actionOpenVault")
        self.guide = self._action("actionGuide", QKeySequence.StandardKey.HelpContents)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self._build_menus()
        self._build_toolbar()
        self.retranslate()

    def _action(
        self, name: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self._window.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        self.vault_menu = bar.addMenu("")
        self.vault_menu.setObjectName("vaultMenu")
        self.vault_menu.addAction(self.new_vault)
        self.vault_menu.addAction(self.open_vault)
        self.vault_menu.addSeparator()
        for action in (self.backup, self.check, self.change_passphrase):
            self.vault_menu.addAction(action)
        self.vault_menu.addSeparator()
        self.vault_menu.addAction(self.export)
        self.vault_menu.addAction(self.import_receipt)
        self.vault_menu.addAction(self.device_fingerprint)
        self.vault_menu.addAction(self.high_risk)
        self.vault_menu.addAction(self.registry)
        self.vault_menu.addSeparator()
        self.vault_menu.addAction(self.settings)
        self.vault_menu.addSeparator()
        self.vault_menu.addAction(self.lock)
        self.vault_menu.addAction(self.quit)
        self.testimony_menu = bar.addMenu("")
        self.testimony_menu.setObjectName("testimonyMenu")
        for action in (self.new, self.open, self.find, self.back):
            self.testimony_menu.addAction(action)
        self.testimony_menu.addSeparator()
        self.testimony_menu.addAction(self.seal)
        self.testimony_menu.addAction(self.amend)
        self.testimony_menu.addSeparator()
        self.testimony_menu.addAction(self.statement)
        self.testimony_menu.addAction(self.hand_over)
        self.testimony_menu.addAction(self.suggest_links)
        self.help_menu = bar.addMenu("")
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addAction(self.guide)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self._window)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new, self.back, self.seal, self.amend, self.statement, self.hand_over):
            self.toolbar.addAction(action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.lock)
        self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def update(self, state: ActionState) -> None:
        """Enable what makes sense in ``state``; the toolbar shows only while unlocked."""
        unlocked = state.unlocked
        record = unlocked and state.in_editor and state.has_record
        row = unlocked and state.in_list and state.row_selected
        enabled = {
            self.new: unlocked,
            self.open: unlocked and state.in_list,
            self.find: unlocked and state.in_list,
            self.back: unlocked and (state.in_editor or (state.handed_over and not state.in_list)),
            self.seal: record and not state.sealed,
            self.amend: record and state.sealed,
            self.statement: (record or row) and not state.handed_over,
            self.suggest_links: (record or row) and not state.handed_over,
            self.lock: unlocked,
            self.backup: unlocked,
            self.check: unlocked,
            self.change_passphrase: unlocked,
            self.settings: unlocked,
            self.export: unlocked,
            self.import_receipt: unlocked,
            self.device_fingerprint: unlocked,
            self.registry: unlocked,
            self.high_risk: unlocked,
            # High-risk mode: a sealed testimony open in the editor, or a row of the list (the
            # service refuses a draft with one sentence).
            self.hand_over: state.high_risk and not state.handed_over
            and ((record and state.sealed) or row),
        }
        for action, on in enabled.items():
            action.setEnabled(on)
        self.hand_over.setVisible(unlocked and state.high_risk)
        self._window.menuBar().setVisible(True)
        self.toolbar.setVisible(unlocked)

    def retranslate(self) -> None:
        """Every menu title, action text and tooltip in the current language."""
        self.vault_menu.setTitle(self.tr("&Vault"))
        self.testimony_menu.setTitle(self.tr("&Testimony"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts = {
            self.new: self.tr("&New testimony"),
            self.open: self.tr("&Open testimony"),
            self.find: self.tr("&Find…"),
            self.back: self.tr("&Back to the list"),
            self.seal: self.tr("&Seal…"),
            self.amend: self.tr("&Amend…"),
            self.statement: self.tr("S&tatement…"),
            self.export: self.tr("&Export to the organisation…"),
            self.import_receipt: self.tr("Import &receipt…"),
            self.device_fingerprint: self.tr("This laptop's &fingerprint…"),
            self.high_risk: self.tr("&High-risk mode…"),
            self.hand_over: self.tr("&Hand over…"),
            self.registry: self.tr("Registry and corroboration…"),
            self.suggest_links: self.tr("Suggest registry &links…"),
            self.lock: self.tr("&Lock"),
            self.backup: self.tr("&Back up now"),
            self.check: self.tr("&Check the vault"),
            self.change_passphrase: self.tr("Change &passphrase…"),
            self.settings: self.tr("&Settings…"),
            self.quit: self.tr("&Quit"),
            self.about: self.tr("&About Testimony"),
            self.new_vault: self.tr("&New vault…"),
            self.open_vault: self.tr("&Open vault…"),
            self.guide: self.tr("Interviewer's &guide"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.lock.setToolTip(
            self.tr("Lock the vault now (Ctrl+Shift+L, from anywhere in the program)")
        )
        self.seal.setToolTip(
            self.tr("Freeze this version for the statement; later changes become amendments")
        )
        self.statement.setToolTip(
            self.tr("Preview the witness statement as a PDF, then save it (Ctrl+P)")
        )
        self.hand_over.setToolTip(
            self.tr("Put the bundle in the outbox for the organisation and delete the testimony"
                    " from this laptop (high-risk mode)")
        )
        self.guide.setToolTip(self.tr("The guide for interviewers, in the interface language"))
