"""Test-wide settings: Qt offscreen, private temporary homes, no real user data touched."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

from testimony_app import crash
from testimony_app.app import quiet_qt_logging
from testimony_app.services.vault import VaultSession, create_vault
from testkit import vault_kit

quiet_qt_logging()  # as the program does: before anything imports QtMultimedia


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point XDG, HOME and the temporary folder at places of this test's own, so no test writes
    into the real profile, and a test that checks the temporary folder stays empty sees only
    its own files (not those of a test running beside it in another worker, `make check`)."""
    home = tmp_path_factory.mktemp("home")
    temp = tmp_path_factory.mktemp("tmp")
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # gettempdir() caches the first answer
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


@pytest.fixture(scope="session")
def kit() -> ModuleType:
    """Shared helpers (``testkit.vault_kit``): sample testimonies, passphrases, byte flips, the
    child process. A test may as well ``from testkit import vault_kit``."""
    return vault_kit


@pytest.fixture
def session(vault_dir: Path) -> Iterator[VaultSession]:
    """A freshly created, unlocked vault (test KDF); locked again afterwards."""
    s = create_vault(vault_dir, vault_kit.PASSPHRASE, kdf="test")
    yield s
    s.lock()


@pytest.fixture(autouse=True)
def passphrase_waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits after wrong passphrases, recorded instead of slept through.

    The growing wait (``storage.vault_lock``) is real in the program; a test asserts what it
    would have waited rather than spend 1 + 2 + 4 … seconds doing it.
    """
    from testimony_app.storage import vault_lock

    waits: list[float] = []
    monkeypatch.setattr(vault_lock, "sleep", waits.append)
    return waits
