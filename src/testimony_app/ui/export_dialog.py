"""Export to the organisation…: enrol it once, choose testimonies, write a bundle with progress.

The flow, one page of a stack each:

1. **Looking** (busy): which organisation is enrolled, and which testimonies are sealed and not
   yet sent, with the consent check the export itself will make (run on the task runner).
2. **Enrol** when no organisation is pinned: its age recipient, its receipt key and its name;
   the dialog shows the fingerprint of exactly what would be pinned, the organisation reads
   its own aloud, and only a person ticking "they match" lets the enrolment go through
   (security.md §5 D10). The command line does the same with ``testimony-app enrol``.
3. **Choose**: the candidates with check boxes, each marked when its consent will keep it
   back; a record that goes redacted (the witness's name may not appear) is shown in the
   redaction review first (``ui/redaction_review.py``: every replacement and doubtful word,
   choices stored with the version and applied to its record and statement in the bundle);
   the destination is asked for with a neutral file name (the name of a bundle says
   nothing about who is in it).
4. **Exporting**: ``session.bundles.export`` runs on the task runner. Its ``progress(done,
   total)`` callback arrives on the worker thread; :class:`ProgressRelay` throttles it and
   emits a signal, which Qt queues to the GUI thread, so the bar moves and the window never
   freezes. **Cancel** sets a flag that the export's ``cancelled`` callback reads (about once
   per MiB and once more after the read-back check); a cancelled export leaves no file.
5. **Done**: what was exported (versions, redacted or not), what was withheld and why, and the
   bundle's SHA-256 to compare with what the organisation computes.

Witnesses appear only by their list label (initials or pseudonym), never by name.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.model import Status
from testimony_app.domain.redaction_review import ReviewChoices
from testimony_app.errors import OperationCancelled
from testimony_app.log import get_logger
from testimony_app.services.bundles import (
    Enrolment,
    ExportedRecord,
    ExportReport,
    NothingToExport,
    Withheld,
    consent_problem,
)
from testimony_app.ui.i18n import format_date
from testimony_app.ui.prompts import Prompts, prompts_for
from testimony_app.ui.redaction_review import RedactionReviewDialog
from testimony_app.ui.statement_dialog import monospace_font
from testimony_app.ui.tasks import TaskRunner, error_sentence, show_error
from testimony_app.ui.testimony_table import language_label

if TYPE_CHECKING:
    from testimony_app.services.statements import RedactionReview
    from testimony_app.services.vault import VaultSession

_log = get_logger("ui.export")

SessionProvider = Callable[[], "VaultSession | None"]

#: How often, at most, the bar moves while a bundle is written (the service reports per MiB).
PROGRESS_INTERVAL_S = 0.1

# The sentences the bundle services may show in this dialog and the receipt dialog, listed so
# that lupdate puts them in the "errors" context, where ``error_sentence`` looks them up.
SERVICE_SENTENCES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("errors", "The witness's consent to legal proceedings is not recorded."),
    QT_TRANSLATE_NOOP("errors", "The witness did not consent to legal proceedings."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The witness named the organisations that may receive it, and this laptop enrolled the organisation without its name.",  # noqa: E501 -- kept whole for lupdate
    ),
    QT_TRANSLATE_NOOP("errors", "It has not been sealed yet."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Its content was deleted from this laptop after the organisation acknowledged it.",
    ),
    QT_TRANSLATE_NOOP("errors", "Nothing was exported: every testimony considered was withheld."),
    QT_TRANSLATE_NOOP("errors", "Nothing was exported: no sealed testimony is waiting to be sent."),
    QT_TRANSLATE_NOOP(
        "errors", "No organisation is enrolled on this laptop; enrol it before exporting."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "That recipient is not one of the enrolled organisation's keys; enrol it first.",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "The organisation was not enrolled: its fingerprint was not confirmed."
    ),
    QT_TRANSLATE_NOOP("errors", "The organisation's name is too long or has control characters."),
    QT_TRANSLATE_NOOP("errors", "The folder chosen for the bundle does not exist."),
    QT_TRANSLATE_NOOP(
        "errors", "A file with that name already exists; the bundle was not written."
    ),
    QT_TRANSLATE_NOOP("errors", "The disk is full: the bundle was not written."),
    QT_TRANSLATE_NOOP("errors", "The bundle cannot be created in that folder."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is empty."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is not an age key."),
    QT_TRANSLATE_NOOP("errors", "An age recipient must be written in lower case."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient must start with 'age1'."),
    QT_TRANSLATE_NOOP(
        "errors", "An organisation recipient has a typing error (its checksum does not match)."
    ),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is not an X25519 age key."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is not a usable key."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is not a usable age key."),
    QT_TRANSLATE_NOOP("errors", "No organisation recipient is configured; a bundle needs one."),
    QT_TRANSLATE_NOOP("errors", "The same organisation recipient is listed twice."),
    QT_TRANSLATE_NOOP(
        "errors", "A public key must be written as 'ed25519:' and 44 base64 characters."
    ),
    QT_TRANSLATE_NOOP("errors", "The key is not valid base64."),
    QT_TRANSLATE_NOOP("errors", "The key does not have the expected length or spelling."),
    QT_TRANSLATE_NOOP("errors", "The Ed25519 public key is not a usable key."),
    QT_TRANSLATE_NOOP("errors", "The receipt file cannot be read."),
    QT_TRANSLATE_NOOP("errors", "The receipt is too large to be a receipt."),
    QT_TRANSLATE_NOOP("errors", "The file is not a receipt (it should have exactly two lines)."),
    QT_TRANSLATE_NOOP("errors", "The receipt was not signed by the organisation's key."),
    QT_TRANSLATE_NOOP("errors", "The receipt is invalid: it is not valid JSON."),
    QT_TRANSLATE_NOOP("errors", "The receipt is invalid: it names no bundle."),
    QT_TRANSLATE_NOOP("errors", "The receipt is for a bundle this laptop did not export."),
    QT_TRANSLATE_NOOP("errors", "The receipt lists a record that this bundle did not carry."),
    QT_TRANSLATE_NOOP("errors", "The receipt is for a different bundle."),
    QT_TRANSLATE_NOOP("errors", "The receipt does not list the same records as the bundle."),
    QT_TRANSLATE_NOOP(
        "errors", "The receipt names a different organisation key than the one that signed it."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The content was deleted, but a fresh backup could not be written, so the older backups that still hold it were kept.",  # noqa: E501 -- kept whole for lupdate
    ),
    QT_TRANSLATE_NOOP("errors", "its content was already deleted"),
    QT_TRANSLATE_NOOP("errors", "it has an unsealed draft"),
    QT_TRANSLATE_NOOP("errors", "the organisation has not acknowledged every sealed version of it"),
    QT_TRANSLATE_NOOP(
        "errors",
        "the organisation holds only a redacted copy of it, so this laptop holds the only complete one",  # noqa: E501 -- kept whole for lupdate
    ),
)

_OTHER_ORGANISATIONS = re.compile(r"The witness's consent names other organisations than (.+)\.")
_KEPT = re.compile(r"Kept: (.+)\.")


def reason_text(reason: str) -> str:
    """A withheld or kept reason from the services, in the interface language."""
    other = _OTHER_ORGANISATIONS.fullmatch(reason)
    if other:
        return QCoreApplication.translate(
            "ExportDialog", "The witness's consent names other organisations than %1."
        ).replace("%1", other.group(1))
    kept = _KEPT.fullmatch(reason)
    if kept:
        return QCoreApplication.translate("ReceiptDialog", "Kept: %1.").replace(
            "%1", QCoreApplication.translate("errors", kept.group(1))
        )
    return QCoreApplication.translate("errors", reason)


def neutral_bundle_name() -> str:
    """A file name that says nothing about who or what is inside (security.md §4.6)."""
    return f"{secrets.token_hex(8)}.age"


def human_size(size: int) -> str:
    """Bytes as the locale writes them (``QLocale.formattedDataSize``)."""
    return QLocale().formattedDataSize(size)


def short_id(record_id: str) -> str:
    """The first characters of a record id: enough to tell records apart, names nothing."""
    return record_id[:8]


# -- what the worker finds ------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A testimony that an export would consider, and why it would be kept back, if it would."""

    record_id: str
    label: str
    interview_date: str
    version: int
    problem: str | None
    redacted: bool = False  # the witness's name may not appear: reviewed before export


