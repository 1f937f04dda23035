"""What the program has imported when its window is first painted (issue 19).

The window must be up within a second of starting the program. A timing cannot be asserted on
a shared machine (``benchmarks/gui_cases.py``'s ``startup_to_window`` measures it), but what
makes it slow can: the services, ReportLab, pyHanko, ``cryptography.x509``, zxcvbn and the
editor were two thirds of the start. A fresh process starts the real program on a vault,
notes ``sys.modules`` at the first paint of its window, and goes on until the second stage is
built, so that the test would also see a stage that never comes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from testimony_app.services.vault import create_vault

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

#: Not needed to show the create or unlock page (prefixes of module names).
LATER = (
    "reportlab",
    "pyhanko",
    "cryptography.x509",
    "zxcvbn",
    "rapidfuzz",
    "PySide6.QtMultimedia",
    "PySide6.QtPdf",
    "testimony_app.services.bundles",
    "testimony_app.services.statements",
    "testimony_app.services.registry",
    "testimony_app.services.testimonies",
    "testimony_app.bundles",
    "testimony_app.reports",
    "testimony_app.domain.matching",
    "testimony_app.ui.editor",
    "testimony_app.ui.testimony_list",
    "testimony_app.ui.registry",
    "testimony_app.ui.export_dialog",
)

_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

seen = {}

class Painted(QObject):
    def eventFilter(self, watched, event):
        if (not seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.isWindow()):
            window = watched.window()
            seen["page"] = window.pages.currentWidget().objectName()
            seen["built"] = window.pages_built
            seen["modules"] = sorted(sys.modules)
            def later():
                if window.pages_built:
                    seen["later"] = sorted(sys.modules)
                    print(json.dumps(seen), flush=True)
                    QApplication.instance().quit()
                else:
                    QTimer.singleShot(50, later)
            QTimer.singleShot(0, later)
        return False

painted = Painted()
original = QApplication.__init__
def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    self.installEventFilter(painted)
QApplication.__init__ = init
from testimony_app import app
app.run(["--vault", sys.argv[1]])
"""


def _later(modules: list[str]) -> list[str]:
    return [m for m in modules if m.startswith(LATER)]


def test_the_unlock_page_is_painted_before_the_heavy_imports(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    create_vault(vault, "qarğa-dəniz-kitab-çay-günəş-yol", kdf="test").lock()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(vault)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["page"] == "unlockPage"
    assert seen["built"] is False
    assert _later(seen["modules"]) == []
    # The list is true of the program: the second stage does import these.
    assert {"testimony_app.ui.editor", "testimony_app.services.bundles"} <= set(seen["later"])
    assert "reportlab" not in seen["later"]  # a statement, not the window, needs it
