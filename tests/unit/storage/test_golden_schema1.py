"""A vault written by the first schema opens, migrates and keeps every field and hash."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from testimony_app.errors import VaultTooNew
from testimony_app.services.vault import unlock_vault
from testimony_app.storage import schema

GOLDEN = Path(__file__).parents[2] / "data" / "golden" / "schema-1"
PASSPHRASE = "golden-schema-1 passphrase"
SEALED = "cae9f288-04cd-4664-8daa-91c4110cc49c"
DRAFT = "0218e38d-1226-4eeb-8dcb-b8fbab570c5a"


@pytest.fixture
def golden(tmp_path: Path) -> Path:
    dest = tmp_path / "vault"
    dest.mkdir(mode=0o700)
    for name in ("vault.db", "vault.keys", "vault.keys.bak"):
        shutil.copyfile(GOLDEN / name, dest / name)
        (dest / name).chmod(0o600)
    return dest


@pytest.mark.slow
def test_golden_schema1_migrates_and_keeps_everything(golden: Path) -> None:
    session = unlock_vault(golden, PASSPHRASE)
    try:
        assert session._vault.db.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        sealed = session.testimonies.get(SEALED)
        assert sealed.witness.name == "Rəşad Qəhrəmanlı"
        assert sealed.narrative.paragraphs == [
            "Məni hərbi hissənin zirzəmisində saxladılar.",
            "Дубинками били по ступням.",
        ]
        assert sealed.acts[0].methods == ["falanga"]
        info = session.testimonies.info(SEALED)
        assert [v.sealed for v in info.versions] == [True]
        stored = session.testimonies.content_bytes(SEALED, 1)
        assert hashlib.sha256(stored).hexdigest() == info.versions[0].content_sha256
        (attachment,) = sealed.attachments
        data = session.testimonies.read_attachment(attachment.id)
        assert data == bytes(range(256)) * 40
        assert hashlib.sha256(data).hexdigest() == attachment.sha256
        draft = session.testimonies.get(DRAFT)
        assert draft.narrative.text == "Меня задержали ночью. Ёлка."
        # The search index was rebuilt by a later migration: folded queries find old records.
        assert [h.testimony_id for h in session.testimonies.search("qahramanli")] == [SEALED]
        assert [h.testimony_id for h in session.testimonies.search("ЕЛКА")] == [DRAFT]
        report = session.check()
        assert report.ok, report.problems
        assert report.records == 2
    finally:
        session.lock()


@pytest.mark.slow
def test_vault_from_a_newer_program_is_refused(golden: Path) -> None:
    session = unlock_vault(golden, PASSPHRASE)
    session._vault.db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    session.lock()
    before = (golden / "vault.db").read_bytes()
    with pytest.raises(VaultTooNew, match="newer version"):
        unlock_vault(golden, PASSPHRASE)
    assert (golden / "vault.db").read_bytes() == before
