"""A PDF shown from memory, with zoom: the Statement window's preview.

Why a widget of its own: what it promises is separate from what the Statement window decides.

* **Never on disk.** The document is a ``QPdfDocument`` reading a ``QBuffer`` over bytes in
  memory; :meth:`PdfPreview.unload` closes it and empties the buffer, so nothing of the
  statement stays in the widget after a close or a lock.
* **One page at a time of three**: a busy bar while the owner builds, the pages, or one
  sentence when there is nothing to show (:meth:`show_busy`, :meth:`load`,
  :meth:`show_message`).
* **Zoom that starts from what is seen.** Fit width, whole page, and − / + steps that start from
  the factor a fit mode shows, not from the last custom one.

The zoom buttons belong to the preview but are laid out by the owner, beside its own choices
(:meth:`zoom_buttons`).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.log import get_logger

_log = get_logger("ui.pdf_preview")

_ZOOM_STEP = 1.25
_ZOOM_MIN = 0.25
_ZOOM_MAX = 4.0
_PAGE_SPACING = 12

BUSY, PAGES, MESSAGE = 0, 1, 2
"""The pages of :attr:`PdfPreview.stack`."""


class PdfPreview(QWidget):
    """The pages of a PDF held in memory, a busy bar, or a sentence; with zoom buttons."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        """``name`` prefixes the object names (``statementView``, ``statementZoomIn``…)."""
        super().__init__(parent)
        self.setObjectName(f"{name}Preview")
        self.document = QPdfDocument(self)
        self.document.setObjectName(f"{name}Document")
        self._buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setObjectName(f"{name}View")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(_PAGE_SPACING)
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, palette.color(QPalette.ColorRole.Mid))
        self.view.setPalette(palette)
        self.view.setBackgroundRole(QPalette.ColorRole.Dark)

        busy = QWidget(self)
        self.busy_label = QLabel(busy)
        self.busy_label.setObjectName(f"{name}BusyLabel")
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_bar = QProgressBar(busy)
        self.busy_bar.setObjectName(f"{name}Busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(260)
        busy_layout = QVBoxLayout(busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(2)

        self.message = QLabel(self)
        self.message.setObjectName(f"{name}Message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName(f"{name}Stack")
        self.stack.addWidget(busy)  # BUSY
        self.stack.addWidget(self.view)  # PAGES
        self.stack.addWidget(self.message)  # MESSAGE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.fit_width_button = self._tool_button(f"{name}FitWidth", checkable=True)
        self.fit_page_button = self._tool_button(f"{name}FitPage", checkable=True)
        self.zoom_out_button = self._tool_button(f"{name}ZoomOut")
        self.zoom_in_button = self._tool_button(f"{name}ZoomIn")
        self.zoom_out_button.setText("−")
        self.zoom_in_button.setText("+")
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button.clicked.connect(self.fit_page)
        self.zoom_in_button.clicked.connect(lambda: self._zoom_by(_ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self._zoom_by(1 / _ZOOM_STEP))
        self.view.zoomModeChanged.connect(self._zoom_mode_changed)
        self.retranslate()
        self._zoom_mode_changed(self.view.zoomMode())

    def zoom_buttons(self) -> list[QToolButton]:
        """Fit width, whole page, zoom out, zoom in: for the owner to lay out."""
        return [self.fit_width_button, self.fit_page_button, self.zoom_out_button,
                self.zoom_in_button]

    # -- what is shown ------------------------------------------------------------------------

    def show_busy(self) -> None:
        """The busy bar (the owner sets :attr:`busy_label`'s text)."""
        self.stack.setCurrentIndex(BUSY)

    def show_message(self, text: str) -> None:
        """One sentence instead of pages; the document is unloaded."""
        self.unload()
        self.message.setText(text)
        self.stack.setCurrentIndex(MESSAGE)

    def load(self, data: bytes) -> bool:
        """Show the pages of ``data``; False (and nothing loaded) if Qt cannot read it."""
        self.unload()
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() == QPdfDocument.Status.Error:
            _log.error("a PDF preview could not be loaded: %s", self.document.error())
            self.unload()
            return False
        self.stack.setCurrentIndex(PAGES)
        return True

    def unload(self) -> None:
        """Close the document and empty the buffer: nothing of it stays in memory here."""
        self.document.close()
        if self._buffer.isOpen():
            self._buffer.close()
        self._buffer.setData(QByteArray())

    def page_count(self) -> int:
        """Pages of the document on screen (0 while none is)."""
        if self.document.status() != QPdfDocument.Status.Ready:
            return 0
        return int(self.document.pageCount())

    # -- zoom ---------------------------------------------------------------------------------

    @Slot()
    def fit_width(self) -> None:
        """Zoom so a page fills the width of the view."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    @Slot()
    def fit_page(self) -> None:
        """Zoom so a whole page is visible."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _tool_button(self, name: str, *, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setCheckable(checkable)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _zoom_by(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, _ZOOM_MIN), _ZOOM_MAX))

    def _effective_zoom(self) -> float:
        """The zoom factor a fit mode is showing now (so + and − start from what is seen)."""
        if self.page_count() == 0:
            return 1.0
        size = self.document.pagePointSize(0)
        if size.width() <= 0:
            return 1.0
        dpi = self.view.logicalDpiX() / 72.0
        width = self.view.viewport().width() - 2 * _PAGE_SPACING
        return max(_ZOOM_MIN, min(_ZOOM_MAX, width / (size.width() * dpi)))

    def _zoom_mode_changed(self, mode: QPdfView.ZoomMode) -> None:
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)

    # -- translation --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.fit_width_button.setText(self.tr("Fit &width"))
        self.fit_page_button.setText(self.tr("Whole &page"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
