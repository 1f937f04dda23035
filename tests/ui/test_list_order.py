"""The list's kept orders and masks give what a plain Python sort and filter give.

The model sorts and filters 100,000 rows through :class:`ListIndex` (issue 19). These tests
compare every column, both directions, in every order of clicks (a direction derived from the
other one included), with filters, against the plain two-pass stable sort the model used
before: the newest update first, then the column's key.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from testimony_app.domain.model import Status
from testimony_app.ui.list_order import ListIndex, both, new_rows
from testimony_app.ui.testimony_table import (
    _STATUS_ORDER,
    COL_DATE,
    COL_LANGUAGE,
    COL_METHODS,
    COL_PLACE,
    COL_STATUS,
    COL_WITNESS,
    RECORD_ID_ROLE,
    TestimonyTableModel,
    language_label,
)
from testkit.qt import Summaries

if TYPE_CHECKING:
    from testimony_app.domain.model import TestimonySummary

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder

KEYS: dict[int, Callable[[TestimonySummary], Any]] = {
    COL_STATUS: lambda s: _STATUS_ORDER.get(s.status, 99),
    COL_DATE: lambda s: f"0{s.interview_date}" if s.interview_date else "1",
    COL_PLACE: lambda s: s.place.casefold(),
    COL_LANGUAGE: lambda s: language_label(s.language).casefold(),
    COL_WITNESS: lambda s: (s.witness_label or "—").casefold(),
    COL_METHODS: lambda s: len(s.methods),
}


def _rows(summaries: Summaries, count: int = 400) -> list[TestimonySummary]:
    """Rows with many ties: a few places in two scripts and cases, repeated update times."""
    rnd = random.Random(19)
    places = ["Əlibəyli", "əlibəyli", "Şəki", "ŞƏKİ", "Тертер", "тертер", "Ağdam", ""]
    dates = ["2020-03-01", "2020-03", "2020", "", "2021-11-30", "2019-12-31"]
    return [
        r._replace(
            place=rnd.choice(places),
            interview_date=rnd.choice(dates),
            language=rnd.choice(["az", "ru", "en", "AZ", "free text"]),
            witness_label=rnd.choice(["", "Ş.Ə.", "ş.ə.", "Витязь", "W-1"]),
            updated_at=f"2026-01-0{rnd.randint(1, 4)}T00:00:00Z",
            status=rnd.choice(list(Status)),
        )
        for r in summaries(count)
    ]


def _plain(
    rows: list[TestimonySummary], column: int, order: Qt.SortOrder
) -> list[TestimonySummary]:
    """The sort the model made before issue 19, from the list's own order."""
    newest = sorted(rows, key=lambda s: s.updated_at, reverse=True)
    return sorted(newest, key=KEYS[column], reverse=order == DESC)


def _shown(model: TestimonyTableModel) -> list[TestimonySummary]:
    return [model.summary_at(r) for r in range(model.rowCount())]


def test_every_column_both_ways_in_any_click_order(summaries: Summaries) -> None:
    rows = _rows(summaries)
    model = TestimonyTableModel()
    model.set_summaries(rows)
    clicks = [(c, o) for c in KEYS for o in (ASC, DESC)]
    for sequence in (clicks, clicks[::-1], random.Random(3).sample(clicks * 2, 24)):
        for column, order in sequence:
            model.sort(column, order)
            assert _shown(model) == _plain(rows, column, order), (column, order)


def test_sorting_within_filters_matches_a_plain_filter(summaries: Summaries) -> None:
    rows = _rows(summaries)
    model = TestimonyTableModel()
    model.set_summaries(rows)
    model.sort(COL_PLACE, DESC)
    model.set_filters(status=Status.SEALED.value, date_from="2020-03-15", method="falanga")

    def wanted(s: TestimonySummary) -> bool:
        return (
            s.status == Status.SEALED
            and "falanga" in s.methods
            and s.interview_date in ("2020-03", "2020", "2021-11-30")
        )

    assert _shown(model) == [s for s in _plain(rows, COL_PLACE, DESC) if wanted(s)]
    assert model.rowCount() > 0
    model.sort(COL_WITNESS, ASC)
    assert _shown(model) == [s for s in _plain(rows, COL_WITNESS, ASC) if wanted(s)]
    model.set_filters()
    assert _shown(model) == _plain(rows, COL_WITNESS, ASC)


