"""Schema 10: a record keeps the rowid of its search row, so a save no longer reads the index.

Replacing a record's row by ``DELETE FROM search WHERE record_id = ?`` scanned the whole
full-text table (``record_id`` is not indexed there): every autosave, seal and amendment grew
slower with every testimony in the vault (docs/performance.md). These tests hold what must stay
true: one search row per record, the one its record names, old text gone, new text found.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from testimony_app.domain import model
from testimony_app.services.vault import create_vault
from testimony_app.storage import database, schema

NOW = "2026-12-07T10:00:00Z"


def _at_schema(db: database.Database, version: int) -> None:
    for number in range(schema.user_version(db), version):
        with db.transaction() as conn:
            for step in schema.MIGRATIONS[number]:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute(f"PRAGMA user_version = {number + 1:d}")


def test_schema9_vault_migrates_with_each_record_naming_its_search_row(tmp_path: Path) -> None:
    db = database.connect(tmp_path / "vault.db", secrets.token_bytes(32), create=True)
    try:
        _at_schema(db, 9)
        with db.transaction() as conn:
            for rid, text in (("r-a", "Məmmədov"), ("r-b", "Гасанов"), ("r-c", "Hasanov")):
                conn.execute(
                    "INSERT INTO records (id, created_at, updated_at, current)"
                    " VALUES (?, ?, ?, 1)", (rid, NOW, NOW),
                )
                conn.execute(
                    "INSERT INTO search (record_id, body, original) VALUES (?, ?, ?)",
                    (rid, text.lower(), text),
                )
            # A record without a search row (never indexed) keeps none.
            conn.execute(
                "INSERT INTO records (id, created_at, updated_at, current)"
                " VALUES ('r-none', ?, ?, 1)", (NOW, NOW),
            )
        assert schema.migrate(db) == 9
        assert schema.user_version(db) == schema.SCHEMA_VERSION
        rows = db.query(
            "SELECT r.id, s.record_id FROM records r LEFT JOIN search s"
            " ON s.rowid = r.search_rowid ORDER BY r.id"
        )
        assert rows == [("r-a", "r-a"), ("r-b", "r-b"), ("r-c", "r-c"), ("r-none", None)]
    finally:
        db.close()


def _testimony(words: str) -> model.Testimony:
    return model.Testimony(
        title="[FICTIONAL] schema 10",
        fictional=True,
        consent=model.Consent(
            legal_proceedings=True,
            name_may_appear=True,
            informed_of_purpose=True,
            no_coercion_confirmed=True,
        ),
        witness=model.Witness(name="Rəşad Əliyev", pseudonym="W-10"),
        narrative=model.Narrative(text=words),
    )


def test_saves_seals_and_amendments_keep_one_search_row(tmp_path: Path) -> None:
    session = create_vault(tmp_path / "v", "correct horse battery staple", kdf="test")
    try:
        other = session.testimonies.create(_testimony("Bərdə zirzəmi"))
        record = session.testimonies.create(_testimony("Tərtər birinci"))
        for word in ("Gəncə", "Ağdam", "Goranboy"):
            session.testimonies.save_draft(record, _testimony(f"{word} ikinci"))
        session.testimonies.seal(record, backup=False)
        session.testimonies.begin_amendment(record, "düzəliş")
        session.testimonies.amend(record, _testimony("Şəmkir üçüncü"), "düzəliş")
        db = session._vault.db
        for rid in (record, other):
            assert db.query(
                "SELECT count(*), min(s.rowid) = (SELECT search_rowid FROM records WHERE id = ?)"
                " FROM search s WHERE s.record_id = ?", (rid, rid),
            ) == [(1, 1)]
        found = {h.testimony_id for h in session.testimonies.search("Şəmkir")}
        assert found == {record}
        assert session.testimonies.search("Goranboy") == []
        assert {h.testimony_id for h in session.testimonies.search("Bərdə")} == {other}
    finally:
        session.lock()
