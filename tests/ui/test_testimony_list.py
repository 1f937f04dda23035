"""The list page with a real vault: keyboard from the search box, the names toggle, the bar.

GUI review D13: Down and Enter in the search box neither reached nor opened the results.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.ui.tasks import TaskRunner
from testimony_app.ui.testimony_list import TestimonyListPage as ListPage
from testkit import vault_kit
from testkit.qt import present

pytestmark = pytest.mark.gui


def _kit() -> ModuleType:
    """The shared sample testimonies (``testkit.vault_kit``)."""
    return vault_kit


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    kit = _kit()
    opened = create_vault(tmp_path / "vault", "pass", kdf="test")
    first = kit.sample_testimony("1")
    second = kit.sample_testimony("2")
    second.witness.name = "Иван Петров"
    second.witness.pseudonym = "Şahid-R2"
    opened.testimonies.create(first)
    opened.testimonies.create(second)
    yield opened
    if opened.is_open:
        opened.lock()


@pytest.fixture
def page(qtbot: Any, session: VaultSession, runner: TaskRunner) -> ListPage:
    widget = ListPage(lambda: session, runner)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    widget.refresh()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 2, timeout=5000)
    return widget


def test_down_from_the_search_box_enters_the_results(page: ListPage, qtbot: Any) -> None:
    page.focus_search()
    qtbot.waitUntil(page.search_box.hasFocus)
    QTest.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.table.currentIndex().row() == 0
    opened: list[str] = []
    page.open_requested.connect(opened.append)
    QTest.keyClick(page.table, Qt.Key.Key_Down)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.selected_id()]


def test_enter_in_the_search_box_opens_a_single_hit(
    page: ListPage, qtbot: Any, type_text: Any
) -> None:
    opened: list[str] = []
    page.open_requested.connect(opened.append)
    page.focus_search()
    type_text(page.search_box, "Петров")
    QTest.keyClick(page.search_box, Qt.Key.Key_Return)  # before the debounce: search now
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    assert page.searching
    assert page.model.rowCount() == 1
    assert opened == [page.selected_id()]


def test_enter_with_several_hits_goes_to_the_results(
    page: ListPage, qtbot: Any, type_text: Any
) -> None:
    opened: list[str] = []
    page.open_requested.connect(opened.append)
    page.focus_search()
    type_text(page.search_box, "tartar")  # both testimonies, folded ("Tərtər")
    QTest.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(page.table.hasFocus, timeout=5000)
    assert page.model.rowCount() == 2
    assert opened == []
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.selected_id()]


def test_reveal_names_says_hide_names_while_names_show(page: ListPage) -> None:
    assert page.reveal_button.text() == "Reveal names"
    page.reveal_button.click()
    assert page.reveal_button.text() == "Hide names"
    page.reveal_button.click()
    assert page.reveal_button.text() == "Reveal names"


def test_the_filter_bar_wraps_instead_of_widening_the_window(page: ListPage, qtbot: Any) -> None:
    from testimony_app.ui.i18n import Translations

    translations = Translations()
    try:
        for code in ("en", "az", "ru"):
            translations.apply(code)
            page.set_language(code)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
            page.resize(1000, 600)
            qtbot.wait(20)
            assert page.minimumSizeHint().width() <= 600, code
            page.resize(640, 600)
            qtbot.waitUntil(lambda: page.width() == 640)
            qtbot.wait(20)  # the layouts settle
            bar = page.filter_bar
            layout = present(bar.layout())
            widgets = [present(present(layout.itemAt(i)).widget()) for i in range(layout.count())]
            for widget in widgets:
                geometry = widget.geometry()
                assert geometry.right() <= bar.width(), (code, widget.objectName())
                assert geometry.width() >= widget.minimumSizeHint().width(), (code, widget)
            for a in widgets:  # no two overlap (the status box covered the search box)
                for b in widgets:
                    assert a is b or not a.geometry().intersects(b.geometry()), code
    finally:
        translations.apply("en")
        page.set_language("en")
