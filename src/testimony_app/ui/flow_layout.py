"""A layout that puts its items in a row and wraps to the next line when the row is full.

Why: a bar of filters (search, status, method, dates, "Clear filters", "Reveal names") needs
about 1,200 pixels in one row in Russian; a laptop at 1024×768, or 1280×720 at 125 %, has
1,000. In a ``QHBoxLayout`` the bar's minimum width became the window's, the window could not
shrink, and the widgets overlapped when forced (GUI review D1). Here the minimum width is the
widest single item, and the height grows by a row instead (Qt's "Flow Layout" example).

Items with a horizontal stretch factor (:meth:`add_widget` ``stretch``) share the room left
on their line, so the search box still fills a wide window.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Left to right, wrapping; each line as tall as its tallest item."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        """Add ``widget``; a ``stretch`` > 0 lets it take a share of its line's spare room."""
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        self._items.append(item)
        if stretch:
            self._stretch[id(item)] = stretch
        self.invalidate()

    # -- QLayout ------------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.pop(id(item), None)
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """One line wide: what the items would like side by side."""
        width = sum(self._hint(i).width() for i in self._visible())
        width += self._spacing * max(0, len(self._visible()) - 1)
        height = max((self._hint(i).height() for i in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as the widest item: everything else wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- private ------------------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _hint(self, item: QLayoutItem) -> QSize:
        hint = item.sizeHint().expandedTo(item.minimumSize())
        widget = item.widget()
        fixed = QSizePolicy.Policy.Fixed
        if widget is not None and widget.sizePolicy().horizontalPolicy() == fixed:
            return hint
        return hint.boundedTo(item.maximumSize())

    def _gap(self, item: QLayoutItem) -> int:
        if self._spacing >= 0:
            return self._spacing
        widget = item.widget()
        style = widget.style() if widget is not None else None
        if style is None:
            return 6
        return style.layoutSpacing(
            QSizePolicy.ControlType.PushButton,
            QSizePolicy.ControlType.PushButton,
            Qt.Orientation.Horizontal,
        ) if isinstance(style, QStyle) else 6

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Lay the items out in ``rect`` (or only measure); return the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = []
        line: list[QLayoutItem] = []
        used = 0
        for item in self._visible():
            width = min(self._hint(item).width(), area.width())
            gap = self._gap(item) if line else 0
            if line and used + gap + width > area.width():
                lines.append(line)
                line, used, gap = [], 0, 0
            line.append(item)
            used += gap + width
        if line:
            lines.append(line)

        y = area.y()
        for index, items in enumerate(lines):
            widths = [min(self._hint(i).width(), area.width()) for i in items]
            gaps = sum(self._gap(i) for i in items[1:])
            spare = max(0, area.width() - sum(widths) - gaps)
            stretches = [self._stretch.get(id(i), 0) for i in items]
            total = sum(stretches)
            if total:
                for k, share in enumerate(stretches):
                    grow = spare * share // total
                    widths[k] = min(widths[k] + grow, items[k].maximumSize().width())
            height = max(self._hint(i).height() for i in items)
            x = area.x()
            for k, item in enumerate(items):
                if k:
                    x += self._gap(item)
                if apply:
                    item_height = min(height, item.maximumSize().height())
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(widths[k], item_height)))
                x += widths[k]
            y += height
            if index < len(lines) - 1:
                y += self._spacing if self._spacing >= 0 else 6
        return y - rect.y() + margins.bottom()
