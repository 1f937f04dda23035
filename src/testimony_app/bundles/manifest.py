"""The bundle manifest: what a bundle holds, who made it, signed by the device.

``manifest.json`` is canonical JSON (keys sorted, no spaces, UTF-8, no trailing newline) so
that the bytes the device signed are the only spelling a reader accepts: the parser
re-serialises what it read and refuses the file if the bytes differ. That closes duplicate
keys, alternative number spellings and whitespace games in one check.

The manifest names every other member of the tar (after ``manifest.json`` and
``manifest.sig``) with its size and SHA-256, in tar order; the first one is always
``SHA256SUMS``, a ``sha256sum``-format list of the rest, so an organisation can check the
extracted files with standard tools (docs/bundle-format.md).

Names follow one rule everywhere (writer, manifest, tar walker): at most six ``/``-separated
segments of ``A-Z a-z 0-9 . _ -``, no ``.`` or ``..`` segment, at most 255 characters. That
excludes absolute and drive paths, backslashes, control characters, bidi overrides and
anything a file system could interpret.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from testimony_app.bundles.keys import InvalidRecipient, parse_recipients
from testimony_app.crypto.record_ids import is_salt_text
from testimony_app.crypto.signing import KeyFormatError, PublicKey
from testimony_app.errors import BundleRejected
from testimony_app.words import Message, Param

FORMAT = "testimony-bundle/v1"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
SUMS_NAME = "SHA256SUMS"
RESERVED_NAMES = frozenset({MANIFEST_NAME, SIGNATURE_NAME, SUMS_NAME})

MAX_MEMBERS = 10_000  # members listed in the manifest, SHA256SUMS included
MAX_RECORDS = 10_000
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_PATH_CHARS = 255
MAX_MEMBER_SIZE = 2**63 - 1

PATH_PATTERN = re.compile(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+){0,5}")
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}")
UUID4_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_BIDI_AND_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)


def path_problem(path: str) -> Message | None:
    """Why ``path`` is not an acceptable member name, as a message (a phrase in the services
    catalogue); ``None`` if it is fine.

    The phrases describe the problem without repeating the name: a hostile name may hold
    control or bidi characters that would garble whatever shows the message.
    """
    if not isinstance(path, str) or not path:
        return Message("bundle.name_empty")
    if len(path) > MAX_PATH_CHARS:
        return Message("bundle.name_too_long", count=MAX_PATH_CHARS)
    if "\x00" in path:
        return Message("bundle.name_nul")
    if any(ord(c) < 0x20 or ord(c) == 0x7F or 0x80 <= ord(c) < 0xA0 for c in path):
        return Message("bundle.name_control")
    if any(c in _BIDI_AND_INVISIBLE for c in path):
        return Message("bundle.name_bidi")
    if path.startswith("/"):
        return Message("bundle.name_absolute")
    if "\\" in path or re.match(r"[A-Za-z]:", path):
        return Message("bundle.name_windows")
    segments = path.split("/")
    if any(s in (".", "..") for s in segments):
        return Message("bundle.name_dot_segment")
    if any(s == "" for s in segments):
        return Message("bundle.name_empty_segment")
    if len(segments) > 6:
        return Message("bundle.name_too_deep")
    if PATH_PATTERN.fullmatch(path) is None:
        return Message("bundle.name_characters")
    return None


@dataclass(frozen=True)
class ManifestMember:
    """One tar member after the signature: its name, size and SHA-256 (lower-case hex)."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class RecordRef:
    """One record version carried by the bundle, by the hash of its sealed content.

    ``id_salt`` (32 hex digits, in manifests only) proves a bound record id under the signing
    device's key (crypto/record_ids.py); ``""`` for a record made before ids were bound, and
    then absent from the manifest, as in every bundle made before.
    """

    id: str
    version: int
    content_sha256: str
    # Not part of what a version *is*: receipts name versions without it.
    id_salt: str = field(default="", compare=False)

    def manifest_entry(self) -> dict[str, Any]:
        """The record's entry in ``manifest.json``."""
        entry: dict[str, Any] = {
            "id": self.id,
            "version": self.version,
            "content_sha256": self.content_sha256,
        }
        if self.id_salt:
            entry["id_salt"] = self.id_salt
        return entry


