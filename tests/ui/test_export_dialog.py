"""Export to the organisation…: enrol, choose, a real bundle with progress and cancel, withheld.

Real vaults, real organisation keys (``services.organisation.org_keygen``), the real bundle
writer and verifier; nothing is mocked. Paths and answers come from ``ScriptedPrompts``.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from testimony_app.domain.model import Status
from testimony_app.services import organisation
from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.ui.export_dialog import ExportDialog
from testimony_app.ui.i18n import Translations, format_size
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.tasks import ProgressRelay, TaskRunner
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)
from testkit.qt import MakeWindow, TypeText, present

pytestmark = pytest.mark.gui


WITNESSES = ("Nemət Məhərrəmov", "Пётр Сидоренко", "Elnur Hasanli")
RECORDING_BYTES = 6 * 1024 * 1024


@pytest.fixture
def org(tmp_path: Path) -> organisation.OrgKeygenResult:
    return S.org_keys(tmp_path)


@pytest.fixture
def device(tmp_path: Path) -> Iterator[VaultSession]:
    session = S.new_vault(tmp_path / "device")
    yield session
    if session.is_open:
        session.lock()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle(60000)
    task_runner.shutdown()


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    """Six MiB of incompressible bytes: enough for several progress reports (one per MiB)."""
    path = tmp_path / "müsahibə.flac"
    path.write_bytes(hashlib.shake_256(b"recording").digest(RECORDING_BYTES))
    return path


def make_dialog(
    qtbot: QtBot, session: VaultSession, runner: TaskRunner, **kw: Any
) -> ExportDialog:
    dialog = ExportDialog(lambda: session, runner, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.working, timeout=30000)
    return dialog


def list_texts(widget: QListWidget) -> list[str]:
    return [present(widget.item(i)).text() for i in range(widget.count())]


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.slow
def test_not_enrolled_enrols_after_the_fingerprint_is_confirmed(
    qtbot: QtBot,
    device: VaultSession,
    runner: TaskRunner,
    org: organisation.OrgKeygenResult,
    type_text: TypeText,
) -> None:
    dialog = make_dialog(qtbot, device, runner)
    assert dialog.pages.currentIndex() == ExportDialog.PAGE_ENROL
    assert "testimony-app enrol" in dialog.enrol_page.enrol_intro.text()
    assert not dialog.enrol_page.fingerprint_button.isEnabled()

    # A typing error in the recipient: one sentence, nothing pinned.
    broken = org.recipient[:-1] + ("q" if org.recipient[-1] != "q" else "p")
    dialog.enrol_page.enrol_recipients.setPlainText(broken)
    dialog.enrol_page.enrol_key.setText(org.signing_public_key)
    QTest.mouseClick(dialog.enrol_page.fingerprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.enrol_page.enrol_message.text() != "", timeout=10000)
    assert "checksum" in dialog.enrol_page.enrol_message.text()
    assert dialog.enrol_page.fingerprint.text() == ""
    assert not dialog.enrol_page.enrol_button.isEnabled()

    dialog.enrol_page.enrol_recipients.setPlainText(org.recipient)
    type_text(dialog.enrol_page.enrol_name, S.ORG_NAME)
    assert dialog.enrol_page.enrol_name.text() == S.ORG_NAME
    QTest.mouseClick(dialog.enrol_page.fingerprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.enrol_page.fingerprint.text() != "", timeout=10000)
    assert dialog.enrol_page.fingerprint.text() == org.fingerprint
    assert not dialog.enrol_page.enrol_button.isEnabled()  # not before a person confirmed it
    dialog.enrol_page.enrol_confirm.setChecked(True)
    assert dialog.enrol_page.enrol_button.isEnabled()
    # Changing what was typed withdraws the fingerprint and the confirmation.
    dialog.enrol_page.enrol_key.setText(org.signing_public_key + " ")
    dialog.enrol_page.enrol_key.setText(dialog.enrol_page.enrol_key.text().strip() + "x")
    assert dialog.enrol_page.fingerprint.text() == ""
    assert not dialog.enrol_page.enrol_confirm.isChecked()
    dialog.enrol_page.enrol_key.setText(org.signing_public_key)
    QTest.mouseClick(dialog.enrol_page.fingerprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.enrol_page.fingerprint.text() == org.fingerprint, timeout=10000)
    dialog.enrol_page.enrol_confirm.setChecked(True)

    with qtbot.waitSignal(dialog.enrolled, timeout=10000) as enrolled:
        QTest.mouseClick(dialog.enrol_page.enrol_button, Qt.MouseButton.LeftButton)
    assert enrolled.args == [org.fingerprint]
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == ExportDialog.PAGE_CHOOSE, timeout=10000)
    enrolment = device.bundles.enrolment()
    assert enrolment is not None
    assert enrolment.fingerprint == org.fingerprint
    assert enrolment.name == S.ORG_NAME
    assert org.fingerprint in dialog.choose_page.destination_label.text()
    assert device.bundles.device_fingerprint() in dialog.choose_page.device_label.text()
    assert dialog.choose_page.choose_stack.currentIndex() == 1  # nothing sealed yet
    assert not dialog.choose_page.export_button.isEnabled()


@pytest.mark.slow
def test_export_writes_a_real_bundle_with_progress_and_says_what_was_withheld(
    qtbot: QtBot,
    device: VaultSession,
    runner: TaskRunner,
    org: organisation.OrgKeygenResult,
    recording: Path,
    tmp_path: Path,
    scripted_prompts: ScriptedPrompts,
) -> None:
    S.enrol(device, org)
    sent = S.sealed(device, S.azerbaijani("sent", organisations=[S.ORG_NAME]), recording)
    refused = S.sealed(device, S.russian("refused", legal=False))
    already = S.sealed(device, S.english("already"))
    device.bundles.export(tmp_path / "earlier.age", record_ids=[already])
    assert device.testimonies.info(already).status == Status.EXPORTED

    dialog = make_dialog(qtbot, device, runner, progress_interval=0.0)
    assert dialog.pages.currentIndex() == ExportDialog.PAGE_CHOOSE
    # Only what is sealed and not yet sent; the refusal is flagged before anything is written.
    assert sorted(dialog.checked_ids()) == sorted([sent, refused])
    texts = list_texts(dialog.choose_page.candidates)
    flagged = [t for t in texts if "Will be withheld" in t]
    assert len(flagged) == 1
    assert "did not consent to legal proceedings" in flagged[0]
    for name in WITNESSES:
        assert name not in "\n".join(texts)

    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)

    out = tmp_path / "usb"
    out.mkdir()
    scripted_prompts.queue("save_path", str(out / "bundle.age"))
    heartbeat.start()
    QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == ExportDialog.PAGE_PROGRESS
    with qtbot.waitSignal(dialog.exported, timeout=60000) as exported:
        pass
    heartbeat.stop()

    # The suggested name is neutral: random hex, nothing about who is inside.
    suggested = scripted_prompts.shown[0].text
    assert suggested.endswith(".age")
    assert len(Path(suggested).stem) == 16
    bundle = out / "bundle.age"
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert exported.args == [digest]
    assert files_in(out) == ["bundle.age"]
    assert dialog.pages.currentIndex() == ExportDialog.PAGE_DONE
    assert dialog.result_page.bundle_hash.text() == digest
    # The size as the rest of the window writes it (powers of 1000, "MB"), not Qt's "MiB".
    summary = dialog.result_page.done_summary.text()
    assert f"{format_size(bundle.stat().st_size)}, in {bundle}" in summary
    assert "\u00a0MB, in " in summary
    assert "MiB" not in summary

    # Progress came from the worker thread, throttled, and the bar moved through it to the end.
    relay = dialog.progress_relay
    assert relay.calls >= 12  # one per MiB written, one per MiB read back, and the end
    assert relay.passed == relay.calls  # interval 0: nothing dropped
    assert len(set(values)) >= 5
    assert values == sorted(values)
    assert values[-1] == 1000
    # The GUI thread kept turning while the bundle was written (measured, generously bounded).
    assert gaps
    assert max(gaps) < 1.0, max(gaps)

    exported_texts = list_texts(dialog.result_page.exported_list)
    assert len(exported_texts) == 1
    assert sent[:8] in exported_texts[0]
    assert "1 attachment" in exported_texts[0]
    withheld_texts = list_texts(dialog.result_page.withheld_list)
    assert len(withheld_texts) == 1
    assert refused[:8] in withheld_texts[0]
    assert "The witness did not consent to legal proceedings." in withheld_texts[0]
    assert dialog.result_page.withheld_list.isVisible()

    statuses = {s.id: s.status for s in device.testimonies.list()}
    assert statuses[sent] == Status.EXPORTED
    assert statuses[refused] == Status.SEALED
    report = organisation.verify(bundle, org.paths[0])
    assert report.ok, report.error
    assert {r.record_id for r in report.records} == {sent}


@pytest.mark.slow
def test_cancel_mid_export_leaves_no_file(
    qtbot: QtBot,
    device: VaultSession,
    runner: TaskRunner,
    org: organisation.OrgKeygenResult,
    recording: Path,
    tmp_path: Path,
    scripted_prompts: ScriptedPrompts,
) -> None:
    S.enrol(device, org)
    record_id = S.sealed(device, S.azerbaijani("cancel"), recording)
    dialog = make_dialog(qtbot, device, runner, progress_interval=0.0)

    # Hold the worker at its first progress report until Cancel has been clicked, so the
    # cancel lands in the middle of the stream whatever the machine's speed.
    clicked = threading.Event()
    held: list[int] = []

    def hold(done: int, total: int) -> None:  # runs on the worker thread
        if not held:
            held.append(done)
            clicked.wait(20)

    dialog.progress_relay.progressed.connect(hold, Qt.ConnectionType.DirectConnection)
    out = tmp_path / "usb"
    out.mkdir()
    scripted_prompts.queue("save_path", str(out / "bundle.age"))
    QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 1000, timeout=30000)
    assert held
    assert held[0] < dialog.progress_relay.calls * (1 << 20) + 1
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    clicked.set()
    assert not dialog.cancel_button.isEnabled()
    assert "Cancelling" in dialog.progress_label.text()
    qtbot.waitUntil(lambda: not dialog.working, timeout=30000)

    assert dialog.pages.currentIndex() == ExportDialog.PAGE_CHOOSE
    assert dialog.choose_page.message.text() == "The export was cancelled; no bundle was written."
    assert files_in(out) == []  # neither the bundle nor its temporary file
    assert device.testimonies.info(record_id).status == Status.SEALED
    assert device.bundles.exports() == []
    assert scripted_prompts.texts("error") == []

    # And it can be exported afterwards.
    scripted_prompts.queue("save_path", str(out / "again.age"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    assert files_in(out) == ["again.age"]


@pytest.mark.slow
def test_only_withheld_records_means_nothing_is_written(
    qtbot: QtBot,
    device: VaultSession,
    runner: TaskRunner,
    org: organisation.OrgKeygenResult,
    tmp_path: Path,
    scripted_prompts: ScriptedPrompts,
) -> None:
    S.enrol(device, org)
    other = S.sealed(device, S.english("other", organisations=["Başqa Təşkilat"]))
    dialog = make_dialog(qtbot, device, runner)
    scripted_prompts.queue("save_path", str(tmp_path / "nothing.age"))
    QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == ExportDialog.PAGE_DONE, timeout=30000)
    assert dialog.result_page.done_summary.text() == (
        "Nothing was exported: every testimony considered was withheld."
    )
    withheld = list_texts(dialog.result_page.withheld_list)
    assert len(withheld) == 1
    assert other[:8] in withheld[0]
    assert "names other organisations than" in withheld[0]
    assert not dialog.result_page.bundle_hash.isVisible()
    assert not (tmp_path / "nothing.age").exists()


@pytest.mark.slow
def test_unticked_records_stay_and_cancelling_the_path_does_nothing(
    qtbot: QtBot,
    device: VaultSession,
    runner: TaskRunner,
    org: organisation.OrgKeygenResult,
    tmp_path: Path,
    scripted_prompts: ScriptedPrompts,
) -> None:
    S.enrol(device, org)
    first = S.sealed(device, S.english("first"))
    second = S.sealed(device, S.english("second"))
    dialog = make_dialog(qtbot, device, runner)
    scripted_prompts.queue("save_path", None)
    QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == ExportDialog.PAGE_CHOOSE
    assert not dialog.working

    QTest.mouseClick(dialog.choose_page.select_none_button, Qt.MouseButton.LeftButton)
    assert not dialog.choose_page.export_button.isEnabled()
    dialog.set_checked(second, True)
    assert dialog.checked_ids() == [second]
    scripted_prompts.queue("save_path", str(tmp_path / "one.age"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    statuses = {s.id: s.status for s in device.testimonies.list()}
    assert statuses == {first: Status.SEALED, second: Status.EXPORTED}


def test_progress_relay_throttles_but_keeps_the_first_and_the_last(qtbot: QtBot) -> None:
    relay = ProgressRelay(interval=60.0)
    seen: list[tuple[int, int]] = []
    relay.progressed.connect(lambda d, t: seen.append((d, t)))
    big = 5 * 1024**3  # more than 32 bits: byte counts travel as Python ints
    for done in range(0, big, big // 50):
        relay.report(done, big)
    relay.report(big, big)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)
    assert seen == [(0, big), (big, big)]
    assert relay.calls == 52
    assert relay.passed == 2


@pytest.mark.slow
def test_menu_actions_open_the_dialogs_and_the_lock_cancels_an_export(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
    recording: Path,
) -> None:
    passphrase = S.passphrase()
    org = S.org_keys(tmp_path / "org")
    vault = create_vault(tmp_path / "vault", passphrase, kdf="test")
    S.enrol(vault, org)
    S.sealed(vault, S.azerbaijani("window"), recording)
    vault.lock()
    window = make_window()
    type_text(window.unlock_page.passphrase, passphrase)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle(20000)

    for name in ("actionExport", "actionImportReceipt"):
        action = window.findChild(QAction, name)
        assert action is not None, name
        assert action.isEnabled(), name
        assert action in window.commands.vault_menu.actions(), name
    present(window.findChild(QAction, "actionExport")).trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == ExportDialog.PAGE_CHOOSE, timeout=20000)

    out = tmp_path / "usb"
    out.mkdir()
    scripted_prompts.queue("save_path", str(out / "bundle.age"))
    QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    window.lock()  # mid-export: the dialog closes and the export is cancelled
    assert window.runner.wait_idle(60000)
    assert files_in(out) == []
    qtbot.waitUntil(lambda: not window.findChildren(ExportDialog), timeout=5000)
    assert window.pages.currentWidget() is window.unlock_page


def test_withheld_reasons_are_shown_in_the_interface_language(qapp: QApplication) -> None:
    # qapp: the translators are installed on the application, which must exist first.
    from testimony_app import words
    from testimony_app.words import Message

    refused = Message("export.consent_refused")
    other = Message("export.consent_other_orgs", organisation="Hüquq Mərkəzi")
    try:
        Translations().apply("ru")  # the window's language is also the catalogues' language
        assert words.text(refused) == "Свидетель не дал согласия на судебное разбирательство."
        assert words.text(other) == (
            "В согласии свидетеля названы другие организации, а не Hüquq Mərkəzi."
        )
        Translations().apply("az")
        assert words.text(other) == (
            "Şahidin razılığında Hüquq Mərkəzi deyil, başqa təşkilatlar göstərilib."
        )
    finally:
        Translations().apply("en")
    assert words.text(refused) == "The witness did not consent to legal proceedings."


def test_bundle_sizes_are_written_in_the_interface_language(qapp: QApplication) -> None:
    """The export's sizes ("%1 of %2", the result) in the reader's words and decimal comma;
    Qt's formattedDataSize said "240,24 KiB" in Azerbaijani and "512 байты" in Russian."""
    try:
        Translations().apply("az")
        assert format_size(246008) == "246,0\u00a0KB"
        Translations().apply("ru")
        assert format_size(246008) == "246,0\u00a0КБ"
        assert format_size(512) == "512\u00a0Б"
        assert format_size(3_500_000) == "3,5\u00a0МБ"
    finally:
        Translations().apply("en")
    assert format_size(246008) == "246.0\u00a0kB"


