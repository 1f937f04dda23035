"""Recording the interview into the vault chunk by chunk.

The samples come from a generated tone (no sound card in CI), but the ``AttachmentWriter`` and
the SQLCipher vault are the real ones: the point is what survives a crash. Two tests record a
real ``QAudioSource`` from a PulseAudio virtual microphone in a child process (stack-findings
§2.4): one stops cleanly, the other is killed with SIGKILL and the vault is reopened.
"""

from __future__ import annotations

import itertools
import math
import os
import shutil
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from testimony_app.domain.model import AttachmentInfo
from testimony_app.errors import DiskFull
from testimony_app.services.vault import VaultSession, create_vault, unlock_vault
from testimony_app.ui.editor import TestimonyEditor as Editor  # not "Test…": pytest collects those
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.recorder import (
    HEADER_SIZE,
    MEDIA_TYPE,
    PcmFormat,
    format_duration,
    recording_filename,
    wav_header,
)
from testimony_app.ui.tasks import TaskRunner
from testkit.qt import present

pytestmark = pytest.mark.gui

PASS = "pass"


class ToneSource:
    """A fake microphone: a 440 Hz tone, as many samples as wall-clock time has passed."""

    def __init__(self, fmt: PcmFormat | None = None) -> None:
        self.fmt = fmt or PcmFormat(sample_rate=16000)
        self.started = 0.0
        self.sent = 0
        self.produced = bytearray()
        self.stopped = False

    def audio_format(self) -> PcmFormat:
        return self.fmt

    def start(self) -> None:
        self.started = time.monotonic()

    def read(self) -> bytes:
        due = int((time.monotonic() - self.started) * self.fmt.sample_rate)
        out = b"".join(
            struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / self.fmt.sample_rate)))
            for i in range(self.sent, due)
        )
        self.sent = due
        self.produced += out
        return out

    def stop(self) -> None:
        self.stopped = True

    def error(self) -> str:
        return ""


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    """A real vault."""
    opened = create_vault(tmp_path / "vault", PASS, kdf="test")
    yield opened
    if opened.is_open:
        opened.lock()


@pytest.fixture
def prompts() -> ScriptedPrompts:
    """Scripted dialogs."""
    return ScriptedPrompts()


@pytest.fixture
def source() -> ToneSource:
    """The fake microphone the next recording uses."""
    return ToneSource()


@pytest.fixture
def editor(
    qtbot: Any,
    session: VaultSession,
    runner: TaskRunner,
    prompts: ScriptedPrompts,
    source: ToneSource,
) -> Editor:
    """An editor on a new draft, on the attachments page, recording from ``source``."""
    widget = Editor(lambda: session, runner, prompts)
    qtbot.addWidget(widget)
    widget.resize(1200, 820)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.opened, timeout=10000):  # read on the worker thread
        widget.open_record(session.testimonies.create())
    panel = widget.attachments.view.recorder
    panel.source_factory = lambda: source
    panel.recorder.chunk_ms = 200
    widget.show_section("attachments")
    return widget


def press_record(editor: Editor, qtbot: Any) -> None:
    """Press Record and wait for the writer the worker opens (the microphone starts then)."""
    view = editor.attachments.view
    QTest.mouseClick(view.recorder.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.is_recording, timeout=10000)


def press_stop(editor: Editor, qtbot: Any) -> AttachmentInfo:
    """Press Stop and wait for the worker to close the recording; the attachment."""
    view = editor.attachments.view
    with qtbot.waitSignal(view.recorder.recorder.finished, timeout=10000) as closed:
        QTest.mouseClick(view.recorder.button, Qt.MouseButton.LeftButton)
        assert not view.is_recording()  # the microphone stops at once
    info = closed.args[0]
    assert isinstance(info, AttachmentInfo)
    return info


def agree_to_audio(editor: Editor, answer: str = "yes") -> None:
    """Click the witness's answer about audio recording on the consent page."""
    editor.show_section("consent")
    button = editor.findChild(QWidget, f"consent.audio_recording.{answer}")
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    editor.show_section("attachments")


