"""The testimony editor against a real vault: typing, autosave, review links, seal, amend, clear.

Every test types real Azerbaijani and Russian through ``type_text`` (``qtbot.keyClicks`` aborts
the process on non-ASCII) and checks what the service layer reads back from the encrypted
vault, not only what the widgets show.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from testimony_app.domain.model import BodyMark
from testimony_app.errors import DiskFull
from testimony_app.services.vault import VaultSession, create_vault, unlock_vault
from testimony_app.ui.editor import TestimonyEditor as Editor  # not "Test…": pytest collects those
from testimony_app.ui.editor_fields import TriState
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.tasks import TaskRunner
from testimony_app.ui.vocab_picker import VocabPicker
from testkit.qt import present

pytestmark = pytest.mark.gui

AZ = "Məni döydülər, işgəncə verdilər. Şüşə, çörək, ğ ı ö ü"
RU = "Меня били дубинками, ёлка"
PASS = "correct horse battery staple"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    """A real SQLCipher vault with fast test KDF parameters."""
    opened = create_vault(tmp_path / "vault", PASS, kdf="test")
    yield opened
    if opened.is_open:
        opened.lock()


@pytest.fixture
def prompts() -> ScriptedPrompts:
    """Dialog answers queued by each test."""
    return ScriptedPrompts()


@pytest.fixture
def editor(
    qtbot: Any, session: VaultSession, runner: TaskRunner, prompts: ScriptedPrompts
) -> Editor:
    """An editor on a fresh draft, shown and active so focus behaves as for a user."""
    widget = Editor(lambda: session, runner, prompts)
    qtbot.addWidget(widget)
    widget.resize(1200, 820)
    widget.set_autosave_interval(60_000)  # tests that want the timer shorten it
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    open_and_wait(widget, session.testimonies.create(), qtbot)
    return widget


def open_and_wait(editor: Editor, record_id: str, qtbot: Any) -> None:
    """Open a record (read on the worker thread) and wait until it is on screen."""
    with qtbot.waitSignal(editor.opened, timeout=10000):
        editor.open_record(record_id)


def find(editor: QWidget, cls: type, name: str) -> Any:
    """A child by type and object name, or fail loudly."""
    child: Any = editor.findChild(cls, name)  # None when absent, whatever the stub says
    assert child is not None, name
    return child


def tristate(editor: Editor, attr: str, value: str) -> None:
    """Click Yes / No / Not asked for a consent scope."""
    button = find(editor, QWidget, f"consent.{attr}.{value}")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def record_consent(editor: Editor) -> None:
    """Answer the core consent questions as an interviewer would."""
    editor.show_section("consent")
    find(editor, QWidget, "consent.informed_of_purpose").setChecked(True)
    find(editor, QWidget, "consent.no_coercion_confirmed").setChecked(True)
    tristate(editor, "legal_proceedings", "yes")
    tristate(editor, "name_may_appear", "no")
    tristate(editor, "audio_recording", "yes")


@pytest.mark.slow
def test_sections_follow_the_interview(editor: Editor) -> None:
    nav = find(editor, QListWidget, "sectionList")
    assert [editor.pages[i].section for i in range(nav.count())] == [
        "consent",
        "interview",
        "witness",
        "narrative",
        "detentions",
        "acts",
        "effects",
        "attachments",
        "review",
    ]
    assert "Consent" in nav.item(0).text()
    assert editor.current_section() == "consent"


@pytest.mark.slow
def test_typing_on_every_page_lands_in_the_vault(
    editor: Editor, session: VaultSession, runner: TaskRunner, type_text: Any, qtbot: Any
) -> None:
    record_id = editor.current_record_id()
    assert record_id is not None
    # Consent
    record_consent(editor)
    type_text(find(editor, QPlainTextEdit, "consent.refusals"), AZ)
    type_text(find(editor, QPlainTextEdit, "consent.organisations"), "Hüquq Mərkəzi\nМемориал")
    # Interview
    editor.show_section("interview")
    type_text(find(editor, QLineEdit, "interview.place"), "Tərtər, Şıxarx küç.")
    type_text(find(editor, QLineEdit, "interview.date"), "2024-03-05")
    type_text(find(editor, QPlainTextEdit, "interview.setting"), RU)
    type_text(find(editor, QLineEdit, "interview.interviewer"), "Aygün Quliyeva")
    type_text(find(editor, QPlainTextEdit, "interview.persons_present"), "Rəşad — tərcüməçi")
    type_text(find(editor, QLineEdit, "title"), "Şahid 7")
    # Witness: the name is hidden until revealed
    editor.show_section("witness")
    name = find(editor, QWidget, "witness.name")
    assert not name.is_revealed()
    QTest.mouseClick(find(editor, QWidget, "witness.name.reveal"), Qt.MouseButton.LeftButton)
    type_text(find(editor, QLineEdit, "witness.name.edit"), "Nemət Məhərrəmov")
    type_text(find(editor, QLineEdit, "witness.pseudonym"), "Ş-7")
    type_text(find(editor, QLineEdit, "witness.military_unit"), "N saylı hərbi hissə")
    # Narrative, two paragraphs
    editor.show_section("narrative")
    narrative = find(editor, QPlainTextEdit, "narrative.text")
    type_text(narrative, AZ + "\n\n" + RU)
    assert narrative.paragraph_count() == 2
    # Detention
    editor.show_section("detentions")
    QTest.mouseClick(find(editor, QPushButton, "detentions.add"), Qt.MouseButton.LeftButton)
    type_text(find(editor, QLineEdit, "detentions.place"), "Tərtər hərbi polis")
    type_text(find(editor, QLineEdit, "detentions.start_date"), "2017-05")
    contact = find(editor, VocabPicker, "detentions.outside_contact")
    contact.set_checked("family_not_informed")
    # Acts
    editor.show_section("acts")
    QTest.mouseClick(find(editor, QPushButton, "acts.add"), Qt.MouseButton.LeftButton)
    type_text(find(editor, QPlainTextEdit, "acts.description"), RU)
    methods = find(editor, VocabPicker, "acts.methods")
    type_text(methods.search, "falan")
    QTest.keyClick(methods.search, Qt.Key.Key_Return)
    assert methods.value() == ["falanga"]
    type_text(find(editor, QLineEdit, "acts.methods_other"), "su ilə işgəncə")
    table = find(editor, QWidget, "acts.perpetrators")
    QTest.mouseClick(find(editor, QPushButton, "addPerpetratorButton"), Qt.MouseButton.LeftButton)
    table.table.item(0, 0).setText("Mayor Əliyev")
    table.table.item(0, 3).setText("Hərbi polis")
    episode = find(editor, QWidget, "acts.episode")
    episode.setCurrentIndex(episode.findData("0"))
    # Effects
    editor.show_section("effects")
    type_text(find(editor, QPlainTextEdit, "effects.physical"), AZ)
    marks = find(editor, QWidget, "effects.body_marks")
    marks.outline.add_mark("back", 0.5, 0.4)
    marks.outline.set_note(0, "kürəyində çapıq")

    t = editor.testimony()
    assert t.consent.refusals == AZ
    assert t.consent.organisations == ["Hüquq Mərkəzi", "Мемориал"]
    assert t.consent.is_recorded
    assert t.consent.recorded_at
    assert t.interview.place == "Tərtər, Şıxarx küç."
    assert t.interview.setting == RU
    assert t.witness.name == "Nemət Məhərrəmov"
    assert t.narrative.paragraphs == [AZ, RU]
    assert t.detentions[0].outside_contact == ["family_not_informed"]
    assert t.acts[0].methods == ["falanga"]
    assert t.acts[0].episode == 0
    assert t.acts[0].perpetrators[0].name == "Mayor Əliyev"
    assert t.effects.body_marks == [BodyMark("back", 0.5, 0.4, "kürəyində çapıq")]

    assert editor.save_and_wait()
    stored = session.testimonies.get(record_id)
    assert stored.consent.refusals == AZ
    assert stored.title == "Şahid 7"
    assert stored.interview.persons_present == ["Rəşad — tərcüməçi"]
    assert stored.interview.date == "2024-03-05"
    assert stored.witness.pseudonym == "Ş-7"
    assert stored.witness.military_unit == "N saylı hərbi hissə"
    assert stored.narrative.text == AZ + "\n\n" + RU
    assert stored.detentions[0].place == "Tərtər hərbi polis"
    assert stored.detentions[0].start_date == "2017-05"
    assert stored.acts[0].description == RU
    assert stored.acts[0].methods_other == "su ilə işgəncə"
    assert stored.acts[0].perpetrators[0].unit == "Hərbi polis"
    assert stored.effects.physical == AZ
    assert stored.effects.body_marks[0].note == "kürəyində çapıq"

    # A new editor (as after a restart) shows every field again, the name hidden.
    again = Editor(lambda: session, runner, ScriptedPrompts())
    qtbot.addWidget(again)
    open_and_wait(again, record_id, qtbot)
    assert again.testimony() == stored
    assert not find(again, QWidget, "witness.name").is_revealed()
    assert find(again, QLineEdit, "witness.name.edit").text() == "Nemət Məhərrəmov"


@pytest.mark.slow
def test_autosave_fires_after_the_interval(
    editor: Editor, session: VaultSession, type_text: Any, qtbot: Any
) -> None:
    editor.set_autosave_interval(250)
    editor.show_section("narrative")
    type_text(find(editor, QPlainTextEdit, "narrative.text"), AZ)
    assert editor.is_dirty()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.get(record_id).narrative.text == AZ
    assert find(editor, QWidget, "saveStatus").text().startswith("Saved")


@pytest.mark.slow
def test_steady_typing_does_not_postpone_the_save(
    editor: Editor, session: VaultSession, type_text: Any, qtbot: Any
) -> None:
    editor.set_autosave_interval(300)  # 300 ms after the typing stops, 450 ms at most
    editor.show_section("narrative")
    box = find(editor, QPlainTextEdit, "narrative.text")
    record_id = editor.current_record_id()
    assert record_id is not None
    stored: list[str] = []
    editor.saver.saved.connect(lambda _rid, t: stored.append(t.narrative.text))
    words = ("Məni ", "döydülər ", "gecə ", "gündüz ", "dayanmadan ", "səhərə ", "qədər ")
    for word in words:
        type_text(box, word)
        qtbot.wait(100)  # never a 300 ms pause
    # Typed for ~700 ms without a pause: a save of part of it reached the vault meanwhile.
    assert any(text.startswith("Məni") and text != "".join(words) for text in stored), stored
    qtbot.waitUntil(lambda: session.testimonies.get(record_id).narrative.text == "".join(words))


@pytest.mark.slow
def test_autosave_comes_one_second_after_the_typing_stops(editor: Editor) -> None:
    editor.set_autosave_interval(60_000)
    assert editor.autosave_interval() == 60_000
    fresh = Editor(lambda: None, TaskRunner(), ScriptedPrompts())
    assert fresh.autosave_interval() == 1000  # the default: one second after the last key
    assert present(fresh.saver.findChild(QTimer, "autosaveDeadline")).interval() == 1500
    fresh.deleteLater()


@pytest.mark.slow
def test_changing_section_saves_at_once(
    editor: Editor, session: VaultSession, runner: TaskRunner, type_text: Any
) -> None:
    editor.show_section("interview")
    type_text(find(editor, QLineEdit, "interview.place"), "Bərdə")
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.get(record_id).interview.place == ""
    QTest.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section() == "witness"
    assert runner.wait_idle()  # the timer is a minute away: only the section change saved
    assert session.testimonies.get(record_id).interview.place == "Bərdə"
    assert not editor.is_dirty()


@pytest.mark.slow
def test_focus_change_saves(
    editor: Editor, session: VaultSession, type_text: Any, qtbot: Any
) -> None:
    editor.show_section("interview")
    place = find(editor, QLineEdit, "interview.place")
    place.setFocus()
    qtbot.waitUntil(place.hasFocus)
    type_text(place, "Gəncə")
    find(editor, QLineEdit, "interview.interviewer").setFocus()
    record_id = editor.current_record_id()
    assert record_id is not None
    qtbot.waitUntil(lambda: session.testimonies.get(record_id).interview.place == "Gəncə")


@pytest.mark.slow
def test_ctrl_s_and_alt_numbers(
    editor: Editor, session: VaultSession, runner: TaskRunner, type_text: Any
) -> None:
    QTest.keyClick(editor, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert editor.current_section() == "narrative"
    box = find(editor, QPlainTextEdit, "narrative.text")
    type_text(box, RU)
    QTest.keyClick(box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert runner.wait_idle()
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.get(record_id).narrative.text == RU
    QTest.keyClick(editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section() == "witness"


@pytest.mark.slow
def test_disk_full_keeps_the_text_and_says_so_once(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    type_text: Any,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> None:
    def full(*_args: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(session.testimonies, "save_draft", full)
    editor.set_autosave_interval(150)
    editor.show_section("narrative")
    box = find(editor, QPlainTextEdit, "narrative.text")
    type_text(box, AZ)
    assert not editor.save_and_wait()
    status = find(editor, QWidget, "saveStatus").text()
    assert "disk is full" in status
    assert "kept" in status
    assert box.toPlainText() == AZ
    assert editor.is_dirty()
    qtbot.wait(500)  # the retries fail again, quietly
    assert len(prompts.texts("error")) == 1
    monkeypatch.undo()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.get(record_id).narrative.text == AZ


@pytest.mark.slow
def test_review_links_jump_to_the_field(editor: Editor, type_text: Any, qtbot: Any) -> None:
    editor.show_section("acts")
    QTest.mouseClick(find(editor, QPushButton, "acts.add"), Qt.MouseButton.LeftButton)
    editor.show_section("review")
    review = editor.review
    paths = review.missing_paths()
    assert "interview.place" in paths
    assert "consent.legal_proceedings" in paths
    row = paths.index("interview.place")
    item = review.missing.item(row)
    review.missing.scrollToItem(item)
    rect = review.missing.visualItemRect(item)
    QTest.mouseClick(review.missing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.current_section() == "interview"
    place = find(editor, QLineEdit, "interview.place")
    qtbot.waitUntil(place.hasFocus)
    type_text(place, "Tərtər")
    editor.show_section("review")
    assert "interview.place" not in review.missing_paths()

    assert editor.jump_to("consent.legal_proceedings")
    assert editor.current_section() == "consent"
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused.objectName().startswith("consent.legal_proceedings")

    acts_paths = [p for p in editor.review.missing_paths() if p.startswith("acts[0]")]
    assert acts_paths, editor.review.missing_paths()
    assert editor.jump_to(acts_paths[0])
    assert editor.current_section() == "acts"
    assert editor.acts.list.currentRow() == 0

    assert editor.jump_to("witness.name")
    assert find(editor, QWidget, "witness.name").is_revealed()


@pytest.mark.slow
def test_seal_is_refused_without_consent(
    editor: Editor, session: VaultSession, prompts: ScriptedPrompts
) -> None:
    editor.show_section("review")
    QTest.mouseClick(find(editor, QPushButton, "sealButton"), Qt.MouseButton.LeftButton)
    assert prompts.texts("error") == [
        "The testimony cannot be sealed until the witness's consent is recorded."
    ]
    assert editor.current_section() == "consent"
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.info(record_id).draft
    assert not editor.is_read_only()


@pytest.mark.slow
def test_seal_makes_it_read_only_and_amendment_reopens(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    runner: TaskRunner,
    type_text: Any,
    qtbot: Any,
) -> None:
    record_id = editor.current_record_id()
    assert record_id is not None
    record_consent(editor)
    editor.show_section("narrative")
    box = find(editor, QPlainTextEdit, "narrative.text")
    type_text(box, AZ)
    editor.show_section("review")
    prompts.queue("confirm", True)
    with qtbot.waitSignal(editor.sealed, timeout=10000) as sealed:
        QTest.mouseClick(find(editor, QPushButton, "sealButton"), Qt.MouseButton.LeftButton)
    assert sealed.args == [record_id, 1]
    qtbot.waitUntil(lambda: not editor.is_opening())
    info = session.testimonies.info(record_id)
    assert not info.draft
    assert info.versions[0].sealed
    assert editor.is_read_only()
    assert find(editor, QWidget, "sealedBanner").isVisible()
    assert "Sealed" in find(editor, QWidget, "recordStatus").text()
    assert box.isReadOnly()
    assert not find(editor, TriState, "consent.legal_proceedings")._yes.isEnabled()
    assert not find(editor, QPushButton, "acts.add").isEnabled()
    type_text(box, "əlavə")
    assert box.toPlainText() == AZ
    assert not editor.is_dirty()

    prompts.queue("ask_text", "Şahid tarixi düzəltdi")
    with qtbot.waitSignal(editor.opened, timeout=10000):
        QTest.mouseClick(find(editor, QPushButton, "bannerAmendButton"), Qt.MouseButton.LeftButton)
    assert not editor.is_read_only()
    assert "Amendment started: version 2" in find(editor, QWidget, "saveStatus").text()
    assert not find(editor, QWidget, "sealedBanner").isVisible()
    assert session.testimonies.info(record_id).current == 2
    box.moveCursor(box.textCursor().MoveOperation.End)
    type_text(box, " Düzəliş.")
    assert editor.save_and_wait()
    assert session.testimonies.get(record_id).narrative.text == AZ + " Düzəliş."
    assert session.testimonies.get(record_id, 1).narrative.text == AZ
    assert "Şahid tarixi düzəltdi" in session.testimonies.info(record_id).versions[-1].reason


@pytest.mark.slow
def test_amendment_without_a_reason_changes_nothing(
    editor: Editor, session: VaultSession, prompts: ScriptedPrompts, qtbot: Any
) -> None:
    record_consent(editor)
    prompts.queue("confirm", True)
    with qtbot.waitSignal(editor.sealed, timeout=10000):
        editor.seal()
    qtbot.waitUntil(lambda: not editor.is_opening())
    prompts.queue("ask_text", None)
    assert not editor.amend()
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.info(record_id).current == 1
    assert editor.is_read_only()


def test_seal_confirmation_defaults_to_cancel_and_lists_what_is_missing(
    editor: Editor, session: VaultSession, prompts: ScriptedPrompts
) -> None:
    """GUI review D11: Seal was the default button, and the missing items went unmentioned."""
    record_consent(editor)
    editor.show_section("narrative")  # Seal from the toolbar, far from the review page
    prompts.queue("confirm", False)
    editor.seal()
    assert prompts.last_confirm["destructive"] is True  # Cancel is the default button
    details = prompts.last_confirm["details"]
    assert "Still missing from the checklist" in details
    assert "Interview — " in details
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.info(record_id).draft  # Cancel sealed nothing
    assert not editor.is_read_only()


def test_an_empty_amendment_reason_is_explained_and_asked_again(
    editor: Editor, session: VaultSession, prompts: ScriptedPrompts, qtbot: Any
) -> None:
    """GUI review D14: OK with an empty reason did nothing, silently."""
    record_consent(editor)
    prompts.queue("confirm", True)
    with qtbot.waitSignal(editor.sealed, timeout=10000):
        editor.seal()
    qtbot.waitUntil(lambda: not editor.is_opening())
    prompts.queue("ask_text", "   ", "Şahid tarixi düzəltdi")
    with qtbot.waitSignal(editor.opened, timeout=10000):  # the amendment opens on the worker
        assert editor.amend()
    assert any("needs a reason" in text for text in prompts.texts("information"))
    assert [s.kind for s in prompts.shown].count("ask_text") == 2
    record_id = editor.current_record_id()
    assert record_id is not None
    assert session.testimonies.info(record_id).versions[-1].reason == "Şahid tarixi düzəltdi"


def test_review_follows_a_live_language_switch(editor: Editor) -> None:
    """GUI review D6: after a switch the items kept the old language's section names."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from testimony_app.ui.i18n import Translations

    editor.show_section("review")
    assert any(text.startswith("Interview — ") for text in editor.review.missing_texts())
    translations = Translations()
    try:
        for code, section in (("ru", "Интервью"), ("az", "Müsahibə")):
            translations.apply(code)
            editor.set_language(code)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
            texts = editor.review.missing_texts()
            assert texts, code
            assert not any(t.startswith(("Interview — ", "Müsahibə — ", "Интервью — "))
                           and not t.startswith(section) for t in texts), texts
            assert any(t.startswith(section + " — ") for t in texts), (code, texts[:3])
    finally:
        translations.apply("en")
        editor.set_language("en")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


