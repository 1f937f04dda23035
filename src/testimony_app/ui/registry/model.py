"""The registry window's data: entry rows, the listing read on the worker, the entry table model.

Nothing here touches the vault on the GUI thread: :func:`load_listing` runs on the task runner
and returns plain rows, with their search keys computed there, so that a keystroke in the search
box is one pass over precomputed strings (:class:`EntryTableModel`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from testimony_app.domain.transliteration import skeleton

if TYPE_CHECKING:
    from testimony_app.domain.matching import Entry, Merge
    from testimony_app.services.vault import VaultSession

SessionProvider = Callable[[], "VaultSession | None"]

# Item data role holding what a row stands for.
ROW_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    """A registry kind (person, place, unit) in the interface language."""
    texts = {
        "person": QCoreApplication.translate("RegistryView", "Person"),
        "place": QCoreApplication.translate("RegistryView", "Place"),
        "unit": QCoreApplication.translate("RegistryView", "Unit"),
    }
    return texts.get(kind, kind)


def entry_heading(entry: Entry) -> str:
    """``Person: Name (rank, unit)``."""
    rank_unit = ", ".join(p for p in (entry.rank, entry.unit) if p)
    title = f"{entry.display_name} ({rank_unit})" if rank_unit else entry.display_name
    return f"{kind_label(entry.kind)}: {title}"


@dataclass(frozen=True)
class EntryRow:
    """One registry entry in the list, with how many testimonies confirm a link to it.

    ``search_key`` is what the search box matches (see :func:`entry_search_key`); it is
    computed on the task thread, so that listing many thousands of entries stays quick.
    """

    entry: Entry
    testimonies: int
    search_key: str = ""


def entry_search_key(entry: Entry) -> str:
    """Name, rank and unit folded to one script (``Гасанов`` finds ``Həsənov``)."""
    return skeleton(" ".join((entry.display_name, entry.rank, entry.unit)))


@dataclass(frozen=True)
class Listing:
    """What the left list shows, and the merges that can be undone."""

    rows: tuple[EntryRow, ...]
    merges: tuple[Merge, ...]


@dataclass(frozen=True)
class SuggestionRow:
    """A row of the suggestions tree: a mention, an existing link or a suggested entry."""

    mention_path: str
    entry_id: str | None = None
    link_id: int | None = None
    status: str = ""


def load_listing(session: VaultSession) -> Listing:
    """Every live entry with its number of linked testimonies (task thread; no Qt here)."""
    counts = session.registry.testimony_counts()
    rows = [
        # An entry created between the two reads has no count yet: it has no links either.
        EntryRow(entry, counts.get(entry.id, 0), entry_search_key(entry))
        for entry in session.registry.list_entries()
    ]
    rows.sort(key=lambda r: (r.entry.kind, r.entry.display_name.casefold()))
    return Listing(tuple(rows), tuple(session.registry.merges()))


def table_item(text: str, data: Any = None, *, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(ROW_ROLE, data)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def make_table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


COL_KIND, COL_NAME, COL_RANK_UNIT, COL_TESTIMONIES = range(4)
ENTRY_COLUMNS = 4


class EntryTableModel(QAbstractTableModel):
    """The registry entries, read-only, filtered and sorted in Python lists.

    An organisation's vault can hold many thousands of entries. Filtering here rather than
    per row (widget items with ``setRowHidden``) or in a Python ``filterAcceptsRow`` keeps a
    keystroke in the search box to one pass over precomputed search keys (see
    ``testimony_table`` for the measurements behind this choice); the view asks ``data()``
    only for the rows on screen.
    """

    def __init__(self, kind_label: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind_label = kind_label
        self._all: tuple[EntryRow, ...] = ()
        self._keys: list[str] = []  # skeleton of name, rank and unit, per row of _all
        self._order: list[int] = []  # rows of _all in the sorted order
        self._rows: list[int] = []  # what is shown: _order, filtered
        self._needle = ""
        self._kind = ""
        self._headers = ["", "", "", ""]
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- content ----------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[EntryRow]) -> None:
        """Show these entries (in the order given until a column is sorted), filtered."""
        self.beginResetModel()
        self._all = tuple(rows)
        self._keys = [r.search_key or entry_search_key(r.entry) for r in self._all]
        self._order = self._sorted()
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, text: str, kind: str = "") -> None:
        """Keep entries of ``kind`` (any when empty) whose name, rank or unit contains
        ``text``, in any of the three scripts."""
        needle = skeleton(text)
        if (needle, kind) == (self._needle, self._kind):
            return
        self.beginResetModel()
        self._needle, self._kind = needle, kind
        self._rows = self._filtered()
        self.endResetModel()

    def set_headers(self, labels: Sequence[str]) -> None:
        """The column titles, in the interface language."""
        self._headers = list(labels)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, ENTRY_COLUMNS - 1)

    def retranslate(self) -> None:
        """Kinds are shown in the interface language: refresh them."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_KIND),
                self.index(len(self._rows) - 1, COL_KIND),
                [Qt.ItemDataRole.DisplayRole],
            )

    @property
    def total(self) -> int:
        """Entries before filtering."""
        return len(self._all)

    def entry_row(self, row: int) -> EntryRow:
        """What the shown ``row`` stands for."""
        return self._all[self._rows[row]]

    def shown(self) -> list[EntryRow]:
        """Every shown entry, in the order shown."""
        return [self._all[i] for i in self._rows]

    def row_of(self, entry_id: str) -> int:
        """The shown row of ``entry_id``, or -1 (not listed, or filtered out)."""
        for row, i in enumerate(self._rows):
            if self._all[i].entry.id == entry_id:
                return row
        return -1

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 -- Qt's signature
        return 0 if parent.isValid() else ENTRY_COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._all[self._rows[index.row()]]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            entry = row.entry
            if column == COL_KIND:
                return self._kind_label(entry.kind)
            if column == COL_NAME:
                return entry.display_name
            if column == COL_RANK_UNIT:
                return ", ".join(p for p in (entry.rank, entry.unit) if p)
            if column == COL_TESTIMONIES and role == Qt.ItemDataRole.DisplayRole:
                return str(row.testimonies)
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TESTIMONIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers[section] if 0 <= section < ENTRY_COLUMNS else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in place; the selection follows its rows."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [self._rows[i.row()] if i.row() < len(self._rows) else -1 for i in old]
        self._order = self._sorted()
        self._rows = self._filtered()
        if old:
            position = {i: row for row, i in enumerate(self._rows)}
            self.changePersistentIndexList(
                old,
                [
                    self.index(position[i], idx.column()) if i in position else QModelIndex()
                    for idx, i in zip(old, kept, strict=True)
                ],
            )
        self.layoutChanged.emit()

    # -- private ----------------------------------------------------------------------------

    def _sorted(self) -> list[int]:
        rows = self._all
        keys: dict[int, Callable[[int], Any]] = {
            COL_NAME: lambda i: rows[i].entry.display_name.casefold(),
            COL_RANK_UNIT: lambda i: (rows[i].entry.rank.casefold(), rows[i].entry.unit.casefold()),
            COL_TESTIMONIES: lambda i: rows[i].testimonies,
        }
        # Kind (or no sort): the listing's order, kind then name. Stable either way round, so
        # entries that tie keep that order.
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(rows)), key=keys.get(self._sort_column, int), reverse=descending)

    def _filtered(self) -> list[int]:
        needle, kind, rows, keys = self._needle, self._kind, self._all, self._keys
        if not needle and not kind:
            return list(self._order)
        return [
            i
            for i in self._order
            if (not kind or rows[i].entry.kind == kind) and (not needle or needle in keys[i])
        ]
