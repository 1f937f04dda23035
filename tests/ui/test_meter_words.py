"""The passphrase meter in the window speaks the interface's language, zxcvbn's remark included.

zxcvbn words its feedback in English; the service maps it to message codes and the meter says
them through the gettext catalogues, so an Azerbaijani or Russian interviewer reads why a
passphrase is weak in their own language.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from testimony_app.services.vault import generate_passphrase, passphrase_strength
from testimony_app.ui.create_vault_page import CreateVaultPage
from testimony_app.ui.dialogs import ChangePassphraseDialog
from testimony_app.ui.i18n import Translations

pytestmark = pytest.mark.gui


@pytest.fixture
def translations() -> Iterator[Translations]:
    applied = Translations()
    yield applied
    applied.apply("en")


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("az", "Çox zəifdir: bir neçə təsadüfi söz işlədin. Tarixləri çox vaxt asanlıqla tapmaq"
               " olur."),
        ("ru", "Слишком слабая: используйте несколько случайных слов. Даты часто легко угадать."),
        ("en", "Far too weak: use several random words. Dates are often easy to guess."),
    ],
)
def test_the_create_page_says_what_zxcvbn_saw_in_the_interface_language(
    qtbot: Any, tmp_path: Path, type_text: Any, translations: Translations, lang: str, hint: str
) -> None:
    translations.apply(lang)
    page = CreateVaultPage(tmp_path / "vault", strength=passphrase_strength,
                           generate=generate_passphrase)
    qtbot.addWidget(page)
    page.show()
    type_text(page.passphrase, "12/05/1987")
    qtbot.waitUntil(lambda: page.meter.hint.text() == hint, timeout=3000)
    assert page.meter.score == 0


def test_the_change_dialog_says_good_in_russian(
    qtbot: Any, type_text: Any, translations: Translations
) -> None:
    translations.apply("ru")
    dialog = ChangePassphraseDialog(passphrase_strength)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.new, generate_passphrase())
    qtbot.waitUntil(lambda: dialog.meter.hint.text() == "Надёжная.", timeout=3000)