@dataclass(frozen=True)
class AuditHead:
    """The device's audit chain head when the bundle was made: detects rewritten history."""

    seq: int
    hash: str


@dataclass(frozen=True)
class Manifest:
    """A validated manifest; made by :func:`build_manifest` or :func:`parse_manifest`."""

    bundle_id: str
    created_at: str
    device_id: str
    device_public_key: PublicKey
    recipients: tuple[str, ...]
    previous_bundle_id: str | None
    audit_head: AuditHead
    members: tuple[ManifestMember, ...]
    records: tuple[RecordRef, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON document, before canonical encoding."""
        return {
            "format": FORMAT,
            "bundle_id": self.bundle_id,
            "created_at": self.created_at,
            "device": {"id": self.device_id, "public_key": self.device_public_key.to_text()},
            "recipients": list(self.recipients),
            "previous_bundle_id": self.previous_bundle_id,
            "audit_head": {"seq": self.audit_head.seq, "hash": self.audit_head.hash},
            "members": [{"path": m.path, "size": m.size, "sha256": m.sha256} for m in self.members],
            "records": [r.manifest_entry() for r in self.records],
        }

    def to_bytes(self) -> bytes:
        """The canonical bytes that are written as ``manifest.json`` and signed."""
        return canonical_json(self.to_dict())

    def member(self, path: str) -> ManifestMember | None:
        """The entry for ``path``, if listed."""
        for m in self.members:
            if m.path == path:
                return m
        return None


def canonical_json(document: Any) -> bytes:
    """Sorted keys, no insignificant whitespace, UTF-8: one spelling per document."""
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def render_sha256sums(members: Sequence[ManifestMember]) -> bytes:
    """``sha256sum`` output for every member except ``SHA256SUMS`` itself, in tar order."""
    lines = [f"{m.sha256}  {m.path}\n" for m in members if m.path != SUMS_NAME]
    # Valid names are ASCII; UTF-8 here only lets an invalid name reach the validation that
    # refuses it with a clear message instead of an encoding error.
    return "".join(lines).encode("utf-8")


# --- validation shared by the builder and the parser -----------------------------------------


class ManifestInvalid(ValueError):
    """A manifest field breaks a rule; :attr:`message` says which, as a phrase safe to show
    (a bundle's or receipt's refusal quotes it as its ``detail``)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.code)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def require(condition: bool, code: str, **params: Param) -> None:
    """Raise :class:`ManifestInvalid` with the phrase ``code`` unless ``condition`` holds."""
    if not condition:
        raise ManifestInvalid(Message(code, **params))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_timestamp(value: object) -> str:
    require(
        isinstance(value, str) and _TIMESTAMP.fullmatch(value) is not None,
        "manifest.created_malformed",
    )
    assert isinstance(value, str)
    try:
        datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise ManifestInvalid(Message("manifest.created_not_a_date")) from None
    return value


def _check_members(members: Sequence[ManifestMember]) -> None:
    require(0 < len(members) <= MAX_MEMBERS, "manifest.members_count", count=MAX_MEMBERS)
    require(members[0].path == SUMS_NAME, "manifest.sums_not_first", name=SUMS_NAME)
    seen: set[str] = set()
    for m in members:
        problem = path_problem(m.path)
        if problem is not None:
            raise ManifestInvalid(Message("manifest.member_name", problem=problem))
        require(m.path not in seen, "manifest.member_twice")
        require(m.path == SUMS_NAME or m.path not in RESERVED_NAMES, "manifest.member_reserved")
        seen.add(m.path)
        require(
            _is_int(m.size) and 0 <= m.size <= MAX_MEMBER_SIZE,
            "manifest.member_size_invalid",
        )
        require(
            isinstance(m.sha256, str) and SHA256_PATTERN.fullmatch(m.sha256) is not None,
            "manifest.member_sha256_malformed",
        )


