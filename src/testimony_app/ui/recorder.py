"""Record the interview's audio straight into the vault, a second at a time.

Why not ``QMediaRecorder``: it writes a file on disk (a plaintext copy of the witness's voice,
which the vault exists to prevent) and only finalises it at the end, so a crash or a dead
battery loses the whole recording. Instead a :class:`QAudioSource` hands us raw PCM, and every
second the new samples are committed to the vault through the service's ``AttachmentWriter``,
on the task runner's thread (the writes are fsynced, and the GUI thread must not wait for a
disk). A crash loses at most the last second or so, plus whatever the worker had not reached.

Format: WAV (``audio/wav``), 16-bit PCM, 16 kHz mono when the microphone allows it: speech
needs no more (speech recognisers work at 16 kHz), and it keeps a two-hour interview at about
230 MB, under the 256 MB the vault opens in memory for listening inside the app. The header
is written first, before any sample, and — because a chunk once committed is never rewritten
and its SHA-256 is taken as it streams in — its RIFF and data sizes are the "unknown length"
value ``0xFFFFFFFF`` used by streaming WAV writers. FFmpeg (and so Qt's player), sox, VLC and
Audacity read such a file to its real end; the exact length is the attachment's stored size
minus the 44-byte header.
"""

from __future__ import annotations

import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QEvent, QIODevice, QObject, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource, QMediaDevices, QtAudio
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from testimony_app.domain.model import AttachmentInfo
from testimony_app.errors import DiskFull
from testimony_app.log import get_logger

_log = get_logger("ui.recorder")

MEDIA_TYPE = "audio/wav"
HEADER_SIZE = 44
_UNKNOWN = 0xFFFFFFFF


@dataclass(frozen=True)
class PcmFormat:
    """What the samples look like; enough to write a WAV header and to time them."""

    sample_rate: int = 16000
    channels: int = 1
    bits: int = 16
    is_float: bool = False

    @property
    def bytes_per_second(self) -> int:
        """Bytes of audio per second of recording."""
        return self.sample_rate * self.channels * self.bits // 8


def wav_header(fmt: PcmFormat) -> bytes:
    """A 44-byte WAV header for a stream of unknown length (see the module docstring)."""
    block_align = fmt.channels * fmt.bits // 8
    tag = 3 if fmt.is_float else 1  # WAVE_FORMAT_IEEE_FLOAT or WAVE_FORMAT_PCM
    return (
        b"RIFF" + struct.pack("<I", _UNKNOWN) + b"WAVE"
        + b"fmt " + struct.pack("<IHHIIHH", 16, tag, fmt.channels, fmt.sample_rate,
                                fmt.bytes_per_second, block_align, fmt.bits)
        + b"data" + struct.pack("<I", _UNKNOWN)
    )


class PcmSource(Protocol):
    """Where samples come from: the microphone in the application, a generator in tests."""

    def audio_format(self) -> PcmFormat:
        """The format of what :meth:`read` returns."""
        ...

    def start(self) -> None:
        """Begin capturing."""
        ...

    def read(self) -> bytes:
        """Everything captured since the last call."""
        ...

    def stop(self) -> None:
        """Stop capturing and release the device."""
        ...

    def error(self) -> str:
        """Empty while all is well; otherwise why capture failed (not shown to the user)."""
        ...


class AttachmentWriterLike(Protocol):
    """The part of the service's ``AttachmentWriter`` the recorder uses."""

    def write(self, data: bytes) -> None:
        """Commit one chunk."""
        ...

    def finish(self) -> AttachmentInfo:
        """Close the recording and record its hash."""
        ...

    def abort(self) -> None:
        """Throw away a recording that never got a sample."""
        ...


def microphone_available() -> bool:
    """Whether the system offers any audio input at all."""
    return bool(QMediaDevices.audioInputs())


#: Samples per second recorded when the microphone allows it (see the module docstring).
SAMPLE_RATE = 16000


