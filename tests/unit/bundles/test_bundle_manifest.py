"""The manifest: canonical bytes, strict parsing, names."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from testimony_app.bundles import OrganisationKeys
from testimony_app.bundles.manifest import (
    FORMAT,
    MAX_MEMBERS,
    ManifestInvalid,
    canonical_json,
    declared_device_key,
    load_json_strict,
    parse_manifest,
    path_problem,
    render_sha256sums,
)
from testimony_app.crypto.signing import SigningKey
from testimony_app.errors import BundleRejected
from testimony_app.words import text as found_text
from testkit.bundle_helpers import BUNDLE_ID, manifest_files

MEMBERS = [("records/rec-1/v1/record.json", b"{}"), ("custody/audit.jsonl", b"x\n")]


@pytest.fixture
def manifest_bytes(org: OrganisationKeys, device: SigningKey) -> bytes:
    return manifest_files(device, [org.recipient], MEMBERS)[0]


def _edited(data: bytes, change: Any) -> bytes:
    document = json.loads(data)
    change(document)
    return canonical_json(document)


def test_canonical_and_round_trip(manifest_bytes: bytes, device: SigningKey) -> None:
    manifest = parse_manifest(manifest_bytes)
    assert manifest.to_bytes() == manifest_bytes
    assert manifest.bundle_id == BUNDLE_ID
    assert manifest.device_public_key == device.public_key
    assert [m.path for m in manifest.members] == ["SHA256SUMS"] + [p for p, _ in MEMBERS]
    assert json.loads(manifest_bytes)["format"] == FORMAT
    assert b" " not in manifest_bytes
    assert list(json.loads(manifest_bytes)) == sorted(json.loads(manifest_bytes))
    assert declared_device_key(manifest_bytes) == device.public_key


def test_sha256sums_is_sha256sum_format(manifest_bytes: bytes) -> None:
    manifest = parse_manifest(manifest_bytes)
    sums = render_sha256sums(manifest.members).decode()
    lines = sums.splitlines()
    assert lines == [f"{hashlib.sha256(d).hexdigest()}  {p}" for p, d in MEMBERS]
    assert sums.endswith("\n")


@pytest.mark.parametrize(
    ("change", "word"),
    [
        (lambda d: d.update(format="testimony-bundle/v2"), "format"),
        (lambda d: d.update(bundle_id="not-a-uuid"), "bundle id"),
        (lambda d: d.update(bundle_id=BUNDLE_ID.upper()), "bundle id"),
        (lambda d: d.update(created_at="2026-02-30T00:00:00Z"), "real date"),
        (lambda d: d.update(created_at="2026-01-01 00:00:00"), "creation time"),
        (lambda d: d.update(previous_bundle_id=BUNDLE_ID), "itself"),
        (lambda d: d.update(extra=1), "expected fields"),
        (lambda d: d.pop("records"), "expected fields"),
        (lambda d: d["device"].update(public_key="ed25519:AAAA"), "device key"),
        (lambda d: d["device"].update(id="has space"), "device id"),
        (lambda d: d["audit_head"].update(seq=True), "sequence"),
        (lambda d: d["audit_head"].update(seq=-1), "sequence"),
        (lambda d: d["audit_head"].update(hash="ABC"), "audit hash"),
        (lambda d: d.update(recipients=[]), "recipient"),
        (lambda d: d.update(recipients=["age1nope"]), "recipient"),
        (lambda d: d["members"].reverse(), "first member"),
        (lambda d: d["members"].append(d["members"][1]), "twice"),
        (lambda d: d["members"][1].update(path="../x"), "'..'"),
        (lambda d: d["members"][1].update(path="manifest.sig"), "reserved"),
        (lambda d: d["members"][1].update(size=-1), "size"),
        (lambda d: d["members"][1].update(size="1"), "size"),
        (lambda d: d["members"][1].update(sha256="F" * 64), "SHA-256"),
        (lambda d: d["members"].clear(), "no members"),
        (lambda d: d["records"][0].update(version=0), "version"),
        (lambda d: d["records"].append(d["records"][0]), "twice"),
        (lambda d: d["records"][0].update(id="../etc"), "record id"),
    ],
)  # fmt: skip
def test_field_rules(manifest_bytes: bytes, change: Any, word: str) -> None:
    with pytest.raises(BundleRejected, match=word) as caught:
        parse_manifest(_edited(manifest_bytes, change))
    message = str(caught.value)
    assert message.startswith("The bundle's manifest is invalid: ")
    assert message.endswith(".")


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        (b'{"a":1,"a":2}', "repeats a key"),
        (b'{"a":1.5}', "fractional"),
        (b'{"a":NaN}', "non-numeric"),
        (b'{"a": 1}', "canonical"),
        (b'{"b":1,"a":2}', "canonical"),
        (b'{"a":"\\u0041"}', "canonical"),
        (b"\xff", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b'{"a":' + b"9" * 5000 + b"}", "not valid JSON"),
    ],
)
def test_strict_json(raw: bytes, word: str) -> None:
    with pytest.raises(ManifestInvalid, match=word):
        load_json_strict(raw, 1 << 24)


def test_size_and_count_caps(manifest_bytes: bytes) -> None:
    with pytest.raises(ManifestInvalid, match="too large"):
        load_json_strict(b" " * 100, 99)

    def many(document: dict[str, Any]) -> None:
        document["members"] += [
            {"path": f"f/{i}", "size": 0, "sha256": "0" * 64} for i in range(MAX_MEMBERS)
        ]

    with pytest.raises(BundleRejected, match=r"too long|more than"):
        parse_manifest(_edited(manifest_bytes, many))


@pytest.mark.parametrize(
    "path",
    [
        "records/rec-1/v1/record.json",
        "SHA256SUMS",
        "a/b/c/d/e/f",
        "a" * 255,
        "x.tar.gz",
        "-leading-dash",
        "...",
    ],
)
def test_good_names(path: str) -> None:
    assert path_problem(path) is None


@pytest.mark.parametrize(
    ("path", "phrase"),
    [
        ("", "empty"),
        ("a" * 256, "longer than 255"),
        ("a\x00b", "NUL"),
        ("a\nb", "control"),
        ("a\x85b", "control"),
        ("a\u202eb", "right-to-left"),
        ("a\u2066b", "right-to-left"),
        ("/etc/passwd", "absolute"),
        ("C:x", "Windows"),
        ("a\\b", "Windows"),
        ("a/../b", "'..'"),
        ("./a", "'.'"),
        ("a//b", "empty path segment"),
        ("a/", "empty path segment"),
        ("a/b/c/d/e/f/g", "six folders"),
        ("a b", "characters other than"),
        ("ä", "characters other than"),
        ("a:b", "Windows"),
        ("ab:c", "characters other than"),
    ],
)
def test_bad_names(path: str, phrase: str) -> None:
    found = path_problem(path)
    assert found is not None
    problem = str(found)  # the English words of the message
    assert phrase in problem
    if len(path) > 2:
        assert path not in problem
    for lang in ("az", "ru"):  # said in every language, never with the hostile name in it
        words = found_text(found, lang)
        assert words
        assert words != problem
        if len(path) > 2:
            assert path not in words


def test_declared_key_needs_a_valid_key() -> None:
    with pytest.raises(BundleRejected, match="valid device key"):
        declared_device_key(b'{"device":{"id":"x","public_key":"nope"}}')
    with pytest.raises(BundleRejected, match="valid device key"):
        declared_device_key(b"[]")
