"""Two small parts of the Statement window: the versions box and the line that says what was
built.

* :class:`VersionBox` lists the record's versions newest first, each marked sealed or draft,
  and is filled without emitting a change (a refill is not the user choosing a version).
* :class:`StatementFacts` says how many pages, and either the sealed content's SHA-256 (which
  the footer of every page repeats, and which the organisation compares) or, in red, that a
  draft must not be signed or filed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget


def monospace_font() -> QFont:
    """The system's fixed-pitch font, for hashes and fingerprints read aloud or compared."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class VersionBox(QComboBox):
    """The versions of one record, newest first: "3 (sealed)", "4 (draft)"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statementVersion")
        self.setEnabled(False)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._versions: tuple[tuple[int, bool], ...] = ()

    def set_versions(self, versions: tuple[tuple[int, bool], ...], current: int | None) -> None:
        """List ``versions`` (number, sealed) and select ``current``, without a change signal."""
        blocked = self.blockSignals(True)
        if versions != self._versions:
            self._versions = versions
            self.clear()
            for number, sealed in reversed(versions):
                self.addItem(self._text(number, sealed), number)
        index = self.findData(current)
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEnabled(len(versions) > 1)
        self.blockSignals(blocked)

    def _text(self, number: int, sealed: bool) -> str:
        if sealed:
            return self.tr("%1 (sealed)").replace("%1", str(number))
        return self.tr("%1 (draft)").replace("%1", str(number))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for index, (number, sealed) in enumerate(reversed(self._versions)):
                self.setItemText(index, self._text(number, sealed))
        super().changeEvent(event)


class StatementFacts(QWidget):
    """"12 pages · Sealed version 2. SHA-256 of the sealed content: 9d71…", or the draft's
    warning; empty while nothing is on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("statementPages")
        self.seal_label = QLabel(self)
        self.seal_label.setObjectName("statementSeal")
        self.hash_label = QLabel(self)
        self.hash_label.setObjectName("statementHash")
        self.hash_label.setFont(monospace_font())
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages_label)
        layout.addSpacing(16)
        layout.addWidget(self.seal_label)
        layout.addSpacing(4)
        layout.addWidget(self.hash_label, 1)
        self._shown: tuple[int, int | None, bool, str] | None = None

    def clear(self) -> None:
        """Nothing on screen (while a statement is being made)."""
        self._shown = None
        for label in (self.pages_label, self.seal_label, self.hash_label):
            label.setText("")

    def show_built(self, pages: int, version: int | None, sealed: bool,
                   content_sha256: str) -> None:
        """What is on screen: its pages, and the sealed content's hash or the draft warning."""
        self._shown = (pages, version, sealed, content_sha256)
        self.pages_label.setText(self.tr("%n page(s)", "", pages))
        number = str(version)
        if sealed:
            self.seal_label.setText(
                self.tr("Sealed version %1. SHA-256 of the sealed content:").replace("%1", number)
            )
            self.hash_label.setText(content_sha256)
            self.hash_label.setStyleSheet("")
        else:
            self.seal_label.setText(
                self.tr("Version %1 is not sealed: it must not be signed or filed.").replace(
                    "%1", number
                )
            )
            self.hash_label.setText(self.tr("DRAFT"))
            self.hash_label.setStyleSheet("color: #b71c1c; font-weight: bold;")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._shown is not None:
            self.show_built(*self._shown)
        super().changeEvent(event)
