#!/usr/bin/env python3
"""Check an extracted Testimony bundle without the Testimony program.

    age -d -i org-identity.txt BUNDLE.age | tar -x -C DIR
    python3 verify_bundle.py DIR [--device-key ed25519:...]

Needs Python 3.9+ and the ``cryptography`` package only. It checks that ``manifest.sig`` is a
valid Ed25519 signature over ``manifest.json`` (under the manifest context), by the device key
given with ``--device-key`` or, if none is given, by the key the manifest names (compare the
printed fingerprint with the one the interviewer reads out); that every file the manifest lists
is present with the listed size and SHA-256; that SHA256SUMS agrees with the manifest; and that
the folder holds no other file. Exit status 0 means every check passed. It also says which
record ids are bound to the signing device (their ``id_salt`` derives them from its key) and
which are not: the organisation keeps a version whose bound id its device does not prove
aside. See bundle-format.md.
"""

# ruff: noqa: T201  (a command-line tool: printing is its output)

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import sys
import uuid

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

CONTEXT = b"testimony-bundle-manifest/v1\x00"
FORMAT = "testimony-bundle/v1"
PATH = re.compile(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+){0,5}")


def parse_key(text: str) -> bytes:
    if not re.fullmatch(r"ed25519:[A-Za-z0-9+/]{43}=", text):
        raise ValueError("a device key is written 'ed25519:' followed by 44 base64 characters")
    raw = base64.b64decode(text[8:], validate=True)
    if base64.b64encode(raw).decode() != text[8:]:
        raise ValueError("the device key is not in canonical base64")
    return raw


def fingerprint(raw: bytes) -> str:
    chars = base64.b32encode(hashlib.sha256(raw).digest()).decode()[:20]
    return "-".join(chars[i : i + 4] for i in range(0, 20, 4))


def sha256_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


ID_TAG = b"testimony/record-id/v1\x00"


def id_proven(record_id: str, key: bytes, salt: object) -> bool:
    """Whether ``salt`` (32 lower-case hex digits) derives ``record_id`` from ``key``."""
    if not isinstance(salt, str) or not re.fullmatch(r"[0-9a-f]{32}", salt):
        return False
    digest = int.from_bytes(hashlib.sha256(ID_TAG + key + bytes.fromhex(salt)).digest()[:16], "big")
    value = (digest & ~(0xF << 76) & ~(0x3 << 62)) | (0x8 << 76) | (0x2 << 62)
    return str(uuid.UUID(int=value)) == record_id


def is_bound(record_id: str) -> bool:
    """A UUID of version 8: an id that must be proven (older ids are version 4)."""
    try:
        parsed = uuid.UUID(record_id)
    except ValueError:
        return False
    return parsed.variant == uuid.RFC_4122 and parsed.version == 8


def id_summary(records: list[dict[str, object]], key: bytes) -> str:
    """How many record ids the signing device proves, how many are older, how many not."""
    ids = {str(r["id"]): r.get("id_salt") for r in records}
    bound = [i for i in ids if is_bound(i)]
    proven = [i for i in bound if id_proven(i, key, ids[i])]
    line = f"{len(proven)} bound to this device, {len(ids) - len(bound)} made before ids were bound"
    unproven = [i for i in bound if i not in proven]
    if unproven:
        line += f"; NOT this device's (kept aside on import): {', '.join(sorted(unproven))}"
    return line


def verify(root: str, pinned: str | None) -> list[str]:
    with open(os.path.join(root, "manifest.json"), "rb") as handle:
        manifest_bytes = handle.read()
    with open(os.path.join(root, "manifest.sig"), "rb") as handle:
        sig_text = handle.read()
    if not re.fullmatch(rb"[A-Za-z0-9+/]{86}==\n", sig_text):
        return ["manifest.sig is not one line of base64"]
    signature = base64.b64decode(sig_text[:-1], validate=True)
    manifest = json.loads(manifest_bytes.decode("utf-8"))
    canonical = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if canonical.encode("utf-8") != manifest_bytes:
        return ["manifest.json is not in canonical form"]
    named = parse_key(manifest["device"]["public_key"])
    key = parse_key(pinned) if pinned else named
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, CONTEXT + manifest_bytes)
    except InvalidSignature:
        return ["manifest.sig does not verify: the manifest was changed or not signed by this key"]
    if key != named:
        return ["the manifest names a different device key than the one that signed it"]

    problems = []
    if manifest.get("format") != FORMAT:
        problems.append(f"unknown format {manifest.get('format')!r}")
    members = manifest["members"]
    listed = {"manifest.json", "manifest.sig"}
    for member in members:
        path = member["path"]
        if not PATH.fullmatch(path) or any(p in (".", "..") for p in path.split("/")):
            problems.append(f"unsafe name in manifest: {path!r}")
            continue
        listed.add(path)
        full = os.path.join(root, *path.split("/"))
        if os.path.islink(full) or not os.path.isfile(full):
            problems.append(f"missing: {path}")
        elif os.path.getsize(full) != member["size"]:
            problems.append(f"wrong size: {path}")
        elif sha256_file(full) != member["sha256"]:
            problems.append(f"wrong SHA-256: {path}")
    sums = "".join(f"{m['sha256']}  {m['path']}\n" for m in members if m["path"] != "SHA256SUMS")
    sums_path = os.path.join(root, "SHA256SUMS")
    if not members or members[0]["path"] != "SHA256SUMS" or not os.path.isfile(sums_path):
        problems.append("SHA256SUMS is missing")
    else:
        with open(sums_path, "rb") as handle:
            if handle.read() != sums.encode("ascii"):
                problems.append("SHA256SUMS does not agree with the manifest")
    for folder, _, files in os.walk(root):
        for name in files:
            rel = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            if rel not in listed:
                problems.append(f"not in the manifest: {rel!r}")
    if not problems:
        print(f"bundle   {manifest['bundle_id']}")
        print(f"device   {manifest['device']['id']}")
        pin_note = "pinned" if pinned else "named in the manifest: compare it with the device"
        print(f"key      {fingerprint(key)} ({pin_note})")
        print(f"created  {manifest['created_at']} (the device's own clock)")
        print(f"previous {manifest['previous_bundle_id']}")
        print(f"records  {len(manifest['records'])}, files {len(members)}")
        print(f"ids      {id_summary(manifest['records'], key)}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description="Check an extracted Testimony bundle.")
    parser.add_argument("directory")
    parser.add_argument("--device-key", help="the pinned device key, ed25519:<base64>")
    args = parser.parse_args()
    try:
        problems = verify(args.directory, args.device_key)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        problems = [f"cannot check the bundle: {exc}"]
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    if problems:
        return 1
    print("OK: signature valid; every file matches the manifest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
