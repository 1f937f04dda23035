"""The interviewer's guide, read inside the program (Help → Interviewer's guide).

Why inside: the guide exists in English, Azerbaijani and Russian, but an interviewer in the
field has no network, and opening a file in a browser would leave its name in the browser's
history and cache. The Markdown files ship in the package (``resources/guide``) and are shown
here with Qt's own Markdown reader: no browser, no network, nothing written to disk.

Links between the guide's own sections work; links to the other languages switch the guide's
language; any other link (a web address) is not followed: the program never goes online.
Pictures of the program in the guide are left out: the program itself is on screen.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.i18n import LANGUAGES, language

GUIDE_FILES = {"en": "guide-interviewer.md", "az": "guide-interviewer.az.md",
               "ru": "guide-interviewer.ru.md"}
_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$", re.MULTILINE)
_ANCHOR = 0x0100  # Qt.ItemDataRole.UserRole


def guide_text(code: str) -> str:
    """The guide's Markdown in ``code`` (English when there is none), from the package."""
    name = GUIDE_FILES.get(language(code).code, GUIDE_FILES["en"])
    folder = importlib.resources.files("testimony_app.resources") / "guide"
    return (folder / name).read_text(encoding="utf-8")


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it ("8. Kilid və …" → "8-kilid-və-…")."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    kept = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def _language_of(url: QUrl) -> str | None:
    """The language of a link to one of the guide's own files, if it is one."""
    name = url.path().rsplit("/", 1)[-1]
    for code, file in GUIDE_FILES.items():
        if name == file:
            return code
    return None


class GuideViewer(QDialog):
    """The guide with its sections on the side, in the language chosen (the interface's first).

    Signals:
        language_shown(str): the guide now shows this language.
    """

    language_shown = Signal(str)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideViewer")
        self.setModal(False)
        self._code = ""
        self.language = QComboBox(self)
        self.language.setObjectName("guideLanguage")
        for lang in LANGUAGES:
            self.language.addItem(lang.native_name, lang.code)
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.sections = QListWidget(self)
        self.sections.setObjectName("guideSections")
        self.sections.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideText")
        self.browser.setOpenLinks(False)  # we decide: never a browser, never the network
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.sections.currentItemChanged.connect(self._section_chosen)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(self.sections)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([220, 640])
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(splitter, 1)
        column.addWidget(self.buttons)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.browser.setFocus)
        self.language.currentIndexChanged.connect(
            lambda _i: self.show_language(str(self.language.currentData()))
        )
        self.resize(880, 620)
        self.retranslate()
        self.show_language(code)

    @property
    def code(self) -> str:
        """The language shown."""
        return self._code

    def show_language(self, code: str) -> None:
        """Load the guide in ``code`` and go to its top."""
        code = language(code).code
        if code == self._code:
            return
        self._code = code
        index = self.language.findData(code)
        if index >= 0 and index != self.language.currentIndex():
            blocked = self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(blocked)
        self.browser.setMarkdown(_IMAGE.sub("", guide_text(code)))
        self._name_headings()
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.language_shown.emit(code)

    def headings(self) -> list[str]:
        """The sections listed on the side."""
        return [self.sections.item(i).text() for i in range(self.sections.count())]

    def go_to(self, anchor: str) -> bool:
        """Scroll to the heading whose anchor is ``anchor``; False if there is none."""
        for i in range(self.sections.count()):
            if self.sections.item(i).data(_ANCHOR) == anchor:
                self.browser.scrollToAnchor(anchor)
                return True
        return False

    def retranslate(self) -> None:
        """Texts of the window itself."""
        self.setWindowTitle(self.tr("Interviewer's guide"))
        self.language_label.setText(self.tr("&Language of the guide:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- private ----------------------------------------------------------------------------

    def _name_headings(self) -> None:
        """Give each heading its GitHub anchor (Qt's reader names none) and list the sections."""
        self.sections.blockSignals(True)
        self.sections.clear()
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                text = block.text()
                anchor = slug(text)
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                    QTextCursor.MoveMode.KeepAnchor)
                mark = QTextCharFormat()
                mark.setAnchor(True)
                mark.setAnchorNames([anchor])
                cursor.mergeCharFormat(mark)
                if level == 2:
                    item = QListWidgetItem(text, self.sections)
                    item.setData(_ANCHOR, anchor)
            block = block.next()
        self.sections.blockSignals(False)

    def _section_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.browser.scrollToAnchor(str(item.data(_ANCHOR)))

    def _follow(self, url: QUrl) -> None:
        """A link was clicked: a section of this guide, or the guide in another language."""
        other = _language_of(url)
        if other is not None:
            self.show_language(other)
            if url.hasFragment():
                self.go_to(url.fragment())
            return
        if not url.scheme() and not url.path() and url.hasFragment():
            self.go_to(url.fragment())
        # Anything else (a web address) is deliberately not followed.
