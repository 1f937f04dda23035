"""The one window: create or unlock the vault, the list of testimonies, the editor.

Everything lives in one ``QStackedWidget`` so that locking is a single page switch: whatever was
on screen (a narrative, a name) is replaced by the unlock page at once, and the pages that held
case data are emptied behind it. The window title is always just the program's name, because
titles show up in task switchers, window lists and screen sharing.

The window keeps the pages and the wiring; the pieces it wires live in ``ui/shell/``: the
:class:`SessionController` holds the vault session, :class:`ShellActions` the menus and the
enabled-state table, :class:`VaultMaintenance` the Vault menu's upkeep, :class:`ClipboardGuard`
what was copied from here, :class:`LockTriggers` what locks without a click (idle time with its
warning, sleep, the panic keys), :class:`HelpMenu` the guide and About.

Two stages (issue 19: the window within a second of the start). First what the create and
unlock pages need; then the list, the editor and what works on an open vault (two thirds of
the start), in steps after the first paint with ``defer_pages=True`` (``ui/shell/later_steps``),
at once otherwise, and at the latest when a vault opens (:meth:`MainWindow.build_pages`).

Locking, in order (security.md §4.4):

1. close any open dialog (it may hold a passphrase or a name);
2. ``editor.flush()``: queue the draft's save now, so locking never costs a word;
3. hand ``session.lock()`` to the task runner, behind that save (the runner is serial), and
   forget the session; callbacks of older tasks are dropped;
4. clear the editor (widgets, models, undo stacks), the list, the search box and filters,
   "Reveal names", and the clipboard if it holds something copied from this program;
5. show the unlock page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from testimony_app.domain.model import Status
from testimony_app.log import get_logger
from testimony_app.services.vault import (
    KdfChoice,
    VaultState,
    generate_passphrase,
    passphrase_strength,
)
from testimony_app.ui.create_vault_page import CreateVaultPage
from testimony_app.ui.i18n import Translations, UiPreferences
from testimony_app.ui.prompts import Prompts, default_prompts
from testimony_app.ui.shell.actions import ActionState, ShellActions
from testimony_app.ui.shell.clipboard_guard import ClipboardGuard
from testimony_app.ui.shell.help import HelpMenu
from testimony_app.ui.shell.later_steps import SecondStage
from testimony_app.ui.shell.lock_triggers import LockTriggers
from testimony_app.ui.shell.session_controller import OPEN_RECORD, SessionController, Settings
from testimony_app.ui.shell.vault_access import VaultAccess
from testimony_app.ui.shell.vault_chooser import VaultChooser
from testimony_app.ui.tasks import TaskRunner
from testimony_app.ui.unlock_page import UnlockPage
from testimony_app.ui.vault_pages import LanguageSelector
from testimony_app.ui.wheel_guard import install_wheel_guard

if TYPE_CHECKING:
    # Imported by build_pages(), after the unlock page is on screen.
    from testimony_app.services.vault import VaultSession
    from testimony_app.ui.editor import TestimonyEditor
    from testimony_app.ui.handed_over_page import HandedOverPage
    from testimony_app.ui.shell.handover_control import HandoverControl
    from testimony_app.ui.shell.maintenance import VaultMaintenance
    from testimony_app.ui.shell.record_dialogs import RecordDialogs
    from testimony_app.ui.shell.recovery import Recovery
    from testimony_app.ui.testimony_list import TestimonyListPage

_log = get_logger("ui.main_window")


class MainWindow(QMainWindow):
    """Stacked pages (create/unlock, list, editor), the menus, and the lock.

    Signals:
        locked(): the vault was locked and every page cleared.
        unlocked(): a session is open and the list is showing.
    """

    locked = Signal()
    """The vault was locked; nothing of it is on screen."""
    unlocked = Signal()
    """The vault is open."""

    PAGE_CREATE, PAGE_UNLOCK, PAGE_LIST, PAGE_EDITOR, PAGE_HANDED_OVER = range(5)

    # Made by build_pages() (ui/shell/later_pages.py).
    list_page: TestimonyListPage
    editor: TestimonyEditor
    handed_over_page: HandedOverPage
    recovery: Recovery
    dialogs: RecordDialogs
    handover: HandoverControl
    maintenance: VaultMaintenance

    def __init__(
        self,
        vault_path: Path,
        *,
        prompts: Prompts | None = None,
        kdf: KdfChoice = "calibrated",
        demo_passphrase: str | None = None,
        preferences: UiPreferences | None = None,
        translations: Translations | None = None,
        monotonic: Callable[[], float] | None = None,
        wall_clock: Callable[[], float] | None = None,
        idle_check_ms: int = 5000,
        watch_sleep: bool = True,
        defer_pages: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``defer_pages``: build the list, the editor and what they need only after the first
        paint (the program's start); otherwise at once."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.prompts: Prompts = prompts or default_prompts()
        self.vault_path = vault_path
        self._current_record: str | None = None
        self._language_chosen_while_locked = False
        self._terminating = False
        self._second_stage = SecondStage(self, lambda: self._update_actions())
        self._build_after_paint = defer_pages
        self.preferences = preferences or UiPreferences()
        self.translations = translations or Translations()
        self.translations.apply(self.preferences.language)

        self.runner = TaskRunner(self)
        self.runner.setObjectName("taskRunner")
        install_wheel_guard()  # before any field is shown: the wheel never changes a fact
        self.sessions = SessionController(vault_path, self.runner, kdf=kdf, parent=self)
        self.clipboard_guard = ClipboardGuard(self)

        self.lock_triggers = LockTriggers(
            self,
            lambda: self.sessions.is_open,
            monotonic=monotonic,
            wall_clock=wall_clock,
            idle_check_ms=idle_check_ms,
            watch_sleep=watch_sleep,
        )
        self.lock_triggers.lock_requested.connect(self.lock)
        self.idle = self.lock_triggers.idle
        self.idle_warning = self.lock_triggers.idle_warning
        self.help = HelpMenu(self, self.prompts, lambda: self.translations.code)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.create_page = CreateVaultPage(
            vault_path, strength=passphrase_strength, generate=generate_passphrase
        )
        self.unlock_page = UnlockPage(vault_path)
        for page in (self.create_page, self.unlock_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        for selector in (self.create_page.language, self.unlock_page.language):
            selector.set_code(self.translations.code)
            selector.currentIndexChanged.connect(
                lambda _index, chosen=selector: self._language_selected(chosen)
            )

        self.access = VaultAccess(
            self, self.sessions, self.create_page, self.unlock_page, self.prompts
        )
        self.vaults = VaultChooser(self, self.prompts, vault_path)
        self.vaults.chosen.connect(self.switch_vault)
        self.commands = ShellActions(self)
        self._wire_start_actions()
        self._build_status_bar()

        self.sessions.opened.connect(self._open_session)
        self.pages.currentChanged.connect(self._update_actions)
        self.runner.busy_changed.connect(self._busy_changed)

        if demo_passphrase:
            self.unlock_page.set_demo_passphrase(demo_passphrase)
            self.create_page.prefill(demo_passphrase)
        self.retranslate()
        geometry = self.preferences.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_to_screen()
        self.show_start_page()
        if not defer_pages:
            self.build_pages()

    def build_pages(self) -> None:
        """The list, the editor, the handed-over page and what works on an open vault: their
        modules are imported here, not with the window (see the module docstring). Once."""
        self._second_stage.finish()

    @property
    def pages_built(self) -> bool:
        """Whether :meth:`build_pages` has run."""
        return self._second_stage.done

    def _fit_to_screen(self) -> None:
        """A first size that fits the screen: 1180×760 where there is room, less on a small
        laptop (1024×768, or 1280×720 at 125 %), never more than the screen offers."""
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        width, height = 1180, 760
        if area is not None and area.width() > 0:
            width = min(width, area.width() - 24)
            height = min(height, area.height() - 48)
        self.resize(max(640, width), max(480, height))

    def _wire_start_actions(self) -> None:
        """What works before the pages behind the unlock page exist."""
        c = self.commands
        slots: list[tuple[QAction, Callable[[], object]]] = [
            (c.lock, self.lock_triggers.panic_lock),
            (c.quit, self.close),
            (c.about, self.help.show_about),
            (c.new_vault, self.vaults.new_vault),
            (c.open_vault, self.vaults.open_vault),
            (c.guide, self.help.show_guide),
        ]
        for action, slot in slots:
            action.triggered.connect(slot)

    def _build_status_bar(self) -> None:
        self.busy_indicator = QProgressBar(self)
        self.busy_indicator.setObjectName("busyIndicator")
        self.busy_indicator.setRange(0, 0)
        self.busy_indicator.setTextVisible(False)
        self.busy_indicator.setMaximumWidth(120)
        self.busy_indicator.setFixedHeight(10)
        self.busy_indicator.hide()
        self.statusBar().addPermanentWidget(self.busy_indicator)
        self._busy_delay = QTimer(self)
        self._busy_delay.setSingleShot(True)
        self._busy_delay.setInterval(300)  # no flicker for quick calls
        self._busy_delay.timeout.connect(self.busy_indicator.show)

    # -- state ------------------------------------------------------------------------------

    def session(self) -> VaultSession | None:
        """The open vault session, or ``None`` while locked (the pages' session provider)."""
        return self.sessions.session()

    @property
    def is_locked(self) -> bool:
        """True while no vault session is open."""
        return not self.sessions.is_open

    @property
    def current_record(self) -> str | None:
        """The record open in the editor, if any."""
        return self._current_record

    @property
    def lock_minutes(self) -> int:
        """The auto-lock limit in minutes."""
        return self.lock_triggers.minutes

    def in_editor(self) -> bool:
        """Whether the editor page is showing."""
        return self.pages.currentIndex() == self.PAGE_EDITOR

    def in_list(self) -> bool:
        """Whether the list of testimonies is showing."""
        return self.pages.currentIndex() == self.PAGE_LIST

    def show_start_page(self) -> None:
        """Create page when there is no vault yet, else the unlock page (damaged or not)."""
        state = self.sessions.state()
        if state is VaultState.ABSENT:
            self.create_page.set_vault_path(self.vault_path)
            self.pages.setCurrentIndex(self.PAGE_CREATE)
            self.create_page.passphrase.setFocus()
        else:
            self.unlock_page.set_damaged(state is VaultState.DAMAGED)
            self.pages.setCurrentIndex(self.PAGE_UNLOCK)
            self.unlock_page.prepare()
        self._update_actions()

    # -- lock -------------------------------------------------------------------------------

    def lock(self, reason: str = "") -> None:
        """Save, close the vault, wipe every page and show the unlock page. Safe to repeat."""
        self._close_dialogs()
        was_open = self.sessions.is_open
        if was_open and self._second_stage.done:
            try:
                self.editor.flush()  # queued before the lock: the serial runner keeps the order
            except Exception:  # noqa: BLE001 -- the lock must happen whatever the editor does
                _log.exception("flush before lock failed")
            self.recovery.clear()  # a clean end: nothing to recover at the next unlock
        self.sessions.lock()
        if self._second_stage.done:
            self.handover.locked()
            self.recovery.forget()
        self.lock_triggers.stop()
        self._current_record = None
        self._wipe_pages()
        self.unlock_page.set_damaged(False)
        self.unlock_page.set_busy(False)
        self.pages.setCurrentIndex(self.PAGE_UNLOCK)
        self.unlock_page.prepare()
        self.unlock_page.set_reason(reason)
        self._update_actions()
        if was_open:
            self.locked.emit()

    def _wipe_pages(self) -> None:
        if not self._second_stage.done:
            self.create_page.clear()
            self.clipboard_guard.wipe()
            return
        try:
            self.editor.clear()
        except Exception:  # noqa: BLE001 -- keep wiping the rest
            _log.exception("editor clear failed")
        self.list_page.clear()
        self.handed_over_page.clear()
        self.create_page.clear()
        self.clipboard_guard.wipe()

    def _close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        for menu in self.findChildren(QMenu):
            if menu.isVisible():
                menu.close()

    # -- opening ------------------------------------------------------------------------------

    def _open_session(self, _session: VaultSession, settings: Settings, created: bool) -> None:
        """Apply the settings stored in the vault and show the list."""
        self.build_pages()  # already done unless the vault opened before the first paint
        minutes = settings.get("lock_minutes")
        self.lock_triggers.set_minutes(
            int(minutes) if minutes and minutes.isdigit() else self.lock_minutes
        )
        stored_language = settings.get("ui_language")
        if created or self._language_chosen_while_locked or not stored_language:
            self.sessions.save_setting("ui_language", self.translations.code)
        elif stored_language != self.translations.code:
            self.set_language(stored_language)
        if created:
            self.sessions.save_setting("lock_minutes", str(self.lock_minutes))
        self._language_chosen_while_locked = False
        self.list_page.refresh()
        self.pages.setCurrentIndex(self.PAGE_LIST)
        self.list_page.table.setFocus()
        self.lock_triggers.start()
        self._update_actions()
        self.unlocked.emit()
        self.handover.session_opened()
        self.recovery.after_unlock(settings.get(OPEN_RECORD))

    # -- testimonies ------------------------------------------------------------------------

    @Slot()
    def new_testimony(self) -> None:
        """Start a new draft and open it on Consent, the cursor in its first field."""
        session = self.session()
        if session is not None:
            self.runner.submit(session.testimonies.create, self._open_new)

    def _open_new(self, record_id: str) -> None:
        if not self.sessions.is_open:
            return
        self._current_record = record_id
        self.editor.open_new(record_id)
        self.pages.setCurrentIndex(self.PAGE_EDITOR)
        self._update_actions()

    @Slot(str)
    def open_record(self, record_id: str) -> None:
        """Show ``record_id`` in the editor (the editor saves the one open before)."""
        if not self.sessions.is_open:
            return
        row = self.list_page.model.row_of(record_id)
        if row >= 0 and self.list_page.model.summary_at(row).status is Status.HANDED_OVER:
            self.show_handed_over(record_id)
            return
        self._current_record = record_id
        self.editor.open_record(record_id)
        self.pages.setCurrentIndex(self.PAGE_EDITOR)
        self._update_actions()

    def show_handed_over(self, record_id: str) -> None:
        """A handed-over testimony: what the laptop keeps of it, in place of the editor."""
        if self.in_editor():
            self.editor.clear()
        self._current_record = record_id
        self.handed_over_page.show_record(record_id)
        self.pages.setCurrentIndex(self.PAGE_HANDED_OVER)
        self._update_actions()

    def back(self) -> None:
        """Back to the list, from the editor or from a handed-over testimony's page."""
        if self.pages.currentIndex() == self.PAGE_HANDED_OVER:
            self.back_to_list()
        else:
            self.editor.close_editor()

    @Slot()
    def refresh_actions(self) -> None:
        """Enable the actions again after something they depend on changed."""
        self._update_actions()

    @Slot()
    def open_selected(self) -> None:
        """Open the testimony selected in the list."""
        record_id = self.list_page.selected_id()
        if record_id:
            self.open_record(record_id)
        else:
            self.list_page.table.setFocus()

    @Slot()
    def back_to_list(self, *, reselect: bool = True) -> None:
        """Save the open testimony and show the list, with it selected (if ``reselect``)."""
        if not self.sessions.is_open:
            return
        record_id = self._current_record if reselect else None
        if record_id is not None:
            self.editor.flush()
        self._current_record = None
        self.recovery.clear()
        self.pages.setCurrentIndex(self.PAGE_LIST)

        def select_it_again() -> None:
            if record_id:
                self.list_page.select_id(record_id)

        self.list_page.refresh(on_done=select_it_again)
        self.list_page.table.setFocus()
        self._update_actions()

    @Slot(str)
    def record_changed(self, record_id: str) -> None:
        """The editor opened, saved or sealed ``record_id``: follow it."""
        if record_id:
            self._current_record = record_id
        self._update_actions()

    # -- settings and language --------------------------------------------------------------

    @Slot(str, int)
    def apply_settings(self, language: str, lock_minutes: int) -> None:
        """Use and store (inside the vault) the chosen language and lock time."""
        minutes = self.lock_triggers.set_minutes(lock_minutes)
        self.sessions.save_setting("lock_minutes", str(minutes))
        if language != self.translations.code:
            self.set_language(language)
            self.sessions.save_setting("ui_language", self.translations.code)

    def set_language(self, code: str) -> None:
        """Switch the whole interface to ``code`` now (no restart) and remember it."""
        applied = self.translations.apply(code)
        self.preferences.language = applied
        for selector in (self.create_page.language, self.unlock_page.language):
            selector.set_code(applied)
        if self._second_stage.done:
            self.list_page.set_language(applied)
            self.editor.set_language(applied)
        # installTranslator posted LanguageChange to every widget; deliver those now so the
        # switch is complete when this returns. Actions are not widgets: retranslate() does them.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.retranslate()

    def _language_selected(self, selector: LanguageSelector) -> None:
        code = selector.code()
        if code and code != self.translations.code:
            self.set_language(code)
            self._language_chosen_while_locked = not self.sessions.is_open

    @Slot(object)
    def switch_vault(self, path: Path) -> None:
        """Show another vault: its unlock page, or the create page where there is none.

        The open vault is locked first (saved, closed, wiped from the screen)."""
        self.lock()
        self.vault_path = path
        self.sessions.vault_path = path
        self.vaults.current = path
        self.create_page.set_vault_path(path)
        self.unlock_page.set_vault_path(path)
        self.unlock_page.set_demo_passphrase(None)
        self.create_page.clear()
        self.show_start_page()

    def retranslate(self) -> None:
        """Set every text of the window itself in the current language."""
        self.setWindowTitle(self.tr("Testimony"))
        self.commands.retranslate()

    # -- small slots ------------------------------------------------------------------------

    @Slot()
    def _update_actions(self) -> None:
        page = self.pages.currentIndex()
        if not self._second_stage.done:
            self.commands.update(ActionState())  # locked: nothing but the vault's door
            return
        has_record = self._current_record is not None and not self.editor.is_opening()
        self.commands.update(
            ActionState(
                unlocked=self.sessions.is_open,
                in_list=page == self.PAGE_LIST,
                in_editor=page == self.PAGE_EDITOR,
                has_record=has_record,
                sealed=has_record and self.editor.is_read_only(),
                row_selected=self.list_page.selected_id() is not None,
                high_risk=self.handover.enabled,
                handed_over=self._handed_over_in_front(page),
            )
        )

    def _handed_over_in_front(self, page: int) -> bool:
        if page == self.PAGE_HANDED_OVER:
            return True
        if page != self.PAGE_LIST:
            return False
        record_id = self.list_page.selected_id()
        model = self.list_page.model
        row = model.row_of(record_id) if record_id else -1
        return row >= 0 and model.summary_at(row).status is Status.HANDED_OVER

    @Slot()
    def find_in_list(self) -> None:
        """Ctrl+F: the search box, on the list."""
        if self.pages.currentIndex() == self.PAGE_LIST:
            self.list_page.focus_search()

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        # The create and unlock pages show their own progress: one bar is enough (review D25).
        if busy and self.pages.currentIndex() not in (self.PAGE_CREATE, self.PAGE_UNLOCK):
            self._busy_delay.start()
        else:
            self._busy_delay.stop()
            self.busy_indicator.hide()

    # -- Qt overrides -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._build_after_paint:
            # Once the unlock page is on screen, the rest comes in steps (ui/shell/later_steps).
            self._build_after_paint = False
            self._second_stage.step_later()

    def terminate(self) -> None:
        """The system ends the program (logout, SIGTERM): save, lock and close, asking nothing."""
        self._terminating = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Lock on close: save, close the vault, and wait for the queue so nothing is lost.

        If the last changes cannot be saved, the user is asked before they are lost, unless the
        system is ending the program, which does not wait for an answer.
        """
        if (
            self.sessions.is_open
            and self._second_stage.done
            and not self._terminating
            and not self.editor.save_and_wait()
            and not self.editor.saver.saving  # still waiting behind a backup: the lock waits too
            and not self.prompts.confirm(
                self,
                self.tr("Quit without saving?"),
                self.tr(
                    "The last changes to this testimony could not be saved. If you quit now "
                    "they are lost."
                ),
                ok_label=self.tr("Quit and lose them"),
                destructive=True,
            )
        ):
            event.ignore()
            return
        self.sessions.closing = True
        self.lock()
        if not self.runner.wait_idle(30000):
            _log.warning("background work still running at close")
        self.preferences.geometry = self.saveGeometry()
        self.lock_triggers.detach()
        self.runner.shutdown(5000)
        event.accept()
