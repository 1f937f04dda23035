"""Import receipt…: a real signed receipt acknowledged off the GUI thread, then the purge.

A real device vault exports a real bundle, a real organisation vault imports it and signs the
receipt (``services.organisation``); the dialog checks it against the pinned key. Nothing is
mocked; the file choice and the confirmation come from ``ScriptedPrompts``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from testimony_app.domain.model import Status
from testimony_app.services import organisation
from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.ui.i18n import Translations
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.receipt_dialog import ReceiptDialog
from testimony_app.ui.tasks import TaskRunner
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)
from testkit.qt import MakeWindow, TypeText, present

pytestmark = [pytest.mark.gui, pytest.mark.slow]


WITNESS = "Nemət Məhərrəmov"


@dataclasses.dataclass
class Exchange:
    """A device that exported one bundle, and the organisation that imported it."""

    root: Path
    org: organisation.OrgKeygenResult
    device: VaultSession
    org_vault: VaultSession
    bundle: Path
    full: str
    redacted: str

    def receipt(self, name: str = "receipt.txt") -> Path:
        return organisation.receipt(
            self.org_vault, self.bundle, self.org.paths[0], self.org.paths[1], self.root / name
        )


@pytest.fixture
def exchange(tmp_path: Path) -> Iterator[Exchange]:
    org = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    S.enrol(device, org)
    full = S.sealed(device, S.azerbaijani("full"), backup=True)
    # The witness's name may not appear: the organisation gets only the redacted record, so the
    # laptop keeps the complete one even after the receipt.
    redacted = S.sealed(device, S.english("hidden", name_may_appear=False), backup=True)
    report = device.bundles.export(tmp_path / "bundle.age")
    org_vault = S.new_vault(tmp_path / "org-vault")
    S.register(org_vault, device)
    organisation.import_bundle(org_vault, report.path, org.paths[0])
    yield Exchange(tmp_path, org, device, org_vault, report.path, full, redacted)
    for session in (device, org_vault):
        if session.is_open:
            session.lock()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle(60000)
    task_runner.shutdown()


def list_texts(widget: QListWidget) -> list[str]:
    return [present(widget.item(i)).text() for i in range(widget.count())]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The English translator: it holds the plural forms ("1 testimony", "2 testimonies")."""
    Translations().apply("en")
    yield
    Translations().apply("en")


