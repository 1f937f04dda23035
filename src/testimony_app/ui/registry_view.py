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
* **Wiped on close.** Closing (or the lock, which rejects every dialog) empties every table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

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
    )
    from testimony_app.services.vault import VaultSession

_log = get_logger("ui.registry")

SessionProvider = Callable[[], "VaultSession | None"]

#: Item data role holding what a row stands for.
ROW_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class EntryRow:
    """One registry entry in the list, with how many testimonies confirm a link to it."""

    entry: Entry
    testimonies: int


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
    rows = []
    for entry in session.registry.list_entries():
        detail = session.registry.show(entry.id)
        records = {link.record_id for link in detail.links if link.status == "confirmed"}
        rows.append(EntryRow(entry, len(records)))
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
        self.entries = _table(left, "registryEntries", 4)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.entries.setSortingEnabled(False)
        header = self.entries.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
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
        self.entries.itemSelectionChanged.connect(self._selection_changed)
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_merge_button.clicked.connect(self.undo_merge)
        self.refresh_button.clicked.connect(self.refresh)
        self.apply_button.clicked.connect(self.load_corroboration)
        for edit in (self.date_from, self.date_to, self.place_filter):
            edit.returnPressed.connect(self.load_corroboration)
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
        """The ids of the selected entries, in list order."""
        rows = sorted({i.row() for i in self.entries.selectedIndexes()})
        found = []
        for row in rows:
            item = self.entries.item(row, 0)
            if item is not None and not self.entries.isRowHidden(row):
                found.append(item.data(ROW_ROLE).entry.id)
        return found

    def current_entry_id(self) -> str | None:
        """The entry whose corroboration is shown: the current row, if selected."""
        ids = self.selected_entry_ids()
        if not ids:
            return None
        row = self.entries.currentRow()
        item = self.entries.item(row, 0) if row >= 0 else None
        current = item.data(ROW_ROLE).entry.id if item is not None else None
        return current if current in ids else ids[0]

    def select_entry(self, entry_id: str) -> bool:
        """Select the entry with ``entry_id`` alone; False if it is not listed."""
        for row in range(self.entries.rowCount()):
            item = self.entries.item(row, 0)
            if item is not None and item.data(ROW_ROLE).entry.id == entry_id:
                self.entries.clearSelection()
                self.entries.setCurrentCell(row, 0)
                self.entries.selectRow(row)
                return True
        return False

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
        self._submit(load_listing, self._show_listing)
        self.load_suggestions()

    @Slot()
    def load_corroboration(self) -> None:
        """Ask for the corroboration of the current entry with the filters shown."""
        entry_id = self.current_entry_id()
        if entry_id is None:
            self._show_corroboration(None)
            return
        date_from = self.date_from.text().strip()
        date_to = self.date_to.text().strip()
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

    def _method(self, code: str) -> str:
        try:
            return term_label("methods", code, self._lang)
        except Exception:  # noqa: BLE001 -- an unknown vocabulary must not break the view
            return code

    def _show_listing(self, listing: Listing) -> None:
        keep = self._select_after_refresh or self.current_entry_id()
        self._select_after_refresh = None
        self._listing = listing
        self._names = {r.entry.id: r.entry.display_name for r in listing.rows}
        self.entries.blockSignals(True)
        self.entries.clearContents()
        self.entries.setRowCount(len(listing.rows))
        for i, row in enumerate(listing.rows):
            entry = row.entry
            rank_unit = ", ".join(p for p in (entry.rank, entry.unit) if p)
            self.entries.setItem(i, 0, _item(self._kind_label(entry.kind), row))
            self.entries.setItem(i, 1, _item(entry.display_name))
            self.entries.setItem(i, 2, _item(rank_unit))
            self.entries.setItem(i, 3, _item(str(row.testimonies), align_right=True))
        self.entries.blockSignals(False)
        self._filter_entries()
        if keep is None or not self.select_entry(keep):
            self._show_corroboration(None)
        else:
            self.load_corroboration()
        self._update_buttons()

    @Slot()
    def _filter_entries(self) -> None:
        needle = skeleton(self.search_edit.text())
        kind = self.kind_combo.currentData()
        for row in range(self.entries.rowCount()):
            item = self.entries.item(row, 0)
            if item is None:
                continue
            entry = item.data(ROW_ROLE).entry
            text = skeleton(" ".join((entry.display_name, entry.rank, entry.unit)))
            hidden = bool(kind and entry.kind != kind) or bool(needle and needle not in text)
            self.entries.setRowHidden(row, hidden)

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
        entry = result.entry
        rank_unit = ", ".join(p for p in (entry.rank, entry.unit) if p)
        title = f"{entry.display_name} ({rank_unit})" if rank_unit else entry.display_name
        self.entry_title.setText(f"{self._kind_label(entry.kind)}: {title}")
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
            self.timeline.setItem(i, 3, _item(", ".join(act.perpetrators)))
            self.timeline.setItem(i, 4, _item(", ".join(self._method(m) for m in act.methods)))
        perpetrators = list(result.matrix)
        methods = sorted({m for row in result.matrix.values() for m in row})
        self.matrix.setRowCount(len(perpetrators))
        self.matrix.setColumnCount(len(methods))
        self.matrix.setVerticalHeaderLabels(perpetrators)
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
                        "; ".join(suggestion.reasons),
                    ]
                )
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
        self.entries.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Name"), self.tr("Rank / unit"), self.tr("Testimonies")]
        )
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
        self.entries.setRowCount(0)
        self.testimonies.setRowCount(0)
        self.timeline.setRowCount(0)
        self.matrix.clear()
        self.matrix.setRowCount(0)
        self.matrix.setColumnCount(0)
        self.suggestion_tree.clear()
        super().done(result)
