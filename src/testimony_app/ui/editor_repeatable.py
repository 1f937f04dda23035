"""Pages with repeated items: detention episodes (here) and acts (:mod:`.editor_acts`).

Why a list beside one form (master and detail) rather than a long stack of forms: a witness
may describe five places of detention and a dozen sessions; one form at a time keeps the page
calm, and the list shows the whole story's order at a glance. The order matters (the statement
numbers episodes and acts as listed), so items can be moved up and down.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import Act, DetentionEpisode, Testimony
from testimony_app.ui.editor_base import EditorPage, Field, new_form, path_steps
from testimony_app.ui.editor_fields import (
    ChoiceField,
    LineField,
    TextField,
    date_field,
    side_by_side,
)
from testimony_app.ui.prompts import prompts_for
from testimony_app.ui.vocab_picker import VocabPicker, choices

T = TypeVar("T", DetentionEpisode, Act)


class RepeatablePage(EditorPage, Generic[T]):
    """A list of items of one kind with one form showing the selected item.

    Subclasses set :attr:`section` (the ``Testimony`` list attribute), :attr:`factory`, build
    their form into :attr:`form` with :meth:`detail`, and say how an item is named in the list.

    Signals:
        reordered(object): items moved or were removed; the argument maps each old index to
            its new one (``None`` when removed), so acts can follow their detention episode.
    """

    reordered = Signal(object)
    factory: Callable[[], T]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[T] = []
        self.current = -1
        self.detail_fields: dict[str, Field] = {}
        key = self.section

        master = QWidget(self.body)
        master_row = QHBoxLayout(master)
        master_row.setContentsMargins(0, 0, 0, 0)
        master_row.setSpacing(16)
        # The list keeps its buttons at hand: "Add" above it, the rest under it, and the list
        # no taller than its items need, so nothing scrolls away with a long form (review D23).
        side = QVBoxLayout()
        self.list = QListWidget(master)
        self.list.setObjectName(f"{key}.list")
        self.list.setMinimumWidth(170)
        self.list.setMaximumWidth(230)
        self.list.setMinimumHeight(120)
        self.list.setMaximumHeight(320)
        self.list.setWordWrap(True)  # whole labels, not cut without an ellipsis
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._select)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(master)
        self.add_button.setObjectName(f"{key}.add")
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(master)
        self.remove_button.setObjectName(f"{key}.remove")
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton("↑", master)
        self.up_button.setObjectName(f"{key}.up")
        self.up_button.setMaximumWidth(36)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("↓", master)
        self.down_button.setObjectName(f"{key}.down")
        self.down_button.setMaximumWidth(36)
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.insertStretch(1, 1)
        side.addWidget(self.add_button)
        side.addWidget(self.list)
        side.addLayout(buttons)
        side.addStretch(1)
        master_row.addLayout(side, 0)

        self.detail_box = QWidget(master)
        self.detail_box.setObjectName(f"{key}.detail")
        detail_column = QVBoxLayout(self.detail_box)
        detail_column.setContentsMargins(0, 0, 0, 0)
        self.form = new_form()
        # Labels above their fields: beside the item list the form has little width, and a
        # column of long labels ("How the arrest or abduction happened") left the fields none.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        detail_column.addLayout(self.form)
        detail_column.addStretch(1)
        self.empty = QLabel(master)
        self.empty.setObjectName(f"{key}.empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        master_row.addWidget(self.detail_box, 1)
        master_row.addWidget(self.empty, 1)
        self.column.addWidget(master, 1)
        self.body.setMaximumWidth(1200)
        self.on_language(self._retranslate_buttons)
        self._update_state()

    # -- subclass hooks -----------------------------------------------------------------------

    def item_label(self, index: int, item: T) -> str:
        """How the item reads in the list."""
        raise NotImplementedError

    def _retranslate_buttons(self) -> None:
        raise NotImplementedError

    def detail(
        self, attr: str, field: Any, label: Callable[[], str] | None = None,
        placeholder: Callable[[], str] | None = None,
    ) -> Any:
        """Add ``field`` as the editor of the selected item's ``attr`` (a row if labelled)."""
        self.detail_fields[attr] = field
        field.changed.connect(self._detail_changed)
        if label is not None:
            self.row(self.form, label, field, placeholder)
        return field

    # -- EditorPage ---------------------------------------------------------------------------

    def load(self, testimony: Testimony) -> None:
        """Show the items (copies: the model is only changed through :meth:`store`)."""
        with self.loading():
            self.items = copy.deepcopy(list(getattr(testimony, self.section)))
            self.current = -1
            self._refresh_list()
            self._select(0 if self.items else -1)

    def store(self, testimony: Testimony) -> None:
        """Write the items, including the one being edited."""
        self._store_current()
        setattr(testimony, self.section, copy.deepcopy(self.items))

    def set_read_only(self, read_only: bool) -> None:
        """Items are shown but not added, removed, moved or edited."""
        self._read_only = read_only
        for field in self.detail_fields.values():
            field.set_read_only(read_only)
        self._update_state()

    def focus_field(self, path: str) -> bool:
        """``acts[2].methods`` selects the third act and focuses its methods."""
        steps = path_steps(path)
        index = steps[1] if len(steps) > 1 and isinstance(steps[1], int) else -1
        if 0 <= index < len(self.items):
            self.list.setCurrentRow(index)
            field = self.detail_fields.get(str(steps[2])) if len(steps) > 2 else None
            self.show_widget(field if field is not None else self.list)
            return True
        self.show_widget(self.add_button if not self.items else self.list)
        return True

    # -- actions ------------------------------------------------------------------------------

    def add_item(self) -> None:
        """Append a new item, select it, and put the cursor in its first field."""
        if self._read_only:
            return
        self._store_current()
        self.items.append(self.factory())
        self._refresh_list()
        self.list.setCurrentRow(len(self.items) - 1)
        self.emit_changed()
        first = next(iter(self.detail_fields.values()), None)
        if first is not None:
            self.show_widget(first)

    def remove_current(self) -> None:
        """Remove the selected item, after asking if anything was written in it."""
        index = self.current
        if self._read_only or not 0 <= index < len(self.items):
            return
        self._store_current()
        if self.items[index] != self.factory():
            prompts = prompts_for(self)
            if not prompts.confirm(
                self, self.tr("Remove"), self.tr("Remove item %d and everything written in it?")
                % (index + 1), ok_label=self.tr("Remove"), destructive=True,
            ):
                return
        del self.items[index]
        mapping: dict[int, int | None] = {
            i: (None if i == index else i - (i > index)) for i in range(len(self.items) + 1)
        }
        self.current = -1
        self._refresh_list()
        self._select(min(index, len(self.items) - 1))
        self.list.setCurrentRow(self.current)
        self.reordered.emit(mapping)
        self.emit_changed()

    def move_current(self, step: int) -> None:
        """Move the selected item up (-1) or down (+1)."""
        index = self.current
        target = index + step
        if self._read_only or not (0 <= index < len(self.items) and 0 <= target < len(self.items)):
            return
        self._store_current()
        self.items[index], self.items[target] = self.items[target], self.items[index]
        mapping: dict[int, int | None] = {i: i for i in range(len(self.items))}
        mapping[index], mapping[target] = target, index
        self.current = -1
        self._refresh_list()
        self.list.setCurrentRow(target)
        self.reordered.emit(mapping)
        self.emit_changed()

    def labels(self) -> list[str]:
        """Every item's list label (acts use the detention labels)."""
        self._store_current()
        return [self.item_label(i, item) for i, item in enumerate(self.items)]

    # -- private ------------------------------------------------------------------------------

    def _store_current(self) -> None:
        if not 0 <= self.current < len(self.items):
            return
        item = self.items[self.current]
        for attr, field in self.detail_fields.items():
            setattr(item, attr, self._from_field(attr, field.value()))

    def _from_field(self, _attr: str, value: Any) -> Any:
        return value

    def _to_field(self, _attr: str, value: Any) -> Any:
        return value

    def _select(self, index: int) -> None:
        if index == self.current and index >= 0:
            return
        self._store_current()
        self.current = index if 0 <= index < len(self.items) else -1
        with self.loading():
            source = self.items[self.current] if self.current >= 0 else self.factory()
            for attr, field in self.detail_fields.items():
                field.set_value(self._to_field(attr, getattr(source, attr)))
                # A search typed for the previous item ("dəyənək") must not filter this one.
                clear_search = getattr(field, "clear_search", None)
                if callable(clear_search):
                    clear_search()
        if self.list.currentRow() != self.current:
            self.list.blockSignals(True)
            self.list.setCurrentRow(self.current)
            self.list.blockSignals(False)
        self._update_state()

    def _detail_changed(self) -> None:
        if self._loading or self.current < 0:
            return
        self._store_current()
        entry = self.list.item(self.current)
        if entry is not None:
            label = self.item_label(self.current, self.items[self.current])
            entry.setText(label)
            entry.setToolTip(label)
        self.emit_changed()

    def _refresh_list(self) -> None:
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for index, item in enumerate(self.items):
                label = self.item_label(index, item)
                self.list.addItem(label)
                self.list.item(index).setToolTip(label)
        finally:
            self.list.blockSignals(False)
        self._update_state()

    def _update_state(self) -> None:
        has = self.current >= 0
        self.detail_box.setVisible(has)
        self.empty.setVisible(not has)
        editable = not self._read_only
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and has)
        self.up_button.setEnabled(editable and self.current > 0)
        self.down_button.setEnabled(editable and has and self.current < len(self.items) - 1)

    def relabel(self) -> None:
        """Redo the list entries (their labels use translated words and vocabulary labels)."""
        for index, item in enumerate(self.items):
            entry = self.list.item(index)
            if entry is not None:
                label = self.item_label(index, item)
                entry.setText(label)
                entry.setToolTip(label)

    def changeEvent(self, event: QEvent) -> None:
        """Relabel the list too when the language changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.relabel()


# -- detention ----------------------------------------------------------------------------------


class DetentionPage(RepeatablePage[DetentionEpisode]):
    """Periods in custody, with the safeguards the witness had or was denied."""

    section = "detentions"
    factory = DetentionEpisode

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_language(lambda: self.hint.setText(self.tr(
            "One episode for each period in custody or each place, in order. Approximate dates "
            "are fine: say how exactly the witness remembers them."
        )))
        self.on_language(lambda: self.empty.setText(self.tr(
            "No detention episodes yet. Press Add episode for each period in custody."
        )))
        self._precisions: list[ChoiceField] = []
        f = self.form
        # Each date is checked against its precision: "2017-05" is not "exact to the day".
        start_p = ChoiceField("detentions.start_precision")
        start = self.detail(
            "start_date", date_field("detentions.start_date", precision=start_p)
        )
        self.detail("start_precision", start_p)
        self.row(f, lambda: self.tr("From"), side_by_side(start, start_p))
        end_p = ChoiceField("detentions.end_precision")
        end = self.detail("end_date", date_field("detentions.end_date", precision=end_p))
        self.detail("end_precision", end_p)
        self.row(f, lambda: self.tr("Until"), side_by_side(end, end_p))
        self._precisions = [start_p, end_p]
        self.detail("place", LineField("detentions.place"), lambda: self.tr("Place of detention"))
        self.detail("place_description", TextField("detentions.place_description", lines=3),
                    lambda: self.tr("Description of the place"),
                    lambda: self.tr("Building, cell, floor: enough to find it again"))
        self.detail("authority", LineField("detentions.authority"),
                    lambda: self.tr("Held by"),
                    lambda: self.tr("Police, military police, security service, unit"))
        self._type = self.detail("detention_type", ChoiceField("detentions.detention_type"),
                                 lambda: self.tr("Kind of detention"))
        self.detail("arrest_circumstances",
                    TextField("detentions.arrest_circumstances", lines=3),
                    lambda: self.tr("How the arrest or abduction happened"))
        self.detail("transfers", TextField("detentions.transfers", lines=2),
                    lambda: self.tr("Transfers between places"))
        self._pickers: list[VocabPicker] = []
        for attr, vocab, label, rows in (
            ("outside_contact", "outside_contact",
             lambda: self.tr("Contact with family and the outside"), 6),
            ("legal_counsel", "legal_counsel", lambda: self.tr("Access to a lawyer"), 6),
            ("statements_signed", "statements_signed",
             lambda: self.tr("Statements or documents signed"), 6),
            ("medical_attention", "medical_attention",
             lambda: self.tr("Medical attention in custody"), 6),
        ):
            picker = VocabPicker(vocab, f"detentions.{attr}", rows=rows)
            self._pickers.append(picker)
            self.detail(attr, picker, label)
            if attr == "statements_signed":
                self.detail("how_signed", TextField("detentions.how_signed", lines=2),
                            lambda: self.tr("How they were signed"),
                            lambda: self.tr("Under threat, without reading, without a lawyer"))
        self.detail("conditions", TextField("detentions.conditions", lines=3),
                    lambda: self.tr("Conditions"),
                    lambda: self.tr("Cell, food, water, sleep, light, toilet"))
        self.detail("court", LineField("detentions.court"), lambda: self.tr("Court"))
        self.detail("case_number", LineField("detentions.case_number"),
                    lambda: self.tr("Case number"))
        self.detail("notes", TextField("detentions.notes", lines=2), lambda: self.tr("Notes"))
        self.set_language("en")

    def title(self) -> str:
        """Navigator entry."""
        return self.tr("Detention")

    def _retranslate_buttons(self) -> None:
        self.add_button.setText(self.tr("Add episode"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button.setToolTip(self.tr("Move down"))

    def item_label(self, index: int, item: DetentionEpisode) -> str:
        """``2. 2020-11 – Tərtər military unit``."""
        when = item.start_date or "?"
        if item.end_date:
            when += f" – {item.end_date}"
        where = item.place or self.tr("place not given")
        return f"{index + 1}. {when} · {where}"

    def set_language(self, lang: str) -> None:
        """Vocabulary labels in ``lang``."""
        super().set_language(lang)
        with self.loading():
            for field in self._precisions:
                field.set_choices(choices("date_precision", lang))
            self._type.set_choices(choices("detention_types", lang),
                                   lambda: self.tr("— not given —"))
            for picker in self._pickers:
                picker.set_language(lang)
