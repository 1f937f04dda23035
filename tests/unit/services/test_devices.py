"""Devices the organisation knows (issue 13 item 1): register, refuse, quarantine, revoke.

Real vaults, real bundles; nothing is trusted on first use any more.
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from testimony_app.errors import BundleRejected, UserFacingError
from testimony_app.services import organisation
from testimony_app.services.vault import VaultSession
from testkit import bundle_support as S  # noqa: N812 (S: used on every other line)


@dataclass
class Pair:
    root: Path
    org: organisation.OrgKeygenResult
    org_vault: VaultSession
    laptop: VaultSession

    @property
    def identity(self) -> Path:
        return self.org.paths[0]

    def bundle(self, name: str, *attachments: Path) -> Path:
        S.sealed(self.laptop, S.azerbaijani(name), *attachments)
        return self.laptop.bundles.export(self.root / f"{name}.age").path

    def register(self, name: str = "Gülnarə — ThinkPad") -> organisation.DeviceRow:
        return self.org_vault.bundles.organisation.register_device(
            self.laptop.bundles.device_public_key(), name, confirmed=True
        )


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    org = S.org_keys(tmp_path)
    org_vault = S.new_vault(tmp_path / "org-vault")
    laptop = S.new_vault(tmp_path / "laptop")
    S.enrol(laptop, org)
    yield Pair(tmp_path, org, org_vault, laptop)
    for session in (laptop, org_vault):
        if session.is_open:
            session.lock()


def test_registering_needs_a_confirmed_fingerprint_and_a_name(pair: Pair) -> None:
    org = pair.org_vault.bundles.organisation
    key = pair.laptop.bundles.device_public_key()
    assert org.devices.fingerprint_of(key) == pair.laptop.bundles.device_fingerprint()
    cases: tuple[tuple[Callable[[], object], str], ...] = (
        (lambda: org.register_device(key, "x", confirmed=False), "not confirmed"),
        (lambda: org.register_device(key, "  ", confirmed=True), "Give the device a name"),
        (lambda: org.register_device("ed25519:abc", "x", confirmed=True), "44 base64"),
        (lambda: org.register_device(key, "a\x1bb", confirmed=True), "control characters"),
    )
    for call, words in cases:
        with pytest.raises(UserFacingError, match=words) as caught:
            call()
        S.one_sentence(str(caught.value))
    assert org.devices.list() == []
    row = pair.register()
    assert (row.status, row.name, row.fingerprint) == (
        "registered",
        "Gülnarə — ThinkPad",
        pair.laptop.bundles.device_fingerprint(),
    )
    with pytest.raises(UserFacingError, match="already registered"):
        pair.register("again")
    assert pair.org_vault.testimonies.history("")[-1].action == "device-registered"
    # Found by key or by fingerprint, typed in any case, with or without dashes.
    fingerprint = row.fingerprint
    assert org.devices.find(fingerprint.lower().replace("-", "")).public_key == key
    assert org.devices.find(key).fingerprint == fingerprint


def test_an_unregistered_device_is_refused_then_quarantined_then_imported(pair: Pair) -> None:
    recording = pair.root / "səs.ogg"
    recording.write_bytes(hashlib.shake_256(b"voice").digest(1_500_000))
    bundle = pair.bundle("a", recording)
    before = S.table_counts(pair.org_vault)
    files = S.names_under(pair.root)
    org = pair.org_vault.bundles.organisation

    with pytest.raises(organisation.DeviceNotRegistered) as refused:
        organisation.import_bundle(pair.org_vault, bundle, pair.identity)
    S.one_sentence(str(refused.value))
    assert pair.laptop.bundles.device_fingerprint() in str(refused.value)
    assert refused.value.public_key == pair.laptop.bundles.device_public_key()
    assert S.table_counts(pair.org_vault) == before
    assert S.names_under(pair.root) == files

    kept = organisation.import_bundle(pair.org_vault, bundle, pair.identity, quarantine=True)
    row = kept.quarantined
    assert row is not None
    assert kept.versions == ()
    assert (row.state, row.reason, row.records) == ("held", "unregistered", 1)
    assert row.fingerprint == pair.laptop.bundles.device_fingerprint()
    assert row.sha256 == hashlib.sha256(bundle.read_bytes()).hexdigest()
    copy = org.quarantine.path(row)
    assert copy.read_bytes() == bundle.read_bytes()  # still encrypted, as received
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert pair.org_vault.testimonies.list() == []  # unmerged
    assert pair.org_vault.testimonies.history("")[-1].action == "bundle-quarantined"
    again = organisation.import_bundle(pair.org_vault, bundle, pair.identity, quarantine=True)
    assert not again.changed
    assert [r.id for r in org.quarantine.list()] == [row.id]

    # Still not importable until a person registers the device.
    with pytest.raises(organisation.DeviceNotRegistered):
        org.import_quarantined(str(row.id), pair.identity)
    pair.register()
    report = org.import_quarantined(row.bundle_id[:8], pair.identity)
    assert report.quarantined is None
    assert [v.outcome for v in report.versions] == ["added"]
    assert report.attachments_added == 1
    assert org.quarantine.list(held_only=True) == []
    (logged,) = org.quarantine.list()
    assert logged.state == "imported"
    assert not copy.exists()
    assert pair.org_vault.check().ok


def test_importing_the_file_directly_clears_its_quarantine_entry(pair: Pair) -> None:
    bundle = pair.bundle("e")
    org = pair.org_vault.bundles.organisation
    row = organisation.import_bundle(
        pair.org_vault, bundle, pair.identity, quarantine=True
    ).quarantined
    assert row is not None
    pair.register()
    organisation.import_bundle(pair.org_vault, bundle, pair.identity)
    assert org.quarantine.list(held_only=True) == []
    assert not org.quarantine.path(row).exists()


def test_a_quarantined_bundle_can_be_discarded(pair: Pair) -> None:
    bundle = pair.bundle("b")
    org = pair.org_vault.bundles.organisation
    row = organisation.import_bundle(
        pair.org_vault, bundle, pair.identity, quarantine=True
    ).quarantined
    assert row is not None
    with pytest.raises(UserFacingError, match="not confirmed"):
        org.discard_quarantined(str(row.id), confirmed=False)
    org.discard_quarantined(str(row.id), confirmed=True)
    assert not org.quarantine.path(row).exists()
    assert [r.state for r in org.quarantine.list()] == ["discarded"]
    assert pair.org_vault.testimonies.list() == []
    with pytest.raises(UserFacingError, match="waiting in the quarantine"):
        org.import_quarantined(str(row.id), pair.identity)
    # A damaged bundle is refused, never kept aside.
    damaged = pair.root / "damaged.age"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    with pytest.raises(BundleRejected):
        organisation.import_bundle(pair.org_vault, damaged, pair.identity)
    with pytest.raises(BundleRejected, match="damaged"):
        organisation.import_bundle(pair.org_vault, damaged, pair.identity, quarantine=True)
    assert org.quarantine.list(held_only=True) == []


def test_a_revoked_device_is_refused_and_its_records_stay(pair: Pair) -> None:
    pair.register()
    first = pair.bundle("one")
    organisation.import_bundle(pair.org_vault, first, pair.identity)
    org = pair.org_vault.bundles.organisation
    fingerprint = pair.laptop.bundles.device_fingerprint()
    with pytest.raises(UserFacingError, match="Say why"):
        org.revoke_device(fingerprint, "", confirmed=True)
    row = org.revoke_device(fingerprint, "laptop seized at a checkpoint", confirmed=True)
    assert row.status == "revoked"
    assert pair.org_vault.testimonies.history("")[-1].action == "device-revoked"
    second = pair.bundle("two")
    with pytest.raises(organisation.DeviceNotRegistered, match="revoked") as refused:
        organisation.import_bundle(pair.org_vault, second, pair.identity)
    S.one_sentence(str(refused.value))
    assert len(pair.org_vault.testimonies.list()) == 1  # what came before stays
    with pytest.raises(UserFacingError, match="cannot be registered again"):
        pair.register("back again")
    verified = org.verify(second, pair.identity)
    assert not verified.ok
    assert verified.pin_status == "revoked"
    kept = organisation.import_bundle(pair.org_vault, second, pair.identity, quarantine=True)
    assert kept.quarantined is not None
    assert kept.quarantined.reason == "revoked"
    with pytest.raises(organisation.DeviceNotRegistered, match="revoked"):
        org.import_quarantined(str(kept.quarantined.id), pair.identity)


def test_the_laptop_shows_what_the_organisation_registers(pair: Pair) -> None:
    """The two sides of the ceremony compute the same fingerprint from the same key."""
    laptop = pair.laptop.bundles
    row = pair.register()
    assert row.public_key == laptop.device_public_key()
    assert row.fingerprint == laptop.device_fingerprint()
    bundle = pair.bundle("c")
    report = organisation.import_bundle(pair.org_vault, bundle, pair.identity)
    assert report.device_fingerprint == laptop.device_fingerprint()
    (listed,) = pair.org_vault.bundles.organisation.devices.list()
    assert (listed.bundles, listed.device_ids) == (1, (laptop.device_id,))


def test_a_key_pinned_by_version_0_1_waits_for_a_person_to_confirm_it(pair: Pair) -> None:
    """Migration 9 carries 0.1's first-use pins over unconfirmed (tests/unit/storage)."""
    key = pair.laptop.bundles.device_public_key()
    pair.org_vault.bundles.vault.db.execute(
        "INSERT INTO device_register (public_key, fingerprint) VALUES (?, ?)",
        (key, pair.laptop.bundles.device_fingerprint()),
    )
    org = pair.org_vault.bundles.organisation
    (row,) = org.devices.list()
    assert row.status == "unconfirmed"
    bundle = pair.bundle("d")
    with pytest.raises(organisation.DeviceNotRegistered, match="older version") as refused:
        organisation.import_bundle(pair.org_vault, bundle, pair.identity)
    S.one_sentence(str(refused.value))
    assert org.verify(bundle, pair.identity).pin_status == "unconfirmed"
    confirmed = pair.register("confirmed by phone")
    assert (confirmed.status, confirmed.name) == ("registered", "confirmed by phone")
    report = organisation.import_bundle(pair.org_vault, bundle, pair.identity)
    assert [v.outcome for v in report.versions] == ["added"]
