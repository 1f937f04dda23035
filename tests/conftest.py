"""Test-wide settings: Qt offscreen, private temporary homes, no real user data touched."""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

from testimony_app import crash
from testimony_app.app import quiet_qt_logging

quiet_qt_logging()  # as the program does: before anything imports QtMultimedia


def _register_bundle_support() -> None:
    """Load ``tests/unit/services/test_bundle_support.py`` once as ``bundle_support``.

    With ``--import-mode=importlib`` test modules cannot import one another; the export,
    import, receipt and dialog tests all take their scenes from this one module through
    ``sys.modules["bundle_support"]``.
    """
    if "bundle_support" in sys.modules:
        return
    path = Path(__file__).resolve().parent / "unit" / "services" / "test_bundle_support.py"
    spec = importlib.util.spec_from_file_location("bundle_support", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bundle_support"] = module
    spec.loader.exec_module(module)


_register_bundle_support()


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point XDG and HOME at a temporary place so no test writes into the real profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))  # crash reports
    monkeypatch.delenv("TESTIMONY_PASSPHRASE", raising=False)
    # The machine's language must not decide what a test reads (the CLI follows these).
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def _english_words() -> Iterator[None]:
    """Each test starts with the layers' messages in English (the window or the CLI may switch
    them, process-wide, as they do for the user)."""
    from testimony_app import words

    words.set_language("en")
    yield
    words.set_language("en")


@pytest.fixture(autouse=True)
def _process_hooks_restored() -> Iterator[None]:
    """A test that runs ``cli.main`` or ``app.run`` in-process installs the crash handler
    (``testimony_app.crash``); pytest's own exception hooks come back after it."""
    saved = sys.excepthook, threading.excepthook, crash._notifier
    yield
    sys.excepthook, threading.excepthook = saved[0], saved[1]
    crash.set_notifier(saved[2])


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """Where a test's vault lives (not yet created)."""
    return tmp_path / "vault"
