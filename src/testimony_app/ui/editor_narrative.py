"""The narrative page: the witness's own words, paragraph by paragraph, and the translation.

Why a page of its own: the narrative is the heart of a statement, and its paragraphs are
numbered exactly as the statement numbers them (the numbers are painted in a margin, not typed,
so the witness's words stay as spoken); the original and the written translation sit side by
side with the same numbers.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent, QTextBlock
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import Testimony
from testimony_app.ui.editor_base import EditorPage
from testimony_app.ui.editor_fields import ChoiceField, TextField
from testimony_app.ui.vocab_picker import choices

# -- narrative ----------------------------------------------------------------------------------


class _NumberMargin(QWidget):
    """The strip left of the narrative where paragraph numbers are painted."""

    def __init__(self, editor: NumberedTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        """As wide as the largest number."""
        return QSize(self._editor.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Delegate to the editor, which knows its blocks."""
        self._editor.paint_margin(event)


class NumberedTextEdit(TextField):
    """A plain-text editor that numbers paragraphs in its margin as the statement will.

    A paragraph is text between blank lines (``domain.model.split_paragraphs``); a single line
    break stays inside a paragraph. Seeing ``7`` beside a paragraph while typing lets the
    interviewer say "paragraph 7" when reading the statement back to the witness.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, lines=16, parent=parent)
        self.setTabChangesFocus(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.12)
        self.setFont(font)
        self._margin = _NumberMargin(self)
        self._numbers: dict[int, int] = {}
        self.blockCountChanged.connect(self._layout_margin)
        self.updateRequest.connect(self._scroll_margin)
        self.textChanged.connect(self._renumber)
        self._renumber()
        self._layout_margin()

    def paragraph_numbers(self) -> dict[int, int]:
        """Block number → paragraph number, for the blocks that start a paragraph."""
        return dict(self._numbers)

    def paragraph_count(self) -> int:
        """How many numbered paragraphs the statement will have."""
        return len(self._numbers)

    def margin_width(self) -> int:
        """Room for the widest number plus padding."""
        digits = max(2, len(str(max(1, len(self._numbers)))))
        return 14 + self.fontMetrics().horizontalAdvance("9") * digits

    def _renumber(self) -> None:
        numbers: dict[int, int] = {}
        previous_blank = True
        block = self.document().firstBlock()
        while block.isValid():
            blank = not block.text().strip()
            if not blank and previous_blank:
                numbers[block.blockNumber()] = len(numbers) + 1
            previous_blank = blank
            block = block.next()
        if numbers != self._numbers:
            self._numbers = numbers
            self._layout_margin()
            self._margin.update()

    def _layout_margin(self, *_args: object) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)

    def _scroll_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self._margin.scroll(0, dy)
        else:
            self._margin.update(0, rect.y(), self._margin.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the margin beside the text."""
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._margin.setGeometry(QRect(rect.left(), rect.top(), self.margin_width(),
                                       rect.height()))

    def paint_margin(self, event: QPaintEvent) -> None:
        """Numbers beside the first line of each paragraph."""
        painter = QPainter(self._margin)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        painter.setPen(QColor("#8a8a8a"))
        block: QTextBlock = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            number = self._numbers.get(block.blockNumber())
            if number is not None and block.isVisible() and bottom >= event.rect().top():
                painter.drawText(0, top, self._margin.width() - 6, height,
                                 Qt.AlignmentFlag.AlignRight, str(number))
            block = block.next()
            top = bottom
        painter.end()


class NarrativePage(EditorPage):
    """The account in the witness's own words, with an optional translation beside it."""

    section = "narrative"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_language(lambda: self.hint.setText(self.tr(
            "The witness's own words, in the language spoken. Leave an empty line between "
            "paragraphs: the numbers in the margin are the paragraph numbers of the statement."
        )))
        self.text = NumberedTextEdit("narrative.text")
        self.bind("text", self.text)
        self.translation = NumberedTextEdit("narrative.translation")
        self.bind("translation", self.translation)
        self._translation_language = ChoiceField("narrative.translation_language")
        self.bind("translation_language", self._translation_language)

        controls = QHBoxLayout()
        self.show_translation = QCheckBox(self.body)
        self.show_translation.setObjectName("showTranslation")
        self.on_language(lambda: self.show_translation.setText(self.tr("Show the translation")))
        self.show_translation.toggled.connect(self._show_translation)
        self.show_translation.toggled.connect(self._update_count)
        controls.addWidget(self.show_translation)
        self._language_label = QLabel(self.body)
        self.on_language(lambda: self._language_label.setText(
            self.tr("Language of the written translation")))
        self.on_language(lambda: self._translation_language.setToolTip(self.tr(
            "The language of the translation typed beside the narrative; it need not be the "
            "interpreter's language."
        )))
        self._language_label.setBuddy(self._translation_language)
        controls.addWidget(self._language_label)
        controls.addWidget(self._translation_language)
        controls.addStretch(1)
        self.count = QLabel(self.body)
        self.count.setObjectName("narrativeParagraphCount")
        self.count.setStyleSheet("color: palette(placeholder-text);")
        controls.addWidget(self.count)
        self.column.addLayout(controls)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.body)
        self.splitter.setObjectName("narrativeSplitter")
        self.splitter.setChildrenCollapsible(False)
        for editor in (self.text, self.translation):
            holder = QWidget(self.splitter)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(editor)
        self.column.addWidget(self.splitter, 1)
        self.text.textChanged.connect(self._update_count)
        self.translation.textChanged.connect(self._update_count)
        self.on_language(self._update_count)
        self.body.setMaximumWidth(16777215)  # the account deserves the whole width
        self._show_translation(False)
        self.set_language("en")

    def title(self) -> str:
        """Navigator entry."""
        return self.tr("Narrative")

    def load(self, testimony: Testimony) -> None:
        """Show the account; the translation column opens if there is a translation."""
        super().load(testimony)
        self.show_translation.setChecked(bool(testimony.narrative.translation.strip()))

    def set_language(self, lang: str) -> None:
        """Language names in ``lang``."""
        super().set_language(lang)
        with self.loading():
            self._translation_language.set_choices(
                choices("languages", lang), lambda: self.tr("— not given —")
            )

    def focus_field(self, path: str) -> bool:
        """Opening the translation column when a translation field is asked for."""
        if path.startswith("narrative.translation"):
            self.show_translation.setChecked(True)
        return super().focus_field(path)

    def _show_translation(self, shown: bool) -> None:
        box = self.translation.parentWidget()
        if box is not None:
            box.setVisible(shown)
        self._translation_language.setVisible(shown)
        self._language_label.setVisible(shown)

    def _update_count(self) -> None:
        own = self.text.paragraph_count()
        text = self.tr("Paragraphs: %d") % own
        if self.show_translation.isChecked():
            text += " · " + self.tr("in the translation: %d") % self.translation.paragraph_count()
        self.count.setText(text)


# -- effects ------------------------------------------------------------------------------------