def make_dialog(qtbot: QtBot, session: VaultSession, runner: TaskRunner) -> ReceiptDialog:
    dialog = ReceiptDialog(lambda: session, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def records(dialog: ReceiptDialog) -> dict[str, tuple[str, str]]:
    """``{record id: (state, text)}`` of the dialog's list."""
    found = {}
    for i in range(dialog.records_list.count()):
        item = dialog.records_list.item(i)
        found[item.data(Qt.ItemDataRole.UserRole)] = (
            item.data(Qt.ItemDataRole.UserRole + 1),
            item.text(),
        )
    return found


def _changed(dialog: ReceiptDialog, record_id: str, before: str) -> bool:
    return records(dialog)[record_id][1] != before


def test_receipt_says_what_became_of_each_record_and_why(
    qtbot: QtBot, exchange: Exchange, runner: TaskRunner, scripted_prompts: ScriptedPrompts
) -> None:
    device = exchange.device
    device.testimonies.begin_amendment(exchange.full, "bir əlavə")  # an amendment open
    drafted = exchange.full
    receipt = exchange.receipt()
    dialog = make_dialog(qtbot, device, runner)
    scripted_prompts.queue("open_paths", [str(receipt)])
    with qtbot.waitSignal(dialog.acknowledged, timeout=30000) as acknowledged:
        assert dialog.choose_receipt()
        assert dialog.working  # checked on the task runner, not here
        assert dialog.pages.currentIndex() == ReceiptDialog.PAGE_BUSY
    assert acknowledged.args == [1]  # the complete one; the redacted copy is not acknowledged
    assert dialog.pages.currentIndex() == ReceiptDialog.PAGE_RESULT
    assert "genuine" in dialog.summary.text()
    shown = records(dialog)
    assert set(shown) == {exchange.full, exchange.redacted}
    state, text = shown[exchange.redacted]
    assert state == "kept"
    assert "without the witness's identity" in text
    assert "What to do: Keep it here until the complete record" in text
    state, text = shown[drafted]
    assert state == "kept"
    assert "amendment of it is open" in text
    assert "What to do: Seal the amendment" in text
    assert WITNESS not in "\n".join(t for _, t in shown.values())
    assert not dialog.purge_button.isVisible()  # nothing may be purged yet
    assert scripted_prompts.texts("error") == []

    # Sealing the amendment does not make the old receipt cover it: the new version was
    # never sent, so the record stays, and the dialog says what to do.
    device.testimonies.seal(drafted, backup=False)
    with qtbot.waitSignal(dialog.acknowledged, timeout=30000):
        dialog.acknowledge(receipt)
    state, text = records(dialog)[drafted]
    assert state == "kept"
    assert "not been acknowledged" in text
    assert "What to do: Export that version" in text


def test_receipt_then_purge_keeps_only_what_must_stay(
    qtbot: QtBot, exchange: Exchange, runner: TaskRunner, scripted_prompts: ScriptedPrompts
) -> None:
    device = exchange.device
    receipt = exchange.receipt()
    dialog = make_dialog(qtbot, device, runner)
    scripted_prompts.queue("open_paths", [str(receipt)])
    with qtbot.waitSignal(dialog.acknowledged, timeout=30000):
        assert dialog.choose_receipt()
    statuses = {s.id: s.status for s in device.testimonies.list()}
    assert statuses == {exchange.full: Status.ACKNOWLEDGED, exchange.redacted: Status.EXPORTED}
    shown = records(dialog)
    assert shown[exchange.full][0] == "purgeable"
    assert "can be purged" in shown[exchange.full][1]
    assert shown[exchange.redacted][0] == "kept"
    assert dialog.purge_note.isVisible()
    assert "id" in dialog.purge_note.text()
    assert "hashes" in dialog.purge_note.text()
    assert dialog.purge_button.isVisible()
    assert dialog.purge_button.isEnabled()
    assert "1 testimony " in dialog.purge_button.text()  # the redacted-only one must stay

    # The safe answer first: nothing is deleted.
    scripted_prompts.queue("confirm", False)
    QTest.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert not dialog.working
    assert not device.bundles.is_purged(exchange.full)
    confirm = scripted_prompts.shown[-1]
    assert confirm.kind == "confirm"
    assert "cannot be undone" in confirm.text

    scripted_prompts.queue("confirm", True)
    with qtbot.waitSignal(dialog.purged, timeout=60000) as purged:
        QTest.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
        assert dialog.working
    assert purged.args == [1]
    assert device.bundles.is_purged(exchange.full)
    assert not device.bundles.is_purged(exchange.redacted)
    shown = records(dialog)
    assert shown[exchange.full][0] == "purged"
    assert "id and hashes stay" in shown[exchange.full][1]
    assert shown[exchange.redacted][0] == "kept"
    assert "complete original" in shown[exchange.redacted][1]
    assert "1 testimony deleted" in dialog.purge_result.text()
    # What stays: the id and the hashes, not the content.
    info = device.testimonies.info(exchange.full)
    assert info.versions[-1].content_sha256
    assert exchange.full in {s.id for s in device.testimonies.list()}
    with pytest.raises(Exception, match="deleted"):
        device.testimonies.get(exchange.full)
    # The redacted-only record cannot be purged; nothing is left to offer.
    assert not dialog.purge_button.isVisible()
    assert scripted_prompts.texts("error") == []


def test_the_record_list_is_translated(
    qtbot: QtBot, exchange: Exchange, runner: TaskRunner, scripted_prompts: ScriptedPrompts
) -> None:
    receipt = exchange.receipt()
    dialog = make_dialog(qtbot, exchange.device, runner)
    scripted_prompts.queue("open_paths", [str(receipt)])
    with qtbot.waitSignal(dialog.acknowledged, timeout=30000):
        assert dialog.choose_receipt()
    shown = records(dialog)[exchange.redacted][1]
    # The kept record: why (the services catalogue's receipt.fate_redacted_only) and what to do
    # (receipt.action_keep), in the interface language, the same words the command line says.
    said = {
        "az": (
            "Təşkilat yalnız şahidin şəxsiyyəti göstərilməyən nüsxəni alıb, ona görə də tam "
            "əsli bu noutbukda qalır.",
            "Nə etməli: Tam qeyd təşkilatla razılaşdırılmış başqa yolla ona çatana qədər onu "
            "burada saxlayın.",
        ),
        "ru": (
            "Организация получила только копию без данных о личности свидетеля, поэтому "
            "полный оригинал остаётся на этом ноутбуке.",
            "Что делать: Храните его здесь, пока полная запись не попадёт в организацию "
            "другим, согласованным с ней путём.",
        ),
    }
    for code, (why, action) in said.items():
        Translations().apply(code)
        before = shown
        qtbot.waitUntil(partial(_changed, dialog, exchange.redacted, before), timeout=5000)
        shown = records(dialog)[exchange.redacted][1]
        assert exchange.redacted[:8] in shown
        assert shown.splitlines()[1:] == [why, action]
        assert "What to do" not in shown
        # One version: "versiya 1", "версия 1" (it said "versiya(lar) 1", "версия(и) 1").
        head = shown.splitlines()[0]
        assert head.endswith(
            {"az": ", versiya 1: bu noutbukda SAXLANILIR",
             "ru": ", версия 1: ОСТАЁТСЯ на этом ноутбуке"}[code]
        ), head
        assert "(" not in head.rsplit(")", 1)[1]
    # And the question before a purge speaks of one testimony as one ("O", not "Onlar").
    Translations().apply("az")
    one = QCoreApplication.translate("ReceiptDialog", _PURGE_QUESTION, "", 1)
    assert one == (
        "1 ifadənin məzmunu bu noutbukdan silinsin? O, təşkilatdadır. Burada yalnız onun "
        "identifikatoru və həşləri qalır; bunu geri qaytarmaq olmaz."
    )
    assert "Onlar təşkilatdadır" in QCoreApplication.translate(
        "ReceiptDialog", _PURGE_QUESTION, "", 2
    )
    Translations().apply("en")
    assert QCoreApplication.translate("ReceiptDialog", "%1, version(s) %2: %3", "", 2) == (
        "%1, versions %2: %3"
    )


_PURGE_QUESTION = (
    "Delete the content of %n testimony(ies) from this laptop? The organisation holds them. "
    "Only their ids and hashes stay here, and this cannot be undone."
)


def test_a_receipt_signed_by_another_key_is_refused_in_one_sentence(
    qtbot: QtBot,
    exchange: Exchange,
    runner: TaskRunner,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    other = S.org_keys(tmp_path / "impostor")
    forged = organisation.receipt(
        exchange.org_vault,
        exchange.bundle,
        exchange.org.paths[0],
        other.paths[1],
        tmp_path / "forged.txt",
    )
    dialog = make_dialog(qtbot, exchange.device, runner)
    scripted_prompts.queue("open_paths", [str(forged)])
    assert dialog.choose_receipt()
    assert runner.wait_idle(30000)
    errors = scripted_prompts.texts("error")
    assert errors == ["The receipt was not signed by the organisation's key."]
    assert dialog.acknowledgement is None
    assert not dialog.purge_button.isVisible()
    statuses = {s.status for s in exchange.device.testimonies.list()}
    assert statuses == {Status.EXPORTED}


def test_choosing_no_file_does_nothing(
    qtbot: QtBot, exchange: Exchange, runner: TaskRunner, scripted_prompts: ScriptedPrompts
) -> None:
    dialog = make_dialog(qtbot, exchange.device, runner)
    scripted_prompts.queue("open_paths", [])
    assert not dialog.choose_receipt()
    assert not dialog.working
    assert runner.pending == 0


def test_import_receipt_action_from_the_window(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
) -> None:
    passphrase = S.passphrase()
    org = S.org_keys(tmp_path / "org")
    device = create_vault(tmp_path / "vault", passphrase, kdf="test")
    S.enrol(device, org)
    record_id = S.sealed(device, S.english("window"))
    report = device.bundles.export(tmp_path / "bundle.age")
    org_vault = S.new_vault(tmp_path / "org-vault")
    S.register(org_vault, device)
    device.lock()
    organisation.import_bundle(org_vault, report.path, org.paths[0])
    receipt = organisation.receipt(
        org_vault, report.path, org.paths[0], org.paths[1], tmp_path / "receipt.txt"
    )
    org_vault.lock()

    window = make_window()
    type_text(window.unlock_page.passphrase, passphrase)
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle(20000)

    # Cancelled file choice: no dialog stays behind.
    scripted_prompts.queue("open_paths", [])
    present(window.findChild(QAction, "actionImportReceipt")).trigger()
    qtbot.waitUntil(lambda: not window.findChildren(ReceiptDialog), timeout=5000)

    # From the editor, with the testimony open.
    with qtbot.waitSignal(window.editor.opened, timeout=10000):
        window.open_record(record_id)
    assert window.pages.currentWidget() is window.editor
    scripted_prompts.queue("open_paths", [str(receipt)])
    present(window.findChild(QAction, "actionImportReceipt")).trigger()
    dialog = window.findChild(ReceiptDialog)
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.acknowledgement is not None, timeout=30000)
    assert window.runner.wait_idle(20000)
    session = window.session()
    assert session is not None
    assert session.testimonies.info(record_id).status == Status.ACKNOWLEDGED
    assert window.pages.currentWidget() is window.editor

    # Purged while it is open: the editor lets go of it; the list shows it acknowledged.
    scripted_prompts.queue("confirm", True)
    with qtbot.waitSignal(dialog.purged, timeout=60000):
        dialog.purge()
    assert window.runner.wait_idle(20000)
    assert window.pages.currentWidget() is window.list_page
    assert window.current_record is None
    assert session.bundles.is_purged(record_id)
    qtbot.waitUntil(
        lambda: (
            window.list_page.model.rowCount() == 1
            and "Acknowledged" in str(window.list_page.proxy.index(0, 0).data())
        ),
        timeout=10000,
    )
    assert scripted_prompts.texts("error") == []
