"""The one window: create or unlock the vault, the list of testimonies, the editor.

Everything lives in one ``QStackedWidget`` so that locking is a single page switch: whatever was
on screen (a narrative, a name) is replaced by the unlock page at once, and the pages that held
case data are emptied behind it. The window title is always just the program's name, because
titles show up in task switchers, window lists and screen sharing.

Locking, in order (security.md §4.4):

1. close any open dialog (it may hold a passphrase or a name);
2. ``editor.flush()``: save the draft now, so locking never costs a word;
3. hand ``session.lock()`` to the task runner, behind any save already queued (the runner is
   serial), and forget the session; callbacks of older tasks are dropped;
4. clear the editor (widgets, models, undo stacks), the list, the search box and filters,
   "Reveal names", and the clipboard if it holds something copied from this program;
5. show the unlock page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from testimony_app import __version__
from testimony_app.errors import KeyFileDamaged, UserFacingError, VaultDamaged, WrongPassphrase
from testimony_app.log import get_logger
from testimony_app.ui.dialogs import ChangePassphraseDialog, SettingsDialog
from testimony_app.ui.export_dialog import ExportDialog
from testimony_app.ui.i18n import Translations, UiPreferences
from testimony_app.ui.lock import (
    DEFAULT_LOCK_MINUTES,
    MAX_LOCK_MINUTES,
    MIN_LOCK_MINUTES,
    PANIC_SHORTCUT,
    IdleWatcher,
    SleepWatcher,
)
from testimony_app.ui.prompts import Prompts, default_prompts
from testimony_app.ui.receipt_dialog import ReceiptDialog
from testimony_app.ui.registry_view import RegistryView
from testimony_app.ui.statement_dialog import StatementDialog
from testimony_app.ui.tasks import TaskRunner, error_sentence, show_error
from testimony_app.ui.testimony_list import TestimonyListPage
from testimony_app.ui.testimony_table import SUMMARY_ROLE
from testimony_app.ui.vault_pages import CreateVaultPage, UnlockPage

if TYPE_CHECKING:
    from testimony_app.domain.model import CheckReport, VersionInfo
    from testimony_app.services.vault import VaultSession

_log = get_logger("ui.main_window")

SessionProvider = Callable[[], "VaultSession | None"]


class EditorLike(Protocol):
    """The public API of ``ui/editor.py::TestimonyEditor`` that the window relies on."""

    closed: Any
    record_changed: Any

    def open_record(self, record_id: str) -> None: ...
    def flush(self) -> bool: ...
    def clear(self) -> None: ...


EditorFactory = Callable[[SessionProvider, TaskRunner, QWidget], QWidget]


class PlaceholderEditor(QWidget):
    """Stands in for the testimony editor when ``ui/editor.py`` is not available.

    Signals:
        closed(): back to the list.
        record_changed(str): the record shown.
    """

    closed = Signal()
    """Back to the list."""
    record_changed = Signal(str)
    """The record id shown."""

    def __init__(
        self, session_provider: SessionProvider, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderEditor")
        self.record_id: str | None = None
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        back = QPushButton(self.tr("Back to the list"), self)
        back.setObjectName("placeholderBackButton")
        back.clicked.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def open_record(self, record_id: str) -> None:
        """Remember the record; there is nothing to show it with."""
        self.record_id = record_id
        self.label.setText(self.tr("The testimony editor is not available in this build."))
        self.record_changed.emit(record_id)

    def flush(self) -> bool:
        """Nothing to save."""
        return True

    def clear(self) -> None:
        """Forget the record."""
        self.record_id = None
        self.label.setText("")


def default_editor_factory(
    session_provider: SessionProvider, runner: TaskRunner, parent: QWidget
) -> QWidget:
    """The real editor if it is importable, else a placeholder."""
    try:
        from testimony_app.ui.editor import TestimonyEditor
    except ModuleNotFoundError as exc:
        if exc.name != "testimony_app.ui.editor":
            raise
        _log.warning("editor module not found; using the placeholder")
        return PlaceholderEditor(session_provider, runner, parent)
    return TestimonyEditor(session_provider, runner, parent=parent)


def _digest(text: str) -> str:
    """A hash to recognise our clipboard content later without keeping the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _vault_api() -> Any:
    """The vault services, imported late so that widget tests need no database."""
    from testimony_app.services import vault

    return vault


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

    PAGE_CREATE, PAGE_UNLOCK, PAGE_LIST, PAGE_EDITOR = range(4)

    def __init__(
        self,
        vault_path: Path,
        *,
        prompts: Prompts | None = None,
        kdf: str = "calibrated",
        demo_passphrase: str | None = None,
        preferences: UiPreferences | None = None,
        translations: Translations | None = None,
        monotonic: Callable[[], float] | None = None,
        wall_clock: Callable[[], float] | None = None,
        idle_check_ms: int = 5000,
        editor_factory: EditorFactory | None = None,
        watch_sleep: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.prompts: Prompts = prompts or default_prompts()
        self.vault_path = vault_path
        self._kdf = kdf
        self._session: VaultSession | None = None
        self._current_record: str | None = None
        self._closing = False
        self._lock_minutes = DEFAULT_LOCK_MINUTES
        self._language_chosen_while_locked = False
        self._clipboard_mark: str | None = None
        self.preferences = preferences or UiPreferences()
        self.translations = translations or Translations()
        self.translations.apply(self.preferences.language)

        self.runner = TaskRunner(self)
        self.runner.setObjectName("taskRunner")

        clocks: dict[str, Any] = {}
        if monotonic is not None:
            clocks["monotonic"] = monotonic
        if wall_clock is not None:
            clocks["wall"] = wall_clock
        self.idle = IdleWatcher(self, check_interval_ms=idle_check_ms, **clocks)
        self.idle.setObjectName("idleWatcher")
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.idle.idle.connect(self._idle_lock)
        self.idle.panic.connect(self._panic_lock)
        self.sleep_watcher: SleepWatcher | None = None
        if watch_sleep:
            self.sleep_watcher = SleepWatcher(self)
            self.sleep_watcher.lock_requested.connect(self._sleep_lock)

        vault = _vault_api()
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.create_page = CreateVaultPage(
            vault_path, strength=vault.passphrase_strength, generate=vault.generate_passphrase
        )
        self.unlock_page = UnlockPage(vault_path)
        self.list_page = TestimonyListPage(
            self.session, self.runner, language=self.translations.code
        )
        # Typed as Any: the editor is a QWidget with the EditorLike API above, which Python's
        # type system cannot state for a class that is not ours to change.
        self.editor: Any = cast(
            Any, (editor_factory or default_editor_factory)(self.session, self.runner, self.pages)
        )
        if not self.editor.objectName():
            self.editor.setObjectName("editor")
        editor_language = getattr(self.editor, "set_language", None)
        if callable(editor_language):
            editor_language(self.translations.code)
        for page in (self.create_page, self.unlock_page, self.list_page, self.editor):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        for selector in (self.create_page.language, self.unlock_page.language):
            selector.set_code(self.translations.code)
            selector.currentIndexChanged.connect(self._language_selected)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()

        self.create_page.create_requested.connect(self._create_vault)
        self.unlock_page.unlock_requested.connect(self._unlock)
        self.unlock_page.restore_requested.connect(self._restore)
        self.list_page.open_requested.connect(self.open_record)
        self.list_page.new_requested.connect(self.action_new.trigger)
        self.editor.closed.connect(self.back_to_list)
        self.editor.record_changed.connect(self._record_changed)
        self.pages.currentChanged.connect(self._update_actions)
        self.list_page.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.list_page.proxy.modelReset.connect(self._update_actions)
        self.runner.busy_changed.connect(self._busy_changed)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.dataChanged.connect(self._clipboard_changed)

        if demo_passphrase:
            self.unlock_page.set_demo_passphrase(demo_passphrase)
            self.create_page.prefill(demo_passphrase)
        self.retranslate()
        geometry = self.preferences.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        self.show_start_page()

    # -- state ------------------------------------------------------------------------------

    def session(self) -> VaultSession | None:
        """The open vault session, or ``None`` while locked (the editor's session provider)."""
        return self._session

    @property
    def is_locked(self) -> bool:
        """True while no vault session is open."""
        return self._session is None

    @property
    def current_record(self) -> str | None:
        """The record open in the editor, if any."""
        return self._current_record

    @property
    def lock_minutes(self) -> int:
        """The auto-lock limit in minutes."""
        return self._lock_minutes

    def show_start_page(self) -> None:
        """Create page when there is no vault yet, else the unlock page (damaged or not)."""
        state = _vault_api().vault_state(self.vault_path)
        value = getattr(state, "value", str(state)).lower()
        if value == "absent":
            self.create_page.set_vault_path(self.vault_path)
            self.pages.setCurrentIndex(self.PAGE_CREATE)
            self.create_page.passphrase.setFocus()
        else:
            self.unlock_page.set_damaged(value == "damaged")
            self.pages.setCurrentIndex(self.PAGE_UNLOCK)
            self.unlock_page.prepare()
        self._update_actions()

    # -- lock -------------------------------------------------------------------------------

    def lock(self, reason: str = "") -> None:
        """Save, close the vault, wipe every page and show the unlock page. Safe to repeat."""
        self._close_dialogs()
        session = self._session
        if session is not None:
            saved = True
            if self._current_record is not None:
                try:
                    saved = bool(self.editor.flush())
                except Exception:  # noqa: BLE001 -- the lock must happen whatever the editor does
                    _log.exception("flush before lock failed")
                    saved = False
            if not saved:
                _log.warning("the last change could not be saved before locking")
            self._session = None
            self.runner.discard_callbacks()
            self.runner.submit(session.lock, on_error=lambda exc: _log.error("lock failed"))
        self.idle.stop()
        self._current_record = None
        self._wipe_pages()
        self.unlock_page.set_damaged(False)
        self.unlock_page.set_busy(False)
        self.pages.setCurrentIndex(self.PAGE_UNLOCK)
        self.unlock_page.prepare()
        self.unlock_page.set_reason(reason)
        self._update_actions()
        if session is not None:
            self.locked.emit()

    def _wipe_pages(self) -> None:
        try:
            self.editor.clear()
        except Exception:  # noqa: BLE001 -- keep wiping the rest
            _log.exception("editor clear failed")
        self.list_page.clear()
        self.create_page.clear()
        clipboard = QGuiApplication.clipboard()
        # Only if it still holds what was copied here: never wipe what another program put.
        if (
            clipboard is not None
            and self._clipboard_mark is not None
            and (clipboard.ownsClipboard() or _digest(clipboard.text()) == self._clipboard_mark)
        ):
            clipboard.clear()
        self._clipboard_mark = None

    def _close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        for menu in self.findChildren(QMenu):
            if menu.isVisible():
                menu.close()

    @Slot()
    def _idle_lock(self) -> None:
        if self._session is not None:
            self.lock(
                self.tr("Locked after %n minute(s) without activity.", "", self._lock_minutes)
            )

    @Slot()
    def _panic_lock(self) -> None:
        if self._session is not None:
            self.lock(self.tr("Locked."))

    @Slot()
    def _sleep_lock(self) -> None:
        if self._session is not None:
            self.lock(self.tr("Locked because the computer went to sleep or the screen locked."))

    # -- create / unlock / restore ----------------------------------------------------------

    @Slot(str)
    def _create_vault(self, passphrase: str) -> None:
        vault = _vault_api()
        path, kdf = self.vault_path, self._kdf
        self.create_page.set_busy(True)
        self.runner.submit(
            lambda: vault.create_vault(path, passphrase, kdf=kdf),
            self._vault_created,
            self._create_failed,
        )

    def _vault_created(self, session: VaultSession) -> None:
        self.create_page.clear()
        self.create_page.set_busy(False)
        self._open_session(session, {})
        self._save_vault_setting("ui_language", self.translations.code)
        self._save_vault_setting("lock_minutes", str(self._lock_minutes))

    def _create_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserFacingError):
            _log.error("creating the vault failed: %s", type(exc).__name__)
        self.create_page.show_error(error_sentence(exc))

    @Slot(str)
    def _unlock(self, passphrase: str) -> None:
        vault = _vault_api()
        path = self.vault_path
        self.unlock_page.set_busy(True)

        def work() -> tuple[VaultSession, dict[str, str | None]]:
            session = vault.unlock_vault(path, passphrase)
            settings = {key: session.get_setting(key) for key in ("lock_minutes", "ui_language")}
            return session, settings

        self.runner.submit(work, self._unlock_succeeded, self._unlock_failed)

    def _unlock_succeeded(self, result: tuple[VaultSession, dict[str, str | None]]) -> None:
        session, settings = result
        if self._closing:
            session.lock()
            return
        self.unlock_page.succeeded()
        self._open_session(session, settings)

    def _unlock_failed(self, exc: BaseException) -> None:
        sentence = error_sentence(exc)
        if isinstance(exc, WrongPassphrase):
            self.unlock_page.failed(sentence, wrong_passphrase=True)
        elif isinstance(exc, VaultDamaged | KeyFileDamaged):
            self.unlock_page.failed("", wrong_passphrase=False)
            self.unlock_page.set_damaged(True, sentence)
        else:
            if not isinstance(exc, UserFacingError):
                _log.error("unlock failed: %s", type(exc).__name__)
            self.unlock_page.failed(sentence, wrong_passphrase=False)

    @Slot(str)
    def _restore(self, passphrase: str) -> None:
        vault = _vault_api()
        if not passphrase:
            self.prompts.error(
                self,
                self.tr("Restore from a backup"),
                self.tr("Type the passphrase the backup was made with first."),
            )
            return
        backups = vault.list_backups(self.vault_path) if hasattr(vault, "list_backups") else []
        directory = backups[0].parent if backups else self.vault_path
        chosen = self.prompts.open_paths(
            self,
            self.tr("Choose a backup of the vault"),
            self.tr("Vault backups (*)"),
            multiple=False,
            directory=directory,
        )
        if not chosen:
            return
        backup = chosen[0]
        if not self.prompts.confirm(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "Restore the vault from this backup? Anything saved after the backup was made "
                "is not in it. The damaged files are kept aside, not deleted."
            ),
            ok_label=self.tr("Restore"),
        ):
            return
        path = self.vault_path
        self.unlock_page.set_busy(True)

        def restored(_: object) -> None:
            self.unlock_page.set_busy(False)
            self.unlock_page.set_damaged(False)
            self._unlock(passphrase)

        def failed(exc: BaseException) -> None:
            self.unlock_page.set_busy(False)
            self.unlock_page.failed(error_sentence(exc), wrong_passphrase=False)

        self.runner.submit(lambda: vault.restore_backup(path, backup, passphrase), restored, failed)

    def _open_session(self, session: VaultSession, settings: dict[str, str | None]) -> None:
        self._session = session
        minutes = settings.get("lock_minutes")
        if minutes and minutes.isdigit():
            self._lock_minutes = min(max(int(minutes), MIN_LOCK_MINUTES), MAX_LOCK_MINUTES)
        self.idle.set_minutes(self._lock_minutes)
        stored_language = settings.get("ui_language")
        if self._language_chosen_while_locked or not stored_language:
            self._save_vault_setting("ui_language", self.translations.code)
        elif stored_language != self.translations.code:
            self.set_language(stored_language)
        self._language_chosen_while_locked = False
        self.list_page.refresh()
        self.pages.setCurrentIndex(self.PAGE_LIST)
        self.list_page.table.setFocus()
        self.idle.start()
        self._update_actions()
        self.unlocked.emit()
        if session.history_gap is not None:
            self._warn_history(*session.history_gap)

    def _warn_history(self, kind: str, seq: int) -> None:
        """The database no longer holds what was last exported (security.md B5a)."""
        if kind == "shorter":
            text = self.tr(
                "This vault's history ends before the last export (entry %1). Its database "
                "was replaced by an older copy: by a restore from an older backup, or by "
                "someone else."
            )
        else:
            text = self.tr(
                "This vault's history differs from the one last exported (entry %1). Its "
                "database was replaced by another copy: by a restore, or by someone else."
            )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The vault may have been replaced"),
            text.replace("%1", str(seq)),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("historyWarning")
        box.setInformativeText(
            self.tr(
                "Testimonies exported since then are with your organisation. If you did not "
                "restore a backup, tell your organisation before you export again. This "
                "warning stays until the next export."
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _save_vault_setting(self, key: str, value: str) -> None:
        session = self._session
        if session is not None:
            self.runner.submit(lambda: session.set_setting(key, value), on_error=self._quiet_error)

    def _quiet_error(self, exc: BaseException) -> None:
        _log.warning("a background task failed: %s", type(exc).__name__)

    # -- testimonies ------------------------------------------------------------------------

    @Slot()
    def new_testimony(self) -> None:
        """Start a new draft and open it."""
        session = self._session
        if session is None:
            return
        self.runner.submit(session.testimonies.create, self.open_record)

    @Slot(str)
    def open_record(self, record_id: str) -> None:
        """Show ``record_id`` in the editor (saving the one open before)."""
        if self._session is None:
            return
        if self._current_record is not None and self._current_record != record_id:
            self.editor.flush()
        self._current_record = record_id
        self.editor.open_record(record_id)
        self.pages.setCurrentIndex(self.PAGE_EDITOR)
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
    def back_to_list(self) -> None:
        """Save the open testimony and show the list, with it selected."""
        if self._session is None:
            return
        record_id = self._current_record
        if record_id is not None:
            self.editor.flush()
        self._current_record = None
        self.pages.setCurrentIndex(self.PAGE_LIST)

        def reselect() -> None:
            if record_id:
                self.list_page.select_id(record_id)

        self.list_page.refresh(on_done=reselect)
        self.list_page.table.setFocus()
        self._update_actions()

    @Slot(str)
    def _record_changed(self, record_id: str) -> None:
        if record_id:
            self._current_record = record_id
        self._update_actions()

    @Slot()
    def close_editor(self) -> None:
        """Leave the editor: it saves (and asks if it cannot), then the list shows."""
        closer = getattr(self.editor, "close_editor", None)
        if callable(closer):
            closer()  # emits closed -> back_to_list
        else:
            self.back_to_list()

    @Slot()
    def seal_current(self) -> None:
        """Seal the open testimony after a confirmation (consent must be recorded)."""
        session, record_id = self._session, self._current_record
        if session is None or record_id is None:
            return
        editor_seal = getattr(self.editor, "seal", None)
        if callable(editor_seal):
            editor_seal()  # the editor checks consent and recording, asks, and turns read-only
            return
        if not self.editor.flush():
            self.prompts.error(
                self,
                self.tr("Seal testimony"),
                self.tr("The testimony could not be saved, so it was not sealed."),
            )
            return
        if not self.prompts.confirm(
            self,
            self.tr("Seal testimony"),
            self.tr(
                "Sealing freezes this version for the statement. After sealing, changes are "
                "made as amendments, each with a reason. Seal now?"
            ),
            ok_label=self.tr("Seal"),
        ):
            return

        def sealed(version: VersionInfo) -> None:
            self.statusBar().showMessage(
                self.tr("Sealed as version %1.").replace("%1", str(version.number)), 8000
            )
            if self._current_record == record_id:
                self.editor.open_record(record_id)

        self.runner.submit(lambda: session.testimonies.seal(record_id), sealed)

    @Slot()
    def amend_current(self) -> None:
        """Open a new draft version of a sealed testimony, with the reason asked for."""
        session, record_id = self._session, self._current_record
        if session is None or record_id is None:
            return
        editor_amend = getattr(self.editor, "amend", None)
        if callable(editor_amend):
            editor_amend()
            return
        reason = self.prompts.ask_text(
            self,
            self.tr("Amend testimony"),
            self.tr("Why is this sealed testimony being amended?"),
        )
        if reason is None or not reason.strip():
            return
        self.editor.flush()

        def opened(version: int) -> None:
            self.statusBar().showMessage(
                self.tr("Amendment opened as version %1.").replace("%1", str(version)), 8000
            )
            if self._current_record == record_id:
                self.editor.open_record(record_id)

        self.runner.submit(
            lambda: session.testimonies.begin_amendment(record_id, reason.strip()), opened
        )

    # -- statements, bundles and receipts ---------------------------------------------------

    def _statement_record(self) -> str | None:
        """The testimony a statement would be made of: the open one, else the selected row."""
        page = self.pages.currentIndex()
        if page == self.PAGE_EDITOR:
            return self._current_record
        if page == self.PAGE_LIST:
            return self.list_page.selected_id()
        return None

    @Slot()
    def show_statement(self) -> None:
        """Preview the statement of the open (or selected) testimony, then save it."""
        record_id = self._statement_record()
        if self._session is None or record_id is None:
            return
        language: str | None = None
        if self.pages.currentIndex() == self.PAGE_EDITOR:
            self.editor.flush()  # the statement shows what was typed, not the last autosave
            testimony = getattr(self.editor, "testimony", None)
            if callable(testimony):
                language = testimony().interview.language
        else:
            summary = self.list_page.table.currentIndex().data(SUMMARY_ROLE)
            language = getattr(summary, "language", None)
        dialog = StatementDialog(
            self.session,
            self.runner,
            record_id,
            ui_language=self.translations.code,
            interview_language=language,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def show_registry(self, suggestions: bool = False) -> RegistryView | None:
        """Open (or raise) the non-modal registry and corroboration window."""
        if self._session is None:
            return None
        record_id = self._statement_record()
        if self.pages.currentIndex() == self.PAGE_EDITOR and record_id is not None:
            self.editor.flush()  # suggestions read the stored record: store what was typed
        view = next((v for v in self.findChildren(RegistryView) if v.isVisible()), None)
        if view is None:
            view = RegistryView(
                self.session,
                self.runner,
                record_id,
                ui_language=self.translations.code,
                parent=self,
            )
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        elif record_id is not None and record_id != view.record_id:
            view.set_record(record_id)
        if suggestions:
            view.show_suggestions()
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    @Slot()
    def suggest_links(self) -> None:
        """Suggested registry links for the open (or selected) testimony."""
        self.show_registry(suggestions=True)

    @Slot()
    def export_to_organisation(self) -> None:
        """Enrol the organisation if needed, then export sealed testimonies in a bundle."""
        if self._session is None:
            return
        if self.pages.currentIndex() == self.PAGE_EDITOR:
            self.editor.flush()
        dialog = ExportDialog(self.session, self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self._bundles_changed)
        dialog.open()

    @Slot()
    def import_receipt(self) -> None:
        """Check the organisation's receipt, then offer to purge what it holds."""
        if self._session is None:
            return
        dialog = ReceiptDialog(self.session, self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if not dialog.choose_receipt():
            dialog.deleteLater()
            return
        dialog.acknowledged.connect(self._bundles_changed)
        dialog.purged.connect(self._records_purged)
        dialog.open()

    @Slot(int)
    def _records_purged(self, count: int) -> None:
        """Content left the laptop: the editor may not keep showing a purged testimony."""
        if count and self.pages.currentIndex() == self.PAGE_EDITOR:
            self.editor.clear()
            self._current_record = None
            self.back_to_list()
        else:
            self._bundles_changed()

    @Slot()
    def _bundles_changed(self) -> None:
        """Statuses changed (exported, acknowledged, purged): show them in the list."""
        if self._session is None:
            return
        if self.pages.currentIndex() == self.PAGE_EDITOR and self._current_record is not None:
            self.editor.open_record(self._current_record)
        self.list_page.refresh()

    # -- vault maintenance ------------------------------------------------------------------

    @Slot()
    def backup_vault(self) -> None:
        """Write and verify an encrypted backup."""
        session = self._session
        if session is None:
            return
        self.editor.flush()
        self.statusBar().showMessage(self.tr("Writing a backup…"))

        def done(path: Path) -> None:
            self.statusBar().clearMessage()
            missing = session.backup_missing_files
            if missing:
                self.prompts.error(
                    self,
                    self.tr("Backup"),
                    self.tr(
                        "The backup was written and verified, but %1 attachment file(s) are"
                        " damaged or missing in the vault and are not in it. Check the vault"
                        " (Vault menu) to see which."
                    ).replace("%1", str(missing)),
                )
                return
            self.prompts.information(
                self,
                self.tr("Backup"),
                self.tr("An encrypted backup was written and verified:\n%1").replace(
                    "%1", str(path)
                ),
            )

        self.runner.submit(session.backup, done)

    @Slot()
    def check_vault(self) -> None:
        """Check encryption, structure, the audit chain and every stored hash."""
        session = self._session
        if session is None:
            return
        self.statusBar().showMessage(self.tr("Checking the vault…"))

        def done(report: CheckReport) -> None:
            self.statusBar().clearMessage()
            if report.ok:
                self.prompts.information(
                    self,
                    self.tr("Check the vault"),
                    self.tr("The vault is intact: %1 testimonies and %2 audit entries checked.")
                    .replace("%1", str(report.records))
                    .replace("%2", str(report.audit_entries)),
                )
            else:
                self.prompts.error(
                    self,
                    self.tr("Check the vault"),
                    self.tr("The check found problems:") + "\n• " + "\n• ".join(report.problems),
                )

        self.runner.submit(session.check, done)

    @Slot()
    def change_passphrase(self) -> None:
        """Open the change-passphrase dialog."""
        session = self._session
        if session is None:
            return
        dialog = ChangePassphraseDialog(_vault_api().passphrase_strength, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def requested(old: str, new: str) -> None:
            def failed(exc: BaseException) -> None:
                if shiboken6.isValid(dialog):
                    dialog.show_error(error_sentence(exc))
                else:
                    show_error(self, exc)

            def done(_: object) -> None:
                if shiboken6.isValid(dialog):
                    dialog.accept()
                self.prompts.information(
                    self,
                    self.tr("Change passphrase"),
                    self.tr("The passphrase was changed. Use the new one from now on."),
                )

            self.runner.submit(
                lambda: session.change_passphrase(old, new),
                done,
                failed,
            )

        dialog.change_requested.connect(requested)
        dialog.open()

    @Slot()
    def open_settings(self) -> None:
        """Open the settings dialog."""
        if self._session is None:
            return
        dialog = SettingsDialog(self.translations.code, self._lock_minutes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_chosen.connect(self.apply_settings)
        dialog.open()

    @Slot(str, int)
    def apply_settings(self, language: str, lock_minutes: int) -> None:
        """Use and store (inside the vault) the chosen language and lock time."""
        self._lock_minutes = min(max(lock_minutes, MIN_LOCK_MINUTES), MAX_LOCK_MINUTES)
        self.idle.set_minutes(self._lock_minutes)
        self._save_vault_setting("lock_minutes", str(self._lock_minutes))
        if language != self.translations.code:
            self.set_language(language)
            self._save_vault_setting("ui_language", self.translations.code)

    def set_language(self, code: str) -> None:
        """Switch the whole interface to ``code`` now (no restart) and remember it."""
        applied = self.translations.apply(code)
        self.preferences.language = applied
        for selector in (self.create_page.language, self.unlock_page.language):
            selector.set_code(applied)
        self.list_page.set_language(applied)
        editor_language = getattr(self.editor, "set_language", None)
        if callable(editor_language):
            editor_language(applied)
        # installTranslator posted LanguageChange to every widget; deliver those now so the
        # switch is complete when this returns. Actions are not widgets: retranslate() does them.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.retranslate()

    @Slot()
    def _language_selected(self) -> None:
        sender = self.sender()
        code = sender.code() if hasattr(sender, "code") else None
        if code and code != self.translations.code:
            self.set_language(code)
            self._language_chosen_while_locked = self._session is None

    @Slot()
    def show_about(self) -> None:
        """Version and the honest limits of what the program protects."""
        self.prompts.information(
            self,
            self.tr("About Testimony"),
            self.tr(
                "Testimony %1: offline, encrypted documentation of torture and arbitrary "
                "detention.\n\nThe vault is encrypted with your passphrase. It does not protect "
                "a laptop that is left unlocked, asleep or hibernating: lock it (Ctrl+Shift+L) "
                "and shut the computer down before a checkpoint. Use full-disk encryption."
            ).replace("%1", __version__),
        )

    # -- building ---------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.action_new = self._action("actionNewTestimony", self.new_testimony, "Ctrl+N")
        self.action_open = self._action("actionOpenTestimony", self.open_selected, "Ctrl+O")
        self.action_find = self._action("actionFind", self._find, "Ctrl+F")
        self.action_back = self._action("actionBackToList", self.close_editor, "Ctrl+W")
        self.action_seal = self._action("actionSeal", self.seal_current)
        self.action_amend = self._action("actionAmend", self.amend_current)
        self.action_statement = self._action("actionStatement", self.show_statement, "Ctrl+P")
        self.action_export = self._action("actionExport", self.export_to_organisation)
        self.action_registry = self._action("actionRegistry", lambda: self.show_registry())
        self.action_suggest_links = self._action("actionSuggestLinks", self.suggest_links)
        self.action_import_receipt = self._action("actionImportReceipt", self.import_receipt)
        self.action_lock = self._action("actionLock", self._panic_lock, PANIC_SHORTCUT)
        # From anywhere in the application, even a dialog (the idle watcher covers modal ones).
        self.action_lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action_backup = self._action("actionBackup", self.backup_vault)
        self.action_check = self._action("actionCheckVault", self.check_vault)
        self.action_change_passphrase = self._action(
            "actionChangePassphrase", self.change_passphrase
        )
        self.action_settings = self._action("actionSettings", self.open_settings, "Ctrl+,")
        self.action_quit = self._action("actionQuit", self.close, "Ctrl+Q")
        self.action_about = self._action("actionAbout", self.show_about)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.action_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.vault_menu = bar.addMenu("")
        self.vault_menu.setObjectName("vaultMenu")
        for action in (self.action_backup, self.action_check, self.action_change_passphrase):
            self.vault_menu.addAction(action)
        self.vault_menu.addSeparator()
        self.vault_menu.addAction(self.action_export)
        self.vault_menu.addAction(self.action_import_receipt)
        self.vault_menu.addAction(self.action_registry)
        self.vault_menu.addSeparator()
        self.vault_menu.addAction(self.action_settings)
        self.vault_menu.addSeparator()
        self.vault_menu.addAction(self.action_lock)
        self.vault_menu.addAction(self.action_quit)
        self.testimony_menu = bar.addMenu("")
        self.testimony_menu.setObjectName("testimonyMenu")
        for action in (self.action_new, self.action_open, self.action_find, self.action_back):
            self.testimony_menu.addAction(action)
        self.testimony_menu.addSeparator()
        self.testimony_menu.addAction(self.action_seal)
        self.testimony_menu.addAction(self.action_amend)
        self.testimony_menu.addSeparator()
        self.testimony_menu.addAction(self.action_statement)
        self.testimony_menu.addAction(self.action_suggest_links)
        self.help_menu = bar.addMenu("")
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addAction(self.action_about)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.action_new)
        self.toolbar.addAction(self.action_back)
        self.toolbar.addAction(self.action_seal)
        self.toolbar.addAction(self.action_amend)
        self.toolbar.addAction(self.action_statement)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.action_lock)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

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

    def retranslate(self) -> None:
        """Set every text of the window itself in the current language."""
        self.setWindowTitle(self.tr("Testimony"))
        self.vault_menu.setTitle(self.tr("&Vault"))
        self.testimony_menu.setTitle(self.tr("&Testimony"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts = {
            self.action_new: self.tr("&New testimony"),
            self.action_open: self.tr("&Open testimony"),
            self.action_find: self.tr("&Find…"),
            self.action_back: self.tr("&Back to the list"),
            self.action_seal: self.tr("&Seal…"),
            self.action_amend: self.tr("&Amend…"),
            self.action_statement: self.tr("S&tatement…"),
            self.action_export: self.tr("&Export to the organisation…"),
            self.action_import_receipt: self.tr("Import &receipt…"),
            self.action_registry: self.tr("Registry and corroboration…"),
            self.action_suggest_links: self.tr("Suggest registry &links…"),
            self.action_lock: self.tr("&Lock"),
            self.action_backup: self.tr("&Back up now"),
            self.action_check: self.tr("&Check the vault"),
            self.action_change_passphrase: self.tr("Change &passphrase…"),
            self.action_settings: self.tr("&Settings…"),
            self.action_quit: self.tr("&Quit"),
            self.action_about: self.tr("&About Testimony"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.action_lock.setToolTip(
            self.tr("Lock the vault now (Ctrl+Shift+L, from anywhere in the program)")
        )
        self.action_seal.setToolTip(
            self.tr("Freeze this version for the statement; later changes become amendments")
        )
        self.action_statement.setToolTip(
            self.tr("Preview the witness statement as a PDF, then save it (Ctrl+P)")
        )

    @Slot()
    def _update_actions(self) -> None:
        open_ = self._session is not None
        page = self.pages.currentIndex()
        in_editor = open_ and page == self.PAGE_EDITOR
        in_list = open_ and page == self.PAGE_LIST
        self.action_new.setEnabled(open_)
        self.action_open.setEnabled(in_list)
        self.action_find.setEnabled(in_list)
        self.action_back.setEnabled(in_editor)
        has_record = in_editor and self._current_record is not None
        read_only = getattr(self.editor, "is_read_only", None)
        sealed = bool(read_only()) if callable(read_only) and has_record else False
        self.action_seal.setEnabled(has_record and not sealed)
        self.action_amend.setEnabled(has_record and sealed)
        self.action_statement.setEnabled(
            has_record or (in_list and self.list_page.selected_id() is not None)
        )
        self.action_suggest_links.setEnabled(self.action_statement.isEnabled())
        for action in (
            self.action_lock,
            self.action_backup,
            self.action_check,
            self.action_change_passphrase,
            self.action_settings,
            self.action_export,
            self.action_import_receipt,
            self.action_registry,
        ):
            action.setEnabled(open_)
        self.menuBar().setVisible(True)
        self.toolbar.setVisible(open_)

    @Slot()
    def _clipboard_changed(self) -> None:
        """Remember (as a hash) what was copied while this program had the focus."""
        clipboard = QGuiApplication.clipboard()
        ours = QApplication.activeWindow() is not None or clipboard.ownsClipboard()
        text = clipboard.text()
        self._clipboard_mark = _digest(text) if ours and text else None

    @Slot()
    def _find(self) -> None:
        if self.pages.currentIndex() == self.PAGE_LIST:
            self.list_page.focus_search()

    @Slot(bool)
    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_delay.start()
        else:
            self._busy_delay.stop()
            self.busy_indicator.hide()

    # -- Qt overrides -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Lock on close: save, close the vault, and wait for the queue so nothing is lost."""
        self._closing = True
        self.lock()
        if not self.runner.wait_idle(30000):
            _log.warning("background work still running at close")
        self.preferences.geometry = self.saveGeometry()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.runner.shutdown(5000)
        event.accept()
