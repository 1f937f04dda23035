"""Fixtures of the vault tests: the shared kit and an unlocked vault with cheap Argon2."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.services.vault import VaultSession, create_vault

KIT_PATH = Path(__file__).resolve().parents[1] / "adversarial" / "vault_kit.py"


def load_kit() -> ModuleType:
    """``tests/adversarial/vault_kit.py``, loaded once."""
    if "vault_kit" not in sys.modules:
        spec = importlib.util.spec_from_file_location("vault_kit", KIT_PATH)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["vault_kit"] = module
        spec.loader.exec_module(module)
    return sys.modules["vault_kit"]


@pytest.fixture(scope="session")
def kit() -> ModuleType:
    """Shared helpers: sample testimonies, passphrases, byte flips, the child process."""
    return load_kit()


@pytest.fixture
def session(vault_dir: Path, kit: ModuleType) -> Iterator[VaultSession]:
    """A freshly created, unlocked vault (test KDF); locked again afterwards."""
    s = create_vault(vault_dir, kit.PASSPHRASE, kdf="test")
    yield s
    s.lock()
