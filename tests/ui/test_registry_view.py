"""Registry and corroboration: suggestions confirmed by a person, corroboration, merge and undo.

A real vault (cheap KDF only) and the real registry service; nothing is mocked. The same officer
is named in three scripts (Həsənov, Гасанов, Hasanov) by two witnesses (one interviewed twice).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from testimony_app.domain import model
from testimony_app.domain.matching import Reason
from testimony_app.domain.model import Act, Consent, Perpetrator, Witness
from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.registry import ROW_ROLE, Listing, RegistryView, SuggestionRow
from testimony_app.ui.tasks import TaskRunner
from testkit.qt import MakeWindow, TypeText, present

pytestmark = [pytest.mark.gui, pytest.mark.slow]

PW = "registry view passphrase"
PERP = "acts[0].perpetrators[0]"


def _testimony(
    witness: str, perp: str, rank: str, date: str, methods: list[str], place: str
) -> model.Testimony:
    return model.Testimony(
        title="t",
        fictional=True,
        witness=Witness(name=witness),
        consent=Consent(
            legal_proceedings=True,
            name_may_appear=False,
            informed_of_purpose=True,
            no_coercion_confirmed=True,
        ),
        acts=[
            Act(
                date=date,
                place=place,
                methods=methods,
                description=f"{perp} beat me.",
                perpetrators=[Perpetrator(name=perp, rank=rank, unit="Q-903")],
            )
        ],
    )


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    opened = create_vault(tmp_path / "vault", PW, kdf="test")
    yield opened
    if opened.is_open:
        opened.lock()


@pytest.fixture
def records(session: VaultSession) -> dict[str, str]:
    create = session.testimonies.create
    return {
        "az": create(
            _testimony(
                "Orxan Səfərli",
                "Elçin Həsənov",
                "kapitan",
                "2017-05-18",
                ["falanga"],
                "Q-903 hərbi hissəsi, Tərtər",
            )
        ),
        "ru": create(
            _testimony(
                "Кирилл Абасов",
                "Гасанов",
                "капитан",
                "2017-05-21",
                ["falanga", "electric_shock"],
                "Часть Q-903, подвал",
            )
        ),
        "en": create(
            _testimony(
                "Kirill Abasov",
                "Capt. Hasanov",
                "",
                "2017-05-23",
                ["electric_shock"],
                "Unit Q-903, basement",
            )
        ),
    }


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle(20000)
    task_runner.shutdown()


def settle(qtbot: QtBot, view: RegistryView) -> None:
    qtbot.waitUntil(lambda: not view.busy, timeout=20000)


def open_view(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner, record_id: str | None = None
) -> RegistryView:
    view = RegistryView(lambda: session, runner, record_id)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot, view)
    return view


def suggestion_items(view: RegistryView, path: str = PERP) -> list[QTreeWidgetItem]:
    tree = view.suggestions_pane.suggestion_tree
    for i in range(tree.topLevelItemCount()):
        top = present(tree.topLevelItem(i))
        if top.data(0, ROW_ROLE).mention_path == path:
            return [present(top.child(j)) for j in range(top.childCount())]
    raise AssertionError(f"no mention at {path}")


def confirm_first_suggestion(qtbot: QtBot, view: RegistryView, entry_id: str) -> None:
    (child,) = (c for c in suggestion_items(view) if c.data(0, ROW_ROLE).entry_id == entry_id)
    view.suggestions_pane.suggestion_tree.setCurrentItem(child)
    assert view.suggestions_pane.confirm_button.isEnabled()
    QTest.mouseClick(view.suggestions_pane.confirm_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)


def test_suggest_confirm_and_corroborate_across_scripts(
    qtbot: QtBot,
    session: VaultSession,
    records: dict[str, str],
    runner: TaskRunner,
    type_text: TypeText,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []
    original = session.registry.corroborate

    def spy(*args: Any, **kwargs: Any) -> Any:  # calls through; notes only the thread
        threads.append(threading.get_ident())
        return original(*args, **kwargs)

    monkeypatch.setattr(session.registry, "corroborate", spy)

    # The first witness's mention becomes a new entry, through the view.
    view = open_view(qtbot, session, runner, records["az"])
    assert view.objectName() == "registryView"
    assert not view.isModal()
    assert view.entries_pane.entry_model.rowCount() == 0
    tree = view.suggestions_pane.suggestion_tree
    (top,) = (
        item
        for item in (present(tree.topLevelItem(i)) for i in range(tree.topLevelItemCount()))
        if item.data(0, ROW_ROLE).mention_path == PERP
    )
    view.suggestions_pane.suggestion_tree.setCurrentItem(top)
    assert view.suggestions_pane.new_entry_button.isEnabled()
    assert not view.suggestions_pane.confirm_button.isEnabled()
    QTest.mouseClick(view.suggestions_pane.new_entry_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    people = [e for e in session.registry.list_entries() if e.kind == "person"]
    assert [e.display_name for e in people] == ["Elçin Həsənov"]
    entry = people[0].id
    assert view.current_entry_id() == entry  # the new entry is selected and corroborated
    assert view.corroboration is not None
    assert view.corroboration.independent_witnesses == 1

    # The Russian and the English forms are suggested, with scores and reasons, not linked.
    for witnesses, key in ((1, "ru"), (2, "en")):
        view.set_record(records[key])
        settle(qtbot, view)
        children = suggestion_items(view)
        rows = [c.data(0, ROW_ROLE) for c in children]
        assert [r.entry_id for r in rows] == [entry]
        assert rows[0].link_id is None
        assert "score" in children[0].text(1)
        assert "alike" in children[0].text(2)
        assert original(entry).independent_witnesses == witnesses  # not linked yet
        confirm_first_suggestion(qtbot, view, entry)
        # Confirmed: the mention shows its link and no more suggestions.
        rows = [c.data(0, ROW_ROLE) for c in suggestion_items(view)]
        assert [(r.entry_id, r.status) for r in rows] == [(entry, "confirmed")]

    # Corroboration: three testimonies, two independent witnesses (Абасов = Abasov).
    assert view.select_entry(entry)
    settle(qtbot, view)
    result = view.corroboration
    assert result is not None
    assert len(result.items) == 3
    assert result.independent_witnesses == 2
    assert view.corroboration_pane.testimonies.rowCount() == 3
    assert (
        view.corroboration_pane.summary_label.text()
        == "3 testimonies name this entry. 2 independent witnesses."
    )
    shown = {present(view.corroboration_pane.testimonies.item(r, 0)).text() for r in range(3)}
    assert shown == {"O. S.", "К. А.", "K. A."}  # initials only, never the names
    assert "Səfərli" not in " ".join(
        present(view.corroboration_pane.testimonies.item(r, c)).text()
        for r in range(3)
        for c in range(5)
    )
    assert view.corroboration_pane.timeline.rowCount() == 3
    dates = [present(view.corroboration_pane.timeline.item(r, 0)).text() for r in range(3)]
    assert dates == sorted(dates)
    assert view.corroboration_pane.matrix.rowCount() == 1
    assert view.corroboration_pane.matrix.verticalHeaderItem(0).text() == "Elçin Həsənov"
    headers = [
        present(view.corroboration_pane.matrix.horizontalHeaderItem(c)).text()
        for c in range(view.corroboration_pane.matrix.columnCount())
    ]
    assert len(headers) == 2
    matrix = view.corroboration_pane.matrix
    counts = sorted(int(present(matrix.item(0, c)).text()) for c in range(2))
    assert counts == [1, 2]  # falanga: two witnesses; electric shock: one witness, twice
    # The count in the list says how many testimonies link to the entry.
    model = view.entries_pane.entry_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "Elçin Həsənov")
    assert model.index(row, 3).data() == "3"
    assert model.index(row, 0).data(ROW_ROLE).testimonies == 3

    # Filters: a date range, then a place typed in another script.
    type_text(view.corroboration_pane.date_from, "2017-05-20")
    type_text(view.corroboration_pane.date_to, "2017-05-22")
    QTest.mouseClick(view.corroboration_pane.apply_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert [i.record_id for i in view.corroboration.items] == [records["ru"]]
    view.corroboration_pane.date_from.clear()
    view.corroboration_pane.date_to.clear()
    type_text(view.corroboration_pane.place_filter, "basement")
    QTest.mouseClick(view.corroboration_pane.apply_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert [i.record_id for i in view.corroboration.items] == [records["en"]]

    # Search the list across scripts.
    type_text(view.entries_pane.search_edit, "Гасанов")
    assert [r.entry.display_name for r in view.shown_entries()] == ["Elçin Həsənov"]
    assert model.rowCount() == 1
    view.entries_pane.search_edit.clear()
    type_text(view.entries_pane.search_edit, "Petrov")
    assert view.shown_entries() == []
    assert model.rowCount() == 0

    # Every service call ran off the GUI thread.
    assert threads
    assert threading.get_ident() not in threads


def test_reject_keeps_an_entry_from_being_suggested_again(
    qtbot: QtBot, session: VaultSession, records: dict[str, str], runner: TaskRunner
) -> None:
    entry = session.registry.link(records["az"], PERP, new_entry=True).entry_id
    view = open_view(qtbot, session, runner, records["ru"])
    (child,) = suggestion_items(view)
    view.suggestions_pane.suggestion_tree.setCurrentItem(child)
    QTest.mouseClick(view.suggestions_pane.reject_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    rows = [c.data(0, ROW_ROLE) for c in suggestion_items(view)]
    assert [(r.entry_id, r.status) for r in rows] == [(entry, "rejected")]
    assert session.registry.corroborate(entry).independent_witnesses == 1


def test_merge_asks_first_and_undo_restores(
    qtbot: QtBot,
    session: VaultSession,
    records: dict[str, str],
    runner: TaskRunner,
    scripted_prompts: ScriptedPrompts,
) -> None:
    one = session.registry.link(records["az"], PERP, new_entry=True).entry_id
    two = session.registry.link(records["ru"], PERP, new_entry=True).entry_id
    view = open_view(qtbot, session, runner)
    people = {
        row.entry.id: r for r, row in enumerate(view.shown_entries()) if row.entry.kind == "person"
    }
    assert set(people) == {one, two}
    assert not view.entries_pane.merge_button.isEnabled()
    assert not view.entries_pane.undo_merge_button.isEnabled()
    view.entries_pane.entries.clearSelection()
    view.entries_pane.entries.setCurrentIndex(view.entries_pane.entry_model.index(people[one], 0))
    view.entries_pane.entries.selectRow(people[one])
    view.entries_pane.entries.selectionModel().select(
        view.entries_pane.entries.model().index(people[two], 0),
        view.entries_pane.entries.selectionModel().SelectionFlag.Select
        | view.entries_pane.entries.selectionModel().SelectionFlag.Rows,
    )
    settle(qtbot, view)
    assert set(view.selected_entry_ids()) == {one, two}
    assert view.entries_pane.merge_button.isEnabled()

    # Declined: nothing merges.
    scripted_prompts.queue("confirm", False)
    QTest.mouseClick(view.entries_pane.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert {e.id for e in session.registry.list_entries("person")} == {one, two}

    # Accepted: the second folds into the current one.
    scripted_prompts.queue("confirm", True)
    QTest.mouseClick(view.entries_pane.merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert "Гасанов" in scripted_prompts.texts("confirm")[-1]
    assert {e.id for e in session.registry.list_entries("person")} == {one}
    assert view.current_entry_id() == one
    assert view.corroboration is not None
    assert view.corroboration.independent_witnesses == 2
    assert view.entries_pane.undo_merge_button.isEnabled()

    QTest.mouseClick(view.entries_pane.undo_merge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, view)
    assert {e.id for e in session.registry.list_entries("person")} == {one, two}
    assert view.current_entry_id() == two
    assert view.corroboration.independent_witnesses == 1
    assert not view.entries_pane.undo_merge_button.isEnabled()
    assert session.check().ok


def test_closing_wipes_the_tables(
    qtbot: QtBot, session: VaultSession, records: dict[str, str], runner: TaskRunner
) -> None:
    entry = session.registry.link(records["az"], PERP, new_entry=True).entry_id
    view = open_view(qtbot, session, runner, records["ru"])
    assert view.select_entry(entry)
    settle(qtbot, view)
    assert view.corroboration_pane.testimonies.rowCount() == 1
    view.reject()
    assert view.entries_pane.entry_model.rowCount() == 0
    assert view.corroboration_pane.testimonies.rowCount() == 0
    assert view.suggestions_pane.suggestion_tree.topLevelItemCount() == 0
    assert isinstance(SuggestionRow(PERP), SuggestionRow)


def test_vault_menu_opens_the_registry_on_the_open_vault(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtTest import QTest

    from testimony_app.services import vault as vault_service

    session = vault_service.create_vault(tmp_path / "vault", PW, kdf="test")
    record = session.testimonies.create(
        _testimony("A B", "Гасанов", "капитан", "2017-05-19", [], "Q-903")
    )
    session.lock()
    window = make_window()
    action = window.findChild(QAction, "actionRegistry")
    assert action is not None
    assert action in window.commands.vault_menu.actions()
    assert not action.isEnabled()  # locked
    type_text(window.unlock_page.passphrase, PW)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle()
    assert action.isEnabled()
    action.trigger()
    view = window.findChild(RegistryView, "registryView")
    assert view is not None
    assert view.isVisible()
    assert not view.isModal()
    assert window.runner.wait_idle()
    window.open_record(record)
    assert window.runner.wait_idle()
    suggest = window.findChild(QAction, "actionSuggestLinks")
    assert suggest is not None
    assert suggest.isEnabled()
    suggest.trigger()
    assert window.runner.wait_idle()
    assert window.findChildren(RegistryView) == [view]
    assert view.record_id == record
    assert view.tabs.currentWidget() is view.suggestions_tab
    assert view.suggestions_pane.suggestion_tree.topLevelItemCount() > 0
    # The lock closes the window and wipes what it showed.
    window.lock()
    assert not shiboken6.isValid(view) or not view.isVisible()


# -- reasons in the interface language ------------------------------------------------------

REASONS = {
    "az": {
        "name_alike": "ad {} oxşardır",
        "partial_name": "adın yalnız bir hissəsi müqayisə olunur",
        "same_rank": "eyni rütbə",
        "different_rank": "fərqli rütbə",
        "same_unit": "eyni hissə",
        "different_unit": "fərqli hissə",
        "same_place": "eyni yer",
        "dates_overlap": "tarixlər üst-üstə düşür",
        "dates_far_apart": "tarixlər bir-birindən uzaqdır",
    },
    "ru": {
        "name_alike": "имя похоже на {}",
        "partial_name": "сравнивается только часть имени",
        "same_rank": "то же звание",
        "different_rank": "другое звание",
        "same_unit": "то же подразделение",
        "different_unit": "другое подразделение",
        "same_place": "то же место",
        "dates_overlap": "даты пересекаются",
        "dates_far_apart": "даты далеки друг от друга",
    },
}


def _percent(value: float, language: str) -> str:
    # CLDR: Russian puts a no-break space before the percent sign (the domain catalogue's
    # words, which the window and the command line share).
    return f"{value:.0%}".replace("%", "\u00a0%") if language == "ru" else f"{value:.0%}"


def _expected_reasons(language: str, factors: Iterable[Reason]) -> str:
    texts = REASONS[language]
    return "; ".join(
        texts[r.code].format(_percent(r.value, language) if r.value is not None else "")
        for r in factors
    )


def test_suggestion_reasons_speak_the_interface_language(
    qtbot: QtBot, session: VaultSession, records: dict[str, str], runner: TaskRunner
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from testimony_app.ui.i18n import Translations

    entry = session.registry.link(records["az"], PERP, new_entry=True).entry_id
    (found,) = (m for m in session.registry.suggestions(records["ru"]) if m.mention.path == PERP)
    (suggestion,) = found.suggestions
    assert suggestion.entry_id == entry
    codes = [r.code for r in suggestion.factors]
    # "Гасанов" alone against "Elçin Həsənov": a partial name, lifted by rank and unit.
    assert codes[:4] == ["name_alike", "partial_name", "same_rank", "same_unit"]
    try:
        Translations().apply("az")
        view = open_view(qtbot, session, runner, records["ru"])
        (child,) = suggestion_items(view)
        assert child.text(2) == _expected_reasons("az", suggestion.factors)
        assert child.text(2).startswith("ad ")
        assert child.text(1).startswith("bal ")
        assert "alike" not in child.text(2)
        assert "same" not in child.text(2)
        assert view.suggestions_pane.suggestion_tree.headerItem().text(2) == "Əsaslar"

        # A period refused in Azerbaijani too.
        view.corroboration_pane.date_from.setText("2017-5")
        view.load_corroboration()
        assert view.corroboration_pane.date_error.text().startswith(
            "Dövrün başlanğıcı tarix deyil."
        )

        Translations().apply("ru")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        (child,) = suggestion_items(view)
        assert child.text(2) == _expected_reasons("ru", suggestion.factors)
        assert child.text(2).startswith("имя похоже на ")
        assert child.text(1).startswith("оценка ")
        assert view.corroboration_pane.date_error.text().startswith("Начало периода — не дата.")
    finally:
        Translations().apply("en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    (child,) = suggestion_items(view)
    assert child.text(2) == "; ".join(suggestion.reasons)  # English: the sentences of old


# -- the period filter ------------------------------------------------------------------------


def test_dates_are_checked_before_anything_is_filtered(
    qtbot: QtBot,
    session: VaultSession,
    records: dict[str, str],
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = session.registry.link(records["az"], PERP, new_entry=True).entry_id
    view = open_view(qtbot, session, runner)
    assert view.select_entry(entry)
    settle(qtbot, view)
    assert view.corroboration is not None
    calls: list[dict[str, str]] = []
    original = session.registry.corroborate

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(session.registry, "corroborate", spy)

    def apply() -> None:
        QTest.mouseClick(view.corroboration_pane.apply_button, Qt.MouseButton.LeftButton)
        settle(qtbot, view)

    # A wrong shape is marked as it is typed; Apply says what is wrong and runs nothing.
    QTest.keyClicks(view.corroboration_pane.date_from, "2017-5")
    assert view.corroboration_pane.date_from.property("invalid") is True
    assert view.corroboration_pane.date_to.property("invalid") is False
    assert view.corroboration_pane.date_error.isHidden()
    apply()
    assert calls == []
    assert view.corroboration_pane.date_error.isVisible()
    assert view.corroboration_pane.date_error.text() == (
        "The start of the period is not a date. Write it as YYYY, YYYY-MM or YYYY-MM-DD, "
        "for example 2017, 2017-05 or 2017-05-18."
    )
    # What was shown no longer answers the filter as written: the tables are emptied.
    assert view.corroboration is None
    assert view.corroboration_pane.testimonies.rowCount() == 0
    assert "Elçin Həsənov" in view.corroboration_pane.entry_title.text()

    # Correcting the date takes the message and the mark away as it is typed.
    qtbot.keyClick(view.corroboration_pane.date_from, Qt.Key.Key_Backspace)
    QTest.keyClicks(view.corroboration_pane.date_from, "05")
    assert view.corroboration_pane.date_from.text() == "2017-05"
    assert view.corroboration_pane.date_from.property("invalid") is False
    assert view.corroboration_pane.date_error.isHidden()

    # A period that ends before it starts is refused with a sentence; Return does not run it.
    view.corroboration_pane.date_from.setText("2018")
    view.corroboration_pane.date_to.setText("2017-12-31")
    assert view.corroboration_pane.date_error.isHidden()  # each date alone is fine
    qtbot.keyClick(view.corroboration_pane.date_to, Qt.Key.Key_Return)
    settle(qtbot, view)
    assert calls == []
    assert view.corroboration_pane.date_error.text() == (
        "The start of the period (2018) is later than its end (2017-12-31). "
        "Correct one of the two dates."
    )
    assert view.corroboration_pane.date_from.property("invalid") is True
    assert view.corroboration_pane.date_to.property("invalid") is True

    # Digits of another script are refused (setText: keyClicks aborts on non-ASCII text).
    view.corroboration_pane.date_from.clear()
    view.corroboration_pane.date_to.setText("２０１７-٠٥")
    apply()
    assert calls == []
    assert view.corroboration_pane.date_error.text().startswith(
        "The end of the period is not a date."
    )
    assert view.corroboration_pane.date_from.property("invalid") is False

    # Selecting another entry with a wrong period does not run it either.
    view.entries_pane.entries.clearSelection()
    assert view.select_entry(entry)
    settle(qtbot, view)
    assert calls == []

    # Partial dates are what testimonies have: a year and a month are a period.
    view.corroboration_pane.date_from.setText("2017")
    view.corroboration_pane.date_to.setText("2017-05")
    assert view.corroboration_pane.date_error.isHidden()
    apply()
    assert calls == [{"date_from": "2017", "date_to": "2017-05", "place": ""}]
    assert view.corroboration_pane.date_error.isHidden()
    assert view.corroboration is not None
    assert [i.record_id for i in view.corroboration.items] == [records["az"]]


# -- a registry of many thousand entries ------------------------------------------------------


def _large_listing(count: int) -> Listing:
    from testimony_app.domain.matching import Entry
    from testimony_app.ui.registry import EntryRow, Listing, entry_search_key

    firsts = ["Elçin", "Rauf", "Vüqar", "Nicat", "Ramil", "Şahin", "Эльчин", "Рауф"]
    lasts = ["Həsənov", "Hüseynov", "Məmmədov", "Əliyev", "Quliyev", "Гасанов", "Мамедов"]
    ranks = ["kapitan", "mayor", "капитан", "", "serjant"]
    rows = []
    for i in range(count):
        kind = ("person", "person", "person", "place", "unit")[i % 5]
        if kind == "person":
            name = f"{firsts[i % len(firsts)]} {lasts[(i // 3) % len(lasts)]}"
            rank, unit = ranks[i % len(ranks)], f"Q-{900 + i % 40}"
        elif kind == "place":
            name, rank, unit = f"Saxlama yeri №{i}", "", ""
        else:
            name, rank, unit = f"Hərbi hissə N-{i}", "", ""
        entry = Entry(f"{i:08x}-e", kind, name, rank, unit, "", "2025-01-01T00:00:00Z")
        rows.append(EntryRow(entry, i % 7, entry_search_key(entry) if i % 2 else ""))
    rows.sort(key=lambda r: (r.entry.kind, r.entry.display_name.casefold()))
    return Listing(tuple(rows), ())


def test_a_registry_of_thousands_filters_to_the_right_rows(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    from testimony_app.domain.transliteration import skeleton
    from testimony_app.ui.registry import EntryTableModel

    listing = _large_listing(7200)
    view = RegistryView(lambda: None, runner)  # no vault: the listing is handed in
    qtbot.addWidget(view)
    view.show()
    view.show_listing(listing)
    model = view.entries_pane.entry_model
    assert isinstance(model, EntryTableModel)
    assert view.entries_pane.entries.model() is model
    assert model.rowCount() == model.total == 7200
    assert view.shown_entries() == list(listing.rows)

    def expected(needle: str, kind: str = "") -> list[str]:
        key = skeleton(needle)
        return [
            r.entry.id
            for r in listing.rows
            if (not kind or r.entry.kind == kind)
            and key in skeleton(" ".join((r.entry.display_name, r.entry.rank, r.entry.unit)))
        ]

    def shown() -> list[str]:
        return [r.entry.id for r in view.shown_entries()]

    # Across scripts: Гасанов finds Həsənov, and not Hüseynov.
    view.entries_pane.search_edit.setText("Гасанов")
    hasanov = shown()
    assert hasanov == expected("Гасанов")
    assert model.rowCount() == len(hasanov) > 500
    names = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert any("Həsənov" in n for n in names)
    assert any("Гасанов" in n for n in names)
    assert not any("Hüseynov" in n for n in names)

    # Rank and unit are searched too; the kind narrows what the text found.
    view.entries_pane.search_edit.setText("Q-917")
    assert shown() == expected("Q-917")
    view.entries_pane.search_edit.setText("hissə")
    view.entries_pane.kind_combo.setCurrentIndex(view.entries_pane.kind_combo.findData("unit"))
    units = shown()
    assert units == expected("hissə", "unit")
    assert len(units) == 1440
    view.entries_pane.kind_combo.setCurrentIndex(view.entries_pane.kind_combo.findData("place"))
    assert shown() == []
    view.entries_pane.search_edit.clear()
    assert len(shown()) == 1440
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {"Place"}
    view.entries_pane.kind_combo.setCurrentIndex(0)
    assert shown() == [r.entry.id for r in listing.rows]

    # A selection survives a search that keeps it (wherever its row moves), and goes with one
    # that hides it.
    narrow = expected("Elçin Гас")
    assert 0 < len(narrow) < len(hasanov)
    target = narrow[-1]
    view.entries_pane.search_edit.setText("Гасанов")
    assert view.select_entry(target)
    assert view.selected_entry_ids() == [target]
    rows = [model.row_of(target)]
    view.entries_pane.search_edit.setText("Elçin Гас")
    assert shown() == narrow
    view.entries_pane.search_edit.clear()
    assert len(shown()) == 7200
    rows += [len(narrow) - 1, model.row_of(target)]
    assert len(set(rows)) == 3
    assert view.selected_entry_ids() == [target]
    assert view.current_entry_id() == target
    view.entries_pane.search_edit.setText("Мамедов")
    assert view.selected_entry_ids() == []
    assert not view.entries_pane.merge_button.isEnabled()

    # Sorting by the number of testimonies keeps the search, and the selection follows.
    view.entries_pane.search_edit.setText("Мамедов")
    target = shown()[0]
    assert view.select_entry(target)
    view.entries_pane.entries.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    counts = [r.testimonies for r in view.shown_entries()]
    assert counts == sorted(counts, reverse=True)
    assert sorted(shown()) == sorted(expected("Мамедов"))
    assert view.selected_entry_ids() == [target]
    assert view.current_entry_id() == target

    # Closing empties the list.
    view.reject()
    assert model.rowCount() == 0


# -- the listing's numbers and an unnamed perpetrator -----------------------------------------


def test_listing_counts_come_from_one_read(
    session: VaultSession, records: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from testimony_app.ui.registry import load_listing

    entry = session.registry.link(records["az"], PERP, new_entry=True).entry_id
    session.registry.link(records["ru"], PERP, entry)
    session.registry.link(records["en"], PERP, entry, status="suggested")
    unit = session.registry.link(records["az"], PERP + ".unit", new_entry=True).entry_id
    place = session.registry.create_entry("place", "Tərtər").id

    def show(_entry_id: str) -> None:
        raise AssertionError("the listing reads every entry's links one by one")

    monkeypatch.setattr(session.registry, "show", show)
    listing = load_listing(session)
    assert {r.entry.id: r.testimonies for r in listing.rows} == {entry: 2, unit: 1, place: 0}


def test_an_unnamed_perpetrator_speaks_the_interface_language(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from testimony_app.ui.i18n import Translations

    t = _testimony(
        "Orxan Səfərli",
        "Elçin Həsənov",
        "kapitan",
        "2017-05-18",
        ["falanga"],
        "Q-903 hərbi hissəsi, Tərtər",
    )
    t.acts[0].perpetrators.append(Perpetrator(name="", rank="", unit="Q-903"))
    record = session.testimonies.create(t)
    entry = session.registry.link(record, PERP, new_entry=True).entry_id
    view = open_view(qtbot, session, runner)
    assert view.select_entry(entry)
    settle(qtbot, view)

    def shown() -> tuple[str, list[str]]:
        headers = [
            view.corroboration_pane.matrix.verticalHeaderItem(r).text()
            for r in range(view.corroboration_pane.matrix.rowCount())
        ]
        return present(view.corroboration_pane.timeline.item(0, 3)).text(), headers

    assert shown() == ("kapitan Elçin Həsənov, (not named)", ["(not named)", "Elçin Həsənov"])
    try:
        for language, text in (("az", "(adı çəkilməyib)"), ("ru", "(не назван)")):
            Translations().apply(language)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
            assert shown() == (f"kapitan Elçin Həsənov, {text}", [text, "Elçin Həsənov"])
    finally:
        Translations().apply("en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert shown()[0] == "kapitan Elçin Həsənov, (not named)"
