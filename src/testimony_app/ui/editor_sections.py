"""The form pages of the editor: consent, interview circumstances, witness, effects.

Each page follows the Istanbul Protocol checklist (``domain.md`` §4) in the order an interview
runs, and asks in plain words: the interviewer reads these pages with a witness across the
table, not a lawyer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from testimony_app.domain.model import Testimony, initials
from testimony_app.ui.body_outline import BodyMarksEditor
from testimony_app.ui.editor_base import EditorPage
from testimony_app.ui.editor_fields import (
    CheckField,
    ChoiceField,
    LineField,
    ListField,
    StampButton,
    TextField,
    TriState,
    date_field,
    side_by_side,
    time_field,
)
from testimony_app.ui.vocab_picker import choices

# -- consent --------------------------------------------------------------------------------



def _text_setter(label: QLabel, text: Callable[[], str]) -> Callable[[], None]:
    """A callable that puts ``text()`` (re-translated each time) on ``label``."""
    return lambda: label.setText(text())

class ConsentPage(EditorPage):
    """What the witness agreed to, scope by scope; nothing is sealed until this is recorded."""

    section = "consent"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recorded_at = ""
        self.on_language(lambda: self.hint.setText(self.tr(
            "Explain why the testimony is taken and how it may be used, then ask about each use "
            "separately. The witness may refuse any of them, take a break, or stop at any time."
        )))
        _, form = self.group(lambda: self.tr("Before the interview"), "consentBefore")
        informed = self.bind("informed_of_purpose", CheckField("consent.informed_of_purpose"))
        self.on_language(lambda: informed.setText(self.tr(
            "The witness was told the purpose of the interview and how the testimony may be used"
        )))
        form.addRow(informed)
        may_stop = self.bind("informed_of_right_to_stop",
                             CheckField("consent.informed_of_right_to_stop"))
        self.on_language(lambda: may_stop.setText(self.tr(
            "The witness was told they may stop, take a break or decline to answer at any time"
        )))
        form.addRow(may_stop)
        free = self.bind("no_coercion_confirmed", CheckField("consent.no_coercion_confirmed"))
        self.on_language(lambda: free.setText(self.tr(
            "The witness speaks freely, without pressure from anyone"
        )))
        form.addRow(free)

        box, form = self.group(lambda: self.tr("What the witness agrees to"), "consentScopes")
        # A grid, not form rows: these questions are long, and in a grid they wrap cleanly
        # beside their Yes / No / Not asked answers in every language.
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        form.addRow(grid)
        scopes = (
            ("legal_proceedings", lambda: self.tr(
                "Use in legal proceedings (courts, prosecutors, international bodies)")),
            ("name_may_appear", lambda: self.tr("Their name may appear in the statement")),
            ("publication", lambda: self.tr("Publication (reports, media)")),
            ("audio_recording", lambda: self.tr("Audio recording of this interview")),
            ("follow_up_contact", lambda: self.tr("Contact later for follow-up")),
        )
        for row, (attr, text) in enumerate(scopes):
            answer = self.bind(attr, TriState(f"consent.{attr}"))
            question = QLabel(box)
            question.setWordWrap(True)
            question.setBuddy(answer)
            self.on_language(_text_setter(question, text))
            grid.addWidget(question, row, 0)
            grid.addWidget(answer, row, 1)
        orgs = self.bind("organisations", ListField("consent.organisations", lines=3))
        self.on_language(lambda: orgs.setPlaceholderText(self.tr("One organisation per line")))
        self.row(form, lambda: self.tr("Organisations that may receive it"), orgs)
        refusals = self.bind("refusals", TextField("consent.refusals", lines=3))
        self.row(form, lambda: self.tr("Refusals and reasons"), refusals)

        self.status = QLabel(self.body)
        self.status.setObjectName("consentStatus")
        self.status.setWordWrap(True)
        self.column.addWidget(self.status)
        self.column.addStretch(1)
        self.changed.connect(self._refresh_status)
        self.on_language(self._refresh_status)

    def title(self) -> str:
        """Navigator entry."""
        return self.tr("Consent")

    def load(self, testimony: Testimony) -> None:
        """Show the consent and when it was recorded."""
        super().load(testimony)
        self._recorded_at = testimony.consent.recorded_at
        self._refresh_status()

    def store(self, testimony: Testimony) -> None:
        """Write the answers and the time the core answers were first all given."""
        super().store(testimony)
        self._stamp(testimony.consent.is_recorded)
        testimony.consent.recorded_at = self._recorded_at

    def focus_field(self, path: str) -> bool:
        """``consent.recorded_at`` is stamped, not typed: go to the first confirmation."""
        if path == "consent.recorded_at":
            path = "consent.informed_of_purpose"
        return super().focus_field(path)

    def focus_first(self) -> None:
        """The cursor in the first question (a new testimony starts here)."""
        self.show_widget(self.fields["informed_of_purpose"])

    def is_recorded(self) -> bool:
        """Whether the widgets, as they are now, hold a recorded consent."""
        probe = Testimony()
        super().store(probe)
        return probe.consent.is_recorded

    def _stamp(self, recorded: bool) -> None:
        """Note when consent became complete; forget it if an answer is taken back."""
        if recorded and not self._recorded_at:
            self._recorded_at = datetime.now().astimezone().isoformat(timespec="seconds")
        elif not recorded:
            self._recorded_at = ""

    def _refresh_status(self) -> None:
        recorded = self.is_recorded()
        if not self._loading:
            self._stamp(recorded)
        if recorded:
            when = self._recorded_at.replace("T", " ")[:16]
            self.status.setText(self.tr("Consent is recorded (%s).") % when)
            self.status.setStyleSheet("color: #1e6b34;")
        else:
            self.status.setText(self.tr(
                "Consent is not recorded yet. The testimony can be sealed only once the purpose "
                "was explained, the witness speaks freely, and they answered about legal "
                "proceedings and the use of their name."
            ))
            self.status.setStyleSheet("color: #8a5a00;")


# -- interview --------------------------------------------------------------------------------


class InterviewPage(EditorPage):
    """Where, when and with whom the interview took place, and what restricted it."""

    section = "interview"
    #: Fields of the testimony itself (not of ``interview``) that live on this page.
    top_level = ("title", "fictional", "interviewer_notes")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.top: dict[str, LineField | TextField | CheckField] = {}
        self.on_language(lambda: self.hint.setText(self.tr(
            "Where, when and with whom the interview took place, and anything that restricted "
            "it. Press Now at the start and at the end."
        )))
        _, form = self.group(lambda: self.tr("When and where"), "interviewWhen")
        date = self.bind("date", date_field("interview.date"))
        today = StampButton(date, "%Y-%m-%d", "interview.date.today")
        self.on_language(lambda: today.setText(self.tr("Today")))
        self.row(form, lambda: self.tr("Date"), side_by_side(date, today))
        start = self.bind("start_time", time_field("interview.start_time"))
        start_now = StampButton(start, "%H:%M", "interview.start_time.now")
        self.on_language(lambda: start_now.setText(self.tr("Now")))
        self.row(form, lambda: self.tr("Started at"), side_by_side(start, start_now))
        end = self.bind("end_time", time_field("interview.end_time"))
        end_now = StampButton(end, "%H:%M", "interview.end_time.now")
        self.on_language(lambda: end_now.setText(self.tr("Now")))
        self.row(form, lambda: self.tr("Ended at"), side_by_side(end, end_now))
        self.row(form, lambda: self.tr("Place"),
                 self.bind("place", LineField("interview.place")),
                 lambda: self.tr("Town or village, address"))
        self.row(form, lambda: self.tr("Setting"),
                 self.bind("setting", TextField("interview.setting", lines=2)),
                 lambda: self.tr("Home, office, which room; could anyone overhear?"))

        _, form = self.group(lambda: self.tr("People"), "interviewPeople")
        self.row(form, lambda: self.tr("Interviewer"),
                 self.bind("interviewer", LineField("interview.interviewer")))
        self.row(form, lambda: self.tr("Interviewer's organisation"),
                 self.bind("interviewer_organisation",
                           LineField("interview.interviewer_organisation")))
        self.row(form, lambda: self.tr("Interpreter"),
                 self.bind("interpreter", LineField("interview.interpreter")),
                 lambda: self.tr("Name; leave empty if there was none"))
        self.row(form, lambda: self.tr("Everyone present"),
                 self.bind("persons_present", ListField("interview.persons_present", lines=3)),
                 lambda: self.tr("Name and role, one person per line"))

        _, form = self.group(lambda: self.tr("Language"), "interviewLanguage")
        self._language = ChoiceField("interview.language")
        self.row(form, lambda: self.tr("Language of the interview"),
                 self.bind("language", self._language))
        self._translation = ChoiceField("interview.translation_language")
        # Not "Translated into": the narrative's written translation has that label, and the
        # two are different facts (GUI review D9).
        self.row(form, lambda: self.tr("Interpreted into"),
                 self.bind("translation_language", self._translation))
        self.on_language(lambda: self._translation.setToolTip(self.tr(
            "The language the interpreter spoke to the interviewer. Leave it empty if there was "
            "no interpreter; a written translation of the narrative is set on the Narrative page."
        )))

        _, form = self.group(lambda: self.tr("Conditions"), "interviewConditions")
        self.row(form, lambda: self.tr("Restrictions"),
                 self.bind("restrictions", TextField("interview.restrictions", lines=3)),
                 lambda: self.tr("Time limits, security forces nearby, fear, interruptions"))
        self.row(form, lambda: self.tr("How it was recorded"),
                 self.bind("recording", LineField("interview.recording")),
                 lambda: self.tr("Written notes, audio recording"))

        _, form = self.group(lambda: self.tr("About this record"), "interviewRecord")
        title = LineField("title")
        self.top["title"] = title
        title.changed.connect(self.emit_changed)
        self.on_language(lambda: title.setPlaceholderText(
            self.tr("A working title that does not name the witness")))
        self.row(form, lambda: self.tr("Working title"), title)
        notes = TextField("interviewer_notes", lines=3)
        self.top["interviewer_notes"] = notes
        notes.changed.connect(self.emit_changed)
        self.row(form, lambda: self.tr("Interviewer's observations"), notes,
                 lambda: self.tr("Demeanour, visible marks, breaks, inconsistencies"))
        fictional = CheckField("fictional")
        self.top["fictional"] = fictional
        fictional.changed.connect(self.emit_changed)
        self.on_language(lambda: fictional.setText(
            self.tr("Fictional record, for training or demonstration")))
        form.addRow(fictional)
        self.column.addStretch(1)
        self.set_language("en")

    def title(self) -> str:
        """Navigator entry."""
        return self.tr("Interview")

    def load(self, testimony: Testimony) -> None:
        """Interview fields, plus the record's title, notes and fictional flag."""
        super().load(testimony)
        with self.loading():
            for attr, field in self.top.items():
                field.set_value(getattr(testimony, attr))

    def store(self, testimony: Testimony) -> None:
        """Interview fields, plus the record's title, notes and fictional flag."""
        super().store(testimony)
        for attr, field in self.top.items():
            setattr(testimony, attr, field.value())

    def set_read_only(self, read_only: bool) -> None:
        """Lock every field."""
        super().set_read_only(read_only)
        for field in self.top.values():
            field.set_read_only(read_only)

    def focus_field(self, path: str) -> bool:
        """Also knows the record-level fields kept on this page."""
        if path in self.top:
            self.show_widget(self.top[path])
            return True
        return super().focus_field(path)

    def set_language(self, lang: str) -> None:
        """Language names in ``lang``."""
        super().set_language(lang)
        blank = lambda: self.tr("— not given —")  # noqa: E731
        with self.loading():
            self._language.set_choices(choices("languages", lang), blank)
            self._translation.set_choices(choices("languages", lang), blank)


