"""The record entry's ``id_salt`` in the manifest: optional, one spelling, checked."""

from __future__ import annotations

import json
from typing import Any

import pytest

from testimony_app.bundles import OrganisationKeys, RecordRef
from testimony_app.bundles.manifest import canonical_json, parse_manifest
from testimony_app.crypto.signing import SigningKey
from testimony_app.errors import BundleRejected
from testkit.bundle_helpers import manifest_files

MEMBERS = [("records/rec-1/v1/record.json", b"{}"), ("custody/audit.jsonl", b"x\n")]
SALT = "00112233445566778899aabbccddeeff"


@pytest.fixture
def manifest_bytes(org: OrganisationKeys, device: SigningKey) -> bytes:
    return manifest_files(device, [org.recipient], MEMBERS)[0]


def _edited(data: bytes, change: Any) -> bytes:
    document = json.loads(data)
    change(document)
    return canonical_json(document)


def test_an_entry_without_a_salt_parses_as_before(manifest_bytes: bytes) -> None:
    """Bundles made before ids were bound, and records made before: no ``id_salt`` key."""
    entry = json.loads(manifest_bytes)["records"][0]
    assert set(entry) == {"id", "version", "content_sha256"}
    (ref,) = parse_manifest(manifest_bytes).records
    assert ref.id_salt == ""


def test_a_salt_round_trips_and_is_not_part_of_what_a_version_is(manifest_bytes: bytes) -> None:
    data = _edited(manifest_bytes, lambda d: d["records"][0].update(id_salt=SALT))
    manifest = parse_manifest(data)
    (ref,) = manifest.records
    assert ref.id_salt == SALT
    assert manifest.to_bytes() == data
    # Receipts name versions without the salt: the two refer to the same version.
    assert ref == RecordRef(ref.id, ref.version, ref.content_sha256)
    assert "id_salt" not in RecordRef(ref.id, ref.version, ref.content_sha256).manifest_entry()


@pytest.mark.parametrize("salt", ["", SALT.upper(), SALT[:-1], SALT + "0", 7, None])
def test_a_malformed_salt_refuses_the_manifest(manifest_bytes: bytes, salt: object) -> None:
    data = _edited(manifest_bytes, lambda d: d["records"][0].update(id_salt=salt))
    with pytest.raises(BundleRejected, match="salt"):
        parse_manifest(data)


def test_other_extra_fields_are_still_refused(manifest_bytes: bytes) -> None:
    data = _edited(manifest_bytes, lambda d: d["records"][0].update(id_salt=SALT, owner="me"))
    with pytest.raises(BundleRejected, match="expected fields"):
        parse_manifest(data)
