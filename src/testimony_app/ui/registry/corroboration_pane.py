"""The registry window's Corroboration tab: which testimonies name the selected entry.

Witnesses appear by the label the list shows (pseudonym or initials), never by name. A period
is checked before it filters (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; the start not after the
end); anything else is said in a sentence under the fields and nothing runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.matching import NOT_NAMED, date_filter_problems
from testimony_app.ui.registry.model import entry_heading, make_table, table_item
from testimony_app.ui.session_op import SessionOp
from testimony_app.ui.vocab_picker import term_label

if TYPE_CHECKING:
    from testimony_app.domain.matching import Corroboration


class CorroborationPane(QWidget):
    """Period and place filters, then the testimonies, the timeline and the matrix."""

    def __init__(
        self,
        ops: SessionOp,
        current_entry: Callable[[], str | None],
        heading: Callable[[str], str],
        *,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registryCorroborationPane")
        self._ops = ops
        self._current_entry = current_entry
        self._heading = heading
        self._lang = language
        self._corroboration: Corroboration | None = None
        self._date_problems: tuple[str, ...] = ()

        self.entry_title = QLabel(self)
        self.entry_title.setObjectName("registryEntryTitle")
        self.entry_title.setWordWrap(True)  # a long title must not set the window's width
        font = self.entry_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.entry_title.setFont(font)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("registrySummary")
        self.summary_label.setWordWrap(True)
        self.from_label = QLabel(self)
        self.date_from = QLineEdit(self)
        self.date_from.setObjectName("registryDateFrom")
        self.to_label = QLabel(self)
        self.date_to = QLineEdit(self)
        self.date_to.setObjectName("registryDateTo")
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(120)
            edit.setClearButtonEnabled(True)
        self.place_label = QLabel(self)
        self.place_filter = QLineEdit(self)
        self.place_filter.setObjectName("registryPlace")
        self.place_filter.setClearButtonEnabled(True)
        self.apply_button = QPushButton(self)
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
        self.date_error = QLabel(self)
        self.date_error.setObjectName("registryDateError")
        self.date_error.setWordWrap(True)
        self.date_error.setStyleSheet("color: #b3261e;")
        self.date_error.hide()

        self.testimonies_label = QLabel(self)
        self.testimonies = make_table(self, "registryTestimonies", 5)
        self.timeline_label = QLabel(self)
        self.timeline = make_table(self, "registryTimeline", 5)
        self.matrix_label = QLabel(self)
        self.matrix = QTableWidget(0, 0, self)
        self.matrix.setObjectName("registryMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for table in (self.testimonies, self.timeline):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)

        parts = QSplitter(Qt.Orientation.Vertical, self)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.entry_title)
        layout.addWidget(self.summary_label)
        layout.addLayout(filters)
        layout.addWidget(self.date_error)
        layout.addWidget(parts, 1)

        self.apply_button.clicked.connect(self.load)
        for edit in (self.date_from, self.date_to, self.place_filter):
            edit.returnPressed.connect(self.load)
        for edit in (self.date_from, self.date_to):
            edit.textChanged.connect(self._refresh_dates)
        self.retranslate()

    @property
    def corroboration(self) -> Corroboration | None:
        """The corroboration on screen."""
        return self._corroboration

    @property
    def shown_entry(self) -> str | None:
        """The entry whose corroboration is on screen."""
        return self._corroboration.entry.id if self._corroboration else None

    @Slot()
    def load(self) -> None:
        """Ask for the corroboration of the current entry with the filters shown."""
        entry_id = self._current_entry()
        if not self._check_dates():
            # Nothing runs, and what was shown no longer answers the filters as written.
            self.show_result(None)
            if entry_id is not None:
                self.entry_title.setText(self._heading(entry_id))
            return
        if entry_id is None:
            self.show_result(None)
            return
        date_from, date_to = self._date_texts()
        place = self.place_filter.text().strip()

        def shown(result: Corroboration) -> None:
            if self._current_entry() == result.entry.id:
                self.show_result(result)

        self._ops.submit(
            lambda s: s.registry.corroborate(
                entry_id, date_from=date_from, date_to=date_to, place=place
            ),
            shown,
        )

    def show_result(self, result: Corroboration | None) -> None:
        """Fill the three tables (or empty them, with a hint, for ``None``)."""
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
        self.entry_title.setText(entry_heading(result.entry))
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
            self.testimonies.setItem(i, 0, table_item(item.witness_label, item.record_id))
            self.testimonies.setItem(i, 1, table_item(f"{item.record_id[:8]} v{item.version}"))
            self.testimonies.setItem(i, 2, table_item(", ".join(dates) or item.interview_date))
            self.testimonies.setItem(i, 3, table_item("; ".join(places)))
            self.testimonies.setItem(i, 4, table_item(", ".join(methods)))
        witness = {i.record_id: i.witness_label for i in result.items}
        acts = sorted(result.timeline, key=lambda a: (a.date or "9999", a.place, a.record_id))
        self.timeline.setRowCount(len(acts))
        for i, act in enumerate(acts):
            self.timeline.setItem(i, 0, table_item(act.date or self.tr("(no date)")))
            self.timeline.setItem(i, 1, table_item(act.place or self.tr("(no place)")))
            self.timeline.setItem(i, 2, table_item(witness.get(act.record_id, "")))
            self.timeline.setItem(
                i, 3, table_item(", ".join(self._perpetrator(p) for p in act.perpetrators))
            )
            self.timeline.setItem(
                i, 4, table_item(", ".join(self._method(m) for m in act.methods))
            )
        perpetrators = list(result.matrix)
        methods = sorted({m for row in result.matrix.values() for m in row})
        self.matrix.setRowCount(len(perpetrators))
        self.matrix.setColumnCount(len(methods))
        self.matrix.setVerticalHeaderLabels([self._perpetrator(p) for p in perpetrators])
        self.matrix.setHorizontalHeaderLabels([self._method(m) for m in methods])
        for r, perpetrator in enumerate(perpetrators):
            for c, method in enumerate(methods):
                count = result.matrix[perpetrator].get(method, 0)
                cell = table_item(str(count) if count else "", count)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.matrix.setItem(r, c, cell)

    def _method(self, code: str) -> str:
        try:
            return term_label("methods", code, self._lang)
        except Exception:  # noqa: BLE001 -- an unknown vocabulary must not break the view
            return code

    def _perpetrator(self, text: str) -> str:
        """A perpetrator as the corroboration gives it; the no-name token in this language."""
        return self.tr("(not named)") if text == NOT_NAMED else text

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

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts in the interface language."""
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
        self.show_result(self._corroboration)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