@dataclass(frozen=True)
class Survey:
    """The enrolled organisation (if any), this laptop's key, and the candidates."""

    enrolment: Enrolment | None
    device_fingerprint: str
    candidates: tuple[Candidate, ...]


_PURGED = "Its content was deleted from this laptop after the organisation acknowledged it."


def survey(session: VaultSession) -> Survey:
    """Enrolment and candidates, with the same consent check as the export (worker thread)."""
    enrolment = session.bundles.enrolment()
    if enrolment is None:
        return Survey(None, "", ())
    candidates: list[Candidate] = []
    for summary in session.testimonies.list():
        if summary.status not in (Status.SEALED, Status.AMENDED):
            continue
        sealed = [v for v in session.testimonies.info(summary.id).versions if v.sealed]
        problem: str | None
        redacted = False
        if not sealed:
            problem, number = "It has not been sealed yet.", summary.version
        elif session.bundles.is_purged(summary.id):
            problem, number = _PURGED, sealed[-1].number
        else:
            number = sealed[-1].number
            testimony = session.testimonies.get(summary.id, number)
            problem = consent_problem(testimony, enrolment.name)
            redacted = testimony.consent.name_may_appear is not True
        candidates.append(
            Candidate(summary.id, summary.witness_label, summary.interview_date, number, problem,
                      redacted)
        )
    return Survey(enrolment, session.bundles.device_fingerprint(), tuple(candidates))


