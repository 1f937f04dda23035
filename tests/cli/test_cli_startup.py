"""The command line parses before it imports: --version and --help load none of the program.

What makes ``testimony-app --version`` slow is importing Qt, ReportLab, SQLCipher and the rest
before argparse has looked at the arguments. Timing it in a test would be flaky on a shared
machine, so these tests check the cause instead: which modules a fresh interpreter has loaded
when the answer is printed. (The time itself: ``benchmarks/`` and CHANGELOG.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

HEAVY = ("PySide6", "shiboken6", "reportlab", "sqlcipher3", "cryptography", "argon2",
         "rapidfuzz", "zxcvbn", "pyrage")

_PROBE = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from testimony_app.__main__ import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            status = main(sys.argv[1:])
        except SystemExit as exc:
            status = exc.code
    loaded = sorted({name.split(".")[0] for name in sys.modules})
    ours = sorted(name for name in sys.modules if name.startswith("testimony_app."))
    print(json.dumps({"status": status, "out": out.getvalue(), "loaded": loaded, "ours": ours}))
    """
)


def probe(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_version_loads_nothing_heavy() -> None:
    result = probe("--version")
    assert result["status"] == 0
    assert str(result["out"]).startswith("testimony-app ")
    assert not set(HEAVY) & set(result["loaded"])


@pytest.mark.parametrize("args", [["--help"], ["pdf", "--help"], ["export", "--help"],
                                  ["registry", "--help"]])
def test_help_loads_no_service(args: list[str]) -> None:
    result = probe(*args)
    assert result["status"] == 0
    assert "usage: testimony-app" in str(result["out"])
    assert not set(HEAVY) & set(result["loaded"])
    ours = set(result["ours"])
    assert not {m for m in ours if m.split(".")[1] in ("services", "storage", "reports",
                                                        "bundles", "crypto", "ui")}


@pytest.mark.slow  # loads the services in a child process
def test_a_command_still_finds_its_services(tmp_path: Path) -> None:
    """The lazy imports are real: a command that needs a vault reaches the service (and
    says the vault is missing), not a NameError."""
    done = subprocess.run(
        [sys.executable, "-m", "testimony_app", "list", "--vault", f"{tmp_path}/none"],
        capture_output=True, text=True, env=dict(os.environ, TESTIMONY_PASSPHRASE="x"),
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("testimony-app: ")
    assert "Traceback" not in done.stderr


def test_the_window_module_loads_no_reportlab() -> None:
    """The window must be on screen within a second of starting (issue 19): ReportLab and
    the fonts (most of a second to import) come in when the first statement is built."""
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys, json, testimony_app.ui.main_window;"
         " print(json.dumps(sorted({n.split('.')[0] for n in sys.modules})))"],
        capture_output=True, text=True, check=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    loaded = json.loads(done.stdout.splitlines()[-1])
    assert "PySide6" in loaded
    assert "reportlab" not in loaded


def test_reports_names_still_import() -> None:
    """What the lazy package hands out is what its modules define."""
    from testimony_app import reports
    from testimony_app.reports.statement import build_statement

    assert reports.build_statement is build_statement
    with pytest.raises(AttributeError):
        _ = reports.no_such_name
