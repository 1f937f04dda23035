"""Receipts (security.md §5 D6, D11): the organisation's signed acknowledgement."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from testimony_app.bundles import (
    OrganisationKeys,
    ReceiptRejected,
    RecordRef,
    RedactedCopy,
    VerifiedBundle,
    create_receipt,
    verify_bundle,
    verify_receipt,
)
from testimony_app.bundles.manifest import canonical_json
from testimony_app.crypto.signing import SignatureContext, SigningKey, signature_to_text
from testkit.bundle_helpers import RECORD, export


@pytest.fixture
def verified(tmp_path: Path, org: OrganisationKeys, device: SigningKey) -> VerifiedBundle:
    bundle = export(org, device, tmp_path / "b.age")
    return verify_bundle(bundle, [org.age], trusted_device_keys=[device.public_key])


def _check(data: bytes, org: OrganisationKeys, verified: VerifiedBundle, **kw: object) -> None:
    params: dict[str, object] = {
        "organisation_key": org.signing_public_key,
        "bundle_id": verified.bundle_id,
        "bundle_sha256": verified.bundle_sha256,
    }
    params.update(kw)
    verify_receipt(data, **params)  # type: ignore[arg-type]


def _resign(body: bytes, key: SigningKey, context: SignatureContext) -> bytes:
    return body + b"\n" + signature_to_text(key.sign(context, body)).encode() + b"\n"


def test_round_trip(org: OrganisationKeys, verified: VerifiedBundle) -> None:
    when = datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC)
    data = create_receipt(verified, org.signing, received_at=when)
    receipt = verify_receipt(
        data,
        organisation_key=org.signing_public_key,
        bundle_id=verified.bundle_id,
        bundle_sha256=verified.bundle_sha256,
        records=[RECORD],
    )
    assert receipt.records == (RECORD,)
    assert receipt.received_at == "2026-05-06T07:08:09Z"
    assert receipt.organisation_key == org.signing_public_key
    body = json.loads(data.split(b"\n")[0])
    assert body["format"] == "testimony-receipt/v2"
    assert body["bundle_sha256"] == verified.bundle_sha256
    assert body["redacted_copies"] == []


def test_redacted_copies_travel_apart_and_never_as_complete(
    org: OrganisationKeys, verified: VerifiedBundle
) -> None:
    copy = RedactedCopy(RECORD.id, RECORD.version, RECORD.content_sha256, "ab" * 32)
    data = create_receipt(verified, org.signing, records=[], redacted_copies=[copy])
    receipt = verify_receipt(
        data,
        organisation_key=org.signing_public_key,
        bundle_id=verified.bundle_id,
        bundle_sha256=verified.bundle_sha256,
    )
    assert receipt.records == ()
    assert receipt.redacted_copies == (copy,)
    # One version cannot be both.
    both = create_receipt(verified, org.signing, records=[RECORD], redacted_copies=[copy])
    with pytest.raises(ReceiptRejected, match="both complete and redacted"):
        _check(both, org, verified)
    # A malformed copy hash is refused like any malformed field.
    body = json.loads(data.split(b"\n")[0])
    body["redacted_copies"][0]["copy_sha256"] = "not a hash"
    bad = _resign(canonical_json(body), org.signing, SignatureContext.RECEIPT)
    with pytest.raises(ReceiptRejected, match="redacted copies is invalid"):
        _check(bad, org, verified)


def test_a_version_0_1_receipt_is_refused_with_a_reason(
    org: OrganisationKeys, verified: VerifiedBundle
) -> None:
    """0.1 receipts acknowledged versions whose content the organisation never checked."""
    body = json.loads(create_receipt(verified, org.signing).split(b"\n")[0])
    body["format"] = "testimony-receipt/v1"
    del body["redacted_copies"]
    old = _resign(canonical_json(body), org.signing, SignatureContext.RECEIPT)
    with pytest.raises(ReceiptRejected, match="older version of Testimony") as caught:
        _check(old, org, verified)
    message = str(caught.value)
    assert message.endswith(".")
    assert "\n" not in message
    assert len(message) < 220


def test_wrong_key(org: OrganisationKeys, verified: VerifiedBundle) -> None:
    impostor = OrganisationKeys.generate()
    data = create_receipt(verified, impostor.signing)
    with pytest.raises(ReceiptRejected, match="not signed by the organisation"):
        _check(data, org, verified)


def test_other_bundle(org: OrganisationKeys, verified: VerifiedBundle) -> None:
    data = create_receipt(verified, org.signing)
    with pytest.raises(ReceiptRejected, match="different bundle"):
        _check(data, org, verified, bundle_sha256="0" * 64)
    with pytest.raises(ReceiptRejected, match="different bundle"):
        _check(data, org, verified, bundle_id="5d1c2f7a-9b4e-4a61-8f0d-2b7c9e3a4d55")


def test_other_records(org: OrganisationKeys, verified: VerifiedBundle) -> None:
    fewer = create_receipt(verified, org.signing, records=[])
    with pytest.raises(ReceiptRejected, match="same records"):
        _check(fewer, org, verified, records=[RECORD])
    _check(fewer, org, verified)  # without an expectation the subset is reported, not refused
    other = RecordRef("rec-1", 2, "e" * 64)
    with pytest.raises(ReceiptRejected, match="same records"):
        _check(
            create_receipt(verified, org.signing, records=[other]), org, verified, records=[RECORD]
        )


def test_manifest_signature_presented_as_receipt(
    org: OrganisationKeys, verified: VerifiedBundle
) -> None:
    """D6: same key, same bytes, manifest context: refused."""
    body = create_receipt(verified, org.signing).split(b"\n")[0]
    with pytest.raises(ReceiptRejected, match="not signed"):
        _check(_resign(body, org.signing, SignatureContext.MANIFEST), org, verified)


def test_bundle_manifest_and_signature_are_not_a_receipt(
    device: SigningKey, org: OrganisationKeys, verified: VerifiedBundle
) -> None:
    data = verified.manifest_bytes + b"\n" + signature_to_text(verified.signature).encode() + b"\n"
    with pytest.raises(ReceiptRejected):
        _check(data, org, verified, organisation_key=device.public_key)


def test_tampered_or_malformed(org: OrganisationKeys, verified: VerifiedBundle) -> None:
    data = create_receipt(verified, org.signing)
    body, signature, _ = data.split(b"\n")
    with pytest.raises(ReceiptRejected, match="not signed"):
        _check(body.replace(b"rec-1", b"rec-2") + b"\n" + signature + b"\n", org, verified)
    with pytest.raises(ReceiptRejected, match="two lines"):
        _check(body + b"\n" + signature, org, verified)
    with pytest.raises(ReceiptRejected, match="two lines"):
        _check(b"\n" + data, org, verified)
    with pytest.raises(ReceiptRejected, match="too large"):
        _check(b"x" * (3 * 1024 * 1024), org, verified)
    with pytest.raises(ReceiptRejected, match="not signed"):
        _check(body + b"\nnot-base64\n", org, verified)


def test_validly_signed_but_wrong_content(org: OrganisationKeys, verified: VerifiedBundle) -> None:
    body = json.loads(create_receipt(verified, org.signing).split(b"\n")[0])
    other_key = dict(
        body, organisation_public_key=OrganisationKeys.generate().signing_public_key.to_text()
    )
    with pytest.raises(ReceiptRejected, match="different organisation key"):
        _check(
            _resign(canonical_json(other_key), org.signing, SignatureContext.RECEIPT), org, verified
        )
    spaced = json.dumps(body, sort_keys=True).encode()
    with pytest.raises(ReceiptRejected, match="canonical"):
        _check(_resign(spaced, org.signing, SignatureContext.RECEIPT), org, verified)
    wrong_format = dict(body, format="testimony-receipt/v0")
    with pytest.raises(ReceiptRejected, match="format"):
        _check(
            _resign(canonical_json(wrong_format), org.signing, SignatureContext.RECEIPT),
            org,
            verified,
        )
