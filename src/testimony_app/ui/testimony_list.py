"""The list page: every testimony in the vault, an instant search, filters, and "Reveal names".

Search runs the vault's folded full-text search on the task runner, about 200 ms after the
last keystroke, so typing never waits for the database and "meherremov" still finds
"Məhərrəmov". Only the newest answer is shown: a slow reply to an earlier query is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import SearchHit, Status, TestimonySummary
from testimony_app.ui.flow_layout import FlowLayout
from testimony_app.ui.i18n import current_locale
from testimony_app.ui.list_loading import Holding, ListLoader
from testimony_app.ui.tasks import TaskRunner
from testimony_app.ui.testimony_table import (
    COL_DATE,
    COL_LANGUAGE,
    COL_MATCH,
    COL_METHODS,
    COL_PLACE,
    COL_STATUS,
    COL_WITNESS,
    RECORD_ID_ROLE,
    Prepared,
    TestimonyFilterProxy,
    TestimonyTableModel,
    language_label,
    status_label,
)

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession

SEARCH_DELAY_MS = 200
_ANY_DATE = QDate(1900, 1, 1)
#: The list's first order, the one its first screenful is read in (ui/list_loading.py).
DEFAULT_SORT = (COL_DATE, Qt.SortOrder.DescendingOrder)


def method_choices(lang: str) -> list[tuple[str, str]]:
    """``(code, label)`` of the torture-methods vocabulary in ``lang``; empty if unavailable."""
    try:
        from testimony_app.domain.vocabularies import vocabulary

        vocab = vocabulary("methods")
    except Exception:  # noqa: BLE001 -- the list must open even if a vocabulary file is broken
        return []
    return [(term.code, term.label(lang)) for term in vocab.terms]


def method_labeller(lang: str) -> Callable[[str], str]:
    """A function giving a method code's label in ``lang`` (free text is returned unchanged)."""
    labels = dict(method_choices(lang))
    return lambda code: labels.get(code, code)


