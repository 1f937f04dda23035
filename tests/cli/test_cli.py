"""The command line, run as a user runs it: ``python -m testimony_app ...`` in a subprocess."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from testimony_app import cli as cli_module

PASSPHRASE = "Tərtər-qırmızı-körpü-ёлка-7"
NEW_PASSPHRASE = "yeni-açar-söz-новый-пароль-9"

DOCUMENT: dict[str, Any] = {
    "title": "Tərtər işi: Rəşad Ə.",
    "witness": {"name": "Rəşad Əliyev", "pseudonym": "R-12"},
    "interview": {
        "date": "2017-05-20",
        "place": "Tərtər",
        "language": "az",
        "interviewer": "Günay Məmmədova",
    },
    "consent": {"legal_proceedings": True, "name_may_appear": False},
    "narrative": "Məni gecə evdən apardılar.\n\nМеня били по ступням; следователь Щёкин кричал.",
    "detentions": [
        {"start_date": "2017-05", "start_precision": "month", "place": "Tərtər, hərbi hissə",
         "authority": "Военная полиция", "statements_signed": ["confession"]}
    ],
    "acts": [
        {"date": "2017-05-21", "methods": ["falanga", "electric_shock"],
         "perpetrators": [{"name": "Щёкин", "rank": "капитан"}],
         "description": "Ayaqlarının altından döydülər.", "injuries": "Şişkinlik"}
    ],
}


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TESTIMONY_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               TESTIMONY_PASSPHRASE=PASSPHRASE, PYTHONIOENCODING="utf-8")
    env.update(extra)
    return env


class Cli:
    """Runs the program against one vault.

    By default in this process (``cli.main``, as the console script calls it, with the
    environment, stdout and stderr swapped for the call) because every separate Python start
    costs about a second; ``sub=True`` runs ``python -m testimony_app`` in a child process,
    which the tests use where the process boundary matters (exit status, stderr, no terminal).
    """

    def __init__(self, vault: Path, home: Path) -> None:
        self.vault = vault
        self.home = home

    def __call__(
        self, *args: object, sub: bool = False, **env: str
    ) -> subprocess.CompletedProcess[str]:
        argv = [*map(str, args), "--vault", str(self.vault)]
        if sub:
            return subprocess.run(
                [sys.executable, "-m", "testimony_app", *argv], capture_output=True, text=True,
                encoding="utf-8", env=_env(self.home, **env), timeout=120,
                stdin=subprocess.DEVNULL,
            )
        return _in_process(argv, _env(self.home, **env))

    def ok(self, *args: object, sub: bool = False, **env: str) -> str:
        proc = self(*args, sub=sub, **env)
        assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr
        return proc.stdout


def _in_process(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    saved_env = dict(os.environ)
    saved_umask = os.umask(0o077)
    out, err = io.StringIO(), io.StringIO()
    try:
        os.environ.clear()
        os.environ.update(env)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_module.main(argv)
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        os.umask(saved_umask)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def _one_sentence(proc: subprocess.CompletedProcess[str], code: int | None = None) -> str:
    assert proc.returncode != 0, proc.stdout
    if code is not None:
        assert proc.returncode == code, (proc.returncode, proc.stderr)
    err = proc.stderr.strip()
    assert "Traceback" not in proc.stderr
    assert err.count("\n") == 0, err
    assert err.startswith("testimony-app: ")
    assert err.endswith("."), err
    return err


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A vault made by ``init`` with one testimony added: (vault, id, document path)."""
    root = tmp_path_factory.mktemp("cli")
    cli = Cli(root / "vault", root / "home")
    out = cli.ok("init", "--kdf", "test", sub=True)
    assert "Created a vault" in out
    doc = root / "ifadə.json"
    doc.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    record_id = cli.ok("add", doc, sub=True).strip()
    assert len(record_id) == 36
    return root / "vault", record_id, str(doc)


@pytest.fixture
def cli(base: tuple[Path, str, str], tmp_path: Path) -> Cli:
    """A private copy of the base vault for one test."""
    shutil.copytree(base[0], tmp_path / "vault")
    return Cli(tmp_path / "vault", tmp_path / "home")


def _files(vault: Path) -> dict[str, bytes]:
    return {str(p.relative_to(vault)): p.read_bytes() for p in sorted(vault.rglob("*"))
            if p.is_file()}