@pytest.mark.slow
def test_clear_wipes_every_widget_and_undo_stack(editor: Editor, type_text: Any) -> None:
    record_consent(editor)
    editor.show_section("interview")
    type_text(find(editor, QLineEdit, "interview.place"), "Tərtər")
    editor.show_section("witness")
    QTest.mouseClick(find(editor, QWidget, "witness.name.reveal"), Qt.MouseButton.LeftButton)
    type_text(find(editor, QLineEdit, "witness.name.edit"), "Nemət")
    editor.show_section("narrative")
    type_text(find(editor, QPlainTextEdit, "narrative.text"), AZ)
    editor.show_section("acts")
    QTest.mouseClick(find(editor, QPushButton, "acts.add"), Qt.MouseButton.LeftButton)
    methods = find(editor, VocabPicker, "acts.methods")
    type_text(methods.search, "döy")
    methods.set_checked("beating")
    editor.show_section("effects")
    marks = find(editor, QWidget, "effects.body_marks")
    marks.outline.add_mark("front", 0.3, 0.3)
    type_text(find(editor, QLineEdit, "bodyMarkNote"), "göyərmə")
    editor.show_section("review")
    assert editor.review.missing.count() > 0

    editor.clear()

    assert editor.current_record_id() is None
    for line in editor.findChildren(QLineEdit):
        assert line.text() == "", line.objectName()
        assert not line.isUndoAvailable(), line.objectName()
    for text in editor.findChildren(QPlainTextEdit):
        assert text.toPlainText() == "", text.objectName()
        assert not text.document().isUndoAvailable(), text.objectName()
    assert editor.acts.items == []
    assert editor.acts.list.count() == 0
    assert editor.detentions.items == []
    assert marks.value() == []
    assert find(editor, QListWidget, "bodyMarkList").count() == 0
    assert methods.value() == []
    assert editor.review.missing.count() == 0
    assert not find(editor, QWidget, "witness.name").is_revealed()
    assert find(editor, QWidget, "witness.name.mask").text() != "N. (hidden)"
    assert find(editor, QWidget, "recordStatus").text() == ""
    assert editor.testimony() == type(editor.testimony())()
    # Nothing may autosave into a cleared editor.
    assert not editor.is_dirty()
    assert editor.flush()