class TestimonyListPage(QWidget):
    """The vault's testimonies; double-click or Enter opens one.

    Signals:
        open_requested(str): open this record in the editor.
        new_requested(): start a new testimony.
    """

    __test__ = False  # not a pytest test class, whatever its name says

    open_requested = Signal(str)
    """The record id to open."""
    new_requested = Signal()
    """The user asked for a new testimony."""

    def __init__(
        self,
        session_provider: Callable[[], VaultSession | None],
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("listPage")
        self._session = session_provider
        self._runner = runner
        self._language = language
        self._search_seq = 0
        self._shown_query = ""  # the query whose answer the table shows
        self._enter_after_search = False
        self._all: list[TestimonySummary] = []
        self._user_sort: tuple[int, Qt.SortOrder] = DEFAULT_SORT
        self._loader = ListLoader(runner)
        self._prepared = Prepared([], None)  # the whole list and its index (model.prepare)

        self.model = TestimonyTableModel(self, method_label=method_labeller(language))
        self.proxy = TestimonyFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(220)
        self.search_box.installEventFilter(self)

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.method_filter = QComboBox(self)
        self.method_filter.setObjectName("methodFilter")
        # Seventy long method names must not set the window's width: the box shows about
        # twenty characters, its list shows them whole.
        self.method_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.method_filter.setMinimumContentsLength(20)
        self.method_filter.setMaximumWidth(320)
        self.date_from = self._date_edit("dateFrom")
        self.date_to = self._date_edit("dateTo")
        self.date_label = QLabel(self)
        self.date_dash = QLabel("–", self)

        self.reveal_button = QToolButton(self)
        self.reveal_button.setObjectName("revealNamesButton")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.clear_filters_button = QToolButton(self)
        self.clear_filters_button.setObjectName("clearFiltersButton")

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")

        self.table = QTableView(self)
        self.table.setObjectName("testimonyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        # Uniform row heights keep 20,000 rows cheap to scroll: no per-row size hints.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in (
            (COL_STATUS, 110),
            (COL_DATE, 120),
            (COL_PLACE, 150),
            (COL_LANGUAGE, 120),
            (COL_WITNESS, 170),
            (COL_METHODS, 300),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(COL_MATCH, True)
        self.table.sortByColumn(*self._user_sort)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyListLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newTestimonyButton")
        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.table)
        self.body.addWidget(empty)

        # The filters wrap onto a second line on a narrow window instead of widening it.
        dates = QWidget(self)
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        dates_row.setSpacing(4)
        for widget in (self.date_label, self.date_from, self.date_dash, self.date_to):
            dates_row.addWidget(widget)
        self.filter_bar = QWidget(self)
        self.filter_bar.setObjectName("filterBar")
        bar = FlowLayout(self.filter_bar, spacing=8)
        bar.add_widget(self.search_box, stretch=3)
        bar.add_widget(self.status_filter)
        bar.add_widget(self.method_filter, stretch=1)
        bar.add_widget(dates)
        bar.add_widget(self.clear_filters_button)
        bar.add_widget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.count_label)

        self._debounce = QTimer(self)
        self._debounce.setObjectName("searchDebounce")
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._run_search)

        self.search_box.textChanged.connect(self._debounce.start)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.method_filter.currentIndexChanged.connect(self._apply_filters)
        self.date_from.dateChanged.connect(self._apply_filters)
        self.date_to.dateChanged.connect(self._apply_filters)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.reveal_button.toggled.connect(self.model.set_reveal_names)
        self.reveal_button.toggled.connect(self._update_reveal_text)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.new_button.clicked.connect(self.new_requested)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self._holding = Holding(
            (self.status_filter, self.method_filter, self.date_from, self.date_to,
             self.clear_filters_button), header,
        )
        self.model.modelReset.connect(self._update_count)
        self.model.layoutChanged.connect(self._update_count)
        self.retranslate()
        self._update_count()

    # -- public -----------------------------------------------------------------------------

    @property
    def searching(self) -> bool:
        """True while the table shows search results."""
        return self.model.searching

    def refresh(self, on_done: Callable[[], None] | None = None) -> None:
        """Reload the list from the vault (off the GUI thread). Right after unlocking, in the
        list's first order, its first screenful is shown at once (ui/list_loading.py)."""
        session = self._session()
        if session is None:
            return
        self._loader.load(
            session,
            first_screen=not self._all and self._user_sort == DEFAULT_SORT,
            show_first=self._show_first_screen,
            show_all=self._show_prepared,
            prepare=self.model.prepare(),
            on_done=on_done,
        )

    @property
    def loading(self) -> bool:
        """True while only the first screenful of the list is shown."""
        return self._holding.total is not None

    def set_summaries(self, rows: list[TestimonySummary]) -> None:
        """Show these testimonies, the whole list; a running search is re-run against them.
        A testimony selected on the first screenful stays selected."""
        self._show_prepared(Prepared(rows, None))

    def _show_prepared(self, prepared: Prepared) -> None:
        chosen = self.table.selectionModel().selectedRows() if self.loading else []
        selected = chosen[0].data(RECORD_ID_ROLE) if chosen else None
        self._holding.set(None)
        self._prepared = prepared
        self._show_rows(prepared.rows)
        if selected:
            self.select_id(str(selected))

    def _show_first_screen(self, rows: list[TestimonySummary], total: int) -> None:
        self._holding.set(total)
        self._show_rows(rows)

    def _show_rows(self, rows: list[TestimonySummary]) -> None:
        self._all = rows
        if self.search_box.text().strip():
            self._run_search()
        else:
            self._show_all()
        self._update_count()

    def selected_id(self) -> str | None:
        """The record id of the selected row, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        value = index.data(RECORD_ID_ROLE)
        return str(value) if value else None

    def select_id(self, record_id: str) -> bool:
        """Select the row of ``record_id`` if shown."""
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search_box.setFocus()
        self.search_box.selectAll()

    def clear_filters(self) -> None:
        """Back to every status, method and date."""
        for widget in (self.status_filter, self.method_filter):
            widget.setCurrentIndex(0)
        self.date_from.setDate(_ANY_DATE)
        self.date_to.setDate(_ANY_DATE)

    def clear(self) -> None:
        """Forget everything shown or typed (the vault is locking)."""
        self._search_seq += 1  # any reply still on its way is now stale
        self._loader.cancel()
        self._holding.set(None)
        self._prepared = Prepared([], None)
        self._debounce.stop()
        self._shown_query = ""
        self._enter_after_search = False
        self._all = []
        blocked = self.search_box.blockSignals(True)
        self.search_box.setText("")  # setText, not clear(): it also empties the undo history
        self.search_box.blockSignals(blocked)
        self.reveal_button.setChecked(False)
        self.clear_filters()
        self.model.clear()
        self.table.clearSelection()
        self.table.setColumnHidden(COL_MATCH, True)
        self.table.sortByColumn(*self._user_sort)  # not "best match", if locked mid-search
        self._update_count()

    def set_language(self, lang: str) -> None:
        """Label methods in ``lang`` (the interface language)."""
        self._language = lang
        self.model.set_method_labeller(method_labeller(lang))
        self._fill_methods()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.search_box.setPlaceholderText(
            self.tr("Search names, places, words of the testimony… (Ctrl+F)")
        )
        self.date_label.setText(self.tr("Interview date:"))
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any"))
            edit.setLocale(current_locale())
        self._update_reveal_text()
        self.clear_filters_button.setText(self.tr("Clear filters"))
        self.empty_label.setText(
            self.tr("No testimonies yet.\nStart one when the witness is ready (Ctrl+N).")
        )
        self.new_button.setText(self.tr("&New testimony"))
        self._fill_statuses()
        self._fill_methods()
        self.model.retranslate()
        self._fit_columns()
        self._update_count()

    # -- private ----------------------------------------------------------------------------

    def _fit_columns(self) -> None:
        """Status and language columns as wide as their longest word in this language.

        Measured from the labels, not from the rows: a column sized to 20,000 rows would be
        slow, and "Экспортировано" must not read "Экспортирова…" (GUI review D22).
        """
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        style = self.table.style()
        pad = 2 * style.pixelMetric(style.PixelMetric.PM_HeaderMargin) + 24
        codes = ("az", "ru", "en", "hy", "fa", "tr", "ka")
        for column, labels in (
            (COL_STATUS, [status_label(s) for s in Status]),
            (COL_LANGUAGE, [language_label(c) for c in codes]),
        ):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(t) for t in [*labels, title])
            self.table.setColumnWidth(column, max(header.minimumSectionSize(), widest + pad))

    @Slot()
    def _update_reveal_text(self) -> None:
        """The toggle says what it will do: "Reveal names", then "Hide names" (review D24)."""
        if self.reveal_button.isChecked():
            self.reveal_button.setText(self.tr("Hide names"))
            self.reveal_button.setToolTip(self.tr("Show initials and pseudonyms again."))
        else:
            self.reveal_button.setText(self.tr("Reveal names"))
            self.reveal_button.setToolTip(
                self.tr("Show witnesses' full names until you turn this off or the vault locks.")
            )

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        # ISO on purpose: the same in every language, and what the records store.
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_ANY_DATE)
        edit.setDate(_ANY_DATE)
        return edit

    def _fill_statuses(self) -> None:
        current = self.status_filter.currentData()
        blocked = self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in (
            Status.DRAFT, Status.SEALED, Status.AMENDED, Status.EXPORTED, Status.HANDED_OVER
        ):
            self.status_filter.addItem(status_label(status), status.value)
        index = self.status_filter.findData(current) if current else 0
        self.status_filter.setCurrentIndex(max(index, 0))
        self.status_filter.blockSignals(blocked)

    def _fill_methods(self) -> None:
        current = self.method_filter.currentData()
        blocked = self.method_filter.blockSignals(True)
        self.method_filter.clear()
        self.method_filter.addItem(self.tr("All methods"), "")
        for code, label in sorted(method_choices(self._language), key=lambda c: c[1].casefold()):
            self.method_filter.addItem(label, code)
        index = self.method_filter.findData(current) if current else 0
        self.method_filter.setCurrentIndex(max(index, 0))
        self.method_filter.blockSignals(blocked)
        view = self.method_filter.view()
        view.setMinimumWidth(min(720, view.sizeHintForColumn(0) + 32))

    def _date_value(self, edit: QDateEdit) -> str | None:
        date = edit.date()
        return None if date == _ANY_DATE else date.toString("yyyy-MM-dd")

    @Slot()
    def _apply_filters(self) -> None:
        self.model.set_filters(
            status=self.status_filter.currentData() or None,
            method=self.method_filter.currentData() or None,
            date_from=self._date_value(self.date_from),
            date_to=self._date_value(self.date_to),
        )
        self._update_count()

    def _show_all(self) -> None:
        if self.model.searching:
            self.table.setColumnHidden(COL_MATCH, True)
            self.table.sortByColumn(*self._user_sort)
        if self._prepared.rows is self._all:
            self.model.set_prepared(self._prepared)
        else:
            self.model.set_summaries(self._all)
        self._answered("")

    @Slot()
    def _search_now(self) -> None:
        self._debounce.stop()
        self._run_search()

    @Slot()
    def _run_search(self) -> None:
        query = self.search_box.text().strip()
        self._search_seq += 1
        if not query:
            self._show_all()
            self._update_count()
            return
        session = self._session()
        if session is None:
            return
        seq = self._search_seq
        self._runner.submit(
            lambda: session.testimonies.search(query),
            lambda hits: self._show_hits(seq, hits, query),
        )

    def _show_hits(self, seq: int, hits: list[SearchHit], query: str = "") -> None:
        if seq != self._search_seq:
            return  # an older query answered late
        if not self.model.searching:
            self.table.setColumnHidden(COL_MATCH, False)
            # Best match first while searching; the user's sort comes back afterwards.
            self.table.horizontalHeader().blockSignals(True)
            self.table.sortByColumn(COL_MATCH, Qt.SortOrder.AscendingOrder)
            self.table.horizontalHeader().blockSignals(False)
        self.model.set_search_hits(hits)
        self._update_count()
        self._answered(query)

    @Slot(int, Qt.SortOrder)
    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column != COL_MATCH:
            self._user_sort = (column, order)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if record_id:
            self.open_requested.emit(str(record_id))

    @Slot()
    def _update_count(self) -> None:
        shown = self.model.rowCount()
        total = len(self._all)
        if self.model.searching:
            text = self.tr("%Ln testimony(ies) found", "", shown)
            hidden = sum(1 for s in self._all if s.status is Status.HANDED_OVER)
            if hidden and not self.loading:
                # High-risk mode: only the organisation holds what was handed over.
                text += " · " + self.tr(
                    "%Ln handed-over testimony(ies) cannot be searched", "", hidden
                )
        elif self._holding.total is not None:
            text = self.tr("Loading the list: the newest %1 of %Ln testimony(ies) shown…", "",
                           self._holding.total).replace("%1", current_locale().toString(shown))
        elif self.model.filtering:
            text = self.tr("%1 of %Ln testimony(ies) shown", "", total).replace(
                "%1", current_locale().toString(shown)
            )
        else:
            text = self.tr("%Ln testimony(ies)", "", total)
        self.count_label.setText(text)
        empty = total == 0 and not self.search_box.text().strip()
        self.body.setCurrentIndex(1 if empty else 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down from the search box goes into the results; Enter searches now, then opens."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self._enter_results()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive() or self._pending_query():
                    self._enter_after_search = True
                    self._search_now()
                else:
                    self._enter_or_open()
                return True
        return super().eventFilter(watched, event)

    def _pending_query(self) -> bool:
        """Whether the table does not yet show the answer to what is typed."""
        return self.search_box.text().strip() != self._shown_query

    def _enter_results(self) -> None:
        """Give the table the keyboard, on the selected row or the first one."""
        if self.proxy.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.setFocus()

    def _enter_or_open(self) -> None:
        """Enter in the search box: a single result opens; several take the keyboard."""
        if self.proxy.rowCount() == 1 and self.search_box.text().strip():
            index = self.proxy.index(0, 0)
            self.table.setCurrentIndex(index)
            self._activated(index)
        else:
            self._enter_results()

    def _answered(self, query: str) -> None:
        """The table now shows the answer to ``query``."""
        self._shown_query = query
        if self._enter_after_search and query == self.search_box.text().strip():
            self._enter_after_search = False
            self._enter_or_open()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Escape in the table or filters clears the search: quick way back to the full list.
        if event.key() == Qt.Key.Key_Escape and self.search_box.text():
            self.search_box.setText("")
            return
        super().keyPressEvent(event)
