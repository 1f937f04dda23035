"""Statement…: build the witness statement off the GUI thread, preview it here, then save it.

What the dialog promises:

* **Nothing slow on the GUI thread.** The PDF (0.2–0.5 s for a real testimony, more for a long
  one) is built by the window's :class:`~testimony_app.ui.tasks.TaskRunner`; the dialog shows a
  busy bar meanwhile. Changing the language, the variant or the version asks for a new build;
  requests made while one is running are coalesced, so the queue never fills with stale work.
* **Never on disk until the user says where.** The preview is a ``QPdfDocument`` reading a
  ``QBuffer`` over the bytes in memory; no temporary file exists at any moment. **Save…** asks
  for a path and writes through ``session.statements.save`` (atomic, 0600) with exactly the
  version and options previewed, so the file is byte-for-byte what was on screen (builds are
  deterministic).
* **Nothing of the testimony in a title or a log.** The window title is "Statement"; the record
  is named by the first characters of its id only.
* **Wiped on close.** Closing (or the lock, which rejects every dialog) unloads the document and
  empties the buffer.
* **Signed only when sealed.** "Sign with this laptop's key" appends the laptop's PDF signature
  when saving (``statements.save(sign=True)``); it is offered only for a sealed version, and the
  file then starts with exactly the bytes previewed.
* **Consent governs the default.** When the witness's name may not appear (they said no, or
  were not asked), the dialog opens on the redacted variant with a banner saying why; the full
  statement needs an explicit choice and a reason, which the service records with the version
  when the file is saved.
* **A redaction is reviewed before it is saved.** Save… on the redacted variant first lists
  every replacement and every doubtful word kept (:mod:`testimony_app.ui.redaction_review`);
  the interviewer's choices are stored with the version, and the preview is rebuilt with them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.redaction_review import ReviewChoices
from testimony_app.log import get_logger
from testimony_app.ui.i18n import LANGUAGES
from testimony_app.ui.prompts import Prompts, prompts_for
from testimony_app.ui.redaction_review import RedactionReviewDialog
from testimony_app.ui.statement_build import (
    STATEMENT_LANGUAGES,
    BuiltStatement,
    StatementOptions,
    build_statement,
    default_language,
    suggested_file_name,
)
from testimony_app.ui.tasks import TaskRunner, error_sentence, show_error

if TYPE_CHECKING:
    from testimony_app.services.statements import RedactionReview
    from testimony_app.services.vault import VaultSession

_log = get_logger("ui.statement")

SessionProvider = Callable[[], "VaultSession | None"]

_ZOOM_STEP = 1.25
_ZOOM_MIN = 0.25
_ZOOM_MAX = 4.0


def monospace_font() -> QFont:
    """The system's fixed-pitch font, for hashes and fingerprints read aloud or compared."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class StatementDialog(QDialog):
    """Preview and save the statement of one testimony.

    Signals:
        built(int): a statement was built and is on screen (its page count).
        saved(str): the statement was written; the SHA-256 of the file.
    """

    built = Signal(int)
    """A statement is on screen; its number of pages."""
    saved = Signal(str)
    """The statement was saved; the SHA-256 of the file written."""
    review_opened = Signal(object)
    """The redaction review is on screen (the RedactionReviewDialog), before a save."""

    def __init__(
        self,
        session_provider: SessionProvider,
        runner: TaskRunner,
        record_id: str,
        *,
        ui_language: str = "en",
        interview_language: str | None = None,
        prompts: Prompts | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statementDialog")
        self.setModal(True)
        if prompts is not None:
            self.prompts = prompts
        self._session_provider = session_provider
        self._runner = runner
        self._record_id = record_id
        self._ui_language = ui_language
        self._building = False
        self._saving = False
        self._signing = False
        self._closed = False
        self._wanted: StatementOptions | None = None
        self._shown: BuiltStatement | None = None
        self._versions: tuple[tuple[int, bool], ...] = ()
        self._consent_known = False  # after the first build
        self._name_consent: bool | None = None  # the witness's answer: may the name appear?
        self._named_reason = ""
        self.review_dialog: RedactionReviewDialog | None = None

        # -- choices ---------------------------------------------------------------------
        self.language_label = QLabel(self)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("statementLanguage")
        for lang in LANGUAGES:
            if lang.code in STATEMENT_LANGUAGES:
                self.language_combo.addItem(lang.native_name, lang.code)
        initial = interview_language if interview_language in STATEMENT_LANGUAGES else None
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(default_language(initial, ui_language)))
        )
        self.variant_label = QLabel(self)
        self.variant_combo = QComboBox(self)
        self.variant_combo.setObjectName("statementVariant")
        self.variant_combo.addItem("", False)
        self.variant_combo.addItem("", True)
        # Sized for "Full statement"; the list that opens is as wide as its longest item.
        self.variant_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.variant_combo.setMinimumContentsLength(20)
        self.variant_combo.setEnabled(False)  # until the witness's consent is known
        self.version_label = QLabel(self)
        self.version_combo = QComboBox(self)
        self.version_combo.setObjectName("statementVersion")
        self.version_combo.setEnabled(False)
        self.version_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.fit_width_button = self._tool_button("statementFitWidth", checkable=True)
        self.fit_page_button = self._tool_button("statementFitPage", checkable=True)
        self.zoom_out_button = self._tool_button("statementZoomOut")
        self.zoom_in_button = self._tool_button("statementZoomIn")
        self.zoom_out_button.setText("−")
        self.zoom_in_button.setText("+")

        choices = QHBoxLayout()
        for label, combo in (
            (self.language_label, self.language_combo),
            (self.variant_label, self.variant_combo),
            (self.version_label, self.version_combo),
        ):
            label.setBuddy(combo)
            choices.addWidget(label)
            choices.addWidget(combo)
            choices.addSpacing(12)
        choices.addStretch(1)
        for button in (
            self.fit_width_button,
            self.fit_page_button,
            self.zoom_out_button,
            self.zoom_in_button,
        ):
            choices.addWidget(button)

        # -- the preview -----------------------------------------------------------------
        self.document = QPdfDocument(self)
        self.document.setObjectName("statementDocument")
        self._buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setObjectName("statementView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, palette.color(QPalette.ColorRole.Mid))
        self.view.setPalette(palette)
        self.view.setBackgroundRole(QPalette.ColorRole.Dark)

        busy = QWidget(self)
        self.busy_label = QLabel(busy)
        self.busy_label.setObjectName("statementBusyLabel")
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_bar = QProgressBar(busy)
        self.busy_bar.setObjectName("statementBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(260)
        busy_layout = QVBoxLayout(busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(2)

        self.consent_banner = QLabel(self)
        self.consent_banner.setObjectName("statementConsentBanner")
        self.consent_banner.setWordWrap(True)
        self.consent_banner.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c3c00; border: 1px solid #e0c36c;"
            " padding: 6px; }"
        )
        self.consent_banner.hide()

        self.message = QLabel(self)
        self.message.setObjectName("statementMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("statementStack")
        self.stack.addWidget(busy)  # 0
        self.stack.addWidget(self.view)  # 1
        self.stack.addWidget(self.message)  # 2

        # -- what was built ----------------------------------------------------------------
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("statementPages")
        self.seal_label = QLabel(self)
        self.seal_label.setObjectName("statementSeal")
        self.hash_label = QLabel(self)
        self.hash_label.setObjectName("statementHash")
        self.hash_label.setFont(monospace_font())
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("statementSaved")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sign_check = QCheckBox(self)
        self.sign_check.setObjectName("statementSign")
        self.sign_check.setEnabled(False)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("statementSaveButton")
        self.save_button.setAutoDefault(False)
        self.save_button.setEnabled(False)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("statementCloseButton")
        self.close_button.setAutoDefault(False)

        facts = QHBoxLayout()
        facts.addWidget(self.pages_label)
        facts.addSpacing(16)
        facts.addWidget(self.seal_label)
        facts.addSpacing(4)
        facts.addWidget(self.hash_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.sign_check)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.consent_banner)
        layout.addWidget(self.stack, 1)
        layout.addLayout(facts)
        layout.addLayout(buttons)

        # -- wiring --------------------------------------------------------------------------
        self.language_combo.currentIndexChanged.connect(self._choice_changed)
        self.variant_combo.currentIndexChanged.connect(self._choice_changed)
        self.version_combo.currentIndexChanged.connect(self._choice_changed)
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button.clicked.connect(self.fit_page)
        self.zoom_in_button.clicked.connect(lambda: self._zoom_by(_ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self._zoom_by(1 / _ZOOM_STEP))
        self.view.zoomModeChanged.connect(self._zoom_mode_changed)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)

        self.retranslate()
        self._zoom_mode_changed(self.view.zoomMode())
        self._size_to_parent(parent)
        # Without the interview language the worker looks it up before the first build; the
        # language box waits for it rather than show a language that is about to change.
        language = self.language if interview_language is not None else None
        self.language_combo.setEnabled(language is not None)
        # The variant follows the witness's consent to their name (redacted unless "yes").
        self._start(StatementOptions(None, language, None))

    # -- public -----------------------------------------------------------------------------

    @property
    def record_id(self) -> str:
        """The testimony whose statement this is."""
        return self._record_id

    @property
    def language(self) -> str:
        """The statement language chosen (en, az, ru)."""
        return str(self.language_combo.currentData())

    @property
    def redacted(self) -> bool:
        """True for the redacted variant."""
        return bool(self.variant_combo.currentData())

    @property
    def busy(self) -> bool:
        """True while a statement is being built or saved."""
        return self._building or self._saving

    @property
    def statement(self) -> BuiltStatement | None:
        """The statement on screen, if any."""
        return self._shown

    def set_language(self, code: str) -> None:
        """Choose the statement language (rebuilds)."""
        index = self.language_combo.findData(code)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)

    def set_redacted(self, redacted: bool) -> None:
        """Choose the full or the redacted variant (rebuilds)."""
        self.variant_combo.setCurrentIndex(1 if redacted else 0)

    def page_count(self) -> int:
        """Pages of the document on screen (0 while none is)."""
        if self.document.status() != QPdfDocument.Status.Ready:
            return 0
        return int(self.document.pageCount())

    @Slot()
    def fit_width(self) -> None:
        """Zoom so a page fills the width of the view."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    @Slot()
    def fit_page(self) -> None:
        """Zoom so a whole page is visible."""
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    @property
    def named_reason(self) -> str:
        """The reason given for naming a witness whose consent does not allow it (or "")."""
        return self._named_reason

    @Slot()
    def save(self) -> None:
        """Ask where, then write exactly the statement on screen (off the GUI thread). A
        redacted statement is first reviewed (:meth:`_review_then_save`)."""
        shown = self._shown
        session = self._session_provider()
        if shown is None or session is None or self._saving:
            return
        if shown.options.redacted:
            self._review_then_save(shown)
            return
        self._ask_path_and_save(shown, None)

    def _review_then_save(self, shown: BuiltStatement) -> None:
        """Look the redaction up (off the GUI thread), show it, save with the choices made."""
        session = self._session_provider()
        if session is None:
            return
        record_id, options = self._record_id, shown.options
        language = options.language or "en"
        self._saving = True
        self.saved_label.setText(self.tr("Checking the redaction…"))
        self._update_buttons()

        def rescan(choices: ReviewChoices | None) -> RedactionReview:
            return session.statements.review(record_id, version=options.version,
                                             language=language, choices=choices)

        def show(review: RedactionReview) -> None:
            if not self._alive():
                return
            self._saving = False
            self.saved_label.setText("")
            self._update_buttons()
            dialog = RedactionReviewDialog(
                review, rescan, self._runner, accept_text=self.tr("&Save…"), parent=self
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.reviewed.connect(lambda choices: self._ask_path_and_save(shown, choices))
            self.review_dialog = dialog
            dialog.open()
            self.review_opened.emit(dialog)

        def failed(exc: BaseException) -> None:
            self._save_failed(exc)

        self._runner.submit(lambda: rescan(None), show, failed)

    def _ask_path_and_save(self, shown: BuiltStatement, review: ReviewChoices | None) -> None:
        session = self._session_provider()
        if session is None or not self._alive():
            return
        sign = shown.sealed and self.sign_check.isChecked()
        path = prompts_for(self).save_path(
            self,
            self.tr("Save the statement"),
            Path(suggested_file_name(self._record_id, shown.options, signed=sign)),
            self.tr("PDF documents (*.pdf)"),
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".pdf")
        record_id, options = self._record_id, shown.options
        redacted = bool(options.redacted)
        named_reason = self._named_reason if not redacted and not shown.name_allowed else None
        self._saving = True
        self.saved_label.setText(self.tr("Saving…"))
        self._update_buttons()

        def work() -> tuple[str, bool]:
            changed = bool(redacted and review is not None
                           and review != session.statements.stored_review(record_id,
                                                                          options.version or 0))
            digest = session.statements.save(
                record_id,
                path,
                version=options.version,
                language=options.language or "en",
                redacted=redacted,
                review=review,
                named_reason=named_reason,
                sign=sign,
            )
            return digest, changed

        self._signing = sign
        self._runner.submit(work, self._saved, self._save_failed)

    # -- building ---------------------------------------------------------------------------

    def _current_options(self) -> StatementOptions:
        version = self.version_combo.currentData() if self.version_combo.count() else None
        return StatementOptions(
            int(version) if version is not None else None, self.language, self.redacted
        )

    @Slot()
    def _choice_changed(self) -> None:
        if self._closed:
            return
        if (not self.redacted and self._consent_known and self._name_consent is not True
                and not self._named_reason and not self._ask_named_reason()):
            blocked = self.variant_combo.blockSignals(True)
            self.variant_combo.setCurrentIndex(1)
            self.variant_combo.blockSignals(blocked)
            return
        self.saved_label.setText("")
        self._show_banner()
        if self._building:
            # The running build's result is dropped when it arrives; this one follows it.
            self._wanted = self._current_options()
            self._show_busy()
        else:
            self._start(self._current_options())

    def _start(self, options: StatementOptions) -> None:
        session = self._session_provider()
        if session is None:
            return
        self._wanted = options
        self._building = True
        self._show_busy()
        record_id, ui_language = self._record_id, self._ui_language
        self._runner.submit(
            lambda: build_statement(session, record_id, options, ui_language),
            self._built,
            self._build_failed,
        )

    def _show_busy(self) -> None:
        self.stack.setCurrentIndex(0)
        self.pages_label.setText("")
        self.seal_label.setText("")
        self.hash_label.setText("")
        self._update_buttons()

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and not self._closed

    def _built(self, result: BuiltStatement) -> None:
        if not self._alive():
            return
        self._building = False
        wanted = self._wanted
        if wanted is not None and wanted not in (result.requested, result.options):
            self._start(wanted)  # the user changed something meanwhile: that one counts
            return
        self._wanted = result.options
        self._show(result)

    def _build_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._building = False
        self._unload()
        self.message.setText(
            self.tr("The statement could not be made.") + "\n" + error_sentence(exc)
        )
        self.stack.setCurrentIndex(2)
        self._update_buttons()
        show_error(self, exc)

    def _ask_named_reason(self) -> bool:
        """Ask why the witness must be named although their consent does not allow it."""
        if self._name_consent is False:
            question = self.tr(
                "The witness did not agree to their name appearing. Why must this statement "
                "name them? The reason is kept in the record's history when you save."
            )
        else:
            question = self.tr(
                "The witness was not asked whether their name may appear. Why must this "
                "statement name them? The reason is kept in the record's history when you save."
            )
        answer = prompts_for(self).ask_text(self, self.tr("Full statement with the name"),
                                            question)
        reason = " ".join((answer or "").split())
        if not reason:
            return False
        self._named_reason = reason
        return True

    def _show(self, result: BuiltStatement) -> None:
        self._set_versions(result.versions, result.options.version)
        self._sync_language(result.options.language)
        self._sync_variant(result)
        self._unload()
        self._buffer.setData(QByteArray(result.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() == QPdfDocument.Status.Error:
            _log.error("the statement preview could not be loaded: %s", self.document.error())
            self._unload()
            self.message.setText(self.tr("The statement was made but cannot be shown here."))
            self.stack.setCurrentIndex(2)
            self._shown = None
            self._update_buttons()
            return
        self._shown = result
        self.stack.setCurrentIndex(1)
        self._show_texts(result)
        self._update_buttons()
        self.built.emit(self.page_count())

    def _set_versions(self, versions: tuple[tuple[int, bool], ...], current: int | None) -> None:
        blocked = self.version_combo.blockSignals(True)
        if versions != self._versions:
            self._versions = versions
            self.version_combo.clear()
            for number, sealed in reversed(versions):
                self.version_combo.addItem(self._version_text(number, sealed), number)
        index = self.version_combo.findData(current)
        if index >= 0:
            self.version_combo.setCurrentIndex(index)
        self.version_combo.setEnabled(len(versions) > 1)
        self.version_combo.blockSignals(blocked)

    def _version_text(self, number: int, sealed: bool) -> str:
        if sealed:
            return self.tr("%1 (sealed)").replace("%1", str(number))
        return self.tr("%1 (draft)").replace("%1", str(number))

    def _sync_variant(self, result: BuiltStatement) -> None:
        """Show the variant built (the first one follows the consent) and say why."""
        self._name_consent = result.name_consent
        self._consent_known = True
        self.variant_combo.setEnabled(True)
        index = 1 if result.options.redacted else 0
        if index != self.variant_combo.currentIndex():
            blocked = self.variant_combo.blockSignals(True)
            self.variant_combo.setCurrentIndex(index)
            self.variant_combo.blockSignals(blocked)
        self._show_banner()

    def _show_banner(self) -> None:
        if not self._consent_known or self._name_consent is True:
            self.consent_banner.hide()
            return
        if self.redacted:
            text = (self.tr("The witness did not agree to their name appearing, so the "
                            "statement is redacted. The full statement needs a reason.")
                    if self._name_consent is False else
                    self.tr("The witness was not asked whether their name may appear, so the "
                            "statement is redacted. The full statement needs a reason."))
        else:
            text = self.tr("Full statement with the witness's name, against their consent. "
                           "Your reason is kept in the record's history when you save: %1"
                           ).replace("%1", self._named_reason)
        self.consent_banner.setText(text)
        self.consent_banner.show()

    def _sync_language(self, code: str | None) -> None:
        self.language_combo.setEnabled(True)
        index = self.language_combo.findData(code)
        if index >= 0 and index != self.language_combo.currentIndex():
            blocked = self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(blocked)

    def _saved(self, result: tuple[str, bool]) -> None:
        if not self._alive():
            return
        sha256, review_changed = result
        self._saving = False
        text = (
            self.tr("Saved and signed. SHA-256 of the file: %1")
            if self._signing
            else self.tr("Saved. SHA-256 of the file: %1")
        )
        self.saved_label.setText(text.replace("%1", sha256))
        self._update_buttons()
        self.saved.emit(sha256)
        if review_changed:
            # The choices are stored now: the preview shows what was saved.
            text = self.saved_label.text()
            self._start(self._current_options())
            self.saved_label.setText(text)

    def _save_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._saving = False
        self.saved_label.setText("")
        self._update_buttons()
        show_error(self, exc)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(
            self._shown is not None and not self._building and not self._saving
        )
        sealed = self._shown is not None and self._shown.sealed
        self.sign_check.setEnabled(sealed and not self._building and not self._saving)
        if not sealed and not self._building:
            self.sign_check.setChecked(False)

    # -- zoom -------------------------------------------------------------------------------

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
        width = self.view.viewport().width() - 2 * 12
        return max(_ZOOM_MIN, min(_ZOOM_MAX, width / (size.width() * dpi)))

    def _zoom_mode_changed(self, mode: QPdfView.ZoomMode) -> None:
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)

    # -- closing ------------------------------------------------------------------------------

    def _unload(self) -> None:
        self.document.close()
        if self._buffer.isOpen():
            self._buffer.close()
        self._buffer.setData(QByteArray())

    def done(self, result: int) -> None:
        """Forget the statement whatever the outcome (the lock rejects every dialog)."""
        self._closed = True
        self._unload()
        self._shown = None
        self.hash_label.setText("")
        super().done(result)

    def _size_to_parent(self, parent: QWidget | None) -> None:
        if parent is not None and parent.isVisible():
            geometry = parent.geometry()
            self.resize(min(1000, int(geometry.width() * 0.85)), int(geometry.height() * 0.92))
        else:
            self.resize(900, 760)

    # -- translation --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Statement"))
        self.language_label.setText(self.tr("&Language:"))
        self.variant_label.setText(self.tr("&Variant:"))
        self.version_label.setText(self.tr("V&ersion:"))
        self.variant_combo.setItemText(0, self.tr("Full statement"))
        self.variant_combo.setItemText(1, self.tr("Redacted, for sharing beyond the legal team"))
        view = self.variant_combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 8)
        self.variant_combo.setToolTip(
            self.tr(
                "The redacted statement replaces the witness's name and identifiers, and the "
                "names marked sensitive, everywhere in the file."
            )
        )
        self._show_banner()
        for index, (number, sealed) in enumerate(reversed(self._versions)):
            self.version_combo.setItemText(index, self._version_text(number, sealed))
        self.fit_width_button.setText(self.tr("Fit &width"))
        self.fit_page_button.setText(self.tr("Whole &page"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.busy_label.setText(self.tr("Making the statement…"))
        self.sign_check.setText(self.tr("Sig&n with this laptop's key"))
        self.sign_check.setToolTip(
            self.tr(
                "Adds a digital signature that shows this laptop made the file; PDF readers and "
                "the organisation can check it. It does not replace the signatures on paper. "
                "Only a sealed version can be signed."
            )
        )
        self.save_button.setText(self.tr("&Save…"))
        self.close_button.setText(self.tr("Close"))
        if self._shown is not None:
            self._show_texts(self._shown)

    def _show_texts(self, result: BuiltStatement) -> None:
        self.pages_label.setText(self.tr("%n page(s)", "", self.page_count()))
        version = str(result.options.version)
        if result.sealed:
            self.seal_label.setText(
                self.tr("Sealed version %1. SHA-256 of the sealed content:").replace("%1", version)
            )
            self.hash_label.setText(result.content_sha256)
            self.hash_label.setStyleSheet("")
        else:
            self.seal_label.setText(
                self.tr("Version %1 is not sealed: it must not be signed or filed.").replace(
                    "%1", version
                )
            )
            self.hash_label.setText(self.tr("DRAFT"))
            self.hash_label.setStyleSheet("color: #b71c1c; font-weight: bold;")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
