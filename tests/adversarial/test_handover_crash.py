"""High-risk mode, issue 20: a kill -9 at every step of a hand-over loses nothing.

A child process hands a sealed record over and is killed with SIGKILL at one step
(``handover_child.py``). The next unlock must find exactly one of two states, never neither:

* the record still readable (content, attachment), no outbox entry and no file in the outbox;
* the record handed over, its bundle in the outbox with the hash the ledger names, opening with
  the real ``age`` and the organisation's identity and verifying, and (once the unlock has
  finished the scrub) no backup holding the record's content.

Before the commit the first state is required, after it the second.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from testimony_app.bundles import load_age_identities, verify_bundle
from testimony_app.domain.model import Status
from testimony_app.services.vault import unlock_vault
from testimony_app.storage import database
from testimony_app.storage.records import ContentPurged
from testimony_app.storage.vault import unwrap_key
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)

pytestmark = [pytest.mark.slow]

CHILD = Path(__file__).resolve().parent / "handover_child.py"
AUDIO = bytes(range(256)) * (3 * 4096 + 17)  # ~3 MiB: the bundle reports progress mid-write
BEFORE_COMMIT = ("planned", "writing", "written", "verified", "in-transaction")
AFTER_COMMIT = ("committed", "trash", "compacted", "backups", "done", "never")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object, str]:
    """A laptop vault in high-risk mode with one sealed record (and its attachment)."""
    root = tmp_path_factory.mktemp("handover-crash")
    org = S.org_keys(root)
    session = S.new_vault(root / "laptop")
    S.enrol(session, org)
    session.handover.set_mode(True, 0)
    audio = root / "müsahibə.ogg"
    audio.write_bytes(AUDIO)
    record_id = S.sealed(session, S.russian("crash"), audio, backup=True)
    session.lock()
    secret = root / "passphrase"
    secret.write_text(S.passphrase(), encoding="utf-8")
    return root / "laptop", secret, org, record_id


def _run_child(vault: Path, secret: Path, record_id: str, point: str) -> int:
    proc = subprocess.run(
        [sys.executable, str(CHILD), str(vault), str(secret), record_id, point],
        capture_output=True,
        timeout=600,
        check=False,
    )
    return proc.returncode


def _backup_contents(vault: Path, record_id: str) -> list[str]:
    dek = unwrap_key(vault, S.passphrase())[0]
    found = []
    for backup in sorted((vault / "backups").glob("*.db")):
        db = database.connect(backup, dek)
        try:
            found += [str(r[0]) for r in db.query(
                "SELECT content FROM versions WHERE record_id = ?", (record_id,))]
        finally:
            db.close()
    return found


@pytest.mark.parametrize("point", BEFORE_COMMIT + AFTER_COMMIT)
def test_kill_at_every_step_leaves_the_record_or_the_verified_bundle(
    prepared: tuple[Path, Path, object, str], tmp_path: Path, point: str
) -> None:
    source, secret, org, record_id = prepared
    vault = tmp_path / "laptop"
    shutil.copytree(source, vault)
    code = _run_child(vault, secret, record_id, point)
    assert code == (0 if point == "never" else -9), point

    session = unlock_vault(vault, S.passphrase())  # recovers
    try:
        status = session.testimonies.info(record_id).status
        entries = session.handover.outbox_entries()
        files = sorted((vault / "outbox").glob("*")) if (vault / "outbox").exists() else []
        if point in BEFORE_COMMIT:
            assert status is Status.SEALED
            assert entries == []
            assert files == []
            testimony = session.testimonies.get(record_id)
            assert "Щёкин" in testimony.narrative.text
            attachment = session.testimonies.attachments(record_id)[0]
            assert session.testimonies.read_attachment(attachment.id) == AUDIO
            # …and it can be handed over again, now.
            report = session.handover.hand_over([record_id])
            assert report.scrubbed
            entries = session.handover.outbox_entries()
            files = sorted((vault / "outbox").glob("*"))
        assert session.testimonies.info(record_id).status is Status.HANDED_OVER
        assert [e.records for e in entries] == [(record_id,)]
        assert files == [vault / "outbox" / entries[0].file]
        with pytest.raises(ContentPurged):
            session.testimonies.get(record_id)
        assert not session.handover.outbox.scrub_pending()
        bundle = files[0]
    finally:
        session.lock()
    assert set(_backup_contents(vault, record_id)) <= {""}
    verified = verify_bundle(bundle, load_age_identities(org.paths[0]))  # type: ignore[attr-defined]
    assert [r.id for r in verified.manifest.records] == [record_id]
    extracted = S.extract(org.paths[0], bundle, tmp_path / "opened")  # type: ignore[attr-defined]
    assert any(p.read_bytes() == AUDIO for p in extracted.rglob("*") if p.is_file())
