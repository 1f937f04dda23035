"""B5(b) and D12 (security.md §5): what the organisation sees of a device's chain of bundles.

A laptop whose database *and* key files were rolled back together cannot tell (test_rollback
shows it); the organisation must. Each bundle names the one its device made before it and
the head of its audit log, and importing flags (does not refuse: the content is still
evidence) a bundle whose audit chain is older than one already imported, one whose
predecessor was never imported, and two that follow the same predecessor (a fork).
Everything is real: two vaults, the services' export and import.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from testimony_app import words
from testimony_app.services import organisation
from testimony_app.services.organisation import OrgKeygenResult
from testimony_app.services.vault import VaultSession, unlock_vault
from testkit import bundle_support

pytestmark = pytest.mark.slow

OLDER = "audit chain is older than one already imported"
MISSING = "has not been imported; one may be missing"
FORK = "(a fork)"


@pytest.fixture
def org(tmp_path: Path) -> OrgKeygenResult:
    return bundle_support.org_keys(tmp_path)


@pytest.fixture
def org_vault(tmp_path: Path) -> Iterator[VaultSession]:
    session = bundle_support.new_vault(tmp_path / "org-vault")
    yield session
    session.lock()


def _laptop(tmp_path: Path, org: OrgKeygenResult, org_vault: VaultSession) -> Path:
    session = bundle_support.new_vault(tmp_path / "laptop")
    bundle_support.enrol(session, org)
    bundle_support.register(org_vault, session)
    session.lock()
    return tmp_path / "laptop"


def _seal_and_export(vault: Path, tag: str, dest: Path) -> Path:
    session = unlock_vault(vault, bundle_support.passphrase())
    try:
        bundle_support.sealed(session, bundle_support.azerbaijani(tag))
        return session.bundles.export(dest).path
    finally:
        session.lock()


def _import(org_vault: VaultSession, org: OrgKeygenResult, bundle: Path) -> tuple[str, ...]:
    """The import's warnings as English sentences (whether given as text or as codes)."""
    report = organisation.import_bundle(org_vault, bundle, org.paths[0])
    return tuple(w if isinstance(w, str) else words.text(w, "en") for w in report.warnings)


def _says(warnings: tuple[str, ...], phrase: str) -> bool:
    return any(phrase in w for w in warnings)


def test_b5b_a_laptop_rolled_back_whole_is_flagged_at_the_organisation(
    tmp_path: Path, org: OrgKeygenResult, org_vault: VaultSession
) -> None:
    laptop = _laptop(tmp_path, org, org_vault)
    first = _seal_and_export(laptop, "bir", tmp_path / "1.age")
    rolled_back = tmp_path / "copy-after-first"
    shutil.copytree(laptop, rolled_back)  # database and key files together
    second = _seal_and_export(laptop, "iki", tmp_path / "2.age")
    third = _seal_and_export(laptop, "üç", tmp_path / "3.age")
    assert _import(org_vault, org, first) == ()
    assert _import(org_vault, org, second) == ()
    assert _import(org_vault, org, third) == ()
    # The laptop goes back to the copy and works on; its next bundle follows the first again
    # with a shorter audit chain than the third's.
    shutil.rmtree(laptop)
    shutil.move(rolled_back, laptop)
    after = _seal_and_export(laptop, "dörd", tmp_path / "4.age")
    warnings = _import(org_vault, org, after)
    assert _says(warnings, FORK), warnings
    assert _says(warnings, OLDER), warnings


def test_d12_an_old_bundle_replayed_and_a_missing_predecessor_are_flagged(
    tmp_path: Path, org: OrgKeygenResult, org_vault: VaultSession
) -> None:
    laptop = _laptop(tmp_path, org, org_vault)
    first = _seal_and_export(laptop, "bir", tmp_path / "1.age")
    second = _seal_and_export(laptop, "iki", tmp_path / "2.age")
    # The second arrives first: the first was never seen, so one may be missing.
    assert _says(_import(org_vault, org, second), MISSING)
    # Then the first arrives late: an older chain than one already imported.
    assert _says(_import(org_vault, org, first), OLDER)
