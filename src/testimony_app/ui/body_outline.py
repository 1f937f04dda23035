"""A body outline, front and back, on which the interviewer marks where injuries are reported.

Why a drawn outline rather than an image: it scales to any window, costs no asset licence, and
prints the same in the statement. Marks are stored in coordinates normalised to each figure's
box (0..1 across, 0..1 down), so a mark means the same place at any size.

What it is not: a medical body chart. The label says so on screen, because a lay interviewer's
mark of where a witness points is evidence of what was said, not of what a clinician found
(Istanbul Protocol 2022, ch. IV; ``domain.md`` §4.7).

The figure is drawn as the witness stands facing the interviewer: on the front view the
witness's right side is on the viewer's left, and the letters R and L beside each figure say
which is which.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import BodyMark, BodySide

#: Width / height of one figure's box; the silhouette below is drawn in a 100 x 220 grid.
ASPECT = 100 / 220
_MARGIN = 16.0
_CAPTION = 26.0
_RADIUS = 11.0
_SIDES = (BodySide.FRONT.value, BodySide.BACK.value)


def _silhouette() -> QPainterPath:
    """A plain standing figure in a 100 x 220 grid, arms slightly away from the body.

    Built as a boolean union of simple parts, so overlaps merge into one clean outline whatever
    the direction each part was drawn in.
    """
    head = QPainterPath()
    head.addEllipse(QPointF(50, 17), 11, 14)
    neck = QPainterPath()
    neck.addRect(QRectF(45, 28, 10, 12))

    def poly(points: list[tuple[float, float]]) -> QPainterPath:
        part = QPainterPath()
        part.addPolygon(QPolygonF([QPointF(x, y) for x, y in [*points, points[0]]]))
        return part

    parts = [
        neck,
        # torso: shoulders, waist, hips
        poly([(29, 38), (71, 38), (75, 46), (70, 78), (67, 106), (70, 124), (30, 124),
              (33, 106), (30, 78), (25, 46)]),
        # the viewer's left arm and hand, then the right
        poly([(29, 38), (22, 42), (17, 74), (13, 104), (9, 126), (8, 136), (13, 140),
              (17, 134), (19, 126), (22, 106), (27, 78), (30, 56)]),
        poly([(71, 38), (78, 42), (83, 74), (87, 104), (91, 126), (92, 136), (87, 140),
              (83, 134), (81, 126), (78, 106), (73, 78), (70, 56)]),
        # legs and feet
        poly([(30, 120), (49.5, 120), (48, 160), (46, 200), (47, 212), (36, 214), (35, 208),
              (36, 200), (33, 160)]),
        poly([(70, 120), (50.5, 120), (52, 160), (54, 200), (53, 212), (64, 214), (65, 208),
              (64, 200), (67, 160)]),
    ]
    body = head
    for part in parts:
        body = body.united(part)
    return body.simplified()


class BodyOutline(QWidget):
    """The drawing: two figures side by side; click to mark, drag to move, Delete to remove.

    Signals:
        marks_changed(): a mark was added, moved, removed or its note changed.
        selection_changed(int): the selected mark's index, or -1.
        mark_added(int): the user (or :meth:`add_mark`) placed a new mark with this index.
    """

    marks_changed = Signal()
    selection_changed = Signal(int)
    mark_added = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyOutline")
        self.setMinimumSize(380, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._marks: list[BodyMark] = []
        self._selected = -1
        self._dragging = False
        self._moved = False
        self._read_only = False
        self._shape = _silhouette()
        self._captions = {BodySide.FRONT.value: "", BodySide.BACK.value: ""}
        self._right = "R"
        self._left = "L"
        self.retranslate()

    # -- model ----------------------------------------------------------------------------------

    def marks(self) -> list[BodyMark]:
        """Copies of the marks, in the order they were made (their numbers)."""
        return [replace(m) for m in self._marks]

    def set_marks(self, marks: list[BodyMark]) -> None:
        """Show ``marks`` (copied); nothing is selected afterwards."""
        self._marks = [replace(m) for m in marks]
        self._selected = -1
        self.update()
        self.selection_changed.emit(-1)

    def add_mark(self, side: str, x: float, y: float, note: str = "") -> int:
        """Add a mark at normalised ``x``, ``y`` on ``side``; returns its index."""
        self._marks.append(BodyMark(side=side, x=_clamp(x), y=_clamp(y), note=note))
        index = len(self._marks) - 1
        self.marks_changed.emit()
        self.select(index)
        self.mark_added.emit(index)
        return index

    def remove_mark(self, index: int) -> None:
        """Remove one mark; the later ones are renumbered."""
        if not 0 <= index < len(self._marks):
            return
        del self._marks[index]
        self.marks_changed.emit()
        self.select(min(index, len(self._marks) - 1))

    def set_note(self, index: int, note: str) -> None:
        """Change a mark's note."""
        if 0 <= index < len(self._marks) and self._marks[index].note != note:
            self._marks[index].note = note
            self.marks_changed.emit()

    def selected(self) -> int:
        """The selected mark's index, or -1."""
        return self._selected

    def select(self, index: int) -> None:
        """Select a mark (-1 for none)."""
        index = index if 0 <= index < len(self._marks) else -1
        if index != self._selected:
            self._selected = index
            self.selection_changed.emit(index)
        self.update()

    def set_read_only(self, read_only: bool) -> None:
        """A sealed version shows its marks but takes no new ones."""
        self._read_only = read_only
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)

    # -- geometry -------------------------------------------------------------------------------

    def figure_rect(self, side: str) -> QRectF:
        """The box, in widget pixels, in which ``side``'s figure is drawn and marks are placed."""
        width = float(self.width())
        height = float(self.height())
        # Room beside each figure for its side markers ("Sağ", "Sol"), so that they are
        # neither cut nor run into the other figure's (GUI review D22).
        marker = self._side_width()
        box_w = min((width - 3 * _MARGIN - 4 * marker) / 2,
                    (height - 2 * _MARGIN - _CAPTION) * ASPECT)
        box_h = box_w / ASPECT
        top = _MARGIN + max(0.0, (height - 2 * _MARGIN - _CAPTION - box_h) / 2)
        half = width / 2
        centre = half / 2 if side == BodySide.FRONT.value else half + half / 2
        return QRectF(centre - box_w / 2, top, box_w, box_h)

    def _side_width(self) -> float:
        metrics = self.fontMetrics()
        return float(max(metrics.horizontalAdvance(self._left),
                         metrics.horizontalAdvance(self._right)) + 4)

    def to_widget(self, side: str, x: float, y: float) -> QPointF:
        """Widget pixel position of normalised ``x``, ``y`` on ``side``."""
        rect = self.figure_rect(side)
        return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    def _hit_side(self, pos: QPointF) -> str | None:
        for side in _SIDES:
            if self.figure_rect(side).adjusted(-4, -4, 4, 4).contains(pos):
                return side
        return None

    def _hit_mark(self, pos: QPointF) -> int:
        for index in range(len(self._marks) - 1, -1, -1):
            mark = self._marks[index]
            centre = self.to_widget(mark.side, mark.x, mark.y)
            if (centre - pos).manhattanLength() <= _RADIUS * 1.5:
                return index
        return -1

    def _normalise(self, side: str, pos: QPointF) -> tuple[float, float]:
        rect = self.figure_rect(side)
        return (
            _clamp((pos.x() - rect.left()) / rect.width()),
            _clamp((pos.y() - rect.top()) / rect.height()),
        )

    # -- events ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Select the mark under the pointer, or add one where a figure was clicked."""
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        hit = self._hit_mark(pos)
        if hit >= 0:
            self.select(hit)
            self._dragging = not self._read_only
            self._moved = False
            return None
        side = self._hit_side(pos)
        if side is None or self._read_only:
            self.select(-1)
            return None
        x, y = self._normalise(side, pos)
        self.add_mark(side, x, y)
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Drag the selected mark within its own figure."""
        if not (self._dragging and 0 <= self._selected < len(self._marks)):
            return super().mouseMoveEvent(event)
        mark = self._marks[self._selected]
        mark.x, mark.y = self._normalise(mark.side, event.position())
        self._moved = True
        self.update()
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A finished drag is one change."""
        if self._dragging and self._moved:
            self.marks_changed.emit()
        self._dragging = False
        self._moved = False
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete or Backspace removes the selected mark."""
        deleting = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if deleting and not self._read_only and self._selected >= 0:
            self.remove_mark(self._selected)
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        """Captions in the interface language."""
        self._captions = {
            BodySide.FRONT.value: self.tr("Front"),
            BodySide.BACK.value: self.tr("Back"),
        }
        # The disambiguation tells translators these are one-letter side markers.
        self._right = self.tr("R", "the witness's right side, one letter")
        self._left = self.tr("L", "the witness's left side, one letter")
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Both figures, their captions and sides, then the numbered marks."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        outline = QPen(QColor("#6b6b6b"), 1.6)
        fill = QColor("#f1ede6")
        text_color = palette.text().color()
        for side in _SIDES:
            rect = self.figure_rect(side)
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(rect.width() / 100, rect.height() / 220)
            painter.setPen(outline)
            painter.setBrush(fill)
            painter.drawPath(self._shape)
            if side == BodySide.BACK.value:  # a spine line tells back from front at a glance
                painter.setPen(QPen(QColor("#b5aea3"), 1.0, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(50, 40), QPointF(50, 118))
            painter.restore()
            painter.setPen(text_color)
            caption = QRectF(rect.left(), rect.bottom() + 4, rect.width(), _CAPTION)
            painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter, self._captions[side])
            # Front: the witness's right is on the viewer's left. Back: the other way round.
            left_text, right_text = (
                (self._right, self._left) if side == BodySide.FRONT.value
                else (self._left, self._right)
            )
            painter.setPen(QColor("#8a8a8a"))
            y = rect.top() + rect.height() * 0.2
            room = self._side_width()
            line = float(self.fontMetrics().height())
            painter.drawText(QRectF(rect.left() - room, y, room, line),
                             Qt.AlignmentFlag.AlignLeft, left_text)
            painter.drawText(QRectF(rect.right(), y, room, line),
                             Qt.AlignmentFlag.AlignRight, right_text)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for index, mark in enumerate(self._marks):
            centre = self.to_widget(mark.side, mark.x, mark.y)
            selected = index == self._selected
            painter.setPen(QPen(QColor("#0b57d0") if selected else QColor("#ffffff"),
                                3.0 if selected else 1.5))
            painter.setBrush(QColor("#b3261e"))
            painter.drawEllipse(centre, _RADIUS, _RADIUS)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(
                QRectF(centre.x() - _RADIUS, centre.y() - _RADIUS, 2 * _RADIUS, 2 * _RADIUS),
                Qt.AlignmentFlag.AlignCenter,
                str(index + 1),
            )
        painter.end()


class BodyMarksEditor(QWidget):
    """The outline with the list of marks and a note for the selected one.

    Signals:
        changed(): the marks changed because of the user.
    """

    changed = Signal()

    def __init__(self, name: str = "effects.body_marks", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._loading = False
        self.outline = BodyOutline(self)
        self.disclaimer = QLabel(self)
        self.disclaimer.setObjectName("bodyOutlineDisclaimer")
        self.disclaimer.setWordWrap(True)
        font = QFont(self.disclaimer.font())
        font.setBold(True)
        self.disclaimer.setFont(font)
        self.help = QLabel(self)
        self.help.setObjectName("bodyOutlineHelp")
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: palette(placeholder-text);")
        self.list = QListWidget(self)
        self.list.setObjectName("bodyMarkList")
        self.list.setMinimumWidth(220)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note_label = QLabel(self)
        self.note = QLineEdit(self)
        self.note.setObjectName("bodyMarkNote")
        self.note_label.setBuddy(self.note)
        self.remove = QPushButton(self)
        self.remove.setObjectName("removeBodyMarkButton")

        side = QVBoxLayout()
        side.setSpacing(8)
        side.addWidget(self.disclaimer)
        side.addWidget(self.help)
        side.addWidget(self.list, 1)
        side.addWidget(self.note_label)
        side.addWidget(self.note)
        side.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.outline, 3)
        row.addLayout(side, 2)

        self.outline.marks_changed.connect(self._marks_changed)
        self.outline.selection_changed.connect(self._selection_changed)
        self.outline.mark_added.connect(self._mark_added)
        self.list.currentRowChanged.connect(self._row_changed)
        self.note.textEdited.connect(self._note_edited)
        self.remove.clicked.connect(lambda: self.outline.remove_mark(self.outline.selected()))
        self._read_only = False
        self.retranslate()
        self._selection_changed(-1)

    def value(self) -> list[BodyMark]:
        """The marks, numbered by their order."""
        return self.outline.marks()

    def set_value(self, marks: list[BodyMark] | None) -> None:
        """Show ``marks`` without reporting a change."""
        self._loading = True
        try:
            self.outline.set_marks(list(marks or []))
            self._refresh_list()
            self.note.setText("")
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        """Sealed: marks and notes are shown, not changed."""
        self._read_only = read_only
        self.outline.set_read_only(read_only)
        self.note.setReadOnly(read_only)
        self.remove.setEnabled(not read_only and self.outline.selected() >= 0)

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.disclaimer.setText(self.tr("As reported by the witness — not a medical finding."))
        self.help.setText(self.tr(
            "Click on the figure where the witness shows an injury or pain. Drag a mark to "
            "move it; Delete removes the selected mark."
        ))
        self.note_label.setText(self.tr("Note for the selected mark"))
        self.note.setPlaceholderText(self.tr("What the witness says about this place"))
        self.remove.setText(self.tr("Remove mark"))
        self._refresh_list()
        self.outline.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def setFocus(self, *args: object) -> None:
        """Focus the drawing (from the review page)."""
        self.outline.setFocus()

    # -- private ------------------------------------------------------------------------------

    def _describe(self, index: int, mark: BodyMark) -> str:
        side = self.tr("front") if mark.side == BodySide.FRONT.value else self.tr("back")
        note = mark.note.strip() or self.tr("(no note)")
        return f"{index + 1}. {side} — {note}"

    def _refresh_list(self) -> None:
        marks = self.outline.marks()
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for index, mark in enumerate(marks):
                QListWidgetItem(self._describe(index, mark), self.list)
            self.list.setCurrentRow(self.outline.selected())
        finally:
            self.list.blockSignals(False)

    def _marks_changed(self) -> None:
        self._refresh_list()
        if not self._loading:
            self.changed.emit()

    def _selection_changed(self, index: int) -> None:
        marks = self.outline.marks()
        has = 0 <= index < len(marks)
        self.note.setEnabled(has)
        self.note.setText(marks[index].note if has else "")
        self.remove.setEnabled(has and not self._read_only)
        self.list.blockSignals(True)
        self.list.setCurrentRow(index)
        self.list.blockSignals(False)

    def _mark_added(self, _index: int) -> None:
        # A new mark: the interviewer types what the witness says about it right away.
        if not self._loading:
            self.note.setFocus()

    def _row_changed(self, row: int) -> None:
        self.outline.select(row)

    def _note_edited(self, text: str) -> None:
        index = self.outline.selected()
        if index < 0:
            return
        self.outline.set_note(index, text)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, float(value)))
