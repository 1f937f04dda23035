"""Passphrase input widgets: a field that overwrites itself when cleared, a strength meter, and
the least strength the window accepts for a new passphrase (new vault, changed passphrase)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from testimony_app import words
from testimony_app.words import Message

STRENGTH_LEVELS = 4
#: The weakest score (0–4) accepted for a new passphrase.
MIN_STRENGTH = 2

#: Scores a passphrase: 0–4 and the advice to show (``services.passphrase`` in the window).
StrengthFn = Callable[[str], tuple[int, Message]]


def translate_hint(hint: Message) -> str:
    """The meter's advice in the interface language: a code of the services catalogue (the
    verdict, and the pattern zxcvbn saw), worded like the rest of what the program says."""
    return words.text(hint)


class PassphraseEdit(QLineEdit):
    """A password-mode line edit that overwrites its buffer before clearing (Electrum).

    Python strings cannot be wiped, but Qt's own copy of the text can be overwritten, so the
    passphrase lingers in one place fewer. Context menu and drag are off so it cannot be copied
    out by accident.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setDragEnabled(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)

    def set_revealed(self, revealed: bool) -> None:
        """Show the passphrase as text (for a generated one that must be written down)."""
        self.setEchoMode(QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password)

    def wipe(self) -> None:
        """Overwrite the text, then empty the field and its undo history."""
        length = len(self.text())
        if length:
            self.setText("\u2022" * length)
        self.setText("")


class StrengthMeter(QWidget):
    """A four-step bar and a one-line hint; the score comes from ``passphrase_strength``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = 0
        self.bar = QProgressBar(self)
        self.bar.setObjectName("strengthBar")
        self.bar.setRange(0, STRENGTH_LEVELS)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.hint = QLabel(self)
        self.hint.setObjectName("strengthHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.bar)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.set_strength(0, "")

    def set_strength(self, score: int, hint: str) -> None:
        """Show ``score`` (0–4) and its hint."""
        self.score = max(0, min(STRENGTH_LEVELS, int(score)))
        self.bar.setValue(self.score)
        colour = {0: "#b3261e", 1: "#b3261e", 2: "#b26a00", 3: "#3d7a3a", 4: "#2e6b2b"}[self.score]
        self.bar.setStyleSheet(
            "QProgressBar { border: none; background: palette(midlight); border-radius: 4px; }"
            f"QProgressBar::chunk {{ background: {colour}; border-radius: 4px; }}"
        )
        self.hint.setText(hint)
