"""Attachments of a testimony: add, record, list with hashes, view and listen, save a copy.

Everything is viewed from memory (:mod:`~testimony_app.ui.attachment_preview`): a photo of an
injury or the witness's voice must not land as a plaintext file anywhere a seized laptop gives
it away. The only plaintext copy ever written is the one the user explicitly saves somewhere.

Importing hashes and encrypts a file of any size, so it runs on the task runner's thread with
a progress bar and a Cancel button (:mod:`~testimony_app.ui.attachment_import`); the window
stays responsive while a witness waits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import AttachmentInfo
from testimony_app.ui.attachment_import import ImportRow
from testimony_app.ui.attachment_preview import AttachmentPreview
from testimony_app.ui.attachment_table import attachment_table, fill_rows
from testimony_app.ui.editor_fields import ChoiceField, LineField
from testimony_app.ui.i18n import format_size
from testimony_app.ui.prompts import prompts_for
from testimony_app.ui.recorder import (
    MEDIA_TYPE,
    AttachmentWriterLike,
    RecorderPanel,
    recording_filename,
)
from testimony_app.ui.tasks import TaskRunner, show_error
from testimony_app.ui.vocab_picker import choices

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession


class AttachmentsView(QWidget):
    """The attachment list with its previews, the import and the recorder.

    It asks its owner (the editor) through plain callables, so it can be tested alone:

    * ``session()`` — the open vault session, or None when locked;
    * ``record_id()`` — the testimony being edited;
    * ``before_recording()`` — save the draft and say whether the witness agreed to a recording
      (returns one sentence explaining the refusal, or "").

    Signals:
        attachments_changed(): an attachment was added, described or removed, or a recording
            finished.
        recording_changed(bool), recording_progress(int): the recorder's state and elapsed ms.
    """

    attachments_changed = Signal()
    recording_changed = Signal(bool)
    recording_progress = Signal(int)

    def __init__(
        self,
        session: Callable[[], VaultSession | None],
        runner: TaskRunner,
        record_id: Callable[[], str | None],
        before_recording: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsView")
        self._session = session
        self._runner = runner
        self._record_id = record_id
        self._before_recording = before_recording
        self._items: list[AttachmentInfo] = []
        self._read_only = False
        self._lang = "en"
        self._shown_id = ""

        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addAttachmentButton")
        self.add_button.clicked.connect(self.add_files)
        self._starting = False  # a writer is being opened on the worker
        self.recorder = RecorderPanel(runner.submit, self)
        self.recorder.start_requested.connect(self.start_recording)
        self.recorder.recorder.finished.connect(self._recording_finished)
        self.recorder.recorder.recording_changed.connect(self.recording_changed)
        self.recorder.recorder.progress.connect(self.recording_progress)
        self.recorder.recorder.failed.connect(self._recording_failed)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addSpacing(24)
        top.addWidget(self.recorder, 1)

        self.importer = ImportRow(session, runner, record_id, self)
        self.importer.imported.connect(self._imported)
        self.importer.busy_changed.connect(
            lambda busy: self.add_button.setEnabled(not busy and not self._read_only)
        )

        self.table = attachment_table(self)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        # What the annex list of the statement says about the selected file.
        self.description = LineField("attachmentDescription", self)
        self.description.editingFinished.connect(self._describe_selected)
        self.kind = ChoiceField("attachmentKind", self)
        self.kind.set_choices(choices("attachment_kinds", self._lang), lambda: "—")
        self.kind.activated.connect(lambda _index: self._describe_selected())
        self.description_label = QLabel(self)
        self.description_label.setBuddy(self.description)
        self.kind_label = QLabel(self)
        self.kind_label.setBuddy(self.kind)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeAttachmentButton")
        self.remove_button.clicked.connect(self.remove_selected)
        about = QFormLayout()
        about.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        about.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        about.addRow(self.description_label, self.description)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        kind_row.addWidget(self.remove_button)
        about.addRow(self.kind_label, kind_row)
        self._describing: dict[str, tuple[str, str]] = {}

        self.details = QLabel(self)
        self.details.setObjectName("attachmentDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("attachmentStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveAttachmentCopyButton")
        self.save_button.clicked.connect(self.save_copy)
        detail_row = QHBoxLayout()
        detail_row.addWidget(self.details, 1)
        detail_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        self.preview = AttachmentPreview(self)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addLayout(top)
        column.addWidget(self.importer)
        column.addWidget(self.table)
        column.addLayout(about)
        column.addWidget(self.status)
        column.addLayout(detail_row)
        column.addWidget(self.preview, 1)
        self.retranslate()
        self._selection_changed()

    # -- model --------------------------------------------------------------------------------

    def attachments(self) -> list[AttachmentInfo]:
        """What the list shows."""
        return list(self._items)

    def set_attachments(self, items: list[AttachmentInfo]) -> None:
        """Show ``items``; the previous preview is closed."""
        self._close_preview()
        self._items = list(items)
        self.status.setText("")
        self._fill_table()

    def set_read_only(self, read_only: bool) -> None:
        """Sealed: view, listen and save copies; add, describe, remove and record nothing."""
        self._read_only = read_only
        self.add_button.setEnabled(not read_only and not self.importer.busy)
        self.recorder.set_enabled_for_record(not read_only)
        self._selection_changed()

    def set_language(self, lang: str) -> None:
        """Kinds in ``lang``."""
        self._lang = lang
        self.kind.blockSignals(True)
        self.kind.set_choices(choices("attachment_kinds", lang), lambda: "—")
        self.kind.blockSignals(False)
        self._fill_table()

    def clear(self) -> None:
        """Forget everything shown (the vault locks)."""
        self.importer.cancel()
        self._starting = False
        self.set_attachments([])
        self.details.clear()
        self.status.setText("")
        self.description.set_value("")

    def select(self, attachment_id: str) -> None:
        """Select and preview one attachment."""
        for row, info in enumerate(self._items):
            if info.id == attachment_id:
                self.table.selectRow(row)
                return

    def selected(self) -> AttachmentInfo | None:
        """The selected attachment, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self._items[row] if 0 <= row < len(self._items) else None

    def player(self) -> QMediaPlayer | None:
        """The audio player, once something was played (for tests)."""
        return self.preview.player()

    # -- actions ------------------------------------------------------------------------------

    def add_files(self) -> None:
        """Ask for files, whether to delete the originals, then import them one by one."""
        record_id = self._record_id()
        if self._read_only or record_id is None or self.importer.busy:
            return
        prompts = prompts_for(self)
        paths = prompts.open_paths(self, self.tr("Add files to this testimony"))
        if not paths:
            return
        # Two explicit answers, the safe one the default; Cancel adds nothing at all (it used
        # to keep the originals and add the files anyway, GUI review D10).
        answer = prompts.choose(
            self,
            self.tr("Keep the original files?"),
            self.tr("The files will be stored encrypted in the vault. What should happen to "
                    "the originals on this computer?"),
            [self.tr("Keep originals"), self.tr("Delete originals")],
            default=0,
            details=self.tr("Deleted originals cannot be brought back. Cancel adds nothing."),
        )
        if answer is None:
            return
        self.importer.start(record_id, list(paths), answer == 1)

    def remove_selected(self) -> None:
        """Take the selected attachment off this draft, after asking (a sealed version keeps it)."""
        info = self.selected()
        record_id = self._record_id()
        session = self._session()
        if info is None or record_id is None or session is None or self._read_only:
            return
        if not prompts_for(self).confirm(
            self,
            self.tr("Remove from this draft"),
            self.tr("Remove “%1” from this draft?").replace("%1", info.filename),
            ok_label=self.tr("Remove"),
            destructive=True,
            details=self.tr(
                "If no sealed version lists it, the file is deleted from the vault. A sealed "
                "version keeps its attachments. The removal is written in the audit log."
            ),
        ):
            return

        def done(deleted: bool) -> None:
            if self._record_id() != record_id:
                return
            self._items = [i for i in self._items if i.id != info.id]
            self._fill_table()
            sentence = (
                self.tr("“%1” was removed and deleted from the vault.")
                if deleted
                else self.tr("“%1” was removed from this draft; the sealed version keeps it.")
            )
            self.status.setText(sentence.replace("%1", info.filename))
            self.attachments_changed.emit()

        self._runner.submit(
            lambda: session.testimonies.remove_attachment(record_id, info.id),
            on_success=done,
            on_error=lambda exc: show_error(self, exc),
        )

    def start_recording(self) -> None:
        """Check consent, save the draft, open a writer in the vault and start recording.

        The writer is opened on the worker (a row and an fsynced file), behind the save that
        stored the consent the service checks; the microphone opens when it answers.
        """
        record_id = self._record_id()
        if (self._read_only or record_id is None or self._starting
                or self.recorder.recorder.is_recording()):
            return
        refusal = self._before_recording()
        if not refusal and not self.recorder.input_available():
            refusal = self.tr("No microphone was found. Connect one and try again.")
        if refusal:
            prompts_for(self).information(self, self.tr("Audio recording"), refusal)
            return
        session = self._session()
        if session is None:
            return
        filename = recording_filename()
        self._starting = True
        self.recorder.button.setEnabled(False)

        def opened(writer: AttachmentWriterLike) -> None:
            self._starting = False
            if self._record_id() != record_id or self._read_only or self._session() is not session:
                # The editor moved on meanwhile: nothing was recorded, leave no empty file.
                self._runner.submit(writer.abort, on_error=lambda _exc: None)
                self.recorder.set_enabled_for_record(not self._read_only)
                return
            self.recorder.begin(writer)

        def failed(exc: BaseException) -> None:
            self._starting = False
            self.recorder.set_enabled_for_record(not self._read_only)
            show_error(self, exc)

        self._runner.submit(
            lambda: session.testimonies.start_recording(record_id, filename, MEDIA_TYPE),
            on_success=opened,
            on_error=failed,
        )

    def stop_recording(self, quiet: bool = False) -> None:
        """Stop a running recording and keep it (close; ``quiet`` when locking).

        The last samples and the close go to the worker; :meth:`_recording_finished` lists the
        recording when it answers. Quiet means no dialog even if the recording cannot be
        closed (the vault may already be locked): its chunks are in the vault and the next
        unlock finishes it.
        """
        self.recorder.stop(quiet)

    def flush_recording(self) -> None:
        """Commit the audio captured so far."""
        self.recorder.recorder.flush()

    def is_recording(self) -> bool:
        """Whether the recorder is running."""
        return self.recorder.recorder.is_recording()

    def save_copy(self) -> None:
        """Save an unencrypted copy of the selected attachment where the user chooses."""
        info = self.selected()
        session = self._session()
        if info is None or session is None:
            return
        dest = prompts_for(self).save_path(
            self, self.tr("Save an unencrypted copy"), Path(info.filename)
        )
        if dest is None:
            return
        self._runner.submit(
            lambda: session.testimonies.export_attachment(info.id, dest),
            on_success=lambda _r: self.details.setText(
                self._describe(info) + "\n" + self.tr("A copy was saved.")
            ),
            on_error=lambda exc: show_error(self, exc),
        )

    # -- events -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.add_button.setText(self.tr("Add files…"))
        self.save_button.setText(self.tr("Save a copy…"))
        self.remove_button.setText(self.tr("Remove from this draft…"))
        self.remove_button.setToolTip(self.tr(
            "For a file attached by mistake. A sealed version keeps its attachments."
        ))
        self.description_label.setText(self.tr("&Description:"))
        self.description.setPlaceholderText(self.tr(
            "What it shows, for the list of annexes: “Photo of bruises on the left arm, "
            "taken 12 June”"
        ))
        self.kind_label.setText(self.tr("&Kind:"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Kind"), self.tr("Description"), self.tr("Size"),
            self.tr("Added"), self.tr("SHA-256"),
        ])
        if self.selected() is None:
            self.preview.show_text(self.tr("Select an attachment to see it here."))
        self.preview.retranslate()
        self.recorder.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- private: import ----------------------------------------------------------------------

    def _imported(self, info: AttachmentInfo) -> None:
        self._items = [i for i in self._items if i.id != info.id] + [info]
        self._fill_table()
        self.select(info.id)
        self.attachments_changed.emit()

    # -- private: recording -------------------------------------------------------------------

    def _recording_finished(self, info: AttachmentInfo) -> None:
        self._items = [i for i in self._items if i.id != info.id] + [info]
        self._fill_table()
        self.attachments_changed.emit()

    def _recording_failed(self, sentence: str) -> None:
        prompts_for(self).error(self, self.tr("Audio recording"), sentence)

    # -- private: list and preview ------------------------------------------------------------

    def _fill_table(self) -> None:
        selected = self.selected()
        fill_rows(self.table, self._items, self._lang, self.tr("(recording)"))
        if selected is not None:
            self.select(selected.id)
        self._selection_changed()

    def _describe(self, info: AttachmentInfo) -> str:
        return "\n".join([
            f"{info.filename} · {info.media_type} · {format_size(info.size)}",
            self.tr("SHA-256: %s") % (info.sha256 or self.tr("not yet known")),
        ])

    def _describe_selected(self) -> None:
        """Store the description and kind typed for the selected attachment (off the GUI thread)."""
        info = self.selected()
        session = self._session()
        if info is None or session is None or self._read_only or not info.sha256:
            return
        description = self.description.text().strip()
        kind = self.kind.value() or info.kind
        if (description, kind) == (info.description, info.kind):
            return
        if self._describing.get(info.id) == (description, kind):
            return  # the same answer is on its way
        self._describing[info.id] = (description, kind)
        record_id = self._record_id()

        def done(updated: AttachmentInfo) -> None:
            self._describing.pop(updated.id, None)
            if self._record_id() != record_id:
                return
            self._items = [updated if i.id == updated.id else i for i in self._items]
            self._fill_table()
            self.attachments_changed.emit()

        def failed(exc: BaseException) -> None:
            self._describing.pop(info.id, None)
            show_error(self, exc)

        self._runner.submit(
            lambda: session.testimonies.describe_attachment(
                info.id, description=description, kind=kind
            ),
            on_success=done,
            on_error=failed,
        )

    def _selection_changed(self) -> None:
        info = self.selected()
        self.save_button.setEnabled(info is not None and bool(info.sha256))
        editable = info is not None and not self._read_only and bool(info.sha256)
        for widget in (self.description, self.kind, self.remove_button):
            widget.setEnabled(editable)
        self.description.setReadOnly(self._read_only)
        if not self.description.hasFocus() or info is None:
            self.description.set_value(info.description if info is not None else "")
        self.kind.blockSignals(True)
        self.kind.set_value(info.kind if info is not None else "")
        self.kind.blockSignals(False)
        if info is None:
            self.details.setText("")
            self._close_preview()
            return
        self.details.setText(self._describe(info))
        if info.id == self._shown_id:
            return
        self._close_preview()
        self._shown_id = info.id
        session = self._session()
        if session is None:
            return
        kind = info.media_type.split("/")[0]
        if kind not in ("image", "audio"):
            self.preview.show_text(self.tr("No preview for this kind of file. Save a copy to "
                                           "open it in another program."))
            return
        self.preview.show_text(self.tr("Opening…"))

        def show(data: bytes) -> None:
            if self._shown_id != info.id:  # the user moved on meanwhile
                return
            if kind == "audio":
                self.preview.load_audio(info.filename, data)
            elif not self.preview.show_image(data):
                self.preview.show_text(self.tr("This image cannot be shown."))

        # Off the GUI thread: a two-hour recording is hundreds of megabytes to decrypt.
        self._runner.submit(
            lambda: session.testimonies.read_attachment(info.id),
            on_success=show,
            on_error=lambda exc: show_error(self, exc),
        )

    def _close_preview(self) -> None:
        self._shown_id = ""
        self.preview.close_media(self.tr("Select an attachment to see it here."))
