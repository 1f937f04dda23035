"""Every invalid field says why: in its tooltip and in the window's status line (GUI review D15).

A red border alone left the interviewer guessing what was wrong with ``2017-13-45``, and
``2017-05`` with the precision "Exact day" was accepted without a word.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMainWindow

from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.ui.editor import TestimonyEditor as Editor  # not "Test…": pytest collects those
from testimony_app.ui.editor_fields import PatternField, date_problem, time_problem
from testimony_app.ui.editor_repeatable import RepeatablePage
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    opened = create_vault(tmp_path / "vault", "pass", kdf="test")
    yield opened
    if opened.is_open:
        opened.lock()



def _editor(window: QMainWindow) -> Editor:
    editor = window.centralWidget()
    assert isinstance(editor, Editor)
    return editor

@pytest.fixture
def window(qtbot: Any, session: VaultSession, runner: TaskRunner) -> QMainWindow:
    """The editor inside a main window, for its status line."""
    main = QMainWindow()
    qtbot.addWidget(main)
    editor = Editor(lambda: session, runner, ScriptedPrompts())
    main.setCentralWidget(editor)
    main.resize(1200, 820)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(editor.opened, timeout=10000):  # read on the worker thread
        editor.open_record(session.testimonies.create())
    return main


def _field(window: QMainWindow, name: str) -> PatternField:
    field = window.findChild(PatternField, name)
    assert field is not None, name
    return field


def _type(field: PatternField, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, text)  # ASCII only: see stack-findings §3


def test_an_impossible_date_says_why_in_the_tooltip_and_the_status_line(
    window: QMainWindow, qtbot: Any
) -> None:
    editor = _editor(window)
    editor.show_section("witness")
    born = _field(window, "witness.date_of_birth")
    _type(born, "2017-13-45")
    assert born.property("invalid") is True
    assert "YYYY-MM-DD" in born.toolTip()
    assert born.toolTip() == born.problem()
    QTest.keyClick(born, Qt.Key.Key_Tab)  # the cursor leaves the field
    assert window.statusBar().currentMessage() == born.problem()

    _type(born, "2017-02-30")
    assert "2017-02-30 is not a day of the calendar" in born.toolTip()
    _type(born, "1990-02-28")
    assert born.problem() == ""
    assert born.property("invalid") is False
    assert born.toolTip() != ""  # the hint of what to type is still there


def test_a_date_must_be_as_exact_as_its_precision(window: QMainWindow, qtbot: Any) -> None:
    editor = _editor(window)
    editor.show_section("acts")
    acts = editor.page("acts")
    assert isinstance(acts, RepeatablePage)
    acts.add_item()
    when = _field(window, "acts.date")
    precision = acts.detail_fields["date_precision"]
    assert isinstance(precision, QComboBox)
    assert precision.value() == "day"
    _type(when, "2017-05")
    assert "has no day" in when.problem()
    assert "Exact day" in when.toolTip()
    precision.setCurrentIndex(precision.findData("month"))
    assert when.problem() == ""  # "2017-05" is exact to the month
    precision.setCurrentIndex(precision.findData("year"))
    assert when.problem() == ""

    detentions = editor.page("detentions")
    assert isinstance(detentions, RepeatablePage)
    editor.show_section("detentions")
    detentions.add_item()
    start = _field(window, "detentions.start_date")
    _type(start, "2017")
    assert "has no day" in start.problem()
    start_precision = detentions.detail_fields["start_precision"]
    assert isinstance(start_precision, QComboBox)
    start_precision.setCurrentIndex(start_precision.findData("month"))
    assert "has no month" in start.problem()


def test_times_say_why_too(window: QMainWindow) -> None:
    _editor(window).show_section("interview")
    start = _field(window, "interview.start_time")
    _type(start, "25:70")
    assert "HH:MM" in start.problem()
    _type(start, "09:30")
    assert start.problem() == ""


def test_the_sentences_are_translated() -> None:
    from testimony_app.ui.i18n import Translations

    translations = Translations()
    try:
        for code in ("az", "ru"):
            translations.apply(code)
            for problem in (date_problem("2017-13-45"), date_problem("2017-05", "day"),
                            time_problem("25:70")):
                assert problem
                assert "Write the" not in problem, code
                assert "has no day" not in problem, code
    finally:
        translations.apply("en")


def test_the_two_translation_languages_are_told_apart(window: QMainWindow) -> None:
    """GUI review D9: two unlinked fields were both called "Translated into"."""
    from PySide6.QtWidgets import QLabel

    def label_of(field_name: str) -> str:
        labels = [lab for lab in window.findChildren(QLabel) if lab.buddy() is not None
                  and lab.buddy().objectName() == field_name]
        assert len(labels) == 1, field_name
        return labels[0].text()

    spoken = label_of("interview.translation_language")
    written = label_of("narrative.translation_language")
    assert spoken != written
    assert "Translated into" not in (spoken, written)
