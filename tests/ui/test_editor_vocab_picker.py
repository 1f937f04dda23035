"""The vocabulary picker: search in any language, codes stored, labels in the UI language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from testimony_app.domain.vocabularies import vocabulary
from testimony_app.ui.vocab_picker import VocabPicker, choices

pytestmark = pytest.mark.gui


@pytest.fixture
def picker(qtbot: Any) -> VocabPicker:
    """A picker over the methods vocabulary."""
    widget = VocabPicker("methods", "methods")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_every_term_is_listed_under_its_group(picker: VocabPicker) -> None:
    assert picker.visible_codes() == list(vocabulary("methods").codes())
    headings = [
        picker.list.item(i).text()
        for i in range(picker.list.count())
        if not picker.list.item(i).data(Qt.ItemDataRole.UserRole)
    ]
    assert headings[0] == vocabulary("methods").group_label("physical", "en")


def test_search_folds_letters_and_languages(picker: VocabPicker, type_text: Any) -> None:
    picker.set_language("az")
    type_text(picker.search, "doym")  # typed without ö and ə
    assert "beating" in picker.visible_codes()
    picker.search.clear()
    type_text(picker.search, "фалан")  # Russian word while the interface is Azerbaijani
    assert picker.visible_codes() == ["falanga"]
    picker.search.clear()
    type_text(picker.search, "FALANGA")
    assert picker.visible_codes() == ["falanga"]


def test_enter_ticks_the_first_match_and_stores_the_code(
    picker: VocabPicker, type_text: Any
) -> None:
    changes: list[int] = []
    picker.changed.connect(lambda: changes.append(1))
    type_text(picker.search, "electric")
    QTest.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.value() == [picker.visible_codes()[0]]
    assert changes == [1]
    assert picker.value()[0].startswith("electric")


def test_labels_follow_the_language_codes_do_not(picker: VocabPicker) -> None:
    picker.set_checked("falanga")
    picker.set_language("az")
    assert "Falanqa" in picker.summary.text()
    picker.set_language("ru")
    assert picker.label_of("falanga") == vocabulary("methods").label("falanga", "ru")
    assert picker.value() == ["falanga"]


def test_unknown_codes_are_kept(picker: VocabPicker) -> None:
    picker.set_value(["falanga", "witness words not in the list"])
    assert picker.value() == ["falanga", "witness words not in the list"]
    assert "witness words not in the list" in picker.summary.text()


def test_read_only_refuses_ticks(picker: VocabPicker) -> None:
    picker.set_value(["beating"])
    picker.set_read_only(True)
    item = next(
        picker.list.item(i)
        for i in range(picker.list.count())
        if picker.list.item(i).data(Qt.ItemDataRole.UserRole) == "falanga"
    )
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    picker.set_read_only(False)
    assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_down_arrow_moves_to_the_list(picker: VocabPicker, type_text: Any) -> None:
    picker.search.setFocus()
    type_text(picker.search, "sleep")
    QTest.keyClick(picker.search, Qt.Key.Key_Down)
    current = picker.list.currentItem()
    assert current is not None
    assert current.data(Qt.ItemDataRole.UserRole) == picker.visible_codes()[0]


def test_choices_helper_labels_in_language() -> None:
    roles = dict(choices("witness_roles", "ru"))
    assert roles["victim"] == vocabulary("witness_roles").label("victim", "ru")


def test_a_new_act_does_not_inherit_the_previous_acts_method_search(
    qtbot: Any, type_text: Any
) -> None:
    """GUI review D12: "Add act" kept "dəyənək" in the search, so the new act's list was cut."""
    from testimony_app.ui.editor_acts import ActsPage

    page = ActsPage()
    qtbot.addWidget(page)
    page.show()
    page.add_item()
    type_text(page.methods.search, "dəyənək")
    assert len(page.methods.visible_codes()) < 5
    page.add_item()
    assert page.methods.search.text() == ""
    assert page.methods.visible_codes() == list(vocabulary("methods").codes())
    type_text(page.methods.search, "falan")
    page.list.setCurrentRow(0)  # back to the first act
    assert page.methods.search.text() == ""