@pytest.mark.slow
def test_show_json_round_trips_the_document(cli: Cli, base: tuple[Path, str, str],
                                            tmp_path: Path) -> None:
    record_id = base[1]
    shown = json.loads(cli.ok("show", record_id[:8], "--json", sub=True))
    assert shown["id"] == record_id
    assert shown["narrative"]["text"] == DOCUMENT["narrative"]
    expected = copy.deepcopy(DOCUMENT)
    del expected["narrative"]

    def contains(big: object, small: object, where: str) -> None:
        if isinstance(small, dict):
            assert isinstance(big, dict), where
            for key, value in small.items():
                contains(big[key], value, f"{where}.{key}")
        elif isinstance(small, list):
            assert isinstance(big, list), where
            assert len(big) == len(small), where
            for i, (b, s) in enumerate(zip(big, small, strict=True)):
                contains(b, s, f"{where}[{i}]")
        else:
            assert big == small, where

    contains(shown, expected, "")
    again = tmp_path / "again.json"
    again.write_text(json.dumps(shown, ensure_ascii=False), encoding="utf-8")
    second = cli.ok("add", again).strip()
    reshown = json.loads(cli.ok("show", second, "--json"))
    assert reshown.pop("id") == second
    shown.pop("id")
    assert reshown == shown


@pytest.mark.slow
def test_list_search_and_human_show(cli: Cli, base: tuple[Path, str, str]) -> None:
    record_id = base[1]
    out = cli.ok("list")
    assert record_id[:8] in out
    assert "R-12" in out
    assert "Rəşad Əliyev" not in out  # the list shows the pseudonym, never the name
    rows = json.loads(cli.ok("list", "--json"))
    assert [r["id"] for r in rows] == [record_id]
    assert rows[0]["status"] == "draft"
    assert "witness_name" not in rows[0]
    assert (rows[0]["version"], rows[0]["methods"]) == (1, ["falanga", "electric_shock"])
    for query in ("ƏLİYEV", "aliyev", "щекин", "ЩЁКИН", "apardilar"):
        hits = json.loads(cli.ok("search", query, "--json"))
        assert [h["id"] for h in hits] == [record_id], query
    assert "Nothing found" in cli.ok("search", "Quliyev")
    shown = cli.ok("show", record_id)
    assert "1. Məni gecə evdən apardılar." in shown
    assert "2. Меня били по ступням" in shown


