"""Pages with repeated items: detention episodes and acts of ill-treatment.

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
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import Act, DetentionEpisode, Perpetrator, Testimony
from testimony_app.ui.editor_base import (
    ChoiceField,
    EditorPage,
    Field,
    LineField,
    TextField,
    date_field,
    new_form,
    path_steps,
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


# -- acts ---------------------------------------------------------------------------------------

_PERPETRATOR_COLUMNS = ("name", "rank", "position", "unit", "description", "involvement")


class PerpetratorTable(QWidget):
    """The people the witness says took part: one row each, typed in place.

    Signals:
        changed(): a row was added, removed or edited.
    """

    changed = Signal()

    def __init__(self, name: str = "acts.perpetrators", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._loading = False
        self._lang = "en"
        self.table = QTableWidget(0, len(_PERPETRATOR_COLUMNS), self)
        self.table.setObjectName(f"{name}.table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, width in ((0, 130), (1, 90), (2, 90), (3, 100), (5, 150)):
            header.resizeSection(column, width)
        # Rows grow with their text, so a long description is read whole, not cut.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(self._item_changed)
        self.add = QPushButton(self)
        self.add.setObjectName("addPerpetratorButton")
        self.add.clicked.connect(self.add_row)
        self.remove = QPushButton(self)
        self.remove.setObjectName("removePerpetratorButton")
        self.remove.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.table)
        outer.addLayout(buttons)
        self.setFocusProxy(self.table)
        self.retranslate()

    def value(self) -> list[Perpetrator]:
        """One perpetrator per row; rows left entirely empty are dropped."""
        people = []
        for row in range(self.table.rowCount()):
            values: dict[str, str] = {}
            for col, attr in enumerate(_PERPETRATOR_COLUMNS):
                if attr == "involvement":
                    combo = self.table.cellWidget(row, col)
                    values[attr] = combo.value() if isinstance(combo, ChoiceField) else ""
                else:
                    item = self.table.item(row, col)
                    values[attr] = item.text() if item is not None else ""
            if any(v.strip() for v in values.values()):
                people.append(Perpetrator(**values))
        return people

    def set_value(self, people: list[Perpetrator] | None) -> None:
        """Show ``people`` without reporting a change."""
        self._loading = True
        try:
            self.table.setRowCount(0)
            for person in people or []:
                self._append(person)
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        """Sealed: shown, not edited."""
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, len(_PERPETRATOR_COLUMNS) - 1)
            if isinstance(combo, ChoiceField):
                combo.set_read_only(read_only)
        self.add.setEnabled(not read_only)
        self.remove.setEnabled(not read_only)

    def set_language(self, lang: str) -> None:
        """Involvement labels in ``lang``."""
        self._lang = lang
        self._loading = True
        try:
            for row in range(self.table.rowCount()):
                combo = self.table.cellWidget(row, len(_PERPETRATOR_COLUMNS) - 1)
                if isinstance(combo, ChoiceField):
                    combo.set_choices(choices("perpetrator_involvement", lang),
                                      lambda: self.tr("—"))
        finally:
            self._loading = False

    def add_row(self) -> None:
        """A new empty row, ready to type the name."""
        self._append(Perpetrator())
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.changed.emit()

    def remove_row(self) -> None:
        """Remove the row with the cursor."""
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self.changed.emit()

    def retranslate(self) -> None:
        """Headers and buttons in the interface language."""
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Rank"), self.tr("Position"), self.tr("Unit"),
            self.tr("Description"), self.tr("Involvement"),
        ])
        description = self.table.horizontalHeaderItem(4)
        if description is not None:
            description.setToolTip(self.tr("Appearance, uniform, vehicle, what others called them"))
        # No column narrower than its title: "Description" read "escriptio" (review D22).
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        titles = [self.table.horizontalHeaderItem(c) for c in range(self.table.columnCount())]
        widest = max(metrics.horizontalAdvance(t.text()) for t in titles if t is not None)
        header.setMinimumSectionSize(min(widest + 24, 160))
        self.add.setText(self.tr("Add person"))
        self.remove.setText(self.tr("Remove person"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _append(self, person: Perpetrator) -> None:
        row = self.table.rowCount()
        was = self._loading
        self._loading = True
        try:
            self.table.insertRow(row)
            for col, attr in enumerate(_PERPETRATOR_COLUMNS):
                if attr == "involvement":
                    combo = ChoiceField(f"acts.perpetrators.{row}.involvement")
                    combo.set_choices(choices("perpetrator_involvement", self._lang),
                                      lambda: self.tr("—"))
                    combo.set_value(person.involvement)
                    combo.changed.connect(self._combo_changed)
                    self.table.setCellWidget(row, col, combo)
                else:
                    self.table.setItem(row, col, QTableWidgetItem(getattr(person, attr)))
        finally:
            self._loading = was

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.changed.emit()

    def _combo_changed(self) -> None:
        if not self._loading:
            self.changed.emit()


class ActsPage(RepeatablePage[Act]):
    """Each act or session of ill-treatment: when, where, how, by whom, and what was demanded."""

    section = "acts"
    factory = Act

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_language(lambda: self.hint.setText(self.tr(
            "One entry for each act or session the witness describes. Pick the methods from the "
            "list and add anything else in the witness's words."
        )))
        self.on_language(lambda: self.empty.setText(self.tr(
            "No acts yet. Press Add act for each act or session the witness describes."
        )))
        self._episode_labels: list[str] = []
        f = self.form
        precision = ChoiceField("acts.date_precision")
        date = self.detail("date", date_field("acts.date", precision=precision))
        self._precision = self.detail("date_precision", precision)
        self.row(f, lambda: self.tr("When"), side_by_side(date, self._precision))
        self.detail("place", LineField("acts.place"), lambda: self.tr("Where"))
        self._episode = self.detail("episode", ChoiceField("acts.episode"),
                                    lambda: self.tr("During detention episode"))
        self.methods = self.detail("methods", VocabPicker("methods", "acts.methods", rows=10),
                                   lambda: self.tr("Methods"))
        self.detail("methods_other", LineField("acts.methods_other"),
                    lambda: self.tr("Other methods"),
                    lambda: self.tr("In the witness's words"))
        self.detail("description", TextField("acts.description", lines=5),
                    lambda: self.tr("What happened"))
        self.detail("duration", LineField("acts.duration"), lambda: self.tr("How long"))
        self.detail("frequency", LineField("acts.frequency"), lambda: self.tr("How often"))
        # Full width, label above: six columns need the room more than a label does.
        self.perpetrators = self.detail("perpetrators", PerpetratorTable("acts.perpetrators"))
        who = QLabel(self.detail_box)
        self.on_language(lambda: who.setText(self.tr("Who took part")))
        who.setBuddy(self.perpetrators)
        f.addRow(who)
        f.addRow(self.perpetrators)
        self.detail("demands", TextField("acts.demands", lines=3),
                    lambda: self.tr("What was demanded or said"),
                    lambda: self.tr("Quote the words where the witness remembers them"))
        self.detail("witnesses_present", TextField("acts.witnesses_present", lines=2),
                    lambda: self.tr("Who else saw or heard it"))
        self.detail("injuries", TextField("acts.injuries", lines=3),
                    lambda: self.tr("Injuries from this act"))
        self.set_language("en")

    def title(self) -> str:
        """Navigator entry."""
        return self.tr("Acts")

    def _retranslate_buttons(self) -> None:
        self.add_button.setText(self.tr("Add act"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button.setToolTip(self.tr("Move down"))

    def item_label(self, index: int, item: Act) -> str:
        """``3. 2020-11-23 · Beating; Falanga``."""
        when = item.date or "?"
        what = "; ".join(self.methods.label_of(code) for code in item.methods[:2])
        if len(item.methods) > 2:
            what += "…"
        nothing = self.tr("no details yet")
        return f"{index + 1}. {when} · {what or item.place or nothing}"

    def set_language(self, lang: str) -> None:
        """Vocabulary labels in ``lang``."""
        super().set_language(lang)
        with self.loading():
            self._precision.set_choices(choices("date_precision", lang))
            self.methods.set_language(lang)
            self.perpetrators.set_language(lang)
        self.set_episode_labels(self._episode_labels)
        self.relabel()

    def set_episode_labels(self, labels: list[str]) -> None:
        """The detention episodes an act can be linked to, as the detention page names them."""
        self._episode_labels = list(labels)
        with self.loading():
            self._episode.set_choices(
                [(str(i), label) for i, label in enumerate(labels)],
                lambda: self.tr("— none or not known —"),
            )

    def remap_episodes(self, mapping: dict[int, int | None]) -> None:
        """Follow the detention episodes when they are moved or removed."""
        self._store_current()
        for act in self.items:
            if act.episode is not None:
                act.episode = mapping.get(act.episode, act.episode)
        current = self.current
        with self.loading():
            if current >= 0:
                self._episode.set_value(self._to_field("episode", self.items[current].episode))

    def _from_field(self, attr: str, value: Any) -> Any:
        if attr == "episode":
            return int(value) if value not in ("", None) else None
        return value

    def _to_field(self, attr: str, value: Any) -> Any:
        if attr == "episode":
            return "" if value is None else str(value)
        return value

