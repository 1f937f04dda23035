"""Attachments in the editor: import through the vault, view and play from memory, save a copy.

The vault and the task runner are the real ones; only the dialogs are scripted.
"""

from __future__ import annotations

import hashlib
import math
import os
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtTest import QTest

from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.ui.attachment_table import COL_DESCRIPTION, COL_KIND, COL_SHA256
from testimony_app.ui.attachments_view import AttachmentsView
from testimony_app.ui.editor import TestimonyEditor as Editor  # not "Test…": pytest collects those
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.recorder import PcmFormat, wav_header
from testimony_app.ui.tasks import TaskRunner
from testkit.qt import present

pytestmark = pytest.mark.gui


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    """A real vault."""
    opened = create_vault(tmp_path / "vault", "pass", kdf="test")
    yield opened
    if opened.is_open:
        opened.lock()


@pytest.fixture
def prompts() -> ScriptedPrompts:
    """Scripted dialogs."""
    return ScriptedPrompts()


@pytest.fixture
def editor(
    qtbot: Any, session: VaultSession, runner: TaskRunner, prompts: ScriptedPrompts
) -> Editor:
    """An editor on a new draft, showing the attachments page."""
    widget = Editor(lambda: session, runner, prompts)
    qtbot.addWidget(widget)
    widget.resize(1200, 820)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.opened, timeout=10000):  # read on the worker thread
        widget.open_record(session.testimonies.create())
    widget.show_section("attachments")
    return widget


def make_png(path: Path) -> bytes:
    """A 120 x 80 picture with a red left half, written to ``path``."""
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for x in range(60):
        for y in range(80):
            image.setPixelColor(x, y, QColor("red"))
    assert image.save(str(path), "PNG")  # type: ignore[call-overload]  # the stub wants bytes
    return path.read_bytes()


def make_wav(path: Path, seconds: float = 1.5) -> bytes:
    """A 440 Hz tone as 16-bit mono WAV, with the recorder's streaming header."""
    fmt = PcmFormat(sample_rate=16000)
    samples = int(fmt.sample_rate * seconds)
    pcm = b"".join(
        struct.pack("<h", int(9000 * math.sin(2 * math.pi * 440 * i / fmt.sample_rate)))
        for i in range(samples)
    )
    data = wav_header(fmt) + pcm
    path.write_bytes(data)
    return data


def add(
    editor: Editor,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    paths: list[Path],
    delete: bool = False,
) -> None:
    """Press Add files, pick ``paths``, keep or delete the originals, wait for the import."""
    prompts.queue("open_paths", [str(p) for p in paths])
    prompts.queue("choose", 1 if delete else 0)
    view = editor.attachments.view
    QTest.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(20000)


@pytest.mark.slow
def test_png_is_stored_hashed_and_shown_from_memory(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
    qtbot: Any,
) -> None:
    source = tmp_path / "yara.png"
    data = make_png(source)
    temp_before = set(os.listdir(tempfile.gettempdir()))
    add(editor, prompts, runner, [source])
    view = editor.attachments.view
    assert view.table.rowCount() == 1
    info = view.attachments()[0]
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.size == len(data)
    assert present(view.table.item(0, 0)).text() == "yara.png"
    assert present(view.table.item(0, COL_SHA256)).toolTip() == info.sha256
    assert source.exists()  # the user did not ask to delete it
    assert session.testimonies.read_attachment(info.id) == data

    view.select(info.id)
    qtbot.waitUntil(lambda: shows_an_image(view))
    shown = view.preview.image.pixmap().toImage()
    assert (shown.width(), shown.height()) == (120, 80)
    assert shown.pixelColor(10, 10) == QColor("red")
    assert shown.pixelColor(110, 10) == QColor("white")
    assert info.sha256 in view.details.text()
    # No plaintext copy appeared in the temporary folder.
    assert set(os.listdir(tempfile.gettempdir())) <= temp_before
    # The draft lists it too, and the record's list was told.
    record_id = editor.current_record_id()
    assert record_id is not None
    assert [a.id for a in session.testimonies.get(record_id).attachments] == [info.id]


