"""The main window with the real vault services (cheap test KDF): pages, lock, search, settings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from testimony_app.domain import model
from testimony_app.services import vault as vault_service
from testimony_app.ui.main_window import MainWindow
from testimony_app.ui.prompts import ScriptedPrompts
from testkit.qt import FakeClock, MakeWindow, TypeText, present

pytestmark = pytest.mark.slow  # each test builds the real window over a real vault (0.5-2 s)

PASSPHRASE = "qarğa-dəniz-kitab-çay-günəş-yol"


def trigger(window: MainWindow, name: str) -> None:
    """Trigger an action by object name, checking it exists and is enabled (KeePassXC style)."""
    action = window.findChild(QAction, name)
    assert action is not None, name
    assert action.isEnabled(), name
    action.trigger()


def make_vault(path: Path, testimonies: Iterable[model.Testimony] = ()) -> list[str]:
    session = vault_service.create_vault(path, PASSPHRASE, kdf="test")
    ids = [session.testimonies.create(t) for t in testimonies]
    session.lock()
    return ids


def unlock(
    window: MainWindow, qtbot: QtBot, type_text: TypeText, passphrase: str = PASSPHRASE
) -> None:
    assert window.pages.currentWidget() is window.unlock_page
    window.unlock_page.passphrase.setText("")
    type_text(window.unlock_page.passphrase, passphrase)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle()


def witness(name: str, place: str, text: str, pseudonym: str = "") -> model.Testimony:
    t = model.Testimony()
    t.witness.name = name
    t.witness.pseudonym = pseudonym
    t.interview.place = place
    t.interview.date = "2021-01-15"
    t.interview.language = "az"
    t.narrative.text = text
    return t


def test_first_run_creates_the_vault_and_shows_the_empty_list(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window()
    assert window.pages.currentWidget() is window.create_page
    assert str(tmp_path / "vault") in window.create_page.location.text()
    assert not present(window.findChild(QAction, "actionNewTestimony")).isEnabled()
    QTest.mouseClick(window.create_page.generate_button, Qt.MouseButton.LeftButton)
    phrase = window.create_page.passphrase.text()
    QTest.mouseClick(window.create_page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle()
    assert window.create_page.passphrase.text() == ""
    assert window.list_page.body.currentIndex() == 1  # "No testimonies yet"
    assert vault_service.vault_state(tmp_path / "vault").value == "ready"
    window.lock()
    assert window.runner.wait_idle()
    # The generated passphrase really opens the vault.
    vault_service.unlock_vault(tmp_path / "vault", phrase).lock()


def test_wrong_passphrase_is_said_plainly_then_the_right_one_opens(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    assert window.pages.currentWidget() is window.unlock_page
    type_text(window.unlock_page.passphrase, "səhv parol")
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlock_page.failures == 1, timeout=10000)
    assert "not correct" in window.unlock_page.message.text()
    assert window.unlock_page.waiting
    assert window.is_locked
    qtbot.waitUntil(lambda: not window.unlock_page.waiting, timeout=3000)
    unlock(window, qtbot, type_text)
    assert not window.is_locked
    assert window.unlock_page.failures == 0


def test_list_hides_names_search_is_folded_and_lock_wipes_everything(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(
        tmp_path / "vault",
        [
            witness("Nemət Məhərrəmov", "Tərtər", "Hərbi polis məni döydü."),
            witness("Иван Петров", "Баку", "Меня держали в подвале.", pseudonym="Şahid-7"),
        ],
    )
    window = make_window()
    unlock(window, qtbot, type_text)
    page = window.list_page
    assert page.model.rowCount() == 2
    shown = {page.proxy.index(r, 4).data() for r in range(2)}
    assert shown == {"N. M.", "Şahid-7"}
    assert "Məhərrəmov" not in window.windowTitle()

    QTest.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    assert {page.proxy.index(r, 4).data() for r in range(2)} == {"Nemət Məhərrəmov", "Иван Петров"}

    trigger(window, "actionFind")
    type_text(page.search_box, "meherremov")
    qtbot.waitUntil(lambda: page.searching and page.model.rowCount() == 1, timeout=5000)
    assert "Məhərrəmov" in page.proxy.index(0, 6).data()
    assert not page.table.isColumnHidden(6)

    trigger(window, "actionLock")
    assert window.pages.currentWidget() is window.unlock_page
    assert page.model.rowCount() == 0
    assert page.search_box.text() == ""
    assert not page.search_box.isUndoAvailable()
    assert not page.reveal_button.isChecked()
    assert window.session() is None
    assert window.runner.wait_idle()
    assert not present(window.findChild(QAction, "actionNewTestimony")).isEnabled()
    assert window.windowTitle() == "Testimony"

    unlock(window, qtbot, type_text)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    assert {page.proxy.index(r, 4).data() for r in range(2)} == {"N. M.", "Şahid-7"}


def test_lock_closes_the_session(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    session = present(window.session())
    assert session.is_open
    window.lock()
    assert window.runner.wait_idle()
    assert not session.is_open


def test_idle_lock_with_an_injected_clock(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    clocks: tuple[FakeClock, FakeClock],
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    mono, wall = clocks
    mono.advance(4 * 60)
    wall.advance(4 * 60)
    QTest.keyClick(window.list_page.search_box, Qt.Key.Key_Shift)  # activity resets the count
    mono.advance(4 * 60)
    wall.advance(4 * 60)
    window.idle.check()
    assert not window.is_locked
    mono.advance(61)
    wall.advance(61)
    window.idle.check()
    assert window.is_locked
    assert window.pages.currentWidget() is window.unlock_page
    assert "5 minute" in window.unlock_page.message.text()


def test_panic_shortcut_locks_from_the_list(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    type_text(window.list_page.search_box, "Tərtər")
    QTest.keyClick(
        window.list_page.search_box,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.is_locked
    assert window.list_page.search_box.text() == ""


def test_panic_shortcut_locks_inside_a_dialog_and_closes_it(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    trigger(window, "actionChangePassphrase")
    from testimony_app.ui.dialogs import ChangePassphraseDialog

    dialog = present(window.findChild(ChangePassphraseDialog, "changePassphraseDialog"))
    type_text(dialog.old, PASSPHRASE)
    QTest.keyClick(
        dialog.old,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.is_locked
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_settings_are_stored_inside_the_vault(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    trigger(window, "actionSettings")
    from testimony_app.ui.dialogs import SettingsDialog

    dialog = present(window.findChild(SettingsDialog))
    dialog.lock_spin.setValue(2)
    dialog.buttons.accepted.emit()
    assert window.lock_minutes == 2
    assert window.idle.limit_seconds == 120
    assert window.runner.wait_idle()
    window.lock()
    assert window.runner.wait_idle()
    session = vault_service.unlock_vault(tmp_path / "vault", PASSPHRASE)
    try:
        assert session.get_setting("lock_minutes") == "2"
    finally:
        session.lock()
    # A new window reads it back after unlocking.
    window.close()
    again = make_window()
    unlock(again, qtbot, type_text)
    assert again.lock_minutes == 2


def test_change_passphrase(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    trigger(window, "actionChangePassphrase")
    from testimony_app.ui.dialogs import ChangePassphraseDialog

    dialog = present(window.findChild(ChangePassphraseDialog))
    new = "yeni-parol-dağ-çiçək-ulduz-külək"
    type_text(dialog.old, "yanlış")
    type_text(dialog.new, new)
    type_text(dialog.confirm, new)
    assert dialog.ok_button.isEnabled()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "not correct" in dialog.message.text(), timeout=10000)
    type_text(dialog.old, PASSPHRASE)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10000)
    assert "passphrase was changed" in scripted_prompts.texts("information")[-1]
    window.lock()
    assert window.runner.wait_idle()
    vault_service.unlock_vault(tmp_path / "vault", new).lock()


def test_backup_and_check(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
) -> None:
    make_vault(tmp_path / "vault", [witness("Əli Həsənov", "Bərdə", "Mətn.")])
    window = make_window()
    unlock(window, qtbot, type_text)
    trigger(window, "actionBackup")
    assert window.runner.wait_idle()
    assert "backup was written" in scripted_prompts.texts("information")[-1]
    trigger(window, "actionCheckVault")
    assert window.runner.wait_idle()
    assert "intact" in scripted_prompts.texts("information")[-1]


def test_backup_says_which_attachment_files_it_could_not_hold(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
) -> None:
    (record,) = make_vault(tmp_path / "vault", [witness("Əli Həsənov", "Bərdə", "Mətn.")])
    session = vault_service.unlock_vault(tmp_path / "vault", PASSPHRASE)
    src = tmp_path / "səs.wav"
    src.write_bytes(b"RIFF" + bytes(range(256)) * 100)
    session.testimonies.add_attachment(record, src)
    session.lock()
    (blob,) = (tmp_path / "vault" / "attachments").glob("*.blob")
    blob.unlink()
    window = make_window()
    unlock(window, qtbot, type_text)
    trigger(window, "actionBackup")
    assert window.runner.wait_idle()
    (text,) = scripted_prompts.texts("error")
    assert "1 attachment file(s) are damaged or missing" in text
    assert "Traceback" not in text


def test_damaged_vault_says_so_and_offers_a_restore(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault")
    (tmp_path / "vault" / "vault.db").write_bytes(b"")
    window = make_window()
    assert window.pages.currentWidget() is window.unlock_page
    assert window.unlock_page.damaged_box.isVisible()
    assert window.unlock_page.restore_button.isEnabled()


def test_close_locks_the_vault(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    session = present(window.session())
    window.close()
    assert not session.is_open


def test_language_switches_at_runtime_and_is_kept_in_the_vault(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault", [witness("Əli Həsənov", "Bərdə", "Mətn.")])
    window = make_window()
    unlock(window, qtbot, type_text)
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == 1, timeout=5000)
    window.apply_settings("az", 5)
    assert present(window.findChild(QAction, "actionLock")).text() == "&Kilidlə"
    assert window.list_page.reveal_button.text() == "Adları göstər"
    assert window.list_page.proxy.headerData(0, Qt.Orientation.Horizontal) == "Status"
    assert window.list_page.proxy.index(0, 0).data() == "Qaralama"
    assert window.list_page.count_label.text() == "1 ifadə"
    window.apply_settings("ru", 5)
    assert present(window.findChild(QAction, "actionLock")).text() == "За&блокировать"
    assert window.list_page.proxy.index(0, 0).data() == "Черновик"
    assert window.list_page.count_label.text() == "1 свидетельство"
    assert window.runner.wait_idle()
    window.lock()
    assert window.unlock_page.title.text() == "Разблокируйте хранилище"
    assert window.runner.wait_idle()
    session = vault_service.unlock_vault(tmp_path / "vault", PASSPHRASE)
    try:
        assert session.get_setting("ui_language") == "ru"
    finally:
        session.lock()
    assert window.preferences.language == "ru"  # the unlock page speaks it before unlocking


def test_english_plurals(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault", [witness("A B", "X", "t"), witness("C D", "Y", "u")])
    window = make_window()
    unlock(window, qtbot, type_text)
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == 2, timeout=5000)
    assert window.list_page.count_label.text() == "2 testimonies"


def test_error_sentences_are_translated(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    window.set_language("az")
    type_text(window.unlock_page.passphrase, "səhv")
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlock_page.failures == 1, timeout=10000)
    assert "Bu seyf üçün parol düzgün deyil." in window.unlock_page.message.text()
    assert "saniyədən sonra" in window.unlock_page.message.text()


def test_lock_clears_a_name_copied_from_the_program(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    from PySide6.QtGui import QGuiApplication

    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None, timeout=2000)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Nemət Məhərrəmov")
    trigger(window, "actionLock")
    assert clipboard.text() == ""


def test_lock_leaves_what_another_program_copied(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    from PySide6.QtGui import QGuiApplication

    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("from the browser")
    window.clipboard_guard.forget()  # as if copied while another program had the focus
    trigger(window, "actionLock")
    assert clipboard.text() == "from the browser"
    clipboard.clear()


def test_sleep_or_screen_lock_signal_locks(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    from testimony_app.ui.lock import SleepWatcher

    make_vault(tmp_path / "vault")
    window = make_window()
    unlock(window, qtbot, type_text)
    watcher = SleepWatcher(window)  # no D-Bus here: it connects nothing and must not fail
    watcher.lock_requested.connect(window.lock_triggers.sleep_lock)
    watcher._on_prepare_for_sleep(False)
    assert not window.is_locked
    watcher._on_prepare_for_sleep(True)
    assert window.is_locked
    assert "sleep" in window.unlock_page.message.text()


def test_unlock_shows_progress_while_the_key_is_derived(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    make_vault(tmp_path / "vault")
    window = make_window()
    type_text(window.unlock_page.passphrase, PASSPHRASE)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    # The call runs on the worker thread: the page is busy until its answer comes back.
    assert window.unlock_page.progress.isVisible()
    assert not window.unlock_page.passphrase.isEnabled()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert not window.unlock_page.progress.isVisible()


def test_editor_page_follows_the_language(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    ids = make_vault(tmp_path / "vault", [witness("Əli Həsənov", "Bərdə", "Mətn.")])
    window = make_window()
    unlock(window, qtbot, type_text)
    with qtbot.waitSignal(window.editor.opened, timeout=10000):
        window.open_record(ids[0])
    assert window.pages.currentWidget() is window.editor
    window.set_language("az")
    sections = present(window.editor.findChild(QListWidget, "sectionList"))
    texts = [present(sections.item(i)).text() for i in range(3)]
    assert "Razılıq" in texts[0]
    trigger(window, "actionBackToList")
    assert window.pages.currentWidget() is window.list_page


def test_a_testimony_that_cannot_be_opened_leaves_the_list_showing(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its content purged after a receipt: the error in the reader's language, then the list
    (it left an empty editor open, "consent not recorded yet", under the purged record)."""
    from testimony_app.storage.records import ContentPurged

    ids = make_vault(tmp_path / "vault", [witness("Əli Həsənov", "Bərdə", "Mətn."),
                                          witness("Orxan Səfərli", "Tərtər", "Mətn.")])
    window = make_window()
    unlock(window, qtbot, type_text)
    window.set_language("az")
    with qtbot.waitSignal(window.editor.opened, timeout=10000):
        window.open_record(ids[0])
    window.back_to_list()
    session = window.session()
    assert session is not None
    real_get = session.testimonies.get

    def purged(record_id: str) -> object:
        if record_id == ids[1]:
            raise ContentPurged()
        return real_get(record_id)

    # As the store answers once the content is purged (the real purge is tested with a real
    # receipt in tests/unit/services/test_bundle_receipts.py).
    monkeypatch.setattr(session.testimonies, "get", purged)
    window.open_record(ids[1])
    qtbot.waitUntil(lambda: bool(scripted_prompts.texts("error")), timeout=10000)
    assert scripted_prompts.texts("error") == [ContentPurged().text("az")]
    assert scripted_prompts.texts("error")[0].startswith("Təşkilat bu ifadəni aldığını")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=5000)


