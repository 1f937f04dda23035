"""The editor's fields: each input binds one value of the model and behaves like every other.

Why a small field vocabulary of our own: every input of the editor must do the same four things
— give its value as the model wants it, take a value back without marking the record dirty,
become read-only when a version is sealed, and forget its undo history when the vault locks.
A field's ``objectName`` is its dotted model path (``interview.place``), so the review page can
jump to it and tests can find it without knowing the layout. Dates and times say why they are
wrong, in the field's tooltip and the status line, never with a bare red border.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from testimony_app.ui.i18n import QT_TRANSLATE_NOOP

_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

Translated = Callable[[], str]


def is_valid_date(text: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` of the calendar (empty: not yet known)."""
    return not date_problem(text)


def is_valid_time(text: str) -> bool:
    """``HH:MM`` in 24 hours (empty is valid)."""
    return not time_problem(text)


# -- fields ---------------------------------------------------------------------------------


class LineField(QLineEdit):
    """One line of text. ``setText`` clears Qt's undo history, which ``clear()`` relies on."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.textChanged.connect(self.changed)

    def value(self) -> str:
        """The text as typed (not stripped: the witness's words stay as written)."""
        return self.text()

    def set_value(self, value: Any) -> None:
        """Show ``value`` and forget the undo history."""
        self.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        """Sealed versions are shown, never edited."""
        self.setReadOnly(read_only)


class PatternField(LineField):
    """A line that must look like a date or a time; a wrong shape is shown, never refused.

    Refusing input would make the interviewer fight the keyboard mid-interview; marking it lets
    them fix it later, and the value is kept as typed either way. A mark alone is not enough
    (GUI review D15): the field says why in its tooltip, and in the window's status line when
    the cursor leaves it, in a sentence of the interface's language.

    ``check`` returns "" when the text is fine, else the sentence saying what is wrong.
    """

    def __init__(
        self, name: str, check: Callable[[str], str], placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(name, parent)
        self._check = check
        self._problem = ""
        self._hint: Callable[[], str] = str
        self.setPlaceholderText(placeholder)
        self.setMaximumWidth(180)
        self.textChanged.connect(self.validate)
        self.editingFinished.connect(self._announce)

    def problem(self) -> str:
        """Why the text is not accepted as it is ("" when it is)."""
        return self._problem

    def set_hint(self, hint: Callable[[], str]) -> None:
        """The tooltip shown while the text is fine (what to type), in the current language."""
        self._hint = hint
        if not self._problem:
            self.setToolTip(hint())

    def validate(self) -> None:
        """Check the text again (also when a paired precision changes)."""
        problem = self._check(self.text().strip())
        self._problem = problem
        self.setProperty("invalid", bool(problem))
        self.setStyleSheet("QLineEdit { border: 1px solid #b3261e; }" if problem else "")
        self.setToolTip(problem or self._hint())
        self.setAccessibleDescription(problem)

    def _announce(self) -> None:
        if self._problem:
            show_status(self, self._problem)

    def changeEvent(self, event: QEvent) -> None:
        """The sentence follows the interface language."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.validate()


def show_status(widget: QWidget, text: str, ms: int = 10000) -> None:
    """Put ``text`` in the status line of ``widget``'s main window, if it has one."""
    window = widget.window()
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(text, ms)


# Why a field is refused, in the ``fields`` translation context. Kept whole on one line each:
# lupdate does not join Python's adjacent string literals inside QT_TRANSLATE_NOOP.
_FIELD_TEXTS = {
    "date_shape": QT_TRANSLATE_NOOP("fields", "Write the date as YYYY-MM-DD, for example 2017-05-21, or as YYYY-MM or YYYY when only the month or the year is known."),  # noqa: E501
    "date_calendar": QT_TRANSLATE_NOOP("fields", "%1 is not a day of the calendar: check the day and the month."),  # noqa: E501
    "date_no_day": QT_TRANSLATE_NOOP("fields", "“%1” has no day, but the precision says “Exact day”: add the day, or choose “Month only” or “Year only”."),  # noqa: E501
    "date_no_month": QT_TRANSLATE_NOOP("fields", "“%1” has no month, but the precision says “Month only”: add the month, or choose “Year only”."),  # noqa: E501
    "time_shape": QT_TRANSLATE_NOOP("fields", "Write the time as HH:MM on a 24-hour clock, for example 09:30 or 14:05."),  # noqa: E501
    "date_hint": QT_TRANSLATE_NOOP("fields", "YYYY-MM-DD; YYYY-MM or YYYY when only that is known"),
    "time_hint": QT_TRANSLATE_NOOP("fields", "HH:MM, 24-hour clock"),
}


def _tr(key: str, value: str = "") -> str:
    return QCoreApplication.translate("fields", _FIELD_TEXTS[key]).replace("%1", value)


def date_problem(text: str, precision: str = "") -> str:
    """Why ``text`` is not a date as the record stores it, or "" if it is.

    ``precision`` (``day``, ``month``…) is the precision chosen beside the field, if any:
    "2017-05" is a fine date, but not one "exact to the day".
    """
    if not text:
        return ""
    if not _DATE_RE.match(text):
        return _tr("date_shape")
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        try:
            date(parts[0], parts[1], parts[2])
        except ValueError:
            return _tr("date_calendar", text)
    if precision == "day" and len(parts) < 3:
        return _tr("date_no_day", text)
    if precision == "month" and len(parts) < 2:
        return _tr("date_no_month", text)
    return ""


def time_problem(text: str) -> str:
    """Why ``text`` is not a time ``HH:MM``, or "" if it is."""
    if not text or _TIME_RE.match(text):
        return ""
    return _tr("time_shape")


def date_field(
    name: str, parent: QWidget | None = None, precision: QComboBox | None = None
) -> PatternField:
    """A date typed as ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY`` when only that is known).

    With ``precision`` (the combo box of a date's precision), the date must be as exact as
    the precision says, and the field is checked again whenever the precision changes.
    """

    def check(text: str) -> str:
        chosen = precision.currentData() if precision is not None else ""
        return date_problem(text, chosen if isinstance(chosen, str) else "")

    field = PatternField(name, check, "YYYY-MM-DD", parent)
    field.set_hint(lambda: _tr("date_hint"))
    if precision is not None:
        precision.currentIndexChanged.connect(lambda _i: field.validate())
    return field


def time_field(name: str, parent: QWidget | None = None) -> PatternField:
    """A time typed as ``HH:MM``."""
    field = PatternField(name, time_problem, "HH:MM", parent)
    field.set_hint(lambda: _tr("time_hint"))
    return field


class TextField(QPlainTextEdit):
    """Several lines of text; Tab moves on to the next field, as in a form."""

    changed = Signal()

    def __init__(self, name: str, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._preferred = height
        self.textChanged.connect(self.changed)

    def sizeHint(self):  # type: ignore[no-untyped-def]
        """As tall as the number of lines asked for, so forms do not jump."""
        hint = super().sizeHint()
        hint.setHeight(self._preferred)
        return hint

    def value(self) -> Any:
        """The text as typed."""
        return self.toPlainText()

    def set_value(self, value: Any) -> None:
        """Show ``value``; ``setPlainText`` clears the undo and redo stacks."""
        self.setPlainText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        """Sealed versions are shown, never edited."""
        self.setReadOnly(read_only)


class ListField(TextField):
    """A list of short entries, one per line (people present, organisations, names to hide)."""

    def value(self) -> list[str]:
        """Non-empty lines, trimmed."""
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def set_value(self, value: Any) -> None:
        """One entry per line."""
        self.setPlainText("\n".join(value or []))


class CheckField(QCheckBox):
    """A confirmation the interviewer ticks (for example "no coercion").

    Its sentence wraps: a check box's own text does not, and a long confirmation in Russian
    made the whole Consent page scroll sideways at 1000 pixels. The text lives in a word-wrapped
    label laid over the box's text area; clicks go through it to the box.
    """

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.toggled.connect(self.changed)
        style = self.style()
        self._indent = style.pixelMetric(style.PixelMetric.PM_IndicatorWidth, None, self) + (
            style.pixelMetric(style.PixelMetric.PM_CheckBoxLabelSpacing, None, self)
        )
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.setContentsMargins(self._indent, 0, 0, 0)
        row.addWidget(self._label)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:
        """The sentence, shown wrapped beside the box."""
        self._label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def text(self) -> str:
        """The sentence."""
        return self._label.text()

    def _box_height(self) -> int:
        return super().sizeHint().height()

    def sizeHint(self) -> QSize:
        """As wide as the sentence on one line; a narrower page wraps it."""
        label = self._label.sizeHint()
        return QSize(self._indent + label.width(), max(self._box_height(), label.height()))

    def minimumSizeHint(self) -> QSize:
        """Narrow: the sentence wraps rather than widening the page."""
        return QSize(self._indent + 120, self._box_height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._box_height(), self._label.heightForWidth(max(1, width - self._indent)))

    def hitButton(self, pos: QPoint) -> bool:
        """The box and its sentence both toggle it."""
        return self.rect().contains(pos)

    def value(self) -> bool:
        """Ticked or not."""
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        """Tick or untick without the user."""
        self.setChecked(bool(value))

    def set_read_only(self, read_only: bool) -> None:
        """A disabled box still shows its state."""
        self.setEnabled(not read_only)


class TriState(QWidget):
    """Yes / No / Not asked, for a consent scope where "not asked" must stay distinct from "no".

    Radio buttons rather than a combo box: the three answers are visible at a glance, and the
    arrow keys move between them.
    """

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self._yes = QRadioButton(self)
        self._yes.setObjectName(f"{name}.yes")
        self._no = QRadioButton(self)
        self._no.setObjectName(f"{name}.no")
        self._unasked = QRadioButton(self)
        self._unasked.setObjectName(f"{name}.unasked")
        self._group = QButtonGroup(self)
        for button in (self._yes, self._no, self._unasked):
            self._group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self._unasked.setChecked(True)
        self._group.buttonToggled.connect(self._toggled)
        self.retranslate()

    def retranslate(self) -> None:
        """Button texts in the current language."""
        self._yes.setText(self.tr("Yes"))
        self._no.setText(self.tr("No"))
        self._unasked.setText(self.tr("Not asked"))

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def value(self) -> bool | None:
        """``True``, ``False`` or ``None`` (not asked)."""
        if self._yes.isChecked():
            return True
        if self._no.isChecked():
            return False
        return None

    def set_value(self, value: Any) -> None:
        """Select the button for ``value``."""
        {True: self._yes, False: self._no}.get(value, self._unasked).setChecked(True)

    def set_read_only(self, read_only: bool) -> None:
        """Disabled radio buttons still show which one is chosen."""
        for button in (self._yes, self._no, self._unasked):
            button.setEnabled(not read_only)

    def setFocus(self, *args: Any) -> None:
        """Focus goes to the chosen answer, where the arrow keys work."""
        button = self._group.checkedButton() or self._unasked
        button.setFocus(*args)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ChoiceField(QComboBox):
    """One code chosen from a fixed list; labels follow the interface language.

    A stored code the list does not know (an older vocabulary, an import) is kept and shown
    as it is rather than silently replaced: a field that changes on its own is evidence lost.
    """

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(16)
        self.currentIndexChanged.connect(self.changed)

    def set_choices(
        self, choices: Iterable[tuple[str, str]], blank: Translated | None = None
    ) -> None:
        """Replace the items with ``(code, label)`` pairs, keeping the selected code."""
        current = self.value()
        self.blockSignals(True)
        try:
            self.clear()
            if blank is not None:
                self.addItem(blank(), "")
            for code, label in choices:
                self.addItem(label, code)
            self._select(current)
        finally:
            self.blockSignals(False)

    def value(self) -> str:
        """The selected code ("" when nothing is chosen)."""
        if self.currentIndex() < 0:  # an empty combo: asking Qt would hand back an invalid value
            return ""
        data = self.currentData()
        return data if isinstance(data, str) else ""

    def set_value(self, value: Any) -> None:
        """Select ``value``, adding it as a raw item if the list does not know it."""
        self._select("" if value is None else str(value))

    def _select(self, code: str) -> None:
        index = self.findData(code)
        if index < 0 and code:
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))

    def set_read_only(self, read_only: bool) -> None:
        """A disabled combo box still shows its choice."""
        self.setEnabled(not read_only)


class StampButton(QToolButton):
    """Fills a date or time field with now: one keystroke at the start and end of an interview."""

    def __init__(
        self, target: LineField, fmt: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._target = target
        self._fmt = fmt
        self.clicked.connect(self._stamp)

    def _stamp(self) -> None:
        self._target.setText(datetime.now().strftime(self._fmt))
        self._target.setFocus()


def side_by_side(*widgets: QWidget) -> QWidget:
    """Widgets in one form row, left-aligned: a date and its Now button or its precision."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return box
