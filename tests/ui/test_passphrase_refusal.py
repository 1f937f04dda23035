"""The window refuses the passphrases people reach for first, with the real strength meter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from testimony_app.services.vault import generate_passphrase, passphrase_strength
from testimony_app.ui.create_vault_page import CreateVaultPage
from testimony_app.ui.dialogs import ChangePassphraseDialog

pytestmark = pytest.mark.gui

WEAK = ["P@ssw0rd!P@ssw0rd!", "Password123!"]


@pytest.mark.slow
@pytest.mark.parametrize("weak", WEAK)
def test_create_page_refuses_common_patterns(
    qtbot: Any, tmp_path: Path, type_text: Any, weak: str
) -> None:
    page = CreateVaultPage(tmp_path / "vault", strength=passphrase_strength,
                           generate=generate_passphrase)
    qtbot.addWidget(page)
    page.show()
    type_text(page.passphrase, weak)
    type_text(page.confirm, weak)
    assert not page.create_button.isEnabled()
    assert "weak" in page.meter.hint.text().lower()
    page.clear()
    type_text(page.passphrase, "Şəki gecəsi çox uzun idi")
    type_text(page.confirm, "Şəki gecəsi çox uzun idi")
    assert page.create_button.isEnabled()


@pytest.mark.slow
@pytest.mark.parametrize("weak", WEAK)
def test_change_dialog_refuses_common_patterns(qtbot: Any, type_text: Any, weak: str) -> None:
    dialog = ChangePassphraseDialog(passphrase_strength)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.old, "the old one")
    type_text(dialog.new, weak)
    type_text(dialog.confirm, weak)
    assert not dialog.ok_button.isEnabled()
