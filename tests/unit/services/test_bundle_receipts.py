"""Receipts (security.md §5 D11) and the purge that an acknowledgement allows (§4.3 step 5)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from testimony_app import words
from testimony_app.bundles import (
    RecordRef,
    VerifiedBundle,
    create_receipt,
    load_age_identities,
    load_signing_key,
    verify_bundle,
)
from testimony_app.bundles.receipt import ReceiptRejected
from testimony_app.crypto.signing import SignatureContext, SigningKey, signature_to_text
from testimony_app.domain.model import Status
from testimony_app.domain.redaction_review import ReviewChoices
from testimony_app.errors import UserFacingError
from testimony_app.services import organisation
from testimony_app.services.bundles import NothingToExport
from testimony_app.services.vault import VaultSession, unlock_vault
from testimony_app.storage import database
from testimony_app.storage import vault as storage_vault
from testimony_app.storage.blobs import BlobRef, BlobStore
from testimony_app.storage.records import ContentPurged
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)

pytestmark = pytest.mark.slow  # each test exports and imports a bundle first (2-4 s)


WITNESS = "Nemət Məhərrəmov"
MARKER = "ATTACHMENT-BYTES-Qızıl-".encode()


@dataclasses.dataclass
class Exchange:
    """A device that exported one bundle, and the organisation that imported it."""

    root: Path
    org: organisation.OrgKeygenResult
    device: VaultSession
    org_vault: VaultSession
    bundle: Path
    records: list[str]

    def receipt(self, name: str = "receipt.txt") -> Path:
        return organisation.receipt(
            self.org_vault, self.bundle, self.org.paths[0], self.org.paths[1], self.root / name
        )

    def write(self, data: bytes, name: str = "forged.txt") -> Path:
        path = self.root / name
        path.write_bytes(data)
        return path

    def verified(self) -> VerifiedBundle:
        return verify_bundle(self.bundle, load_age_identities(self.org.paths[0]))

    def statuses(self) -> list[Status]:
        return [self.device.testimonies.info(r).status for r in self.records]


@pytest.fixture
def exchange(tmp_path: Path) -> Iterator[Exchange]:
    org = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    S.enrol(device, org)
    recording = tmp_path / "müsahibə.ogg"
    recording.write_bytes(MARKER * 5000)
    first = S.sealed(device, S.azerbaijani("one"), recording, backup=True)
    second = S.sealed(device, S.english("two"), backup=True)
    report = device.bundles.export(tmp_path / "bundle.age")
    org_vault = S.new_vault(tmp_path / "org-vault")
    S.register(org_vault, device)
    organisation.import_bundle(org_vault, report.path, org.paths[0])
    yield Exchange(tmp_path, org, device, org_vault, report.path, [first, second])
    for session in (device, org_vault):
        if session.is_open:
            session.lock()


def _audit_count(session: VaultSession) -> int:
    return len(session.testimonies.history("")) + sum(
        len(session.testimonies.history(s.id)) for s in session.testimonies.list()
    )


def _rejected(exchange: Exchange, receipt: Path, words: str) -> None:
    before = (_audit_count(exchange.device), exchange.statuses())
    with pytest.raises(ReceiptRejected) as caught:
        exchange.device.bundles.acknowledge(receipt)
    S.one_sentence(str(caught.value))
    assert words in str(caught.value), str(caught.value)
    assert (_audit_count(exchange.device), exchange.statuses()) == before


# -- receipts ------------------------------------------------------------------------------------


def test_receipt_verifies_and_marks_records_acknowledged(exchange: Exchange) -> None:
    receipt = exchange.receipt()
    assert oct(receipt.stat().st_mode & 0o777) == "0o600"
    assert exchange.statuses() == [Status.EXPORTED, Status.EXPORTED]
    report = exchange.device.bundles.acknowledge(receipt)
    assert sorted(report.acknowledged) == sorted((r, 1) for r in exchange.records)
    assert report.not_acknowledged == ()
    assert sorted(report.purgeable) == sorted(exchange.records)
    assert exchange.statuses() == [Status.ACKNOWLEDGED, Status.ACKNOWLEDGED]
    for rid in exchange.records:
        assert exchange.device.testimonies.history(rid)[-1].action == "acknowledged"
    again = exchange.device.bundles.acknowledge(receipt)
    assert again.acknowledged == ()
    assert sorted(again.already_acknowledged) == sorted(report.acknowledged)


def test_receipt_signed_by_another_key_is_rejected(exchange: Exchange) -> None:
    forged = create_receipt(exchange.verified(), SigningKey.generate())
    _rejected(exchange, exchange.write(forged), "not signed by the organisation")


def test_receipt_for_another_bundle_hash_is_rejected(exchange: Exchange) -> None:
    key = load_signing_key(exchange.org.paths[1])
    other = dataclasses.replace(exchange.verified(), bundle_sha256="ab" * 32)
    _rejected(exchange, exchange.write(create_receipt(other, key)), "different bundle")


@S.needs_age
def test_manifest_signature_presented_as_a_receipt_is_rejected(exchange: Exchange) -> None:
    out = S.extract(exchange.org.paths[0], exchange.bundle, exchange.root / "x")
    manifest = (out / "manifest.json").read_bytes()
    signature = (out / "manifest.sig").read_bytes()
    _rejected(exchange, exchange.write(manifest + b"\n" + signature), "not signed")
    # The organisation's own key, but a signature made under the manifest context (D6).
    key = load_signing_key(exchange.org.paths[1])
    body = exchange.receipt().read_bytes().split(b"\n")[0]
    cross = signature_to_text(key.sign(SignatureContext.MANIFEST, body)).encode()
    _rejected(exchange, exchange.write(body + b"\n" + cross + b"\n", "cross.txt"), "not signed")


def test_receipt_for_a_bundle_this_laptop_did_not_write_is_rejected(exchange: Exchange) -> None:
    stranger = S.new_vault(exchange.root / "stranger")
    try:
        S.enrol(stranger, exchange.org)
        S.sealed(stranger, S.russian("s"))
        theirs = stranger.bundles.export(exchange.root / "theirs.age")
    finally:
        stranger.lock()
    key = load_signing_key(exchange.org.paths[1])
    verified = verify_bundle(theirs.path, load_age_identities(exchange.org.paths[0]))
    _rejected(exchange, exchange.write(create_receipt(verified, key)), "did not export")


def test_receipt_listing_a_record_not_sent_is_rejected(exchange: Exchange) -> None:
    key = load_signing_key(exchange.org.paths[1])
    verified = exchange.verified()
    extra = [*verified.manifest.records, RecordRef(exchange.records[0], 9, "c" * 64)]
    _rejected(
        exchange, exchange.write(create_receipt(verified, key, records=extra)), "did not carry"
    )


def test_damaged_or_oversized_receipts_are_rejected(exchange: Exchange) -> None:
    good = exchange.receipt().read_bytes()
    flipped = bytearray(good)
    flipped[40] ^= 0x01
    _rejected(exchange, exchange.write(bytes(flipped)), "not signed")
    _rejected(exchange, exchange.write(good + b"extra\n", "trailing.txt"), "two lines")
    _rejected(exchange, exchange.write(b"x" * (3 * 1024 * 1024), "big.txt"), "too large")


def test_partial_receipt_acknowledges_only_what_it_names(exchange: Exchange) -> None:
    key = load_signing_key(exchange.org.paths[1])
    verified = exchange.verified()
    first = next(r for r in verified.manifest.records if r.id == exchange.records[0])
    report = exchange.device.bundles.acknowledge(
        exchange.write(create_receipt(verified, key, records=[first]))
    )
    assert report.acknowledged == ((first.id, 1),)
    assert report.not_acknowledged == ((exchange.records[1], 1),)
    assert exchange.statuses() == [Status.ACKNOWLEDGED, Status.EXPORTED]


def test_receipt_needs_the_bundle_imported_first(exchange: Exchange) -> None:
    empty = S.new_vault(exchange.root / "empty-org")
    try:
        with pytest.raises(UserFacingError, match="has not been imported") as caught:
            organisation.receipt(
                empty,
                exchange.bundle,
                exchange.org.paths[0],
                exchange.org.paths[1],
                exchange.root / "r.txt",
            )
        S.one_sentence(str(caught.value))
        assert not (exchange.root / "r.txt").exists()
    finally:
        empty.lock()


# -- purge ------------------------------------------------------------------------------------


def _plaintext(vault_dir: Path, db_file: Path, dest: Path) -> tuple[bytes, int]:
    """A decrypted copy of a vault database file and of every attachment file it names
    (test only), and the database's free-page count."""
    dek, _ = storage_vault.unwrap_key(vault_dir, S.passphrase())
    db = database.connect(db_file, dek)
    try:
        free = int(db.scalar("PRAGMA freelist_count"))
        db.conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(dest),))
        db.conn.execute("SELECT sqlcipher_export('plaintext')").fetchall()
        db.conn.execute("DETACH DATABASE plaintext")
        refs = [
            BlobRef(name, bytes(key), size)
            for name, key, size in db.query(
                "SELECT blob, blob_key, size FROM attachments WHERE blob IS NOT NULL"
            )
        ]
    finally:
        db.close()
    store = BlobStore.beside(db_file)
    files = b"".join(b"".join(store.read(ref)) for ref in refs)
    return dest.read_bytes() + files, free


