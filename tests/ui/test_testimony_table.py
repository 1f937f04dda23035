"""The testimony list model: Qt's model contract, names hidden, sorting and filters, 20,000 rows."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from testimony_app.domain.model import SearchHit, Status
from testimony_app.ui.testimony_table import (
    COL_DATE,
    COL_LANGUAGE,
    COL_MATCH,
    COL_METHODS,
    COL_PLACE,
    COL_STATUS,
    COL_WITNESS,
    RECORD_ID_ROLE,
    TestimonyFilterProxy,
    TestimonyTableModel,
)
from testkit.qt import Summaries

if TYPE_CHECKING:  # a Test* class imported at run time would be collected as a test
    from testimony_app.domain.model import TestimonySummary


def _model(
    rows: list[TestimonySummary],
) -> tuple[TestimonyTableModel, TestimonyFilterProxy]:
    model = TestimonyTableModel()
    model.set_summaries(rows)
    proxy = TestimonyFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


@pytest.mark.slow
def test_model_and_proxy_pass_qt_model_tester(
    qtmodeltester: Any, summaries: Summaries  # pytest-qt leaves ModelTester.check unannotated
) -> None:
    model, proxy = _model(summaries(50))
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    model.sort(COL_PLACE, Qt.SortOrder.DescendingOrder)
    proxy.set_filters(status="draft")
    qtmodeltester.check(proxy)
    model.clear()
    qtmodeltester.check(model)


def test_witness_names_hidden_until_revealed(
    summaries: Summaries,
) -> None:
    rows = summaries(3)
    model, _ = _model(rows)
    shown = [model.index(r, COL_WITNESS).data() for r in range(3)]
    assert all(row.witness_name not in shown for row in rows)
    assert shown[0] == "N. M." or shown[0].startswith("W-") or "." in shown[0]
    model.set_reveal_names(True)
    assert {model.index(r, COL_WITNESS).data() for r in range(3)} <= {r.witness_name for r in rows}
    model.clear()
    assert model.reveal_names is False


def test_sorting_keeps_selection_and_orders_dates(
    summaries: Summaries,
) -> None:
    model, proxy = _model(summaries(200))
    keep = QPersistentModelIndex(model.index(10, 0))
    kept_id = keep.data(RECORD_ID_ROLE)
    proxy.sort(COL_DATE, Qt.SortOrder.AscendingOrder)
    dates = [model.summary_at(r).interview_date for r in range(model.rowCount())]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates[-1] == "" or all(dates)  # undated last
    assert model.record_id(keep.row()) == kept_id


def test_columns_sort_by_what_they_show(summaries: Summaries) -> None:
    """Place ignores case and script case (Ə/ə), language sorts by its shown name, witness by
    the pseudonym or, while revealed, the name; equal keys keep the newest update first."""
    rows = summaries(300)
    places = ["Əlibəyli", "əlibəyli", "Bərdə", "bərdə", "Тертер", "тертер", "Ağdam"]
    languages = ["az", "ru", "en", "hy", "AZ", "fa", "free text"]
    rows = [
        r._replace(place=places[i % 7], language=languages[i % 7], witness_label=f"w-{i % 11}")
        for i, r in enumerate(rows)
    ]
    model, proxy = _model(rows)

    def column(col: int) -> list[Any]:
        return [model.index(r, col).data() for r in range(model.rowCount())]

    proxy.sort(COL_PLACE, Qt.SortOrder.AscendingOrder)
    shown = column(COL_PLACE)
    assert [p.casefold() for p in shown] == sorted(p.casefold() for p in shown)
    proxy.sort(COL_LANGUAGE, Qt.SortOrder.DescendingOrder)
    shown = column(COL_LANGUAGE)
    assert [x.casefold() for x in shown] == sorted((x.casefold() for x in shown), reverse=True)
    assert "Azerbaijani" in shown  # "AZ" and "az" are both named
    proxy.sort(COL_WITNESS, Qt.SortOrder.AscendingOrder)
    order = [model.summary_at(r) for r in range(model.rowCount())]
    keys = [(s.witness_label.casefold(), s.updated_at) for s in order]
    for (a, a_upd), (b, b_upd) in itertools.pairwise(keys):
        assert a < b or (a == b and a_upd >= b_upd)
    model.set_reveal_names(True)
    shown = column(COL_WITNESS)
    assert [w.casefold() for w in shown] == sorted(w.casefold() for w in shown)


def test_filters_by_status_method_and_partial_dates(
    summaries: Summaries,
) -> None:
    model, proxy = _model(summaries(500))
    proxy.set_filters(status=Status.SEALED.value)
    assert proxy.rowCount() > 0
    for r in range(proxy.rowCount()):
        assert proxy.index(r, COL_STATUS).data() == "Sealed"
    proxy.set_filters(method="falanga")
    for r in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(r, 0)).row()
        assert "falanga" in model.summary_at(source).methods
    proxy.set_filters(date_from="2020-03-01", date_to="2020-03-31")
    got = [
        model.summary_at(proxy.mapToSource(proxy.index(r, 0)).row()).interview_date
        for r in range(proxy.rowCount())
    ]
    assert got
    assert all(d.startswith("2020-03") for d in got)  # "2020-03" (month only) is kept too
    proxy.clear_filters()
    assert proxy.rowCount() == 500


def test_search_hits_show_snippets(summaries: Summaries) -> None:
    rows = summaries(5)
    model, _ = _model(rows)
    model.set_search_hits([SearchHit(rows[2].id, 3.0, "… Tərtər hərbi polis …", rows[2])])
    assert model.rowCount() == 1
    assert model.searching
    assert model.index(0, COL_MATCH).data() == "… Tərtər hərbi polis …"
    assert model.index(0, COL_METHODS).data() is not None
    model.set_summaries(rows)
    assert not model.searching
    model.set_search_hits([])  # a search that found nothing is still a search
    assert model.searching
    assert model.rowCount() == 0


@pytest.mark.slow
def test_twenty_thousand_rows_filter_and_sort_quickly(
    summaries: Summaries, record_property: Callable[[str, object], None]
) -> None:
    """Measure, do not assert times: CI machines vary. The numbers land in the report."""
    rows = summaries(20_000)
    model, proxy = _model(rows)
    timings = {}
    start = time.perf_counter()
    model.set_summaries(rows)
    timings["reset"] = time.perf_counter() - start
    for name, kwargs in {
        "filter_status": {"status": "draft"},
        "filter_method": {"method": "falanga"},
        "filter_dates": {"date_from": "2019-01-01", "date_to": "2020-12-31"},
        "filter_all": {"status": "sealed", "method": "beating", "date_from": "2018-01-01"},
        "filter_none": {},
    }.items():
        start = time.perf_counter()
        proxy.set_filters(**kwargs)
        proxy.rowCount()
        timings[name] = time.perf_counter() - start
    for column in (COL_DATE, COL_PLACE, COL_WITNESS):
        start = time.perf_counter()
        proxy.sort(column, Qt.SortOrder.DescendingOrder)
        timings[f"sort_col{column}"] = time.perf_counter() - start
    start = time.perf_counter()
    for r in range(40):  # one screenful of cells
        for c in range(7):
            proxy.index(r, c).data()
    timings["paint_screen"] = time.perf_counter() - start
    for key, value in timings.items():
        record_property(key, f"{value * 1000:.1f} ms")
    print({k: f"{v * 1000:.1f} ms" for k, v in timings.items()})
    assert proxy.rowCount() == 20_000
    assert model.rowCount(QModelIndex()) == 20_000


def test_snippets_hide_the_witness_name_until_revealed(
    summaries: Summaries,
) -> None:
    rows = summaries(1)  # witness_name "Nemət Məhərrəmov" (seeded), label "N. M."
    model, _ = _model(rows)
    name = rows[0].witness_name
    model.set_search_hits([SearchHit(rows[0].id, 1.0, f"… dedi ki, «{name}» gecə …", rows[0])])
    shown = model.index(0, COL_MATCH).data()
    assert name.split()[0] not in shown
    assert name.split()[-1] not in shown
    model.set_reveal_names(True)
    assert name in model.index(0, COL_MATCH).data()


def test_mask_name_keeps_other_words() -> None:
    from testimony_app.ui.testimony_table import mask_name

    assert mask_name("Orxan «Səfərli» — şahid", "Orxan Vüqar oğlu Səfərli") == "O. «S.» — şahid"
    assert mask_name("Tərtər hərbi polis", "Orxan Səfərli") == "Tərtər hərbi polis"
    assert mask_name("", "A B") == ""