def redaction_reviews(
    session: VaultSession, wanted: Sequence[tuple[str, int]]
) -> list[RedactionReview]:
    """The redaction of each record that will go redacted (worker thread), in the language
    its statement will be made in."""
    out: list[RedactionReview] = []
    for record_id, version in wanted:
        language = session.testimonies.get(record_id, version).interview.language
        out.append(session.statements.review(
            record_id, version=version,
            language=language if language in ("en", "az", "ru") else "en"))
    return out


@dataclass(frozen=True)
class ExportOutcome:
    """What an export ended with: a report, or the reasons nothing could go."""

    report: ExportReport | None
    withheld: tuple[Withheld, ...]
    message: str


def run_export(
    session: VaultSession,
    dest: Path,
    record_ids: Sequence[str],
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> ExportOutcome:
    """The export itself (worker thread). "Nothing to export" is an outcome, not an error."""
    try:
        report = session.bundles.export(
            dest, record_ids=list(record_ids), progress=progress, cancelled=cancelled
        )
    except NothingToExport as exc:
        return ExportOutcome(None, exc.withheld, str(exc))
    return ExportOutcome(report, report.withheld, "")


class ProgressRelay(QObject):
    """Carries ``progress(done, total)`` from the worker thread to the GUI thread.

    :meth:`report` is called on the worker thread. It drops calls that come sooner than
    ``interval`` seconds after the last one it passed on (never the first and never the last),
    and emits :attr:`progressed`; the dialog's slot lives on the GUI thread, so Qt delivers it
    there as a queued call. Byte counts travel as Python ints (a bundle may exceed 2 GiB).

    Signals:
        progressed(object, object): bytes done, bytes in all.
    """

    progressed = Signal(object, object)
    """Bytes done and bytes in all (writing is the first half, the read-back check the second)."""

    def __init__(self, interval: float = PROGRESS_INTERVAL_S) -> None:
        super().__init__()
        self.interval = interval
        self.calls = 0
        self.passed = 0
        self._last = float("-inf")
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Before an export: the next report is passed on at once."""
        with self._lock:
            self._last = float("-inf")
            self.calls = 0
            self.passed = 0

    def report(self, done: int, total: int) -> None:
        """The export's progress callback (worker thread)."""
        now = time.monotonic()
        with self._lock:
            self.calls += 1
            if done < total and now - self._last < self.interval:
                return
            self._last = now
            self.passed += 1
        self.progressed.emit(done, total)


# -- the dialog ------------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Enrol the organisation, choose testimonies, export a bundle, see what went and what not.

    Signals:
        enrolled(str): the organisation was enrolled; its fingerprint.
        exported(str): a bundle was written and verified; its SHA-256.
    """

    enrolled = Signal(str)
    """An organisation was enrolled (its fingerprint)."""
    exported = Signal(str)
    """A bundle was written; its SHA-256."""
    review_opened = Signal(object)
    """A redaction review is on screen (the RedactionReviewDialog), before the export."""

    PAGE_BUSY, PAGE_ENROL, PAGE_CHOOSE, PAGE_PROGRESS, PAGE_DONE = range(5)

    def __init__(
        self,
        session_provider: SessionProvider,
        runner: TaskRunner,
        *,
        prompts: Prompts | None = None,
        progress_interval: float = PROGRESS_INTERVAL_S,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setModal(True)
        if prompts is not None:
            self.prompts = prompts
        self._session_provider = session_provider
        self._runner = runner
        self._closed = False
        self._working = False
        self._survey: Survey | None = None
        self._outcome: ExportOutcome | None = None
        self._fingerprint_for: tuple[tuple[str, ...], str] | None = None
        self._cancel = threading.Event()
        self._cancel_requested = False
        self.review_dialog: RedactionReviewDialog | None = None
        # Parentless on purpose: the worker keeps it alive through the export's closure even if
        # the dialog is deleted mid-export (the lock closes dialogs).
        self.progress_relay = ProgressRelay(progress_interval)
        self.progress_relay.progressed.connect(self._progressed)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("exportPages")
        self.pages.addWidget(self._build_busy_page())
        self.pages.addWidget(self._build_enrol_page())
        self.pages.addWidget(self._build_choose_page())
        self.pages.addWidget(self._build_progress_page())
        self.pages.addWidget(self._build_done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(640, 520)
        self.retranslate()
        self.reload()

    # -- pages ------------------------------------------------------------------------------

    def _build_busy_page(self) -> QWidget:
        page = QWidget(self)
        self.busy_label = QLabel(page)
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar(page)
        bar.setObjectName("exportBusy")
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setFixedWidth(240)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.busy_label)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _build_enrol_page(self) -> QWidget:
        page = QWidget(self)
        self.enrol_intro = QLabel(page)
        self.enrol_intro.setObjectName("enrolIntro")
        self.enrol_intro.setWordWrap(True)
        self.enrol_recipients = QPlainTextEdit(page)
        self.enrol_recipients.setObjectName("enrolRecipients")
        self.enrol_recipients.setTabChangesFocus(True)
        self.enrol_recipients.setFixedHeight(self.fontMetrics().height() * 4)
        self.enrol_recipients.setFont(monospace_font())
        self.enrol_key = QLineEdit(page)
        self.enrol_key.setObjectName("enrolOrgKey")
        self.enrol_key.setFont(monospace_font())
        self.enrol_name = QLineEdit(page)
        self.enrol_name.setObjectName("enrolName")
        self.enrol_recipients_label = QLabel(page)
        self.enrol_key_label = QLabel(page)
        self.enrol_name_label = QLabel(page)
        form = QFormLayout()
        form.addRow(self.enrol_recipients_label, self.enrol_recipients)
        form.addRow(self.enrol_key_label, self.enrol_key)
        form.addRow(self.enrol_name_label, self.enrol_name)
        self.enrol_recipients_label.setBuddy(self.enrol_recipients)
        self.enrol_key_label.setBuddy(self.enrol_key)
        self.enrol_name_label.setBuddy(self.enrol_name)

        self.fingerprint_button = QPushButton(page)
        self.fingerprint_button.setObjectName("enrolShowFingerprint")
        self.fingerprint_button.setAutoDefault(False)
        self.fingerprint = QLabel(page)
        self.fingerprint.setObjectName("enrolFingerprint")
        big = QFont(monospace_font())
        big.setPointSizeF(max(big.pointSizeF(), 10.0) * 1.6)
        big.setBold(True)
        self.fingerprint.setFont(big)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_confirm = QCheckBox(page)
        self.enrol_confirm.setObjectName("enrolConfirmed")
        self.enrol_message = QLabel(page)
        self.enrol_message.setObjectName("enrolMessage")
        self.enrol_message.setWordWrap(True)
        self.enrol_message.setStyleSheet("color: #b71c1c;")
        self.enrol_button = QPushButton(page)
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_close = QPushButton(page)
        self.enrol_close.setObjectName("enrolCloseButton")
        self.enrol_close.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.enrol_close)

        layout = QVBoxLayout(page)
        layout.addWidget(self.enrol_intro)
        layout.addLayout(form)
        layout.addWidget(self.fingerprint_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.enrol_confirm)
        layout.addWidget(self.enrol_message)
        layout.addStretch(1)
        layout.addLayout(buttons)

        for edit in (self.enrol_key, self.enrol_name):
            edit.textChanged.connect(self._enrol_inputs_changed)
        self.enrol_recipients.textChanged.connect(self._enrol_inputs_changed)
        self.fingerprint_button.clicked.connect(self.show_fingerprint)
        self.enrol_confirm.toggled.connect(self._update_enrol_button)
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_close.clicked.connect(self.reject)
        return page

    def _build_choose_page(self) -> QWidget:
        page = QWidget(self)
        self.destination_label = QLabel(page)
        self.destination_label.setObjectName("exportOrganisation")
        self.destination_label.setWordWrap(True)
        self.device_label = QLabel(page)
        self.device_label.setObjectName("exportDeviceKey")
        self.device_label.setWordWrap(True)
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list_intro = QLabel(page)
        self.list_intro.setWordWrap(True)
        self.candidates = QListWidget(page)
        self.candidates.setObjectName("exportCandidates")
        self.candidates.setWordWrap(True)
        self.candidates.setAlternatingRowColors(True)
        self.empty_label = QLabel(page)
        self.empty_label.setObjectName("exportEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_stack = QStackedWidget(page)
        self.choose_stack.addWidget(self.candidates)
        self.choose_stack.addWidget(self.empty_label)
        self.select_all_button = QPushButton(page)
        self.select_all_button.setObjectName("exportSelectAll")
        self.select_all_button.setAutoDefault(False)
        self.select_none_button = QPushButton(page)
        self.select_none_button.setObjectName("exportSelectNone")
        self.select_none_button.setAutoDefault(False)
        self.choose_message = QLabel(page)
        self.choose_message.setObjectName("exportMessage")
        self.choose_message.setWordWrap(True)
        self.export_button = QPushButton(page)
        self.export_button.setObjectName("exportButton")
        self.choose_close = QPushButton(page)
        self.choose_close.setObjectName("exportCloseButton")
        self.choose_close.setAutoDefault(False)

        selection = QHBoxLayout()
        selection.addWidget(self.select_all_button)
        selection.addWidget(self.select_none_button)
        selection.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_message, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.choose_close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.destination_label)
        layout.addWidget(self.device_label)
        layout.addSpacing(6)
        layout.addWidget(self.list_intro)
        layout.addWidget(self.choose_stack, 1)
        layout.addLayout(selection)
        layout.addLayout(buttons)

        self.candidates.itemChanged.connect(self._update_export_button)
        self.select_all_button.clicked.connect(lambda: self._check_all(True))
        self.select_none_button.clicked.connect(lambda: self._check_all(False))
        self.export_button.clicked.connect(self.export)
        self.choose_close.clicked.connect(self.reject)
        return page

    def _build_progress_page(self) -> QWidget:
        page = QWidget(self)
        self.progress_label = QLabel(page)
        self.progress_label.setObjectName("exportProgressLabel")
        self.progress_label.setWordWrap(True)
        self.progress = QProgressBar(page)
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)
        self.progress_note = QLabel(page)
        self.progress_note.setWordWrap(True)
        self.cancel_button = QPushButton(page)
        self.cancel_button.setObjectName("exportCancelButton")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_note)
        layout.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self.cancel)
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_summary = QLabel(page)
        self.done_summary.setObjectName("exportSummary")
        self.done_summary.setWordWrap(True)
        self.done_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash_caption = QLabel(page)
        self.bundle_hash = QLabel(page)
        self.bundle_hash.setObjectName("exportBundleHash")
        self.bundle_hash.setFont(monospace_font())
        self.bundle_hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bundle_hash.setWordWrap(True)
        self.exported_caption = QLabel(page)
        self.exported_list = QListWidget(page)
        self.exported_list.setObjectName("exportedList")
        self.exported_list.setWordWrap(True)
        self.withheld_caption = QLabel(page)
        self.withheld_list = QListWidget(page)
        self.withheld_list.setObjectName("withheldList")
        self.withheld_list.setWordWrap(True)
        self.done_close = QPushButton(page)
        self.done_close.setObjectName("exportDoneButton")
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_summary)
        layout.addWidget(self.hash_caption)
        layout.addWidget(self.bundle_hash)
        layout.addWidget(self.exported_caption)
        layout.addWidget(self.exported_list, 1)
        layout.addWidget(self.withheld_caption)
        layout.addWidget(self.withheld_list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done_close)
        layout.addLayout(row)
        self.done_close.clicked.connect(self.accept)
        return page

    # -- public -------------------------------------------------------------------------------

    @property
    def survey_result(self) -> Survey | None:
        """What the last look at the vault found."""
        return self._survey

    @property
    def outcome(self) -> ExportOutcome | None:
        """What the last export ended with."""
        return self._outcome

    @property
    def working(self) -> bool:
        """True while the dialog waits for the task runner."""
        return self._working

    def checked_ids(self) -> list[str]:
        """The record ids ticked for export, in list order."""
        ids = []
        for row in range(self.candidates.count()):
            item = self.candidates.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def set_checked(self, record_id: str, checked: bool) -> None:
        """Tick or untick one candidate."""
        for row in range(self.candidates.count()):
            item = self.candidates.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == record_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    @Slot()
    def reload(self) -> None:
        """Look again at the enrolment and the testimonies waiting to be sent."""
        session = self._session_provider()
        if session is None:
            return
        self._set_working(True)
        self.pages.setCurrentIndex(self.PAGE_BUSY)
        self._runner.submit(lambda: survey(session), self._surveyed, self._failed_to_page)

    @Slot()
    def show_fingerprint(self) -> None:
        """Show the fingerprint of the recipients and key as typed (checked by the services)."""
        session = self._session_provider()
        if session is None:
            return
        recipients, key = self._enrol_inputs()
        self.enrol_message.setText("")
        self._set_working(True)

        def shown(fingerprint: str) -> None:
            if not self._alive():
                return
            self._set_working(False)
            if (recipients, key) != self._enrol_inputs():
                return  # typed over meanwhile
            self._fingerprint_for = (recipients, key)
            self.fingerprint.setText(fingerprint)
            self._update_enrol_button()

        def refused(exc: BaseException) -> None:
            if not self._alive():
                return
            self._set_working(False)
            self.enrol_message.setText(error_sentence(exc))

        self._runner.submit(
            lambda: session.bundles.enrolment_fingerprint(recipients, key), shown, refused
        )

    @Slot()
    def enrol(self) -> None:
        """Pin the organisation (only once the fingerprint was shown and confirmed)."""
        session = self._session_provider()
        recipients, key = self._enrol_inputs()
        if (
            session is None
            or self._fingerprint_for != (recipients, key)
            or not self.enrol_confirm.isChecked()
        ):
            return
        name = self.enrol_name.text()
        self._set_working(True)

        def done(enrolment: Enrolment) -> None:
            if not self._alive():
                return
            self._set_working(False)
            self.enrolled.emit(enrolment.fingerprint)
            self.reload()

        def refused(exc: BaseException) -> None:
            if not self._alive():
                return
            self._set_working(False)
            self.enrol_message.setText(error_sentence(exc))

        self._runner.submit(
            lambda: session.bundles.enrol(recipients, key, name, confirmed=True), done, refused
        )

    @Slot()
    def export(self) -> None:
        """Review the redaction of each ticked testimony that goes redacted, then ask where to
        write the bundle, then export the ticked testimonies with progress."""
        session = self._session_provider()
        ids = self.checked_ids()
        if session is None or not ids or self._working or self._survey is None:
            return
        wanted = [(c.record_id, c.version) for c in self._survey.candidates
                  if c.record_id in ids and c.redacted and c.problem is None]
        if not wanted:
            self._ask_and_export(ids)
            return
        self._set_working(True)
        self.choose_message.setText(self.tr("Checking the redaction…"))

        def reviews() -> list[RedactionReview]:
            return redaction_reviews(session, wanted)

        self._runner.submit(reviews, lambda found: self._review_next(ids, found),
                            self._export_failed)

    def _review_next(self, ids: list[str], pending: list[RedactionReview]) -> None:
        """Show the next redaction review; when none is left, ask where and export."""
        if not self._alive():
            return
        session = self._session_provider()
        if session is None:
            return
        if not pending:
            self._set_working(False)
            self.choose_message.setText("")
            self._ask_and_export(ids)
            return
        review, rest = pending[0], pending[1:]
        record_id, version, language = review.record_id, review.version, review.language

        def rescan(choices: ReviewChoices) -> RedactionReview:
            return session.statements.review(record_id, version=version, language=language,
                                             choices=choices)

        dialog = RedactionReviewDialog(review, rescan, self._runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review_dialog = dialog

        def reviewed(choices: ReviewChoices) -> None:
            self._runner.submit(
                lambda: session.statements.store_review(record_id, version, choices),
                lambda _stored: self._review_next(ids, rest), self._export_failed,
            )

        def rejected() -> None:
            if self._alive():
                self._set_working(False)
                self.choose_message.setText(
                    self.tr("The export was cancelled; no bundle was written."))

        dialog.reviewed.connect(reviewed)
        dialog.rejected.connect(rejected)
        dialog.open()
        self.review_opened.emit(dialog)

    def _ask_and_export(self, ids: list[str]) -> None:
        session = self._session_provider()
        if session is None:
            return
        dest = prompts_for(self).save_path(
            self,
            self.tr("Where to write the bundle"),
            Path(neutral_bundle_name()),
            self.tr("Encrypted bundles (*.age)"),
        )
        if dest is None:
            return
        if not dest.suffix:
            dest = dest.with_suffix(".age")
        self._cancel.clear()
        self._cancel_requested = False
        self.progress_relay.reset()
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Preparing the statements and the records…"))
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(self.PAGE_PROGRESS)
        self._set_working(True)
        relay, flag = self.progress_relay, self._cancel
        self._runner.submit(
            lambda: run_export(session, dest, ids, relay.report, flag.is_set),
            self._export_done,
            self._export_failed,
        )

    @Slot()
    def cancel(self) -> None:
        """Stop the export at its next check; nothing is left under the chosen name."""
        if not self._working or self.pages.currentIndex() != self.PAGE_PROGRESS:
            return
        self._cancel.set()
        self._cancel_requested = True
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))

    # -- callbacks (GUI thread) ------------------------------------------------------------------

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and not self._closed

    def _surveyed(self, found: Survey) -> None:
        if not self._alive():
            return
        self._set_working(False)
        self._survey = found
        if found.enrolment is None:
            self.pages.setCurrentIndex(self.PAGE_ENROL)
            self.enrol_recipients.setFocus()
            self._update_enrol_button()
            return
        self._fill_candidates(found)
        self.pages.setCurrentIndex(self.PAGE_CHOOSE)

    def _failed_to_page(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._set_working(False)
        show_error(self, exc)
        self.reject()

    @Slot(object, object)
    def _progressed(self, done: int, total: int) -> None:
        if not self._alive() or self.pages.currentIndex() != self.PAGE_PROGRESS:
            return
        if total <= 0:
            return
        if self.progress.maximum() != 1000:
            self.progress.setRange(0, 1000)
        self.progress.setValue(min(1000, done * 1000 // total))
        if self._cancel_requested:
            return
        half = total // 2
        if done < half:
            self.progress_label.setText(
                self.tr("Writing the encrypted bundle: %1 of %2")
                .replace("%1", human_size(done))
                .replace("%2", human_size(half))
            )
        else:
            self.progress_label.setText(self.tr("Reading the bundle back to check it…"))

    def _export_done(self, outcome: ExportOutcome) -> None:
        if not self._alive():
            return
        self._set_working(False)
        self._outcome = outcome
        # Counts only: never a label, a reason or a path.
        _log.info(
            "export finished: %d exported, %d withheld",
            len(outcome.report.exported) if outcome.report else 0,
            len(outcome.withheld),
        )
        self._show_outcome(outcome)
        self.pages.setCurrentIndex(self.PAGE_DONE)
        self.done_close.setFocus()
        if outcome.report is not None:
            self.exported.emit(outcome.report.sha256)

    def _export_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._set_working(False)
        self.pages.setCurrentIndex(self.PAGE_CHOOSE)
        if isinstance(exc, OperationCancelled):
            _log.info("export cancelled")
            self.choose_message.setText(self.tr("The export was cancelled; no bundle was written."))
            return
        self.choose_message.setText("")
        show_error(self, exc)

    # -- filling --------------------------------------------------------------------------------

    def _fill_candidates(self, found: Survey) -> None:
        enrolment = found.enrolment
        assert enrolment is not None
        self.destination_label.setText(self._destination_text(enrolment))
        self.device_label.setText(self._device_text(found.device_fingerprint))
        blocked = self.candidates.blockSignals(True)
        self.candidates.clear()
        for candidate in found.candidates:
            item = QListWidgetItem(self._candidate_text(candidate), self.candidates)
            item.setData(Qt.ItemDataRole.UserRole, candidate.record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            if candidate.problem:
                item.setForeground(self.palette().placeholderText())
                item.setToolTip(reason_text(candidate.problem))
        self.candidates.blockSignals(blocked)
        self.choose_stack.setCurrentIndex(0 if found.candidates else 1)
        self.select_all_button.setEnabled(bool(found.candidates))
        self.select_none_button.setEnabled(bool(found.candidates))
        self._update_export_button()

    def _retranslate_candidates(self, found: Survey) -> None:
        """New texts in place, keeping what the user ticked."""
        assert found.enrolment is not None
        self.destination_label.setText(self._destination_text(found.enrolment))
        self.device_label.setText(self._device_text(found.device_fingerprint))
        by_id = {c.record_id: c for c in found.candidates}
        blocked = self.candidates.blockSignals(True)
        for row in range(self.candidates.count()):
            item = self.candidates.item(row)
            candidate = by_id.get(str(item.data(Qt.ItemDataRole.UserRole)))
            if candidate is not None:
                item.setText(self._candidate_text(candidate))
                if candidate.problem:
                    item.setToolTip(reason_text(candidate.problem))
        self.candidates.blockSignals(blocked)

    def _device_text(self, fingerprint: str) -> str:
        return self.tr(
            "This laptop signs the bundle with its own key; read its fingerprint to the "
            "organisation when it receives the first one: %1"
        ).replace("%1", fingerprint)

    def _destination_text(self, enrolment: Enrolment) -> str:
        name = enrolment.name or self.tr("the enrolled organisation")
        return (
            self.tr("Bundles go to %1 (fingerprint %2). Only that organisation can open them.")
            .replace("%1", name)
            .replace("%2", enrolment.fingerprint)
        )

    def _candidate_text(self, candidate: Candidate) -> str:
        date = format_date(candidate.interview_date) if candidate.interview_date else "—"
        text = (
            self.tr("%1 · interview of %2 · version %3 · record %4")
            .replace("%1", candidate.label or "—")
            .replace("%2", date)
            .replace("%3", str(candidate.version))
            .replace("%4", short_id(candidate.record_id))
        )
        if candidate.problem:
            text += "\n" + self.tr("Will be withheld: %1").replace(
                "%1", reason_text(candidate.problem)
            )
        return text

    def _show_outcome(self, outcome: ExportOutcome) -> None:
        report = outcome.report
        self.exported_list.clear()
        self.withheld_list.clear()
        labels = {c.record_id: c.label for c in self._survey.candidates} if self._survey else {}
        if report is not None:
            self.done_summary.setText(
                self.tr(
                    "The bundle was written, read back and checked: %n testimony(ies), %1, in %2",
                    "",
                    len(report.exported),
                )
                .replace("%1", human_size(report.size))
                .replace("%2", str(report.path))
            )
            self.bundle_hash.setText(report.sha256)
            for record in report.exported:
                QListWidgetItem(self._exported_text(record), self.exported_list)
        else:
            self.done_summary.setText(reason_text(outcome.message))
            self.bundle_hash.setText("")
        for item in outcome.withheld:
            label = item.label or labels.get(item.record_id, "")
            QListWidgetItem(
                self.tr("%1 (record %2): %3")
                .replace("%1", label or "—")
                .replace("%2", short_id(item.record_id))
                .replace("%3", reason_text(item.reason)),
                self.withheld_list,
            )
        has_bundle = report is not None
        for widget in (self.hash_caption, self.bundle_hash, self.exported_caption):
            widget.setVisible(has_bundle)
        self.exported_list.setVisible(has_bundle)
        self.withheld_caption.setVisible(bool(outcome.withheld))
        self.withheld_list.setVisible(bool(outcome.withheld))

    def _exported_text(self, record: ExportedRecord) -> str:
        versions = ", ".join(str(v) for v in record.versions)
        if len(record.versions) == 1:
            text = self.tr("%1 (record %2): version %3")
        else:
            text = self.tr("%1 (record %2): versions %3")
        text = (
            text.replace("%1", record.label or "—")
            .replace("%2", short_id(record.record_id))
            .replace("%3", versions)
        )
        text += " · " + self.tr("statement in %1").replace(
            "%1", language_label(record.statement_language)
        )
        if record.redacted:
            text += " · " + self.tr("redacted: the witness's name may not appear")
        if record.attachments:
            text += " · " + self.tr("%n attachment(s)", "", record.attachments)
        return text

    # -- state ------------------------------------------------------------------------------------

    def _set_working(self, working: bool) -> None:
        self._working = working
        self._update_export_button()
        self._update_enrol_button()

    def _enrol_inputs(self) -> tuple[tuple[str, ...], str]:
        recipients = tuple(
            part for part in re.split(r"[\s,;]+", self.enrol_recipients.toPlainText()) if part
        )
        return recipients, self.enrol_key.text().strip()

    @Slot()
    def _enrol_inputs_changed(self) -> None:
        if self._fingerprint_for is not None and self._fingerprint_for != self._enrol_inputs():
            self._fingerprint_for = None
        if self._fingerprint_for is None:
            self.fingerprint.setText("")
            self.enrol_confirm.setChecked(False)
        self.enrol_message.setText("")
        self._update_enrol_button()

    @Slot()
    def _update_enrol_button(self) -> None:
        recipients, key = self._enrol_inputs()
        shown = self._fingerprint_for is not None and self._fingerprint_for == (recipients, key)
        self.fingerprint_button.setEnabled(bool(recipients and key) and not self._working)
        self.enrol_confirm.setEnabled(shown)
        self.enrol_button.setEnabled(shown and self.enrol_confirm.isChecked() and not self._working)

    @Slot()
    def _update_export_button(self) -> None:
        self.export_button.setEnabled(bool(self.checked_ids()) and not self._working)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.candidates.count()):
            self.candidates.item(row).setCheckState(state)

    # -- closing ----------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing while a bundle is being written cancels it (the lock closes every dialog)."""
        self._cancel.set()
        self._closed = True
        self.candidates.clear()
        self.exported_list.clear()
        self.withheld_list.clear()
        super().done(result)

    # -- translation ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Export to the organisation"))
        self.busy_label.setText(self.tr("Looking for testimonies to send…"))
        self.enrol_intro.setText(
            self.tr(
                "No organisation is enrolled on this laptop yet, so nothing can be sent. Enter "
                "the keys the organisation gave you (or run testimony-app enrol), then compare "
                "the fingerprint with the one the organisation reads out to you."
            )
        )
        self.enrol_recipients_label.setText(self.tr("&Recipient (age1…):"))
        self.enrol_key_label.setText(self.tr("Receipt &key (ed25519:…):"))
        self.enrol_name_label.setText(self.tr("Organisation &name:"))
        self.enrol_name.setPlaceholderText(self.tr("As the witness named it in their consent"))
        self.fingerprint_button.setText(self.tr("Show the &fingerprint"))
        self.enrol_confirm.setText(
            self.tr("The organisation read out exactly this fingerprint, every character")
        )
        self.enrol_button.setText(self.tr("&Enrol"))
        self.enrol_close.setText(self.tr("Close"))
        self.list_intro.setText(
            self.tr(
                "Sealed testimonies not yet sent. A testimony whose consent does not cover this "
                "organisation is kept back; the export says why."
            )
        )
        self.empty_label.setText(
            self.tr("Every sealed testimony has already been sent. Nothing is waiting.")
        )
        self.select_all_button.setText(self.tr("Select &all"))
        self.select_none_button.setText(self.tr("Select &none"))
        self.export_button.setText(self.tr("E&xport…"))
        self.choose_close.setText(self.tr("Close"))
        self.progress_note.setText(
            self.tr(
                "The bundle is written under a temporary name, read back and checked, and only "
                "then given its name. Cancelling leaves nothing behind."
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.hash_caption.setText(
            self.tr("SHA-256 of the bundle (the organisation should get the same):")
        )
        self.exported_caption.setText(self.tr("Exported:"))
        self.withheld_caption.setText(self.tr("Withheld, and why:"))
        self.done_close.setText(self.tr("Close"))
        if self._survey is not None and self._survey.enrolment is not None:
            self._retranslate_candidates(self._survey)
        if self._outcome is not None:
            self._show_outcome(self._outcome)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
