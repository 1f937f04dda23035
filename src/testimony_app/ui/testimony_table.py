"""The list of testimonies as a Qt table model, and the proxy that filters it.

Why filtering and sorting happen in the source model and not in ``QSortFilterProxyModel``:
the proxy's own sort calls ``data()`` for both sides of every comparison, and a Python
``filterAcceptsRow`` is called once per row; each call crosses from C++ into Python. Measured on
20,000 rows, a Python ``filterAcceptsRow`` costs 20–110 ms per change (the call overhead alone
is about 2.5 µs a row) and a proxy sort through ``data()`` far more. The model instead filters
and sorts its Python list directly (about 1–10 ms), and the view talks to a plain C++ proxy
whose only Python override forwards the header's sort request to the model. The proxy stays so
the view has one model whose API (``set_filters``, ``sort``) does not change if a text filter
in C++ is ever added.

At 100,000 rows even a Python sort per click is too slow (270-360 ms): the model shows
*positions* into its list, and :class:`~testimony_app.ui.list_order.ListIndex` keeps each
column's keys, each order asked for and the filters' masks, all made in C loops (issue 19).

Witnesses are shown by pseudonym or initials. Full names appear only while "Reveal names" is on,
and the window turns it off again whenever it locks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from testimony_app.domain.model import SearchHit, Status, TestimonySummary
from testimony_app.ui import piecemeal
from testimony_app.ui.i18n import format_date
from testimony_app.ui.list_order import ListIndex, both, new_rows

Index = QModelIndex | QPersistentModelIndex
MethodLabel = Callable[[str], str]

COL_STATUS, COL_DATE, COL_PLACE, COL_LANGUAGE, COL_WITNESS, COL_METHODS, COL_MATCH = range(7)
COLUMN_COUNT = 7

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_STATUS_ORDER = {
    Status.DRAFT: 0,
    Status.SEALED: 1,
    Status.AMENDED: 2,
    Status.EXPORTED: 3,
    Status.ACKNOWLEDGED: 4,
    Status.HANDED_OVER: 5,
}


def status_label(status: Status | str) -> str:
    """The status in the interface language."""
    labels = {
        Status.DRAFT: QCoreApplication.translate("TestimonyTableModel", "Draft"),
        Status.SEALED: QCoreApplication.translate("TestimonyTableModel", "Sealed"),
        Status.AMENDED: QCoreApplication.translate("TestimonyTableModel", "Amended"),
        Status.EXPORTED: QCoreApplication.translate("TestimonyTableModel", "Exported"),
        Status.ACKNOWLEDGED: QCoreApplication.translate("TestimonyTableModel", "Acknowledged"),
        Status.HANDED_OVER: QCoreApplication.translate("TestimonyTableModel", "Handed over"),
    }
    try:
        return labels[Status(status)]
    except ValueError:
        return str(status)


def language_label(code: str) -> str:
    """A language code of the interview shown as a name; free text is shown as written."""
    names = {
        "az": QCoreApplication.translate("TestimonyTableModel", "Azerbaijani"),
        "ru": QCoreApplication.translate("TestimonyTableModel", "Russian"),
        "en": QCoreApplication.translate("TestimonyTableModel", "English"),
        "hy": QCoreApplication.translate("TestimonyTableModel", "Armenian"),
        "fa": QCoreApplication.translate("TestimonyTableModel", "Persian"),
        "tr": QCoreApplication.translate("TestimonyTableModel", "Turkish"),
        "ka": QCoreApplication.translate("TestimonyTableModel", "Georgian"),
    }
    return names.get(code.strip().lower(), code)


@functools.lru_cache(maxsize=16384)
def _date_bounds(iso: str) -> tuple[str, str]:
    """The earliest and latest day an ISO date (full or partial) can mean, as sortable text.

    Cached: a date filter asks this of every row, and 100,000 testimonies share a few thousand
    dates (docs/performance.md, ``org_list_filter_sort_ms``).
    """
    parts = iso.split("-")
    if len(parts) == 1:
        return f"{iso}-01-01", f"{iso}-12-99"
    if len(parts) == 2:
        return f"{iso}-01", f"{iso}-99"
    return iso, iso


def mask_name(text: str, name: str) -> str:
    """``text`` with each word of ``name`` cut to its initial ("Səfərli" → "S.").

    Search snippets are cut from the whole record, so they can quote the witness's name while
    the Witness column shows only initials; "Reveal names" shows them whole.
    """
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if len(w) > 1]
    if not words or not text:
        return text
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        + r")(?!\w)",
        re.IGNORECASE,
    )
    return pattern.sub(lambda m: m.group(0)[0].upper() + ".", text)


class TestimonyTableModel(QAbstractTableModel):
    """Rows of :class:`TestimonySummary`, read-only, sortable in place."""

    __test__ = False  # not a pytest test class, whatever its name says

    def __init__(self, parent: QObject | None = None, method_label: MethodLabel | None = None):
        super().__init__(parent)
        self._all: list[TestimonySummary] = []
        self._index = ListIndex(self._all)
        self._shown: list[int] = []  # positions in _all, in the order shown
        self._filters: tuple[str | None, str | None, str | None, str | None] = (None,) * 4
        self._snippets: dict[str, str] = {}
        self._scores: dict[str, float] = {}
        self._reveal = False
        self._searching = False
        self._method_label: MethodLabel = method_label or (lambda code: code)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- content ----------------------------------------------------------------------------

    def set_summaries(self, rows: Iterable[TestimonySummary]) -> None:
        """Show these testimonies (the whole list, not a search)."""
        self._searching = False
        self._reset(list(rows), {}, {})

    def set_search_hits(self, hits: Sequence[SearchHit]) -> None:
        """Show search results, best first unless a column sort is chosen, with snippets."""
        rows: list[TestimonySummary] = []
        seen: set[str] = set()
        for hit in hits:
            if hit.summary.id in seen:
                continue
            seen.add(hit.summary.id)
            rows.append(hit.summary)
        self._searching = True
        self._reset(
            rows,
            {h.testimony_id: h.snippet for h in hits},
            {h.testimony_id: h.score for h in hits},
        )

    def clear(self) -> None:
        """Forget every row and filter (the vault is locking)."""
        self._filters = (None,) * 4
        self._searching = False
        self._reset([], {}, {})
        self.set_reveal_names(False)

    def set_filters(
        self,
        *,
        status: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        method: str | None = None,
    ) -> None:
        """Keep only rows with this status, method and interview date range (``None``: any).

        A partial date ("2020-03") is kept when any day it can mean falls in the range.
        """
        new = (status or None, date_from or None, date_to or None, method or None)
        if new == self._filters:
            return
        self._filters = new
        self._reset(self._all, self._snippets, self._scores)

    @property
    def filtering(self) -> bool:
        """True while any filter is set."""
        return any(self._filters)

    @property
    def total(self) -> int:
        """Rows before filtering."""
        return len(self._all)

    def set_method_labeller(self, method_label: MethodLabel) -> None:
        """Label method codes in the interface language (after a language change)."""
        self._method_label = method_label
        self._refresh_all()

    def retranslate(self) -> None:
        """Refresh headers and localised cells after a language change."""
        self._index.forget(self._key_name(COL_LANGUAGE))  # language names sort anew
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        self._refresh_all()

    @property
    def searching(self) -> bool:
        """True while the rows are search results (possibly none)."""
        return self._searching

    @property
    def reveal_names(self) -> bool:
        """True while full witness names are shown."""
        return self._reveal

    def set_reveal_names(self, reveal: bool) -> None:
        """Show full names (``True``) or pseudonyms and initials (``False``)."""
        if reveal == self._reveal:
            return
        self._reveal = reveal
        if self._shown:
            self.dataChanged.emit(
                self.index(0, COL_WITNESS),
                self.index(len(self._shown) - 1, COL_WITNESS),
                [Qt.ItemDataRole.DisplayRole],
            )
            if self._sort_column == COL_WITNESS:
                self._resort(self._sort_column, self._sort_order)

    def summary_at(self, row: int) -> TestimonySummary:
        """The summary shown in ``row`` (fast path for the proxy; no bounds check)."""
        return self._all[self._shown[row]]

    def record_id(self, row: int) -> str:
        """The record id of ``row``."""
        return self.summary_at(row).id

    def row_of(self, record_id: str) -> int:
        """The row showing ``record_id``, or -1."""
        position = self._index.position(record_id)
        return -1 if position < 0 else new_rows(self._shown, [position])[0]

    def witness_text(self, summary: TestimonySummary) -> str:
        """The witness as shown: pseudonym or initials, or the full name while revealed."""
        if self._reveal and summary.witness_name:
            return summary.witness_name
        return summary.witness_label or "—"

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's signature
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row >= len(self._shown) or column >= COLUMN_COUNT:
            return None
        summary = self._all[self._shown[row]]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (COL_PLACE, COL_METHODS, COL_MATCH):
                return self._display(summary, column) or None  # long cells are cut short
            if summary.fictional and column == COL_STATUS:
                return QCoreApplication.translate(
                    "TestimonyTableModel", "Fictional testimony (demo data)"
                )
            return None
        if role == RECORD_ID_ROLE:
            return summary.id
        if role == SUMMARY_ROLE:
            return summary
        if role == SORT_ROLE:
            return self._ranks(column)[self._shown[row]]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            COL_STATUS: QCoreApplication.translate("TestimonyTableModel", "Status"),
            COL_DATE: QCoreApplication.translate("TestimonyTableModel", "Interview date"),
            COL_PLACE: QCoreApplication.translate("TestimonyTableModel", "Place"),
            COL_LANGUAGE: QCoreApplication.translate("TestimonyTableModel", "Language"),
            COL_WITNESS: QCoreApplication.translate("TestimonyTableModel", "Witness"),
            COL_METHODS: QCoreApplication.translate("TestimonyTableModel", "Methods"),
            COL_MATCH: QCoreApplication.translate("TestimonyTableModel", "Found in"),
        }
        return headers.get(section)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in place; persistent indexes (selection) follow their rows.

        The rows always stand in the chosen order (a reset sorts them too), so the same
        column and order again is nothing to do: ``QTableView.sortByColumn`` asks twice.
        """
        if (column, order) == (self._sort_column, self._sort_order):
            return
        self._resort(column, order)

    def _resort(self, column: int, order: Qt.SortOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if not 0 <= column < COLUMN_COUNT or len(self._shown) < 2:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_positions = [self._shown[i.row()] for i in old_persistent]
        self._shown = self._kept()
        if old_persistent:
            rows = new_rows(self._shown, old_positions)
            new_persistent = [
                self.index(row, idx.column()) for idx, row in zip(old_persistent, rows, strict=True)
            ]
            self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    # -- private ----------------------------------------------------------------------------

    def _reset(
        self,
        rows: list[TestimonySummary],
        snippets: dict[str, str],
        scores: dict[str, float],
        prepared: ListIndex | None = None,
    ) -> None:
        self.beginResetModel()
        if prepared is not None and prepared.rows is rows:
            self._index = prepared  # made on the worker thread for these very rows
        elif rows is not self._all and not (
            self._index.same_rows(rows) and scores == self._scores
        ):
            self._index = ListIndex(rows)  # a new list: new keys, orders and masks
        if rows is not self._all:
            # 100,000 old summaries are freed a piece per turn of the event loop, not here
            # (61-64 ms of this thread at the organisation: ui/piecemeal.py).
            piecemeal.release(self._all)
        self._all = rows
        self._snippets = snippets
        self._scores = scores
        self._shown = self._kept()
        self.endResetModel()

    def _kept(self) -> list[int]:
        """The positions shown: every row the filters keep, in the chosen sort order (the
        list's own order if none)."""
        column, mask = self._sort_column, self._mask()
        if not 0 <= column < COLUMN_COUNT:
            return self._index.kept(list(range(len(self._all))), mask, None, False)
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        # Stable: equal keys keep the newest-updated first.
        ranks = self._ranks(column)
        order = self._index.order(self._key_name(column), ranks, reverse)
        return self._index.kept(order, mask, ranks, reverse)

    def _mask(self) -> bytes | None:
        """The rows the filters keep (``None``: no filter, every row)."""
        status, date_from, date_to, method = self._filters
        index, mask = self._index, None
        if status:
            mask = index.where("status", "status", status, lambda v: v == status)
        if method:
            mask = both(mask, index.containing("methods", method))
        if date_from or date_to:
            low_limit = date_from or ""
            high_limit = date_to or "9999"
            mask = both(
                mask,
                index.where(
                    "interview_date",
                    "interview_date",
                    (low_limit, high_limit),
                    lambda d: (
                        bool(d)
                        and _date_bounds(d)[1] >= low_limit
                        and _date_bounds(d)[0] <= high_limit
                    ),
                ),
            )
        return mask

    def _refresh_all(self) -> None:
        if self._shown:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._shown) - 1, COLUMN_COUNT - 1),
                [Qt.ItemDataRole.DisplayRole],
            )

    def _display(self, summary: TestimonySummary, column: int) -> str:
        if column == COL_STATUS:
            return status_label(summary.status)
        if column == COL_DATE:
            return format_date(summary.interview_date) if summary.interview_date else ""
        if column == COL_PLACE:
            return summary.place
        if column == COL_LANGUAGE:
            return language_label(summary.language)
        if column == COL_WITNESS:
            return self.witness_text(summary)
        if column == COL_METHODS:
            return ", ".join(self._method_label(m) for m in summary.methods)
        if column == COL_MATCH:
            snippet = self._snippets.get(summary.id, "")
            return snippet if self._reveal else mask_name(snippet, summary.witness_name)
        return ""

    def _key_name(self, column: int) -> tuple[int, bool]:
        """What a column's keys are kept under (the witness's depend on "Reveal names")."""
        return key_name(column, self._reveal)

    def _ranks(self, column: int) -> list[int]:
        """Every row's rank in ``column``'s ascending order (kept by the list's index)."""
        return column_ranks(self._index, column, self._reveal, self._scores)

    def prepare(self) -> Callable[[list[TestimonySummary]], Prepared]:
        """A function that, on the worker thread, makes what showing a new whole list needs:
        its index with the order shown now, and each record's position (to keep the
        selection). Showing 100,000 summaries then costs the GUI thread a model reset
        instead of 100-300 ms of sorting (issue 19)."""
        column, reverse = self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder
        reveal = self._reveal

        def prepare(rows: list[TestimonySummary]) -> Prepared:
            index = ListIndex(rows)
            # Not by language: its names are in the interface language, which may change
            # before the list arrives (the model then makes that order itself).
            if 0 <= column < COLUMN_COUNT and column not in (COL_MATCH, COL_LANGUAGE):
                ranks = column_ranks(index, column, reveal, {})
                index.order(key_name(column, reveal), ranks, reverse)
            index.position("")
            return Prepared(rows, index)

        return prepare

    def set_prepared(self, prepared: Prepared) -> None:
        """Show a whole list made ready by :meth:`prepare` (not a search)."""
        self._searching = False
        self._reset(prepared.rows, {}, {}, prepared.index)


