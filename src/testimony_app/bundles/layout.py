"""What sits inside a bundle beyond the manifest: member paths and the custody log.

The manifest (:mod:`.manifest`) says *that* a file belongs to the bundle; this module says
what the files mean, because both sides must agree on it: the interviewer's laptop writes
records, statements and attachments under these names, and the organisation refuses any
member that is not one of them, before its first byte (``docs/bundle-format.md`` §2).

The custody log (``custody.json``) lists, for every record version the manifest carries,
whether it went complete or as a redacted copy, when it was sealed, the amendment reason,
where its statement and attachments are, and the device's hash-chained audit entries for the
records it carries.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from testimony_app.bundles.manifest import ManifestMember
from testimony_app.bundles.reader import VerifiedBundle
from testimony_app.errors import BundleRejected

__all__ = [
    "CUSTODY_FORMAT",
    "CUSTODY_NAME",
    "MAX_CUSTODY_BYTES",
    "MAX_RECORD_BYTES",
    "MAX_SMALL_TOTAL",
    "MAX_STATEMENT_BYTES",
    "MemberKind",
    "attachment_path",
    "classify",
    "custody_index",
    "member_version",
    "record_path",
    "statement_path",
]

CUSTODY_NAME = "custody.json"
CUSTODY_FORMAT = "testimony-custody/v1"
_MEMBER = re.compile(
    r"records/(?P<id>[A-Za-z0-9][A-Za-z0-9._-]{0,127})/v(?P<n>[1-9][0-9]{0,9})/"
    r"(?:(?P<file>record\.json|statement\.pdf)|attachments/(?P<sha>[0-9a-f]{64}))"
)
# In-memory limits for the small members (record JSON, statement PDFs, the custody log);
# attachments stream into the vault and are never held whole.
MAX_RECORD_BYTES = 16 * 1024 * 1024
MAX_STATEMENT_BYTES = 64 * 1024 * 1024
MAX_CUSTODY_BYTES = 64 * 1024 * 1024
MAX_SMALL_TOTAL = 384 * 1024 * 1024

MemberKind = Literal["custody", "record", "statement", "attachment"]


def record_path(record_id: str, version: int) -> str:
    """Where a version's record JSON sits in a bundle."""
    return f"records/{record_id}/v{version}/record.json"


def statement_path(record_id: str, version: int) -> str:
    """Where a version's statement PDF sits in a bundle."""
    return f"records/{record_id}/v{version}/statement.pdf"


def attachment_path(record_id: str, version: int, sha256: str) -> str:
    """Where an attachment sits: named by its hash, never by its (personal) file name."""
    return f"records/{record_id}/v{version}/attachments/{sha256}"


def member_version(path: str) -> tuple[str, int] | None:
    """``(record_id, version)`` of a record member's path, ``None`` for any other path."""
    match = _MEMBER.fullmatch(path)
    return None if match is None else (match.group("id"), int(match.group("n")))


def attachment_sha(path: str) -> tuple[str, str] | None:
    """``(record_id, sha256)`` of an attachment member's path, ``None`` for any other path."""
    match = _MEMBER.fullmatch(path)
    if match is None or match.group("sha") is None:
        return None
    return match.group("id"), match.group("sha")


def classify(member: ManifestMember) -> tuple[MemberKind, str, int, str]:
    """``(kind, record_id, version, sha)`` of a content member, or refuse it."""
    if member.path == CUSTODY_NAME:
        return "custody", "", 0, ""
    match = _MEMBER.fullmatch(member.path)
    if match is None:
        raise BundleRejected("bundle.unknown_file")
    record_id, version = match.group("id"), int(match.group("n"))
    sha = match.group("sha")
    if sha is not None:
        if sha != member.sha256:
            raise BundleRejected("bundle.attachment_hash_unknown")
        return "attachment", record_id, version, sha
    kind: MemberKind = "record" if match.group("file") == "record.json" else "statement"
    return kind, record_id, version, ""


def custody_index(data: bytes, verified: VerifiedBundle) -> dict[tuple[str, int], dict[str, Any]]:
    """The custody log's per-version index, checked against the signed manifest."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleRejected("bundle.custody_not_json") from None
    if not isinstance(doc, dict) or doc.get("format") != CUSTODY_FORMAT:
        raise BundleRejected("bundle.custody_format_unknown")
    if doc.get("device_id") != verified.manifest.device_id:
        raise BundleRejected("bundle.custody_other_device")
    records = doc.get("records")
    if not isinstance(records, list) or not isinstance(doc.get("entries"), list):
        raise BundleRejected("bundle.custody_no_records")
    index: dict[tuple[str, int], dict[str, Any]] = {}
    for item in records:
        if not isinstance(item, dict):
            raise BundleRejected("bundle.custody_bad_record")
        key = (item.get("id"), item.get("version"))
        if not isinstance(key[0], str) or not isinstance(key[1], int) or key in index:
            raise BundleRejected("bundle.custody_bad_record")
        index[(key[0], key[1])] = item
    listed = {(r.id, r.version) for r in verified.manifest.records}
    if set(index) != listed:
        raise BundleRejected("bundle.custody_manifest_differ")
    return index