def test_wav_header_describes_a_stream_of_unknown_length() -> None:
    header = wav_header(PcmFormat(sample_rate=16000, channels=1, bits=16))
    assert len(header) == HEADER_SIZE
    riff, riff_size, wave, fmt_id, fmt_size, tag, channels, rate, byte_rate, align, bits = (
        struct.unpack("<4sI4s4sIHHIIHH", header[:36])
    )
    assert (riff, wave, fmt_id, fmt_size) == (b"RIFF", b"WAVE", b"fmt ", 16)
    assert riff_size == 0xFFFFFFFF
    assert (tag, channels, rate, byte_rate, align, bits) == (1, 1, 16000, 32000, 2, 16)
    assert header[36:40] == b"data"
    assert struct.unpack("<I", header[40:44])[0] == 0xFFFFFFFF
    float_header = wav_header(PcmFormat(sample_rate=48000, channels=2, bits=32, is_float=True))
    assert struct.unpack("<H", float_header[20:22])[0] == 3


def test_helpers() -> None:
    assert format_duration(3_723_000) == "01:02:03"
    from datetime import datetime

    assert recording_filename(datetime(2026, 11, 28, 14, 3)) == "interview-2026-11-28-1403.wav"


@pytest.mark.slow
def test_recording_is_refused_without_consent(
    editor: Editor, session: VaultSession, prompts: ScriptedPrompts, source: ToneSource
) -> None:
    view = editor.attachments.view
    QTest.mouseClick(view.recorder.button, Qt.MouseButton.LeftButton)
    assert not view.is_recording()
    assert prompts.texts("information") == [
        "The witness has not agreed to an audio recording. Record their answer on the Consent "
        "page first."
    ]
    agree_to_audio(editor, "no")
    QTest.mouseClick(view.recorder.button, Qt.MouseButton.LeftButton)
    assert not view.is_recording()
    assert source.started == 0.0
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.attachments(record_id) == []


@pytest.mark.slow
def test_chunks_reach_the_vault_while_recording(
    editor: Editor, session: VaultSession, source: ToneSource, qtbot: Any
) -> None:
    agree_to_audio(editor)
    view = editor.attachments.view
    recorder = view.recorder.recorder
    press_record(editor, qtbot)
    indicator = present(editor.findChild(QLabel, "recordingIndicator"))
    assert indicator is not None
    assert indicator.isVisible()
    assert view.recorder.button.text() == "Stop recording"
    # Consent was saved before the writer opened (the service checks the stored draft).
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.get(record_id).consent.audio_recording is True
    qtbot.waitUntil(lambda: recorder.chunks_written() >= 4, timeout=5000)
    stored = recorder.stored_bytes()
    assert stored > HEADER_SIZE + 3000  # header plus real audio, already committed
    qtbot.waitUntil(lambda: recorder.captured_ms() >= 1000, timeout=5000)
    assert "00:00:0" in indicator.text()
    # Other sections stay usable and still show the light.
    editor.show_section("narrative")
    assert indicator.isVisible()
    editor.show_section("attachments")

    finished = press_stop(editor, qtbot)
    assert not indicator.isVisible()
    assert source.stopped
    items = view.attachments()
    assert len(items) == 1
    info = items[0]
    assert info == finished
    assert info.media_type == MEDIA_TYPE
    data = session.testimonies.read_attachment(info.id)
    assert data == wav_header(source.fmt) + bytes(source.produced)
    assert info.size == len(data)
    import hashlib

    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert [a.id for a in session.testimonies.attachments(record_id)] == [info.id]


@pytest.mark.slow
def test_a_crash_loses_seconds_not_the_recording(
    tmp_path: Path,
    editor: Editor,
    session: VaultSession,
    runner: TaskRunner,
    source: ToneSource,
    qtbot: Any,
) -> None:
    agree_to_audio(editor)
    view = editor.attachments.view
    recorder = view.recorder.recorder
    press_record(editor, qtbot)
    qtbot.waitUntil(lambda: recorder.chunks_written() >= 6, timeout=5000)
    # The process dies: no stop, no finish. Only what was committed can survive.
    recorder._poll.stop()
    assert runner.wait_idle()  # the writes already on their way are acknowledged or not
    committed = recorder.stored_bytes()
    record_id = editor.current_record_id()
    assert record_id is not None
    session.lock()
    reopened = unlock_vault(tmp_path / "vault", PASS)
    try:
        items = reopened.testimonies.attachments(record_id)
        assert len(items) == 1
        data = reopened.testimonies.read_attachment(items[0].id)
        assert len(data) == committed
        assert data[:HEADER_SIZE] == wav_header(source.fmt)
        assert data[HEADER_SIZE:] == bytes(source.produced[: committed - HEADER_SIZE])
        assert committed - HEADER_SIZE >= source.fmt.bytes_per_second // 2
    finally:
        reopened.lock()
    recorder._source = None  # the dead process's recording; nothing more to stop


