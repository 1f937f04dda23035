"""The body outline: clicks become numbered marks at normalised positions, front and back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from testimony_app.domain.model import BodyMark
from testimony_app.ui.body_outline import ASPECT, BodyMarksEditor, BodyOutline

pytestmark = pytest.mark.gui


@pytest.fixture
def marks(qtbot: Any) -> BodyMarksEditor:
    """The outline with its list, big enough to click precisely."""
    widget = BodyMarksEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_at(outline: BodyOutline, side: str, x: float, y: float) -> None:
    """Click where normalised ``x``, ``y`` of ``side`` is drawn."""
    point = outline.to_widget(side, x, y)
    QTest.mouseClick(
        outline, Qt.MouseButton.LeftButton, pos=QPoint(round(point.x()), round(point.y()))
    )


def test_figures_keep_their_proportions(marks: BodyMarksEditor) -> None:
    outline = marks.outline
    front, back = outline.figure_rect("front"), outline.figure_rect("back")
    assert front.width() / front.height() == pytest.approx(ASPECT)
    assert front.size() == back.size()
    assert front.right() < back.left()


def test_clicks_mark_front_and_back_at_normalised_positions(
    marks: BodyMarksEditor, qtbot: Any
) -> None:
    changes: list[int] = []
    marks.changed.connect(lambda: changes.append(1))
    click_at(marks.outline, "front", 0.30, 0.20)  # the witness's right shoulder
    click_at(marks.outline, "back", 0.55, 0.45)  # lower back
    value = marks.value()
    assert [m.side for m in value] == ["front", "back"]
    assert value[0].x == pytest.approx(0.30, abs=0.01)
    assert value[0].y == pytest.approx(0.20, abs=0.01)
    assert value[1].x == pytest.approx(0.55, abs=0.01)
    assert value[1].y == pytest.approx(0.45, abs=0.01)
    assert len(changes) == 2
    assert marks.list.count() == 2
    assert marks.list.item(0).text().startswith("1. front")
    assert marks.list.item(1).text().startswith("2. back")
    # A new mark takes the note at once: the interviewer just types.
    assert marks.outline.selected() == 1
    qtbot.waitUntil(marks.note.hasFocus)


def test_marks_are_the_same_place_at_any_size(marks: BodyMarksEditor) -> None:
    marks.outline.add_mark("front", 0.5, 0.1)
    before = marks.outline.to_widget("front", 0.5, 0.1)
    marks.resize(600, 900)
    after = marks.outline.to_widget("front", 0.5, 0.1)
    assert before != after
    assert marks.value()[0] == BodyMark("front", 0.5, 0.1, "")


def test_note_is_typed_with_real_letters(marks: BodyMarksEditor, type_text: Any) -> None:
    click_at(marks.outline, "front", 0.5, 0.5)
    type_text(marks.note, "Qarnına təpik vurdular; болит")
    assert marks.value()[0].note == "Qarnına təpik vurdular; болит"
    assert "təpik" in marks.list.item(0).text()


def test_clicking_a_mark_selects_it_and_remove_renumbers(marks: BodyMarksEditor) -> None:
    for y in (0.2, 0.4, 0.6):
        click_at(marks.outline, "front", 0.5, y)
    click_at(marks.outline, "front", 0.5, 0.4)  # on the second mark: select, no new mark
    assert len(marks.value()) == 3
    assert marks.outline.selected() == 1
    QTest.mouseClick(marks.remove, Qt.MouseButton.LeftButton)
    assert [m.y for m in marks.value()] == pytest.approx([0.2, 0.6], abs=0.01)
    assert marks.list.item(1).text().startswith("2.")
    marks.outline.select(0)
    marks.outline.setFocus()
    QTest.keyClick(marks.outline, Qt.Key.Key_Delete)
    assert [m.y for m in marks.value()] == pytest.approx([0.6], abs=0.01)


def test_dragging_moves_a_mark_within_its_figure(marks: BodyMarksEditor) -> None:
    outline = marks.outline
    outline.add_mark("back", 0.5, 0.3)
    start = outline.to_widget("back", 0.5, 0.3)
    end = outline.to_widget("back", 0.5, 0.6)
    QTest.mousePress(outline, Qt.MouseButton.LeftButton, pos=start.toPoint())
    QTest.mouseMove(outline, end.toPoint())
    QTest.mouseRelease(outline, Qt.MouseButton.LeftButton, pos=end.toPoint())
    mark = marks.value()[0]
    assert mark.side == "back"
    assert mark.y == pytest.approx(0.6, abs=0.02)


def test_outside_the_figures_nothing_is_marked(marks: BodyMarksEditor) -> None:
    QTest.mouseClick(marks.outline, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert marks.value() == []


def test_read_only_shows_marks_but_takes_none(marks: BodyMarksEditor) -> None:
    marks.set_value([BodyMark("front", 0.4, 0.4, "köhnə")])
    marks.set_read_only(True)
    click_at(marks.outline, "back", 0.5, 0.5)
    assert marks.value() == [BodyMark("front", 0.4, 0.4, "köhnə")]
    click_at(marks.outline, "front", 0.4, 0.4)
    assert marks.outline.selected() == 0
    assert not marks.remove.isEnabled()
    assert marks.note.isReadOnly()


def test_set_value_is_quiet_and_copied(marks: BodyMarksEditor) -> None:
    changes: list[int] = []
    marks.changed.connect(lambda: changes.append(1))
    original = [BodyMark("back", 0.1, 0.9, "")]
    marks.set_value(original)
    assert changes == []
    marks.outline.set_note(0, "dəyişdi")
    assert original[0].note == ""


def test_disclaimer_is_shown(marks: BodyMarksEditor) -> None:
    assert marks.disclaimer.text() == "As reported by the witness — not a medical finding."
    assert marks.disclaimer.isVisible()


def _red_share(image: Any, centre: QPoint, radius: int) -> float:
    """The share of pixels within ``radius`` of ``centre`` painted the marks' red (#b3261e).

    A region, not one pixel: the white digit inside the disc is anti-aliased differently with
    other fonts, so any single probe near it can land on a grey edge.
    """
    inside = red = 0
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            if dx * dx + dy * dy > radius * radius:
                continue
            inside += 1
            colour = image.pixelColor(centre.x() + dx, centre.y() + dy)
            red += colour.red() > 140 and colour.green() < 90 and colour.blue() < 90
    return red / inside


def test_outline_renders(marks: BodyMarksEditor) -> None:
    outline = marks.outline
    centre = outline.to_widget("front", 0.5, 0.3).toPoint()
    before = _red_share(outline.grab().toImage(), centre, 9)

    outline.add_mark("front", 0.5, 0.3, "baş")

    assert outline.marks() == [BodyMark("front", 0.5, 0.3, "baş")]
    assert marks.list.item(0).text().startswith("1. front")
    after = _red_share(outline.grab().toImage(), centre, 9)
    assert before == 0  # the figure itself has no red
    # The disc (radius 11) covers the region; the digit and its edges take well under half.
    assert after > 0.5
