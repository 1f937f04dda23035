"""The whole window after an unlock: the first screenful, then the whole list (issue 19).

The real window over a real vault (cheap test KDF). The first screenful is made three rows long
and the whole list is held back by an event, so that what the person sees in between can be
checked; the window itself is not told anything.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from testimony_app.domain import model
from testimony_app.services import testimonies
from testimony_app.services import vault as vault_service
from testimony_app.ui import list_loading
from testkit.qt import MakeWindow, TypeText, present

pytestmark = pytest.mark.slow  # the real window over a real vault, unlocked twice (1-2 s)

PASSPHRASE = "qarğa-dəniz-kitab-çay-günəş-yol"
PLACES = ["Tərtər", "Гянджа", "Şəki", "Ağdam", "Тертер", "Bərdə", "Ganja", "Шуша"]


def test_unlock_shows_the_newest_first_then_the_whole_list_and_a_lock_stops_it(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = vault_service.create_vault(tmp_path / "vault", PASSPHRASE, kdf="test")
    session.testimonies.create_many([
        model.Testimony(
            title="[FICTIONAL]", fictional=True,
            interview=model.Interview(date=f"2021-0{i + 1}-15", place=place),
            witness=model.Witness(pseudonym=f"Şahid-{i}"),
        )
        for i, place in enumerate(PLACES)
    ])
    session.lock()
    monkeypatch.setattr(list_loading, "FIRST_SCREEN_ROWS", 3)
    release = threading.Event()
    service = testimonies.TestimonyService
    whole = service.list

    def held(self: testimonies.TestimonyService) -> list[model.TestimonySummary]:
        release.wait(10)
        return whole(self)

    monkeypatch.setattr(service, "list", held)

    window = make_window()
    type_text(window.unlock_page.passphrase, PASSPHRASE)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    page = window.list_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    assert page.loading
    assert page.count_label.text() == "Loading the list: the newest 3 of 8 testimonies shown…"
    assert [page.model.summary_at(r).place for r in range(3)] == ["Шуша", "Ganja", "Bərdə"]
    assert not page.status_filter.isEnabled()
    assert not page.table.horizontalHeader().sectionsClickable()

    release.set()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert page.model.rowCount() == 8
    assert page.count_label.text() == "8 testimonies"
    assert page.status_filter.isEnabled()
    assert not page.table.selectionModel().selectedRows()  # nothing chosen, nothing selected

    # A lock while the rest is loading: nothing of the vault comes back afterwards.
    trigger = present(window.findChild(QAction, "actionLock"))
    trigger.trigger()
    release.clear()
    type_text(window.unlock_page.passphrase, PASSPHRASE)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.loading, timeout=10000)
    trigger.trigger()
    assert window.pages.currentWidget() is window.unlock_page
    release.set()
    assert window.runner.wait_idle()
    qtbot.wait(20)
    assert page.model.rowCount() == 0
    assert not page.loading
    assert window.session() is None
