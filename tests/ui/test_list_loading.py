"""The list after an unlock: the first screenful at once, the rest when it comes (issue 19).

A real vault and the real list page; the first screenful is made three rows long so that a
few testimonies show both steps, and the whole list is held back (the worker waits on an
event) so the page can be looked at while only the first rows are there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from testimony_app.domain import model
from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.ui import list_loading
from testimony_app.ui.i18n import Translations
from testimony_app.ui.list_order import ListIndex
from testimony_app.ui.tasks import TaskRunner
from testimony_app.ui.testimony_list import TestimonyListPage as ListPage
from testimony_app.ui.testimony_table import RECORD_ID_ROLE

pytestmark = pytest.mark.gui

DATES = ["2019-04-02", "", "2021-11", "2021-11-30", "2018", "", "2021-11-30", "2020-01-15"]
PLACES = ["Tərtər", "Гянджа", "Şəki", "Ağdam", "Тертер", "Bərdə", "Ganja", "Шуша"]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    opened = create_vault(tmp_path / "vault", "pass", kdf="test")
    opened.testimonies.create_many([
        model.Testimony(
            title=f"[FICTIONAL] Şahid {i}",
            fictional=True,
            interview=model.Interview(date=date, place=place),
            witness=model.Witness(pseudonym=f"Ş-{i}", name=f"Иван Петров {i}"),
        )
        for i, (date, place) in enumerate(zip(DATES, PLACES, strict=True))
    ])
    yield opened
    if opened.is_open:
        opened.lock()


@pytest.fixture
def held(session: VaultSession, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The whole list waits for this event; the first screenful is three rows."""
    monkeypatch.setattr(list_loading, "FIRST_SCREEN_ROWS", 3)
    release = threading.Event()
    whole = session.testimonies.list

    def held_list() -> list[model.TestimonySummary]:
        release.wait(10)
        return whole()

    monkeypatch.setattr(session.testimonies, "list", held_list)
    return release


def _page(qtbot: Any, session: VaultSession, runner: TaskRunner) -> ListPage:
    page = ListPage(lambda: session, runner)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def _ids(page: ListPage) -> list[str]:
    return [
        page.proxy.index(row, 0).data(RECORD_ID_ROLE) for row in range(page.proxy.rowCount())
    ]


def test_the_first_screenful_shows_first_and_the_rest_keeps_the_selection(
    qtbot: Any, session: VaultSession, runner: TaskRunner, held: threading.Event
) -> None:
    page = _page(qtbot, session, runner)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    assert page.loading
    first = _ids(page)
    header = page.table.horizontalHeader()
    assert not header.sectionsClickable()
    assert not page.status_filter.isEnabled()
    assert not page.method_filter.isEnabled()
    assert not page.date_from.isEnabled()
    assert not page.clear_filters_button.isEnabled()
    translations = Translations()
    try:
        for code, words in (
            ("az", "Siyahı yüklənir: 8 ifadədən ən yeni 3-i göstərilir…"),
            ("ru", "Список загружается: показаны 3 самых новых из 8 свидетельств…"),
        ):
            translations.apply(code)
            page.retranslate()
            assert page.count_label.text() == words
    finally:
        translations.apply("en")
        page.retranslate()
    assert page.count_label.text() == "Loading the list: the newest 3 of 8 testimonies shown…"
    page.table.setCurrentIndex(page.proxy.index(1, 0))
    chosen = page.selected_id()

    held.set()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    assert page.model.rowCount() == 8
    assert _ids(page)[:3] == first  # the first screenful is the top of the whole list
    assert page.selected_id() == chosen
    assert page.count_label.text() == page.tr("%Ln testimony(ies)", "", 8)
    assert header.sectionsClickable()
    assert page.status_filter.isEnabled()
    dates = [s.interview_date for s in (page.model.summary_at(r) for r in range(8))]
    assert dates[:2] == ["", ""]  # newest first puts the undated ones on top, as it did
    assert dates[2:] == sorted(dates[2:], reverse=True)