class MicrophoneSource:
    """The default (or a given) audio input through ``QAudioSource``, in pull mode.

    Pull mode with a generous buffer (4 s) because the GUI thread drains it: a stall of a second
    or two (a busy machine, a modal dialog opening) must not drop samples.
    """

    def __init__(self, device: QAudioDevice | None = None, sample_rate: int = SAMPLE_RATE) -> None:
        self._device = device if device is not None else QMediaDevices.defaultAudioInput()
        wanted = QAudioFormat()
        wanted.setSampleRate(sample_rate)
        wanted.setChannelCount(1)
        wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not self._device.isFormatSupported(wanted):
            wanted = self._device.preferredFormat()
            if wanted.sampleFormat() not in (
                QAudioFormat.SampleFormat.Int16, QAudioFormat.SampleFormat.Float
            ):
                wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._qformat = wanted
        self._format = PcmFormat(
            sample_rate=wanted.sampleRate(),
            channels=wanted.channelCount(),
            bits=wanted.bytesPerSample() * 8,
            is_float=wanted.sampleFormat() == QAudioFormat.SampleFormat.Float,
        )
        self._source = QAudioSource(self._device, wanted)
        self._source.setBufferSize(self._format.bytes_per_second * 4)
        self._io: QIODevice | None = None

    def audio_format(self) -> PcmFormat:
        """The negotiated format."""
        return self._format

    def start(self) -> None:
        """Open the microphone."""
        self._io = self._source.start()

    def read(self) -> bytes:
        """Drain what the device captured."""
        if self._io is None:
            return b""
        return bytes(self._io.readAll().data())

    def stop(self) -> None:
        """Release the microphone."""
        self._source.stop()
        self._io = None

    def error(self) -> str:
        """The device's error name, if any."""
        err = self._source.error()
        return "" if err == QtAudio.Error.NoError else err.name


class _Skipped(Exception):
    """A piece not written because an earlier one failed (it would leave a gap in the audio)."""


class _Channel:
    """The recording's writer as the worker thread uses it.

    Every method runs on the task runner's one thread, in the order the recorder submitted
    them, so the pieces reach the vault in the order they were captured; once one fails (a full
    disk), no later one is written, because a later piece stored after a lost one would put a
    silent jump in the middle of the witness's words.
    """

    def __init__(self, writer: AttachmentWriterLike) -> None:
        self.writer = writer
        self.broken = False

    def write(self, data: bytes) -> int:
        """Store one piece (worker thread); its length."""
        if self.broken:
            raise _Skipped
        try:
            self.writer.write(data)
        except BaseException:
            self.broken = True
            raise
        return len(data)

    def finish(self) -> AttachmentInfo:
        """Close the recording with what was stored (worker thread)."""
        return self.writer.finish()


