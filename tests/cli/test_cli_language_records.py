"""The record commands speak the reader's language: testimonies, devices, statements, help.

Real commands against real vaults (test KDF) in ``tmp_path``, run as ``cli.main`` with
``LANG`` or ``--language`` as an interviewer in Baku or an organisation's staff would set
them; the assertions are the Azerbaijani and Russian words a person reads, and ``--json``
stays the same codes in every language (issue 17).
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from testimony_app import cli, words
from testimony_app.domain import interchange
from testimony_app.domain.model import Testimony as Record
from testimony_app.words import Message
from testkit import bundle_support as S  # noqa: N812 (short, as in the other bundle tests)
from testkit import vault_kit

PASSPHRASE = vault_kit.PASSPHRASE


def _run(argv: list[str], **env: str) -> tuple[int, str, str]:
    """``cli.main`` in this process with ``env`` added (language variables cleared first);
    a parser exit (``--help``, a bad option) gives its status like any other."""
    saved = dict(os.environ)
    out, err = io.StringIO(), io.StringIO()
    try:
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            os.environ.pop(name, None)
        os.environ.update({"TESTIMONY_PASSPHRASE": PASSPHRASE, **env})
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exc:
                code = int(exc.code or 0)
    finally:
        os.environ.clear()
        os.environ.update(saved)
        words.set_language("en")
    return code, out.getvalue(), err.getvalue()


def _ok(argv: list[str], **env: str) -> str:
    code, out, err = _run(argv, **env)
    assert code == 0, err
    return out


@dataclass(frozen=True)
class Scene:
    """A vault with a sealed Russian testimony and an English draft, added by the commands."""

    root: Path
    vault: Path
    sealed: str
    draft: str
    record: Record


def _add(root: Path, vault: Path, record: Record, name: str) -> str:
    doc = root / f"{name}.json"
    doc.write_text(json.dumps(interchange.to_dict(record), ensure_ascii=False), encoding="utf-8")
    return _ok(["add", str(doc), "--vault", str(vault)]).strip()


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    root = tmp_path_factory.mktemp("words")
    vault = root / "vault"
    _ok(["init", "--kdf", "test", "--vault", str(vault)])
    record = S.russian("Тертер")
    sealed = _add(root, vault, record, "ru")
    draft = _add(root, vault, S.english("Tbilisi"), "en")
    said = _ok(["--language", "az", "seal", sealed[:8], "--vault", str(vault)])
    content = json.loads(_ok(["show", sealed, "--vault", str(vault), "--json"]))
    assert content["title"] == "Показания Тертер"
    assert said.splitlines()[0] == f"{sealed} qeydinin 1 versiyası möhürləndi"
    assert said.splitlines()[1].startswith("SHA-256 ")
    return Scene(root, vault, sealed, draft, record)


@pytest.fixture(autouse=True)
def no_earlier_wrong_passphrases(scene: Scene) -> None:
    (scene.vault / "vault.attempts").unlink(missing_ok=True)


# -- testimonies -------------------------------------------------------------------------------


def test_list_names_the_statuses_as_the_window_does_in_each_language(scene: Scene) -> None:
    ours = (scene.sealed[:8], scene.draft[:8])
    rows = _ok(["list", "--vault", str(scene.vault)], LANG="az_AZ.UTF-8").splitlines()
    rows = [row for row in rows if row.startswith(ours)]
    assert sorted(row[:40] for row in rows) == sorted([
        f"{scene.sealed[:8]}  möhürlənib v1  2017-07-02  ru ",
        f"{scene.draft[:8]}  qaralama   v1  2017-08-11  en ",
    ])
    rows = _ok(["--language", "ru", "list", "--vault", str(scene.vault)]).splitlines()
    assert {row[:23] for row in rows if row.startswith(ours)} == {
        f"{scene.sealed[:8]}  запечатано v1",
        f"{scene.draft[:8]}  черновик   v1",
    }
    # Scripts read codes, the same in every language.
    data = json.loads(_ok(["--language", "ru", "list", "--vault", str(scene.vault), "--json"]))
    assert {row["id"]: row["status"] for row in data if row["id"].startswith(ours)} == {
        scene.sealed: "sealed", scene.draft: "draft"
    }


def test_show_labels_consent_and_dates_in_russian_and_azerbaijani(scene: Scene) -> None:
    shown = _ok(["show", scene.sealed[:8], "--vault", str(scene.vault)], LANG="ru_RU.UTF-8")
    witness = scene.record.witness.display_name()
    assert shown.splitlines()[:7] == [
        f"Свидетельство {scene.sealed}  (запечатано, версия 1)",
        "Заголовок:  Показания Тертер",
        f"Свидетель:  {witness}",
        "Интервью:   2 июля 2017\u202fг., Баку (ru)",
        "Интервьюер: Ирина Ёлкина",
        "Согласие:   судебные разбирательства: да, имя можно указывать: да",
        "Содержание: задержания: 1, действия: 1, вложения: 0",
    ]
    shown = _ok(["--language", "az", "show", scene.draft[:8], "--vault", str(scene.vault)])
    assert shown.splitlines()[:7] == [
        f"İfadə {scene.draft}  (qaralama, versiya 1)",
        "Başlıq:     Statement Tbilisi",
        "Şahid:      Witness-E3",
        "Müsahibə:   11 avqust 2017, Tbilisi (en)",
        "Müsahibəçi: Jane Whitlock",
        "Razılıq:    hüquqi proseslər: bəli, ad göstərilə bilər: bəli",
        "Tərkibi:    həbslər: 0, əməllər: 0, əlavələr: 0",
    ]


def test_search_and_its_limit_in_russian_and_azerbaijani(scene: Scene) -> None:
    out = _ok(["search", "Эльбрус", "--vault", str(scene.vault)], LANG="ru_RU.UTF-8")
    assert out == "Ничего не найдено.\n"
    code, _, err = _run(["search", "x", "--limit", "0", "--vault", str(scene.vault)],
                        LANG="az_AZ.UTF-8")
    assert code == 2
    assert err.splitlines()[-1] == (  # argparse's own words in Azerbaijani too
        "testimony-app search: xəta: --limit arqumenti: 1 ilə 10.000 arasında tam ədəd verin"
    )


def test_an_attachment_stored_says_its_size_with_russian_plural_forms(scene: Scene) -> None:
    said = {}
    for size in (1, 3, 5):
        path = scene.root / f"scan-{size}.txt"
        path.write_bytes(b"x" * size)
        said[size] = _ok(["--language", "ru", "attach", scene.draft[:8], str(path),
                          "--vault", str(scene.vault)]).split("  ")[1]
    assert said == {1: "1 байт", 3: "3 байта", 5: "5 байт"}


# -- devices ---------------------------------------------------------------------------------


def test_devices_register_list_and_revoke_in_azerbaijani_and_russian(
    scene: Scene, tmp_path: Path
) -> None:
    laptop = tmp_path / "laptop"
    _ok(["init", "--kdf", "test", "--vault", str(laptop)])
    device = json.loads(_ok(["device", "--vault", str(laptop), "--json"]))
    key, fingerprint = device["public_key"], device["fingerprint"]
    org = ["--vault", str(scene.vault)]

    assert _ok(["devices", "list", *org], LANG="az_AZ.UTF-8") == (
        "Hələ heç bir cihaz qeydiyyata alınmayıb.\n"
    )
    # Not at a terminal and without --yes: asked in Russian, refused in Russian.
    code, out, err = _run(["devices", "add", key, "--name", "Leyla", *org], LANG="ru_RU.UTF-8")
    assert code == 2
    assert out.splitlines() == [f"Ключ устройства: {key}", f"Отпечаток:       {fingerprint}"]
    assert err == "testimony-app: Нет терминала: подтвердите с --yes, чтобы продолжить.\n"

    out = _ok(["--language", "az", "devices", "add", key, "--name", "Leyla", "--yes", *org])
    assert out.splitlines() == [
        f"Cihaz açarı:  {key}",
        f"Barmaq izi:   {fingerprint}",
        f"Leyla ({fingerprint}) qeydiyyata alındı: onun paketlərini indi idxal etmək olar.",
    ]
    today = datetime.datetime.now(datetime.UTC).date()
    listed = _ok(["devices", "list", *org], LANG="az_AZ.UTF-8").splitlines()
    assert listed[0] in {
        f"  {fingerprint}  Leyla  {words.formats.long_date(day, 'az')} qeydiyyata alınıb;"
        " 0 paket idxal edilib"
        for day in (today, today - datetime.timedelta(days=1))
    }
    assert listed[1] == f"    {key}"

    out = _ok(["devices", "revoke", fingerprint, "--reason", "noutbuk itib", "--yes", *org],
              LANG="ru_RU.UTF-8")
    assert out.splitlines()[-1] == (
        "Отозвано Leyla: отныне его пакеты отклоняются; присланное раньше остаётся."
    )
    listed = _ok(["devices", "list", *org], LANG="ru_RU.UTF-8").splitlines()
    assert "  Leyla  ОТОЗВАНО " in listed[0]
    assert listed[0].endswith("\u202fг.: noutbuk itib; импортировано 0 пакетов")
    data = json.loads(_ok(["--language", "ru", "devices", "list", *org, "--json"]))
    assert [(d["name"], d["status"]) for d in data] == [("Leyla", "revoked")]
    assert _ok(["--language", "az", "quarantine", "list", *org]) == (
        "Karantində gözləyən paket yoxdur.\n"
    )


# -- statements ------------------------------------------------------------------------------


def test_redactions_list_what_is_replaced_in_russian_and_azerbaijani(scene: Scene) -> None:
    """The kit's testimony: the witness did not agree to their name appearing."""
    record = _add(scene.root, scene.vault, vault_kit.sample_testimony("redact"), "kit")
    argv = ["redactions", record[:8], "--vault", str(scene.vault)]
    out = _ok(argv, LANG="ru_RU.UTF-8").splitlines()
    hits = [line for line in out if line.startswith("  ")]
    marks = ("  заменено ", "  оставлено ", "  ОСТАВЛЕНО (сомнительное) ")
    assert hits
    assert all(line.startswith(marks) for line in hits), hits
    assert any("«Məhərrəmov»" in line for line in hits if line.startswith(marks[0])), hits
    assert out[-1].startswith("Заменено: ")
    out = _ok(["--language", "az", *argv]).splitlines()
    assert {line[:14] for line in out if line.startswith("  ")} <= {
        "  əvəz edilib ", "  saxlanılıb  ", "  SAXLANILIB (",
    }
    data = json.loads(_ok([*argv, "--json"], LANG="ru_RU.UTF-8"))
    assert True in {hit["replaced"] for hit in data["hits"]}


