"""The self-test that installed builds run: passes on a sound build, fails in one sentence."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from testimony_app.services import selftest
from testimony_app.services.statements import StatementService


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the self-test's temporary directory land where the test can look at it."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def run(lines: list[str]) -> int:
    return selftest.run_self_test(lines.append)


@pytest.mark.slow
def test_passes_end_to_end_and_deletes_everything(scratch: Path) -> None:
    lines: list[str] = []
    assert run(lines) == 0
    assert lines[-1] == "Self-test passed."
    text = "\n".join(lines)
    assert "vault: created and unlocked" in text
    assert "testimony: stored in Azerbaijani and sealed" in text
    assert "statement: PDF of" in text
    assert "signed statement: signature verified" in text
    assert "check: 1 record(s)" in text
    assert list(scratch.iterdir()) == []


@pytest.mark.slow
def test_bundle_step_exports_and_verifies_a_real_bundle(scratch: Path) -> None:
    lines: list[str] = []
    assert run(lines) == 0
    (bundle_line,) = [line for line in lines if line.startswith("bundle:")]
    assert "verified with the organisation's key" in bundle_line


@pytest.mark.slow
def test_a_broken_statement_fails_in_one_sentence_and_cleans_up(
    scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(StatementService, "build", lambda self, *a, **k: b"<html>not a pdf")
    lines: list[str] = []
    assert run(lines) == 1
    assert lines[-1] == (
        "Self-test FAILED while building a statement: the statement does not start like a PDF."
    )
    assert list(scratch.iterdir()) == []


@pytest.mark.slow
def test_a_truncated_pdf_is_caught(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_build = StatementService.build

    def truncated(self: StatementService, *args: object, **kwargs: object) -> bytes:
        return real_build(self, *args, **kwargs)[:-2048]  # type: ignore[arg-type]

    monkeypatch.setattr(StatementService, "build", truncated)
    lines: list[str] = []
    assert run(lines) == 1
    assert "cut short" in lines[-1]


def test_a_missing_resource_is_named(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "REQUIRED_RESOURCES", (("fonts", "NoSuchFont.ttf"),))
    lines: list[str] = []
    assert run(lines) == 1
    assert lines[-1] == (
        "Self-test FAILED while checking the program's files:"
        " the file fonts/NoSuchFont.ttf is missing from this build."
    )
    assert list(scratch.iterdir()) == []


def test_a_missing_native_library_is_named(scratch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "NATIVE_MODULES", ("sqlcipher3", "no_such_native_module"))
    lines: list[str] = []
    assert run(lines) == 1
    assert "no_such_native_module" in lines[-1]
    assert "sqlcipher3" not in lines[-1]


def test_checks_only_what_the_program_depends_on() -> None:
    """A frozen build holds the runtime dependencies only; a test-only one would fail it."""
    import tomllib
    from importlib.metadata import packages_distributions

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text("utf-8"))
    runtime = {
        canonicalize_name(Requirement(dep).name) for dep in project["project"]["dependencies"]
    }
    owners = packages_distributions()
    for module in selftest.NATIVE_MODULES:
        distributions = {canonicalize_name(name) for name in owners.get(module, [])}
        assert distributions & runtime, f"{module} is not a runtime dependency"


@pytest.mark.slow
def test_runs_without_qt() -> None:
    """It must work on a machine with no display: Qt is never imported."""
    code = (
        "import sys\n"
        "from testimony_app.services.selftest import run_self_test\n"
        "rc = run_self_test(lambda line: None)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(rc, qt)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "0 []"


def test_one_sentence_is_short_and_ends_with_a_full_stop() -> None:
    assert selftest._one_sentence(ValueError("bad\n  thing")) == "bad thing."
    assert selftest._one_sentence(RuntimeError()) == "RuntimeError."
    assert len(selftest._one_sentence(ValueError("x" * 1000))) <= 300
