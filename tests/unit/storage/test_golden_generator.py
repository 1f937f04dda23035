"""The golden-vault generator makes a vault that its own verifier accepts, after a copy.

The committed golden vaults have their own tests (``test_golden_vaults.py``,
``test_golden_schema1.py``); this one keeps ``tests/data/golden/make_golden.py`` working with
today's code, so that the next schema's golden vault can be made the day it is released.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.errors import VaultTooNew
from testimony_app.services.vault import unlock_vault
from testimony_app.storage import schema

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_golden", GOLDEN / "make_golden.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_golden"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_generated_golden_vault_verifies_from_a_copy(tmp_path: Path) -> None:
    gen = _generator()
    made = tmp_path / "made"
    expected = gen.make(made)
    assert sorted(p.name for p in made.iterdir()) == sorted(gen.FILES + gen.DIRS)
    assert len(expected["attachments"]) == 2
    assert expected["schema_version"] == schema.SCHEMA_VERSION
    expected = json.loads(json.dumps(expected))  # as read back from expected.json
    copy = tmp_path / "copy"
    copy.mkdir(mode=0o700)
    for name in gen.FILES:
        shutil.copyfile(made / name, copy / name)
    for name in gen.DIRS:
        shutil.copytree(made / name, copy / name)
    gen.verify(copy, expected)
    # The verifier is not a rubber stamp: a wrong expectation fails it.
    expected["sealed"]["versions"]["1"] = "0" * 64
    with pytest.raises(AssertionError):
        gen.verify(copy, expected)


@pytest.mark.slow
def test_generator_refuses_a_schema_newer_than_the_program(tmp_path: Path) -> None:
    gen = _generator()
    expected = gen.make(tmp_path / "v")
    session = unlock_vault(tmp_path / "v", expected["passphrase"])
    session._vault.db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    session.lock()
    before = (tmp_path / "v" / "vault.db").read_bytes()
    with pytest.raises(VaultTooNew):
        unlock_vault(tmp_path / "v", expected["passphrase"])
    assert (tmp_path / "v" / "vault.db").read_bytes() == before