def check_records(records: Sequence[RecordRef]) -> None:
    require(len(records) <= MAX_RECORDS, "manifest.records_too_many", count=MAX_RECORDS)
    seen: set[tuple[str, int]] = set()
    for r in records:
        require(
            isinstance(r.id, str) and _SAFE_ID.fullmatch(r.id) is not None,
            "manifest.record_id_malformed",
        )
        require(
            _is_int(r.version) and 1 <= r.version <= 2**31, "manifest.record_version_invalid"
        )
        require(
            isinstance(r.content_sha256, str)
            and SHA256_PATTERN.fullmatch(r.content_sha256) is not None,
            "manifest.record_hash_malformed",
        )
        require(
            r.id_salt == "" or is_salt_text(r.id_salt), "manifest.record_salt_malformed"
        )
        require((r.id, r.version) not in seen, "manifest.record_twice")
        seen.add((r.id, r.version))


def _validate(manifest: Manifest) -> Manifest:
    require(UUID4_PATTERN.fullmatch(manifest.bundle_id) is not None, "manifest.bundle_id_not_uuid")
    check_timestamp(manifest.created_at)
    require(_SAFE_ID.fullmatch(manifest.device_id) is not None, "manifest.device_id_malformed")
    try:
        parse_recipients(manifest.recipients)
    except InvalidRecipient:
        raise ManifestInvalid(Message("manifest.recipients_invalid")) from None
    prev = manifest.previous_bundle_id
    require(
        prev is None or UUID4_PATTERN.fullmatch(prev) is not None,
        "manifest.previous_not_uuid",
    )
    require(prev != manifest.bundle_id, "manifest.previous_is_itself")
    head = manifest.audit_head
    require(_is_int(head.seq) and 0 <= head.seq < 2**63, "manifest.audit_seq_invalid")
    require(
        isinstance(head.hash, str) and SHA256_PATTERN.fullmatch(head.hash) is not None,
        "manifest.audit_hash_malformed",
    )
    _check_members(manifest.members)
    check_records(manifest.records)
    return manifest


def build_manifest(
    *,
    bundle_id: str,
    created_at: str,
    device_id: str,
    device_public_key: PublicKey,
    recipients: Sequence[str],
    previous_bundle_id: str | None,
    audit_head: AuditHead,
    members: Sequence[ManifestMember],
    records: Sequence[RecordRef],
) -> Manifest:
    """Make a manifest, applying every rule the reader will apply (raises ``ManifestInvalid``)."""
    manifest = _validate(
        Manifest(
            bundle_id=bundle_id,
            created_at=created_at,
            device_id=device_id,
            device_public_key=device_public_key,
            recipients=tuple(recipients),
            previous_bundle_id=previous_bundle_id,
            audit_head=audit_head,
            members=tuple(members),
            records=tuple(records),
        )
    )
    require(len(manifest.to_bytes()) <= MAX_MANIFEST_BYTES, "manifest.larger_than_16mib")
    return manifest


# --- parsing -----------------------------------------------------------------------------


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ManifestInvalid(Message("manifest.key_repeated"))
        result[key] = value
    return result


def _refuse_constant(_: str) -> Any:
    raise ManifestInvalid(Message("manifest.number_not_numeric"))


def _refuse_float(_: str) -> Any:
    raise ManifestInvalid(Message("manifest.number_fractional"))


def load_json_strict(data: bytes, limit: int) -> Any:
    """Decode bounded, canonical UTF-8 JSON with unique keys and integers only.

    Raises ``ManifestInvalid`` with a phrase; the caller turns it into a sentence.
    """
    require(len(data) <= limit, "manifest.too_large")
    try:
        text = data.decode("utf-8")
        document = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_refuse_constant,
            parse_float=_refuse_float,
        )
    except ManifestInvalid:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ManifestInvalid(Message("manifest.not_json")) from None
    try:
        canonical = canonical_json(document)
    except (ValueError, RecursionError):
        raise ManifestInvalid(Message("manifest.not_json")) from None
    require(canonical == data, "manifest.not_canonical")
    return document


def _fields_object(value: object, keys: set[str], code: str) -> dict[str, Any]:
    """``value`` as an object with exactly ``keys``, else the phrase ``code``."""
    require(isinstance(value, dict) and set(value) == keys, code)
    assert isinstance(value, dict)
    return value