def _file_names(vault_dir: Path) -> set[str]:
    """Names of the attachment files the vault's database names."""
    dek, _ = storage_vault.unwrap_key(vault_dir, S.passphrase())
    db = database.connect(vault_dir / "vault.db", dek)
    try:
        return {str(r[0]) for r in db.query("SELECT blob FROM attachments WHERE blob IS NOT NULL")}
    finally:
        db.close()


NEEDLES = [
    WITNESS,
    "Nemət",
    "Məhərrəmov",
    "meherremov",
    "AZE 1234567",
    "Gözlərimi bağladılar",
    MARKER.decode(),
    "müsahibə",
]


def test_purge_after_acknowledgement_removes_the_content_keeps_ids_and_hashes(
    exchange: Exchange,
) -> None:
    device = exchange.device
    rid = exchange.records[0]
    hashes = [v.content_sha256 for v in device.testimonies.info(rid).versions]
    vault_dir = exchange.root / "device"
    assert len(device.backups()) >= 2

    # A redaction review quotes words of the testimony ("hide this one too"): it goes too.
    device.statements.store_review(rid, 1, ReviewChoices(hide_terms=("Məhərrəmov",)))
    # Before: the content is there (the scan below is not vacuous).
    device.lock()
    before, _ = _plaintext(vault_dir, vault_dir / "vault.db", exchange.root / "before.db")
    for needle in NEEDLES:
        assert needle.encode("utf-8") in before, needle
    purged_files = _file_names(vault_dir)
    assert purged_files
    exchange.device = device = unlock_vault(vault_dir, S.passphrase())

    ack = device.bundles.acknowledge(exchange.receipt())
    report = device.bundles.purge(list(ack.purgeable))
    assert set(report.purged) == set(exchange.records)
    assert report.kept == ()

    # Through the service: content gone, id and hash kept, vault healthy.
    with pytest.raises(ContentPurged) as purged:
        device.testimonies.get(rid)
    # Said in the reader's language (it was an English sentence in every one; issue 17 trial).
    assert purged.value.text("az") == (
        "Təşkilat bu ifadəni aldığını təsdiqlədikdən sonra onun məzmunu bu noutbukdan silinib;"
        " yalnız identifikatoru və həşi saxlanılır."
    )
    with pytest.raises(ContentPurged):
        device.statements.build(rid)
    with pytest.raises(ContentPurged):
        device.testimonies.begin_amendment(rid, "reopen")
    assert device.testimonies.search("Məhərrəmov") == []
    assert device.testimonies.search("windowless") == []
    info = device.testimonies.info(rid)
    assert [v.content_sha256 for v in info.versions] == hashes
    assert info.status is Status.ACKNOWLEDGED
    summary = next(s for s in device.testimonies.list() if s.id == rid)
    assert (summary.witness_name, summary.witness_label, summary.title) == ("", "", "")
    assert device.bundles.is_purged(rid)
    assert device.statements.stored_review(rid, 1).empty
    assert device.check().ok, device.check().problems
    assert device.testimonies.history(rid)[-1].action == "purged"
    assert report.backup is not None
    assert [p.name for p in device.backups()] == [report.backup.name]
    with pytest.raises(NothingToExport):
        device.bundles.export(exchange.root / "again.age", record_ids=[rid])
    device.lock()

    # Raw files: nothing in the clear (they are encrypted), and nothing in the decrypted
    # database or the fresh backup either, with no free page left to hold an old copy.
    files = [p for p in vault_dir.rglob("*") if p.is_file()]
    # The purged attachments' files are gone, from the vault and from its backups.
    assert not {p.name.split(".")[0] for p in files} & purged_files
    assert _file_names(vault_dir) == set()
    for path in files:
        raw = path.read_bytes()
        for needle in NEEDLES:
            assert needle.encode("utf-8") not in raw, (path.name, needle)
    wal = vault_dir / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    for db_file, name in ((vault_dir / "vault.db", "after.db"), (report.backup, "backup.db")):
        plain, free = _plaintext(vault_dir, db_file, exchange.root / name)
        assert free == 0
        for needle in NEEDLES:
            assert needle.encode("utf-8") not in plain, (db_file.name, needle)
        assert rid.encode() in plain
        assert hashes[0].encode() in plain


