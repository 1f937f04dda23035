"""Statement…: "Sign with this laptop's key" — offered for sealed versions only; the file saved
starts with exactly the previewed bytes and checks with ``verify_statement``. Real vaults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from testimony_app.services.statement_signing import verify_statement
from testimony_app.services.vault import VaultSession
from testimony_app.ui.i18n import Translations
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.statement_dialog import StatementDialog
from testimony_app.ui.tasks import TaskRunner
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)
from testkit.pdf_checks import label

pytestmark = pytest.mark.gui


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
    task_runner.wait_idle(30000)
    task_runner.shutdown()


def _open(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner, record_id: str
) -> StatementDialog:
    dialog = StatementDialog(lambda: session, runner, record_id, ui_language="en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.statement is not None and not dialog.busy, timeout=30000)
    return dialog


@pytest.mark.slow
def test_a_sealed_statement_is_saved_signed_and_verifies(
    qtbot: QtBot,
    session: VaultSession,
    runner: TaskRunner,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    record_id = S.sealed(session, S.azerbaijani("imza"))
    dialog = _open(qtbot, session, runner, record_id)
    assert dialog.sign_check.isEnabled()
    assert not dialog.sign_check.isChecked()  # signing names the laptop: the user asks for it
    assert "paper" in dialog.sign_check.toolTip()
    shown = dialog.statement
    assert shown is not None

    QTest.mouseClick(dialog.sign_check, Qt.MouseButton.LeftButton)
    assert dialog.sign_check.isChecked()
    target = tmp_path / "signed.pdf"
    scripted_prompts.queue("save_path", str(target))
    with qtbot.waitSignal(dialog.saved, timeout=60000) as saved:
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    suggested = scripted_prompts.shown[-1].text
    assert suggested == f"statement-{record_id[:8]}-v1-az-signed.pdf"
    data = target.read_bytes()
    assert data.startswith(shown.pdf)  # the preview, byte for byte, then the signature
    assert len(data) > len(shown.pdf)
    report = verify_statement(target)
    assert report.ok, report.problems
    assert report.unsigned_length == len(shown.pdf)
    assert report.signatures[0].device_fingerprint == session.bundles.device_fingerprint()
    assert saved.args[0] == report.sha256
    assert dialog.saved_label.text().startswith("Saved and signed.")
    assert scripted_prompts.texts("error") == []

    # Unticked: the plain statement, as before.
    QTest.mouseClick(dialog.sign_check, Qt.MouseButton.LeftButton)
    plain = tmp_path / "plain.pdf"
    scripted_prompts.queue("save_path", str(plain))
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        dialog.save()
    assert plain.read_bytes() == shown.pdf
    assert dialog.saved_label.text().startswith("Saved. ")


@pytest.mark.slow
def test_a_draft_offers_no_signature(
    qtbot: QtBot,
    session: VaultSession,
    runner: TaskRunner,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    record_id = S.sealed(session, S.english("draft"))
    session.testimonies.begin_amendment(record_id, "Corrected a date")
    dialog = _open(qtbot, session, runner, record_id)
    assert dialog.statement is not None
    assert not dialog.statement.sealed
    assert not dialog.sign_check.isEnabled()
    assert not dialog.sign_check.isChecked()
    # Sealed version 1: offered; back to the draft: withdrawn and unticked.
    with qtbot.waitSignal(dialog.built, timeout=30000):
        dialog.version_combo.setCurrentIndex(dialog.version_combo.findData(1))
    assert dialog.sign_check.isEnabled()
    dialog.sign_check.setChecked(True)
    with qtbot.waitSignal(dialog.built, timeout=30000):
        dialog.version_combo.setCurrentIndex(dialog.version_combo.findData(2))
    assert not dialog.sign_check.isEnabled()
    assert not dialog.sign_check.isChecked()
    # Saving the draft writes the unsigned draft, never a signed one.
    target = tmp_path / "draft.pdf"
    scripted_prompts.queue("save_path", str(target))
    with qtbot.waitSignal(dialog.saved, timeout=30000):
        dialog.save()
    assert b"/ByteRange" not in target.read_bytes()


@pytest.mark.slow
def test_the_checkbox_speaks_azerbaijani_and_russian(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner
) -> None:
    record_id = S.sealed(session, S.english("dil"))
    try:
        Translations().apply("az")
        dialog = _open(qtbot, session, runner, record_id)
        assert dialog.sign_check.text().replace("&", "") == "Bu noutbukun açarı ilə imzala"
        assert "Kağız üzərindəki imzaları" in dialog.sign_check.toolTip()
        Translations().apply("ru")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        assert dialog.sign_check.text().replace("&", "") == "Подписать ключом этого ноутбука"
        assert "бумаге" in dialog.sign_check.toolTip()
    finally:
        Translations().apply("en")


@pytest.mark.slow
def test_the_attestation_block_is_off_by_default_and_saved_as_previewed(
    qtbot: QtBot,
    session: VaultSession,
    runner: TaskRunner,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    """The block for an authorised person who attests the signature (ICTY Rule 92 bis, ICC
    Rule 68): offered in the window as on the command line (--attestation), off unless asked."""
    import io

    import pypdf

    def text(data: bytes) -> str:
        return " ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)

    record_id = S.sealed(session, S.azerbaijani("attest", name_may_appear=True))
    dialog = _open(qtbot, session, runner, record_id)
    assert not dialog.attestation_check.isChecked()
    plain = dialog.statement
    assert plain is not None
    heading = label("s_attestation", "az")  # "Təsdiqləmə": the statement is in Azerbaijani
    assert heading not in text(plain.pdf)
    with qtbot.waitSignal(dialog.built, timeout=60000):
        QTest.mouseClick(dialog.attestation_check, Qt.MouseButton.LeftButton)
    shown = dialog.statement
    assert shown is not None
    assert shown.options.attestation
    assert heading in text(shown.pdf)
    target = tmp_path / "attested.pdf"
    scripted_prompts.queue("save_path", str(target))
    with qtbot.waitSignal(dialog.saved, timeout=60000):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == shown.pdf  # exactly what was previewed, block included
    expected = session.statements.build(record_id, language="az", attestation=True)
    assert target.read_bytes() == expected
