"""The pages shown before the vault is open, and what they share: create it (first run,
:mod:`~testimony_app.ui.create_vault_page`) and unlock it (:mod:`~testimony_app.ui.unlock_page`).

They are pages of the main window, not separate windows, so that locking can replace whatever
was on screen in one step and the window is never blank-but-open behind a dialog. The pages do
no work themselves: they collect a passphrase and emit a signal; the main window runs the slow
call (Argon2, about a second) on the task runner and reports back with ``set_busy``,
``UnlockPage.failed`` and friends. Here: the card both pages are drawn on, the language
selector on it, and their message line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.i18n import LANGUAGES

#: How a page's message line looks: an error must read as one at a glance (GUI review D18).
MESSAGE_STYLES = {
    "error": "color: #b3261e; font-weight: bold;",
    "info": "",
}


def set_message(label: QLabel, text: str, kind: str = "info") -> None:
    """Show ``text`` in a page's message line, styled as an error or as plain information."""
    label.setText(text)
    label.setProperty("kind", kind if text else "")
    label.setStyleSheet(MESSAGE_STYLES.get(kind, "") if text else "")


class LanguageSelector(QComboBox):
    """The interface language, offered on the first screens so a newcomer can read them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageSelector")
        for lang in LANGUAGES:
            self.addItem(lang.native_name, lang.code)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def set_code(self, code: str) -> None:
        """Select ``code`` without emitting a change."""
        index = self.findData(code)
        if index >= 0:
            blocked = self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(blocked)

    def code(self) -> str:
        """The selected language code."""
        return str(self.currentData())


class VaultCard(QWidget):
    """A calm, centred column: the first screens hold a few fields and nothing else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 24)
        top = QHBoxLayout()
        top.addStretch(1)
        self.language = LanguageSelector(self)
        top.addWidget(self.language)
        outer.addLayout(top)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.frame = QFrame(self)
        self.frame.setObjectName("card")
        self.frame.setMaximumWidth(560)
        self.frame.setMinimumWidth(420)
        row.addWidget(self.frame, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.body = QVBoxLayout(self.frame)
        self.body.setSpacing(12)
        self.title = QLabel(self.frame)
        self.title.setObjectName("pageTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.title.setFont(font)
        self.body.addWidget(self.title)
        self.intro = QLabel(self.frame)
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text in the current language."""

    def message_line(self, name: str) -> QLabel:
        """A wrapped message label that keeps two lines of room, so the page never jumps."""
        label = QLabel(self.frame)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 2)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label
