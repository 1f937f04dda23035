"""``testimony-app`` starts: argument parsing, and a real process that opens and stays up."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from testimony_app.app import parse_args

pytestmark = pytest.mark.e2e


def test_arguments_and_what_is_left_for_qt() -> None:
    args, rest = parse_args(["--vault", "/tmp/v", "--demo-passphrase", "x y", "-style", "fusion"])
    assert args.vault == Path("/tmp/v")
    assert args.demo_passphrase == "x y"
    assert rest == ["-style", "fusion"]
    args, rest = parse_args([])
    assert args.vault is None
    assert args.demo_passphrase is None
    assert rest == []


@pytest.mark.slow
def test_the_program_opens_on_the_default_vault_location(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    env.pop("QT_LOGGING_RULES", None)  # the tests' own rules must not hide the program's
    process = subprocess.Popen(
        [sys.executable, "-m", "testimony_app"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    data = home / "data" / "Testimony"
    try:
        # Up once the window's module is loaded and the vault's folder made (slow under load).
        deadline = time.monotonic() + 60
        while not data.is_dir() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        time.sleep(2)
        assert process.poll() is None, _read(process.stderr)
    finally:
        process.terminate()
        process.wait(10)
        said = _read(process.stderr)
        if process.stderr is not None:
            process.stderr.close()
    # A quiet first run: no traceback, and none of QtMultimedia's start-up noise (it looks for
    # PipeWire when loaded, before any audio is asked for).
    assert "Traceback" not in said
    assert "qt.multimedia" not in said, said
    assert data.is_dir()
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert not (data / "vault").exists()  # created only when the user chooses a passphrase


def _read(stream: IO[bytes] | None) -> str:
    """What the program wrote to a pipe so far (the pipe was asked for, so it is there)."""
    assert stream is not None
    return stream.read().decode(errors="replace")