def test_purge_waits_for_acknowledgement_and_keeps_redacted_only_records(
    tmp_path: Path,
) -> None:
    org = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    org_vault = S.new_vault(tmp_path / "org-vault")
    try:
        S.enrol(device, org)
        S.register(org_vault, device)
        hidden = S.sealed(device, S.azerbaijani("h", name_may_appear=False))
        plain = S.sealed(device, S.english("p"))
        drafted = S.sealed(device, S.russian("d"))
        bundle = device.bundles.export(tmp_path / "b.age")
        early = device.bundles.purge([plain])
        assert early.purged == ()
        (waiting,) = early.kept
        assert (waiting.state, waiting.reason) == ("kept", "not_acknowledged")
        assert waiting.action is not None
        for lang in ("en", "az", "ru"):
            S.one_sentence(words.text(waiting.why, lang))
            S.one_sentence(words.text(waiting.action, lang))

        organisation.import_bundle(org_vault, bundle.path, org.paths[0])
        receipt = organisation.receipt(
            org_vault, bundle.path, org.paths[0], org.paths[1], tmp_path / "r.txt"
        )
        device.testimonies.begin_amendment(drafted, "more detail")
        ack = device.bundles.acknowledge(receipt)
        assert set(ack.purgeable) == {plain}
        assert ack.redacted_copies == ((hidden, 1),)
        fates = {f.record_id: (f.state, f.reason) for f in ack.records}
        assert fates == {
            hidden: ("kept", "redacted_only"),
            plain: ("purgeable", ""),
            drafted: ("kept", "amendment_open"),
        }
        for fate in ack.records:
            assert fate.action is not None
            S.one_sentence(words.text(fate.why))
            S.one_sentence(words.text(fate.action))
        report = device.bundles.purge([hidden, plain, drafted])
        assert report.purged == (plain,)
        reasons = {w.record_id: w.reason for w in report.kept}
        assert reasons == {hidden: "redacted_only", drafted: "amendment_open"}
        assert device.testimonies.get(hidden).witness.name == "Nemət Məhərrəmov"
        # The record received only redacted can never be purged by a receipt: no receipt
        # acknowledges a redacted copy as complete.
        again = device.bundles.purge([hidden])
        assert again.purged == ()
        assert device.check().ok
    finally:
        device.lock()
        org_vault.lock()