@pytest.mark.slow
def test_original_deleted_on_request(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4 fake scan of a court decision\n")
    add(editor, prompts, runner, [source], delete=True)
    assert not source.exists()
    view = editor.attachments.view
    info = view.attachments()[0]
    assert session.testimonies.read_attachment(info.id).startswith(b"%PDF-1.4")
    view.select(info.id)
    assert "No preview" in view.preview.no_preview.text()


@pytest.mark.slow
def test_save_a_copy_out(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
) -> None:
    source = tmp_path / "photo.png"
    data = make_png(source)
    add(editor, prompts, runner, [source])
    view = editor.attachments.view
    view.select(view.attachments()[0].id)
    runner.wait_idle(5000)
    dest = tmp_path / "out" / "copy.png"
    dest.parent.mkdir()
    prompts.queue("save_path", str(dest))
    QTest.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(10000)
    assert dest.read_bytes() == data
    assert "A copy was saved." in view.details.text()


@pytest.mark.slow
def test_cancelled_import_adds_nothing(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
) -> None:
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(8 * 1024 * 1024))
    view = editor.attachments.view
    view.importer._cancel.set()  # as if Cancel were pressed before the first chunk
    prompts.queue("open_paths", [str(source)])
    prompts.queue("choose", 0)
    original = view.importer._cancel.clear
    # keep the cancel flag set through add_files
    view.importer._cancel.clear = lambda: None  # type: ignore[method-assign]
    try:
        QTest.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
        assert runner.wait_idle(20000)
    finally:
        view.importer._cancel.clear = original  # type: ignore[method-assign]
    assert view.attachments() == []
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.attachments(record_id) == []
    assert source.exists()
    assert prompts.texts("error") == []


@pytest.mark.slow
def test_audio_plays_from_the_vault(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
    qtbot: Any,
) -> None:
    source = tmp_path / "tone.wav"
    data = make_wav(source)
    add(editor, prompts, runner, [source])
    view = editor.attachments.view
    info = view.attachments()[0]
    assert info.media_type.startswith("audio/")
    assert session.testimonies.read_attachment(info.id) == data
    temp_before = set(os.listdir(tempfile.gettempdir()))
    view.select(info.id)
    qtbot.waitUntil(lambda: view.player() is not None, timeout=5000)
    player = view.player()
    assert player is not None
    if not player.isAvailable():
        pytest.skip("no QtMultimedia backend in this environment")
    qtbot.waitUntil(lambda: player.duration() > 0, timeout=10000)
    assert player.duration() == pytest.approx(1500, abs=100)
    # Played from an in-memory device; the URL is only a format hint and no such file exists.
    assert player.sourceDevice() is view.preview._buffer
    assert not Path(player.source().toString()).exists()
    QTest.mouseClick(view.preview.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.position() > 0, timeout=10000)
    assert player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    assert view.preview.play_button.text() == "Pause"
    assert set(os.listdir(tempfile.gettempdir())) <= temp_before


@pytest.mark.slow
def test_sealed_record_views_but_adds_nothing(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
    qtbot: Any,
) -> None:
    source = tmp_path / "photo.png"
    make_png(source)
    add(editor, prompts, runner, [source])
    consent = editor.consent
    consent.fields["informed_of_purpose"].set_value(True)
    consent.fields["no_coercion_confirmed"].set_value(True)
    consent.fields["legal_proceedings"].set_value(True)
    consent.fields["name_may_appear"].set_value(False)
    editor.save_now()
    prompts.queue("confirm", True)
    with qtbot.waitSignal(editor.sealed, timeout=10000):
        editor.seal()
    qtbot.waitUntil(lambda: not editor.is_opening())
    view = editor.attachments.view
    assert not view.add_button.isEnabled()
    assert not view.recorder.button.isEnabled()
    assert len(view.attachments()) == 1
    view.select(view.attachments()[0].id)
    qtbot.waitUntil(lambda: shows_an_image(view))
    assert view.save_button.isEnabled()


@pytest.mark.slow
def test_clear_forgets_previews(
    editor: Editor, prompts: ScriptedPrompts, runner: TaskRunner, tmp_path: Path, qtbot: Any
) -> None:
    source = tmp_path / "photo.png"
    make_png(source)
    add(editor, prompts, runner, [source])
    view = editor.attachments.view
    view.select(view.attachments()[0].id)
    qtbot.waitUntil(lambda: shows_an_image(view))
    editor.clear()
    assert view.table.rowCount() == 0
    assert view.preview.image.pixmap() is None or view.preview.image.pixmap().isNull()
    assert view.details.text() == ""


