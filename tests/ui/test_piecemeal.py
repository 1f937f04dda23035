"""The old list is freed a piece per turn of the event loop, and never while anyone holds it.

At the organisation, showing a list of 100,000 testimonies read again freed the old one in one
C loop that held the GUI thread for 61-64 ms (issue 19). These tests check what makes the
change safe and real: a list nothing else holds is emptied from its end, a piece per step,
until it is gone; a list someone still holds is never touched; and the list model hands the old
list over when a new one replaces it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from pytestqt.qtbot import QtBot

from testimony_app.ui import piecemeal
from testimony_app.ui.testimony_table import Prepared, TestimonyTableModel

if TYPE_CHECKING:  # a class named Test… would be collected as tests
    from testimony_app.domain.model import TestimonySummary

Summaries = Callable[[int], "list[TestimonySummary]"]


class _Statement:
    """A stand-in element that can be watched with a weak reference."""

    def __init__(self, text: str) -> None:
        self.text = text


def test_a_list_nobody_holds_is_freed_a_piece_at_a_time(qtbot: QtBot) -> None:
    items = [_Statement(f"Şahid {i}: məni döydülər") for i in range(2 * piecemeal.PIECE + 5)]
    first, last = weakref.ref(items[0]), weakref.ref(items[-1])
    piecemeal.release(items)
    del items
    piecemeal._step()  # one turn's piece, from the end
    assert last() is None
    assert first() is not None
    qtbot.waitUntil(lambda: piecemeal.waiting() == 0, timeout=5000)
    assert first() is None


def test_a_list_someone_still_holds_is_never_cut(qtbot: QtBot) -> None:
    kept = [_Statement(f"Свидетель {i}") for i in range(3 * piecemeal.PIECE)]
    piecemeal.release(kept)
    qtbot.waitUntil(lambda: piecemeal.waiting() == 0, timeout=5000)
    assert len(kept) == 3 * piecemeal.PIECE
    assert kept[-1].text == f"Свидетель {3 * piecemeal.PIECE - 1}"


def test_the_model_hands_over_the_list_it_replaces(qtbot: QtBot, summaries: Summaries) -> None:
    model = TestimonyTableModel()
    shown = summaries(piecemeal.PIECE + 10)
    model.set_prepared(Prepared(shown, None))
    before = list(shown)
    newer = summaries(20)
    model.set_prepared(Prepared(newer, None))
    assert piecemeal.waiting() == 1  # the old list, not freed during the reset
    assert [model.summary_at(r) for r in range(model.rowCount())] == newer
    qtbot.waitUntil(lambda: piecemeal.waiting() == 0, timeout=5000)
    assert shown == before  # this test still holds it: untouched
