"""The testimony editor: one page per section of the interview, autosaved into the vault.

What it promises the interviewer:

* **Never lose a word.** Every change starts a short timer (5 s by default); when it fires, or
  when the section or the keyboard focus changes, or on Ctrl+S, the whole draft is written
  through ``TestimonyService.save_draft`` into the encrypted vault. A save is a few
  milliseconds, so it runs right here on the GUI thread and ``flush()`` can promise the draft
  is stored when it returns True. If the disk is full the text stays in the widgets, the status
  line says so in one sentence, and the save is retried on the next tick.
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
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import RecordInfo, Testimony
from testimony_app.errors import ConsentMissing, DiskFull, RecordSealed
from testimony_app.log import get_logger
from testimony_app.ui.attachments_view import AttachmentsPage
from testimony_app.ui.editor_base import EditorPage, path_steps
from testimony_app.ui.editor_repeatable import ActsPage, DetentionPage
from testimony_app.ui.editor_review import ReviewPage
from testimony_app.ui.editor_sections import (
    ConsentPage,
    EffectsPage,
    InterviewPage,
    NarrativePage,
    WitnessPage,
)
from testimony_app.ui.prompts import Prompts, prompts_for
from testimony_app.ui.recorder import format_duration
from testimony_app.ui.tasks import TaskRunner, show_error

_log = get_logger("ui.editor")

#: How long after a change the draft is saved, unless something saves it sooner.
DEFAULT_AUTOSAVE_MS = 5000

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
    """

    closed = Signal()
    record_changed = Signal(str)
    sealed = Signal(str, int)

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
        self._base = Testimony()
        self._info: RecordInfo | None = None
        self._dirty = False
        self._read_only = False
        self._busy = False
        self._error_shown = False
        self._lang = "en"

        self._autosave = QTimer(self)
        self._autosave.setObjectName("autosaveTimer")
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(DEFAULT_AUTOSAVE_MS)
        self._autosave.timeout.connect(self._autosave_now)

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

        # -- header ------------------------------------------------------------------------
        header = QHBoxLayout()
        header.setContentsMargins(12, 8, 12, 8)
        self.record_status = QLabel(self)
        self.record_status.setObjectName("recordStatus")
        bold = QFont(self.record_status.font())
        bold.setBold(True)
        self.record_status.setFont(bold)
        self.recording_indicator = QLabel(self)
        self.recording_indicator.setObjectName("recordingIndicator")
        self.recording_indicator.setStyleSheet(
            "color: white; background: #c62828; border-radius: 4px; padding: 2px 8px;"
            " font-weight: bold;"
        )
        self.recording_indicator.setVisible(False)
        self.save_status = QLabel(self)
        self.save_status.setObjectName("saveStatus")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveNowButton")
        self.save_button.clicked.connect(self.save_now)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeEditorButton")
        self.close_button.clicked.connect(self.close_editor)
        header.addWidget(self.record_status)
        header.addSpacing(12)
        header.addWidget(self.recording_indicator)
        header.addStretch(1)
        header.addWidget(self.save_status)
        header.addWidget(self.save_button)
        header.addWidget(self.close_button)

        self.banner = QFrame(self)
        self.banner.setObjectName("sealedBanner")
        self.banner.setStyleSheet(
            "#sealedBanner { background: #fff4d6; border: 1px solid #e2c36b; border-radius: 4px; }"
        )
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(12, 8, 12, 8)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("sealedBannerText")
        self.banner_text.setWordWrap(True)
        self.banner_amend = QPushButton(self.banner)
        self.banner_amend.setObjectName("bannerAmendButton")
        self.banner_amend.clicked.connect(self.amend)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.banner_amend)
        self.banner.setVisible(False)

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
        column.addLayout(header)
        banner_holder = QHBoxLayout()
        banner_holder.setContentsMargins(12, 0, 12, 8)
        banner_holder.addWidget(self.banner)
        column.addLayout(banner_holder)
        column.addLayout(body, 1)

        # -- wiring -------------------------------------------------------------------------
        self.detentions.reordered.connect(self.acts.remap_episodes)
        self.detentions.changed.connect(self._episodes_changed)
        self.review.jump_requested.connect(self.jump_to)
        self.review.seal_clicked.connect(self.seal)
        self.review.amend_clicked.connect(self.amend)
        view = self.attachments.view
        view.recording_changed.connect(self._recording_changed)
        view.recording_progress.connect(self._recording_progress)
        view.attachments_changed.connect(self._attachments_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        self._shortcuts: list[QShortcut] = []
        self._shortcut(QKeySequence.StandardKey.Save, self.save_now)
        self._shortcut(QKeySequence("Ctrl+PgDown"), lambda: self._step_section(1))
        self._shortcut(QKeySequence("Ctrl+PgUp"), lambda: self._step_section(-1))
        for number in range(1, len(self.pages) + 1):
            self._shortcut(
                QKeySequence(f"Alt+{number}"), lambda n=number: self.show_section(n - 1)
            )

        self.retranslate()
        self.navigator.setCurrentRow(0)
        self._set_editable(False)

    # -- the public API the shell uses --------------------------------------------------------

    def open_record(self, record_id: str) -> None:
        """Show ``record_id``'s latest version (its draft if there is one)."""
        if self._record_id is not None and self._record_id != record_id:
            self.flush()
        session = self._session_provider()
        if session is None:
            return
        try:
            testimony = session.testimonies.get(record_id)
            info = session.testimonies.info(record_id)
        except Exception as exc:  # noqa: BLE001 -- one sentence to the user
            show_error(self, exc)
            return
        self._autosave.stop()
        if self._record_id != record_id:
            self.attachments.view.stop_recording()
        self._record_id = record_id
        self._base = testimony
        self._info = info
        self._dirty = False
        self._error_shown = False
        for page in self.pages:
            page.load(testimony)
        self.witness.hide_names()
        self._episodes_changed()
        self._set_editable(info.draft)
        self._update_record_status()
        self.save_status.setText("")
        self.review.refresh(testimony, info)

    def flush(self) -> bool:
        """Save now if anything changed; False if the draft could not be saved."""
        self._autosave.stop()
        if self._record_id is None:
            return True
        self.attachments.view.flush_recording()
        if self._read_only or not self._dirty:
            return True
        return self._save()

    def clear(self) -> None:
        """Forget the record and wipe every widget, model and undo stack (the vault locks)."""
        self._autosave.stop()
        view = self.attachments.view
        if view.is_recording():
            view.stop_recording(quiet=True)  # kept; if the vault is already shut, recovered later
        self._record_id = None
        self._base = Testimony()
        self._info = None
        self._dirty = False
        self._error_shown = False
        blank = Testimony()
        for page in self.pages:
            page.load(blank)
        self._wipe_text_widgets()
        self.witness.hide_names()
        view.clear()
        self.review.clear()
        self._episodes_changed()
        self._set_editable(False)
        self.record_status.setText("")
        self.save_status.setText("")
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
        """Whether there are changes not yet saved."""
        return self._dirty

    def is_read_only(self) -> bool:
        """Whether the shown version is sealed."""
        return self._read_only

    def autosave_interval(self) -> int:
        """Milliseconds from a change to its automatic save."""
        return self._autosave.interval()

    def set_autosave_interval(self, ms: int) -> None:
        """Change the autosave delay (settings; tests use a short one)."""
        self._autosave.setInterval(max(100, int(ms)))

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
            self._dirty = True  # the user asked: write even if nothing seems changed
        return self.flush()

    def close_editor(self) -> None:
        """Save and tell the shell to go back to the list."""
        if not self.flush():
            prompts = prompts_for(self)
            if not prompts.confirm(
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

    def seal(self) -> None:
        """Seal the draft after checking consent and asking; the editor then turns read-only."""
        record_id = self._record_id
        if record_id is None or self._read_only or self._busy:
            return
        prompts = prompts_for(self)
        if not self.consent.is_recorded():
            prompts.error(self, self.tr("Seal"), self.tr(
                "The testimony cannot be sealed until the witness's consent is recorded."
            ))
            self._jump_to_consent()
            return
        if self.attachments.view.is_recording():
            prompts.information(self, self.tr("Seal"), self.tr(
                "Stop the audio recording before sealing."
            ))
            return
        if not self.save_now():
            return
        if not prompts.confirm(
            self,
            self.tr("Seal this version?"),
            self.tr("Once sealed, this version can no longer be changed; corrections become "
                    "amendments with a reason. Seal it now?"),
            ok_label=self.tr("Seal"),
        ):
            return
        session = self._session_provider()
        if session is None:
            return
        # Sealing also backs the vault up, which may take a moment: off the GUI thread, with
        # the fields locked so nothing typed meanwhile could miss the sealed version.
        self._busy = True
        self._set_editable(False, banner=False)
        self.save_status.setText(self.tr("Sealing…"))

        def done(version: Any) -> None:
            self._busy = False
            if self._record_id != record_id:
                return
            self.open_record(record_id)
            self.save_status.setText(self.tr("Sealed as version %d") % version.number)
            self.sealed.emit(record_id, version.number)
            self.record_changed.emit(record_id)

        def failed(exc: BaseException) -> None:
            self._busy = False
            if self._record_id != record_id:
                return
            self._set_editable(True)
            self.save_status.setText("")
            show_error(self, exc)
            if isinstance(exc, ConsentMissing):
                self._jump_to_consent()

        self._runner.submit(lambda: session.testimonies.seal(record_id), done, failed)

    def amend(self) -> bool:
        """Start an amendment of the sealed version, with the reason the user gives."""
        record_id = self._record_id
        if record_id is None or not self._read_only or self._busy:
            return False
        prompts = prompts_for(self)
        reason = prompts.ask_text(
            self,
            self.tr("Amend this testimony"),
            self.tr("Why is it amended? For example: the witness corrected a date."),
        )
        if reason is None or not reason.strip():
            return False
        session = self._session_provider()
        if session is None:
            return False
        try:
            number = session.testimonies.begin_amendment(record_id, reason.strip())
        except Exception as exc:  # noqa: BLE001 -- one sentence to the user
            show_error(self, exc)
            return False
        self.open_record(record_id)
        self.save_status.setText(self.tr("Amendment started: version %d") % number)
        self.record_changed.emit(record_id)
        return True

    # -- events -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save now (Ctrl+S). Drafts are also saved "
                                            "automatically every few seconds."))
        self.close_button.setText(self.tr("Close"))
        self.banner_text.setText(self.tr(
            "This version is sealed and cannot be changed. To correct or add something, start "
            "an amendment."
        ))
        self.banner_amend.setText(self.tr("Amend…"))
        titles = {}
        for index, page in enumerate(self.pages):
            item = self.navigator.item(index)
            item.setText(f"{index + 1}   {page.title()}")
            item.setToolTip(self.tr("Alt+%d") % (index + 1))
            titles[page.section] = page.title()
        titles["closing"] = self.interview.title()
        self.review.set_section_titles(titles)
        self._update_record_status()

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
        if self._record_id is None or self._read_only or self._busy:
            return
        if not self._dirty:
            self._dirty = True
            self.save_status.setText(self.tr("Editing…"))
            self.save_status.setStyleSheet("color: palette(placeholder-text);")
        if not self._autosave.isActive():
            # Not restarted on every key: steady typing must not postpone the save forever.
            self._autosave.start()

    def _autosave_now(self) -> None:
        if self._dirty:
            self._save()

    def _save(self) -> bool:
        record_id = self._record_id
        if record_id is None:
            return True
        session = self._session_provider()
        if session is None:
            self._not_saved(self.tr("Not saved — the vault is locked."))
            return False
        testimony = self.testimony()
        try:
            session.testimonies.save_draft(record_id, testimony)
        except DiskFull as exc:
            self._not_saved(self.tr("Not saved — the disk is full. Your text is kept."), exc)
            return False
        except RecordSealed as exc:
            self._not_saved(self.tr("Not saved — this version is sealed."), exc)
            return False
        except Exception as exc:  # noqa: BLE001 -- keep the text, say it, retry later
            _log.error("saving a draft failed: %s", type(exc).__name__)
            self._not_saved(self.tr("Not saved — your text is kept; retrying."), exc)
            return False
        self._dirty = False
        self._error_shown = False
        self.save_status.setText(self.tr("Saved %s") % datetime.now().strftime("%H:%M:%S"))
        self.save_status.setStyleSheet("color: palette(placeholder-text);")
        if self.current_section() == "review":
            self.review.refresh(testimony, self._info)
        self.record_changed.emit(record_id)
        return True

    def _not_saved(self, sentence: str, exc: BaseException | None = None) -> None:
        self.save_status.setText(sentence)
        self.save_status.setStyleSheet("color: #b3261e; font-weight: bold;")
        if exc is not None and not self._error_shown:
            # Once per failure streak: a dialog every five seconds would stop the interview.
            self._error_shown = True
            show_error(self, exc)
        if self._dirty and not isinstance(exc, RecordSealed):
            self._autosave.start()

    @Slot(QWidget, QWidget)
    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._dirty and old is not None and self.isAncestorOf(old):
            self._save()

    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        if self._dirty:
            self._save()
        if self.pages[row] is self.review:
            self.review.refresh(self.testimony(), self._info)
        elif self.pages[row] is self.acts:
            self._episodes_changed()

    def _step_section(self, step: int) -> None:
        row = (self.navigator.currentRow() + step) % len(self.pages)
        self.navigator.setCurrentRow(row)

    def _episodes_changed(self) -> None:
        self.acts.set_episode_labels(self.detentions.labels())

    def _set_editable(self, editable: bool, banner: bool = True) -> None:
        read_only = not editable
        self._read_only = read_only
        for page in self.pages:
            page.set_read_only(read_only)
        sealed = read_only and self._record_id is not None and banner
        self.banner.setVisible(sealed)
        self.review.set_sealed(sealed)
        self.save_button.setEnabled(editable)

    def _update_record_status(self) -> None:
        info = self._info
        if info is None or self._record_id is None:
            self.record_status.setText("")
            return
        if not info.draft:
            text = self.tr("Sealed · version %d") % info.current
        elif info.current > 1:
            text = self.tr("Amendment draft · version %d") % info.current
        else:
            text = self.tr("Draft")
        self.record_status.setText(text)

    def _jump_to_consent(self) -> None:
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
        if not self.flush():
            return self.tr("The draft could not be saved, so the recording cannot start.")
        return ""

    def _recording_changed(self, recording: bool) -> None:
        self.recording_indicator.setVisible(recording)
        if recording:
            self._recording_progress(0)

    def _recording_progress(self, ms: int) -> None:
        self.recording_indicator.setText(self.tr("● Recording %s") % format_duration(ms))

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
