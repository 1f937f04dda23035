"""The window in two stages (issue 19): the unlock page first, the rest after its first paint.

The program builds its window with ``defer_pages=True``; everything the unlock page offers
must work before the second stage runs, and opening a vault must bring it in at once. The
modules the first stage must not import are checked in a fresh process by
``tests/e2e/test_start_imports.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from testimony_app.services import vault as vault_service
from testimony_app.ui.testimony_list import method_choices
from testkit.qt import MakeWindow, TypeText, present

pytestmark = pytest.mark.slow  # the real window over a real vault

PASSPHRASE = "qarğa-dəniz-kitab-çay-günəş-yol"


def test_the_second_stage_comes_after_the_first_paint(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    vault_service.create_vault(tmp_path / "vault", PASSPHRASE, kdf="test").lock()
    window = make_window(defer_pages=True)
    assert not window.pages_built
    assert window.pages.currentWidget() is window.unlock_page
    assert window.pages.count() == 2  # create and unlock only
    assert not present(window.findChild(QAction, "actionNewTestimony")).isEnabled()
    qtbot.waitUntil(lambda: window.pages_built, timeout=10000)  # painted, then built
    assert window.pages.count() == 5
    assert window.pages.currentWidget() is window.unlock_page  # still where the user is
    window.build_pages()  # once only
    assert window.pages.count() == 5


def test_unlocking_before_the_second_stage_builds_it_and_shows_the_list(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    vault_service.create_vault(tmp_path / "vault", PASSPHRASE, kdf="test").lock()
    window = make_window(defer_pages=True)
    window._build_after_paint = False  # as if the first paint had not happened yet
    # Before the second stage: the language, the lock, the title all work on the first one.
    selector = window.unlock_page.language
    selector.setCurrentIndex(selector.findData("az"))  # as the user chooses it
    assert window.translations.code == "az"
    assert window.unlock_page.language.code() == "az"
    window.lock("")
    assert window.pages.currentWidget() is window.unlock_page
    assert not window.pages_built
    type_text(window.unlock_page.passphrase, PASSPHRASE)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages_built and window.in_list(), timeout=10000)
    assert window.runner.wait_idle()
    assert window.list_page.model.total == 0
    assert present(window.findChild(QAction, "actionNewTestimony")).isEnabled()
    falanga = window.list_page.method_filter.findData("falanga")
    az, en = dict(method_choices("az")), dict(method_choices("en"))
    assert az["falanga"] != en["falanga"]
    assert window.list_page.method_filter.itemText(falanga) == az["falanga"]  # built in az
    window.lock("")
    assert window.pages.currentWidget() is window.unlock_page
    assert window.list_page.model.total == 0


def test_closing_before_the_second_stage(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(defer_pages=True)  # no vault yet: the create page
    window._build_after_paint = False
    assert window.pages.currentWidget() is window.create_page
    window.close()
    assert not window.pages_built
