"""The acts page: each act or session of ill-treatment, its methods and who took part.

Why apart from the detention page: an act carries more than an episode does — the methods from
the controlled vocabulary (searchable in three languages), a table of perpetrators (name, rank,
position, unit, description, involvement), what was demanded and the injuries — and links back
to the detention episode it happened in. Both pages share :class:`RepeatablePage`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import Act, Perpetrator
from testimony_app.ui.editor_fields import (
    ChoiceField,
    LineField,
    TextField,
    date_field,
    side_by_side,
)
from testimony_app.ui.editor_repeatable import RepeatablePage
from testimony_app.ui.vocab_picker import VocabPicker, choices

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
