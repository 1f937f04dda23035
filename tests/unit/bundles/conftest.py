"""Fixtures for the bundle tests; their helpers are ``testkit.bundle_helpers``."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from testimony_app.bundles import OrganisationKeys
from testimony_app.crypto.signing import SigningKey


@pytest.fixture(scope="session")
def org() -> OrganisationKeys:
    """The organisation every test bundle is encrypted to."""
    return OrganisationKeys.generate()


@pytest.fixture(scope="session")
def device() -> SigningKey:
    """The pinned device that signs test bundles."""
    return SigningKey.generate()


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh directory that also serves as the process's temp dir, so any stray file shows."""
    scratch = tmp_path / "system-tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return tmp_path