@pytest.mark.slow
def test_a_record_that_goes_redacted_is_reviewed_before_the_export(
    qtbot: QtBot,
    device: VaultSession,
    runner: TaskRunner,
    org: organisation.OrgKeygenResult,
    tmp_path: Path,
    scripted_prompts: ScriptedPrompts,
) -> None:
    S.enrol(device, org)
    t = S.azerbaijani("review", name_may_appear=False)
    t.narrative.text = "Kiçik adlı bir əsgər məni apardı.\n\nNemət onda da susdu."
    hidden = S.sealed(device, t)
    plain = S.sealed(device, S.english("plain"))
    dialog = make_dialog(qtbot, device, runner)
    assert sorted(dialog.checked_ids()) == sorted([hidden, plain])

    # Cancelling the review cancels the export: nothing written, nothing stored.
    with qtbot.waitSignal(dialog.review_opened, timeout=30000) as opened:
        QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    opened.args[0].reject()
    qtbot.waitUntil(lambda: not dialog.working, timeout=10000)
    assert dialog.pages.currentIndex() == ExportDialog.PAGE_CHOOSE
    assert "cancelled" in dialog.choose_page.message.text()
    assert device.statements.stored_review(hidden, 1).empty

    out = tmp_path / "usb"
    out.mkdir()
    scripted_prompts.queue("save_path", str(out / "bundle.age"))
    with qtbot.waitSignal(dialog.review_opened, timeout=30000) as opened:
        QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    review = opened.args[0]
    doubtful = review.row_of("Nemət", where="narrative.text")
    assert doubtful == 0  # the doubtful word first, kept unless ticked
    assert not review.is_hidden(doubtful)
    assert review.row_of("Nemət Məhərrəmov") < 0 or review.is_hidden(
        review.row_of("Nemət Məhərrəmov"))
    review.set_hidden(doubtful, True)
    review.term_edit.setText("Kiçik")
    with qtbot.waitSignal(review.rescanned, timeout=30000):
        review.term_button.click()
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        review.accept_button.click()

    stored = device.statements.stored_review(hidden, 1)
    assert stored.hide_terms == ("Kiçik",)
    assert [c.text for c in stored.hide] == ["Nemət"]
    extracted = S.extract(org.paths[0], out / "bundle.age", tmp_path / "x")
    record = (extracted / f"records/{hidden}/v1/record.json").read_text(encoding="utf-8")
    assert "Kiçik" not in record
    assert "Nemət onda" not in record
    assert "[withheld] onda da susdu" in record


