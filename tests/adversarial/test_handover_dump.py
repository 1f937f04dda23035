"""High-risk mode, issue 20 item 3: after a hand-over, the passphrase unlocks nothing of it.

The coerced interviewer types the passphrase. The test then does what the person holding the
laptop could: it unwraps the database key, decrypts **every page** of ``vault.db`` (free pages
included), its WAL, every backup and every set-aside database, dumps every row of every table
(the full-text index's shadow tables included), and reads every other file: attachment files,
the outbox, the key files, the temporary folder, home and the XDG folders (Qt's caches). None
of the handed-over record's words (Azerbaijani, Russian, Armenian, Arabic script, folded as
the search index folds them), names, attachment bytes or attachment file keys may be found.

Controls, so that the test can fail: before the hand-over the same dump finds the record's
words and its attachment key; after it, it still finds the words of a record that was not
handed over, and the pseudonym and interview date that a hand-over keeps.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.domain import folding
from testimony_app.domain.model import Perpetrator, Status
from testimony_app.services.vault import VaultSession, restore_backup, unlock_vault
from testimony_app.storage.vault import unwrap_key
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)
from testkit import page_dump as DUMP  # noqa: N812

pytestmark = pytest.mark.slow


# Words of the record handed over, one per script and field kind.
WORDS = {
    "narrative_az": "Qaranlıqdakı-Xəzərçiçəyi",
    "narrative_ru": "Подвальщиков-Щёлкнул",
    "translation": "Zyxwindlemarsh",
    "armenian": "Գաղտնաքարանձավ",
    "arabic": "سردابشكنجه",
    "perpetrator": "Əmiraslanov-Qəddar",
    "perpetrator_ru": "Жмыхов-Палач",
    "witness_name": "Nemət Məhərrəmov",
    "identifiers": "AZE 1234567",
    "place": "Xınalıq-zirzəmisi",
    "notes": "Qeydçiçəkli-Ozan",
    "tag": "Teqzümrüd",
    "attachment_name": "səsyazısı-Küləkli",
}
ATTACHMENT = b"ATTACHED-AUDIO-Ovsunlu-\x00\x01" * 3000
KEPT_WORDS = {"pseudonym": "Şahid-Ə7", "interview_date": "2017-06-14"}
CONTROL_WORD = "Nazlıbəyimova-Kontrol"


def _variants(text: str) -> set[str]:
    return {text, text.lower(), text.upper(), folding.fold(text), folding.fold(text, schwa="a"),
            *folding.tokens(text)}


def _needles(words: dict[str, str]) -> list[tuple[str, bytes]]:
    found = []
    for field, word in words.items():
        for text in _variants(word):
            if len(text) < 4:
                continue
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found.append((f"{field}/{encoding}/{text}", text.encode(encoding)))
    return found


def _record(kit: ModuleType):  # type: ignore[no-untyped-def]
    t = S.azerbaijani("handed")
    t.narrative.text += (
        f"\n\nMəni {WORDS['narrative_az']} apardılar. {WORDS['narrative_ru']} dedi."
        f" {WORDS['armenian']} {WORDS['arabic']}."
    )
    t.narrative.translation += f" {WORDS['translation']}"
    t.interview.place = WORDS["place"]
    t.acts[0].perpetrators.append(Perpetrator(name=WORDS["perpetrator"], rank="mayor"))
    t.acts[0].perpetrators.append(Perpetrator(name=WORDS["perpetrator_ru"], rank="капитан"))
    t.interviewer_notes = WORDS["notes"]
    t.tags.append(WORDS["tag"])
    return t


def _files(root: Path) -> Iterator[Path]:
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = Path(dirpath) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _databases(vault: Path) -> list[Path]:
    return sorted(
        p for p in _files(vault)
        if p.name == "vault.db" or (p.suffix == ".db" and p.parent.name == "backups")
        or (".db.damaged-" in p.name and not p.name.endswith(("-wal", "-shm")))
    )


def _dump(vault: Path, dek: bytes, extra: list[Path]) -> dict[str, bytes]:
    """Everything the passphrase gives, by where it came from."""
    dump: dict[str, bytes] = {}
    for db_file in _databases(vault):
        dump[f"pages of {db_file.relative_to(vault)}"] = DUMP.plaintext_of(db_file, dek)
        dump[f"rows of {db_file.relative_to(vault)}"] = DUMP.rows_text(db_file, dek).encode()
    for path in [*_files(vault), *extra]:
        try:
            dump[f"file {path}"] = path.read_bytes()
        except (FileNotFoundError, PermissionError):
            continue
    return dump


def _hits(dump: dict[str, bytes], needles: list[tuple[str, bytes]]) -> list[str]:
    return [f"{where}: {name}" for where, data in dump.items() for name, n in needles if n in data]


def _blob_keys(session: VaultSession, record_id: str) -> list[tuple[str, bytes]]:
    rows = session.bundles.vault.db.query(
        "SELECT blob_key FROM attachments WHERE record_id = ?", (record_id,)
    )
    keys = [bytes(r[0]) for r in rows if r[0] is not None]
    assert keys, "the attachment should be a file sealed under its own key"
    return [(f"blob key {k.hex()[:8]}", k) for k in keys] + [
        (f"blob key hex {k.hex()[:8]}", k.hex().encode()) for k in keys
    ]


def test_after_hand_over_the_passphrase_unlocks_nothing_of_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = S.kit()
    # The program's temporary folder is this test's own (other engineers' runs share /tmp),
    # and all of it is read at the end.
    temp_root = tmp_path / "tmp"
    temp_root.mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(temp_root))
    monkeypatch.setattr(tempfile, "tempdir", str(temp_root))
    home_dirs = [Path(os.environ["HOME"])] + [
        Path(os.environ[v]) for v in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
        if v in os.environ
    ]
    vault = tmp_path / "laptop"
    org = S.org_keys(tmp_path)
    session = S.new_vault(vault)
    S.enrol(session, org)
    session.handover.set_mode(True, 0)

    # The record: drafted with autosaves, an attachment, a registry link, sealed with a backup.
    testimony = _record(kit)
    rid = session.testimonies.create(testimony)
    for i in range(3):
        testimony.narrative.text += f"\n\nƏlavə {i}: {WORDS['narrative_az']}"
        session.testimonies.save_draft(rid, testimony)
    source = tmp_path / f"{WORDS['attachment_name']}.ogg"
    source.write_bytes(ATTACHMENT)
    session.testimonies.add_attachment(rid, source, delete_original=True)
    assert not source.exists()
    mention = next(m for m in session.registry.mentions(rid) if m.text == WORDS["perpetrator"])
    entry = session.registry.create_entry("person", "Entry-Q")
    session.registry.link(rid, mention.path, entry.id)
    session.testimonies.seal(rid, backup=True)
    control = S.english("control")
    control.narrative.text += f" {CONTROL_WORD}."
    other = S.sealed(session, control, backup=True)
    blob_keys = _blob_keys(session, rid)
    backup = session.backups()[0]
    session.lock()
    # A restore sets the live database aside (an older copy of the same content).
    restore_backup(vault, backup, kit.PASSPHRASE)
    session = unlock_vault(vault, kit.PASSPHRASE)
    assert any(".damaged-" in p.name for p in vault.iterdir())

    needles = [*_needles(WORDS), ("attachment bytes", ATTACHMENT[:64]), *blob_keys]
    dek = bytes(unwrap_key(vault, kit.PASSPHRASE)[0])
    before = _hits(_dump(vault, dek, []), needles)
    assert any("pages of vault.db" in h and "narrative_ru" in h for h in before)
    assert any("blob key" in h for h in before)
    assert any("backups" in h for h in before)

    report = session.handover.hand_over([rid])
    assert report.scrubbed
    assert session.testimonies.info(rid).status is Status.HANDED_OVER
    session.lock()

    # The coerced unlock, then everything the passphrase gives.
    session = unlock_vault(vault, kit.PASSPHRASE)
    summary = session.testimonies.list()
    assert {s.id: s.status for s in summary}[rid] is Status.HANDED_OVER
    assert session.testimonies.search(WORDS["narrative_ru"]) == []
    assert session.testimonies.search(CONTROL_WORD)[0].testimony_id == other
    session.lock()
    dek = bytes(unwrap_key(vault, kit.PASSPHRASE)[0])
    temp_new = list(_files(tmp_path))
    home_files = [p for root in home_dirs if root.is_dir() for p in _files(root)]
    dump = _dump(vault, dek, temp_new + home_files)
    assert any(k.startswith("file ") and "/outbox/" in k for k in dump), "the outbox bundle"
    assert _hits(dump, needles) == []
    # Controls: what stays, and the record that was not handed over, are still found.
    assert _hits(dump, _needles({"control": CONTROL_WORD}))
    kept = _hits(dump, _needles(KEPT_WORDS))
    assert any("pseudonym" in h for h in kept)
    assert any("interview_date" in h for h in kept)


def test_a_set_aside_database_is_scrubbed_of_what_was_handed_over(tmp_path: Path) -> None:
    """A copy a restore set aside, kept because it holds a draft the vault lacks, loses the
    handed-over record's draft and sealed content (and keeps the other record's draft)."""
    vault = tmp_path / "laptop"
    session = S.new_vault(vault)
    S.enrol(session, S.org_keys(tmp_path))
    session.handover.set_mode(True, 0)
    testimony = _record(S.kit())
    rid = session.testimonies.create(testimony)
    testimony.narrative.text += f" {WORDS['translation']}"
    session.testimonies.save_draft(rid, testimony)
    keep = session.testimonies.create(S.english("kept draft"))
    session.lock()
    snapshot = tmp_path / "snapshot.db"
    snapshot.write_bytes((vault / "vault.db").read_bytes())  # checkpointed at the lock
    session = unlock_vault(vault, S.passphrase())
    try:
        session.testimonies.seal(rid, backup=True)
        session.handover.hand_over([rid])
        aside = vault / "vault.db.damaged-20261207T000000000000Z"
        aside.write_bytes(snapshot.read_bytes())
        dek = bytes(unwrap_key(vault, S.passphrase())[0])
        needles = _needles(WORDS)
        assert _hits({"before": DUMP.plaintext_of(aside, dek)}, needles)
        session.handover._scrub_set_aside()
        dump = {"pages": DUMP.plaintext_of(aside, dek),
                "rows": DUMP.rows_text(aside, dek).encode()}
        assert _hits(dump, needles) == []
        assert "Elnur Hasanli" in dump["rows"].decode()  # the other draft stays
        assert keep in dump["rows"].decode()
    finally:
        session.lock()
