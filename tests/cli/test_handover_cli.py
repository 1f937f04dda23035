"""High-risk mode from the command line (issue 20 items 4 and 6), with the real tools:
seal → high-risk on → handover → export (sends the outbox) → ``age -d`` with the organisation's
identity → import at the organisation → receipt → acknowledge → outbox emptied.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from testimony_app.domain import interchange, model
from testimony_app.domain.model import Consent, Interview, Narrative, Witness

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("age") is None, reason="the age CLI is not installed"),
]

PASSPHRASE = "Tərtər-qırmızı-körpü-ёлка-7"
NAME = "Фируза Гасанова"
WORDS = "Меня держали в подвале Щёлкинской части; zirzəmidə döydülər"


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TESTIMONY_PASSPHRASE=PASSPHRASE, LANGUAGE="en")
    env.pop("TESTIMONY_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "testimony_app", *(str(a) for a in args)],
        capture_output=True, text=True, env=env, input="", timeout=300, check=False,
    )


def _ok(*args: object) -> subprocess.CompletedProcess[str]:
    done = _run(*args)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done


def _refused(*args: object, words: str) -> None:
    done = _run(*args)
    assert done.returncode == 2, (args, done.stdout, done.stderr)
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("testimony-app: "), line
    assert line.endswith("."), line
    assert words in line, line


def _testimony(path: Path) -> Path:
    t = model.Testimony(
        title="Показания",
        fictional=True,
        interview=Interview(date="2018-03-02", place="Bakı", interviewer="Gülnarə", language="ru"),
        consent=Consent(legal_proceedings=True, name_may_appear=True, informed_of_purpose=True,
                        no_coercion_confirmed=True),
        witness=Witness(name=NAME, pseudonym="Свидетель-9"),
        narrative=Narrative(text=WORDS),
    )
    path.write_text(json.dumps(interchange.to_dict(t), ensure_ascii=False), encoding="utf-8")
    return path


def test_hand_over_export_and_receipt_from_the_command_line(tmp_path: Path) -> None:
    keys = json.loads(_ok("org-keygen", "-o", tmp_path / "org-keys", "--json").stdout)
    identity, signing = Path(keys["identity_file"]), Path(keys["signing_key_file"])
    device, org_vault = tmp_path / "laptop", tmp_path / "org-vault"
    _ok("init", "--vault", device, "--kdf", "test")
    _ok("init", "--vault", org_vault, "--kdf", "test")
    rid = json.loads(
        _ok("add", "--vault", device, _testimony(tmp_path / "t.json"), "--json").stdout
    )["id"]
    _ok("seal", "--vault", device, rid)

    _refused("handover", "--vault", device, rid, words="high-risk mode")
    _refused("high-risk", "on", "--vault", device, words="enrolled organisation")
    _ok("enrol", "--vault", device, "--recipient", keys["recipient"], "--org-key",
        keys["receipt_key"], "--yes")
    _refused("high-risk", "on", "--delay", "30", "--vault", device, words="between 0 and 24")
    status = json.loads(_ok("high-risk", "on", "--delay", "4", "--vault", device, "--json").stdout)
    assert status == {"enabled": True, "delay_hours": 4, "handed_over": 0, "outbox": 0}
    assert "4 hours" in _ok("high-risk", "status", "--vault", device).stdout
    assert json.loads(_ok("handover", "--due", "--vault", device, "--json").stdout) == {
        "handed_over": []
    }

    done = json.loads(_ok("handover", "--vault", device, rid[:8], "--json").stdout)
    assert [(r["id"], r["pseudonym"], r["interview_date"]) for r in done["handed_over"]] == [
        (rid, "Свидетель-9", "2018-03-02")
    ]
    assert done["scrubbed"]
    _refused("handover", "--vault", device, rid, words="already handed over")
    _refused("show", "--vault", device, rid, words="handed over")
    listed = json.loads(_ok("list", "--vault", device, "--json").stdout)
    assert [(r["status"], r["witness_label"]) for r in listed] == [("handed_over", "Свидетель-9")]
    searched = _ok("search", "--vault", device, "подвале")
    assert "1 handed-over testimony could not be searched" in searched.stderr
    outbox = json.loads(_ok("outbox", "list", "--vault", device, "--json").stdout)
    assert [(o["bundle_id"], o["records"]) for o in outbox] == [(done["bundle_id"], [rid])]
    assert "1 bundle waits" in _ok("outbox", "list", "--vault", device).stdout

    # Export: nothing else is sealed, but the outbox goes to the stick.
    stick = tmp_path / "stick"
    stick.mkdir()
    exported = json.loads(_ok("export", "--vault", device, "-o", stick, "--json").stdout)
    (copy,) = (Path(p) for p in exported["outbox"])
    assert copy.parent == stick
    assert copy.name == outbox[0]["file"]

    # The organisation: age and tar alone open it; then the import, as any bundle.
    plain = subprocess.run(["age", "-d", "-i", identity, copy], capture_output=True, check=True)
    opened = tmp_path / "opened"
    opened.mkdir()
    subprocess.run(["tar", "-x", "-C", opened], input=plain.stdout, check=True)
    record_json = opened / "records" / rid / "v1" / "record.json"
    assert NAME in record_json.read_text(encoding="utf-8")
    laptop = json.loads(_ok("device", "--vault", device, "--json").stdout)
    _ok("devices", "add", "--vault", org_vault, laptop["public_key"], "--name", "Gülnarə", "--yes")
    _ok("import", "--vault", org_vault, copy, "--identity", identity)
    shown = json.loads(_ok("show", "--vault", org_vault, rid, "--json").stdout)
    assert shown["witness"]["name"] == NAME
    receipt = tmp_path / "receipt.txt"
    _ok("receipt", "--vault", org_vault, copy, "--identity", identity, "--signing-key", signing,
        "-o", receipt)

    _ok("acknowledge", "--vault", device, receipt)
    assert json.loads(_ok("outbox", "list", "--vault", device, "--json").stdout) == []
    assert list((device / "outbox").iterdir()) == []
    final = json.loads(_ok("high-risk", "status", "--vault", device, "--json").stdout)
    assert (final["handed_over"], final["outbox"]) == (1, 0)