@pytest.mark.slow
def test_removing_an_episode_keeps_acts_pointing_at_the_right_one(
    editor: Editor, prompts: ScriptedPrompts, type_text: Any
) -> None:
    editor.show_section("detentions")
    add = find(editor, QPushButton, "detentions.add")
    for place in ("Tərtər", "Bakı", "Gəncə"):
        QTest.mouseClick(add, Qt.MouseButton.LeftButton)
        type_text(find(editor, QLineEdit, "detentions.place"), place)
    editor.show_section("acts")
    QTest.mouseClick(find(editor, QPushButton, "acts.add"), Qt.MouseButton.LeftButton)
    episode = find(editor, QWidget, "acts.episode")
    assert episode.count() == 4  # "none" and three episodes
    assert "Gəncə" in episode.itemText(3)
    episode.setCurrentIndex(3)
    assert editor.testimony().acts[0].episode == 2
    editor.show_section("detentions")
    editor.detentions.list.setCurrentRow(0)
    prompts.queue("confirm", True)
    QTest.mouseClick(find(editor, QPushButton, "detentions.remove"), Qt.MouseButton.LeftButton)
    t = editor.testimony()
    assert [d.place for d in t.detentions] == ["Bakı", "Gəncə"]
    assert t.acts[0].episode == 1
    editor.detentions.list.setCurrentRow(1)
    QTest.mouseClick(find(editor, QPushButton, "detentions.up"), Qt.MouseButton.LeftButton)
    t = editor.testimony()
    assert [d.place for d in t.detentions] == ["Gəncə", "Bakı"]
    assert t.acts[0].episode == 0


