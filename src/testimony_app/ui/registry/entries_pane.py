"""The registry window's left pane: every entry, searched in any script, merged and unmerged.

Merging asks first (through the prompts seam) and can always be undone; both run on the task
runner through the window's :class:`~testimony_app.ui.session_op.SessionOp`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.prompts import prompts_for
from testimony_app.ui.registry.model import (
    COL_KIND,
    COL_NAME,
    COL_RANK_UNIT,
    COL_TESTIMONIES,
    ENTRY_COLUMNS,
    EntryRow,
    EntryTableModel,
    Listing,
    kind_label,
)
from testimony_app.ui.session_op import SessionOp

if TYPE_CHECKING:
    from testimony_app.domain.matching import Merge


class EntriesPane(QWidget):
    """Search, kind filter, the entry table, Merge, Undo merge and Refresh.

    Signals:
        selection_changed(): the selected entries changed (by the user).
        filtered(): the search or the kind changed what is shown (the selection is kept).
        changed(object): entries were merged or unmerged; the entry id to select after the
            refresh (or None).
        refresh_requested(): Refresh was pressed.
    """

    selection_changed = Signal()
    filtered = Signal()
    changed = Signal(object)
    refresh_requested = Signal()

    def __init__(self, ops: SessionOp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registryEntriesPane")
        self._ops = ops
        self._listing = Listing((), ())
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("registrySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("registryKind")
        for kind in ("", "person", "place", "unit"):
            self.kind_combo.addItem("", kind)
        self.entry_model = EntryTableModel(kind_label, self)
        self.entries = QTableView(self)
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
        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("registryMerge")
        self.undo_merge_button = QPushButton(self)
        self.undo_merge_button.setObjectName("registryUndoMerge")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("registryRefresh")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.kind_combo)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_button)
        merge_row.addWidget(self.undo_merge_button)
        merge_row.addStretch(1)
        merge_row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addWidget(self.entries, 1)
        layout.addLayout(merge_row)

        self.search_edit.textChanged.connect(self._filter_entries)
        self.kind_combo.currentIndexChanged.connect(self._filter_entries)
        self.entries.selectionModel().selectionChanged.connect(self.selection_changed)
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_merge_button.clicked.connect(self.undo_merge)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.retranslate()

    # -- what is listed and selected ----------------------------------------------------------

    @property
    def listing(self) -> Listing:
        """The entries and merges last loaded."""
        return self._listing

    def name_of(self, entry_id: str) -> str:
        """An entry's display name, or the first characters of its id."""
        for row in self._listing.rows:
            if row.entry.id == entry_id:
                return row.entry.display_name
        return entry_id[:8]

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

    def show_listing(self, listing: Listing) -> None:
        """Show these entries, keeping the search and the kind (a model reset: no signals)."""
        self._listing = listing
        self.entry_model.set_filter(self.search_edit.text(), self.kind_combo.currentData() or "")
        self.entry_model.set_rows(listing.rows)
        for column in (COL_KIND, COL_RANK_UNIT, COL_TESTIMONIES):
            self.entries.resizeColumnToContents(column)

    def clear(self) -> None:
        """Nothing listed (the window closes)."""
        self._listing = Listing((), ())
        self.entry_model.set_rows(())

    def update_buttons(self, idle: bool) -> None:
        """Merge needs two entries; Undo a merge that is not undone; nothing while busy."""
        self.merge_button.setEnabled(idle and len(self.selected_entry_ids()) == 2)
        self.undo_merge_button.setEnabled(idle and self._undoable_merge() is not None)
        self.refresh_button.setEnabled(idle)

    @Slot()
    def _filter_entries(self) -> None:
        selected, current = self.selected_entry_ids(), self.current_entry_id()
        self.entry_model.set_filter(self.search_edit.text(), self.kind_combo.currentData() or "")
        self._select_entries(selected, current)
        self.filtered.emit()

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

    # -- merge and undo ---------------------------------------------------------------------

    @Slot()
    def merge_selected(self) -> None:
        """Fold the other selected entry into the current one, after asking."""
        ids = self.selected_entry_ids()
        if len(ids) != 2:
            return
        target = self.current_entry_id() or ids[0]
        source = ids[1] if ids[0] == target else ids[0]
        question = (
            self.tr(
                "Merge “%1” into “%2”? Every link of the first moves to the second. "
                "You can undo the merge later."
            )
            .replace("%1", self.name_of(source))
            .replace("%2", self.name_of(target))
        )
        if not prompts_for(self).confirm(
            self, self.tr("Merge entries"), question, ok_label=self.tr("Merge")
        ):
            return
        self._ops.submit(
            lambda s: s.registry.merge(source, target), lambda _m: self.changed.emit(target)
        )

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
        self._ops.submit(
            lambda s: s.registry.undo_merge(merge_id), lambda _m: self.changed.emit(source)
        )

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the interface language."""
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

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
