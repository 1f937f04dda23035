"""Registry and corroboration: people, places and units across testimonies, and who names them.

What the window promises:

* **The program only suggests.** Suggested links for the open testimony are listed with their
  scores and reasons; nothing becomes a link until the user presses **Confirm** (or **Link to
  new entry**), and **Reject** keeps a wrong entry from being suggested again. **Merge** asks
  first (through :class:`~testimony_app.ui.prompts.Prompts`) and can always be undone.
* **Nothing slow on the GUI thread.** Every service call goes through the window's
  :class:`~testimony_app.ui.tasks.TaskRunner`; results that arrive for an entry no longer
  selected are dropped.
* **Witnesses by pseudonym or initials only.** The corroboration lists each testimony by the
  witness's display name (never the full name), the first characters of the record id, dates,
  places and methods.
* **Reasons in the user's language.** The matcher gives reasons as codes
  (:class:`~testimony_app.domain.matching.Reason`); this window words them with ``tr()``.
* **A period is checked before it filters.** ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (testimonies
  have partial dates); anything else, or a start after the end, is said in a sentence under
  the fields and nothing runs.
* **Thousands of entries.** The list is a model filtered in Python lists
  (:class:`EntryTableModel`), not a widget per cell.
* **Wiped on close.** Closing (or the lock, which rejects every dialog) empties every table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.matching import NOT_NAMED, date_filter_problems
from testimony_app.domain.transliteration import skeleton
from testimony_app.log import get_logger
from testimony_app.ui.prompts import Prompts, prompts_for
from testimony_app.ui.tasks import TaskRunner, show_error
from testimony_app.ui.vocab_picker import term_label

if TYPE_CHECKING:
    from testimony_app.domain.matching import (
        Corroboration,
        Entry,
        MentionSuggestions,
        Merge,
        Reason,
    )
    from testimony_app.services.vault import VaultSession

_log = get_logger("ui.registry")

SessionProvider = Callable[[], "VaultSession | None"]

# Item data role holding what a row stands for.
ROW_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


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


def _item(text: str, data: Any = None, *, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(ROW_ROLE, data)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(parent: QWidget, name: str, columns: int) -> QTableWidget:
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


class RegistryView(QDialog):
    """The registry of people, places and units, with corroboration and link suggestions.

    Signals:
        changed(): links or entries were changed by the user (confirm, reject, merge, undo).
    """

    changed = Signal()
    """Links or entries were changed by the user."""

    def __init__(
        self,
        session_provider: SessionProvider,
        runner: TaskRunner,
        record_id: str | None = None,
        *,
        ui_language: str = "en",
        prompts: Prompts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registryView")
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        if prompts is not None:
            self.prompts = prompts
        self._session_provider = session_provider
        self._runner = runner
        self._record_id = record_id
        self._lang = ui_language
        self._pending = 0
        self._closed = False
        self._listing = Listing((), ())
        self._names: dict[str, str] = {}
        self._corroboration: Corroboration | None = None
        self._suggestions: list[MentionSuggestions] = []

        # -- left: the entries -----------------------------------------------------------
        left = QWidget(self)
        self.search_edit = QLineEdit(left)
        self.search_edit.setObjectName("registrySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox(left)
        self.kind_combo.setObjectName("registryKind")
        for kind in ("", "person", "place", "unit"):
            self.kind_combo.addItem("", kind)
        self.entry_model = EntryTableModel(self._kind_label, self)
        self.entries = QTableView(left)
        self.entries.setObjectName("registryEntries")
        self.entries.setModel(self.entry_model)
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.entries.setAlternatingRowColors(True)
        self.entries.setWordWrap(False)
        self.entries.verticalHeader().setVisible(False)
        # Fixed row heights: nothing is measured per row, whatever the number of entries.
        rows = self.entries.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.entries.fontMetrics().height() + 12)
        header = self.entries.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(100)  # sizing columns reads at most 100 rows
        header.setSortIndicator(COL_KIND, Qt.SortOrder.AscendingOrder)
        self.entries.setSortingEnabled(True)
        self.merge_button = QPushButton(left)
        self.merge_button.setObjectName("registryMerge")
        self.undo_merge_button = QPushButton(left)
        self.undo_merge_button.setObjectName("registryUndoMerge")
        self.refresh_button = QPushButton(left)
        self.refresh_button.setObjectName("registryRefresh")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.kind_combo)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_button)
        merge_row.addWidget(self.undo_merge_button)
        merge_row.addStretch(1)
        merge_row.addWidget(self.refresh_button)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.entries, 1)
        left_layout.addLayout(merge_row)

        # -- right: corroboration ---------------------------------------------------------
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registryTabs")
        corroboration = QWidget(self.tabs)
        self.entry_title = QLabel(corroboration)
        self.entry_title.setObjectName("registryEntryTitle")
        font = self.entry_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.entry_title.setFont(font)
        self.summary_label = QLabel(corroboration)
        self.summary_label.setObjectName("registrySummary")
        self.summary_label.setWordWrap(True)
        self.from_label = QLabel(corroboration)
        self.date_from = QLineEdit(corroboration)
        self.date_from.setObjectName("registryDateFrom")
        self.to_label = QLabel(corroboration)
        self.date_to = QLineEdit(corroboration)
        self.date_to.setObjectName("registryDateTo")
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(120)
            edit.setClearButtonEnabled(True)
        self.place_label = QLabel(corroboration)
        self.place_filter = QLineEdit(corroboration)
        self.place_filter.setObjectName("registryPlace")
        self.place_filter.setClearButtonEnabled(True)
        self.apply_button = QPushButton(corroboration)
        self.apply_button.setObjectName("registryApplyFilters")
        filters = QHBoxLayout()
        for label, edit in (
            (self.from_label, self.date_from),
            (self.to_label, self.date_to),
            (self.place_label, self.place_filter),
        ):
            label.setBuddy(edit)
            filters.addWidget(label)
            filters.addWidget(edit, 1 if edit is self.place_filter else 0)
        filters.addWidget(self.apply_button)
        self.date_error = QLabel(corroboration)
        self.date_error.setObjectName("registryDateError")
        self.date_error.setWordWrap(True)
        self.date_error.setStyleSheet("color: #b3261e;")
        self.date_error.hide()
        self._date_problems: tuple[str, ...] = ()

        self.testimonies_label = QLabel(corroboration)
        self.testimonies = _table(corroboration, "registryTestimonies", 5)
        self.timeline_label = QLabel(corroboration)
        self.timeline = _table(corroboration, "registryTimeline", 5)
        self.matrix_label = QLabel(corroboration)
        self.matrix = QTableWidget(0, 0, corroboration)
        self.matrix.setObjectName("registryMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for table in (self.testimonies, self.timeline):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)

        parts = QSplitter(Qt.Orientation.Vertical, corroboration)
        parts.setChildrenCollapsible(False)
        for label, table in (
            (self.testimonies_label, self.testimonies),
            (self.timeline_label, self.timeline),
            (self.matrix_label, self.matrix),
        ):
            box = QWidget(parts)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 4, 0, 0)
            box_layout.addWidget(label)
            box_layout.addWidget(table, 1)
            parts.addWidget(box)
        corroboration_layout = QVBoxLayout(corroboration)
        corroboration_layout.addWidget(self.entry_title)
        corroboration_layout.addWidget(self.summary_label)
        corroboration_layout.addLayout(filters)
        corroboration_layout.addWidget(self.date_error)
        corroboration_layout.addWidget(parts, 1)

        # -- right: suggestions for the open testimony ------------------------------------
        suggestions = QWidget(self.tabs)
        self.record_label = QLabel(suggestions)
        self.record_label.setObjectName("registryRecordLabel")
        self.record_label.setWordWrap(True)
        self.suggestion_tree = QTreeWidget(suggestions)
        self.suggestion_tree.setObjectName("registrySuggestions")
        self.suggestion_tree.setColumnCount(3)
        self.suggestion_tree.setAlternatingRowColors(True)
        self.suggestion_tree.header().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.confirm_button = QPushButton(suggestions)
        self.confirm_button.setObjectName("registryConfirm")
        self.reject_button = QPushButton(suggestions)
        self.reject_button.setObjectName("registryReject")
        self.new_entry_button = QPushButton(suggestions)
        self.new_entry_button.setObjectName("registryNewEntry")
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.new_entry_button)
        buttons.addStretch(1)
        suggestions_layout = QVBoxLayout(suggestions)
        suggestions_layout.addWidget(self.record_label)
        suggestions_layout.addWidget(self.suggestion_tree, 1)
        suggestions_layout.addLayout(buttons)

        self.tabs.addTab(corroboration, "")
        self.tabs.addTab(suggestions, "")
        self.corroboration_tab = corroboration
        self.suggestions_tab = suggestions

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("registrySplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 780])
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("registryClose")
        bottom = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("registryStatus")
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1180, 720)

        # -- wiring ----------------------------------------------------------------------
        self.search_edit.textChanged.connect(self._filter_entries)
        self.kind_combo.currentIndexChanged.connect(self._filter_entries)
        self.entries.selectionModel().selectionChanged.connect(self._selection_changed)
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_merge_button.clicked.connect(self.undo_merge)
        self.refresh_button.clicked.connect(self.refresh)
        self.apply_button.clicked.connect(self.load_corroboration)
        for edit in (self.date_from, self.date_to, self.place_filter):
            edit.returnPressed.connect(self.load_corroboration)
        for edit in (self.date_from, self.date_to):
            edit.textChanged.connect(self._refresh_dates)
        self.suggestion_tree.currentItemChanged.connect(self._update_buttons)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.new_entry_button.clicked.connect(self.link_to_new_entry)
        self.close_button.clicked.connect(self.reject)

        self.retranslate()
        self.tabs.setTabEnabled(1, record_id is not None)
        self._update_buttons()
        self.refresh()

    # -- state ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a service call of this window is queued or running."""
        return self._pending > 0

    @property
    def record_id(self) -> str | None:
        """The testimony whose suggestions are shown."""
        return self._record_id

    @property
    def corroboration(self) -> Corroboration | None:
        """The corroboration on screen."""
        return self._corroboration

    def selected_entry_ids(self) -> list[str]:
        """The ids of the selected entries (among those shown), in list order."""
        rows = sorted({i.row() for i in self.entries.selectionModel().selectedIndexes()})
        model = self.entry_model
        return [model.entry_row(row).entry.id for row in rows if row < model.rowCount()]

    def current_entry_id(self) -> str | None:
        """The entry whose corroboration is shown: the current row, if selected."""
        ids = self.selected_entry_ids()
        if not ids:
            return None
        row = self.entries.currentIndex().row()
        current = self.entry_model.entry_row(row).entry.id if row >= 0 else None
        return current if current in ids else ids[0]

    def shown_entries(self) -> list[EntryRow]:
        """The entries the list shows (after the search and the kind), in list order."""
        return self.entry_model.shown()

    def select_entry(self, entry_id: str) -> bool:
        """Select the entry with ``entry_id`` alone; False if it is not shown."""
        row = self.entry_model.row_of(entry_id)
        if row < 0:
            return False
        index = self.entry_model.index(row, 0)
        self.entries.clearSelection()
        self.entries.setCurrentIndex(index)
        self.entries.selectRow(row)
        self.entries.scrollTo(index)
        return True

    def _select_entries(self, entry_ids: Sequence[str], current: str | None) -> None:
        """Select these entries again after the list was rebuilt, without signals."""
        model, selection_model = self.entry_model, self.entries.selectionModel()
        wanted = set(entry_ids)
        selection = QItemSelection()
        current_row = -1
        for row, found in enumerate(model.shown()):
            if found.entry.id in wanted:
                selection.select(model.index(row, 0), model.index(row, ENTRY_COLUMNS - 1))
            if found.entry.id == current:
                current_row = row
        flags = QItemSelectionModel.SelectionFlag
        selection_model.blockSignals(True)
        try:
            if current_row >= 0:
                selection_model.setCurrentIndex(model.index(current_row, 0), flags.NoUpdate)
            selection_model.select(selection, flags.ClearAndSelect)
        finally:
            selection_model.blockSignals(False)
        self.entries.viewport().update()

    def set_record(self, record_id: str | None) -> None:
        """Show the suggestions of another testimony (or none)."""
        self._record_id = record_id
        self.tabs.setTabEnabled(1, record_id is not None)
        self.load_suggestions()

    def show_suggestions(self) -> None:
        """Bring the Suggestions tab to the front."""
        if self._record_id is not None:
            self.tabs.setCurrentWidget(self.suggestions_tab)

    # -- tasks ------------------------------------------------------------------------------

    def _submit(
        self,
        fn: Callable[[VaultSession], Any],
        on_success: Callable[[Any], None],
    ) -> bool:
        session = self._session_provider()
        if session is None or self._closed:
            return False
        self._pending += 1
        self._update_buttons()

        def success(value: Any) -> None:
            self._pending -= 1
            if not self._closed:
                on_success(value)
                self._update_buttons()

        def failure(exc: BaseException) -> None:
            self._pending -= 1
            if self._closed:
                return
            self._update_buttons()
            show_error(self, exc)

        self._runner.submit(lambda: fn(session), success, failure)
        return True

    @Slot()
    def refresh(self) -> None:
        """Reload the entries, then the selected entry's corroboration and the suggestions."""
        self._submit(load_listing, self.show_listing)
        self.load_suggestions()

    @Slot()
    def load_corroboration(self) -> None:
        """Ask for the corroboration of the current entry with the filters shown."""
        entry_id = self.current_entry_id()
        if not self._check_dates():
            # Nothing runs, and what was shown no longer answers the filters as written.
            self._show_corroboration(None)
            if entry_id is not None:
                self.entry_title.setText(self._entry_heading(entry_id))
            return
        if entry_id is None:
            self._show_corroboration(None)
            return
        date_from, date_to = self._date_texts()
        place = self.place_filter.text().strip()

        def shown(result: Corroboration) -> None:
            if self.current_entry_id() == result.entry.id:
                self._show_corroboration(result)

        self._submit(
            lambda s: s.registry.corroborate(
                entry_id, date_from=date_from, date_to=date_to, place=place
            ),
            shown,
        )

    @Slot()
    def load_suggestions(self) -> None:
        """Ask for the suggested links of the open testimony."""
        record_id = self._record_id
        if record_id is None:
            self._show_suggestions([])
            return

        def shown(result: list[MentionSuggestions]) -> None:
            if self._record_id == record_id:
                self._show_suggestions(result)

        self._submit(lambda s: s.registry.suggestions(record_id), shown)

    def _changed(self, _value: object = None) -> None:
        self.changed.emit()
        self.refresh()

    # -- suggestions: confirm, reject, new entry -----------------------------------------------

    def _current_suggestion(self) -> SuggestionRow | None:
        item = self.suggestion_tree.currentItem()
        if item is None:
            return None
        row = item.data(0, ROW_ROLE)
        return row if isinstance(row, SuggestionRow) else None

    @Slot()
    def confirm_selected(self) -> None:
        """Confirm the selected suggestion (or suggested link): this mention is this entry."""
        row, record_id = self._current_suggestion(), self._record_id
        if row is None or record_id is None or (row.entry_id is None and row.link_id is None):
            return
        if row.link_id is not None:
            link_id = row.link_id
            self._submit(lambda s: s.registry.confirm(link_id), self._changed)
        else:
            path, entry_id = row.mention_path, row.entry_id
            self._submit(lambda s: s.registry.link(record_id, path, entry_id), self._changed)

    @Slot()
    def reject_selected(self) -> None:
        """Reject the selected suggestion: it will not be suggested for this mention again."""
        row, record_id = self._current_suggestion(), self._record_id
        if row is None or record_id is None or (row.entry_id is None and row.link_id is None):
            return
        if row.link_id is not None:
            link_id = row.link_id
            self._submit(lambda s: s.registry.reject(link_id), self._changed)
            return
        path, entry_id = row.mention_path, row.entry_id

        def work(s: VaultSession) -> object:
            link = s.registry.link(record_id, path, entry_id, status="suggested")
            return s.registry.reject(link.id)

        self._submit(work, self._changed)

    @Slot()
    def link_to_new_entry(self) -> None:
        """Make a new registry entry from the selected mention and link the mention to it."""
        row, record_id = self._current_suggestion(), self._record_id
        if row is None or record_id is None:
            return
        path = row.mention_path

        def linked(link: Any) -> None:
            self._select_after_refresh = link.entry_id
            self._changed()

        self._submit(lambda s: s.registry.link(record_id, path, new_entry=True), linked)

    _select_after_refresh: str | None = None

    # -- merge and undo ---------------------------------------------------------------------

    @Slot()
    def merge_selected(self) -> None:
        """Fold the other selected entry into the current one, after asking."""
        ids = self.selected_entry_ids()
        if len(ids) != 2:
            return
        target = self.current_entry_id() or ids[0]
        source = ids[1] if ids[0] == target else ids[0]
        prompts = prompts_for(self)
        question = (
            self.tr(
                "Merge “%1” into “%2”? Every link of the first moves to the second. "
                "You can undo the merge later."
            )
            .replace("%1", self._names.get(source, source[:8]))
            .replace("%2", self._names.get(target, target[:8]))
        )
        if not prompts.confirm(self, self.tr("Merge entries"), question, ok_label=self.tr("Merge")):
            return

        def merged(_merge: Merge) -> None:
            self._select_after_refresh = target
            self._changed()

        self._submit(lambda s: s.registry.merge(source, target), merged)

    def _undoable_merge(self) -> Merge | None:
        live = [m for m in self._listing.merges if not m.undone_at]
        if not live:
            return None
        current = self.current_entry_id()
        for merge in live:  # newest first
            if merge.target_id == current:
                return merge
        return live[0]

    @Slot()
    def undo_merge(self) -> None:
        """Separate the newest merge into the selected entry (else the newest merge) again."""
        merge = self._undoable_merge()
        if merge is None:
            return
        merge_id, source = merge.id, merge.source_id

        def undone(_merge: Merge) -> None:
            self._select_after_refresh = source
            self._changed()

        self._submit(lambda s: s.registry.undo_merge(merge_id), undone)

    # -- showing ----------------------------------------------------------------------------

    def _kind_label(self, kind: str) -> str:
        return {
            "person": self.tr("Person"),
            "place": self.tr("Place"),
            "unit": self.tr("Unit"),
        }.get(kind, kind)

    def _entry_heading(self, entry: Entry | str) -> str:
        """``Person: Name (rank, unit)`` for an entry (or the id of a listed one)."""
        if isinstance(entry, str):
            found = next((r.entry for r in self._listing.rows if r.entry.id == entry), None)
            if found is None:
                return self._names.get(entry, entry[:8])
            entry = found
        rank_unit = ", ".join(p for p in (entry.rank, entry.unit) if p)
        title = f"{entry.display_name} ({rank_unit})" if rank_unit else entry.display_name
        return f"{self._kind_label(entry.kind)}: {title}"

    def _reason_text(self, reason: Reason) -> str:
        """A reason behind a suggestion, in the interface language."""
        texts = {
            "name_alike": self.tr("name %1 alike"),
            "partial_name": self.tr("only part of the name to compare"),
            "description_alike": self.tr("description %1 alike"),
            "same_rank": self.tr("same rank"),
            "different_rank": self.tr("different rank"),
            "same_unit": self.tr("same unit"),
            "different_unit": self.tr("different unit"),
            "same_place": self.tr("same place"),
            "dates_overlap": self.tr("dates overlap"),
            "dates_far_apart": self.tr("dates far apart"),
            "no_name": self.tr("no name to compare"),
            "rank_or_unit_differ": self.tr("rank or unit differ"),
            "different_kind": self.tr("different kind"),
        }
        text = texts.get(reason.code)
        if text is None:  # a code newer than this window: English rather than nothing
            return reason.describe()
        return text.replace("%1", f"{reason.value:.0%}" if reason.value is not None else "")

    # -- date filters -----------------------------------------------------------------------

    def _date_texts(self) -> tuple[str, str]:
        return self.date_from.text().strip(), self.date_to.text().strip()

    def _check_dates(self) -> bool:
        """Report what is wrong with the period typed; True when it can be used."""
        self._date_problems = date_filter_problems(*self._date_texts())
        self._refresh_dates()
        return not self._date_problems

    @Slot()
    def _refresh_dates(self) -> None:
        """Mark a date of the wrong shape as it is typed (as the editor does); a message,
        once shown by Apply, follows the typing until the period is right."""
        problems = date_filter_problems(*self._date_texts())
        if self._date_problems:
            self._date_problems = problems
        after = "from_after_to" in self._date_problems
        for edit, bad in (
            (self.date_from, "from_invalid" in problems or after),
            (self.date_to, "to_invalid" in problems or after),
        ):
            edit.setProperty("invalid", bad)
            edit.setStyleSheet("QLineEdit { border: 1px solid #b3261e; }" if bad else "")
        sentences = []
        if "from_invalid" in self._date_problems:
            sentences.append(
                self.tr(
                    "The start of the period is not a date. Write it as YYYY, YYYY-MM or "
                    "YYYY-MM-DD, for example 2017, 2017-05 or 2017-05-18."
                )
            )
        if "to_invalid" in self._date_problems:
            sentences.append(
                self.tr(
                    "The end of the period is not a date. Write it as YYYY, YYYY-MM or "
                    "YYYY-MM-DD, for example 2017, 2017-05 or 2017-05-18."
                )
            )
        if after:
            low, high = self._date_texts()
            sentences.append(
                self.tr(
                    "The start of the period (%1) is later than its end (%2). "
                    "Correct one of the two dates."
                )
                .replace("%1", low)
                .replace("%2", high)
            )
        self.date_error.setText(" ".join(sentences))
        self.date_error.setVisible(bool(sentences))

    def _method(self, code: str) -> str:
        try:
            return term_label("methods", code, self._lang)
        except Exception:  # noqa: BLE001 -- an unknown vocabulary must not break the view
            return code

    def _perpetrator(self, text: str) -> str:
        """A perpetrator as the corroboration gives it; the no-name token in this language."""
        return self.tr("(not named)") if text == NOT_NAMED else text

    def show_listing(self, listing: Listing) -> None:
        """Show the entries of :func:`load_listing`, keeping the search, kind and selection."""
        keep = self._select_after_refresh or self.current_entry_id()
        self._select_after_refresh = None
        self._listing = listing
        self._names = {r.entry.id: r.entry.display_name for r in listing.rows}
        self.entry_model.set_filter(self.search_edit.text(), self.kind_combo.currentData() or "")
        self.entry_model.set_rows(listing.rows)  # a reset: no selection signals
        self._size_entry_columns()
        if keep is None or not self.select_entry(keep):
            self._show_corroboration(None)
        else:
            self.load_corroboration()
        self._update_buttons()

    def _size_entry_columns(self) -> None:
        for column in (COL_KIND, COL_RANK_UNIT, COL_TESTIMONIES):
            self.entries.resizeColumnToContents(column)

    @Slot()
    def _filter_entries(self) -> None:
        selected, current = self.selected_entry_ids(), self.current_entry_id()
        self.entry_model.set_filter(self.search_edit.text(), self.kind_combo.currentData() or "")
        self._select_entries(selected, current)
        self._update_buttons()

    @Slot()
    def _selection_changed(self) -> None:
        self._update_buttons()
        entry_id = self.current_entry_id()
        shown = self._corroboration.entry.id if self._corroboration else None
        if entry_id != shown:
            self.load_corroboration()

    def _show_corroboration(self, result: Corroboration | None) -> None:
        self._corroboration = result
        for table in (self.testimonies, self.timeline):
            table.setRowCount(0)
        self.matrix.clear()
        self.matrix.setRowCount(0)
        self.matrix.setColumnCount(0)
        if result is None:
            self.entry_title.setText(self.tr("Select an entry to see who names it."))
            self.summary_label.clear()
            return
        self.entry_title.setText(self._entry_heading(result.entry))
        self.summary_label.setText(
            self.tr("%n testimonies name this entry.", "", len(result.items))
            + " "
            + self.tr("%n independent witnesses.", "", result.independent_witnesses)
        )
        items = sorted(
            result.items,
            key=lambda i: (min((a.date for a in i.acts if a.date), default="9999"), i.record_id),
        )
        self.testimonies.setRowCount(len(items))
        for i, item in enumerate(items):
            dates = sorted({a.date for a in item.acts if a.date})
            places = sorted({a.place for a in item.acts if a.place})
            methods = sorted({self._method(m) for a in item.acts for m in a.methods})
            self.testimonies.setItem(i, 0, _item(item.witness_label, item.record_id))
            self.testimonies.setItem(i, 1, _item(f"{item.record_id[:8]} v{item.version}"))
            self.testimonies.setItem(i, 2, _item(", ".join(dates) or item.interview_date))
            self.testimonies.setItem(i, 3, _item("; ".join(places)))
            self.testimonies.setItem(i, 4, _item(", ".join(methods)))
        witness = {i.record_id: i.witness_label for i in result.items}
        acts = sorted(result.timeline, key=lambda a: (a.date or "9999", a.place, a.record_id))
        self.timeline.setRowCount(len(acts))
        for i, act in enumerate(acts):
            self.timeline.setItem(i, 0, _item(act.date or self.tr("(no date)")))
            self.timeline.setItem(i, 1, _item(act.place or self.tr("(no place)")))
            self.timeline.setItem(i, 2, _item(witness.get(act.record_id, "")))
            self.timeline.setItem(
                i, 3, _item(", ".join(self._perpetrator(p) for p in act.perpetrators))
            )
            self.timeline.setItem(i, 4, _item(", ".join(self._method(m) for m in act.methods)))
        perpetrators = list(result.matrix)
        methods = sorted({m for row in result.matrix.values() for m in row})
        self.matrix.setRowCount(len(perpetrators))
        self.matrix.setColumnCount(len(methods))
        self.matrix.setVerticalHeaderLabels([self._perpetrator(p) for p in perpetrators])
        self.matrix.setHorizontalHeaderLabels([self._method(m) for m in methods])
        for r, perpetrator in enumerate(perpetrators):
            for c, method in enumerate(methods):
                count = result.matrix[perpetrator].get(method, 0)
                cell = _item(str(count) if count else "", count)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.matrix.setItem(r, c, cell)

    def _show_suggestions(self, result: list[MentionSuggestions]) -> None:
        self._suggestions = list(result)
        self.suggestion_tree.clear()
        if self._record_id is None:
            self.record_label.setText(self.tr("Open a testimony to see suggested links."))
            return
        self.record_label.setText(
            self.tr(
                "Mentions in testimony %1 and the entries they may refer to. "
                "Nothing is linked until you confirm."
            ).replace("%1", self._record_id[:8])
        )
        statuses = {
            "confirmed": self.tr("confirmed"),
            "suggested": self.tr("suggested"),
            "rejected": self.tr("rejected"),
        }
        for found in result:
            mention = found.mention
            text = mention.text or " ".join(p for p in (mention.rank, mention.unit) if p)
            top = QTreeWidgetItem([text, self._kind_label(mention.kind), ""])
            top.setData(0, ROW_ROLE, SuggestionRow(mention.path))
            if any(link.status == "confirmed" for link in found.links):
                top.setText(2, self.tr("linked"))
            for link in found.links:
                name = self._names.get(link.entry_id, link.entry_id[:8])
                child = QTreeWidgetItem([name, statuses.get(link.status, link.status), ""])
                child.setData(
                    0, ROW_ROLE, SuggestionRow(mention.path, link.entry_id, link.id, link.status)
                )
                top.addChild(child)
            for suggestion in found.suggestions:
                name = self._names.get(suggestion.entry_id, suggestion.entry_id[:8])
                child = QTreeWidgetItem(
                    [
                        name,
                        self.tr("score %1").replace("%1", f"{suggestion.score:.2f}"),
                        "; ".join(self._reason_text(r) for r in suggestion.factors),
                    ]
                )
                child.setToolTip(2, child.text(2))
                child.setData(0, ROW_ROLE, SuggestionRow(mention.path, suggestion.entry_id))
                top.addChild(child)
            self.suggestion_tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.suggestion_tree.resizeColumnToContents(1)

    @Slot()
    def _update_buttons(self) -> None:
        idle = not self.busy
        row = self._current_suggestion()
        actionable = row is not None and (row.entry_id is not None or row.link_id is not None)
        self.confirm_button.setEnabled(
            idle and actionable and (row is not None and row.status != "confirmed")
        )
        self.reject_button.setEnabled(
            idle and actionable and (row is not None and row.status != "rejected")
        )
        self.new_entry_button.setEnabled(idle and row is not None and row.entry_id is None)
        self.merge_button.setEnabled(idle and len(self.selected_entry_ids()) == 2)
        self.undo_merge_button.setEnabled(idle and self._undoable_merge() is not None)
        self.refresh_button.setEnabled(idle)
        self.status_label.setText(self.tr("Working…") if self.busy else "")

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text of the window in the current language."""
        self.setWindowTitle(self.tr("Registry and corroboration"))
        self.search_edit.setPlaceholderText(self.tr("Search names, ranks, units…"))
        kinds = (self.tr("All kinds"), self.tr("People"), self.tr("Places"), self.tr("Units"))
        for i, text in enumerate(kinds):
            self.kind_combo.setItemText(i, text)
        self.entry_model.set_headers(
            [self.tr("Kind"), self.tr("Name"), self.tr("Rank / unit"), self.tr("Testimonies")]
        )
        self.entry_model.retranslate()
        self.merge_button.setText(self.tr("&Merge…"))
        self.merge_button.setToolTip(self.tr("Select two entries that are one person or place"))
        self.undo_merge_button.setText(self.tr("&Undo merge"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.tabs.setTabText(0, self.tr("Corroboration"))
        self.tabs.setTabText(1, self.tr("Suggestions"))
        self.from_label.setText(self.tr("&From"))
        self.to_label.setText(self.tr("&To"))
        self.place_label.setText(self.tr("&Place"))
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setToolTip(self.tr("A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD"))
        self._refresh_dates()
        self.place_filter.setPlaceholderText(self.tr("Any place"))
        self.apply_button.setText(self.tr("&Apply"))
        self.testimonies_label.setText(self.tr("Testimonies that name it"))
        self.testimonies.setHorizontalHeaderLabels(
            [
                self.tr("Witness"),
                self.tr("Record"),
                self.tr("Dates"),
                self.tr("Places"),
                self.tr("Methods"),
            ]
        )
        self.timeline_label.setText(self.tr("Timeline of acts"))
        self.timeline.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Place"),
                self.tr("Witness"),
                self.tr("Perpetrators"),
                self.tr("Methods"),
            ]
        )
        self.matrix_label.setText(
            self.tr("Perpetrators × methods (number of independent witnesses)")
        )
        self.suggestion_tree.setHeaderLabels(
            [self.tr("Mention / entry"), self.tr("Kind / score"), self.tr("Reasons")]
        )
        self.confirm_button.setText(self.tr("&Confirm"))
        self.reject_button.setText(self.tr("&Reject"))
        self.new_entry_button.setText(self.tr("Link to &new entry"))
        self.close_button.setText(self.tr("Close"))
        self._show_corroboration(self._corroboration)
        self._show_suggestions(self._suggestions)

    # -- Qt overrides -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        """Closing (or the lock) wipes every table: nothing of the vault stays on screen."""
        self._closed = True
        self._corroboration = None
        self._suggestions = []
        self._listing = Listing((), ())
        self._names = {}
        self.entry_model.set_rows(())
        self.testimonies.setRowCount(0)
        self.timeline.setRowCount(0)
        self.matrix.clear()
        self.matrix.setRowCount(0)
        self.matrix.setColumnCount(0)
        self.suggestion_tree.clear()
        super().done(result)