@pytest.mark.slow
def test_language_switch_relabels_vocabularies(editor: Editor) -> None:
    editor.set_language("az")
    role = find(editor, QWidget, "witness.role")
    assert editor.testimony().witness.role == ""  # no role until one is chosen
    role.set_value("victim")
    assert role.currentText() == "Zərərçəkmiş şəxs"
    methods = find(editor, VocabPicker, "acts.methods")
    assert methods.label_of("falanga").startswith("Falanqa")
    editor.set_language("ru")
    assert methods.label_of("beating").startswith("Избиение")
    assert role.currentText() == "Пострадавший"
    assert editor.testimony().witness.role == "victim"


@pytest.mark.slow
def test_no_testimony_text_in_the_window_title(editor: Editor, type_text: Any) -> None:
    editor.show_section("witness")
    QTest.mouseClick(find(editor, QWidget, "witness.name.reveal"), Qt.MouseButton.LeftButton)
    type_text(find(editor, QLineEdit, "witness.name.edit"), "Nemət")
    assert "Nemət" not in editor.windowTitle()
    assert "Nemət" not in find(editor, QWidget, "recordStatus").text()


@pytest.mark.slow
def test_vault_reopened_from_disk_has_the_draft(tmp_path: Path, qtbot: Any, type_text: Any) -> None:
    session = create_vault(tmp_path / "v", PASS, kdf="test")
    record_id = session.testimonies.create()
    tasks = TaskRunner()
    widget = Editor(lambda: session, tasks, ScriptedPrompts())
    qtbot.addWidget(widget)
    open_and_wait(widget, record_id, qtbot)
    widget.show_section("narrative")
    type_text(find(widget, QPlainTextEdit, "narrative.text"), AZ)
    assert widget.save_and_wait()
    widget.clear()
    session.lock()
    reopened = unlock_vault(tmp_path / "v", PASS)
    try:
        assert reopened.testimonies.get(record_id).narrative.text == AZ
    finally:
        reopened.lock()
        tasks.shutdown()


