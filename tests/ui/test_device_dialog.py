"""This laptop's fingerprint: the laptop's half of the enrolment ceremony, in the window.

The dialog shows the fingerprint the organisation's program computes from the same key
(``devices add``), read off the GUI thread; the key can be copied to hand over.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from testimony_app.services.vault import create_vault
from testimony_app.ui.device_dialog import DeviceDialog
from testimony_app.ui.i18n import Translations
from testimony_app.ui.tasks import TaskRunner
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)
from testkit.qt import MakeWindow, TypeText

pytestmark = pytest.mark.gui



def _titled(dialog: QWidget, title: str) -> bool:
    return dialog.windowTitle() == title

@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle(60000)
    task_runner.shutdown()


def test_the_dialog_shows_what_the_organisation_registers(
    qtbot: QtBot, tmp_path: Path, runner: TaskRunner
) -> None:
    session = S.new_vault(tmp_path / "laptop")
    org_vault = S.new_vault(tmp_path / "org")
    try:
        dialog = DeviceDialog(lambda: session, runner)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: bool(dialog.fingerprint.text()), timeout=10000)
        key = dialog.key.text()
        assert dialog.fingerprint.text() == session.bundles.device_fingerprint()
        # The organisation's side computes the same fingerprint from the key handed over.
        assert org_vault.bundles.organisation.devices.fingerprint_of(key) == (
            dialog.fingerprint.text()
        )
        assert "registered" in dialog.explanation.text()
        QTest.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == key
        try:
            for code, title in (
                ("az", "Bu noutbukun barmaq izi"),
                ("ru", "Отпечаток этого ноутбука"),
            ):
                Translations().apply(code)
                qtbot.waitUntil(partial(_titled, dialog, title), timeout=5000)
        finally:
            Translations().apply("en")
    finally:
        session.lock()
        org_vault.lock()


def test_the_vault_menu_opens_it(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    passphrase = S.passphrase()
    create_vault(tmp_path / "vault", passphrase, kdf="test").lock()
    window = make_window()
    type_text(window.unlock_page.passphrase, passphrase)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    action = window.findChild(QAction, "actionDeviceFingerprint")
    assert action is not None
    assert action.isEnabled()
    assert "fingerprint" in action.text()
    action.trigger()
    dialog = window.findChild(DeviceDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.fingerprint.text()), timeout=10000)
    session = window.session()
    assert session is not None
    assert dialog.fingerprint.text() == session.bundles.device_fingerprint()
    dialog.close_button.click()
