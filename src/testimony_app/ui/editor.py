"""The testimony editor: one page per section of the interview, autosaved into the vault.

What it promises the interviewer:

* **Never lose more than a second or two.** The draft is written one second after the typing
  stops and at most every 1.5 s while it goes on, and at once when the section or the
  keyboard focus changes, on Ctrl+S, before a dialog and before the lock
  (:class:`~testimony_app.ui.draft_saver.DraftSaver`). If the disk is full the text stays in
  the widgets, the status line says so in one sentence, and the save is retried.
* **Never freezes.** Opening, saving, sealing and amending run on the task runner's worker
  thread, never on the GUI thread: a save that meets a backup or a vault check holding the
  database waits there, not in the window. Answers that arrive after the lock, or for a record
  no longer shown, are dropped (:class:`~testimony_app.ui.session_op.SessionOp`).
* **Calm and keyboard-first.** Sections follow the interview (consent first, review last);
  Alt+1…9 and Ctrl+PgUp/PgDn move between them; Tab walks each form in reading order.
* **Sealed means sealed.** A sealed version opens read-only under a banner; changing it starts
  an amendment, with a reason, through ``begin_amendment``.
* **Nothing left behind.** ``clear()`` (used by the lock) empties every widget, model and undo
  stack, stops a recording (keeping it), and forgets the record.

No testimony text is ever logged, put in a window title or in an exception.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import RecordInfo, Testimony
from testimony_app.errors import RecordSealed
from testimony_app.log import get_logger
from testimony_app.ui.attachments_page import AttachmentsPage
from testimony_app.ui.draft_saver import DraftSaver, Unsaved
from testimony_app.ui.editor_acts import ActsPage
from testimony_app.ui.editor_base import EditorPage, path_steps
from testimony_app.ui.editor_header import EditorHeader
from testimony_app.ui.editor_narrative import NarrativePage
from testimony_app.ui.editor_repeatable import DetentionPage
from testimony_app.ui.editor_review import ReviewPage
from testimony_app.ui.editor_sections import (
    ConsentPage,
    EffectsPage,
    InterviewPage,
    WitnessPage,
)
from testimony_app.ui.editor_versions import VersionSteps
from testimony_app.ui.prompts import Prompts, prompts_for
from testimony_app.ui.session_op import SessionOp
from testimony_app.ui.tasks import TaskRunner, show_error

_log = get_logger("ui.editor")

#: Record-level fields and the page that shows them.
_TOP_LEVEL_PAGES = {
    "title": "interview",
    "fictional": "interview",
    "interviewer_notes": "interview",
    "closing": "interview",
    "sensitive_names": "witness",
}


class TestimonyEditor(QWidget):
    """The editor of one testimony at a time.

    Signals:
        closed(): the user closed the editor (after it saved).
        record_changed(str): the record was saved, sealed or amended (the list may refresh).
        sealed(str, int): a version was sealed (record id, version number).
        opened(str): a record was read from the vault and is on screen.
    """

    closed = Signal()
    record_changed = Signal(str)
    sealed = Signal(str, int)
    opened = Signal(str)

    def __init__(
        self,
        session_provider: Callable[[], Any],
        runner: TaskRunner,
        prompts: Prompts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("testimonyEditor")
        self.prompts = prompts
        self._session_provider = session_provider
        self._runner = runner
        self._record_id: str | None = None
        self._opening: str | None = None
        self._opened_note = ""
        self._base = Testimony()
        self._info: RecordInfo | None = None
        self._read_only = False
        self._error_shown = False
        self._lang = "en"
        self._open_on_consent = False
        self.ops = SessionOp(self, session_provider, runner)
        self.versions = VersionSteps(self, self)
        self.saver = DraftSaver(session_provider, runner, self.testimony, self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)

        # -- pages -------------------------------------------------------------------------
        self.consent = ConsentPage()
        self.interview = InterviewPage()
        self.witness = WitnessPage()
        self.narrative = NarrativePage()
        self.detentions = DetentionPage()
        self.acts = ActsPage()
        self.effects = EffectsPage()
        self.attachments = AttachmentsPage(
            session_provider, runner, self.current_record_id, self._before_recording
        )
        self.review = ReviewPage()
        self.pages: list[EditorPage] = [
            self.consent, self.interview, self.witness, self.narrative, self.detentions,
            self.acts, self.effects, self.attachments, self.review,
        ]
        self._by_section = {page.section: page for page in self.pages}

        self.header = EditorHeader(self)
        self.header.save_clicked.connect(self.save_now)
        self.header.close_clicked.connect(self.close_editor)
        self.header.amend_clicked.connect(self.amend)

        # -- navigator and pages ------------------------------------------------------------
        self.navigator = QListWidget(self)
        self.navigator.setObjectName("sectionList")
        self.navigator.setFixedWidth(210)
        self.navigator.setSpacing(2)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("sectionStack")
        for page in self.pages:
            QListWidgetItem(self.navigator)
            self.stack.addWidget(page)
            page.changed.connect(self._changed)
        self.navigator.currentRowChanged.connect(self._section_changed)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigator)
        body.addWidget(self.stack, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addLayout(body, 1)

        # -- wiring -------------------------------------------------------------------------
        self.detentions.reordered.connect(self.acts.remap_episodes)
        self.detentions.changed.connect(self._episodes_changed)
        self.review.jump_requested.connect(self.jump_to)
        self.review.seal_clicked.connect(self.seal)
        self.review.amend_clicked.connect(self.amend)
        view = self.attachments.view
        view.recording_changed.connect(self.header.set_recording)
        view.recording_progress.connect(self.header.set_recording_time)
        view.attachments_changed.connect(self._attachments_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        self._shortcuts: list[QShortcut] = []
        self._shortcut(QKeySequence.StandardKey.Save, self.save_now)
        self._shortcut(QKeySequence("Ctrl+PgDown"), lambda: self._step_section(1))
        self._shortcut(QKeySequence("Ctrl+PgUp"), lambda: self._step_section(-1))
        for number in range(1, len(self.pages) + 1):
            self._shortcut(QKeySequence(f"Alt+{number}"), partial(self.show_section, number - 1))

        self.retranslate()
        self.navigator.setCurrentRow(0)
        self.set_editable(False)

    # -- the public API the shell uses --------------------------------------------------------

    def open_record(self, record_id: str, note: str = "") -> None:
        """Show ``record_id``'s latest version (its draft if there is one), read on the worker.

        What was typed into the record shown is stored first; if it cannot be, the editor stays
        on it (the text is still there) and says why. ``note`` goes on the status line once it
        is shown ("Sealed as version 2").
        """
        if self._session_provider() is None:
            return
        self._opening = record_id
        self._opened_note = note
        self.set_editable(False, banner=False)  # nothing typed now could reach either record
        self.header.show_opening()

        def saved_first(ok: bool) -> None:
            if self._opening != record_id:
                return
            if ok:
                self._load(record_id)
            else:
                self._opening = None
                self.set_editable(self._info is not None and self._info.draft)
                if self._record_id is not None:
                    self.record_changed.emit(self._record_id)

        self.saver.flush(saved_first)

    def _load(self, record_id: str) -> None:
        def read(session: Any) -> tuple[Testimony, RecordInfo]:
            return session.testimonies.get(record_id), session.testimonies.info(record_id)

        def failed(exc: BaseException) -> None:
            if self._opening != record_id:
                return
            self._opening = None
            self.header.show_status("")
            self.set_editable(self._info is not None and self._info.draft)
            show_error(self, exc)
            if self._record_id != record_id:
                # The testimony asked for cannot be shown (its content was purged after a
                # receipt, say): back to the list, not an empty editor or the one shown before
                # under the new one's name.
                self.closed.emit()

        self.ops.submit(read, lambda found: self._loaded(record_id, *found), failed)

    def _loaded(self, record_id: str, testimony: Testimony, info: RecordInfo) -> None:
        if self._opening != record_id:
            return  # another record was asked for since
        self._opening = None
        if self._record_id != record_id:
            self.attachments.view.stop_recording()
        self.saver.begin(record_id)
        self._record_id = record_id
        self._base = testimony
        self._info = info
        self._error_shown = False
        for page in self.pages:
            page.load(testimony)
        self.witness.hide_names()
        self._episodes_changed()
        self.set_editable(info.draft)
        self.header.set_record(info)
        self.header.show_status(self._opened_note)
        self._opened_note = ""
        self.review.refresh(testimony, info)
        if self._open_on_consent:
            self._open_on_consent = False
            self.show_section("consent")
            # After the window has switched to the editor: a hidden widget takes no focus.
            QTimer.singleShot(0, self, self.consent.focus_first)
        self.record_changed.emit(record_id)
        self.opened.emit(record_id)

    def open_new(self, record_id: str) -> None:
        """Show a testimony just created: on Consent, the cursor in its first field.

        Whatever section the previous record was left on, an interview starts with consent
        (GUI review D12, D13).
        """
        self._open_on_consent = True
        self.show_section("consent")  # at once: the last record's section must not show first
        self.open_record(record_id)

    def flush(self) -> bool:
        """Queue the newest text for the vault now; True if nothing needed saving.

        The save runs on the task runner, so anything submitted after this (a statement, a
        backup, the lock) sees it.
        """
        if self._record_id is None:
            return True
        self.attachments.view.flush_recording()
        if self._read_only:
            return True
        return self.saver.flush()

    def save_and_wait(self, timeout_ms: int = 30000) -> bool:
        """Store the newest text and wait for it (events keep flowing); False if it failed."""
        if self._record_id is None or self._read_only:
            return True
        self.attachments.view.flush_recording()
        return self.saver.wait(timeout_ms)

    def take_unsaved(self) -> list[Unsaved]:
        """Text that could not be stored after the editor moved on (the lock): hand it over."""
        return self.saver.take_unsaved()

    def clear(self) -> None:
        """Forget the record and wipe every widget, model and undo stack (the vault locks)."""
        self.saver.end()
        view = self.attachments.view
        if view.is_recording():
            view.stop_recording(quiet=True)  # kept; if the vault is already shut, recovered later
        self._record_id = None
        self._opening = None
        self._opened_note = ""
        self._base = Testimony()
        self._info = None
        self._error_shown = False
        blank = Testimony()
        for page in self.pages:
            page.load(blank)
        self._wipe_text_widgets()
        self.witness.hide_names()
        view.clear()
        self.review.clear()
        self._episodes_changed()
        self.set_editable(False)
        self.header.clear()
        self.navigator.setCurrentRow(0)

    def current_record_id(self) -> str | None:
        """The record being edited, if any."""
        return self._record_id

    def set_language(self, lang: str) -> None:
        """Show vocabulary labels and checklist messages in ``lang`` (en, az, ru)."""
        self._lang = lang
        for page in self.pages:
            page.set_language(lang)
        self._episodes_changed()

    # -- more public API ----------------------------------------------------------------------

    def testimony(self) -> Testimony:
        """The testimony as the widgets hold it now."""
        testimony = copy.deepcopy(self._base)
        for page in self.pages:
            page.store(testimony)
        return testimony

    def is_dirty(self) -> bool:
        """Whether there are changes not yet stored in the vault."""
        return self.saver.dirty

    def is_opening(self) -> bool:
        """Whether a record is being read from the vault."""
        return self._opening is not None

    def is_read_only(self) -> bool:
        """Whether the shown version is sealed."""
        return self._read_only

    def autosave_interval(self) -> int:
        """Milliseconds from the last change to its automatic save."""
        return self.saver.idle_ms

    def set_autosave_interval(self, ms: int) -> None:
        """Save ``ms`` after the last change, and at most 1.5 × ``ms`` after the first
        (settings; tests use a short one or a very long one)."""
        self.saver.set_delays(ms)

    def page(self, section: str) -> EditorPage:
        """The page for ``section`` (``consent``, ``acts``, …)."""
        return self._by_section[section]

    def current_section(self) -> str:
        """The section on screen."""
        page = self.stack.currentWidget()
        return page.section if isinstance(page, EditorPage) else ""

    def show_section(self, index_or_section: int | str) -> None:
        """Go to a section by position or name."""
        if isinstance(index_or_section, str):
            index = self.pages.index(self._by_section[index_or_section])
        else:
            index = index_or_section
        if 0 <= index < len(self.pages):
            self.navigator.setCurrentRow(index)

    @Slot(str, str)
    def jump_to(self, path: str, section: str = "") -> bool:
        """Go to the page and widget of a field path (``acts[0].methods``)."""
        steps = path_steps(path)
        head = str(steps[0]) if steps else ""
        key = _TOP_LEVEL_PAGES.get(head, head)
        page = self._by_section.get(key) or self._by_section.get(section)
        if page is None:
            return False
        self.show_section(page.section)
        return page.focus_field(path)

    def save_now(self) -> bool:
        """Ctrl+S: save at once and say so."""
        if self._record_id is not None and not self._read_only:
            self.saver.mark_dirty()  # the user asked: write even if nothing seems changed
        return self.flush()

    def close_editor(self) -> None:
        """Save, then tell the shell to go back to the list (asking first if it failed)."""
        record_id = self._record_id

        def saved(ok: bool) -> None:
            if self._record_id != record_id:
                return
            if not ok and not prompts_for(self).confirm(
                self,
                self.tr("Close without saving?"),
                self.tr("The last changes could not be saved. If you close now they are lost."),
                ok_label=self.tr("Close and lose them"),
                destructive=True,
            ):
                return
            if self.attachments.view.is_recording():
                self.attachments.view.stop_recording()
            self.closed.emit()

        if record_id is None or self._read_only:
            saved(True)
        else:
            self.attachments.view.flush_recording()
            self.saver.flush(saved)

    def seal(self) -> None:
        """Seal the draft after asking (see :mod:`~testimony_app.ui.editor_versions`)."""
        self.versions.seal()

    def amend(self) -> bool:
        """Start an amendment with a reason; True when it was asked of the vault."""
        return self.versions.amend()

    # -- events -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the interface language (the header follows by itself)."""
        titles = {}
        for index, page in enumerate(self.pages):
            item = self.navigator.item(index)
            item.setText(f"{index + 1}   {page.title()}")
            item.setToolTip(self.tr("Alt+%d") % (index + 1))
            titles[page.section] = page.title()
        titles["closing"] = self.interview.title()
        self.review.set_section_titles(titles)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the editor (back to the list, minimised) saves."""
        self.flush()
        super().hideEvent(event)

    # -- private ------------------------------------------------------------------------------

    def _shortcut(self, keys: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], Any]
                  ) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)

    def _changed(self) -> None:
        if self._record_id is None or self._read_only or self.versions.busy or self._opening:
            return
        if not self.saver.dirty:
            self.header.show_editing()
        self.saver.changed()

    def _saved(self, record_id: str, _testimony: Testimony) -> None:
        if record_id != self._record_id:
            return
        self._error_shown = False
        if not self.saver.dirty:
            self.header.show_saved()
        if self.current_section() == "review":
            self.review.refresh(self.testimony(), self._info)
        self.record_changed.emit(record_id)

    def _save_failed(self, record_id: str, exc: BaseException) -> None:
        if record_id != self._record_id:
            return
        locked = self._session_provider() is None
        self.header.show_not_saved(exc, locked=locked)
        if isinstance(exc, RecordSealed):
            self.saver.pause()  # retrying cannot help; the text stays in the widgets
        explain = not locked
        if explain and not self._error_shown:
            # Once per failure streak: a dialog every few seconds would stop the interview.
            self._error_shown = True
            show_error(self, exc)

    @Slot(QWidget, QWidget)
    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.saver.dirty and old is not None and self.isAncestorOf(old):
            self.saver.flush()

    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        if self.saver.dirty:
            self.saver.flush()
        if self.pages[row] is self.review:
            self.review.refresh(self.testimony(), self._info)
        elif self.pages[row] is self.acts:
            self._episodes_changed()

    def _step_section(self, step: int) -> None:
        row = (self.navigator.currentRow() + step) % len(self.pages)
        self.navigator.setCurrentRow(row)

    def _episodes_changed(self) -> None:
        self.acts.set_episode_labels(self.detentions.labels())

    def record_info(self) -> RecordInfo | None:
        """What the vault said about the record shown (status, versions), if one is shown."""
        return self._info

    def set_editable(self, editable: bool, banner: bool = True) -> None:
        """Let the fields be edited, or lock them (sealed, or while the vault decides)."""
        read_only = not editable
        self._read_only = read_only
        for page in self.pages:
            page.set_read_only(read_only)
        sealed = read_only and self._record_id is not None and banner
        self.header.set_sealed(sealed)
        self.review.set_sealed(sealed)
        self.header.set_editable(editable)

    def jump_to_consent(self) -> None:
        """Show Consent with the cursor on the first answer still missing."""
        self.show_section("consent")
        consent = self.testimony().consent
        for attr in ("informed_of_purpose", "no_coercion_confirmed", "legal_proceedings",
                     "name_may_appear"):
            if getattr(consent, attr) in (None, False):
                self.consent.focus_field(f"consent.{attr}")
                return

    def _before_recording(self) -> str:
        """Why recording may not start (one sentence), or "" after saving the consent."""
        if self.testimony().consent.audio_recording is not True:
            return self.tr(
                "The witness has not agreed to an audio recording. Record their answer on the "
                "Consent page first."
            )
        if not self.save_and_wait():
            return self.tr("The draft could not be saved, so the recording cannot start.")
        return ""

    def _attachments_changed(self) -> None:
        if self._record_id is not None:
            self.record_changed.emit(self._record_id)

    def _wipe_text_widgets(self) -> None:
        """Every text box empty and without undo history, including search boxes and notes."""
        for line in self.findChildren(QLineEdit):
            line.setText("")  # setText (unlike clear) also drops the undo history
        for text in self.findChildren(QPlainTextEdit):
            text.setPlainText("")
            text.document().clearUndoRedoStacks()
        for rich in self.findChildren(QTextEdit):
            rich.setPlainText("")
            rich.document().clearUndoRedoStacks()
