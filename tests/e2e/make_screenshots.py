"""Take the README and guide screenshots of the window under Xvfb (not a test; run by hand).

    Xvfb :99 -screen 0 1024x768x24 &
    DISPLAY=:99 .venv/bin/python tests/e2e/make_screenshots.py

At 1024×768, the size of a small laptop the window must fit (GUI review D1). It builds the
demo vault (fictional testimonies, cheap test KDF) in a temporary directory, an organisation
to export to and registry links, then captures the screen with Qt at each step: create,
unlock, the list (English, Azerbaijani), search, the editor (consent, narrative, acts, body
outline, attachments, review), the statement preview, the export, the registry, the guide,
and the Russian unlock page. PNGs land in ``docs/screenshots/`` (the statement's page images,
``statement-page*.png``, are made from the PDF by the statement's own script).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

import testimony_app.ui  # noqa: F401 -- the None/True reference guard first

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTH, HEIGHT = 1024, 768


def settle(ms: int = 400) -> None:
    """Let Qt paint (and the task runner deliver) before a capture."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(name: str, ms: int = 600) -> None:
    """The whole screen (dialogs included), as the user sees it."""
    settle(ms)
    path = OUT / f"{name}.png"
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, 0, 0, WIDTH, HEIGHT).save(str(path))
    # Modest size for the README: a 256-colour palette (Pillow comes with ReportLab).
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(256, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    print(path)


def top_level(name: str) -> QWidget | None:
    """A visible window or dialog by object name."""
    return next(
        (w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()),
        None,
    )


def registry_vault(path: Path, passphrase: str) -> None:
    """A second vault: one (fictional) officer named in three scripts by two witnesses,
    linked in the registry, for the corroboration screenshot."""
    from testimony_app.domain.model import Act, Consent, Perpetrator, Testimony, Witness
    from testimony_app.services.vault import create_vault

    def testimony(witness: str, perp: str, rank: str, date: str, methods: list[str],
                  place: str) -> Testimony:
        return Testimony(
            title="Demo", fictional=True, witness=Witness(name=witness),
            consent=Consent(legal_proceedings=True, name_may_appear=False,
                            informed_of_purpose=True, no_coercion_confirmed=True),
            acts=[Act(date=date, place=place, methods=methods, description=f"{perp}.",
                      perpetrators=[Perpetrator(name=perp, rank=rank, unit="Q-903")])],
        )

    session = create_vault(path, passphrase, kdf="test")
    records = [
        session.testimonies.create(testimony(
            "Orxan Səfərli", "Elçin Həsənov", "kapitan", "2017-05-18", ["falanga", "beating"],
            "Q-903 hərbi hissəsi, Tərtər")),
        session.testimonies.create(testimony(
            "Кирилл Абасов", "Гасанов", "капитан", "2017-05-21", ["falanga", "electric_shock"],
            "Часть Q-903, подвал")),
        session.testimonies.create(testimony(
            "Kirill Abasov", "Capt. Hasanov", "", "2017-05-23", ["electric_shock"],
            "Unit Q-903, basement")),
    ]
    for record in records:
        session.testimonies.seal(record, backup=False)
    perp = "acts[0].perpetrators[0]"
    entry = session.registry.link(records[0], perp, new_entry=True).entry_id
    for record in records[1:]:
        session.registry.link(record, perp, entry)
    session.lock()


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("run under Xvfb at 1024x768 (see the docstring)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0], "-platform", "xcb"])
    from testimony_app.services import organisation
    from testimony_app.services.demo import DEMO_PASSPHRASE, build_demo_vault
    from testimony_app.ui.editor_sections import EffectsPage
    from testimony_app.ui.i18n import UiPreferences
    from testimony_app.ui.main_window import MainWindow
    from testimony_app.ui.prompts import ScriptedPrompts

    QCoreApplication.setApplicationName("Testimony")
    tmp = Path(tempfile.mkdtemp(prefix="testimony-shots-"))
    prefs = UiPreferences(tmp / "ui.ini")
    prompts = ScriptedPrompts()

    # 1. First run.
    fresh = MainWindow(tmp / "new-vault", prompts=prompts, preferences=prefs, watch_sleep=False)
    fresh.setGeometry(0, 0, WIDTH, HEIGHT)
    fresh.show()
    fresh.create_page.fill_generated()
    shoot("create-vault")
    fresh.close()

    # 2. The demo vault, an organisation to export to, registry links.
    session = build_demo_vault(tmp / "demo-vault", kdf="test")
    keys = organisation.org_keygen(tmp / "org-keys")
    session.bundles.enrol([keys.recipient], keys.signing_public_key, "Demo Rights Centre",
                          confirmed=True)
    session.lock()
    registry_vault(tmp / "registry-vault", DEMO_PASSPHRASE)
    window = MainWindow(
        tmp / "demo-vault",
        prompts=prompts,
        preferences=prefs,
        demo_passphrase=DEMO_PASSPHRASE,
        watch_sleep=False,
    )
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()
    shoot("unlock")
    window.unlock_page.unlock_button.click()
    window.runner.wait_idle(20000)
    settle(600)
    window.list_page.table.selectRow(1)
    shoot("testimony-list")
    window.list_page.search_box.setText("seferli")
    window.runner.wait_idle(5000)
    settle(600)
    shoot("testimony-search")
    window.list_page.search_box.setText("")
    window.runner.wait_idle(5000)

    # 3. The editor on a sealed demo testimony.
    settle(300)
    window.list_page.table.selectRow(4)
    record = window.list_page.selected_id()
    assert record, "no row selected"
    window.open_record(record)
    window.runner.wait_idle(5000)
    settle(600)
    editor = window.editor
    for section, name in (
        ("consent", "editor-consent"),
        ("narrative", "editor-narrative"),
        ("acts", "editor-acts"),
        ("attachments", "editor-attachments"),
        ("review", "editor-review"),
    ):
        editor.show_section(section)
        shoot(name)
    editor.show_section("effects")
    effects = editor.page("effects")
    assert isinstance(effects, EffectsPage)
    effects.ensureWidgetVisible(effects.body_marks, 0, 0)
    effects.verticalScrollBar().setValue(effects.verticalScrollBar().maximum())
    shoot("editor-body-outline")

    # 4. Its statement, then back to the list.
    window.dialogs.statement()
    window.runner.wait_idle(20000)
    shoot("statement-preview", 1500)
    dialog = top_level("statementDialog")
    if dialog is not None:
        dialog.close()
    window.back_to_list()
    window.runner.wait_idle(5000)

    # 5. Export and the guide.
    window.dialogs.export()
    window.runner.wait_idle(5000)
    shoot("export", 900)
    dialog = top_level("exportDialog")
    if dialog is not None:
        dialog.close()
    window.help.show_guide()
    shoot("guide")
    guide = top_level("guideViewer")
    if guide is not None:
        guide.close()

    # 6. The registry, in the second vault (Vault → Open vault…).
    window.switch_vault(tmp / "registry-vault")
    window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_page.unlock_button.click()
    window.runner.wait_idle(20000)
    settle(600)
    registry = window.dialogs.registry()
    window.runner.wait_idle(10000)
    settle(900)
    if registry is not None:
        registry.setGeometry(0, 0, WIDTH, HEIGHT)
        registry.entries_pane.entries.selectRow(0)
        window.runner.wait_idle(10000)
        shoot("registry", 1200)
        registry.close()
    window.switch_vault(tmp / "demo-vault")
    window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_page.unlock_button.click()
    window.runner.wait_idle(20000)
    settle(600)

    # 7. Other languages.
    window.set_language("az")
    window.runner.wait_idle(5000)
    settle(600)
    shoot("testimony-list-az")
    window.set_language("ru")
    window.lock_triggers.panic_lock()  # as Ctrl+Shift+L does
    shoot("unlock-ru")
    window.set_language("en")
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
