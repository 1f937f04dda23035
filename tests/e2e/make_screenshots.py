"""Take the README screenshots of the main screens under Xvfb (not a test; run by hand).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tests/e2e/make_screenshots.py

It builds the demo vault (fictional testimonies, cheap test KDF) in a temporary directory, shows
the real main window full-screen at 1280×800 and captures the X root window with ImageMagick's
``import`` at each step: create, unlock (demo passphrase shown), the list, the list in
Azerbaijani, the editor (narrative and acts). PNGs land in ``docs/screenshots/``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

import testimony_app.ui  # noqa: F401 -- the None/True reference guard first

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def settle(ms: int = 400) -> None:
    """Let Qt paint (and the task runner deliver) before a capture."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(name: str) -> None:
    settle()
    path = OUT / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    # Modest size for the README: 8-bit palette where it does not hurt.
    subprocess.run(["convert", str(path), "-strip", "-colors", "256", str(path)], check=True)
    print(path)


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("run under xvfb-run (see the docstring)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0], "-platform", "xcb"])
    from testimony_app.services.demo import DEMO_PASSPHRASE, build_demo_vault
    from testimony_app.ui.i18n import UiPreferences
    from testimony_app.ui.main_window import MainWindow
    from testimony_app.ui.prompts import ScriptedPrompts

    QCoreApplication.setApplicationName("Testimony")
    tmp = Path(tempfile.mkdtemp(prefix="testimony-shots-"))
    prefs = UiPreferences(tmp / "ui.ini")

    # 1. First run.
    fresh = MainWindow(
        tmp / "new-vault", prompts=ScriptedPrompts(), preferences=prefs, watch_sleep=False
    )
    fresh.setGeometry(0, 0, 1280, 800)
    fresh.show()
    fresh.create_page.fill_generated()
    shoot("create-vault")
    fresh.close()

    # 2. The demo vault: unlock page, list, editor.
    build_demo_vault(tmp / "demo-vault", kdf="test").lock()
    window = MainWindow(
        tmp / "demo-vault",
        prompts=ScriptedPrompts(),
        preferences=prefs,
        demo_passphrase=DEMO_PASSPHRASE,
        watch_sleep=False,
    )
    window.setGeometry(0, 0, 1280, 800)
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

    settle(300)
    window.list_page.table.selectRow(4)
    record = window.list_page.selected_id()
    assert record, "no row selected"
    window.open_record(record)
    window.runner.wait_idle(5000)
    window.editor.show_section("narrative")
    shoot("editor-narrative")
    window.editor.show_section("acts")
    shoot("editor-acts")
    window.back_to_list()
    window.runner.wait_idle(5000)

    window.set_language("az")
    window.runner.wait_idle(5000)
    settle(600)
    shoot("testimony-list-az")
    window.set_language("ru")
    window.lock(window.tr("Locked."))
    shoot("unlock-ru")
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
