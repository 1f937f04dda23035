"""The window's navigation: Help → the guide, Vault → New/Open vault, a new testimony on
Consent, the idle warning over the window (GUI review D12, D13, D17, D19)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from testimony_app.services import vault as vault_service
from testimony_app.ui.guide_viewer import GuideViewer
from testimony_app.ui.main_window import MainWindow
from testimony_app.ui.prompts import ScriptedPrompts
from testkit.qt import FakeClock, MakeWindow

PASSPHRASE = "qarğa-dəniz-kitab-çay-günəş-yol"


def _unlock(window: MainWindow, qtbot: QtBot, passphrase: str = PASSPHRASE) -> None:
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle()


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_help_opens_the_guide_in_the_interface_language(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    vault_service.create_vault(tmp_path / "vault", PASSPHRASE, kdf="test").lock()
    window = make_window()
    window.set_language("az")
    guide = _action(window, "actionGuide")
    assert guide.isEnabled()  # also while locked: read it before the first vault
    assert guide in window.commands.help_menu.actions()
    assert guide.text() == "Müsahibə aparan üçün &bələdçi"
    guide.trigger()
    viewers = [v for v in window.findChildren(GuideViewer) if v.isVisible()]
    assert len(viewers) == 1
    viewer = viewers[0]
    assert viewer.code == "az"
    assert "müsahibə aparanlar üçün bələdçi" in viewer.browser.toPlainText()
    assert any("Seyfinizi yaradın" in h for h in viewer.headings())
    guide.trigger()  # the same window again, not a second one
    assert len([v for v in window.findChildren(GuideViewer) if v.isVisible()]) == 1
    viewer.close()


def test_a_new_testimony_opens_on_consent_with_the_cursor_in_its_first_field(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    vault_service.create_vault(tmp_path / "vault", PASSPHRASE, kdf="test").lock()
    window = make_window()
    window.activateWindow()
    _unlock(window, qtbot)
    _action(window, "actionNewTestimony").trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.editor, timeout=10000)
    editor = window.editor
    editor.show_section("review")  # as if the interviewer ended the last one there
    window.back_to_list()
    assert window.runner.wait_idle()
    with qtbot.waitSignal(editor.opened, timeout=10000):  # read on the worker thread
        _action(window, "actionNewTestimony").trigger()
    assert window.pages.currentWidget() is window.editor
    assert editor.current_section() == "consent"
    first = editor.consent.fields["informed_of_purpose"]
    assert isinstance(first, QWidget)
    qtbot.waitUntil(first.hasFocus, timeout=3000)


def test_open_vault_and_new_vault_from_the_window(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, scripted_prompts: ScriptedPrompts
) -> None:
    vault_service.create_vault(tmp_path / "vault", PASSPHRASE, kdf="test").lock()
    other = tmp_path / "başqa seyf"
    session = vault_service.create_vault(other, PASSPHRASE, kdf="test")
    session.testimonies.create()
    session.lock()
    window = make_window()
    _unlock(window, qtbot)
    assert window.list_page.model.rowCount() == 0

    scripted_prompts.queue("choose_directory", str(tmp_path / "yoxdur"))
    (tmp_path / "yoxdur").mkdir()
    _action(window, "actionOpenVault").trigger()
    assert "There is no vault in that folder" in scripted_prompts.texts("error")[-1]
    assert not window.is_locked  # nothing changed

    scripted_prompts.queue("choose_directory", str(other))
    _action(window, "actionOpenVault").trigger()
    assert window.is_locked  # the first vault was locked before switching
    assert window.pages.currentWidget() is window.unlock_page
    assert str(other) in window.unlock_page.location.text()
    _unlock(window, qtbot)
    assert window.list_page.model.rowCount() == 1

    scripted_prompts.queue("choose_directory", str(other))
    _action(window, "actionNewVault").trigger()
    assert "already holds a vault" in scripted_prompts.texts("error")[-1]
    fresh = tmp_path / "yeni"
    fresh.mkdir()
    scripted_prompts.queue("choose_directory", str(fresh))
    _action(window, "actionNewVault").trigger()
    assert window.pages.currentWidget() is window.create_page
    assert str(fresh) in window.create_page.location.text()
    window.create_page.fill_generated()
    window.create_page.create_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert vault_service.vault_state(fresh).value == "ready"


def test_the_idle_warning_shows_over_the_window_and_a_key_keeps_it_open(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, clocks: tuple[FakeClock, FakeClock]
) -> None:
    vault_service.create_vault(tmp_path / "vault", PASSPHRASE, kdf="test").lock()
    window = make_window()
    _unlock(window, qtbot)
    mono, wall = clocks
    minutes = window.lock_minutes
    mono.advance(minutes * 60 - 20)
    wall.advance(minutes * 60 - 20)
    window.idle.check()
    banner = window.idle_warning
    assert banner.isVisible()
    assert "20 seconds" in banner.text.text()
    assert window.rect().contains(banner.geometry())
    QTest.keyClick(window.list_page.search_box, Qt.Key.Key_Shift)
    assert not banner.isVisible()
    assert not window.is_locked
    mono.advance(minutes * 60 + 1)
    wall.advance(minutes * 60 + 1)
    window.idle.check()
    assert window.is_locked
    assert not banner.isVisible()
    QApplication.processEvents()
