"""``registry`` and ``corroborate`` on the command line: JSON out, one sentence on errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testimony_app import cli
from testimony_app.domain import model
from testimony_app.services.vault import create_vault

pytestmark = pytest.mark.slow  # child processes and real vaults in every test (1.5-3 s)

PW = "registry cli passphrase"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, str]:
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", PW)
    path = tmp_path / "vault"
    session = create_vault(path, PW, kdf="test")
    ids = []
    for witness, perp, rank in (("Orxan Səfərli", "Elçin Həsənov", "kapitan"),
                                ("Кирилл Абасов", "Гасанов Эльчин", "капитан")):
        t = model.Testimony(
            title="t", fictional=True, witness=model.Witness(name=witness),
            acts=[model.Act(date="2017-05-20", place="Q-903", methods=["falanga"],
                            perpetrators=[model.Perpetrator(name=perp, rank=rank)])],
        )
        ids.append(session.testimonies.create(t))
    session.lock()
    return path, ids[0], ids[1]


def test_link_suggest_confirm_and_corroborate(
    vault: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, az, ru = vault
    v = ("--vault", str(path))
    code, out, _ = _run(capsys, "registry", "link", az, "acts[0].perpetrators[0]", "--new",
                        "--json", *v)
    assert code == 0
    entry = json.loads(out)["entry_id"]
    code, out, _ = _run(capsys, "registry", "suggest", ru, "--json", *v)
    person = [m for m in json.loads(out) if m["mention"]["path"] == "acts[0].perpetrators[0]"]
    assert [s["entry_id"] for s in person[0]["suggestions"]] == [entry]
    suggestion = person[0]["suggestions"][0]
    # "reasons" stays the English sentences it always was; "factors" adds stable codes.
    assert all(isinstance(r, str) for r in suggestion["reasons"])
    assert any(r.startswith("name ") and r.endswith("% alike") for r in suggestion["reasons"])
    codes = [f["code"] for f in suggestion["factors"]]
    assert codes[0] == "name_alike"
    assert 0 < suggestion["factors"][0]["value"] <= 1
    assert "same_rank" in codes
    assert len(codes) == len(suggestion["reasons"])
    code, out, _ = _run(capsys, "registry", "link", ru, "acts[0].perpetrators[0]", entry[:8],
                        "--suggested", "--json", *v)
    link_id = json.loads(out)["id"]
    assert _run(capsys, "registry", "confirm", str(link_id), *v)[0] == 0
    code, out, _ = _run(capsys, "corroborate", entry[:8], "--json", *v)
    data = json.loads(out)
    assert code == 0
    assert data["independent_witnesses"] == 2
    assert "witness_name" not in data["items"][0]
    code, out, _ = _run(capsys, "registry", "list", *v)
    assert "Elçin Həsənov" in out
    code, out, _ = _run(capsys, "registry", "show", entry, *v)
    assert "confirmed" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("corroborate", "ffffffff"),
        ("registry", "show", "nothing"),
        ("registry", "unlink", "999"),
        ("registry", "undo-merge", "7"),
        ("registry", "link", "{az}", "acts[5].place", "--new"),
        ("registry", "link", "{az}", "acts[0].perpetrators[0]"),
        ("corroborate", "ffffffff", "--from", "2017-5"),
        ("corroborate", "ffffffff", "--to", "2017-02-30"),
        ("corroborate", "ffffffff", "--from", "2018", "--to", "2017-12-31"),
    ],
)
def test_user_errors_are_one_sentence(
    vault: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    path, az, _ = vault
    args = [a.replace("{az}", az) for a in argv]
    code, _out, err = _run(capsys, *args, "--vault", str(path))
    assert code != 0
    assert err.startswith("testimony-app: ")
    assert err.strip().endswith(".")
    assert err.strip().count("\n") == 0
    assert "Traceback" not in err


def test_a_period_is_checked_before_the_vault_opens(
    vault: tuple[Path, str, str], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _, _ = vault
    monkeypatch.delenv("TESTIMONY_PASSPHRASE")  # the error comes before any prompt
    code, _out, err = _run(capsys, "corroborate", "ffffffff", "--from", "2018", "--to", "2017",
                           "--vault", str(path))
    assert code != 0
    assert "--from date comes after the --to date" in err


def test_corroborate_json_carries_an_unnamed_perpetrator_as_the_shared_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from testimony_app.domain.matching import NOT_NAMED

    monkeypatch.setenv("TESTIMONY_PASSPHRASE", PW)
    path = tmp_path / "vault"
    session = create_vault(path, PW, kdf="test")
    t = model.Testimony(
        title="t", fictional=True, witness=model.Witness(name="Orxan Səfərli"),
        acts=[model.Act(date="2017-05-20", place="Q-903", methods=["falanga"],
                        perpetrators=[model.Perpetrator(name="Elçin Həsənov", rank="kapitan"),
                                      model.Perpetrator(unit="Q-903")])],
    )
    record = session.testimonies.create(t)
    entry = session.registry.link(record, "acts[0].perpetrators[0]", new_entry=True).entry_id
    session.lock()
    code, out, _ = _run(capsys, "corroborate", entry, "--json", "--vault", str(path))
    assert code == 0
    data = json.loads(out)
    # A fixed English token, the same in every interface's input; scripts may rely on it.
    assert NOT_NAMED == "(not named)"
    assert data["items"][0]["acts"][0]["perpetrators"] == ["kapitan Elçin Həsənov", NOT_NAMED]
    assert data["timeline"][0]["perpetrators"] == ["kapitan Elçin Həsənov", NOT_NAMED]
    assert data["matrix"] == {NOT_NAMED: {"falanga": 1}, "Elçin Həsənov": {"falanga": 1}}
    code, _out, err = _run(capsys, "corroborate", entry, "--from", "2017-13", "--vault",
                           str(path))
    assert code != 0
    assert "YYYY-MM" in err


def test_corroborate_lists_the_redaction_and_applies_a_review_file(
    vault: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path, az, _ru = vault
    v = ("--vault", str(path))
    code, out, _ = _run(capsys, "registry", "link", az, "acts[0].perpetrators[0]", "--new",
                        "--json", *v)
    entry = json.loads(out)["entry_id"]
    code, out, _ = _run(capsys, "corroborate", entry, "--redactions", "--json", *v)
    assert code == 0
    assert json.loads(out) == []  # Orxan Səfərli is not in any printed text
    review = tmp_path / "review.json"
    review.write_text(json.dumps({"format": "testimony-redaction-review", "version": 1,
                                  "keep": [], "hide": [], "hide_terms": ["Q-903"]}))
    code, out, _ = _run(capsys, "corroborate", entry, "--redactions", "--review-file",
                        str(review), "--json", *v)
    assert {h["text"] for h in json.loads(out)} == {"Q-903"}
    pdf = tmp_path / "annex.pdf"
    code, _out, _ = _run(capsys, "corroborate", entry, "--pdf", str(pdf), "--redacted",
                         "--review-file", str(review), *v)
    assert code == 0
    import pypdf

    text = " ".join(p.extract_text() or "" for p in pypdf.PdfReader(str(pdf)).pages)
    assert "Q-903" not in text
    again = tmp_path / "again.pdf"
    _run(capsys, "corroborate", entry, "--pdf", str(again), "--redacted", *v)
    assert again.read_bytes() == pdf.read_bytes()  # the stored review applies
    code, _out, err = _run(capsys, "corroborate", entry, "--pdf", str(pdf), "--review-file",
                           str(review), *v)
    assert code != 0
    assert "--redacted" in err
