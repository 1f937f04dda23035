"""The strip above the editor's sections: what the record is, whether it is saved, and Save/Close.

Below it, the banner of a sealed version with its Amend button. The editor tells the header
what to show; the header owns no state of the record. The save line is always visible, because
an interviewer who cannot see "Saved" will not trust the program with a testimony.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from testimony_app.domain.model import RecordInfo
from testimony_app.errors import DiskFull, RecordSealed
from testimony_app.ui.recorder import format_duration

_QUIET = "color: palette(placeholder-text);"
_ALARM = "color: #b3261e; font-weight: bold;"


class EditorHeader(QWidget):
    """Record status, recording light, save line, Save and Close; the sealed banner below.

    Signals:
        save_clicked(): Save was pressed.
        close_clicked(): Close was pressed.
        amend_clicked(): the banner's Amend was pressed.
    """

    save_clicked = Signal()
    close_clicked = Signal()
    amend_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorHeader")
        self._info: RecordInfo | None = None
        self._recording_ms: int | None = None
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
        self.save_button.clicked.connect(self.save_clicked)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeEditorButton")
        self.close_button.clicked.connect(self.close_clicked)
        row = QHBoxLayout()
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.record_status)
        row.addSpacing(12)
        row.addWidget(self.recording_indicator)
        row.addStretch(1)
        row.addWidget(self.save_status)
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)

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
        self.banner_amend.clicked.connect(self.amend_clicked)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.banner_amend)
        self.banner.setVisible(False)
        banner_holder = QHBoxLayout()
        banner_holder.setContentsMargins(12, 0, 12, 8)
        banner_holder.addWidget(self.banner)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(row)
        column.addLayout(banner_holder)
        self.retranslate()

    # -- what to show -----------------------------------------------------------------------

    def set_record(self, info: RecordInfo | None) -> None:
        """Draft, amendment draft or sealed, with the version; empty without a record."""
        self._info = info
        self._show_record()

    def show_status(self, text: str, *, alarm: bool = False) -> None:
        """The save line: quiet grey, or red and bold when something was not saved."""
        self.save_status.setText(text)
        self.save_status.setStyleSheet(_ALARM if alarm else _QUIET)

    def status(self) -> str:
        """What the save line says."""
        return self.save_status.text()

    def show_editing(self) -> None:
        """Changes not yet saved."""
        self.show_status(self.tr("Editing…"))

    def show_opening(self) -> None:
        """A record is being read from the vault."""
        self.show_status(self.tr("Opening…"))

    def show_sealing(self) -> None:
        """The draft is being sealed (and the vault backed up)."""
        self.show_status(self.tr("Sealing…"))

    def show_saved(self) -> None:
        """Everything typed is in the vault, as of now."""
        self.show_status(self.tr("Saved %s") % datetime.now().strftime("%H:%M:%S"))

    def show_not_saved(self, exc: BaseException, *, locked: bool) -> None:
        """Why the last save failed, in red: the text is still on screen."""
        if isinstance(exc, DiskFull):
            sentence = self.tr("Not saved — the disk is full. Your text is kept.")
        elif isinstance(exc, RecordSealed):
            sentence = self.tr("Not saved — this version is sealed.")
        elif locked:
            sentence = self.tr("Not saved — the vault is locked.")
        else:
            sentence = self.tr("Not saved — your text is kept; retrying.")
        self.show_status(sentence, alarm=True)

    def set_sealed(self, sealed: bool) -> None:
        """Show or hide the sealed banner."""
        self.banner.setVisible(sealed)

    def set_editable(self, editable: bool) -> None:
        """Save only makes sense for a draft that can be changed."""
        self.save_button.setEnabled(editable)

    def set_recording(self, recording: bool) -> None:
        """The red recording light."""
        self._recording_ms = 0 if recording else None
        self.recording_indicator.setVisible(recording)
        self._show_recording()

    def set_recording_time(self, ms: int) -> None:
        """How long the recording has run."""
        self._recording_ms = ms
        self._show_recording()

    def clear(self) -> None:
        """Nothing shown (the lock)."""
        self.set_record(None)
        self.show_status("")
        self.set_sealed(False)

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(
            self.tr(
                "Save now (Ctrl+S). Drafts are also saved automatically a second after you "
                "stop typing."
            )
        )
        self.close_button.setText(self.tr("Close"))
        self.banner_text.setText(
            self.tr(
                "This version is sealed and cannot be changed. To correct or add something, "
                "start an amendment."
            )
        )
        self.banner_amend.setText(self.tr("Amend…"))
        self._show_record()
        self._show_recording()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_record(self) -> None:
        info = self._info
        if info is None:
            text = ""
        elif not info.draft:
            text = self.tr("Sealed · version %d") % info.current
        elif info.current > 1:
            text = self.tr("Amendment draft · version %d") % info.current
        else:
            text = self.tr("Draft")
        self.record_status.setText(text)

    def _show_recording(self) -> None:
        if self._recording_ms is not None:
            self.recording_indicator.setText(
                self.tr("● Recording %s") % format_duration(self._recording_ms)
            )