@pytest.mark.slow
def test_seal_amend_attach_check(cli: Cli, base: tuple[Path, str, str], tmp_path: Path) -> None:
    record_id = base[1]
    err = _one_sentence(cli("seal", record_id), code=2)
    assert "consent" in err  # informed of purpose and no coercion are not yet recorded
    full = copy.deepcopy(DOCUMENT)
    full["consent"].update(informed_of_purpose=True, no_coercion_confirmed=True)
    doc = tmp_path / "full.json"
    doc.write_text(json.dumps(full, ensure_ascii=False), encoding="utf-8")
    cli.ok("amend", record_id, doc, "--reason", "Razılıq tam qeyd olundu")  # a draft: saved, sealed
    sealed = json.loads(cli.ok("show", record_id, "--json"))
    assert sealed["consent"]["no_coercion_confirmed"] is True

    photo = tmp_path / "şəkil-1.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + os.urandom(50_000))
    err = _one_sentence(cli("attach", "nosuchid", photo))
    assert "No testimony" in err
    info = json.loads(cli.ok("attach", record_id, photo, "--json"))
    assert info["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert info["filename"] == "şəkil-1.jpg"

    full["narrative"] = full["narrative"] + "\n\nDüzəliş: tarix 21 may idi."
    doc.write_text(json.dumps(full, ensure_ascii=False), encoding="utf-8")
    result = json.loads(cli.ok("amend", record_id, doc, "--reason", "Tarix düzəldildi",
                               "--json"))
    assert result["number"] == 2
    assert result["reason"] == "Tarix düzəldildi"
    v1 = json.loads(cli.ok("show", record_id, "--version", "1", "--json"))
    assert "Düzəliş" not in v1["narrative"]["text"]
    assert json.loads(cli.ok("list", "--json"))[0]["status"] == "amended"
    err = _one_sentence(cli("amend", record_id, doc, "--reason", "  "))
    assert "reason" in err

    report = json.loads(cli.ok("check", "--json"))
    assert report == {"ok": True, "problems": [], "records": 1,
                      "audit_entries": report["audit_entries"]}
    assert "All checks passed" in cli.ok("check")


def _page_unlock_does_not_read(vault: Path) -> int:
    """Byte offset of the middle of a page of the search index's stored text.

    Unlock never reads that table; which page is the file's last one depends on the schema
    (a migration that grows ``sqlite_schema`` puts it last), so the page is looked up.
    """
    from testimony_app.services.vault import unlock_vault

    session = unlock_vault(vault, PASSPHRASE)
    try:
        db = session._vault.db
        size = int(db.scalar("PRAGMA page_size"))
        root = int(db.scalar("SELECT rootpage FROM sqlite_schema WHERE name = 'search_content'"))
    finally:
        session.lock()
    return (root - 1) * size + size // 2


@pytest.mark.slow
def test_check_after_a_flipped_byte(cli: Cli, kit: ModuleType) -> None:
    db = cli.vault / "vault.db"
    kit.flip_byte(db, _page_unlock_does_not_read(cli.vault))
    proc = cli("check", sub=True)
    # That page is not read at unlock: the vault opens and the page check finds it.
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert lines[0] == "Problems found:"
    assert "failed its integrity check" in lines[1] or "failed their integrity check" in lines[1]
    assert all(line.startswith("- ") and line.endswith(".") for line in lines[1:])


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["flip page 1", "missing", "empty", "truncated"])
def test_damaged_database_is_one_sentence_and_files_unchanged(
    cli: Cli, kit: ModuleType, damage: str
) -> None:
    db = cli.vault / "vault.db"
    if damage == "flip page 1":
        kit.flip_byte(db, 200)
    elif damage == "missing":
        db.unlink()
    elif damage == "empty":
        db.write_bytes(b"")
    else:
        db.write_bytes(db.read_bytes()[:10])
    before = _files(cli.vault)
    for command in (["list"], ["check"]):
        # Exit 1: damage, whether check finds it or opening the vault does (README).
        err = _one_sentence(cli(*command, sub=damage == "empty"), code=1)
        assert "backup" in err, err
    assert _files(cli.vault) == before
    if damage == "empty":
        assert db.read_bytes() == b""


@pytest.mark.slow
def test_wrong_passphrase_is_exit_2_one_line(cli: Cli) -> None:
    before = _files(cli.vault)
    proc = cli("list", sub=True, TESTIMONY_PASSPHRASE="səhv parol")
    assert _one_sentence(proc, code=2) == (
        "testimony-app: The passphrase is not correct for this vault."
    )
    assert "səhv" not in proc.stderr + proc.stdout
    after = _files(cli.vault)
    assert json.loads(after.pop("vault.attempts"))["failures"] == 1  # the next one waits
    before.pop("vault.attempts")
    assert after == before


@pytest.mark.slow
def test_no_passphrase_without_a_terminal(cli: Cli) -> None:
    env = {k: v for k, v in _env(cli.home).items() if k != "TESTIMONY_PASSPHRASE"}
    proc = subprocess.run([sys.executable, "-m", "testimony_app", "list", "--vault",
                           str(cli.vault)], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=60)
    assert "passphrase" in _one_sentence(proc, code=2).lower()


@pytest.mark.slow
def test_passphrase_file(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "açar.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    cli.ok("list", "--passphrase-file", secret, TESTIMONY_PASSPHRASE="")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"witness": {"name": "A", "nickname": "B"}}), "witness.nickname"),
        (json.dumps({"acts": [{"methods": "falanga"}]}), "acts[0].methods"),
        (json.dumps({"consent": {"legal_proceedings": "bəli"}}), "consent.legal_proceedings"),
        (json.dumps(["a list"]), "JSON object"),
        (json.dumps({"format": "testimony/v9"}), "testimony/v9"),
    ],
)
def test_bad_documents_name_the_problem(
    cli: Cli, tmp_path: Path, content: str, expected: str
) -> None:
    before = _files(cli.vault)
    doc = tmp_path / "pis.json"
    doc.write_text(content, encoding="utf-8")
    assert expected in _one_sentence(cli("add", doc), code=2)
    assert _files(cli.vault) == before