def test_a_search_typed_while_loading_stays_when_the_rest_arrives(
    qtbot: Any, session: VaultSession, runner: TaskRunner, held: threading.Event
) -> None:
    page = _page(qtbot, session, runner)
    page.refresh()
    qtbot.waitUntil(lambda: page.loading, timeout=5000)
    page.search_box.setText("Şəki")  # the search runs after the held list, on the worker
    held.set()
    qtbot.waitUntil(lambda: not page.loading and page.searching, timeout=5000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.summary_at(0).place == "Şəki"
    page.search_box.setText("")
    qtbot.waitUntil(lambda: page.model.rowCount() == 8, timeout=5000)


def test_locking_while_loading_shows_nothing_more(
    qtbot: Any, session: VaultSession, runner: TaskRunner, held: threading.Event
) -> None:
    page = _page(qtbot, session, runner)
    page.refresh()
    qtbot.waitUntil(lambda: page.loading, timeout=5000)
    page.clear()  # what the window does when it locks
    assert not page.loading
    assert page.model.rowCount() == 0
    assert page.status_filter.isEnabled()
    held.set()
    assert runner.wait_idle(5000)
    qtbot.wait(50)
    assert page.model.rowCount() == 0
    assert not page.loading


def test_a_small_vault_is_read_once_and_shown_whole(
    qtbot: Any, session: VaultSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    whole: Callable[[], list[model.TestimonySummary]] = session.testimonies.list

    def counted() -> list[model.TestimonySummary]:
        calls.append("list")
        return whole()

    monkeypatch.setattr(session.testimonies, "list", counted)
    page = _page(qtbot, session, runner)
    done: list[bool] = []
    page.refresh(on_done=lambda: done.append(True))
    qtbot.waitUntil(lambda: done == [True], timeout=5000)
    assert page.model.rowCount() == 8
    assert not page.loading
    assert calls == []  # the first screenful (100 rows) held all eight
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # a user's sort…
    page.refresh()  # …after which a reload reads the whole list, as before
    qtbot.waitUntil(lambda: calls == ["list"], timeout=5000)


@pytest.mark.parametrize(
    ("column", "order", "reveal"),
    [
        (1, Qt.SortOrder.DescendingOrder, False),  # the first order: interview date
        (2, Qt.SortOrder.AscendingOrder, False),  # place, Şəki and Шуша alike
        (4, Qt.SortOrder.DescendingOrder, True),  # witness, names revealed
        (5, Qt.SortOrder.AscendingOrder, False),  # methods
    ],
)
def test_the_order_made_on_the_worker_is_the_order_the_model_makes(
    qtbot: Any,
    session: VaultSession,
    runner: TaskRunner,
    column: int,
    order: Qt.SortOrder,
    reveal: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole list's index and order are made on the worker thread (the window would
    otherwise stop to sort 100,000 rows); they must be what the model makes by itself."""
    page = _page(qtbot, session, runner)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 8 and not page.loading, timeout=5000)
    page.table.sortByColumn(column, order)
    page.reveal_button.setChecked(reveal)
    made_in: list[threading.Thread] = []
    column_of = ListIndex.column

    def watched(index: ListIndex, *args: Any) -> Any:
        made_in.append(threading.current_thread())
        return column_of(index, *args)

    monkeypatch.setattr(ListIndex, "column", watched)
    done: list[bool] = []
    page.refresh(on_done=lambda: done.append(True))  # through model.prepare() on the worker
    qtbot.waitUntil(lambda: done == [True], timeout=5000)
    qtbot.wait(20)  # the first paint
    assert made_in
    assert threading.main_thread() not in made_in  # no column was made on the GUI thread
    monkeypatch.undo()
    from_worker = _ids(page)
    page.set_summaries(session.testimonies.list())  # made here, on the GUI thread
    assert _ids(page) == from_worker
    assert len(set(from_worker)) == 8


def test_a_newer_load_wins_and_every_caller_hears_when_the_list_is_whole(
    qtbot: Any, session: VaultSession, runner: TaskRunner, held: threading.Event
) -> None:
    page = _page(qtbot, session, runner)
    page.refresh()
    qtbot.waitUntil(lambda: page.loading, timeout=5000)
    session.testimonies.create(model.Testimony(title="Yeni", fictional=True))  # a ninth
    done: list[str] = []
    page.refresh(on_done=lambda: done.append("first"))  # the window returns to the list
    page.refresh(on_done=lambda: done.append("second"))
    held.set()
    qtbot.waitUntil(lambda: done == ["first", "second"], timeout=5000)
    assert not page.loading
    assert page.model.rowCount() == 9
    assert runner.wait_idle(5000)
    qtbot.wait(20)
    assert done == ["first", "second"]  # once each, after the newest load's whole list


def test_a_language_change_while_the_list_loads_sorts_by_the_new_names(
    qtbot: Any, tmp_path: Path, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Languages sort by their shown names ("Armenian" before "Azerbaijani", "Армянский"
    after "Азербайджанский"): an order made on the worker in the old language would be
    wrong once the list arrives, so that one is made when shown."""
    vault = create_vault(tmp_path / "langs", "pass", kdf="test")
    try:
        vault.testimonies.create_many([
            model.Testimony(title="[FICTIONAL]", fictional=True,
                            interview=model.Interview(language=code))
            for code in ("hy", "az", "en", "hy", "az", "en", "ru", "ka")
        ])
        page = _page(qtbot, vault, runner)
        page.refresh()
        qtbot.waitUntil(lambda: page.model.rowCount() == 8, timeout=5000)
        page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        assert page.model.summary_at(0).language == "hy"  # Armenian first
        prepared = threading.Event()
        gate = threading.Event()
        make = page.model.prepare

        def held_prepare() -> Callable[[list[model.TestimonySummary]], Any]:
            inner = make()

            def run(rows: list[model.TestimonySummary]) -> Any:
                result = inner(rows)  # made in English…
                prepared.set()
                gate.wait(10)  # …shown after the switch to Russian
                return result

            return run

        monkeypatch.setattr(page.model, "prepare", held_prepare)
        done: list[bool] = []
        page.refresh(on_done=lambda: done.append(True))
        assert prepared.wait(10)
        translations = Translations()
        try:
            translations.apply("ru")
            qtbot.wait(20)  # LanguageChange reaches the page, which retranslates
            gate.set()
            qtbot.waitUntil(lambda: done == [True], timeout=5000)
            languages = [page.model.summary_at(r).language for r in range(8)]
            assert languages[:2] == ["az", "az"]  # Азербайджанский first
            assert languages.index("hy") > languages.index("en")  # Армянский after Английский
        finally:
            translations.apply("en")
    finally:
        vault.lock()
