"""The registry window's Suggestions tab: mentions in the open testimony and what they may be.

The program only suggests. Suggested links are listed with their scores and reasons (codes
from the matcher, worded here in the interface language); nothing becomes a link until the user
presses **Confirm** (or **Link to new entry**), and **Reject** keeps a wrong entry from being
suggested again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app import words
from testimony_app.ui.registry.model import ROW_ROLE, SuggestionRow, kind_label
from testimony_app.ui.session_op import SessionOp

if TYPE_CHECKING:
    from testimony_app.domain.matching import MentionSuggestions, Reason
    from testimony_app.services.vault import VaultSession


class SuggestionsPane(QWidget):
    """The suggestion tree with Confirm, Reject and Link to new entry.

    Signals:
        changed(object): links changed; the entry id to select after the refresh (or None).
        current_changed(): another row of the tree is current.
    """

    changed = Signal(object)
    current_changed = Signal()

    def __init__(
        self,
        ops: SessionOp,
        name_of: Callable[[str], str],
        record_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registrySuggestionsPane")
        self._ops = ops
        self._name_of = name_of
        self._record_id = record_id
        self._suggestions: list[MentionSuggestions] = []
        self.record_label = QLabel(self)
        self.record_label.setObjectName("registryRecordLabel")
        self.record_label.setWordWrap(True)
        self.suggestion_tree = QTreeWidget(self)
        self.suggestion_tree.setObjectName("registrySuggestions")
        self.suggestion_tree.setColumnCount(3)
        self.suggestion_tree.setAlternatingRowColors(True)
        self.suggestion_tree.header().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("registryConfirm")
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName("registryReject")
        self.new_entry_button = QPushButton(self)
        self.new_entry_button.setObjectName("registryNewEntry")
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.new_entry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.record_label)
        layout.addWidget(self.suggestion_tree, 1)
        layout.addLayout(buttons)

        self.suggestion_tree.currentItemChanged.connect(self.current_changed)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.new_entry_button.clicked.connect(self.link_to_new_entry)
        self.retranslate()

    @property
    def record_id(self) -> str | None:
        """The testimony whose suggestions are shown."""
        return self._record_id

    def set_record(self, record_id: str | None) -> None:
        """Show the suggestions of another testimony (or none)."""
        self._record_id = record_id
        self.load()

    @Slot()
    def load(self) -> None:
        """Ask for the suggested links of the open testimony."""
        record_id = self._record_id
        if record_id is None:
            self.show_result([])
            return

        def shown(result: list[MentionSuggestions]) -> None:
            if self._record_id == record_id:
                self.show_result(result)

        self._ops.submit(lambda s: s.registry.suggestions(record_id), shown)

    def clear(self) -> None:
        """Nothing shown (the window closes)."""
        self._suggestions = []
        self.suggestion_tree.clear()

    # -- confirm, reject, new entry ---------------------------------------------------------

    def _current_suggestion(self) -> SuggestionRow | None:
        item = self.suggestion_tree.currentItem()
        if item is None:
            return None
        row = item.data(0, ROW_ROLE)
        return row if isinstance(row, SuggestionRow) else None

    def _done(self, _value: object = None) -> None:
        self.changed.emit(None)

    @Slot()
    def confirm_selected(self) -> None:
        """Confirm the selected suggestion (or suggested link): this mention is this entry."""
        row, record_id = self._current_suggestion(), self._record_id
        if row is None or record_id is None or (row.entry_id is None and row.link_id is None):
            return
        if row.link_id is not None:
            link_id = row.link_id
            self._ops.submit(lambda s: s.registry.confirm(link_id), self._done)
        else:
            path, entry_id = row.mention_path, row.entry_id
            self._ops.submit(lambda s: s.registry.link(record_id, path, entry_id), self._done)

    @Slot()
    def reject_selected(self) -> None:
        """Reject the selected suggestion: it will not be suggested for this mention again."""
        row, record_id = self._current_suggestion(), self._record_id
        if row is None or record_id is None or (row.entry_id is None and row.link_id is None):
            return
        if row.link_id is not None:
            link_id = row.link_id
            self._ops.submit(lambda s: s.registry.reject(link_id), self._done)
            return
        path, entry_id = row.mention_path, row.entry_id

        def work(s: VaultSession) -> object:
            link = s.registry.link(record_id, path, entry_id, status="suggested")
            return s.registry.reject(link.id)

        self._ops.submit(work, self._done)

    @Slot()
    def link_to_new_entry(self) -> None:
        """Make a new registry entry from the selected mention and link the mention to it."""
        row, record_id = self._current_suggestion(), self._record_id
        if row is None or record_id is None:
            return
        path = row.mention_path

        def linked(link: Any) -> None:
            self.changed.emit(link.entry_id)

        self._ops.submit(lambda s: s.registry.link(record_id, path, new_entry=True), linked)

    def update_buttons(self, idle: bool) -> None:
        """What the current row allows; nothing while the window is busy."""
        row = self._current_suggestion()
        actionable = row is not None and (row.entry_id is not None or row.link_id is not None)
        self.confirm_button.setEnabled(
            idle and actionable and (row is not None and row.status != "confirmed")
        )
        self.reject_button.setEnabled(
            idle and actionable and (row is not None and row.status != "rejected")
        )
        self.new_entry_button.setEnabled(idle and row is not None and row.entry_id is None)

    # -- showing ----------------------------------------------------------------------------

    def show_result(self, result: list[MentionSuggestions]) -> None:
        """Fill the tree: each mention, its links and its suggestions with scores and reasons."""
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
            top = QTreeWidgetItem([text, kind_label(mention.kind), ""])
            top.setData(0, ROW_ROLE, SuggestionRow(mention.path))
            if any(link.status == "confirmed" for link in found.links):
                top.setText(2, self.tr("linked"))
            for link in found.links:
                name = self._name_of(link.entry_id)
                child = QTreeWidgetItem([name, statuses.get(link.status, link.status), ""])
                child.setData(
                    0, ROW_ROLE, SuggestionRow(mention.path, link.entry_id, link.id, link.status)
                )
                top.addChild(child)
            for suggestion in found.suggestions:
                name = self._name_of(suggestion.entry_id)
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

    def _reason_text(self, reason: Reason) -> str:
        """A reason behind a suggestion, in the interface language (the domain catalogue's
        ``match.*`` words, which the command line uses too)."""
        return reason.describe(words.current_language())

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.suggestion_tree.setHeaderLabels(
            [self.tr("Mention / entry"), self.tr("Kind / score"), self.tr("Reasons")]
        )
        self.confirm_button.setText(self.tr("&Confirm"))
        self.reject_button.setText(self.tr("&Reject"))
        self.new_entry_button.setText(self.tr("Link to &new entry"))
        self.show_result(self._suggestions)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