# -- witness ------------------------------------------------------------------------------------


class SecretField(QWidget):
    """A name kept off the screen until the interviewer asks to see it.

    Why: interviews happen in kitchens and cafés, and a laptop screen can be seen or
    photographed. Hidden, the field shows only initials; the Show button reveals the editable
    text. Every newly opened record starts hidden again.
    """

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.edit = LineField(f"{name}.edit", self)
        self.edit.changed.connect(self.changed)
        self.edit.changed.connect(self._update_mask)
        self.mask_label = QLabel(self)
        self.mask_label.setObjectName(f"{name}.mask")
        self.mask_label.setStyleSheet("color: palette(placeholder-text);")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.mask_label)
        self.stack.addWidget(self.edit)
        self.stack.setSizePolicy(self.edit.sizePolicy())
        self.stack.setFixedHeight(self.edit.sizeHint().height())
        self.reveal = QToolButton(self)
        self.reveal.setObjectName(f"{name}.reveal")
        self.reveal.setCheckable(True)
        self.reveal.toggled.connect(self._toggle)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.stack, 1)
        row.addWidget(self.reveal)
        self.setFocusProxy(self.reveal)
        self._retranslate()

    def value(self) -> str:
        """The full text, hidden or not."""
        return self.edit.value()

    def set_value(self, value: object) -> None:
        """Set the text and hide it."""
        self.edit.set_value(value)
        self.reveal.setChecked(False)
        self._update_mask()

    def set_read_only(self, read_only: bool) -> None:
        """Sealed: may be shown, not changed."""
        self.edit.set_read_only(read_only)

    def is_revealed(self) -> bool:
        """Whether the name is on screen."""
        return self.reveal.isChecked()

    def set_revealed(self, revealed: bool) -> None:
        """Show or hide the name."""
        self.reveal.setChecked(revealed)

    def setFocus(self, *args: object) -> None:
        """Jumping here from the review page reveals the field: the user asked for it."""
        self.set_revealed(True)
        self.edit.setFocus()

    def _toggle(self, revealed: bool) -> None:
        self.stack.setCurrentWidget(self.edit if revealed else self.mask_label)
        self._retranslate()
        if revealed:
            self.edit.setFocus()

    def _update_mask(self) -> None:
        text = self.edit.value().strip()
        if text:
            self.mask_label.setText(self.tr("%s (hidden)") % initials(text))
        else:
            self.mask_label.setText(self.tr("(not entered — press Show to type it)"))

    def _retranslate(self) -> None:
        self.reveal.setText(self.tr("Hide") if self.reveal.isChecked() else self.tr("Show"))
        self._update_mask()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class WitnessPage(EditorPage):
    """Who gives the testimony, or the pseudonym that stands for them."""

    section = "witness"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_language(lambda: self.hint.setText(self.tr(
            "Use a pseudonym when the name must not appear. Names stay hidden on screen until "
            "you press Show."
        )))
        _, form = self.group(lambda: self.tr("Identity"), "witnessIdentity")
        self.name = SecretField("witness.name")
        self.row(form, lambda: self.tr("Full name"), self.bind("name", self.name))
        self.row(form, lambda: self.tr("Pseudonym"),
                 self.bind("pseudonym", LineField("witness.pseudonym")))
        self.row(form, lambda: self.tr("Date of birth"),
                 self.bind("date_of_birth", date_field("witness.date_of_birth")))
        self._gender = ChoiceField("witness.gender")
        self.row(form, lambda: self.tr("Gender"), self.bind("gender", self._gender))
        self.row(form, lambda: self.tr("Nationality"),
                 self.bind("nationality", LineField("witness.nationality")))
        self.row(form, lambda: self.tr("Identity documents"),
                 self.bind("identifiers", LineField("witness.identifiers")),
                 lambda: self.tr("Passport or ID card number"))
        self.row(form, lambda: self.tr("Contact for follow-up"),
                 self.bind("contact", TextField("witness.contact", lines=2)))

        _, form = self.group(lambda: self.tr("Role and situation"), "witnessRole")
        self._role = ChoiceField("witness.role")
        self.row(form, lambda: self.tr("The witness is"), self.bind("role", self._role))
        self._status = ChoiceField("witness.status_now")
        self.row(form, lambda: self.tr("Situation now"), self.bind("status_now", self._status))
        self.row(form, lambda: self.tr("Relation to the victim"),
                 self.bind("relation_to_victim", LineField("witness.relation_to_victim")),
                 lambda: self.tr("If the witness is not the victim: mother, cellmate…"))
        self.victim_name = SecretField("witness.victim_name")
        self.row(form, lambda: self.tr("Victim's name"),
                 self.bind("victim_name", self.victim_name))

        _, form = self.group(lambda: self.tr("Occupation and service"), "witnessService")
        self.row(form, lambda: self.tr("Occupation"),
                 self.bind("occupation", LineField("witness.occupation")))
        self.row(form, lambda: self.tr("Military rank"),
                 self.bind("military_rank", LineField("witness.military_rank")))
        self.row(form, lambda: self.tr("Military unit"),
                 self.bind("military_unit", LineField("witness.military_unit")))

        _, form = self.group(lambda: self.tr("Other names to hide"), "witnessSensitive")
        self.sensitive = ListField("sensitive_names", lines=3)
        self.sensitive.changed.connect(self.emit_changed)
        self.row(form, lambda: self.tr("Names of others"), self.sensitive,
                 lambda: self.tr("Co-detainees, relatives: names hidden in the redacted "
                                 "statement, one per line"))
        self.column.addStretch(1)
        self.set_language("en")

    def title(self) -> str:
        """Navigator entry."""
        return self.tr("Witness")

    def load(self, testimony: Testimony) -> None:
        """Witness fields and the names to hide; names start hidden."""
        super().load(testimony)
        with self.loading():
            self.sensitive.set_value(testimony.sensitive_names)

    def store(self, testimony: Testimony) -> None:
        """Witness fields and the names to hide."""
        super().store(testimony)
        testimony.sensitive_names = self.sensitive.value()

    def set_read_only(self, read_only: bool) -> None:
        """Lock every field."""
        super().set_read_only(read_only)
        self.sensitive.set_read_only(read_only)

    def focus_field(self, path: str) -> bool:
        """Also knows the list of names to hide."""
        if path == "sensitive_names":
            self.show_widget(self.sensitive)
            return True
        return super().focus_field(path)

    def hide_names(self) -> None:
        """Take every name off the screen (a record opens, the vault locks)."""
        self.name.set_revealed(False)
        self.victim_name.set_revealed(False)

    def set_language(self, lang: str) -> None:
        """Role and situation in ``lang``."""
        super().set_language(lang)
        with self.loading():
            self._role.set_choices(choices("witness_roles", lang),
                                   lambda: self.tr("— not given —"))
            self._status.set_choices(choices("witness_status", lang))
            self._gender.set_choices(
                [("female", self.tr("female")), ("male", self.tr("male")),
                 ("other", self.tr("other"))],
                lambda: self.tr("— not given —"),
            )


