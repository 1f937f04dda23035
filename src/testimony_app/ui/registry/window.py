"""Registry and corroboration: people, places and units across testimonies, and who names them.

What the window promises:

* **The program only suggests** (:mod:`.suggestions_pane`): nothing becomes a link until the
  user confirms; merges ask first and can be undone (:mod:`.entries_pane`).
* **Nothing slow on the GUI thread.** Every service call goes through one
  :class:`~testimony_app.ui.session_op.SessionOp`: on the task runner, counted (the buttons
  wait while anything runs), and dropped when it answers after the window closed or the vault
  locked; results for an entry or a testimony no longer shown are dropped too.
* **Witnesses by pseudonym or initials only** (:mod:`.corroboration_pane`).
* **Thousands of entries** (:class:`~.model.EntryTableModel`).
* **Wiped on close.** Closing (or the lock, which rejects every dialog) empties every table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.prompts import Prompts
from testimony_app.ui.registry.corroboration_pane import CorroborationPane
from testimony_app.ui.registry.entries_pane import EntriesPane
from testimony_app.ui.registry.model import EntryRow, Listing, entry_heading, load_listing
from testimony_app.ui.registry.suggestions_pane import SuggestionsPane
from testimony_app.ui.session_op import SessionOp
from testimony_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from testimony_app.domain.matching import Corroboration
    from testimony_app.services.vault import VaultSession

SessionProvider = Callable[[], "VaultSession | None"]


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
        self.ops = SessionOp(self, session_provider, runner)
        self._select_after_refresh: str | None = None

        self.entries_pane = EntriesPane(self.ops, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registryTabs")
        self.corroboration_pane = CorroborationPane(
            self.ops,
            self.current_entry_id,
            self._heading,
            language=ui_language,
            parent=self.tabs,
        )
        self.suggestions_pane = SuggestionsPane(
            self.ops, self.entries_pane.name_of, record_id, self.tabs
        )
        self.tabs.addTab(self.corroboration_pane, "")
        self.tabs.addTab(self.suggestions_pane, "")
        self.corroboration_tab = self.corroboration_pane
        self.suggestions_tab = self.suggestions_pane

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("registrySplitter")
        splitter.addWidget(self.entries_pane)
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
        self._fit_to_screen()

        self.entries_pane.selection_changed.connect(self._selection_changed)
        self.entries_pane.filtered.connect(self._update_buttons)
        self.entries_pane.changed.connect(self._changed)
        self.entries_pane.refresh_requested.connect(self.refresh)
        self.suggestions_pane.changed.connect(self._changed)
        self.suggestions_pane.current_changed.connect(self._update_buttons)
        self.ops.pending_changed.connect(self._update_buttons)
        self.close_button.clicked.connect(self.reject)

        self.retranslate()
        self.tabs.setTabEnabled(1, record_id is not None)
        self._update_buttons()
        self.refresh()

    # -- state ------------------------------------------------------------------------------


    def _fit_to_screen(self) -> None:
        """1180×720 where there is room; never larger than the screen (a 1024×768 laptop)."""
        width, height = 1180, 720
        screen = self.screen()
        if screen is not None and screen.availableGeometry().width() > 0:
            area = screen.availableGeometry()
            width, height = min(width, area.width() - 24), min(height, area.height() - 48)
        self.resize(max(640, width), max(480, height))

    @property
    def busy(self) -> bool:
        """True while a service call of this window is queued or running."""
        return self.ops.busy

    @property
    def record_id(self) -> str | None:
        """The testimony whose suggestions are shown."""
        return self.suggestions_pane.record_id

    @property
    def corroboration(self) -> Corroboration | None:
        """The corroboration on screen."""
        return self.corroboration_pane.corroboration

    def selected_entry_ids(self) -> list[str]:
        """The ids of the selected entries (among those shown), in list order."""
        return self.entries_pane.selected_entry_ids()

    def current_entry_id(self) -> str | None:
        """The entry whose corroboration is shown: the current row, if selected."""
        return self.entries_pane.current_entry_id()

    def shown_entries(self) -> list[EntryRow]:
        """The entries the list shows (after the search and the kind), in list order."""
        return self.entries_pane.shown_entries()

    def select_entry(self, entry_id: str) -> bool:
        """Select the entry with ``entry_id`` alone; False if it is not shown."""
        return self.entries_pane.select_entry(entry_id)

    def set_record(self, record_id: str | None) -> None:
        """Show the suggestions of another testimony (or none)."""
        self.tabs.setTabEnabled(1, record_id is not None)
        self.suggestions_pane.set_record(record_id)

    def show_suggestions(self) -> None:
        """Bring the Suggestions tab to the front."""
        if self.record_id is not None:
            self.tabs.setCurrentWidget(self.suggestions_pane)

    # -- loading ----------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Reload the entries, then the selected entry's corroboration and the suggestions."""
        self.ops.submit(load_listing, self.show_listing)
        self.load_suggestions()

    @Slot()
    def load_corroboration(self) -> None:
        """Ask for the corroboration of the current entry with the filters shown."""
        self.corroboration_pane.load()

    @Slot()
    def load_suggestions(self) -> None:
        """Ask for the suggested links of the open testimony."""
        self.suggestions_pane.load()

    def show_listing(self, listing: Listing) -> None:
        """Show the entries of :func:`load_listing`, keeping the search, kind and selection."""
        keep = self._select_after_refresh or self.current_entry_id()
        self._select_after_refresh = None
        self.entries_pane.show_listing(listing)
        if keep is None or not self.select_entry(keep):
            self.corroboration_pane.show_result(None)
        else:
            self.load_corroboration()
        self._update_buttons()

    def _changed(self, select: str | None = None) -> None:
        self._select_after_refresh = select
        self.changed.emit()
        self.refresh()

    def _heading(self, entry_id: str) -> str:
        """``Person: Name (rank, unit)`` for a listed entry, else its name or id."""
        for row in self.entries_pane.listing.rows:
            if row.entry.id == entry_id:
                return entry_heading(row.entry)
        return self.entries_pane.name_of(entry_id)

    @Slot()
    def _selection_changed(self) -> None:
        self._update_buttons()
        if self.current_entry_id() != self.corroboration_pane.shown_entry:
            self.load_corroboration()

    # -- merge and links (for the buttons and for tests) ------------------------------------

    def merge_selected(self) -> None:
        """Fold the other selected entry into the current one, after asking."""
        self.entries_pane.merge_selected()

    def undo_merge(self) -> None:
        """Separate the newest merge into the selected entry (else the newest) again."""
        self.entries_pane.undo_merge()

    def confirm_selected(self) -> None:
        """Confirm the selected suggestion."""
        self.suggestions_pane.confirm_selected()

    def reject_selected(self) -> None:
        """Reject the selected suggestion."""
        self.suggestions_pane.reject_selected()

    def link_to_new_entry(self) -> None:
        """Link the selected mention to a new entry."""
        self.suggestions_pane.link_to_new_entry()

    @Slot()
    def _update_buttons(self) -> None:
        idle = not self.busy
        self.entries_pane.update_buttons(idle)
        self.suggestions_pane.update_buttons(idle)
        self.status_label.setText(self.tr("Working…") if self.busy else "")

    # -- texts and closing ------------------------------------------------------------------

    def retranslate(self) -> None:
        """The window's own texts; each pane follows the language by itself."""
        self.setWindowTitle(self.tr("Registry and corroboration"))
        self.tabs.setTabText(0, self.tr("Corroboration"))
        self.tabs.setTabText(1, self.tr("Suggestions"))
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        """Closing (or the lock) wipes every table: nothing of the vault stays on screen."""
        self.ops.close()
        self.corroboration_pane.show_result(None)
        self.suggestions_pane.clear()
        self.entries_pane.clear()
        super().done(result)
