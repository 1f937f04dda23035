"""What the layers below the window find, read in Azerbaijani and Russian: snapshots.

The findings are made for real (a vault whose attachment file and audit log were damaged on
disk and in the database, then checked by ``testimony-app check``; a signed statement with bytes
appended, checked by the verifier), and the words compared whole, so a code that lost its
translation, a placeholder dropped or a finding that went back to an English sentence fails.
"""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from testimony_app import cli, words
from testimony_app.services.statement_signing import verify_statement
from testimony_app.services.vault import create_vault
from testimony_app.storage.attachments import CHUNK_BYTES
from testimony_app.words import Message
from testkit import bundle_support as S  # noqa: N812 (as in the other bundle tests)
from testkit import vault_kit


@dataclass(frozen=True)
class Damaged:
    """A vault whose sealed entry in the audit log was edited and one attachment file flipped."""

    vault: Path
    attachment: str
    blob: str
    entry: int


@pytest.fixture
def damaged(tmp_path: Path) -> Damaged:
    vault = tmp_path / "vault"
    session = create_vault(vault, vault_kit.PASSPHRASE, kdf="test")
    try:
        record = session.testimonies.create(vault_kit.sample_testimony("səs"))
        source = tmp_path / "səs.wav"
        source.write_bytes(os.urandom(CHUNK_BYTES + 5000))
        attachment = session.testimonies.add_attachment(record, source).id
        session.testimonies.seal(record, backup=False)
        assert session.check().ok
        ref = session._vault.attachments.ref(attachment)
        assert ref is not None
        db = session._vault.db
        (entry,) = db.query("SELECT seq FROM audit WHERE action = 'sealed'")
        db.conn.execute("DROP TRIGGER audit_append_only_update")
        db.conn.execute("UPDATE audit SET action = 'draft-saved' WHERE action = 'sealed'")
    finally:
        session.lock()
    blob = vault / "attachments" / f"{ref.name}.blob"
    raw = bytearray(blob.read_bytes())
    raw[CHUNK_BYTES // 2] ^= 0x01
    blob.write_bytes(bytes(raw))
    return Damaged(vault, attachment[:8], ref.name[:8], int(entry[0]))


def _check(vault: Path, lang: str) -> tuple[int, list[str]]:
    """``testimony-app --language LANG check`` in this process: its exit and its lines."""
    saved = dict(os.environ)
    out = io.StringIO()
    try:
        os.environ["TESTIMONY_PASSPHRASE"] = vault_kit.PASSPHRASE
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = cli.main(["--language", lang, "check", "--vault", str(vault)])
    finally:
        os.environ.clear()
        os.environ.update(saved)
        words.set_language("en")
    return code, out.getvalue().splitlines()


@pytest.mark.slow  # a vault, an attachment of two chunks, four unlocks (about 2 s)
def test_a_damaged_attachment_and_an_edited_audit_entry_read_in_azerbaijani_and_russian(
    damaged: Damaged,
) -> None:
    d = damaged
    code, az = _check(d.vault, "az")
    assert code != 0
    assert az == [
        words.text(Message("cli.check_problems"), "az"),
        f"- {d.entry} nömrəli audit yazısı yazıldıqdan sonra dəyişdirilib.",
        f"- {d.attachment} əlavəsi: onun {d.blob} faylı zədələnib və ya dəyişdirilib.",
    ]
    code, ru = _check(d.vault, "ru")
    assert code != 0
    assert ru == [
        words.text(Message("cli.check_problems"), "ru"),
        f"- Запись аудита {d.entry} была изменена после того, как её записали.",
        f"- Вложение {d.attachment}: его файл {d.blob} повреждён или изменён.",
    ]
    code, en = _check(d.vault, "en")
    assert en[1:] == [
        f"- Audit entry {d.entry} was altered after it was written.",
        f"- Attachment {d.attachment}: its file {d.blob} is damaged or was altered.",
    ]


@pytest.mark.slow
def test_a_broken_audit_link_and_a_missing_attachment_file_in_russian(damaged: Damaged) -> None:
    """Removing the edited entry breaks the chain's order and link; the file goes missing."""
    (damaged.vault / "attachments").joinpath(
        next(p.name for p in (damaged.vault / "attachments").glob(f"{damaged.blob}*.blob"))
    ).unlink()
    code, ru = _check(damaged.vault, "ru")
    assert code != 0
    assert f"- Вложение {damaged.attachment}: его файл {damaged.blob} отсутствует." in ru


@pytest.mark.slow  # an RSA statement key and a signed PDF (several seconds)
def test_a_statement_signature_problem_reads_in_azerbaijani_and_russian(tmp_path: Path) -> None:
    session = S.new_vault(tmp_path / "laptop")
    try:
        signed = session.statements.build(S.sealed(session, S.azerbaijani("imza")), sign=True)
    finally:
        session.lock()
    longer = tmp_path / "longer.pdf"
    longer.write_bytes(signed + b"%% added later\n")
    report = verify_statement(longer)
    assert not report.ok
    assert [words.text(p, "az") for p in report.problems] == [
        "1 nömrəli imza (Testimony device signature): O, bütün faylı əhatə etmir: ondan sonra"
        " baytlar əlavə edilib."
    ]
    assert [words.text(p, "ru") for p in report.problems] == [
        "Подпись 1 (Testimony device signature): Она охватывает не весь файл: после неё"
        " добавлены байты."
    ]
    (check,) = report.signatures
    assert (words.text(check.later_changes, "az"), words.text(check.later_changes, "ru")) == (
        "heç nə",
        "никаких",
    )
