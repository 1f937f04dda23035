"""Statement…: a real PDF built off the GUI thread, previewed from memory, saved byte for byte.

Real vaults (cheap Argon2 only) and the real statement builder; nothing is mocked. The one spy
below calls straight through to the service and only notes which thread it ran on.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.ui.i18n import Translations
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.statement_build import default_language
from testimony_app.ui.statement_dialog import StatementDialog
from testimony_app.ui.tasks import TaskRunner
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)
from testkit.qt import MakeWindow, TypeText, present

pytestmark = pytest.mark.gui


WITNESS_AZ = "Nemət Məhərrəmov"
WITNESS_EN = "Elnur Hasanli"


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def pdf_pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    opened = S.new_vault(tmp_path / "vault")
    yield opened
    if opened.is_open:
        opened.lock()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle(20000)
    task_runner.shutdown()


def wait_built(qtbot: QtBot, dialog: StatementDialog) -> None:
    qtbot.waitUntil(lambda: dialog.statement is not None and not dialog.busy, timeout=30000)


def open_dialog(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner, record_id: str, **kw: Any
) -> StatementDialog:
    dialog = StatementDialog(lambda: session, runner, record_id, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_default_language_is_the_interviews_when_a_statement_can_be_made_in_it() -> None:
    assert default_language("az", "en") == "az"
    assert default_language("ru", "az") == "ru"
    assert default_language("hy", "az") == "az"  # Armenian interview: the interface language
    assert default_language(None, "ru") == "ru"
    assert default_language("", "de") == "en"


@pytest.mark.slow
def test_preview_is_the_real_pdf_built_off_the_gui_thread(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_id = S.sealed(session, S.azerbaijani("preview"))
    threads: list[int] = []
    original = session.statements.build

    def spy(*args: Any, **kwargs: Any) -> Any:  # calls through; notes only the thread
        threads.append(threading.get_ident())
        return original(*args, **kwargs)

    monkeypatch.setattr(session.statements, "build", spy)
    dialog = open_dialog(qtbot, session, runner, record_id, ui_language="en")
    # The build was queued, not run: the dialog is already on screen with its busy bar.
    assert dialog.busy
    assert dialog.stack.currentIndex() == 0
    assert dialog.busy_bar.maximum() == 0  # indeterminate
    assert not dialog.save_button.isEnabled()
    wait_built(qtbot, dialog)

    assert threads
    assert threading.get_ident() not in threads
    assert dialog.language == "az"  # the interview's language
    shown = dialog.statement
    assert shown is not None
    assert shown.pdf == original(record_id, language="az")
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.page_count() > 0
    assert dialog.page_count() == pdf_pages(shown.pdf)
    assert str(dialog.page_count()) in dialog.pages_label.text()
    assert dialog.stack.currentWidget() is dialog.view
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.fit_width_button.isChecked()
    sealed_hash = session.testimonies.info(record_id).versions[-1].content_sha256
    assert dialog.hash_label.text() == sealed_hash
    assert dialog.save_button.isEnabled()
    assert WITNESS_AZ not in dialog.windowTitle()
    assert dialog.windowTitle() == "Statement"

    # Zoom buttons work on the real view.
    QTest.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert not dialog.fit_width_button.isChecked()
    QTest.mouseClick(dialog.fit_width_button, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth

    dialog.reject()
    assert dialog.document.status() == QPdfDocument.Status.Null
    assert dialog.statement is None


@pytest.mark.slow
def test_language_switch_rebuilds_and_save_writes_the_same_bytes(
    qtbot: QtBot,
    session: VaultSession,
    runner: TaskRunner,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    record_id = S.sealed(session, S.english("switch"))
    dialog = open_dialog(qtbot, session, runner, record_id, ui_language="ru")
    wait_built(qtbot, dialog)
    assert dialog.language == "en"
    english = dialog.statement
    assert english is not None
    assert "Witness statement" in pdf_text(english.pdf)

    with qtbot.waitSignal(dialog.built, timeout=30000):
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("az"))
        assert dialog.busy  # rebuilding, off the GUI thread
    assert dialog.statement is not None
    assert present(dialog.statement).options.language == "az"
    assert present(dialog.statement).pdf != english.pdf
    assert dialog.page_count() == pdf_pages(dialog.statement.pdf)

    target = tmp_path / "out" / "ifade"
    target.parent.mkdir()
    scripted_prompts.queue("save_path", str(target))
    with qtbot.waitSignal(dialog.saved, timeout=30000) as saved:
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    written = target.with_suffix(".pdf")  # the extension is added when none was typed
    assert written.read_bytes() == session.statements.build(record_id, language="az")
    assert written.read_bytes() == present(dialog.statement).pdf
    assert oct(written.stat().st_mode & 0o777) == "0o600"
    assert saved.args[0] in dialog.saved_label.text()
    text = pdf_text(written.read_bytes())
    assert "Şahid ifadəsi" in text
    assert "Witness statement" not in text
    # The suggested name says what the file is, and names nobody.
    suggested = scripted_prompts.shown[-1].text
    assert suggested.startswith(f"statement-{record_id[:8]}-v1-az")
    assert WITNESS_EN.split()[0] not in suggested
    assert scripted_prompts.texts("error") == []


@pytest.mark.slow
def test_draft_redacted_and_earlier_versions(
    qtbot: QtBot,
    session: VaultSession,
    runner: TaskRunner,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    record_id = S.sealed(session, S.azerbaijani("versions"))
    session.testimonies.begin_amendment(record_id, "Tərcüməçi düzəliş etdi")
    dialog = open_dialog(qtbot, session, runner, record_id, ui_language="en")
    wait_built(qtbot, dialog)
    # The newest version is the amendment's draft: it says DRAFT, not a hash.
    assert dialog.statement is not None
    assert present(dialog.statement).options.version == 2
    assert dialog.hash_label.text() == "DRAFT"
    assert "not sealed" in dialog.seal_label.text()
    assert dialog.version_combo.isEnabled()
    assert dialog.version_combo.count() == 2

    with qtbot.waitSignal(dialog.built, timeout=30000):
        dialog.version_combo.setCurrentIndex(dialog.version_combo.findData(1))
    assert present(dialog.statement).options.version == 1
    first = session.testimonies.info(record_id).versions[0]
    assert dialog.hash_label.text() == first.content_sha256

    with qtbot.waitSignal(dialog.built, timeout=30000):
        dialog.set_redacted(True)
    redacted = present(dialog.statement).pdf
    assert redacted == session.statements.build(record_id, version=1, language="az", redacted=True)
    assert "Məhərrəmov" not in pdf_text(redacted)

    target = tmp_path / "redacted.pdf"
    scripted_prompts.queue("save_path", str(target))
    with qtbot.waitSignal(dialog.review_opened, timeout=30000) as opened:
        dialog.save()
    review = opened.args[0]
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        review.accept_button.click()  # the redactor's own judgement, unchanged
    assert target.read_bytes() == redacted

    # A folder that does not exist: one plain sentence, no file, the dialog still usable.
    scripted_prompts.queue("save_path", str(tmp_path / "missing" / "x.pdf"))
    with qtbot.waitSignal(dialog.review_opened, timeout=30000) as opened:
        dialog.save()
    opened.args[0].accept_button.click()
    assert runner.wait_idle(30000)
    errors = scripted_prompts.texts("error")
    assert len(errors) == 1
    assert "\n" not in errors[0]
    assert not (tmp_path / "missing").exists()
    assert dialog.save_button.isEnabled()


@pytest.mark.slow
def test_rapid_changes_are_coalesced_and_the_last_one_wins(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner
) -> None:
    record_id = S.sealed(session, S.russian("rapid"))
    dialog = open_dialog(qtbot, session, runner, record_id, ui_language="en")
    wait_built(qtbot, dialog)
    assert dialog.language == "ru"
    for code in ("en", "az", "en", "az"):
        dialog.set_language(code)
    dialog.set_redacted(True)
    wait_built(qtbot, dialog)
    assert dialog.statement is not None
    assert present(dialog.statement).options.language == "az"
    assert present(dialog.statement).options.redacted
    built = session.statements.build(record_id, language="az", redacted=True)
    assert present(dialog.statement).pdf == built
    assert runner.pending == 0


@pytest.mark.slow
def test_statement_action_on_the_list_and_in_the_editor_and_the_lock_closes_it(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    passphrase = S.passphrase()
    vault = create_vault(tmp_path / "vault", passphrase, kdf="test")
    record_id = S.sealed(vault, S.azerbaijani("window"))
    vault.lock()
    window = make_window()
    type_text(window.unlock_page.passphrase, passphrase)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle(20000)

    action = window.findChild(QAction, "actionStatement")
    assert action is not None
    window.list_page.table.clearSelection()
    window.list_page.table.setCurrentIndex(window.list_page.proxy.index(-1, -1))
    assert not action.isEnabled()  # nothing selected
    assert window.list_page.select_id(record_id)
    assert action.isEnabled()
    action.trigger()
    dialog = window.findChild(StatementDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.record_id == record_id
    wait_built(qtbot, dialog)
    assert dialog.language == "az"
    assert dialog.page_count() > 0

    dialog.reject()
    qtbot.waitUntil(lambda: not window.findChildren(StatementDialog), timeout=5000)

    # In the editor: the open testimony, in its interview language, without a look-up.
    with qtbot.waitSignal(window.editor.opened, timeout=10000):
        window.open_record(record_id)
    assert window.pages.currentWidget() is window.editor
    assert action.isEnabled()
    action.trigger()
    dialog = window.findChild(StatementDialog)
    assert dialog is not None
    assert dialog.record_id == record_id
    assert dialog.language == "az"
    assert dialog.language_combo.isEnabled()  # known before the first build
    wait_built(qtbot, dialog)

    window.lock()
    # Rejected and wiped at once (deleted later, with the event loop).
    assert not dialog.isVisible()
    assert dialog.document.status() == QPdfDocument.Status.Null
    assert dialog.statement is None
    assert window.runner.wait_idle(20000)
    qtbot.waitUntil(lambda: not window.findChildren(StatementDialog), timeout=5000)


@pytest.mark.slow
def test_preview_never_touches_the_disk(
    qtbot: QtBot,
    session: VaultSession,
    runner: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No temporary file: the working directory and TMPDIR stay empty while previewing."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.chdir(scratch)
    record_id = S.sealed(session, S.english("memory"))
    before = set(scratch.rglob("*"))
    dialog = open_dialog(qtbot, session, runner, record_id, ui_language="en")
    wait_built(qtbot, dialog)
    dialog.set_language("ru")
    wait_built(qtbot, dialog)
    assert set(scratch.rglob("*")) == before


@pytest.mark.slow
def test_the_dialog_speaks_azerbaijani_and_russian(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner
) -> None:
    record_id = S.sealed(session, S.english("language"))
    try:
        Translations().apply("az")
        dialog = open_dialog(qtbot, session, runner, record_id, ui_language="az")
        wait_built(qtbot, dialog)
        pages = dialog.page_count()
        assert dialog.windowTitle() == "Bəyanat"
        assert dialog.save_button.text() == "&Saxla…"
        assert dialog.pages_label.text() == f"{pages} səhifə"
        assert dialog.seal_label.text().startswith("Möhürlənmiş versiya 1.")

        Translations().apply("ru")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        assert dialog.windowTitle() == "Заявление"
        assert dialog.variant_combo.itemText(1).startswith("Обезличенное")
        forms = {f"{pages} страница", f"{pages} страницы", f"{pages} страниц"}
        assert dialog.pages_label.text() in forms
        assert "SHA-256 запечатанного содержимого" in dialog.seal_label.text()
        # The statement itself stays in the language chosen for it, not the interface's.
        assert dialog.language == "en"
    finally:
        Translations().apply("en")


# -- consent governs the default; the redaction is reviewed before it is saved ----------------


@pytest.mark.slow
def test_name_consent_no_opens_on_the_redacted_variant_with_a_banner(
    qtbot: QtBot,
    session: VaultSession,
    runner: TaskRunner,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    record_id = S.sealed(session, S.azerbaijani("consent-no", name_may_appear=False))
    dialog = open_dialog(qtbot, session, runner, record_id, ui_language="en")
    assert not dialog.variant_combo.isEnabled()  # until the consent is known
    wait_built(qtbot, dialog)
    assert dialog.redacted
    assert present(dialog.statement).options.redacted
    assert WITNESS_AZ not in pdf_text(present(dialog.statement).pdf)
    assert dialog.consent_banner.isVisible()
    assert "did not agree to their name appearing" in dialog.consent_banner.text()

    # The full statement asks for a reason; cancelling stays on the redacted one.
    scripted_prompts.queue("ask_text", None)
    dialog.set_redacted(False)
    assert dialog.redacted
    assert not dialog.busy
    assert "did not agree" in scripted_prompts.shown[-1].text

    scripted_prompts.queue("ask_text", "Məhkəmə üçün imzalanacaq nüsxə")
    with qtbot.waitSignal(dialog.built, timeout=30000):
        dialog.set_redacted(False)
    assert not present(dialog.statement).options.redacted
    assert WITNESS_AZ in pdf_text(present(dialog.statement).pdf)
    assert "Məhkəmə üçün" in dialog.consent_banner.text()

    target = tmp_path / "named.pdf"
    scripted_prompts.queue("save_path", str(target))
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        dialog.save()
    assert target.read_bytes() == present(dialog.statement).pdf
    actions = [e.action for e in session.testimonies.history(record_id)]
    assert actions[-1] == "named-statement"


@pytest.mark.slow
def test_name_consent_yes_opens_on_the_full_statement_without_a_banner(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner
) -> None:
    record_id = S.sealed(session, S.azerbaijani("consent-yes"))
    dialog = open_dialog(qtbot, session, runner, record_id, ui_language="en")
    wait_built(qtbot, dialog)
    assert not dialog.redacted
    assert not dialog.consent_banner.isVisible()
    assert WITNESS_AZ in pdf_text(present(dialog.statement).pdf)


@pytest.mark.slow
def test_the_review_lists_the_replacements_and_its_choices_are_saved(
    qtbot: QtBot,
    session: VaultSession,
    runner: TaskRunner,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    t = S.azerbaijani("review", name_may_appear=False)
    t.witness.name = "Azad Məmmədov"
    t.narrative.text = ("Avqustda azad olundum. Sonra Azad Məmmədovu yenə çağırdılar.\n\n"
                        "Kiçik qardaşım da gəldi.")
    record_id = S.sealed(session, t)
    dialog = open_dialog(qtbot, session, runner, record_id, ui_language="en")
    wait_built(qtbot, dialog)
    previewed = present(dialog.statement).pdf
    target = tmp_path / "review.pdf"
    scripted_prompts.queue("save_path", str(target))
    with qtbot.waitSignal(dialog.review_opened, timeout=30000) as opened:
        dialog.save()
    review = opened.args[0]
    assert review.isVisible()
    # Every replacement in its context, and the doubtful word kept, listed first.
    doubtful = review.row_of("azad", where="narrative.text")
    named = review.row_of("Azad Məmmədovu", where="narrative.text")
    assert doubtful == 0
    assert named > 0
    assert not review.is_hidden(doubtful)
    assert review.is_hidden(named)
    context = review.table.item(named, 1).text()
    assert "Sonra «Azad Məmmədovu» yenə" in context
    assert "ordinary word" in review.table.item(doubtful, 3).text()
    assert "1 doubtful kept" in review.summary.text()

    # Hide one more word: looked up again off the GUI thread, then listed.
    review.term_edit.setText("Kiçik")
    with qtbot.waitSignal(review.rescanned, timeout=30000):
        review.term_button.click()
    added = review.row_of("Kiçik", where="narrative.text")
    assert added >= 0
    assert review.is_hidden(added)
    review.set_hidden(doubtful, True)   # the interviewer hides the doubtful word after all

    with qtbot.waitSignal(dialog.saved, timeout=30000):
        review.accept_button.click()
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "Kiçik" not in text
    assert "azad olundum" not in text
    assert target.read_bytes() != previewed
    stored = session.statements.stored_review(record_id, 1)
    assert stored.hide_terms == ("Kiçik",)
    assert [c.text for c in stored.hide] == ["azad"]
    # The preview is rebuilt with the stored choices: the file is what is on screen.
    qtbot.waitUntil(lambda: dialog.statement is not None and not dialog.busy
                    and present(dialog.statement).pdf == target.read_bytes(), timeout=30000)