@pytest.mark.slow
def test_tab_walks_the_form_in_reading_order(editor: Editor, qtbot: Any) -> None:
    editor.show_section("interview")
    place = find(editor, QLineEdit, "interview.place")
    place.setFocus()
    qtbot.waitUntil(place.hasFocus)
    order = []
    for _ in range(4):
        QTest.keyClick(present(QApplication.focusWidget()), Qt.Key.Key_Tab)
        order.append(present(QApplication.focusWidget()).objectName())
    # Tab leaves a multi-line box instead of typing a tab into the witness's words.
    assert order == [
        "interview.setting", "interview.interviewer", "interview.interviewer_organisation",
        "interview.interpreter",
    ]


def test_a_save_meeting_a_held_database_waits_on_the_worker_not_in_the_window(
    editor: Editor, session: VaultSession, type_text: Any, qtbot: Any
) -> None:
    """A backup or a vault check holds the database lock for seconds: the window goes on."""
    import threading

    record_id = editor.current_record_id()
    assert record_id is not None
    editor.show_section("narrative")
    box = find(editor, QPlainTextEdit, "narrative.text")
    held, release = threading.Event(), threading.Event()

    def backup_like() -> None:
        with session.bundles.vault.db.lock:  # what backup_to and cipher_problems hold
            held.set()
            release.wait(20)

    holder = threading.Thread(target=backup_like)
    holder.start()
    try:
        assert held.wait(5)
        type_text(box, AZ)
        editor.save_now()  # Ctrl+S: before, this blocked the GUI thread until the lock was free
        assert editor.is_dirty()  # returned at once: the save waits on the worker
        type_text(box, " " + RU)  # and the window still takes typing meanwhile
        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: bool(ticks), timeout=2000)
        assert editor.is_dirty()
    finally:
        release.set()
        holder.join(10)
    # The Ctrl+S save went through once the lock was free; then the newest text goes too.
    qtbot.waitUntil(lambda: session.testimonies.get(record_id).narrative.text == AZ, timeout=10000)
    assert editor.save_and_wait()
    assert session.testimonies.get(record_id).narrative.text == AZ + " " + RU