def test_missing_document_file(cli: Cli, tmp_path: Path) -> None:
    assert "cannot be read" in _one_sentence(cli("add", tmp_path / "yoxdur.json"), code=2)


@pytest.mark.slow
def test_backup_restore_latest_and_passwd(cli: Cli, base: tuple[Path, str, str]) -> None:
    record_id = base[1]
    out = json.loads(cli.ok("backup", "--json"))
    assert Path(out["backup"]).is_file()
    db = cli.vault / "vault.db"
    db.write_bytes(db.read_bytes()[:4096])  # damage the live database
    _one_sentence(cli("list"))
    assert "Restored" in cli.ok("restore", "latest")
    assert list(cli.vault.glob("vault.db.damaged-*"))
    assert [r["id"] for r in json.loads(cli.ok("list", "--json"))] == [record_id]

    assert "changed" in cli.ok("passwd", TESTIMONY_NEW_PASSPHRASE=NEW_PASSPHRASE)
    _one_sentence(cli("list"), code=2)
    cli.ok("list", TESTIMONY_PASSPHRASE=NEW_PASSPHRASE)
    assert "All checks passed" in cli.ok("check", TESTIMONY_PASSPHRASE=NEW_PASSPHRASE)


@pytest.mark.slow
def test_backup_says_when_a_damaged_attachment_file_is_not_in_it(
    cli: Cli, base: tuple[Path, str, str], tmp_path: Path
) -> None:
    src = tmp_path / "şəkil-фото.jpg"
    src.write_bytes(os.urandom(70_000))
    cli.ok("attach", base[1], src)
    (blob,) = (cli.vault / "attachments").glob("*.blob")
    raw = bytearray(blob.read_bytes())
    raw[40_000] ^= 0x01
    blob.write_bytes(bytes(raw))
    proc = cli("backup", "--json", sub=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["missing_attachment_files"] == 1
    assert "lacks 1 attachment file" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not list((cli.vault / "backups" / "attachments").glob("*.blob"))
    blob.write_bytes(bytes(raw[:40_000]) + bytes([raw[40_000] ^ 0x01]) + bytes(raw[40_001:]))
    proc = cli("backup", sub=True)
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert len(list((cli.vault / "backups" / "attachments").glob("*.blob"))) == 1


def test_restore_without_backups(cli: Cli) -> None:
    assert "no backups" in _one_sentence(cli("restore", "latest"))


def test_init_refuses_an_existing_vault(cli: Cli) -> None:
    before = _files(cli.vault)
    _one_sentence(cli("init", "--kdf", "test"), code=2)
    assert _files(cli.vault) == before


def test_unknown_vault(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "yoxdur", tmp_path / "home")
    assert "no vault" in _one_sentence(cli("list"), code=2).lower()
    assert not (tmp_path / "yoxdur").exists()


@pytest.mark.slow
def test_demo(tmp_path: Path) -> None:
    pytest.importorskip("testimony_app.domain.demo")
    cli = Cli(tmp_path / "demo", tmp_path / "home")
    out = cli.ok("demo", "--kdf", "test", sub=True)
    assert "fictional" in out.lower()
    from testimony_app.services.demo import DEMO_PASSPHRASE

    rows = json.loads(cli.ok("list", "--json", TESTIMONY_PASSPHRASE=DEMO_PASSPHRASE))
    assert len(rows) >= 6
    assert all(r["fictional"] for r in rows)
    assert "All checks passed" in cli.ok("check", TESTIMONY_PASSPHRASE=DEMO_PASSPHRASE)


def _pdf_text(path: Path) -> str:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


@pytest.mark.slow
def test_pdf_refuses_the_named_statement_when_the_name_may_not_appear(
    cli: Cli, base: tuple[Path, str, str], tmp_path: Path
) -> None:
    record_id = base[1]  # consent: the name may not appear
    out = tmp_path / "s.pdf"
    err = _one_sentence(cli("pdf", record_id, "-o", out, sub=True), code=2)
    assert "did not agree to their name appearing" in err
    assert "--named --reason" in err
    assert not out.exists()
    err = _one_sentence(cli("pdf", record_id, "-o", out, "--named"), code=2)
    assert "--reason" in err
    history_before = cli.ok("show", record_id, "--json")
    result = json.loads(cli.ok("pdf", record_id, "-o", out, "--named", "--reason",
                               "Məhkəmə üçün imzalı nüsxə", "--json"))
    assert "Rəşad Əliyev" in _pdf_text(out)
    assert result["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert cli.ok("show", record_id, "--json") == history_before  # the record is unchanged
    cli.ok("pdf", record_id, "-o", tmp_path / "r.pdf", "--redacted")
    assert "Rəşad Əliyev" not in _pdf_text(tmp_path / "r.pdf")


@pytest.mark.slow
def test_redactions_lists_hits_and_a_review_file_is_applied_and_stored(
    cli: Cli, base: tuple[Path, str, str], tmp_path: Path
) -> None:
    record_id = base[1]
    listing = json.loads(cli.ok("redactions", record_id, "--json"))
    assert listing["stored_review"] is True
    title = [h for h in listing["hits"] if h["where"] == "title"]
    assert [(h["text"], h["replaced"]) for h in title] == [("Rəşad Ə.", True)]
    review = tmp_path / "review.json"
    review.write_text(json.dumps({
        "format": "testimony-redaction-review", "version": 1,
        "keep": [], "hide": [], "hide_terms": ["Щёкин"],
    }, ensure_ascii=False), encoding="utf-8")
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    cli.ok("pdf", record_id, "-o", first, "--redacted", "--review-file", review)
    assert "Щёкин" not in _pdf_text(first)
    # Without the file the stored review applies: the same bytes again.
    cli.ok("pdf", record_id, "-o", second, "--redacted")
    assert first.read_bytes() == second.read_bytes()
    assert "review" in cli.ok("redactions", record_id)
    review.write_text("{not json", encoding="utf-8")
    err = _one_sentence(cli("pdf", record_id, "-o", first, "--redacted", "--review-file",
                            review))
    assert "review file" in err
    err = _one_sentence(cli("pdf", record_id, "-o", first, "--review-file", review))
    assert "--redacted" in err


@pytest.mark.slow
def test_pdf_redacted_asks_for_a_decision_about_doubtful_words(
    cli: Cli, base: tuple[Path, str, str], tmp_path: Path
) -> None:
    """When in doubt the interviewer decides, on the command line too: "azad olundum"
    ("I was released") beside a witness named Azad is neither printed nor hidden unseen."""
    doc = copy.deepcopy(DOCUMENT)
    doc["witness"] = {"name": "Azad Məmmədov"}
    doc["narrative"] = "2019-cu ildə azad olundum.\n\nAzad Məmmədov adımı çəkdilər."
    path = tmp_path / "azad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    record_id = cli.ok("add", path).strip()
    out = tmp_path / "r.pdf"
    err = _one_sentence(cli("pdf", record_id, "-o", out, "--redacted", sub=True), code=2)
    assert "1 doubtful word in the redaction of" in err
    assert f"testimony-app redactions {record_id[:8]}" in err
    assert "--review-file" in err
    assert "--keep-doubtful" in err
    assert not out.exists()
    # In Russian as well (the plural form of one word).
    err = _one_sentence(cli("--language", "ru", "pdf", record_id, "-o", out, "--redacted"))
    assert "1 сомнительное слово" in err
    err = _one_sentence(cli("pdf", record_id, "-o", out, "--keep-doubtful"))
    assert "--redacted" in err
    # A review file is the decision: the doubtful word hidden.
    review = tmp_path / "review.json"
    review.write_text(json.dumps({"format": "testimony-redaction-review", "version": 1,
                                  "keep": [], "hide": [{"text": "azad"}], "hide_terms": []}),
                      encoding="utf-8")
    hidden = tmp_path / "hidden.pdf"
    cli.ok("pdf", record_id, "-o", hidden, "--redacted", "--review-file", review)
    assert "azad olundum" not in _pdf_text(hidden)
    assert "Azad Məmmədov" not in _pdf_text(hidden)


@pytest.mark.slow
def test_keep_doubtful_is_a_recorded_decision(
    cli: Cli, base: tuple[Path, str, str], tmp_path: Path
) -> None:
    doc = copy.deepcopy(DOCUMENT)
    doc["witness"] = {"name": "Azad Məmmədov"}
    doc["narrative"] = "2019-cu ildə azad olundum."
    path = tmp_path / "azad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    record_id = cli.ok("add", path).strip()
    out = tmp_path / "r.pdf"
    proc = cli("pdf", record_id, "-o", out, "--redacted", "--keep-doubtful", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["doubtful_kept"] == 1
    assert "1 doubtful word was kept as written" in proc.stderr
    assert "azad olundum" in _pdf_text(out)
    # Decided once: later redacted builds apply the stored decision without the flag.
    again = tmp_path / "again.pdf"
    cli.ok("pdf", record_id, "-o", again, "--redacted")
    assert again.read_bytes() == out.read_bytes()
    listing = json.loads(cli.ok("redactions", record_id, "--json"))
    assert [h["text"] for h in listing["hits"] if h["doubtful"]] == ["azad"]


# -- hostile input and the low findings of the security review (F-8 … F-15) -------------------

HOSTILE_DOCUMENTS = {
    "nested 100,000 deep": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "lone surrogate": ('{"title": "a\\ud800b"}', "not valid Unicode"),
    "100,000-digit number": (
        '{"acts": [{"episode": ' + "9" * 100_000 + "}]}", "too long to be one"),
    "NaN": ('{"effects": {"body_marks": [{"x": NaN, "y": 0.5}]}}', "NaN"),
    "Infinity": ('{"effects": {"body_marks": [{"x": Infinity, "y": 0.5}]}}', "Infinity"),
    "1e999": ('{"effects": {"body_marks": [{"x": 1e999, "y": 0.5}]}}', "too large"),
    "duplicate field": ('{"title": "birinci", "title": "ikinci"}', "'title' twice"),
    "9 MiB": (json.dumps({"narrative": "ş" * (4 * 1024 * 1024 + 10)}), "larger than 8 MiB"),
    "3 MiB canonical": (json.dumps({"narrative": "x" * (3 * 1024 * 1024)}), "larger than 2 MiB"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_DOCUMENTS))
def test_hostile_documents_are_one_sentence_not_a_crash(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    content, expected = HOSTILE_DOCUMENTS[name]
    before = _files(cli.vault)
    doc = tmp_path / "hostile.json"
    doc.write_text(content, encoding="utf-8")
    assert expected in _one_sentence(cli("add", doc), code=2)
    assert _files(cli.vault) == before


def test_search_limit_out_of_range_is_a_usage_error(cli: Cli) -> None:
    for limit in ("99999999999999999999", "0", "-5", "lots"):
        proc = cli("search", "Tərtər", "--limit", limit, sub=True)
        assert proc.returncode == 2, (limit, proc.stderr)
        assert "--limit" in proc.stderr
        assert "whole number" in proc.stderr
        assert "Traceback" not in proc.stderr
    hits = json.loads(cli.ok("search", "Tərtər", "--limit", "10000", "--json"))
    assert len(hits) == 1


def test_a_failed_backup_after_a_seal_is_exit_3_with_a_sentence(
    cli: Cli, tmp_path: Path
) -> None:
    """The seal stands; the person is told that no backup holds it yet (F-13)."""
    doc = copy.deepcopy(DOCUMENT)
    doc["consent"].update(informed_of_purpose=True, no_coercion_confirmed=True)
    path = tmp_path / "razılıq.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    record_id = cli.ok("add", path).strip()
    shutil.rmtree(cli.vault / "backups", ignore_errors=True)
    (cli.vault / "backups").write_bytes(b"")  # a file where the folder must be: cannot write
    proc = cli("seal", record_id)
    assert proc.returncode == 3, proc.stderr
    assert "Sealed version 1" in proc.stdout
    assert "sealed, but no backup was made after it" in proc.stderr
    assert proc.stderr.count("\n") == 1
    rows = {r["id"]: r for r in json.loads(cli.ok("list", "--json"))}
    assert rows[record_id]["status"] == "sealed"
    (cli.vault / "backups").unlink()
    assert "All checks passed" in cli.ok("check")


@pytest.mark.slow
def test_restore_refuses_while_the_vault_is_open_elsewhere(cli: Cli) -> None:
    """A window (here: a session in this process) has the vault open: restore waits (F-6)."""
    from testimony_app.services.vault import unlock_vault

    cli.ok("backup")
    session = unlock_vault(cli.vault, PASSPHRASE)
    try:
        before = _files(cli.vault)
        proc = cli("restore", "latest", sub=True)
        assert "open in another window" in _one_sentence(proc, code=2)
        second = cli("list", sub=True)
        assert "open in another window" in _one_sentence(second, code=2)
        # In the reader's language too (it was English in every language; issue 17 trial).
        third = cli("--language", "az", "list")
        assert _one_sentence(third, code=2) == (
            "testimony-app: Seyf başqa pəncərədə və ya proqramda açıqdır;"
            " əvvəlcə orada kilidləyin."
        )
        assert _files(cli.vault) == before
    finally:
        session.lock()
    assert "Restored" in cli.ok("restore", "latest", sub=True)


def test_wrong_passphrases_make_the_next_command_wait_and_say_so(cli: Cli) -> None:
    for _ in range(5):  # 1, 2, 4, 8, then 16 seconds before the next attempt
        wrong = cli("list", TESTIMONY_PASSPHRASE="səhv")
        assert wrong.returncode == 2
        assert wrong.stderr.strip().endswith("The passphrase is not correct for this vault.")
    # A new process (the command line run again): the wait is kept in the vault. The child
    # reports the sleep instead of sleeping through it.
    child = (
        "import sys; from testimony_app.storage import vault_lock; "
        "vault_lock.sleep = lambda s: print(f'slept {s:.1f}', file=sys.stderr); "
        "from testimony_app.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    proc = subprocess.run([sys.executable, "-c", child, "list", "--vault", str(cli.vault)],
                          capture_output=True, text=True, encoding="utf-8",
                          env=_env(cli.home), timeout=120, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stderr.splitlines()
    assert first.startswith("testimony-app: waiting ")
    assert first.endswith(" seconds after earlier wrong passphrases…")
    assert 8 < float(second.split()[1]) <= 16
    assert json.loads((cli.vault / "vault.attempts").read_text())["failures"] == 0


def test_an_edited_key_file_is_reported_and_repaired(cli: Cli) -> None:
    import base64

    from testimony_app.crypto import keyslots

    keys = cli.vault / "vault.keys"
    intact = keys.read_bytes()
    doc = json.loads(intact)
    raw = bytearray(base64.b64decode(doc["wrap"]["ciphertext"]))
    raw[3] ^= 0x10
    doc["wrap"]["ciphertext"] = base64.b64encode(bytes(raw)).decode()
    doc.pop("checksum")
    doc["checksum"] = hashlib.sha256(keyslots._canonical(doc)).hexdigest()
    keys.write_text(json.dumps(doc))
    proc = cli("list")
    assert proc.returncode == 0, proc.stderr
    assert "Warning: One copy of the vault's key file had been changed" in proc.stderr
    assert keys.read_bytes() == intact
    assert "All checks passed" in cli.ok("check")


def test_restore_of_a_backup_from_before_a_passphrase_change(
    cli: Cli, tmp_path: Path
) -> None:
    out = json.loads(cli.ok("backup", "--json"))
    kept = tmp_path / "usb"
    kept.mkdir()
    backup = Path(out["backup"])
    shutil.copy(backup, kept / backup.name)
    shutil.copy(backup.with_suffix(".keys"), kept / backup.with_suffix(".keys").name)
    assert "nothing left in the vault opens with the old passphrase" in cli.ok(
        "passwd", TESTIMONY_NEW_PASSPHRASE=NEW_PASSPHRASE)
    assert not (cli.vault / "backups" / backup.name).exists()
    proc = cli("restore", kept / backup.name, TESTIMONY_PASSPHRASE=NEW_PASSPHRASE)
    assert "another passphrase" in _one_sentence(proc, code=2)
    old_file = tmp_path / "old.txt"
    old_file.write_text(PASSPHRASE, encoding="utf-8")
    assert "Restored" in cli.ok("restore", kept / backup.name, "--backup-passphrase-file",
                                old_file, TESTIMONY_PASSPHRASE=NEW_PASSPHRASE)
    cli.ok("list", TESTIMONY_PASSPHRASE=NEW_PASSPHRASE)  # re-keyed to the current passphrase
    _one_sentence(cli("list"), code=2)
