"""A bug leaves a report the user is told about, and the report quotes no testimony.

Every scenario keeps a witness's name in a local variable *and* in the exception's message,
as careless code would (``ValueError(f"cannot file {witness}")``), then looks for it in the
report, in the fault log and on stderr. The window's notice is checked in
``tests/ui/test_crash_notice.py``.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from testimony_app import crash

SECRET = "Aygün Şükürova, Tərtər, 2017-05-18"


def _interview(witness: str) -> None:
    notes = {"witness": witness, "place": "zirzəmi"}
    try:
        raise KeyError(notes["witness"])
    except KeyError as exc:
        raise ValueError(f"cannot file {witness}: {notes}") from exc


def _reports(home: Path) -> list[Path]:
    folder = home / ".local" / "state" / "Testimony" / "crash-reports"
    return sorted(folder.glob("crash-*.txt"))


def _private(path: Path) -> None:
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_report_names_the_bug_and_not_the_testimony() -> None:
    with pytest.raises(ValueError) as caught:
        _interview(SECRET)
    text = crash.format_report(caught.value, caught.value.__traceback__)
    assert "builtins.ValueError" in text
    assert "builtins.KeyError" in text  # the cause, by type
    assert "  test_crash_reports.py:" in text  # where, without the machine's folders
    assert " in _interview" in text
    for piece in ("Aygün", "Şükürova", "Tərtər", "2017-05-18", "zirzəmi", "cannot file"):
        assert piece not in text
    assert str(Path.home()) not in text


def test_codes_that_help_are_kept_and_names_in_paths_are_not(tmp_path: Path) -> None:
    missing = tmp_path / f"{SECRET}.wav"
    with pytest.raises(OSError) as caught:
        missing.open("rb")
    text = crash.format_report(caught.value)
    assert "builtins.FileNotFoundError (errno 2)" in text
    assert "Şükürova" not in text
    assert str(tmp_path) not in text


def _child(script: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(home))
    for name in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "TESTIMONY_DEBUG"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


def _one_sentence_naming(stderr: str, report: Path) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("testimony-app: something went wrong inside the program")
    assert str(report) in lines[0]
    assert "Traceback" not in stderr
    assert "Şükürova" not in stderr


@pytest.mark.slow
def test_an_uncaught_exception_writes_a_private_report_and_says_where(tmp_path: Path) -> None:
    done = _child(
        """
        import sys
        from testimony_app import crash
        crash.install()
        def save_draft(witness):
            draft = {"narrative": witness}
            raise RuntimeError(f"lost {draft}")
        save_draft(sys.argv[1])
        """,
        tmp_path,
        SECRET,
    )
    assert done.returncode == 1
    (report,) = _reports(tmp_path)
    _private(report)
    _one_sentence_naming(done.stderr, report)
    text = report.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in text
    assert "in save_draft" in text
    assert "Şükürova" not in text
    faults = report.parent / "faults.log"
    _private(faults)


@pytest.mark.slow
def test_an_exception_on_a_worker_thread_is_reported_too(tmp_path: Path) -> None:
    done = _child(
        """
        import sys, threading
        from testimony_app import crash
        crash.install()
        def export(witness):
            raise ValueError(witness)
        worker = threading.Thread(target=export, args=(sys.argv[1],), name="export-worker")
        worker.start()
        worker.join()
        print("main thread goes on")
        """,
        tmp_path,
        SECRET,
    )
    assert done.returncode == 0
    assert done.stdout == "main thread goes on\n"
    (report,) = _reports(tmp_path)
    _one_sentence_naming(done.stderr, report)
    text = report.read_text(encoding="utf-8")
    assert "thread: export-worker" in text
    assert "Şükürova" not in text


@pytest.mark.slow
def test_a_fatal_signal_goes_to_the_private_fault_log(tmp_path: Path) -> None:
    done = _child(
        """
        import faulthandler, sys
        from testimony_app import crash
        crash.install()
        witness = sys.argv[1]
        faulthandler._sigsegv()
        """,
        tmp_path,
        SECRET,
    )
    assert done.returncode != 0
    faults = tmp_path / ".local" / "state" / "Testimony" / "crash-reports" / "faults.log"
    _private(faults)
    text = faults.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "Şükürova" not in text


@pytest.mark.slow
def test_a_bug_in_a_command_is_one_sentence_and_a_report(tmp_path: Path) -> None:
    done = _child(
        """
        import sys
        from testimony_app import cli
        def broken(args):
            witness = sys.argv[1]
            raise TypeError(f"{witness} is not a date")
        cli._COMMANDS["list"] = broken
        sys.exit(cli.main(["list", "--vault", sys.argv[2]]))
        """,
        tmp_path,
        SECRET,
        str(tmp_path / "vault"),
    )
    assert done.returncode == 70
    (report,) = _reports(tmp_path)
    _private(report)
    _one_sentence_naming(done.stderr, report)
    assert "your data was not changed" in done.stderr
    text = report.read_text(encoding="utf-8")
    assert "builtins.TypeError" in text
    assert "in broken" in text
    assert "Şükürova" not in text


def test_the_handler_never_raises_when_the_report_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "state"
    state.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    told: list[Path | None] = []
    monkeypatch.setattr(crash, "tell_stderr", told.append)
    monkeypatch.setattr(crash, "_notifier", None)
    try:
        _interview(SECRET)
    except ValueError as exc:
        crash._excepthook(ValueError, exc, exc.__traceback__)
    assert told == [None]