Submit = Callable[
    [Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None
]
"""How the recorder hands vault work to the worker: ``submit(fn, on_success, on_error)``, with
both answers delivered on the GUI thread (:meth:`testimony_app.ui.tasks.TaskRunner.submit`)."""


@dataclass(eq=False)
class _Take:
    """One recording, as the GUI thread follows it."""

    channel: _Channel
    quiet: bool = False  # stopped by a lock: failures are logged, not shown
    told: bool = False  # the user heard of a failure already (one sentence, not two)
    finishing: bool = False


class Recorder(QObject):
    """Moves samples from a :class:`PcmSource` into an attachment writer, chunk by chunk.

    The microphone is drained on the GUI thread (``QAudioSource`` lives there), but every
    write, and the final close that hashes the recording, runs on the task runner's thread
    through ``submit``: each piece is fsynced before it counts as stored, which on a slow disk
    or behind a backup takes longer than a frame of the window may. The pieces are submitted as
    they are cut and the worker is serial, so they arrive in order, and a lock queued after a
    :meth:`flush` finds them written.

    Signals:
        recording_changed(bool): started or stopped.
        progress(int): milliseconds of audio captured so far.
        level(float): the loudest recent sample, 0..1 (a live sign the microphone works).
        failed(str): one sentence; the recording stopped, what was stored is kept.
        finished(object): the finished :class:`AttachmentInfo`.
    """

    recording_changed = Signal(bool)
    progress = Signal(int)
    level = Signal(float)
    failed = Signal(str)
    finished = Signal(object)

    def __init__(self, submit: Submit, chunk_ms: int = 1000, poll_ms: int = 100,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.chunk_ms = chunk_ms
        self._submit = submit
        self._poll = QTimer(self)
        self._poll.setObjectName("recorderPoll")
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._pull)
        self._take: _Take | None = None
        self._source: PcmSource | None = None
        self._format = PcmFormat()
        self._pending = bytearray()
        self._captured = 0
        self._stored = 0
        self._chunks = 0
        self._waiting = 0
        self._started = 0.0
        self._error_logged = False

    # -- state --------------------------------------------------------------------------------

    def is_recording(self) -> bool:
        """Whether samples are being captured now."""
        return self._source is not None

    def captured_ms(self) -> int:
        """How much audio was captured (stored, on its way, or waiting for the next chunk)."""
        rate = self._format.bytes_per_second or 1
        return self._captured * 1000 // rate

    def stored_bytes(self) -> int:
        """Bytes the vault acknowledged as durable, header included."""
        return self._stored

    def chunks_written(self) -> int:
        """How many chunks the vault acknowledged (header included)."""
        return self._chunks

    def waiting(self) -> int:
        """Writes and closes submitted whose answer has not come back yet."""
        return self._waiting

    def wall_seconds(self) -> float:
        """Seconds since the recording started."""
        return time.monotonic() - self._started if self._source is not None else 0.0

    # -- actions ------------------------------------------------------------------------------

    def start(self, writer: AttachmentWriterLike, source: PcmSource) -> None:
        """Queue the header at once, then start capturing."""
        if self._source is not None:
            raise RuntimeError("already recording")
        self._format = source.audio_format()
        self._pending = bytearray()
        self._captured = 0
        self._stored = 0
        self._chunks = 0
        self._error_logged = False
        self._take = _Take(_Channel(writer))
        self._source = source
        self._commit(wav_header(self._format))
        source.start()
        self._started = time.monotonic()
        self._poll.start()
        self.recording_changed.emit(True)

    def flush(self) -> None:
        """Queue what was captured so far (before a lock, on Ctrl+S)."""
        if self._source is None:
            return
        self._pull(force=True)

    def stop(self, quiet: bool = False) -> None:
        """Stop capturing, queue the last samples and the close of the recording.

        :attr:`finished` brings the attachment once the worker closed it. ``quiet`` (the vault
        is locking) logs a failure instead of telling the user: the chunks are in the vault
        and the next unlock finishes the recording.
        """
        take = self._take
        if self._source is None or take is None:
            return
        take.quiet = take.quiet or quiet
        self._pull(force=True)
        self._end_capture()
        self._finish(take)

    # -- private ------------------------------------------------------------------------------

    def _pull(self, force: bool = False) -> None:
        source = self._source
        if source is None or self._take is None:
            return
        data = source.read()
        if data:
            self._pending += data
            self._captured += len(data)
            self._emit_level(data)
        if source.error() and not self._error_logged:
            self._error_logged = True
            _log.warning("the audio input reports an error")
        threshold = self._format.bytes_per_second * self.chunk_ms // 1000
        if self._pending and (force or len(self._pending) >= threshold):
            chunk = bytes(self._pending)
            self._pending = bytearray()
            self._commit(chunk)
        self.progress.emit(self.captured_ms())

    def _commit(self, chunk: bytes) -> None:
        take = self._take
        if take is None:
            return
        channel = take.channel
        self._waiting += 1

        def written(size: int) -> None:
            if not self._answered():
                return
            if take is self._take:
                self._stored += size
                self._chunks += 1

        def failed(exc: BaseException) -> None:
            if self._answered() and not isinstance(exc, _Skipped):
                self._write_failed(take, exc)

        self._submit(lambda: channel.write(chunk), written, failed)

    def _answered(self) -> bool:
        """Count an answer down; False if this recorder is gone (the window closed)."""
        if not shiboken6.isValid(self):
            return False
        self._waiting = max(0, self._waiting - 1)
        return True

    def _write_failed(self, take: _Take, exc: BaseException) -> None:
        if isinstance(exc, DiskFull):
            sentence = self.tr(
                "The disk is full, so the recording stopped. What was recorded until now is kept."
            )
        else:
            _log.error("storing a recording chunk failed: %s", type(exc).__name__)
            sentence = self.tr(
                "The recording stopped because it could not be stored. What was recorded until "
                "now is kept."
            )
        if take is self._take and self._source is not None:
            self._end_capture()
        self._finish(take)
        self._tell(take, sentence)

    def _finish(self, take: _Take) -> None:
        if take.finishing:
            return
        take.finishing = True
        self._waiting += 1

        def done(info: AttachmentInfo) -> None:
            if self._answered():
                self.finished.emit(info)

        def failed(exc: BaseException) -> None:
            if not self._answered():
                return
            _log.error("finishing a recording failed: %s", type(exc).__name__)
            self._tell(take, self.tr(
                "The recording could not be closed; the audio stored so far stays in the vault."
            ))

        self._submit(take.channel.finish, done, failed)

    def _tell(self, take: _Take, sentence: str) -> None:
        if take.quiet or take.told:
            return
        take.told = True
        self.failed.emit(sentence)

    def _end_capture(self) -> None:
        self._poll.stop()
        source = self._source
        self._source = None
        if source is not None:
            try:
                source.stop()
            except Exception as exc:  # noqa: BLE001 -- releasing a device must not lose data
                _log.warning("stopping the audio input failed: %s", type(exc).__name__)
        self.recording_changed.emit(False)

    def _emit_level(self, data: bytes) -> None:
        fmt = self._format
        tail = data[-fmt.bytes_per_second // 10:] if fmt.bytes_per_second >= 10 else data
        peak = 0.0
        if fmt.bits == 16 and not fmt.is_float and len(tail) >= 2:
            samples = memoryview(tail[: len(tail) // 2 * 2]).cast("h")
            peak = max(abs(max(samples)), abs(min(samples))) / 32768
        elif fmt.is_float and fmt.bits == 32 and len(tail) >= 4:
            floats = memoryview(tail[: len(tail) // 4 * 4]).cast("f")
            peak = min(1.0, max(abs(max(floats)), abs(min(floats))))
        self.level.emit(peak)


def format_duration(ms: int) -> str:
    """``01:02:03`` for an hour, two minutes and three seconds."""
    seconds = max(0, ms) // 1000
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def recording_filename(now: datetime | None = None) -> str:
    """``interview-2026-11-28-1403.wav``: a name that says when, never who."""
    return f"interview-{(now or datetime.now()):%Y-%m-%d-%H%M}.wav"


class RecorderPanel(QWidget):
    """Start and stop, a red light with the elapsed time, and a level meter.

    The panel does not decide whether recording is allowed: :attr:`start_requested` asks its
    owner, which checks consent, opens the writer and calls :meth:`begin`. ``submit`` runs the
    recorder's vault work on the worker thread (see :class:`Recorder`).

    Signals:
        start_requested(): the Record button was pressed.
    """

    start_requested = Signal()

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recorderPanel")
        self.recorder = Recorder(submit, parent=self)
        self.source_factory: Callable[[], PcmSource] = MicrophoneSource
        self.light = QLabel(self)
        self.light.setObjectName("recordingLight")
        self.elapsed = QLabel(format_duration(0), self)
        self.elapsed.setObjectName("recordingElapsed")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.2)
        self.elapsed.setFont(mono)
        self.meter = QProgressBar(self)
        self.meter.setObjectName("recordingLevel")
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setMaximumWidth(140)
        self.meter.setMaximumHeight(10)
        self.button = QPushButton(self)
        self.button.setObjectName("recordButton")
        self.button.clicked.connect(self._clicked)
        self.note = QLabel(self)
        self.note.setObjectName("recordingNote")
        self.note.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.light)
        row.addWidget(self.elapsed)
        row.addWidget(self.meter)
        row.addWidget(self.note, 1)
        self.recorder.recording_changed.connect(self._state_changed)
        self.recorder.progress.connect(self._progress)
        self.recorder.level.connect(lambda peak: self.meter.setValue(int(peak * 100)))
        self.recorder.failed.connect(self.note.setText)
        self._state_changed(False)

    def input_available(self) -> bool:
        """Whether there is something to record from (a microphone, or an injected source)."""
        return self.source_factory is not MicrophoneSource or microphone_available()

    def begin(self, writer: AttachmentWriterLike) -> None:
        """Start recording into ``writer`` from a new source."""
        self.note.setText("")
        self.recorder.start(writer, self.source_factory())

    def stop(self, quiet: bool = False) -> None:
        """Stop; the recording is closed on the worker (:attr:`Recorder.finished`)."""
        self.recorder.stop(quiet)

    def set_enabled_for_record(self, enabled: bool) -> None:
        """A sealed version takes no new recording (a running one may still be stopped)."""
        if not self.recorder.is_recording():
            self.button.setEnabled(enabled)

    def retranslate(self) -> None:
        """Texts in the interface language."""
        recording = self.recorder.is_recording()
        self.button.setText(self.tr("Stop recording") if recording else self.tr("Record audio"))
        self.light.setText(self.tr("● Recording") if recording else "")

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _clicked(self) -> None:
        if self.recorder.is_recording():
            self.stop()
        else:
            self.start_requested.emit()

    def _state_changed(self, recording: bool) -> None:
        self.light.setVisible(recording)
        self.meter.setVisible(recording)
        self.elapsed.setVisible(recording)
        self.light.setStyleSheet("color: #c62828; font-weight: bold;")
        self.button.setEnabled(True)
        if recording:
            self.elapsed.setText(format_duration(0))
        self.retranslate()

    def _progress(self, ms: int) -> None:
        self.elapsed.setText(format_duration(ms))
        if ms == 0 and self.recorder.wall_seconds() > 3:
            self.note.setText(self.tr(
                "No sound is reaching the recorder. Check that the microphone is connected."
            ))
        elif ms > 0 and self.note.text():
            self.note.setText("")


__all__ = [
    "MEDIA_TYPE",
    "SAMPLE_RATE",
    "AttachmentWriterLike",
    "MicrophoneSource",
    "PcmFormat",
    "PcmSource",
    "Recorder",
    "RecorderPanel",
    "Submit",
    "format_duration",
    "microphone_available",
    "recording_filename",
    "wav_header",
]