class EffectsPage(EditorPage):
    """Injuries and after-effects in the witness's words, and where they were marked."""

    section = "effects"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_language(lambda: self.hint.setText(self.tr(
            "Physical and psychological effects as the witness describes them, now and since. "
            "Mark on the outline where the witness shows injuries or pain."
        )))
        _, form = self.group(lambda: self.tr("In the witness's words"), "effectsWords")
        self.row(form, lambda: self.tr("Physical injuries and symptoms"),
                 self.bind("physical", TextField("effects.physical", lines=4)))
        self.row(form, lambda: self.tr("Psychological effects"),
                 self.bind("psychological", TextField("effects.psychological", lines=4)),
                 lambda: self.tr("Sleep, fear, memory, mood"))
        self.row(form, lambda: self.tr("Medical treatment received or refused"),
                 self.bind("medical_treatment", TextField("effects.medical_treatment", lines=3)))
        box, form = self.group(lambda: self.tr("Where on the body"), "effectsBody")
        self.body_marks = BodyMarksEditor("effects.body_marks", box)
        self.body_marks.setMinimumHeight(480)
        form.addRow(self.body_marks)
        self.bind("body_marks", self.body_marks)
        self.column.addStretch(1)

    def title(self) -> str:
        """Navigator entry."""
        return self.tr("Injuries and effects")
