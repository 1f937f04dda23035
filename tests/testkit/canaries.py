"""The canary workflow of the confidentiality tests (security.md §5 A1, A2), and its child.

A canary string sits in every kind of field a testimony has; :func:`workflow` drives the whole
vault through the services with them (create, autosave, search, attach, seal, amend, backup,
change of passphrase, statement PDF in memory, export of a bundle). A1 then scans every file
left behind; A2 runs the same workflow in a child process under ``strace`` and scans every
byte written to a regular file, which also sees temporary files deleted while still open.

Run as a script it is that child::

    python tests/testkit/canaries.py VAULT SCRATCH [leak]

``leak`` forces ``temp_store = FILE`` with a tiny page cache on every connection and sorts the
testimonies' stored rows through it: SQLite then writes plaintext into deleted temporary
files (security.md §2.3). It is the negative control proving the A2 harness sees such writes.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if __name__ == "__main__":  # run as the child: the tests folder is the modules' root
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from testimony_app.domain import folding
from testimony_app.domain.model import Perpetrator, Testimony

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession

CANARIES = {
    "narrative": "KnrNarrativeZq7Canary",
    "translation": "KnrTranslationWx3Canary",
    "witness_name": "Kanareyka Şəkiliqızı Canary",
    "pseudonym": "KnrPseudoJj4",
    "place": "KnrPlaceQırxbulaq",
    "perpetrator": "КанарейкаЩёкинKnr",
    "armenian": "ԿանարյակKnrHay",
    "tag": "KnrTagVv9",
    "notes": "KnrNotesPp2",
    "setting": "KnrSettingLl5",
    "reason": "KnrReasonMm6",
    "attachment_bytes": "KnrAttachmentBytesYy8",
    "attachment_name": "KnrFileNameƏə",
    "amended": "KnrAmendedTextHh1",
}


def _needles() -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for field, canary in CANARIES.items():
        variants = {
            canary,
            canary.lower(),
            canary.upper(),
            folding.fold(canary),
            folding.fold(canary, schwa="a"),
        }
        for text in variants:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found.append((f"{field}/{encoding}/{text}", text.encode(encoding)))
    return found


NEEDLES = _needles()
"""``(name, bytes)`` of every canary: as typed, lower and upper case, folded as search folds
it; each in UTF-8, UTF-16-LE and UTF-16-BE."""


def needles_in(data: bytes | bytearray) -> list[str]:
    """The names of the needles found in ``data``."""
    return [name for name, needle in NEEDLES if needle in data]


def canary_testimony(kit: ModuleType) -> Testimony:
    """The sample testimony with a canary in every kind of field."""
    t: Testimony = kit.sample_testimony("canary")
    t.narrative.text += f"\n\nO dedi: {CANARIES['narrative']} və getdi."
    t.narrative.translation += f" {CANARIES['translation']}"
    t.witness.name = CANARIES["witness_name"]
    t.witness.pseudonym = CANARIES["pseudonym"]
    t.interview.place = CANARIES["place"]
    t.detentions[0].place = CANARIES["place"]
    t.acts[0].perpetrators.append(Perpetrator(name=CANARIES["perpetrator"], rank="майор"))
    t.interview.persons_present.append(CANARIES["armenian"])
    t.tags.append(CANARIES["tag"])
    t.interviewer_notes = CANARIES["notes"]
    return t


def workflow(
    session: VaultSession, kit: ModuleType, scratch: Path, export_to: Path | None = None
) -> str:
    """Everything an interviewer does with one canary testimony; returns its record id.

    With ``export_to`` (an empty folder) the organisation is enrolled (its keys made in
    ``scratch``) and the sealed testimonies are exported there as a bundle, after their
    statement PDF was built in memory.
    """
    service = session.testimonies
    session.set_setting("interviewer_default", CANARIES["setting"])
    t = canary_testimony(kit)
    rid = service.create(t)
    for i in range(5):  # autosaves while typing
        t.narrative.text += f"\n\nƏlavə {i}: {CANARIES['narrative']}"
        service.save_draft(rid, t)
    other = service.create(kit.sample_testimony("other"))
    service.save_draft(other, kit.sample_testimony("other, edited"))
    queries = (
        CANARIES["narrative"],
        CANARIES["perpetrator"].lower(),
        "KNRPLACEQIRX",
        "канарейкащекин",
        CANARIES["witness_name"],
    )
    for query in queries:
        assert [h.testimony_id for h in service.search(query)] == [rid], query
    assert {r.id for r in service.list()} == {rid, other}
    source = scratch / f"{CANARIES['attachment_name']}.wav"
    source.write_bytes((b"RIFF" + CANARIES["attachment_bytes"].encode() + os.urandom(3000)) * 400)
    info = service.add_attachment(rid, source, delete_original=True)
    assert not source.exists()
    assert CANARIES["attachment_bytes"].encode() in service.read_attachment(info.id)
    service.seal(rid)  # seals and writes a backup
    t = service.get(rid)
    t.narrative.text += "\n\n" + CANARIES["amended"]
    service.amend(rid, t, f"Şahid düzəltdi {CANARIES['reason']}")
    session.backup()
    session.change_passphrase(kit.PASSPHRASE, kit.NEW_PASSPHRASE)
    # Typing goes on under the new key (the WAL holds these pages until the vault locks).
    service.save_draft(other, kit.sample_testimony("other, edited after the change"))
    if export_to is not None:
        _export(session, scratch, export_to, rid)
    assert session.check().ok
    return rid


def _export(session: VaultSession, scratch: Path, export_to: Path, rid: str) -> None:
    from testimony_app.services import organisation

    pdf = session.statements.build(rid, language="az")  # in memory only (security.md A5)
    assert pdf.startswith(b"%PDF")
    keys = organisation.org_keygen(scratch / "org-keys")
    session.bundles.enrol(
        [keys.recipient], keys.signing_public_key, "Hüquq Mərkəzi (uydurma)", confirmed=True
    )
    report = session.bundles.export(export_to, keep_doubtful=True)
    assert report.path.parent == export_to
    assert [p.name for p in export_to.iterdir()] == [report.path.name]


def _leak_through_temp_files() -> None:
    """Every connection from now on spills its sorts to plaintext temporary files."""
    from testimony_app.storage import database

    # The negative control's whole point: what the program forbids, forced.
    database._PRAGMAS = (  # type: ignore[assignment]
        *(p for p in database._PRAGMAS if "temp_store" not in p),
        "PRAGMA temp_store = FILE",
        "PRAGMA cache_size = 2",
    )
    real = database._check_settings

    def check_settings(conn: Any, profile: database.CipherProfile) -> None:
        # The guard refusing temp_store=FILE would end the run that is meant to leak.
        with contextlib.suppress(Exception):
            real(conn, profile)

    database._check_settings = check_settings


def _sort_everything(session: VaultSession) -> None:
    """Sort 2,000 copies of every testimony's rows (ORDER BY a value no index holds): more
    than SQLite's sorter keeps in memory (300 copies were not), so with ``temp_store = FILE``
    it spills them to deleted temporary files."""
    db = session._vault.db
    copies = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
    with db.lock:
        for table in ("records", "versions"):
            query = f"{copies} SELECT t.*, n.i FROM {table} AS t, n ORDER BY random()"
            for _ in db.conn.execute(query):
                pass


def main(argv: list[str]) -> None:
    from testimony_app.services.vault import create_vault
    from testkit import vault_kit

    vault, scratch = Path(argv[0]), Path(argv[1])
    leak = argv[2:] == ["leak"]
    if leak:
        _leak_through_temp_files()
    export_to = scratch / "export"
    export_to.mkdir()
    session = create_vault(vault, vault_kit.PASSPHRASE, kdf="test")
    try:
        workflow(session, vault_kit, scratch, export_to)
        if leak:
            _sort_everything(session)
    finally:
        session.lock()
    sys.stdout.write("done\n")


if __name__ == "__main__":
    main(sys.argv[1:])
