"""Make the golden vault of the current schema: ``python tests/data/golden/make_golden.py``.

A golden vault is made once per released schema version and then never changed: the tests
copy it, unlock it with the program of the day, migrate it and check that every record, field
and hash survived. Run this script when a schema version is released; it writes
``schema-<N>/`` (``vault.db``, ``vault.keys``, ``vault.keys.bak`` and ``expected.json``) and
refuses to overwrite an existing folder. Then add a test that copies the three vault files into
``tmp_path`` and calls :func:`verify` with ``expected.json`` (``tests/unit/storage/
test_golden_generator.py`` shows how). ``schema-1/`` predates this script: it was made by
``schema-1/make.py`` at commit a45536b and has its own test.

What the script puts in a golden vault:

* ``create_vault(path, PASSPHRASE, kdf="test")``: Argon2id with the cheap test parameters
  (1 MiB, 1 pass, 1 lane) so the test runs fast; production vaults are calibrated;
* the published passphrase ``golden-vault-Tərtər`` (fictional data only);
* record A, "Qızıl", sealed as version 1, with one attachment ``şəkil-01.png`` (the 64 bytes
  ``bytes(range(64))``);
* record B, "Ёлка", a draft;
* the vault is locked (the WAL checkpointed into ``vault.db``) and its three files copied;
* ``expected.json`` records what a test must find: ids, titles, the sealed SHA-256, the
  attachment's SHA-256 and the audit chain head.

The bytes differ on every run (random salt, key and ids), so ``expected.json`` is written
together with the vault.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from testimony_app.domain.model import Consent, Testimony
from testimony_app.services.vault import create_vault, unlock_vault
from testimony_app.storage import schema

PASSPHRASE = "golden-vault-Tərtər"
ATTACHMENT = bytes(range(64))
FILES = ("vault.db", "vault.keys", "vault.keys.bak")
# Attachment files live beside the database from schema 6 on.
DIRS = ("attachments",)


def record_a() -> Testimony:
    """The sealed record."""
    t = Testimony(title="Qızıl", fictional=True)
    t.witness.name = "Aygün Şükürova"
    t.witness.pseudonym = "Ş-1"
    t.interview.date = "2017-07-01"
    t.interview.place = "Gəncə"
    t.interview.language = "az"
    t.narrative.text = "Məni üç gün yuxusuz saxladılar.\n\nSonra imza atdırdılar."
    t.consent = Consent(legal_proceedings=True, name_may_appear=False,
                        informed_of_purpose=True, no_coercion_confirmed=True)
    return t


def record_b() -> Testimony:
    """The draft."""
    t = Testimony(title="Ёлка", fictional=True)
    t.witness.name = "Сергей Щёкин"
    t.interview.language = "ru"
    t.narrative.text = "Меня допрашивали всю ночь."
    return t


def make(dest: Path) -> dict[str, object]:
    """Build the golden vault into ``dest`` (created) and return the expected values."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vault"
        session = create_vault(path, PASSPHRASE, kdf="test")
        service = session.testimonies
        a = service.create(record_a())
        source = Path(tmp) / "şəkil-01.png"
        source.write_bytes(ATTACHMENT)
        attachment = service.add_attachment(a, source)
        sealed = service.seal(a, backup=False)
        b = service.create(record_b())
        entries = service.history(a) + service.history(b)
        head = max(entries, key=lambda e: e.seq)
        expected = {
            "schema_version": schema.SCHEMA_VERSION,
            "passphrase": PASSPHRASE,
            "vault_id": session.vault_id,
            "sealed": {"id": a, "title": "Qızıl", "version": sealed.number,
                       "content_sha256": sealed.content_sha256},
            "draft": {"id": b, "title": "Ёлка"},
            "attachment": {"id": attachment.id, "filename": attachment.filename,
                           "sha256": hashlib.sha256(ATTACHMENT).hexdigest(), "size": 64},
            "audit_head": {"seq": head.seq, "hash": head.entry_hash},
        }
        session.lock()
        dest.mkdir(parents=True)
        for name in FILES:
            shutil.copyfile(path / name, dest / name)
        for name in DIRS:
            shutil.copytree(path / name, dest / name)
    return expected


def verify(vault: Path, expected: dict[str, Any]) -> None:
    """Unlock a copy of a golden vault and assert that everything in ``expected`` is there."""
    session = unlock_vault(vault, expected["passphrase"])
    try:
        service = session.testimonies
        assert session.meta("vault_id") == expected["vault_id"]
        sealed, draft, att = expected["sealed"], expected["draft"], expected["attachment"]
        assert service.get(sealed["id"]).title == sealed["title"]
        assert service.get(draft["id"]).title == draft["title"]
        info = service.info(sealed["id"])
        assert info.versions[0].content_sha256 == sealed["content_sha256"]
        stored = service.content_bytes(sealed["id"], sealed["version"])
        assert hashlib.sha256(stored).hexdigest() == sealed["content_sha256"]
        assert service.info(draft["id"]).draft
        (attachment,) = service.get(sealed["id"]).attachments
        assert (attachment.id, attachment.filename, attachment.sha256, attachment.size) == (
            att["id"], att["filename"], att["sha256"], att["size"])
        data = service.read_attachment(att["id"])
        assert hashlib.sha256(data).hexdigest() == att["sha256"]
        head = expected["audit_head"]
        entries = {e.seq: e.entry_hash for e in service.history(sealed["id"])
                   + service.history(draft["id"])}
        assert entries[head["seq"]] == head["hash"]
        report = session.check()
        assert report.ok, report.problems
        assert report.records == 2
    finally:
        session.lock()


def main() -> int:
    """Write ``schema-<N>/`` for the current schema, refusing to overwrite."""
    dest = Path(__file__).resolve().parent / f"schema-{schema.SCHEMA_VERSION}"
    if dest.exists():
        print(f"{dest} exists: golden vaults are never regenerated.", file=sys.stderr)
        return 1
    expected = make(dest)
    (dest / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"Wrote {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
