"""Sealing a draft and amending a sealed version: the editor's two steps that cannot be undone.

Why apart from the editor: these are the moments the interviewer must decide, not type. Each
asks a question whose safe answer is the default (Cancel for sealing, with the checklist items
still missing listed; a reason for an amendment, asked again if empty), then hands the vault
work to the worker in the right order (what was typed is stored first; only a stored draft is
sealed), with the fields locked until the vault answers. The editor itself keeps the pages, the
autosave and opening a record.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from testimony_app import words
from testimony_app.domain.model import RecordInfo, Testimony
from testimony_app.errors import ConsentMissing
from testimony_app.ui.attachments_page import AttachmentsPage
from testimony_app.ui.draft_saver import DraftSaver
from testimony_app.ui.editor_header import EditorHeader
from testimony_app.ui.editor_review import ReviewPage
from testimony_app.ui.editor_sections import ConsentPage
from testimony_app.ui.prompts import prompts_for
from testimony_app.ui.session_op import SessionOp
from testimony_app.ui.tasks import show_error
from testimony_app.words import Message


class Editor(Protocol):
    """What these steps use of :class:`~testimony_app.ui.editor.TestimonyEditor` (a protocol,
    so this module does not import the editor that imports it)."""

    consent: ConsentPage
    attachments: AttachmentsPage
    review: ReviewPage
    header: EditorHeader
    saver: DraftSaver
    ops: SessionOp
    sealed: SignalInstance
    record_changed: SignalInstance

    def current_record_id(self) -> str | None: ...
    def is_read_only(self) -> bool: ...
    def record_info(self) -> RecordInfo | None: ...
    def testimony(self) -> Testimony: ...
    def open_record(self, record_id: str, note: str = "") -> None: ...
    def set_editable(self, editable: bool, banner: bool = True) -> None: ...
    def jump_to_consent(self) -> None: ...

#: How many of the checklist's missing items the seal question lists before "and N more".
SHOWN_MISSING = 8


class VersionSteps(QObject):
    """Seal and Amend for one :class:`~testimony_app.ui.editor.TestimonyEditor`."""

    def __init__(self, editor: Editor, parent: QWidget) -> None:
        super().__init__(parent)
        self._editor = editor
        self._parent = parent
        self.busy = False
        """True from the moment a seal or an amendment is asked of the vault until it answers."""

    def seal(self) -> None:
        """Seal the draft after checking consent and asking; the editor then turns read-only."""
        ed = self._editor
        record_id = ed.current_record_id()
        if record_id is None or ed.is_read_only() or self.busy:
            return
        prompts = prompts_for(self._parent)
        if not ed.consent.is_recorded():
            prompts.error(self._parent, self.tr("Seal"), self.tr(
                "The testimony cannot be sealed until the witness's consent is recorded."
            ))
            ed.jump_to_consent()
            return
        if ed.attachments.view.is_recording():
            prompts.information(self._parent, self.tr("Seal"), self.tr(
                "Stop the audio recording before sealing."
            ))
            return
        # Sealing cannot be undone: Cancel is the default button, and the question says what
        # the checklist still misses, wherever Seal was pressed from (GUI review D11).
        if not prompts.confirm(
            self._parent,
            self.tr("Seal this version?"),
            self.tr("Once sealed, this version can no longer be changed; corrections become "
                    "amendments with a reason. Seal it now?"),
            ok_label=self.tr("Seal"),
            destructive=True,
            details=self._missing_details(),
        ):
            return
        # Sealing also backs the vault up, which may take a moment: off the GUI thread, with
        # the fields locked so nothing typed meanwhile could miss the sealed version. What was
        # typed is stored first; only if that worked is the stored draft sealed.
        self.busy = True
        ed.set_editable(False, banner=False)
        ed.header.show_sealing()

        def done(result: tuple[Any, Message | None]) -> None:
            version, problem = result
            self.busy = False
            if ed.current_record_id() != record_id:
                return
            ed.open_record(record_id, note=self.tr("Sealed as version %d") % version.number)
            ed.sealed.emit(record_id, version.number)
            ed.record_changed.emit(record_id)
            if problem is not None:  # the seal stands; no backup holds it yet (F-13)
                prompts_for(self._parent).error(
                    self._parent,
                    self.tr("Sealed, but not backed up"),
                    self.tr(
                        "The testimony is sealed, but no backup was made after it: %1 Free"
                        " some space, then use Vault → Back up now."
                    ).replace("%1", words.text(problem)),
                )

        def failed(exc: BaseException) -> None:
            self.busy = False
            if ed.current_record_id() != record_id:
                return
            ed.set_editable(True)
            ed.header.show_status("")
            show_error(self._parent, exc)
            if isinstance(exc, ConsentMissing):
                ed.jump_to_consent()

        def saved(ok: bool) -> None:
            if ed.current_record_id() != record_id:
                self.busy = False
                return
            if not ok:
                self.busy = False
                ed.set_editable(True)  # the save's failure is already on the status line
                return
            ed.ops.submit(
                lambda s: (s.testimonies.seal(record_id), s.testimonies.backup_problem),
                done,
                failed,
            )

        ed.saver.mark_dirty()  # Ctrl+S semantics: write the draft even if nothing changed
        ed.saver.flush(saved)

    def amend(self) -> bool:
        """Start an amendment of the sealed version, with the reason the user gives.

        True when the amendment was asked for; it opens when the vault answers.
        """
        ed = self._editor
        record_id = ed.current_record_id()
        if record_id is None or not ed.is_read_only() or self.busy:
            return False
        prompts = prompts_for(self._parent)
        reason: str | None = ""
        while True:
            reason = prompts.ask_text(
                self._parent,
                self.tr("Amend this testimony"),
                self.tr("Why is it amended? For example: the witness corrected a date."),
                reason or "",
            )
            if reason is None:
                return False
            if reason.strip():
                break
            # An empty reason used to do nothing, silently (GUI review D14).
            prompts.information(
                self._parent,
                self.tr("Amend this testimony"),
                self.tr("An amendment needs a reason: the sealed version stays, and the reason "
                        "says why a new one was made. Write it in a few words."),
            )
        self.busy = True
        given = reason.strip()

        def begun(number: int) -> None:
            self.busy = False
            if ed.current_record_id() != record_id:
                return
            ed.open_record(record_id, note=self.tr("Amendment started: version %d") % number)
            ed.record_changed.emit(record_id)

        def failed(exc: BaseException) -> None:
            self.busy = False
            show_error(self._parent, exc)

        if not ed.ops.submit(
            lambda s: s.testimonies.begin_amendment(record_id, given), begun, failed
        ):
            self.busy = False
            return False
        return True

    def _missing_details(self) -> str:
        """The seal question's details: what the checklist still misses, or that nothing is."""
        ed = self._editor
        ed.review.refresh(ed.testimony(), ed.record_info())
        missing = ed.review.missing_texts()
        if not missing:
            return self.tr("Everything the checklist asks for is recorded.")
        shown = missing[:SHOWN_MISSING]
        details = self.tr("Still missing from the checklist: %d") % len(missing)
        details += "\n" + "\n".join(f"• {text}" for text in shown)
        if len(missing) > len(shown):
            details += "\n" + self.tr("… and %d more on the Review page.") % (
                len(missing) - len(shown)
            )
        return details
