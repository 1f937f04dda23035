"""Forged bundles and the parties of the provenance attacks (issue 13): shared by
``tests/adversarial/test_provenance_attacks.py`` and ``test_bound_record_ids.py``.

The attacker knows what every statement page and its PDF metadata show — a record's id, its
version and the SHA-256 of its sealed content — and the organisation's public recipient; in
the hardest variant they also hold a laptop the organisation registered. Everything is real:
vaults, age bundles signed by real device keys, the command line in a child process.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from testimony_app.bundles import AuditHead, BundleMember, RecordRef, write_bundle
from testimony_app.crypto.signing import SigningKey
from testimony_app.domain import interchange
from testimony_app.domain.model import Testimony as Record
from testimony_app.services import organisation
from testimony_app.services.vault import VaultSession
from testkit import bundle_support as S  # noqa: N812

GENUINE = "Gözlərimi bağladılar"
FORGED = "FORGED: the witness retracts everything"


@dataclass
class Device:
    """A laptop: its vault, and the key and id it signs bundles with."""

    session: VaultSession
    key: SigningKey
    device_id: str

    @classmethod
    def of(cls, session: VaultSession) -> Device:
        secret = session.meta("device_signing_key")
        assert secret is not None
        return cls(
            session,
            SigningKey.from_private_bytes(base64.b64decode(secret)),
            session.meta("device_id") or "",
        )


@dataclass
class Forgery:
    """A record version as an attacker puts it into a bundle."""

    record_id: str
    version: int
    content: bytes
    claimed_sha256: str
    redacted: bool
    id_salt: str = ""  # the salt that proves a bound id under the signing key, if any


def forged_bundle(
    path: Path, recipient: str, key: SigningKey, device_id: str, items: list[Forgery]
) -> Path:
    """A bundle encrypted to the organisation and signed by ``key``: valid in every byte."""
    members: list[BundleMember] = []
    refs: list[RecordRef] = []
    custody = []
    for item in items:
        member = f"records/{item.record_id}/v{item.version}/record.json"
        members.append(BundleMember.from_bytes(member, item.content))
        refs.append(RecordRef(item.record_id, item.version, item.claimed_sha256, item.id_salt))
        custody.append(
            {
                "id": item.record_id,
                "version": item.version,
                "content_sha256": item.claimed_sha256,
                "redacted": item.redacted,
                "sealed_at": "2017-06-14T12:40:00Z",
                "reason": "",
                "attachments": [],
            }
        )
    doc = {"format": "testimony-custody/v1", "device_id": device_id, "records": custody}
    doc["entries"] = []
    members.append(BundleMember.from_bytes("custody.json", json.dumps(doc).encode()))
    write_bundle(
        path,
        device_id=device_id,
        device_key=key,
        recipients=[recipient],
        members=members,
        records=refs,
        audit_head=AuditHead(1, "0" * 64),
        previous_bundle_id=None,
    )
    return path


def garbage_for(record_id: str, *, name_may_appear: bool | None = False) -> bytes:
    """A valid testimony document for ``record_id`` saying what the attacker wants."""
    fake = Record(id=record_id, title="Tərtər işi", fictional=True)
    fake.narrative.text = FORGED
    fake.consent.name_may_appear = name_may_appear
    return interchange.canonical_bytes(fake)


@dataclass
class Scene:
    root: Path
    org: organisation.OrgKeygenResult
    org_vault: VaultSession
    laptop: Device
    record_id: str
    sealed_sha256: str

    def org_import(self, bundle: Path) -> organisation.ImportReport:
        return organisation.import_bundle(self.org_vault, bundle, self.org.paths[0])

    def receipt(self, bundle: Path, name: str) -> Path:
        return organisation.receipt(
            self.org_vault, bundle, self.org.paths[0], self.org.paths[1], self.root / name
        )

    def attacker(self, name: str, *, registered: bool) -> Device:
        """Another laptop, enrolled with the same organisation; registered there if asked."""
        session = S.new_vault(self.root / name)
        S.enrol(session, self.org)
        if registered:
            S.register(self.org_vault, session, f"{name} (seized)")
        return Device.of(session)



def make_scene(root: Path, laptop_record: Record | None = None) -> Scene:
    """An organisation, and a registered laptop holding one sealed testimony (new records
    get whatever ids ``storage.records.new_record_id`` gives at the time of the call)."""
    org = S.org_keys(root)
    org_vault = S.new_vault(root / "org-vault")
    laptop = S.new_vault(root / "laptop")
    S.enrol(laptop, org)
    S.register(org_vault, laptop, "Gülnarə's laptop")
    rid = S.sealed(laptop, laptop_record or S.azerbaijani("a"), backup=True)
    sealed = laptop.testimonies.info(rid).versions[0].content_sha256
    return Scene(root, org, org_vault, Device.of(laptop), rid, sealed)


class Cli:
    """``python -m testimony_app`` in a child process, one vault per party."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def run(self, *args: object) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, TESTIMONY_PASSPHRASE=S.passphrase())
        env.pop("TESTIMONY_DEBUG", None)
        return subprocess.run(
            [sys.executable, "-m", "testimony_app", *(str(a) for a in args)],
            capture_output=True, text=True, encoding="utf-8", env=env, stdin=subprocess.DEVNULL,
            timeout=300,
        )

    def ok(self, *args: object) -> str:
        done = self.run(*args)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        return done.stdout

    def json(self, *args: object) -> Any:
        return json.loads(self.ok(*args, "--json"))

    def refused(self, *args: object) -> str:
        done = self.run(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr + done.stdout
        return done.stderr
