"""The frame every page of the editor shares: a scrolling form bound to a part of the model.

Why one frame: each page loads its part of the testimony without marking it changed, stores it
back, turns read-only under a sealed version, follows the interface language, and can put the
cursor on a field named by its model path (the review's links). The fields themselves are in
:mod:`.editor_fields`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import (
    QEvent,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.completeness import field_steps
from testimony_app.domain.model import Testimony
from testimony_app.ui.editor_fields import Translated

#: The widest a form grows: long lines are hard to read and a calm page has air at its sides.
FORM_MAX_WIDTH = 920

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
