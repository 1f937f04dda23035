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

The parts live beside it, each with its own promise: the preview from memory with its zoom
(:mod:`~testimony_app.ui.pdf_preview`), the consent banner and the question for a reason
(:mod:`~testimony_app.ui.statement_consent`), the versions box and the line of facts
(:mod:`~testimony_app.ui.statement_parts`), and what is built off the GUI thread
(:mod:`~testimony_app.ui.statement_build`). This module decides: what to build, when to
review, and what to save.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.redaction_review import ReviewChoices
from testimony_app.ui.i18n import LANGUAGES
from testimony_app.ui.pdf_preview import PdfPreview
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
from testimony_app.ui.statement_consent import ConsentBanner
from testimony_app.ui.statement_parts import StatementFacts, VersionBox, monospace_font
from testimony_app.ui.tasks import TaskRunner, error_sentence, show_error

if TYPE_CHECKING:
    from testimony_app.services.statements import RedactionReview
    from testimony_app.services.vault import VaultSession

__all__ = ["StatementDialog", "default_language", "monospace_font"]

SessionProvider = Callable[[], "VaultSession | None"]


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
        self.version_combo = VersionBox(self)

        # The preview (ui/pdf_preview.py): the pages from memory, the busy bar, the zoom.
        self.preview = PdfPreview("statement", self)
        preview = self.preview
        self.document, self.view, self.stack = preview.document, preview.view, preview.stack
        self.busy_label, self.busy_bar = preview.busy_label, preview.busy_bar
        self.fit_width_button, self.zoom_in_button = (preview.fit_width_button,
                                                      preview.zoom_in_button)

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
        for button in preview.zoom_buttons():
            choices.addWidget(button)

        self.consent_banner = ConsentBanner(self)

        # -- what was built ----------------------------------------------------------------
        self.facts = StatementFacts(self)
        facts = self.facts
        self.pages_label, self.seal_label, self.hash_label = (facts.pages_label,
                                                              facts.seal_label, facts.hash_label)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("statementSaved")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.attestation_check = QCheckBox(self)
        self.attestation_check.setObjectName("statementAttestation")
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

        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.attestation_check)
        buttons.addWidget(self.sign_check)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.consent_banner)
        layout.addWidget(preview, 1)
        layout.addWidget(facts)
        layout.addLayout(buttons)

        # -- wiring --------------------------------------------------------------------------
        self.language_combo.currentIndexChanged.connect(self._choice_changed)
        self.variant_combo.currentIndexChanged.connect(self._choice_changed)
        self.version_combo.currentIndexChanged.connect(self._choice_changed)
        self.attestation_check.toggled.connect(self._choice_changed)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)

        self.retranslate()
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
        return self.preview.page_count()

    def fit_width(self) -> None:
        """Zoom so a page fills the width of the view."""
        self.preview.fit_width()

    def fit_page(self) -> None:
        """Zoom so a whole page is visible."""
        self.preview.fit_page()

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
                attestation=options.attestation,
            )
            return digest, changed

        self._signing = sign
        self._runner.submit(work, self._saved, self._save_failed)

    # -- building ---------------------------------------------------------------------------

    def _current_options(self) -> StatementOptions:
        version = self.version_combo.currentData() if self.version_combo.count() else None
        return StatementOptions(
            int(version) if version is not None else None, self.language, self.redacted,
            self.attestation_check.isChecked(),
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
        self.preview.show_busy()
        self.facts.clear()
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
        self.preview.show_message(
            self.tr("The statement could not be made.") + "\n" + error_sentence(exc)
        )
        self._update_buttons()
        show_error(self, exc)

    def _ask_named_reason(self) -> bool:
        """Ask why the witness must be named although their consent does not allow it."""
        reason = self.consent_banner.ask_reason(self._name_consent)
        if reason:
            self._named_reason = reason
        return bool(reason)

    def _show(self, result: BuiltStatement) -> None:
        self.version_combo.set_versions(result.versions, result.options.version)
        self._sync_language(result.options.language)
        self._sync_variant(result)
        if not self.preview.load(result.pdf):
            self.preview.show_message(self.tr("The statement was made but cannot be shown here."))
            self._shown = None
            self._update_buttons()
            return
        self._shown = result
        self._show_texts(result)
        self._update_buttons()
        self.built.emit(self.page_count())

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
        self.consent_banner.show_for(self._consent_known, self._name_consent, self.redacted,
                                     self._named_reason)

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

    # -- closing ------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Forget the statement whatever the outcome (the lock rejects every dialog)."""
        self._closed = True
        self.preview.unload()
        self._shown = None
        self.facts.clear()
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
        self.busy_label.setText(self.tr("Making the statement…"))
        self.attestation_check.setText(self.tr("A&ttestation block"))
        self.attestation_check.setToolTip(
            self.tr(
                "Adds a block where an authorised person (a notary, a court or consular "
                "official) attests that the witness declared the statement true and signed it "
                "in their presence. Leave it off unless the filing asks for it."
            )
        )
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

    def _show_texts(self, result: BuiltStatement) -> None:
        self.facts.show_built(self.page_count(), result.options.version, result.sealed,
                              result.content_sha256)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
