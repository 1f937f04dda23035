"""After an unexpected stop the window names the recovered draft; a save that fails at the lock
keeps the text and stores it at the next unlock. The real window on a real vault (test KDF)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from testimony_app.domain import model
from testimony_app.errors import DiskFull
from testimony_app.services import vault as vault_service
from testimony_app.ui.main_window import MainWindow
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.shell.session_controller import OPEN_RECORD
from testkit.qt import MakeWindow, TypeText, present

pytestmark = pytest.mark.slow  # the real window, a vault and a crash to recover from (2-4 s)

PASSPHRASE = "qarğa-dəniz-kitab-çay-günəş-yol"
NAME = "Nemət Məhərrəmov"
TEXT = "Gecə saat ikidə apardılar. Меня били."


def make_vault(path: Path, *, open_at_exit: bool) -> str:
    """A vault with one draft; ``open_at_exit`` leaves it marked as open, as a crash does."""
    session = vault_service.create_vault(path, PASSPHRASE, kdf="test")
    t = model.Testimony()
    t.witness.name = NAME
    t.witness.pseudonym = "Ş-7"
    t.narrative.text = TEXT
    record_id = session.testimonies.create(t)
    if open_at_exit:
        session.set_setting(OPEN_RECORD, record_id)
    session.lock()
    return record_id


def unlock(window: MainWindow, qtbot: QtBot, type_text: TypeText) -> None:
    type_text(window.unlock_page.passphrase, PASSPHRASE)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)


def stored(path: Path, record_id: str) -> tuple[str, str | None]:
    session = vault_service.unlock_vault(path, PASSPHRASE)
    try:
        return session.testimonies.get(record_id).narrative.text, session.get_setting(OPEN_RECORD)
    finally:
        session.lock()


def test_after_an_unexpected_stop_the_notice_names_the_draft_not_the_witness(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    record_id = make_vault(tmp_path / "vault", open_at_exit=True)
    window = make_window()
    unlock(window, qtbot, type_text)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "recoveryNotice") is not None)
    box = present(window.findChild(QMessageBox, "recoveryNotice"))
    assert box.isVisible()
    assert "Ş-7" in box.text()
    assert record_id[:8] in box.text()
    assert "Məhərrəmov" not in box.text()
    assert "Nemət" not in box.text()
    assert "stopped unexpectedly" in box.text()
    assert box.button(QMessageBox.StandardButton.Close) is not None
    assert present(box.defaultButton()).objectName() == "recoveryOpen"
    with qtbot.waitSignal(window.editor.opened, timeout=10000):
        present(box.defaultButton()).click()
    assert window.current_record == record_id
    assert present(window.editor.findChild(QPlainTextEdit, "narrative.text")).toPlainText() == TEXT
    window.close()
    # Told once: the marker is cleared by the clean close.
    assert stored(tmp_path / "vault", record_id) == (TEXT, "")


def test_a_clean_close_leaves_nothing_to_report(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    record_id = make_vault(tmp_path / "vault", open_at_exit=False)
    window = make_window()
    unlock(window, qtbot, type_text)
    with qtbot.waitSignal(window.editor.opened, timeout=10000):
        window.open_record(record_id)
    assert window.runner.wait_idle()
    assert stored_while_open(window) == record_id  # remembered while it is open
    window.close()
    assert stored(tmp_path / "vault", record_id)[1] == ""
    again = make_window()
    unlock(again, qtbot, type_text)
    assert again.runner.wait_idle()
    qtbot.wait(100)
    assert again.findChild(QMessageBox, "recoveryNotice") is None


def stored_while_open(window: MainWindow) -> str | None:
    return present(window.session()).get_setting(OPEN_RECORD)


def test_text_that_could_not_be_saved_at_the_lock_is_kept_and_saved_after_unlock(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_id = make_vault(tmp_path / "vault", open_at_exit=False)
    window = make_window()
    unlock(window, qtbot, type_text)
    with qtbot.waitSignal(window.editor.opened, timeout=10000):
        window.open_record(record_id)
    window.editor.set_autosave_interval(60_000)
    window.editor.show_section("narrative")
    box = present(window.editor.findChild(QPlainTextEdit, "narrative.text"))
    box.moveCursor(box.textCursor().MoveOperation.End)
    type_text(box, " Sonra buraxdılar.")

    def full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(present(window.session()).testimonies, "save_draft", full)
    window.lock()
    assert window.runner.wait_idle()
    assert box.toPlainText() == ""  # the widgets are wiped as always
    assert "could not be saved before the vault locked" in window.unlock_page.message.text()
    assert len(window.editor.saver.unsaved) == 1
    assert stored(tmp_path / "vault", record_id)[0] == TEXT  # not in the vault yet

    unlock(window, qtbot, type_text)  # a new session: the disk has room again
    assert window.runner.wait_idle()
    assert window.editor.saver.unsaved == []
    assert "saved now" in window.statusBar().currentMessage()
    window.close()
    assert stored(tmp_path / "vault", record_id)[0] == TEXT + " Sonra buraxdılar."


def test_quitting_when_the_last_changes_cannot_be_saved_asks_first(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_id = make_vault(tmp_path / "vault", open_at_exit=False)
    window = make_window()
    unlock(window, qtbot, type_text)
    with qtbot.waitSignal(window.editor.opened, timeout=10000):
        window.open_record(record_id)
    window.editor.set_autosave_interval(60_000)
    window.editor.show_section("narrative")
    box = present(window.editor.findChild(QPlainTextEdit, "narrative.text"))
    box.moveCursor(box.textCursor().MoveOperation.End)
    type_text(box, " Sonra buraxdılar.")
    testimonies = present(window.session()).testimonies
    real = testimonies.save_draft

    def full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(testimonies, "save_draft", full)
    scripted_prompts.queue("confirm", False)  # "Quit without saving?" -> no
    window.close()
    assert window.isVisible()  # still open, still unlocked, the text still on screen
    assert not window.is_locked
    assert box.toPlainText() == TEXT + " Sonra buraxdılar."
    assert any("could not be saved" in t for t in scripted_prompts.texts("confirm"))
    monkeypatch.setattr(testimonies, "save_draft", real)  # room on the disk again
    window.close()
    assert stored(tmp_path / "vault", record_id)[0] == TEXT + " Sonra buraxdılar."
