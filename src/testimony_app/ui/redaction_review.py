"""The redaction review: what a redacted output hides, seen before it leaves the program.

The redactor cannot know everything: a given name that is also an ordinary word ("azad
olundum", "I was released", from a witness named Azad) is kept where it is not clearly used as
a name, and a nickname the record does not list is not found at all. So before a redacted
statement, report or export is written, the interviewer sees every replacement in its context
and every doubtful word kept, and may:

* **untick** a replacement that is a false hit (the word stays as the witness said it);
* **tick** a doubtful word to hide it after all;
* **hide one more word** everywhere (a nickname, a village that identifies the family).

The dialog returns :class:`~testimony_app.domain.redaction_review.ReviewChoices`; the caller
passes them to the service, which stores them with the version (and in the audit log) so that
the same redacted bytes can be made again. Nothing here touches the vault on the GUI thread:
a new word to hide is looked for by the window's task runner.

Testimony text appears only inside this dialog, never in its title or a log.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from testimony_app.domain.redaction_review import (
    DOUBT_COMMON_WORD,
    DOUBT_DAY_MONTH,
    DOUBT_INITIALS,
    DOUBT_OTHER_PERSON,
    DOUBT_SPELLING,
    Choice,
    Hit,
    ReviewChoices,
)
from testimony_app.ui.tasks import TaskRunner, show_error

if TYPE_CHECKING:
    from testimony_app.services.statements import RedactionReview

#: Looks the review up again with other choices (runs on the task runner's thread).
Rescan = Callable[[ReviewChoices], "RedactionReview"]

_DOUBTFUL_BACKGROUND = QColor(255, 243, 205)
_COLUMNS = 4
_INDEX = re.compile(r"\[(\d+)\]")
_SHOWN = 34  # characters of context shown on each side of a hit


def _tail(text: str, size: int) -> str:
    return text if len(text) <= size else text[-size:].split(" ", 1)[-1]


def _head(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0]


class RedactionReviewDialog(QDialog):
    """Every hit of a redaction with a tick box; the choices come out of :meth:`choices`.

    Signals:
        reviewed(object): the interviewer accepted; the :class:`ReviewChoices`.
        rescanned(): the list was looked up again (a word was added to hide).
    """

    reviewed = Signal(object)
    """Accepted; the ReviewChoices to apply and store."""
    rescanned = Signal()
    """The hits were looked up again after a word was added."""

    def __init__(
        self,
        review: RedactionReview,
        rescan: Rescan,
        runner: TaskRunner,
        *,
        accept_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("redactionReviewDialog")
        self.setModal(True)
        self._rescan = rescan
        self._runner = runner
        self._review = review
        self._terms: list[str] = list(review.choices.hide_terms)
        self._busy = False
        self._accept_text = accept_text
        self._rows: list[Hit] = []

        self.intro = QLabel(self)
        self.intro.setObjectName("redactionReviewIntro")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, _COLUMNS, self)
        self.table.setObjectName("redactionReviewTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # One line a hit; the whole context is in the tooltip.
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(self)
        self.summary.setObjectName("redactionReviewSummary")
        self.summary.setWordWrap(True)

        self.term_label = QLabel(self)
        self.term_edit = QLineEdit(self)
        self.term_edit.setObjectName("redactionReviewTerm")
        self.term_label.setBuddy(self.term_edit)
        self.term_button = QPushButton(self)
        self.term_button.setObjectName("redactionReviewAddTerm")
        self.term_button.setAutoDefault(False)
        self.term_button.setEnabled(False)
        more = QHBoxLayout()
        more.addWidget(self.term_label)
        more.addWidget(self.term_edit, 1)
        more.addWidget(self.term_button)

        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.accept_button.setObjectName("redactionReviewAccept")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("redactionReviewCancel")
        self.cancel_button.setDefault(True)  # a stray Enter does not send anything out

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(more)
        layout.addWidget(self.buttons)

        self.term_edit.textChanged.connect(
            lambda text: self.term_button.setEnabled(bool(text.strip()) and not self._busy)
        )
        self.term_edit.returnPressed.connect(self.add_term)
        self.term_button.clicked.connect(self.add_term)
        self.accept_button.clicked.connect(self._accept)
        self.cancel_button.clicked.connect(self.reject)
        self.table.itemChanged.connect(lambda _item: self._update_summary())

        self.retranslate()
        self._fill(review)
        self.resize(880, 560)

    # -- public ---------------------------------------------------------------------------------

    @property
    def hits(self) -> tuple[Hit, ...]:
        """The hits listed, in the order shown (doubtful first)."""
        return tuple(self._rows)

    def row_of(self, text: str, occurrence: int = 0, where: str | None = None) -> int:
        """The row of a hit (``-1`` when not listed)."""
        for row, hit in enumerate(self._rows):
            if hit.text == text and hit.occurrence == occurrence and (
                where is None or hit.where == where
            ):
                return row
        return -1

    def set_hidden(self, row: int, hidden: bool) -> None:
        """Tick (hide) or untick (keep) the hit on ``row``."""
        item = self.table.item(row, 0)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if hidden else Qt.CheckState.Unchecked)

    def is_hidden(self, row: int) -> bool:
        """Whether the hit on ``row`` is ticked (will be replaced)."""
        item = self.table.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def choices(self) -> ReviewChoices:
        """The choices the ticks say, against the redactor's own judgement of each hit."""
        keep: list[Choice] = []
        hide: list[Choice] = []
        for row, hit in enumerate(self._rows):
            hidden = self.is_hidden(row)
            if hit.doubtful and hidden:
                hide.append(hit.choice())
            elif not hit.doubtful and not hidden:
                keep.append(hit.choice())
        return ReviewChoices(keep=tuple(keep), hide=tuple(hide), hide_terms=tuple(self._terms))

    @Slot()
    def add_term(self) -> None:
        """Hide the word typed everywhere; the list is looked up again off the GUI thread."""
        term = " ".join(self.term_edit.text().split())
        if not term or self._busy:
            return
        if term not in self._terms:
            self._terms.append(term)
        self._busy = True
        self.term_button.setEnabled(False)
        self.accept_button.setEnabled(False)
        choices = self.choices()
        rescan = self._rescan
        self._runner.submit(lambda: rescan(choices), self._rescanned, self._rescan_failed)

    # -- filling --------------------------------------------------------------------------------

    def _fill(self, review: RedactionReview) -> None:
        self._review = review
        rows = [h for h in review.hits if h.doubtful] + [h for h in review.hits
                                                           if not h.doubtful]
        self._rows = rows
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for row, hit in enumerate(rows):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          | Qt.ItemFlag.ItemIsSelectable)
            tick.setCheckState(Qt.CheckState.Checked if hit.replaced else Qt.CheckState.Unchecked)
            tick.setToolTip(self.tr("Ticked: replaced by %1").replace("%1", hit.replacement))
            # Trimmed on both sides so the word itself is always in view.
            context = QTableWidgetItem(
                f"…{_tail(hit.before, _SHOWN)}«{hit.text}»{_head(hit.after, _SHOWN)}…"
            )
            context.setToolTip(f"…{hit.before}«{hit.text}»{hit.after}…")
            where = QTableWidgetItem(self._where(hit.where))
            why = QTableWidgetItem(self._why(hit))
            items = (tick, context, where, why)
            for column, item in enumerate(items):
                if hit.doubtful:
                    item.setBackground(QBrush(_DOUBTFUL_BACKGROUND))
                self.table.setItem(row, column, item)
        self.table.blockSignals(blocked)
        self._update_summary()

    def _update_summary(self) -> None:
        hidden = sum(1 for row in range(len(self._rows)) if self.is_hidden(row))
        doubtful = sum(1 for row, h in enumerate(self._rows)
                       if h.doubtful and not self.is_hidden(row))
        self.summary.setText(
            self.tr("%1 replaced; %2 doubtful kept as written.")
            .replace("%1", str(hidden)).replace("%2", str(doubtful))
        )

    def _rescanned(self, review: RedactionReview) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy = False
        self.accept_button.setEnabled(True)
        self.term_edit.clear()
        self._fill(review)
        self.rescanned.emit()

    def _rescan_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy = False
        self.accept_button.setEnabled(True)
        self.term_button.setEnabled(bool(self.term_edit.text().strip()))
        show_error(self, exc)

    @Slot()
    def _accept(self) -> None:
        if self._busy:
            return
        self.reviewed.emit(self.choices())
        self.accept()

    # -- words ----------------------------------------------------------------------------------

    def _where(self, path: str) -> str:
        """Where a hit is, as a person would say it ("Act 2", "Account")."""
        numbers = [int(n) + 1 for n in _INDEX.findall(path)]
        head = path.split("[", 1)[0].split(".", 1)[0]
        field = path.rsplit(".", 1)[-1]
        if path.startswith("narrative.translation"):
            return self.tr("Translation")
        if path.startswith("narrative"):
            return self.tr("Account")
        if head == "acts":
            return self.tr("Act %1").replace("%1", str(numbers[0] if numbers else 1))
        if head == "detentions":
            return self.tr("Detention %1").replace("%1", str(numbers[0] if numbers else 1))
        if head == "attachments":
            number = str(numbers[0] if numbers else 1)
            if field == "filename":
                return self.tr("Annex %1, file name").replace("%1", number)
            return self.tr("Annex %1").replace("%1", number)
        labels = {
            "title": self.tr("Title"),
            "amendment_reason": self.tr("Reason for the amendment"),
            "meta": self.tr("Document properties"),
            "interview": self.tr("Interview"),
            "witness": self.tr("Witness"),
            "effects": self.tr("Injuries and after-effects"),
            "consent": self.tr("Consent"),
            "interviewer_notes": self.tr("Interviewer's notes (sent in an export)"),
            "tags": self.tr("Tags"),
        }
        return labels.get(head, self.tr("Report") if path.startswith("report") else path)

    def _why(self, hit: Hit) -> str:
        doubts = {
            DOUBT_COMMON_WORD: self.tr("Doubtful: also an ordinary word"),
            DOUBT_OTHER_PERSON: self.tr("Doubtful: beside another person's name"),
            DOUBT_SPELLING: self.tr("Doubtful: lower case, another spelling"),
            DOUBT_DAY_MONTH: self.tr("Doubtful: day and month of birth, no year"),
            DOUBT_INITIALS: self.tr("Doubtful: two capitals without dots"),
        }
        if hit.doubt:
            return doubts.get(hit.doubt, self.tr("Doubtful"))
        kinds = {
            "name": self.tr("Name"),
            "initials": self.tr("Initials"),
            "arabic": self.tr("Name in Arabic script"),
            "phone": self.tr("Phone number"),
            "email": self.tr("E-mail address"),
            "identifier": self.tr("Identifier"),
            "birth_date": self.tr("Date of birth"),
            "extra": self.tr("Word you added"),
        }
        return kinds.get(hit.kind, hit.kind)

    # -- translation ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Check the redaction"))
        self.intro.setText(self.tr(
            "Before the redacted file leaves the program, check what it hides. Ticked words "
            "are replaced. Doubtful words (for example a name that is also an ordinary word) "
            "are kept as the witness said them unless you tick them. Untick a word that was "
            "hidden by mistake."
        ))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Hide"), self.tr("In context"), self.tr("Where"), self.tr("What")]
        )
        self.term_label.setText(self.tr("Hide another &word:"))
        self.term_edit.setPlaceholderText(self.tr("a nickname, a village, a relative's name"))
        self.term_button.setText(self.tr("&Hide it"))
        self.accept_button.setText(self._accept_text or self.tr("&Continue"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self._rows:
            ticks = [self.is_hidden(row) for row in range(len(self._rows))]
            self._fill(self._review)
            for row, hidden in enumerate(ticks):
                self.set_hidden(row, hidden)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