@pytest.mark.slow  # writes a real statement PDF
def test_a_statement_checked_in_azerbaijani_and_russian(scene: Scene) -> None:
    pdf = scene.root / "statement.pdf"
    _ok(["pdf", scene.sealed[:8], "-o", str(pdf), "--vault", str(scene.vault)],
        LANG="az_AZ.UTF-8")
    size = pdf.stat().st_size
    code, out, _ = _run(["--language", "az", "verify-statement", str(pdf)])
    assert code == 1  # not signed: nothing vouches for it
    lines = out.splitlines()
    assert lines[0] == f"Bəyanat {pdf}"
    assert lines[1].endswith(f"  ({words.formats.integer(size, 'az')} bayt)")
    assert lines[-1] == "Yoxlama uğursuz oldu."
    code, out, _ = _run(["verify-statement", str(pdf)], LANG="ru_RU.UTF-8")
    assert code == 1
    assert out.splitlines()[0] == f"Заявление {pdf}"
    assert out.splitlines()[-1] == "Проверка не пройдена."


def test_a_signature_report_in_russian() -> None:
    """Each check of a signature, in the reader's words; the marks stay for the eye and grep."""
    from testimony_app.cli.statements import describe
    from testimony_app.services.statement_signing import (
        NOT_REGISTERED,
        SignatureCheck,
        StatementVerification,
    )

    check = SignatureCheck(
        field_name="Testimony device signature", sound=True, whole_file=True,
        later_changes=Message("statement.later_none"),
        later_changes_acceptable=True, signed_at_claimed="2026-03-05T14:05:00Z",
        key="RSA 3072", certificate_sha256="c" * 64, vouched=True, device_id="d-1",
        device_key="ed25519:AAAA", device_fingerprint="RAIR-TNY2", registration=NOT_REGISTERED,
        problems=(),
    )
    report = StatementVerification(
        path="s.pdf", size=100_867, sha256="a" * 64, unsigned_length=92_695,
        unsigned_sha256="b" * 64, signatures=(check,), vault_checked=True, ok=False,
        problems=(),
    )
    try:
        words.set_language("ru")
        assert describe(report) == [
            "Заявление s.pdf",
            f"SHA-256:  {'a' * 64}  (100\u00a0867 байт)",
            f"Неподписанное заявление: начало файла (байт: 92695), SHA-256 {'b' * 64}",
            "Подпись 1 (Testimony device signature), поставлена 5 марта 2026\u202fг., 14:05 UTC по"
            " часам ноутбука",
            "  [ok  ] подпись соответствует байтам, которые она охватывает (RSA 3072)",
            "  [ok  ] она охватывает весь файл",
            "  [ok  ] заверено устройством d-1",
            "         ключ устройства RAIR-TNY2 (ed25519:AAAA)",
            "  [FAIL] устройство не зарегистрировано в этом хранилище",
            f"         сертификат SHA-256 {'c' * 64}",
            "Проверка не пройдена.",
        ]
    finally:
        words.set_language("en")


# -- help ------------------------------------------------------------------------------------


def test_help_follows_the_language_asked_for() -> None:
    code, out, _ = _run(["--language", "az", "devices", "add", "--help"])
    assert code == 0
    assert "noutbukdakı 'device' əmrinin göstərdiyi açar" in out
    assert "--yes                 barmaq izi təsdiqlənib" in out
    code, out, _ = _run(["pdf", "--help"], LANG="ru_RU.UTF-8")
    assert code == 0
    assert "подписать ключом этого ноутбука (только запечатанные" in out
    code, out, _ = _run(["--help"], LANG="ru_RU.UTF-8")
    assert "    list                список свидетельств\n" in out
    code, out, _ = _run(["--help"], LANG="C.UTF-8")
    assert "    list                list testimonies\n" in out
