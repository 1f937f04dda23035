"""The frozen build's entry script: --self-test is handled there, everything else passes on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from testimony_app import __version__

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "pyinstaller" / "entry.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ENTRY), *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_self_test_through_the_entry_script() -> None:
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "Self-test passed."


@pytest.mark.slow
def test_other_arguments_reach_the_command_line() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"testimony-app {__version__}"