def test_timed_saves_do_not_pile_up_behind_a_held_database(
    editor: Editor, session: VaultSession, runner: TaskRunner, type_text: Any, qtbot: Any
) -> None:
    """While one save waits for the lock, later ones only ask for one more save of the newest
    text: the queue does not grow with the typing, and nothing typed is lost."""
    import threading

    record_id = editor.current_record_id()
    assert record_id is not None
    editor.set_autosave_interval(100)  # a timed save every 100-150 ms while typing
    editor.show_section("narrative")
    box = find(editor, QPlainTextEdit, "narrative.text")
    calls: list[str] = []
    real = session.testimonies.save_draft

    def counting(rid: str, testimony: Any) -> None:
        calls.append(testimony.narrative.text)
        real(rid, testimony)

    session.testimonies.save_draft = counting  # type: ignore[method-assign,assignment]
    held, release = threading.Event(), threading.Event()

    def backup_like() -> None:
        with session.bundles.vault.db.lock:
            held.set()
            release.wait(20)

    holder = threading.Thread(target=backup_like)
    holder.start()
    try:
        assert held.wait(5)
        for word in ("Məni ", "gecə ", "apardılar, ", "Меня ", "били ", "дубинками."):
            type_text(box, word)
            qtbot.wait(120)  # the timers fire again and again meanwhile
        assert runner.pending <= 1  # one save waiting on the worker, not one per tick
    finally:
        release.set()
        holder.join(10)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=10000)
    assert len(calls) <= 2  # the one that waited, then one with the newest text
    assert calls[-1] == box.toPlainText()
    assert session.testimonies.get(record_id).narrative.text == box.toPlainText()


@pytest.mark.slow
def test_a_seal_whose_backup_failed_says_so_and_stands(
    editor: Editor,
    session: VaultSession,
    prompts: ScriptedPrompts,
    type_text: Any,
    qtbot: Any,
) -> None:
    """Issue 13 (F-13): the backup after a seal cannot be written (a file sits where the
    backups folder must be). The seal stands and the window says that no backup holds it,
    instead of a log line nobody reads."""
    record_id = editor.current_record_id()
    assert record_id is not None
    record_consent(editor)
    editor.show_section("narrative")
    type_text(find(editor, QPlainTextEdit, "narrative.text"), AZ)
    (session.path / "backups").write_bytes(b"")
    editor.show_section("review")
    prompts.queue("confirm", True)
    with qtbot.waitSignal(editor.sealed, timeout=10000):
        QTest.mouseClick(find(editor, QPushButton, "sealButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.texts("error")), timeout=10000)
    (said,) = prompts.texts("error")
    assert said.startswith("The testimony is sealed, but no backup was made after it: ")
    assert said.endswith("then use Vault → Back up now.")
    assert session.testimonies.info(record_id).versions[0].sealed
    assert editor.is_read_only()