@dataclass(frozen=True)
class Prepared:
    """A whole list and its index, made on the worker thread (``TestimonyTableModel.prepare``)."""

    rows: list[TestimonySummary]
    index: ListIndex | None  # None: made when shown (a short list)


def key_name(column: int, reveal: bool) -> tuple[int, bool]:
    """What a column's keys are kept under (the witness's depend on "Reveal names")."""
    return column, column == COL_WITNESS and reveal


def column_ranks(
    index: ListIndex, column: int, reveal: bool, scores: dict[str, float]
) -> list[int]:
    """Every row's rank in ``column``'s ascending order, kept by ``index``.

    Keys that need a translation or a casefold are made once per distinct value. No widget
    is touched: the worker thread makes the first order of a new list with it.
    """
    name = key_name(column, reveal)
    if column == COL_STATUS:
        return index.ranks(name, "status", lambda s: _STATUS_ORDER.get(s, 99))
    if column == COL_DATE:
        # Undated testimonies sort after dated ones in ascending order.
        return index.ranks(name, "interview_date", lambda d: f"0{d}" if d else "1")
    if column == COL_PLACE:
        return index.ranks(name, "place", str.casefold)
    if column == COL_LANGUAGE:
        return index.ranks(name, "language", lambda c: language_label(c).casefold())
    if column == COL_WITNESS:  # as witness_text() shows it
        if reveal:
            return index.ranks(
                name,
                attrgetter("witness_name", "witness_label"),
                lambda pair: (pair[0] or pair[1] or "—").casefold(),
            )
        return index.ranks(name, "witness_label", lambda label: (label or "—").casefold())
    if column == COL_METHODS:
        return index.ranks(name, "methods", len)
    if column == COL_MATCH:
        return index.ranks(name, "id", lambda i: -scores.get(i, 0.0))
    return index.ranks(name, lambda s: 0, lambda v: v)


class TestimonyFilterProxy(QSortFilterProxyModel):
    """What the view shows: forwards sorting and filtering to :class:`TestimonyTableModel`.

    No Python ``filterAcceptsRow`` or ``lessThan`` on purpose (see the module docstring): the
    proxy's per-row work stays in C++.
    """

    __test__ = False  # not a pytest test class, whatever its name says

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)

    def table(self) -> TestimonyTableModel:
        """The source model."""
        model = self.sourceModel()
        assert isinstance(model, TestimonyTableModel)
        return model

    def set_filters(
        self,
        *,
        status: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        method: str | None = None,
    ) -> None:
        """Filter by status, interview date range and method (``None`` means any)."""
        self.table().set_filters(status=status, date_from=date_from, date_to=date_to, method=method)

    def clear_filters(self) -> None:
        """Remove every filter."""
        self.table().set_filters()

    @property
    def filtering(self) -> bool:
        """True while any filter is set."""
        return self.table().filtering

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Forward to the source model, which sorts its Python list with precomputed keys."""
        source = self.sourceModel()
        if isinstance(source, TestimonyTableModel):
            source.sort(column, order)
