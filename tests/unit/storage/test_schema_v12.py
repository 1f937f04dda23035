"""Schema 12: listing the vault reads no version's content (a covering index for the join).

The list joins each record to its current version for ``sealed``, a column stored after the
version's whole JSON: without the index every list read every testimony's text from disk,
decrypting it, to show one flag (docs/performance.md). What must stay true: the list uses the
index, and shows the same rows with the same statuses as before.
"""

from __future__ import annotations

from pathlib import Path

from testimony_app.domain import model
from testimony_app.services.vault import create_vault

_LIST_SQL = (
    "SELECT r.id, v.sealed FROM records r JOIN versions v"
    " ON v.record_id = r.id AND v.number = r.current"
    " ORDER BY r.interview_date DESC, r.updated_at DESC"
)


def _testimony(place: str) -> model.Testimony:
    return model.Testimony(
        title="[FICTIONAL] schema 11",
        fictional=True,
        interview=model.Interview(date="2024-05-01", place=place, language="az"),
        consent=model.Consent(
            legal_proceedings=True,
            name_may_appear=True,
            informed_of_purpose=True,
            no_coercion_confirmed=True,
        ),
        witness=model.Witness(name="Gülnarə Həsənova", pseudonym="W-11"),
        narrative=model.Narrative(text="Гянджа, подвал. Gəncə, zirzəmi. " * 400),
    )


def test_the_list_reads_versions_through_the_covering_index(tmp_path: Path) -> None:
    session = create_vault(tmp_path / "v", "correct horse battery staple", kdf="test")
    try:
        draft = session.testimonies.create(_testimony("Gəncə"))
        sealed = session.testimonies.create(_testimony("Гянджа"))
        session.testimonies.seal(sealed, backup=False)
        db = session._vault.db
        plan = " ".join(str(step[3]) for step in db.query("EXPLAIN QUERY PLAN " + _LIST_SQL))
        assert "COVERING INDEX versions_sealed" in plan, plan
        statuses = {s.id: s.status for s in session.testimonies.list()}
        assert statuses == {draft: model.Status.DRAFT, sealed: model.Status.SEALED}
    finally:
        session.lock()
