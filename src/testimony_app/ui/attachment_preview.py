"""Seeing and hearing an attachment from memory: a photo, a recording, or why there is nothing.

Why from memory: a photo of an injury or the witness's voice must not land as a plaintext file
in a temp folder, a thumbnail cache or a "recent files" list, where a seized laptop gives it
away. Images are decoded with ``QImage`` from the bytes the vault returns; audio plays through
``QMediaPlayer.setSourceDevice`` over a ``QBuffer``, and the buffer is emptied when the preview
closes. The bytes are read from the vault by the attachments view, on the worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.recorder import format_duration


class AttachmentPreview(QStackedWidget):
    """Three pages: a sentence (nothing selected, no preview, opening…), an image, a player."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentPreview")
        self.setMinimumHeight(260)
        self._player: QMediaPlayer | None = None
        self._audio_out: QAudioOutput | None = None
        self._buffer: QBuffer | None = None
        self.no_preview = QLabel(self)
        self.no_preview.setObjectName("attachmentNoPreview")
        self.no_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_preview.setWordWrap(True)
        self.no_preview.setStyleSheet("color: palette(placeholder-text);")
        self.image = QLabel(self)
        self.image.setObjectName("attachmentImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image_scroll = QScrollArea(self)
        image_scroll.setWidget(self.image)
        image_scroll.setWidgetResizable(True)
        self.audio = QWidget(self)
        self.audio.setObjectName("attachmentAudio")
        self.play_button = QPushButton(self.audio)
        self.play_button.setObjectName("playAttachmentButton")
        self.play_button.clicked.connect(self.toggle_play)
        self.position = QSlider(Qt.Orientation.Horizontal, self.audio)
        self.position.setObjectName("attachmentPosition")
        self.position.sliderMoved.connect(self._seek)
        self.time = QLabel(format_duration(0), self.audio)
        self.time.setObjectName("attachmentTime")
        audio_row = QHBoxLayout(self.audio)
        audio_row.addWidget(self.play_button)
        audio_row.addWidget(self.position, 1)
        audio_row.addWidget(self.time)
        audio_holder = QWidget(self)
        audio_column = QVBoxLayout(audio_holder)
        audio_column.addWidget(self.audio)
        audio_column.addStretch(1)
        self.addWidget(self.no_preview)
        self.addWidget(image_scroll)
        self.addWidget(audio_holder)
        self._image_page = image_scroll
        self._audio_page = audio_holder
        self.retranslate()

    def player(self) -> QMediaPlayer | None:
        """The audio player, once something was played (for tests)."""
        return self._player

    def show_text(self, sentence: str) -> None:
        """Show a sentence instead of a preview."""
        self.no_preview.setText(sentence)
        self.setCurrentWidget(self.no_preview)

    def show_image(self, data: bytes) -> bool:
        """Show an image from its bytes, scaled to fit; False if it cannot be decoded."""
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)  # photos from phones carry their rotation in EXIF
        image: QImage = reader.read()
        buffer.close()
        if image.isNull():
            return False
        width = max(200, self.width() - 24)
        height = max(200, self.height() - 24)
        pixmap = QPixmap.fromImage(image)
        if pixmap.width() > width or pixmap.height() > height:
            pixmap = pixmap.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.image.setPixmap(pixmap)
        self.setCurrentWidget(self._image_page)
        return True

    def load_audio(self, filename: str, data: bytes) -> None:
        """Get a recording ready to play from its bytes (``filename`` only names the format)."""
        if self._player is None:
            self._player = QMediaPlayer(self)
            self._player.setObjectName("attachmentPlayer")
            self._audio_out = QAudioOutput(self)
            self._player.setAudioOutput(self._audio_out)
            self._player.durationChanged.connect(self._duration_changed)
            self._player.positionChanged.connect(self._position_changed)
            self._player.playbackStateChanged.connect(self._update_play_text)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        # The URL is only a name that tells FFmpeg the format; nothing is read from disk.
        self._player.setSourceDevice(buffer, QUrl(filename or "audio.wav"))
        self.position.setValue(0)
        self.setCurrentWidget(self._audio_page)

    def close_media(self, sentence: str) -> None:
        """Stop playing, let go of the bytes and show ``sentence``."""
        if self._player is not None:
            self._player.stop()
            # Qt takes a null device to let go of the buffer; the stub only knows QIODevice.
            self._player.setSourceDevice(None)  # type: ignore[arg-type]
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None
        self.image.clear()
        self.time.setText(format_duration(0))
        self.show_text(sentence)

    def toggle_play(self) -> None:
        """Play or pause the loaded recording."""
        player = self._player
        if player is None:
            return
        if player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            player.pause()
        else:
            player.play()

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self._update_play_text()

    def _seek(self, ms: int) -> None:
        if self._player is not None:
            self._player.setPosition(ms)

    def _duration_changed(self, ms: int) -> None:
        self.position.setRange(0, max(0, ms))
        self._position_changed(self._player.position() if self._player else 0)

    def _position_changed(self, ms: int) -> None:
        if not self.position.isSliderDown():
            self.position.setValue(ms)
        total = self._player.duration() if self._player else 0
        self.time.setText(f"{format_duration(ms)} / {format_duration(total)}")

    def _update_play_text(self, *_args: object) -> None:
        playing = (
            self._player is not None
            and self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        )
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