def test_revealed_names_sort_anew(summaries: Summaries) -> None:
    """By code point after casefolding, as before: "ş" comes after "z"."""
    rows = [
        r._replace(witness_name=name, witness_label="X.")
        for r, name in zip(
            summaries(6), ["Zəfər", "Ayan", "Şahin", "Борис", "", "Elçin"], strict=True
        )
    ]
    model = TestimonyTableModel()
    model.set_summaries(rows)
    model.sort(COL_WITNESS, ASC)
    model.set_reveal_names(True)
    assert [model.index(r, COL_WITNESS).data() for r in range(6)] == [
        "Ayan",
        "Elçin",
        "X.",
        "Zəfər",
        "Şahin",
        "Борис",
    ]
    model.set_reveal_names(False)
    assert {model.index(r, COL_WITNESS).data() for r in range(6)} == {"X."}


def test_the_selected_row_follows_its_record(summaries: Summaries) -> None:
    rows = _rows(summaries, 200)
    model = TestimonyTableModel()
    model.set_summaries(rows)
    keep = [QPersistentModelIndex(model.index(r, c)) for r in (3, 150) for c in (0, 4)]
    ids = [k.data(RECORD_ID_ROLE) for k in keep]
    for column, order in ((COL_PLACE, ASC), (COL_PLACE, DESC), (COL_DATE, ASC)):
        model.sort(column, order)
        assert [model.record_id(k.row()) for k in keep] == ids
        assert [k.column() for k in keep] == [0, 4, 0, 4]
    assert model.row_of(ids[0]) == keep[0].row()
    assert model.row_of("no-such-record") == -1


def test_masks_orders_and_rows_by_hand(summaries: Summaries) -> None:
    rows = _rows(summaries, 50)
    index = ListIndex(rows)
    sealed = index.where("status", "status", "sealed", lambda v: v == "sealed")
    assert sealed == bytes(s.status == "sealed" for s in rows)
    assert index.where("status", "status", "sealed", lambda v: False) is sealed  # kept
    many = ListIndex([rows[0]._replace(id=f"r{i}", place=f"p{i}") for i in range(300)])
    odd = many.where("place", "place", "odd", lambda p: int(p[1:]) % 2)  # >256 distinct
    assert odd == bytes(i % 2 for i in range(300))
    assert both(None, odd) is odd
    assert both(odd, bytes(300)) == bytes(300)
    ranks = many.ranks("place", "place", lambda p: int(p[1:]) // 3)  # ties of three
    for reverse in (False, True):
        order = many.order("place", ranks, reverse)
        assert many.kept(order, None, ranks, reverse) is order
        read = many.kept(order, odd, ranks, reverse)  # half the rows: read in order
        assert read == [i for i in order if i % 2]
        few = bytes(i % 7 == 0 for i in range(300))  # a seventh: sorted like the order
        assert many.kept(order, few, ranks, reverse) == [i for i in order if i % 7 == 0]
    assert many.kept(list(range(300)), few, None, False) == list(range(0, 300, 7))
    assert new_rows([5, 3, 9], [9, 9, 7, 5]) == [2, 2, -1, 0]
    assert new_rows(list(range(100)), list(range(20))) == list(range(20))
    falanga = index.containing("methods", "falanga")
    assert falanga == bytes("falanga" in s.methods for s in rows)
    assert index.containing("methods", "falanga") is falanga  # kept
    assert index.containing("methods", "no-such-method") == bytes(len(rows))
    assert index.same_rows(list(rows))
    assert not index.same_rows(rows[::-1])


@pytest.mark.parametrize("column", list(KEYS))
def test_a_derived_direction_equals_a_sorted_one(summaries: Summaries, column: int) -> None:
    rows = _rows(summaries, 300)
    derived, fresh = TestimonyTableModel(), TestimonyTableModel()
    derived.set_summaries(rows)
    fresh.set_summaries(rows)
    derived.sort(column, ASC)
    derived.sort(column, DESC)  # from the ascending order's runs
    fresh.sort(column, DESC)  # sorted
    assert _shown(derived) == _shown(fresh) == _plain(rows, column, DESC)