def test_every_version_that_goes_redacted_is_reviewed(
    qtbot: QtBot,
    device: VaultSession,
    runner: TaskRunner,
    org: organisation.OrgKeygenResult,
    tmp_path: Path,
    scripted_prompts: ScriptedPrompts,
) -> None:
    S.enrol(device, org)
    t = S.azerbaijani("versions", name_may_appear=False)
    t.narrative.text = "Kiçik adlı bir əsgər məni apardı."
    record_id = S.sealed(device, t)
    t = device.testimonies.get(record_id)
    t.narrative.text += "\n\nSonra Böyük adlı biri gəldi."
    device.testimonies.amend(record_id, t, "Şahid əlavə etdi")
    dialog = make_dialog(qtbot, device, runner)
    out = tmp_path / "usb"
    out.mkdir()
    scripted_prompts.queue("save_path", str(out / "bundle.age"))
    reviewed: list[int] = []

    def accept(review_dialog: Any) -> None:  # version 1, then version 2
        reviewed.append(review_dialog._review.version)
        review_dialog.term_edit.setText("Kiçik")
        review_dialog.rescanned.connect(review_dialog.accept_button.click)
        review_dialog.term_button.click()

    dialog.review_opened.connect(accept)
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        QTest.mouseClick(dialog.choose_page.export_button, Qt.MouseButton.LeftButton)
    assert reviewed == [1, 2]
    extracted = S.extract(org.paths[0], out / "bundle.age", tmp_path / "x")
    for number in (1, 2):
        record = (extracted / f"records/{record_id}/v{number}/record.json").read_text("utf-8")
        assert "Kiçik" not in record