def test_the_schema_lets_a_sealed_version_change_only_by_being_purged(
    session: VaultSession,
) -> None:
    rid = S.sealed(session, S.english("s"))
    db = session.bundles.vault.db
    with pytest.raises(sqlcipher.IntegrityError, match="sealed version cannot be changed"):
        db.execute("UPDATE versions SET content = 'x' WHERE record_id = ?", (rid,))
    with pytest.raises(sqlcipher.IntegrityError, match="sealed version cannot be changed"):
        db.execute(
            "UPDATE versions SET content = '', purged = 1, content_sha256 = 'x'"
            " WHERE record_id = ?",
            (rid,),
        )
    with pytest.raises(sqlcipher.IntegrityError, match="sealed version cannot be changed"):
        db.execute("UPDATE versions SET content = '{}', purged = 1 WHERE record_id = ?", (rid,))
    db.execute("UPDATE versions SET content = '', purged = 1 WHERE record_id = ?", (rid,))
    with pytest.raises(sqlcipher.IntegrityError, match="sealed version cannot be changed"):
        db.execute("UPDATE versions SET purged = 0 WHERE record_id = ?", (rid,))
    with pytest.raises(sqlcipher.IntegrityError, match="cannot be deleted"):
        db.execute("DELETE FROM versions WHERE record_id = ?", (rid,))
    draft = session.testimonies.create(S.english("d"))
    with pytest.raises(sqlcipher.IntegrityError, match="only a sealed version"):
        db.execute("UPDATE versions SET purged = 1 WHERE record_id = ?", (draft,))
