"""Building blocks shared by the editor's pages: bound fields, tri-state answers, page frame.

Why a small field vocabulary of our own: every input of the editor must do the same four things
— give its value as the model wants it, take a value back without marking the record dirty,
become read-only when a version is sealed, and forget its undo history when the vault locks —
and the pages are simpler when each field does them the same way. A field's ``objectName`` is
its dotted model path (``interview.place``), so the review page can jump to it and tests can
find it without knowing the layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.completeness import field_steps
from testimony_app.domain.model import Testimony
from testimony_app.ui.i18n import QT_TRANSLATE_NOOP

#: The widest a form grows: long lines are hard to read and a calm page has air at its sides.
FORM_MAX_WIDTH = 920

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


class Field(Protocol):
    """What the pages need of an input: a value, a quiet setter, a read-only mode, a signal.

    Implemented by the classes above and by the richer widgets (``VocabPicker``,
    ``BodyMarksEditor``, ``SecretField``, the perpetrators table).
    """

    changed: SignalInstance

    def value(self) -> Any:
        """The value as the model stores it."""
        ...

    def set_value(self, value: Any) -> None:
        """Show ``value`` (callers suppress the change notice)."""
        ...

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock for editing."""
        ...

    def setFocus(self, *args: Any) -> None:
        """Take the keyboard."""
        ...


F = TypeVar("F", bound=Field)


# -- pages ----------------------------------------------------------------------------------


class EditorPage(QScrollArea):
    """One section of the testimony; subclasses build a form and bind it to the model.

    Simple pages put their fields in ``self.fields`` keyed by attribute of the model part named
    by ``section`` (``"interview"`` → ``Testimony.interview``); the base class then loads, stores,
    locks and focuses them. Pages with repeated items override :meth:`load`, :meth:`store`
    and :meth:`focus_field`.
    """

    changed = Signal()
    #: The model attribute this page edits, also the prefix of its field paths.
    section = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page.{self.section}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.fields: dict[str, Field] = {}
        self._texts: list[Callable[[], None]] = []
        self._captions: list[QLabel] = []
        self._loading = False
        self._read_only = False
        self._lang = "en"

        outer = QWidget()
        outer.setObjectName(f"page.{self.section}.body")
        outer_row = QHBoxLayout(outer)
        outer_row.setContentsMargins(24, 16, 24, 24)
        self.body = QWidget(outer)
        self.body.setMaximumWidth(FORM_MAX_WIDTH)
        outer_row.addWidget(self.body, 1)
        outer_row.addStretch(0)
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(12)
        heading = QLabel(self.body)
        heading.setObjectName(f"page.{self.section}.heading")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        heading.setFont(font)
        self.column.addWidget(heading)
        self.on_language(lambda: heading.setText(self.title()))
        self.hint = QLabel(self.body)
        self.hint.setObjectName(f"page.{self.section}.hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.column.addWidget(self.hint)
        self.setWidget(outer)

    # -- what every page answers ---------------------------------------------------------------

    def title(self) -> str:
        """The section's name in the navigator and as the page heading."""
        raise NotImplementedError

    def load(self, testimony: Testimony) -> None:
        """Show ``testimony`` without marking anything changed."""
        part = getattr(testimony, self.section)
        with self.loading():
            for attr, field in self.fields.items():
                field.set_value(getattr(part, attr))

    def store(self, testimony: Testimony) -> None:
        """Write what the widgets hold into ``testimony``."""
        part = getattr(testimony, self.section)
        for attr, field in self.fields.items():
            setattr(part, attr, field.value())

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock every field (a sealed version is read-only)."""
        self._read_only = read_only
        for field in self.fields.values():
            field.set_read_only(read_only)

    def focus_field(self, path: str) -> bool:
        """Focus the widget for the dotted ``path`` (``interview.place``); False if unknown."""
        steps = path_steps(path)
        field = self.fields.get(str(steps[1])) if len(steps) > 1 else None
        if field is None:
            return False
        self.show_widget(field)
        return True

    def set_language(self, lang: str) -> None:
        """Relabel vocabulary choices in ``lang`` (``en``, ``az``, ``ru``)."""
        self._lang = lang

    # -- helpers for subclasses ----------------------------------------------------------------

    def loading(self) -> _Loading:
        """A context in which field changes are not the user's and do not mark the record dirty."""
        return _Loading(self)

    def show_widget(self, widget: Any) -> None:
        """Scroll ``widget`` into view and give it the keyboard."""
        self.ensureWidgetVisible(widget, 40, 80)
        widget.setFocus()

    def on_language(self, apply: Callable[[], None]) -> None:
        """Run ``apply`` now and again whenever the interface language changes."""
        self._texts.append(apply)
        apply()

    def retranslate(self) -> None:
        """Redo every registered text in the current language."""
        for apply in self._texts:
            apply()
        self.align_labels()

    def align_labels(self) -> None:
        """One label column for every group of the page (GUI review D23: each group's fields
        started at a different place). A label wider than a third of the form wraps its row
        instead of pushing every field right."""
        shown = [c for c in self._captions if c.text()]
        if not shown:
            return
        widest = max(c.sizeHint().width() for c in shown)
        width = min(widest, max(120, FORM_MAX_WIDTH // 3))
        for caption in self._captions:
            caption.setMinimumWidth(width)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Align the label columns once every row exists (subclasses add rows after init)."""
        self.align_labels()
        super().showEvent(event)

    def bind(self, attr: str, field: F) -> F:
        """Make ``field`` the editor of ``attr`` and report its changes as the page's."""
        self.fields[attr] = field
        field.changed.connect(self.emit_changed)
        return field

    def emit_changed(self) -> None:
        """Tell the editor the user changed something (ignored while loading)."""
        if not self._loading:
            self.changed.emit()

    def group(self, title: Translated, name: str) -> tuple[QGroupBox, QFormLayout]:
        """A titled box with a form inside, added to the page column."""
        box = QGroupBox(self.body)
        box.setObjectName(name)
        self.on_language(lambda: box.setTitle(title()))
        form = new_form(box)
        self.column.addWidget(box)
        return box, form

    def row(
        self, form: QFormLayout, label: Translated, widget: QWidget,
        placeholder: Translated | None = None,
    ) -> QLabel:
        """A labelled row whose label (and placeholder) follow the interface language.

        Labels are short and do not wrap (a wrapped label in a form row gets clipped); the
        explanation goes into the field's placeholder. A label too long for the window puts its
        field on the next line instead (``WrapLongRows``).
        """
        if placeholder is not None:
            target: Any = widget
            self.on_language(lambda: target.setPlaceholderText(placeholder()))
        caption = QLabel(widget.parentWidget() or self.body)
        self.on_language(lambda: caption.setText(label()))
        form.addRow(caption, widget)
        caption.setBuddy(widget)
        self._captions.append(caption)
        return caption


class _Loading:
    """Context manager behind :meth:`EditorPage.loading`; nests."""

    def __init__(self, page: EditorPage) -> None:
        self._page = page
        self._was = False

    def __enter__(self) -> None:
        self._was = self._page._loading
        self._page._loading = True

    def __exit__(self, *exc: object) -> None:
        self._page._loading = self._was


def path_steps(path: str) -> tuple[str | int, ...]:
    """``acts[2].methods`` → ``("acts", 2, "methods")``; an unreadable path gives ``()``."""
    try:
        return field_steps(path)
    except ValueError:
        return ()


def new_form(parent: QWidget | None = None) -> QFormLayout:
    """A form layout with labels above fields on narrow windows and beside them on wide ones."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    return form