def _bounded_list(value: object, code: str, limit: int) -> list[Any]:
    """``value`` as a list of at most ``limit`` items, else the phrase ``code``."""
    require(isinstance(value, list) and len(value) <= limit, code)
    assert isinstance(value, list)
    return value


_RECORD_KEYS = {"id", "version", "content_sha256"}


def _record_entry(item: object) -> RecordRef:
    """A record entry; ``id_salt`` is optional (absent from bundles made before it existed),
    and when present it may not be empty, so that each entry has one spelling."""
    keys = _RECORD_KEYS | {"id_salt"} if isinstance(item, dict) and "id_salt" in item else (
        _RECORD_KEYS
    )
    entry = _fields_object(item, keys, "manifest.fields_record")
    salt = entry.get("id_salt", "")
    require("id_salt" not in entry or is_salt_text(salt), "manifest.record_salt_malformed")
    return RecordRef(entry["id"], entry["version"], entry["content_sha256"], salt)


def declared_device_key(data: bytes) -> PublicKey:
    """The device key a manifest claims, read *before* its signature is checked.

    Only used when the caller has pinned no key: the signature is then checked against this
    key, and the key is reported so a person can compare its fingerprint.
    """
    try:
        document = load_json_strict(data, MAX_MANIFEST_BYTES)
        device = _fields_object(
            document.get("device") if isinstance(document, dict) else None,
            {"id", "public_key"},
            "manifest.fields_device",
        )
        return PublicKey.from_text(device["public_key"])
    except (ManifestInvalid, KeyFormatError, TypeError):
        raise BundleRejected("bundle.manifest_bad_device_key") from None


def parse_manifest(data: bytes) -> Manifest:
    """Parse ``manifest.json`` bytes strictly; raise :class:`BundleRejected` with one sentence.

    Call this only after the signature over ``data`` has been verified.
    """
    try:
        doc = _fields_object(
            load_json_strict(data, MAX_MANIFEST_BYTES),
            {
                "format",
                "bundle_id",
                "created_at",
                "device",
                "recipients",
                "previous_bundle_id",
                "audit_head",
                "members",
                "records",
            },
            "manifest.fields_top",
        )
        require(doc["format"] == FORMAT, "manifest.format_unknown")
        device = _fields_object(doc["device"], {"id", "public_key"}, "manifest.fields_device")
        head = _fields_object(doc["audit_head"], {"seq", "hash"}, "manifest.fields_audit_head")
        members = []
        for item in _bounded_list(doc["members"], "manifest.list_members", MAX_MEMBERS):
            entry = _fields_object(item, {"path", "size", "sha256"}, "manifest.fields_member")
            members.append(ManifestMember(entry["path"], entry["size"], entry["sha256"]))
        records = []
        for item in _bounded_list(doc["records"], "manifest.list_records", MAX_RECORDS):
            records.append(_record_entry(item))
        recipients = _bounded_list(doc["recipients"], "manifest.list_recipients", 64)
        require(all(isinstance(r, str) for r in recipients), "manifest.recipients_invalid")
        require(isinstance(doc["bundle_id"], str), "manifest.bundle_id_not_uuid")
        require(isinstance(device["id"], str), "manifest.device_id_malformed")
        require(isinstance(device["public_key"], str), "manifest.device_key_malformed")
        prev = doc["previous_bundle_id"]
        require(prev is None or isinstance(prev, str), "manifest.previous_not_uuid")
        try:
            device_key = PublicKey.from_text(device["public_key"])
        except KeyFormatError:
            raise ManifestInvalid(Message("manifest.device_key_malformed")) from None
        return _validate(
            Manifest(
                bundle_id=doc["bundle_id"],
                created_at=doc["created_at"],
                device_id=device["id"],
                device_public_key=device_key,
                recipients=tuple(recipients),
                previous_bundle_id=prev,
                audit_head=AuditHead(head["seq"], head["hash"]),
                members=tuple(members),
                records=tuple(records),
            )
        )
    except ManifestInvalid as exc:
        raise BundleRejected("bundle.manifest_invalid", detail=exc.message) from None
