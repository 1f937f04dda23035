"""Pick terms of a controlled vocabulary (methods, safeguards) in the interface language.

Why a searchable checklist and not a tree of menus: the ESF methods list has about seventy
entries, an interviewer listening to a witness needs to find "falanga" by typing four letters,
and the check marks must stay visible so the choice can be read back to the witness. Search
folds case and diacritics (``domain.folding``), so ``doym`` typed on any keyboard finds
``Döymə``, and it matches the labels in every language, whichever word comes to mind first.

What is stored is always the code, never the label, so a record reads the same in every
language.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.folding import fold
from testimony_app.domain.vocabularies import vocabulary

_CODE = Qt.ItemDataRole.UserRole
_GROUP = Qt.ItemDataRole.UserRole + 1
_HAYSTACK = Qt.ItemDataRole.UserRole + 2


def choices(name: str, lang: str) -> list[tuple[str, str]]:
    """``(code, label)`` of every term of vocabulary ``name``, labelled in ``lang``."""
    return [(term.code, term.label(lang)) for term in vocabulary(name).terms]


def term_label(name: str, code: str, lang: str) -> str:
    """The label of ``code`` in ``lang``; the code itself if the vocabulary does not know it."""
    return vocabulary(name).label(code, lang) or code


class VocabPicker(QWidget):
    """A search box over a checklist of one vocabulary's terms.

    Signals:
        changed(): the set of checked codes changed because of the user.
    """

    changed = Signal()

    def __init__(
        self, vocab: str, name: str, *, rows: int = 10, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._vocab = vocab
        self._lang = "en"
        self._extra: list[str] = []  # stored codes the vocabulary does not know: kept, shown
        self._read_only = False
        self._filling = False

        self.search = QLineEdit(self)
        self.search.setObjectName(f"{name}.search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)

        self.list = QListWidget(self)
        self.list.setObjectName(f"{name}.list")
        # Long labels wrap ("Подвешивание за руки, связанные за спиной"): no horizontal
        # scroll bar hides the end of a method's name (GUI review D22).
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        row_height = self.list.fontMetrics().lineSpacing() + 6
        self.list.setMinimumHeight(row_height * min(rows, 4) + 8)
        self.list.setFixedHeight(row_height * rows + 8)
        self.list.itemChanged.connect(self._item_changed)

        self.summary = QLabel(self)
        self.summary.setObjectName(f"{name}.summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.search)
        column.addWidget(self.list)
        column.addWidget(self.summary)
        self.setFocusProxy(self.search)
        self._fill()
        self.retranslate()

    # -- value --------------------------------------------------------------------------------

    def value(self) -> list[str]:
        """The checked codes in vocabulary order, then any codes the vocabulary does not know."""
        codes = [
            str(item.data(_CODE))
            for item in self._terms()
            if item.checkState() == Qt.CheckState.Checked
        ]
        return [*codes, *self._extra]

    def set_value(self, codes: Iterable[str] | None) -> None:
        """Check exactly ``codes`` (without emitting :attr:`changed`)."""
        wanted = list(codes or [])
        known = set()
        self._filling = True
        try:
            for item in self._terms():
                code = item.data(_CODE)
                known.add(code)
                item.setCheckState(
                    Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked
                )
        finally:
            self._filling = False
        self._extra = [c for c in wanted if c not in known]
        self._update_summary()

    def set_checked(self, code: str, checked: bool = True) -> None:
        """Check or uncheck one code as the user would (emits :attr:`changed`)."""
        item = self._item(code)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def clear_search(self) -> None:
        """Show the whole list again (another item is shown: its filter must not carry over)."""
        if self.search.text():
            self.search.setText("")

    def visible_codes(self) -> list[str]:
        """The codes the current search leaves visible (for tests and the Enter key)."""
        return [str(item.data(_CODE)) for item in self._terms() if not item.isHidden()]

    def label_of(self, code: str) -> str:
        """The label shown for ``code`` in the current language."""
        return term_label(self._vocab, code, self._lang)

    # -- state --------------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Show the labels in ``lang``; the checked codes do not change."""
        self._lang = lang
        voc = vocabulary(self._vocab)
        self._filling = True
        try:
            for i in range(self.list.count()):
                item = self.list.item(i)
                code = item.data(_CODE)
                if code:
                    item.setText(self._indent(item) + self.label_of(code))
                else:
                    item.setText(voc.group_label(str(item.data(_GROUP)), lang))
        finally:
            self._filling = False
        self._filter(self.search.text())
        self._update_summary()

    def set_read_only(self, read_only: bool) -> None:
        """A sealed version shows its choices; searching still works, checking does not."""
        self._read_only = read_only
        self._filling = True
        try:
            for item in self._terms():
                flags = item.flags()
                if read_only:
                    flags &= ~Qt.ItemFlag.ItemIsUserCheckable
                else:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
        finally:
            self._filling = False

    def retranslate(self) -> None:
        """Placeholder and summary in the interface language."""
        self.search.setPlaceholderText(self.tr("Type to search…"))
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow leaves the search box for the list; Enter ticks the first match."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self._focus_first_visible()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search.text():
                visible = self.visible_codes()
                if visible and not self._read_only:
                    item = self._item(visible[0])
                    state = item.checkState()
                    item.setCheckState(
                        Qt.CheckState.Unchecked
                        if state == Qt.CheckState.Checked
                        else Qt.CheckState.Checked
                    )
                return True
        return super().eventFilter(watched, event)

    # -- private ------------------------------------------------------------------------------

    def _fill(self) -> None:
        voc = vocabulary(self._vocab)
        self._filling = True
        try:
            for group in voc.groups():
                if group:
                    header = QListWidgetItem()
                    header.setData(_GROUP, group)
                    header.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    font = QFont(header.font())
                    font.setBold(True)
                    header.setFont(font)
                    header.setText(voc.group_label(group, self._lang))
                    self.list.addItem(header)
                for term in voc.terms_in_group(group):
                    item = QListWidgetItem()
                    item.setData(_CODE, term.code)
                    item.setData(_GROUP, group)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    item.setCheckState(Qt.CheckState.Unchecked)
                    item.setText(self._indent(item) + term.label(self._lang))
                    # Every language's label: an interviewer may think of the word in any.
                    words = [*term.labels.values(), term.code.replace("_", " ")]
                    item.setData(_HAYSTACK, " | ".join(fold(w) for w in words))
                    self.list.addItem(item)
        finally:
            self._filling = False

    @staticmethod
    def _indent(item: QListWidgetItem) -> str:
        return "   " if item.data(_GROUP) else ""

    def _terms(self) -> list[QListWidgetItem]:
        """The checkable items (not the group headings)."""
        items = (self.list.item(i) for i in range(self.list.count()))
        return [item for item in items if item.data(_CODE)]

    def _item(self, code: str) -> QListWidgetItem:
        for item in self._terms():
            if item.data(_CODE) == code:
                return item
        raise KeyError(code)

    def _filter(self, text: str) -> None:
        needle = fold(text.strip())
        shown_groups: set[str] = set()
        for item in self._terms():
            hidden = bool(needle) and needle not in str(item.data(_HAYSTACK))
            item.setHidden(hidden)
            if not hidden:
                shown_groups.add(str(item.data(_GROUP)))
        for i in range(self.list.count()):
            item = self.list.item(i)
            if not item.data(_CODE):
                item.setHidden(str(item.data(_GROUP)) not in shown_groups)

    def _focus_first_visible(self) -> None:
        for item in self._terms():
            if not item.isHidden():
                self.list.setCurrentItem(item)
                break
        self.list.setFocus()

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if self._filling:
            return
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        labels = [self.label_of(code) for code in self.value()]
        if labels:
            self.summary.setText(self.tr("Chosen: %s") % "; ".join(labels))
        else:
            self.summary.setText(self.tr("Nothing chosen yet."))
        self._fit_summary()

    def _fit_summary(self) -> None:
        """Claim the height the wrapped summary needs at this width: the form around does not
        ask for it, and the summary was drawn over the list."""
        width = self.summary.width() if self.summary.width() > 50 else self.width()
        if width > 50:
            self.summary.setMinimumHeight(self.summary.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The summary wraps differently at another width."""
        super().resizeEvent(event)
        self._fit_summary()

    def __repr__(self) -> str:  # never the labels: they may reveal what a record says
        return f"<VocabPicker {self._vocab}>"

