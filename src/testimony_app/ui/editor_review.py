"""The last page: what the Istanbul checklist still misses, then sealing or amending.

Why the missing items are links: after two hours the interviewer is tired and the witness may
be leaving; one click on "Ask whether the testimony may be published" must land the cursor in
that very field, so nothing is missed and nothing is searched for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from testimony_app.domain.completeness import missing_items
from testimony_app.domain.model import RecordInfo, Testimony
from testimony_app.ui.editor_base import EditorPage

_PATH = Qt.ItemDataRole.UserRole
_SECTION = Qt.ItemDataRole.UserRole + 1


class ReviewPage(EditorPage):
    """The completeness check and the seal.

    Signals:
        jump_requested(str, str): a missing item was activated (field path, section).
        seal_clicked(), amend_clicked(): the buttons, handled by the editor.
    """

    section = "review"
    jump_requested = Signal(str, str)
    seal_clicked = Signal()
    amend_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._section_titles: dict[str, str] = {}
        self._sealed = False
        self.on_language(self._retranslate_hint)
        self.summary = QLabel(self.body)
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        font = QFont(self.summary.font())
        font.setBold(True)
        self.summary.setFont(font)
        self.column.addWidget(self.summary)
        self.missing = QListWidget(self.body)
        self.missing.setObjectName("missingList")
        self.missing.setWordWrap(True)
        self.missing.setMinimumHeight(220)
        self.missing.setCursor(Qt.CursorShape.PointingHandCursor)
        self.missing.setStyleSheet(
            "QListWidget#missingList::item { padding: 4px 2px; color: palette(link); }"
        )
        self.missing.itemActivated.connect(self._activated)
        self.missing.itemClicked.connect(self._activated)
        self.column.addWidget(self.missing, 1)

        box, form = self.group(lambda: self.tr("Seal"), "sealBox")
        self.seal_text = QLabel(box)
        self.seal_text.setObjectName("sealText")
        self.seal_text.setWordWrap(True)
        form.addRow(self.seal_text)
        buttons = QHBoxLayout()
        self.seal_button = QPushButton(box)
        self.seal_button.setObjectName("sealButton")
        self.seal_button.clicked.connect(self.seal_clicked)
        self.amend_button = QPushButton(box)
        self.amend_button.setObjectName("amendButton")
        self.amend_button.clicked.connect(self.amend_clicked)
        buttons.addWidget(self.seal_button)
        buttons.addWidget(self.amend_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.versions = QLabel(box)
        self.versions.setObjectName("versionHistory")
        self.versions.setWordWrap(True)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.versions.setStyleSheet("color: palette(placeholder-text);")
        form.addRow(self.versions)
        self.column.addStretch(0)  # takes the room when the list is hidden (nothing missing)
        self.on_language(self._retranslate_buttons)
        self._info: RecordInfo | None = None
        self._testimony: Testimony | None = None
        self.set_sealed(False)

    def title(self) -> str:
        """Navigator entry."""
        return self.tr("Review and seal")

    # -- EditorPage: the review edits nothing ---------------------------------------------------

    def load(self, testimony: Testimony) -> None:
        """Check the loaded testimony."""
        self.refresh(testimony)

    def store(self, testimony: Testimony) -> None:
        """Nothing to store."""

    def focus_field(self, path: str) -> bool:
        """The list of missing items."""
        self.show_widget(self.missing)
        return True

    def set_language(self, lang: str) -> None:
        """Messages in ``lang``."""
        super().set_language(lang)
        if self._testimony is not None:
            self.refresh(self._testimony)

    # -- public -------------------------------------------------------------------------------

    def set_section_titles(self, titles: dict[str, str]) -> None:
        """How each completeness section is named in the navigator (for the item texts).

        Called again after a language switch: the items are rewritten at once, so no
        section name stays in the old language (GUI review D6).
        """
        self._section_titles = dict(titles)
        if self._testimony is not None:
            self.refresh(self._testimony)

    def refresh(self, testimony: Testimony, info: RecordInfo | None = None) -> None:
        """Run the check on ``testimony`` and show the result."""
        self._testimony = testimony
        if info is not None:
            self._info = info
        items = missing_items(testimony)
        self.missing.clear()
        for item in items:
            section = self._section_titles.get(item.section, item.section)
            entry = QListWidgetItem(f"{section} — {item.message(self._lang)}")
            entry.setData(_PATH, item.field)
            entry.setData(_SECTION, item.section)
            entry.setToolTip(self.tr("Go to this field"))
            self.missing.addItem(entry)
        self.missing.setVisible(bool(items))
        if items:
            self.summary.setText(self.tr("Still missing from the checklist: %d") % len(items))
            self.summary.setStyleSheet("")
        else:
            self.summary.setText(self.tr("Everything the checklist asks for is recorded."))
            self.summary.setStyleSheet("color: #1e6b34;")
        self._update_versions()

    def missing_paths(self) -> list[str]:
        """The field paths listed, in order (for tests)."""
        return [self.missing.item(i).data(_PATH) for i in range(self.missing.count())]

    def missing_texts(self) -> list[str]:
        """The items listed, as the page shows them ("Interview — Record the place…")."""
        return [self.missing.item(i).text() for i in range(self.missing.count())]

    def set_sealed(self, sealed: bool) -> None:
        """Offer Seal on a draft, Amend on a sealed version."""
        self.seal_button.setVisible(not sealed)
        self.amend_button.setVisible(sealed)
        self._sealed = sealed
        self._retranslate_buttons()
        self._retranslate_hint()

    def clear(self) -> None:
        """Forget the record (lock)."""
        self._testimony = None
        self._info = None
        self.missing.clear()
        self.summary.clear()
        self.versions.clear()

    # -- private ------------------------------------------------------------------------------

    def _activated(self, entry: QListWidgetItem) -> None:
        self.jump_requested.emit(str(entry.data(_PATH)), str(entry.data(_SECTION)))

    def _retranslate_hint(self) -> None:
        if self._sealed:  # no talk of saving or sealing under a sealed version (review D24)
            self.hint.setText(self.tr(
                "What the Istanbul Protocol checklist still misses in this sealed version. An "
                "amendment can add it."
            ))
        else:
            self.hint.setText(self.tr(
                "What the Istanbul Protocol checklist still misses. Select an item to go to "
                "its field. Nothing here stops you from saving; only consent is needed to seal."
            ))

    def _retranslate_buttons(self) -> None:
        self.seal_button.setText(self.tr("Seal this version…"))
        self.amend_button.setText(self.tr("Amend…"))
        if self._sealed:
            self.seal_text.setText(self.tr(
                "This version is sealed and can no longer be changed. To correct or add "
                "something, start an amendment: a new version, linked to this one, with the "
                "reason for the change."
            ))
        else:
            self.seal_text.setText(self.tr(
                "Seal when the statement has been read back to the witness and they agree with "
                "it. A sealed version can no longer be changed; corrections become amendments "
                "with a reason."
            ))

    def _update_versions(self) -> None:
        info = self._info
        if info is None or not info.versions:
            self.versions.setText("")
            return
        lines = []
        for version in info.versions:
            if version.sealed:
                line = self.tr("Version %1 sealed %2 · SHA-256 %3").replace(
                    "%1", str(version.number)).replace(
                    "%2", version.sealed_at.replace("T", " ")[:16]).replace(
                    "%3", version.content_sha256[:16] + "…")
            else:
                line = self.tr("Version %1 — draft").replace("%1", str(version.number))
            if version.reason:
                line += " · " + self.tr("reason: %s") % version.reason
            lines.append(line)
        self.versions.setText("\n".join(lines))

