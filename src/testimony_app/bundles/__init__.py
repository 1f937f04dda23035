"""Bundles: the signed, encrypted files that carry records from a device to the organisation.

The only user of ``tarfile`` and of age (ours, on ``cryptography``). The format is in
``docs/bundle-format.md``; the services layer calls what this package exports:

* export: :func:`write_bundle` with :class:`BundleMember` items;
* verify / import: :func:`open_bundle` (with a :class:`MemberSink`) or :func:`verify_bundle`;
* receipts: :func:`create_receipt` (organisation) and :func:`verify_receipt` (device);
* keys: :class:`OrganisationKeys`, :func:`write_organisation_keys`,
  :func:`load_age_identities`, :func:`load_signing_key`, :func:`parse_recipients`.
"""

from testimony_app.bundles.age_header import AgeFailure, AgeRejected
from testimony_app.bundles.keys import (
    AgeIdentity,
    InvalidRecipient,
    OrganisationKeyError,
    OrganisationKeys,
    load_age_identities,
    load_signing_key,
    org_fingerprint,
    parse_recipient,
    parse_recipients,
    write_organisation_keys,
)
from testimony_app.bundles.manifest import AuditHead, Manifest, ManifestMember, RecordRef
from testimony_app.bundles.reader import (
    DEFAULT_MAX_BUNDLE_SIZE,
    DiscardingSink,
    MemberSink,
    MemorySink,
    UnknownDevice,
    VerifiedBundle,
    open_bundle,
    verify_bundle,
)
from testimony_app.bundles.receipt import (
    Receipt,
    ReceiptRejected,
    RedactedCopy,
    create_receipt,
    verify_receipt,
)
from testimony_app.bundles.writer import (
    BundleMember,
    ExportFailed,
    WrittenBundle,
    neutral_bundle_name,
    write_bundle,
)

__all__ = [
    "DEFAULT_MAX_BUNDLE_SIZE",
    "AgeFailure",
    "AgeIdentity",
    "AgeRejected",
    "AuditHead",
    "BundleMember",
    "DiscardingSink",
    "ExportFailed",
    "InvalidRecipient",
    "Manifest",
    "ManifestMember",
    "MemberSink",
    "MemorySink",
    "OrganisationKeyError",
    "OrganisationKeys",
    "Receipt",
    "ReceiptRejected",
    "RecordRef",
    "RedactedCopy",
    "UnknownDevice",
    "VerifiedBundle",
    "WrittenBundle",
    "create_receipt",
    "load_age_identities",
    "load_signing_key",
    "neutral_bundle_name",
    "open_bundle",
    "org_fingerprint",
    "parse_recipient",
    "parse_recipients",
    "verify_bundle",
    "verify_receipt",
    "write_bundle",
    "write_organisation_keys",
]
