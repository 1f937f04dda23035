"""The window fits a small laptop: 1000×700 logical pixels, in English, Azerbaijani and Russian.

GUI review D1: the main window set a minimum width of 1185 px (1262 after switching to
Russian), so at 1024×768 Lock, Save/Close, Amend, "Clear filters" and "Reveal names" were off
screen, and the Registry opened at 1180×720. 1280×720 at 125 % is 1024×576 logical pixels.

For the unlock page, the list, every section of the editor (a draft and a sealed version), the
Registry and the export dialog, the test asserts that every visible button lies inside its
window; a button inside a scrolling page must not need sideways scrolling (the page may
scroll down, not across). The window must not have grown either.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from testimony_app.domain import model
from testimony_app.services import vault as vault_service
from testimony_app.ui.main_window import MainWindow
from testkit.qt import MakeWindow, TypeText

pytestmark = pytest.mark.gui

PASSPHRASE = "qarğa-dəniz-kitab-çay-günəş-yol"
WIDTH, HEIGHT = 1000, 700
#: 1280×720 at 125 %, less a panel: what the window's minimum height must fit in.
SMALL_HEIGHT = 540
LANGUAGES = ("en", "az", "ru")


def _testimony(sealed_name: str) -> model.Testimony:
    t = model.Testimony()
    t.witness.name = sealed_name
    t.witness.pseudonym = "Şahid-Ə7"
    t.interview.place = "Bərdə, şahidin qohumunun evi"
    t.interview.date = "2021-01-15"
    t.interview.language = "az"
    t.narrative.text = "Məni dəyənəklə döydülər.\n\nМеня били дубинками."
    t.detentions = [model.DetentionEpisode(start_date="2020-11", place="Tərtər hərbi hissəsi")]
    t.acts = [model.Act(date="2020-11-23", methods=["beating", "falanga"])]
    t.consent.informed_of_purpose = True
    t.consent.no_coercion_confirmed = True
    t.consent.legal_proceedings = True
    t.consent.name_may_appear = False
    return t


@pytest.fixture
def window(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    session = vault_service.create_vault(tmp_path / "vault", PASSPHRASE, kdf="test")
    draft = session.testimonies.create(_testimony("Rauf Əliyev"))
    sealed = session.testimonies.create(_testimony("Nemət Məhərrəmov"))
    session.testimonies.seal(sealed, backup=False)
    session.lock()
    win = make_window()
    win.resize(WIDTH, HEIGHT)
    win.records = (draft, sealed)  # type: ignore[attr-defined]
    return win


def _settle(qtbot: QtBot) -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    qtbot.wait(30)


def _in_scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, QAbstractScrollArea) and node.viewport().isAncestorOf(widget):
            return node
        node = node.parentWidget()
    return None


def assert_buttons_inside(top: QWidget, where: str) -> int:
    """Every visible button of ``top`` lies inside it; returns how many were checked."""
    frame = top.rect()
    checked = 0
    problems = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or button.window() is not top:
            continue
        if button.width() <= 1 or button.height() <= 1:
            continue  # hidden inside a collapsed layout
        rect = QRect(button.mapTo(top, button.rect().topLeft()), button.size())
        name = button.objectName() or button.text() or type(button).__name__
        area = _in_scroll_area(button)
        if area is not None:
            view = QRect(area.viewport().mapTo(top, area.viewport().rect().topLeft()),
                         area.viewport().size())
            bar = area.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0 and isinstance(area, QScrollArea):
                problems.append(f"{name}: its page scrolls sideways")
            if rect.left() < view.left() - 1 or rect.right() > view.right() + 1:
                if not isinstance(area, QScrollArea):
                    continue  # a table's cell widget: the table's own columns scroll
                problems.append(f"{name}: {rect} outside the page {view}")
        elif not frame.contains(rect):
            problems.append(f"{name}: {rect} outside {frame}")
        checked += 1
    assert not problems, f"{where}: " + "; ".join(problems)
    return checked


def _check_window_size(win: QWidget, where: str) -> None:
    assert win.width() <= WIDTH, f"{where}: the window grew to {win.width()} px"
    hint = win.minimumSizeHint()
    minimum = win.minimumSize().expandedTo(hint) if win.layout() is None else hint
    assert minimum.width() <= WIDTH, f"{where}: needs {minimum.width()} px"
    assert minimum.height() <= SMALL_HEIGHT, f"{where}: needs {minimum.height()} px of height"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_fits_1000_by_700(
    window: MainWindow, qtbot: QtBot, type_text: TypeText, code: str
) -> None:
    window.set_language(code)
    _settle(qtbot)
    assert window.width() == WIDTH
    _check_window_size(window, f"{code} unlock")
    assert_buttons_inside(window, f"{code} unlock")

    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle()
    window.set_language(code)  # the vault kept English: choose again
    _settle(qtbot)
    _check_window_size(window, f"{code} list")
    assert_buttons_inside(window, f"{code} list")
    lock = window.commands.toolbar.widgetForAction(window.commands.lock)
    assert lock is not None
    assert lock.isVisible(), "Lock is hidden in the toolbar's overflow"

    draft, sealed = window.records  # type: ignore[attr-defined]
    editor = window.editor
    for record in (draft, sealed):
        window.open_record(record)
        assert window.runner.wait_idle()
        _settle(qtbot)
        for index, page in enumerate(editor.pages):
            editor.show_section(index)
            _settle(qtbot)
            where = f"{code} {'sealed' if record == sealed else 'draft'} {page.section}"
            _check_window_size(window, where)
            assert_buttons_inside(window, where)
            save = editor.header.save_button
            assert save.isVisible()
            assert window.rect().contains(QRect(save.mapTo(window, save.rect().topLeft()),
                                                save.size())), where
        window.back_to_list()
        assert window.runner.wait_idle()

    registry = window.dialogs.registry()
    assert registry is not None
    registry.resize(WIDTH, HEIGHT)
    _settle(qtbot)
    assert window.runner.wait_idle()
    _check_window_size(registry, f"{code} registry")
    assert_buttons_inside(registry, f"{code} registry")
    registry.close()

    window.dialogs.export()
    _settle(qtbot)
    assert window.runner.wait_idle()
    dialogs = [w for w in QApplication.topLevelWidgets()
               if w.objectName() == "exportDialog" and w.isVisible()]
    assert dialogs, "no export dialog"
    for dialog in dialogs:
        assert dialog.width() <= WIDTH
        assert dialog.height() <= HEIGHT
        _check_window_size(dialog, f"{code} export")
        assert_buttons_inside(dialog, f"{code} export")
        dialog.close()
    for w in QApplication.topLevelWidgets():
        if shiboken6.isValid(w) and w is not window and w.isVisible():
            w.close()


def test_the_window_does_not_grow_by_itself(window: MainWindow, qtbot: QtBot) -> None:
    """Unlocking, and every language switch, leave the size the user chose."""
    for code in ("ru", "az", "en", "ru"):
        window.set_language(code)
        _settle(qtbot)
        assert window.width() == WIDTH, code
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle()
    _settle(qtbot)
    assert window.size().width() == WIDTH
    assert window.size().height() == HEIGHT