def test_unlock_warns_when_the_database_lost_the_exported_history(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    """B5a: the key files remember entry 99 as exported; this database never had it."""
    from PySide6.QtWidgets import QMessageBox

    make_vault(tmp_path / "vault", [witness("Əli Həsənov", "Tərtər", "Mətn.")])
    session = vault_service.unlock_vault(tmp_path / "vault", PASSPHRASE)
    session._vault.record_export_anchor(99, "ab" * 32)  # as if an export had happened
    session.lock()
    window = make_window()
    unlock(window, qtbot, type_text)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "historyWarning") is not None)
    box = present(window.findChild(QMessageBox, "historyWarning"))
    assert box.isVisible()
    assert "entry 99" in box.text()
    assert "older copy" in box.text()
    assert "next seal or export" in box.informativeText()
    # The person still reaches their testimonies.
    assert window.pages.currentWidget() is window.list_page
    box.accept()


def test_unlock_says_when_one_key_file_copy_was_edited(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    """F-4: a one-bit edit with its checksum recomputed; the intact copy opens the vault."""
    import base64
    import hashlib
    import json

    from PySide6.QtWidgets import QMessageBox

    from testimony_app.crypto import keyslots

    make_vault(tmp_path / "vault", [witness("Əli Həsənov", "Tərtər", "Mətn.")])
    keys = tmp_path / "vault" / "vault.keys"
    doc = json.loads(keys.read_bytes())
    salt = bytearray(base64.b64decode(doc["kdf"]["salt"]))
    salt[0] ^= 0x01
    doc["kdf"]["salt"] = base64.b64encode(bytes(salt)).decode()
    doc.pop("checksum")
    doc["checksum"] = hashlib.sha256(keyslots._canonical(doc)).hexdigest()
    keys.write_text(json.dumps(doc))
    window = make_window()
    unlock(window, qtbot, type_text)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "keyFileWarning") is not None)
    box = window.findChild(QMessageBox, "keyFileWarning")
    assert box is not None
    assert "changed outside the program" in box.text()
    assert window.pages.currentWidget() is window.list_page
    box.accept()