def test_the_originals_question_is_a_clear_choice_and_cancel_adds_nothing(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
) -> None:
    """GUI review D10: "Cancel" used to keep the originals and still attach."""
    source = tmp_path / "şəkil.png"
    make_png(source)
    prompts.queue("open_paths", [str(source)])
    prompts.queue("choose", None)  # Cancel (or Escape)
    QTest.mouseClick(editor.attachments.view.add_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(10000)
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.attachments(record_id) == []
    assert source.exists()
    assert prompts.last_choice["options"] == ["Keep originals", "Delete originals"]
    assert prompts.last_choice["default"] == 0  # Enter keeps them


def test_describe_an_attachment_for_the_annex_list(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
    qtbot: Any,
    type_text: Any,
) -> None:
    """The review's "Attachment 1: describe it" item clears from the window (GUI review D3)."""
    source = tmp_path / "IMG_0412.png"
    make_png(source)
    add(editor, prompts, runner, [source])
    record_id = editor.current_record_id()
    assert record_id is not None
    editor.show_section("review")
    assert "attachments[0].description" in editor.review.missing_paths()

    # The review item leads to the description field itself.
    editor.jump_to("attachments[0].description", "attachments")
    view = editor.attachments.view
    assert editor.current_section() == "attachments"
    qtbot.waitUntil(view.description.hasFocus)
    type_text(view.description, "Sol qolda göyərmə — синяк")
    view.kind.setCurrentIndex(view.kind.findData("medical_report"))
    view.kind.activated.emit(view.kind.currentIndex())
    assert runner.wait_idle(10000)
    QTest.keyClick(view.description, Qt.Key.Key_Return)  # editingFinished
    assert runner.wait_idle(10000)

    stored = session.testimonies.get(record_id).attachments[0]
    assert stored.description == "Sol qolda göyərmə — синяк"
    assert stored.kind == "medical_report"
    assert present(view.table.item(0, COL_DESCRIPTION)).text() == "Sol qolda göyərmə — синяк"
    assert present(view.table.item(0, COL_KIND)).text() == "Medical report"
    editor.show_section("review")
    assert "attachments[0].description" not in editor.review.missing_paths()
    actions = [e.action for e in session.testimonies.history(record_id)]
    assert "attachment-described" in actions


def test_remove_a_wrong_file_from_the_draft(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
) -> None:
    right, wrong = tmp_path / "arayış.pdf", tmp_path / "başqa şahid.png"
    right.write_bytes(b"%PDF-1.4 arayis\n")
    make_png(wrong)
    add(editor, prompts, runner, [right, wrong])
    view = editor.attachments.view
    assert [a.filename for a in view.attachments()] == ["arayış.pdf", "başqa şahid.png"]
    wrong_id = view.attachments()[1].id
    view.select(wrong_id)

    prompts.queue("confirm", False)  # changed their mind: nothing happens
    QTest.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(10000)
    assert len(view.attachments()) == 2
    assert prompts.last_confirm["destructive"] is True  # Cancel is the default

    prompts.queue("confirm", True)
    QTest.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(10000)
    record_id = editor.current_record_id()
    assert record_id is not None
    assert [a.filename for a in view.attachments()] == ["arayış.pdf"]
    assert [a.filename for a in session.testimonies.get(record_id).attachments] == ["arayış.pdf"]
    assert "deleted from the vault" in view.status.text()
    assert session.testimonies.history(record_id)[-2].action == "attachment-removed"


def test_a_sealed_versions_attachment_is_kept_when_an_amendment_removes_it(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    tmp_path: Path,
    qtbot: Any,
) -> None:
    source = tmp_path / "foto.png"
    data = make_png(source)
    add(editor, prompts, runner, [source])
    consent = editor.consent
    consent.fields["informed_of_purpose"].set_value(True)
    consent.fields["no_coercion_confirmed"].set_value(True)
    consent.fields["legal_proceedings"].set_value(True)
    consent.fields["name_may_appear"].set_value(False)
    editor.save_now()
    prompts.queue("confirm", True)
    with qtbot.waitSignal(editor.opened, timeout=10000):  # sealed, then opened read-only
        editor.seal()
    view = editor.attachments.view
    view.select(view.attachments()[0].id)
    assert not view.remove_button.isEnabled()
    assert not view.description.isEnabled()

    prompts.queue("ask_text", "Şəkil başqa şahidə aiddir")
    with qtbot.waitSignal(editor.opened, timeout=10000):  # the amendment opens on the worker
        assert editor.amend()
    view.select(view.attachments()[0].id)
    assert view.remove_button.isEnabled()
    prompts.queue("confirm", True)
    QTest.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle(10000)
    record_id = editor.current_record_id()
    assert record_id is not None
    assert view.attachments() == []
    assert "sealed version keeps it" in view.status.text()
    assert session.testimonies.get(record_id).attachments == []
    kept = session.testimonies.get(record_id, 1).attachments
    assert len(kept) == 1
    assert session.testimonies.read_attachment(kept[0].id) == data


def shows_an_image(view: AttachmentsView) -> bool:
    """Whether the preview shows a decoded picture."""
    pixmap = view.preview.image.pixmap()
    return pixmap is not None and not pixmap.isNull()
