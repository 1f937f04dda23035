"""Forget, at lock time, what was copied from this program, and only that.

A name or a paragraph copied from a testimony stays on the system clipboard after the vault
locks, where any program (or the next person at the keyboard) can paste it. The guard remembers
a hash of what was copied while this program had the focus, never the text, and clears the
clipboard on lock only if it still holds that: what the user copied in a browser afterwards is
theirs and stays.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


def _digest(text: str) -> str:
    """A hash to recognise our clipboard content later without keeping the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ClipboardGuard(QObject):
    """Tracks what this program put on the clipboard (as a hash) and wipes it on request."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mark: str | None = None
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.dataChanged.connect(self._changed)

    @property
    def holds_ours(self) -> bool:
        """Whether something copied here was seen (and not yet wiped)."""
        return self._mark is not None

    def forget(self) -> None:
        """Stop tracking: the clipboard's content is someone else's."""
        self._mark = None

    def wipe(self) -> None:
        """Clear the clipboard if it still holds what was copied here; then forget."""
        clipboard = QGuiApplication.clipboard()
        if (
            clipboard is not None
            and self._mark is not None
            and (clipboard.ownsClipboard() or _digest(clipboard.text()) == self._mark)
        ):
            clipboard.clear()
        self._mark = None

    @Slot()
    def _changed(self) -> None:
        """Remember (as a hash) what was copied while this program had the focus."""
        clipboard = QGuiApplication.clipboard()
        ours = QApplication.activeWindow() is not None or clipboard.ownsClipboard()
        text = clipboard.text()
        self._mark = _digest(text) if ours and text else None
