"""The countdown before the idle lock: "The vault locks in 27 seconds", over the window.

An interviewer who listens for minutes without typing would otherwise be locked out mid-
interview and have to type the passphrase in front of the witness (GUI review D17). The
banner appears :data:`~testimony_app.ui.lock.WARNING_SECONDS` before the lock, counts down
every second, and goes away at any key or mouse move (the :class:`IdleWatcher` decides that).

It floats over the top of the window rather than taking a place in a layout: showing it must
not move the text the interviewer is reading, nor resize anything.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from testimony_app.ui.lock import IdleWatcher


class IdleWarning(QFrame):
    """A banner bound to an :class:`IdleWatcher`, placed over ``parent``'s top edge."""

    def __init__(self, watcher: IdleWatcher, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idleWarning")
        self._watcher = watcher
        self.setStyleSheet(
            "#idleWarning { background: #fff4d6; border: 2px solid #b26a00; border-radius: 6px; }"
            " QLabel { color: #4d2f00; }"
        )
        self.text = QLabel(self)
        self.text.setObjectName("idleWarningText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.addWidget(self.text)
        self._tick = QTimer(self)
        self._tick.setObjectName("idleWarningTick")
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh)
        watcher.warning.connect(self._warn)
        watcher.warning_cleared.connect(self.dismiss)
        watcher.idle.connect(self.dismiss)
        parent.installEventFilter(self)
        self.hide()

    def seconds(self) -> int:
        """The seconds the banner shows now."""
        return max(0, math.ceil(self._watcher.seconds_left()))

    def refresh(self) -> None:
        """Count down (also called by the watcher's warning)."""
        self.text.setText(
            self.tr(
                "The vault locks in %n second(s): nothing was typed for a while. "
                "Press a key or move the mouse to keep it open.",
                "",
                self.seconds(),
            )
        )
        self._place()

    def dismiss(self) -> None:
        """Hide the banner (input arrived, or the vault locked)."""
        self._tick.stop()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self.refresh()
        super().changeEvent(event)

    def _warn(self, _seconds: int) -> None:
        self.refresh()
        self.show()
        self.raise_()
        self._tick.start()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(560, max(280, parent.width() - 40))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move((parent.width() - width) // 2, max(8, parent.height() // 8))
