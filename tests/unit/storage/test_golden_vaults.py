"""Vaults made by released programs open, migrate to today's schema and keep everything.

Each folder of ``tests/data/golden`` with an ``expected.json`` was written once by the code of
its release (``v0.1.0/`` by commit 79c67b5, schema 3) or of its schema (``schema-6/``) and is
never regenerated. Replaying today's migration code from an empty schema cannot catch a
migration edited after its release; these files can. The checks are
``make_golden.verify``: every field as written, each sealed version's bytes and SHA-256, the
amendment's reason, attachment and recording bytes, folded search, the audit chain, settings,
the export ledger, ``check()``, and the schema version the program has today (whatever number
that is when migrations are added).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.storage import schema

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden"
RELEASES = sorted(p.parent.name for p in GOLDEN.glob("*/expected.json"))


def _generator() -> ModuleType:
    if "make_golden" not in sys.modules:
        spec = importlib.util.spec_from_file_location("make_golden", GOLDEN / "make_golden.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["make_golden"] = module
        spec.loader.exec_module(module)
    return sys.modules["make_golden"]


def _copy(name: str, dest: Path) -> Path:
    """The golden files as a user's vault folder holds them (0700, files 0600)."""
    source = GOLDEN / name
    dest.mkdir(mode=0o700)
    for item in source.iterdir():
        if item.name in ("expected.json", "make.py"):
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name)
        else:
            shutil.copyfile(item, dest / item.name)
            (dest / item.name).chmod(0o600)
    return dest


def test_the_releases_are_all_here() -> None:
    """0.1.0's vault and one of the schema every later release has: deleting one fails here."""
    assert "v0.1.0" in RELEASES
    made = {json.loads((GOLDEN / r / "expected.json").read_text())["schema_version"]
            for r in RELEASES}
    assert 3 in made  # what 0.1.0 wrote
    assert max(made) >= 6


@pytest.mark.slow
@pytest.mark.parametrize("release", RELEASES)
def test_golden_vault_migrates_and_keeps_everything(release: str, tmp_path: Path) -> None:
    expected = json.loads((GOLDEN / release / "expected.json").read_text(encoding="utf-8"))
    assert expected["schema_version"] <= schema.SCHEMA_VERSION
    vault = _copy(release, tmp_path / "vault")
    before = (vault / "vault.db").read_bytes()
    _generator().verify(vault, expected)
    if expected["schema_version"] < schema.SCHEMA_VERSION:
        assert (vault / "vault.db").read_bytes() != before  # it was migrated, in place
    # And it opens again as a vault of today, not only once.
    _generator().verify(vault, expected)


@pytest.mark.slow
def test_the_verifier_is_not_a_rubber_stamp(tmp_path: Path) -> None:
    expected = json.loads((GOLDEN / "v0.1.0" / "expected.json").read_text(encoding="utf-8"))
    expected["sealed"]["documents"]["2"]["acts"][0]["methods"] = ["falanga"]
    vault = _copy("v0.1.0", tmp_path / "vault")
    with pytest.raises(AssertionError):
        _generator().verify(vault, expected)