@pytest.mark.slow
def test_disk_full_stops_and_keeps_what_was_recorded(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    source: ToneSource,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agree_to_audio(editor)
    view = editor.attachments.view
    recorder = view.recorder.recorder
    press_record(editor, qtbot)
    qtbot.waitUntil(lambda: recorder.chunks_written() >= 3, timeout=5000)
    take = recorder._take
    assert take is not None
    writer = take.channel.writer
    real_write = writer.write
    calls = 0

    def full_once(data: bytes) -> None:
        # The disk fills once; a later piece would fit again, but storing it after a lost one
        # would put a jump in the middle of the audio.
        nonlocal calls
        calls += 1
        if calls == 1:
            raise DiskFull()
        real_write(data)

    with qtbot.waitSignal(recorder.finished, timeout=10000):
        monkeypatch.setattr(writer, "write", full_once)
        qtbot.waitUntil(lambda: not view.is_recording(), timeout=5000)
    assert prompts.texts("error") == [
        "The disk is full, so the recording stopped. What was recorded until now is kept."
    ]
    assert calls == 1
    items = view.attachments()
    assert len(items) == 1
    assert items[0].size == recorder.stored_bytes()
    data = session.testimonies.read_attachment(items[0].id)
    assert data[HEADER_SIZE:] == bytes(source.produced[: len(data) - HEADER_SIZE])


@pytest.mark.slow
def test_clear_stops_and_keeps_a_running_recording(
    editor: Editor, session: VaultSession, runner: TaskRunner, qtbot: Any
) -> None:
    agree_to_audio(editor)
    view = editor.attachments.view
    press_record(editor, qtbot)
    qtbot.waitUntil(lambda: view.recorder.recorder.chunks_written() >= 2, timeout=5000)
    record_id = editor.current_record_id()
    assert record_id is not None
    editor.clear()
    assert not view.is_recording()
    assert runner.wait_idle()  # the last piece and the close run on the worker
    items = session.testimonies.attachments(record_id)
    assert len(items) == 1
    assert items[0].size > HEADER_SIZE


_CHILD_START = """
import sys
import threading
import testimony_app.ui  # guards against the PySide6 6.12 None/True refcount bug
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from PySide6.QtMultimedia import QMediaDevices
from testimony_app.services.vault import create_vault
from testimony_app.domain.model import Testimony, Consent
from testimony_app.ui.recorder import MEDIA_TYPE, MicrophoneSource, Recorder
from testimony_app.ui.tasks import TaskRunner

if not QMediaDevices.audioInputs():
    print("NO-INPUT", flush=True)
    sys.exit(3)
session = create_vault(Path(sys.argv[1]), "pass", kdf="test")
rid = session.testimonies.create(Testimony(consent=Consent(audio_recording=True)))
print("RECORD", rid, flush=True)
writer = session.testimonies.start_recording(rid, "mic.wav", MEDIA_TYPE)
source = MicrophoneSource()
runner = TaskRunner()
recorder = Recorder(runner.submit, chunk_ms=500)
recorder.start(writer, source)
"""

# Records for argv[2] seconds, stops cleanly and reports.
_CHILD = _CHILD_START + """
QTimer.singleShot(int(sys.argv[2]) * 1000, app.quit)
app.exec()
recorder.stop()
assert runner.wait_idle(30000)
print("MS", recorder.captured_ms(), "CHUNKS", recorder.chunks_written(), flush=True)
session.lock()
"""

# Records until it is killed, saying every quarter second how much is committed.
_CHILD_UNTIL_KILLED = _CHILD_START + """
def report():
    print("STORED", recorder.stored_bytes(), recorder.captured_ms(), flush=True)
timer = QTimer()
timer.timeout.connect(report)
timer.start(250)
app.exec()
"""


def tone_frequency(wav: bytes) -> float:
    """The frequency of the loud part of a recording as this recorder writes it (our WAV
    header, 16-bit integer or 32-bit float samples), from its rising zero crossings."""
    assert wav[:4] == b"RIFF"
    assert wav[36:40] == b"data"
    tag, channels, rate = struct.unpack("<HHI", wav[20:28])
    bits = struct.unpack("<H", wav[34:36])[0]
    code, size, loud_at = ("f", 4, 0.06) if tag == 3 else ("h", 2, 2000)
    assert tag == 3 or bits == 16
    frame = size * channels
    pcm = wav[HEADER_SIZE:]
    pcm = pcm[: len(pcm) // frame * frame]  # a kill can cut the last frame short
    frames = [f[0] for f in struct.iter_unpack(f"<{channels}{code}", pcm)]
    loud = [i for i, v in enumerate(frames) if abs(v) > loud_at]
    assert loud, "the recording is silent"
    part = frames[loud[0] : loud[-1]]
    crossings = sum(1 for a, b in itertools.pairwise(part) if a < 0 <= b)
    return float(crossings / (len(part) / rate))


@pytest.fixture
def virtual_microphone(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private PulseAudio server whose default source plays a 440 Hz tone.

    Started here, as whoever runs the tests (root in CI too: ``-n`` loads no default.pa, and
    its own runtime directory keeps it away from any session server). Without the tools the
    test is skipped; once they are installed (scripts/install-system-deps.sh), a server that
    does not start or a Qt that sees no input is a failure, not a skip.
    """
    needed = ("pulseaudio", "pactl", "paplay", "sox")
    if not all(shutil.which(tool) for tool in needed):
        pytest.skip(
            "PulseAudio and sox are not installed (apt-get install pulseaudio pulseaudio-utils sox)"
        )
    runtime = tmp_path / "pa"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), PULSE_RUNTIME_PATH=str(runtime / "p"))
    log = tmp_path / "pulseaudio.log"
    with log.open("wb") as log_file:  # the child keeps its own descriptor
        server = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
             "-L", "module-native-protocol-unix", "-L", "module-null-sink sink_name=nullsink",
             "--log-target=stderr"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    players: list[subprocess.Popen[bytes]] = []
    try:
        for _ in range(100):
            if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        else:
            pytest.fail("PulseAudio did not start:\n" + log.read_text(errors="replace")[-2000:])
        subprocess.run(
            [
                "pactl",
                "load-module",
                "module-remap-source",
                "master=nullsink.monitor",
                "source_name=virtmic",
                "source_properties=device.description=VirtualMic",
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        subprocess.run(["pactl", "set-default-source", "virtmic"], env=env, check=True)
        tone = tmp_path / "tone.wav"
        subprocess.run(
            ["sox", "-n", "-r", "48000", "-c", "1", str(tone), "synth", "60", "sine", "440",
             "vol", "0.5"],
            check=True,
        )
        players.append(subprocess.Popen(["paplay", "-d", "nullsink", str(tone)], env=env))
        yield dict(env, QT_QPA_PLATFORM="offscreen")
    finally:
        for player in players:
            player.kill()
            player.wait()
        server.terminate()
        try:
            server.wait(5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.mark.slow
def test_real_microphone_through_pulseaudio(
    tmp_path: Path, virtual_microphone: dict[str, str]
) -> None:
    vault = tmp_path / "vault"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(vault), "5"],
        env=virtual_microphone,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert "NO-INPUT" not in done.stdout, "Qt sees no audio input through PulseAudio"
    assert done.returncode == 0, done.stderr[-2000:]
    record_id = done.stdout.split("RECORD ", 1)[1].split()[0]
    reopened = unlock_vault(vault, PASS)
    try:
        (item,) = reopened.testimonies.attachments(record_id)
        data = reopened.testimonies.read_attachment(item.id)
    finally:
        reopened.lock()
    assert item.media_type == MEDIA_TYPE
    bytes_per_second = struct.unpack("<I", data[28:32])[0]
    assert (len(data) - HEADER_SIZE) * 1000 // bytes_per_second > 1000  # audio starts ~1.5 s in
    assert tone_frequency(data) == pytest.approx(440, rel=0.03)


@pytest.mark.slow
def test_real_recording_survives_kill_9(
    tmp_path: Path, virtual_microphone: dict[str, str]
) -> None:
    """The program dies mid-interview (kill -9): what was committed is in the vault, and it is
    the witness's audio, not silence or a broken file."""
    vault = tmp_path / "vault"
    errors = tmp_path / "child.stderr"
    record_id, stored = "", 0
    with errors.open("wb") as err, subprocess.Popen(
        [sys.executable, "-c", _CHILD_UNTIL_KILLED, str(vault)],
        env=virtual_microphone,
        stdout=subprocess.PIPE,
        stderr=err,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            deadline = time.monotonic() + 90
            for line in child.stdout:
                assert "NO-INPUT" not in line, "Qt sees no audio input through PulseAudio"
                if line.startswith("RECORD "):
                    record_id = line.split()[1]
                elif line.startswith("STORED "):
                    stored, captured_ms = (int(v) for v in line.split()[1:3])
                    if captured_ms >= 4000 and stored > HEADER_SIZE:
                        break
                assert time.monotonic() < deadline, "the recording did not get going"
            else:
                pytest.fail("the recorder exited: " + errors.read_text(errors="replace")[-2000:])
        finally:
            child.kill()
            child.wait()
    assert child.returncode == -9
    assert record_id

    reopened = unlock_vault(vault, PASS)
    try:
        (item,) = reopened.testimonies.attachments(record_id)
        data = reopened.testimonies.read_attachment(item.id)
        assert reopened.check().ok
    finally:
        reopened.lock()
    assert item.size == len(data)
    assert len(data) >= stored  # everything acknowledged before the kill, maybe a chunk more
    assert tone_frequency(data) == pytest.approx(440, rel=0.03)


@pytest.mark.slow
def test_lock_while_recording_is_silent_and_recovered(
    tmp_path: Path,
    editor: Editor,
    session: VaultSession,
    runner: TaskRunner,
    prompts: ScriptedPrompts,
    qtbot: Any,
) -> None:
    agree_to_audio(editor)
    view = editor.attachments.view
    recorder = view.recorder.recorder
    press_record(editor, qtbot)
    qtbot.waitUntil(lambda: recorder.chunks_written() >= 3, timeout=5000)
    record_id = editor.current_record_id()
    assert record_id is not None
    recorder._poll.stop()  # freeze the count: what is committed now is what must come back
    assert runner.wait_idle()
    committed = recorder.stored_bytes()
    # The shell queues the lock on the worker before it clears the editor: the last piece and
    # the close queued by the clear find the writer shut, and must say nothing.
    runner.submit(session.lock)
    editor.clear()
    assert not view.is_recording()
    assert runner.wait_idle()
    assert prompts.texts("error") == []
    reopened = unlock_vault(tmp_path / "vault", PASS)
    try:
        items = reopened.testimonies.attachments(record_id)
        assert len(items) == 1
        assert items[0].size == committed
    finally:
        reopened.lock()


@pytest.mark.slow
def test_no_microphone_says_so(
    editor: Editor, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from testimony_app.ui import recorder as recorder_module

    agree_to_audio(editor)
    panel = editor.attachments.view.recorder
    panel.source_factory = recorder_module.MicrophoneSource
    monkeypatch.setattr(recorder_module, "microphone_available", lambda: False)
    QTest.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    assert not panel.recorder.is_recording()
    assert prompts.texts("information") == ["No microphone was found. Connect one and try again."]


@pytest.mark.slow
def test_the_recorder_never_touches_the_vault_on_the_gui_thread(
    editor: Editor, session: VaultSession, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening the writer, every fsynced piece and the close that hashes the recording run on
    the task runner's thread: a slow disk or a backup holding the vault must not freeze the
    window while the witness speaks."""
    calls: list[tuple[str, str]] = []
    open_writer = session.testimonies.start_recording

    class Spy:
        def __init__(self, writer: Any) -> None:
            self.writer = writer

        def write(self, data: bytes) -> None:
            calls.append(("write", threading.current_thread().name))
            self.writer.write(data)

        def finish(self) -> AttachmentInfo:
            calls.append(("finish", threading.current_thread().name))
            info: AttachmentInfo = self.writer.finish()
            return info

        def abort(self) -> None:
            calls.append(("abort", threading.current_thread().name))
            self.writer.abort()

    def spied(record_id: str, filename: str, media_type: str) -> Spy:
        calls.append(("open", threading.current_thread().name))
        return Spy(open_writer(record_id, filename, media_type))

    monkeypatch.setattr(session.testimonies, "start_recording", spied)
    agree_to_audio(editor)
    press_record(editor, qtbot)
    recorder = editor.attachments.view.recorder.recorder
    qtbot.waitUntil(lambda: recorder.chunks_written() >= 3, timeout=5000)
    recorder.flush()
    info = press_stop(editor, qtbot)
    assert info.size == recorder.stored_bytes()
    kinds = [kind for kind, _thread in calls]
    assert kinds[0] == "open"
    assert kinds[-1] == "finish"
    assert kinds.count("write") >= 4
    gui = threading.main_thread().name
    assert [c for c in calls if c[1] == gui] == []
