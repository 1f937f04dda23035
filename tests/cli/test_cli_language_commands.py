"""The commands' own sentences in Azerbaijani and Russian (issue 17): ``--help``, the vault's
warnings and prompts, the bundle commands from keys to receipt, the registry, the crash notice.

Each test runs real commands (``cli.main`` as the console script calls it) on real vaults in
``tmp_path``, with ``--language`` or ``LANG`` as a user sets them, and reads the words a person
would read: whole Azerbaijani and Russian sentences with their plural forms, not only "not
English". The English next to them shows that nothing was lost for English readers.
"""

from __future__ import annotations

import argparse
import base64
import builtins
import getpass
import gettext
import hashlib
import inspect
import json
import re
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from testimony_app import app, cli, crash, words
from testimony_app.cli import parsing
from testimony_app.domain import interchange, model
from testimony_app.services.vault import create_vault, list_backups

PASSPHRASE = "Tərtər-qırmızı-körpü-ёлка-7"

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """``run(*argv, LANG=...)``: the exit status, stdout and stderr of one command; ``--help``
    (a SystemExit) counts as its exit status."""

    def call(*argv: object, **env: str) -> tuple[int, str, str]:
        with monkeypatch.context() as m:
            m.setenv("TESTIMONY_PASSPHRASE", PASSPHRASE)
            for name, value in env.items():
                m.setenv(name, value)
            try:
                code = cli.main([str(a) for a in argv])
            except SystemExit as exc:
                code = int(exc.code or 0)
            finally:
                words.set_language("en")
        out, err = capsys.readouterr()
        return code, out, err

    return call


def _ok(run: Run, *argv: object, **env: str) -> str:
    code, out, err = run(*argv, **env)
    assert code == 0, (argv, out, err)
    assert "Traceback" not in err
    return out


# -- --help --------------------------------------------------------------------------------------


def test_help_follows_the_language_option_and_lang(run: Run) -> None:
    out = _ok(run, "--language", "az", "--help")
    assert out.startswith("istifadə: testimony-app [-h]")
    assert "Testimony: işgəncə və özbaşına həbs hallarının şifrələnmiş sənədləşdirilməsi." in out
    assert "mövqe arqumentləri:" in out
    assert "    init                yeni seyf yarat\n" in out
    assert "    export              təşkilat üçün paket yaz\n" in out
    assert "  -h, --help            bu yardımı göstər və çıx\n" in out

    out = _ok(run, "registry", "--help", LANG="ru_RU.UTF-8")
    assert out.startswith("использование: testimony-app registry [-h]")
    assert "    list                показать записи реестра\n" in out
    assert "    undo-merge          отменить объединение\n" in out
    # The parents' options (--vault, --json) join the same section, not a second "параметры".
    assert out.count("параметры:") == 1
    assert "  --json                вывести JSON\n" in out

    out = _ok(run, "export", "--help", LANG="az_AZ.UTF-8")
    assert "--keep-doubtful" in out
    assert "yazılacaq paket faylı (və ya qovluq)" in " ".join(out.split())

    out = _ok(run, "--help", LANG="C.UTF-8")
    assert out.startswith("usage: testimony-app [-h]")
    assert "positional arguments:" in out
    assert "  -h, --help            show this help message and exit\n" in out
    assert "    init                create a new vault\n" in out


def test_argparse_s_own_errors_in_the_reader_s_language(run: Run) -> None:
    code, out, err = run("--language", "az", "export")
    assert (code, out) == (2, "")
    assert err.startswith("istifadə: testimony-app export [-h]")
    assert err.splitlines()[-1] == (
        "testimony-app export: xəta: bu arqumentlər mütləqdir: -o/--output"
    )
    code, _, err = run("registry", "list", "--kind", "animal", LANG="ru_RU.UTF-8")
    assert code == 2
    assert err.splitlines()[-1] == (
        "testimony-app registry list: ошибка: аргумент --kind: недопустимое значение: 'animal' "
        "(выберите из: 'person', 'place', 'unit')"
    )
    code, _, err = run("export")
    assert err.splitlines()[-1] == (
        "testimony-app export: error: the following arguments are required: -o/--output"
    )
    # Only while the command line parses: argparse is itself again afterwards.
    assert vars(argparse)["_"] is gettext.gettext


_PERCENT = re.compile(r"%(?:\(\w+\))?[rs]")


@pytest.mark.parametrize("msgid", sorted(parsing.ARGPARSE_MESSAGES))
def test_argparse_s_placeholders_survive_every_translation(msgid: str) -> None:
    """argparse fills in its own %-placeholders after our text replaced its English: each
    translation must keep exactly them, and the English must be argparse's own."""
    message = parsing.ARGPARSE_MESSAGES[msgid]
    assert words.text(message, "en") == msgid
    # Still one of argparse's own message ids (a newer Python may reword one: then it would
    # silently stay English, so this says so).
    assert msgid.replace("\n", "\\n") in inspect.getsource(argparse), msgid
    for lang in ("az", "ru"):
        said = words.text(message, lang)
        assert said != msgid, lang
        assert sorted(_PERCENT.findall(said)) == sorted(_PERCENT.findall(msgid)), (lang, said)
        assert said.count("%") == msgid.count("%"), (lang, said)


def test_help_in_azerbaijani_still_loads_no_service() -> None:
    """The words come from the small gettext catalogues: --help stays as light as before."""
    probe = textwrap.dedent(
        """
        import contextlib, io, json, sys, time
        start = time.perf_counter()
        from testimony_app.__main__ import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                main(sys.argv[1:])
            except SystemExit:
                pass
        print(json.dumps({"out": out.getvalue(), "modules": sorted(sys.modules),
                          "seconds": time.perf_counter() - start}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "--language", "ru", "import", "--help"],
        capture_output=True, text=True, check=True, encoding="utf-8",
    )
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["out"].startswith("использование: testimony-app import [-h]")
    assert "файл секретной идентичности age организации" in " ".join(result["out"].split())
    loaded = {name.split(".")[0] for name in result["modules"]}
    assert not loaded & {"PySide6", "reportlab", "sqlcipher3", "pyrage", "babel"}
    ours = {m for m in result["modules"] if m.startswith("testimony_app.")}
    assert not {m for m in ours if m.split(".")[1] in ("services", "storage", "bundles")}


def test_the_window_s_options_follow_lang(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "az_AZ.UTF-8")
    with pytest.raises(SystemExit):
        app.parse_args(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "İfadələrin oflayn, şifrələnmiş sənədləşdirilməsi." in out
    assert "--vault VAULT açılacaq və ya yaradılacaq seyf qovluğu" in out
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    with pytest.raises(SystemExit):
        app.parse_args(["--help"])
    assert "только для демонстрационного хранилища" in " ".join(capsys.readouterr().out.split())


# -- the vault: prompts, warnings ----------------------------------------------------------------


@pytest.mark.slow  # a passphrase change re-encrypts the database and writes a backup
def test_prompts_and_the_passphrase_change_in_azerbaijani(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a terminal the prompts are in the reader's language (the passphrase is typed at a
    fake terminal here: prompts are the one thing a test may fake)."""
    asked: list[str] = []
    new = "yeni-parol-ölkə-ёж-42"
    answers = iter([PASSPHRASE, PASSPHRASE, PASSPHRASE, new, new])

    def typed(prompt: str = "") -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr(getpass, "getpass", typed)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.delenv("TESTIMONY_PASSPHRASE", raising=False)
    vault = tmp_path / "seyf"
    assert cli.main(["--language", "az", "init", "--kdf", "test", "--vault", str(vault)]) == 0
    assert cli.main(["--language", "az", "passwd", "--vault", str(vault)]) == 0
    assert asked == ["Parol: ", "Yenidən: ", "Parol: ", "Yeni parol: ", "Yenidən: "]


def test_an_edited_key_file_is_reported_in_russian(run: Run, tmp_path: Path) -> None:
    from testimony_app.crypto import keyslots

    vault = tmp_path / "vault"
    _ok(run, "init", "--kdf", "test", "--vault", vault)
    keys = vault / "vault.keys"
    doc = json.loads(keys.read_bytes())
    raw = bytearray(base64.b64decode(doc["wrap"]["ciphertext"]))
    raw[3] ^= 0x10
    doc["wrap"]["ciphertext"] = base64.b64encode(bytes(raw)).decode()
    doc.pop("checksum")
    doc["checksum"] = hashlib.sha256(keyslots._canonical(doc)).hexdigest()
    keys.write_text(json.dumps(doc))
    code, _, err = run("list", "--vault", vault, LANG="ru_RU.UTF-8")
    assert code == 0, err
    assert err == (
        "Предупреждение: Одна копия файла ключей хранилища была изменена вне программы; "
        "использована нетронутая копия, а изменённая заменена. Если вы этого не делали, "
        "сообщите своей организации.\n"
    )


def _testimony(path: Path, name: str, *, legal: bool = True) -> Path:
    t = model.Testimony(
        title="Tərtər — ifadə",
        fictional=True,
        interview=model.Interview(
            date="2017-06-14", place="Bakı", interviewer="Gülnarə Əliyeva", language="az"
        ),
        consent=model.Consent(
            legal_proceedings=legal, name_may_appear=True, informed_of_purpose=True,
            no_coercion_confirmed=True, organisations=["Hüquq Mərkəzi"],
        ),
        witness=model.Witness(name=name, pseudonym="Şahid-1"),
        narrative=model.Narrative(text="Məni Tərtərdə saxladılar; zirzəmidə döydülər."),
    )
    path.write_text(json.dumps(interchange.to_dict(t), ensure_ascii=False), encoding="utf-8")
    return path


def _add_and_seal(run: Run, vault: Path, document: Path) -> str:
    record = str(json.loads(_ok(run, "add", "--vault", vault, document, "--json"))["id"])
    _ok(run, "seal", "--vault", vault, record)
    return record


@pytest.mark.slow  # two seals with their backups
def test_an_older_database_is_reported_in_azerbaijani(run: Run, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    _ok(run, "init", "--kdf", "test", "--vault", vault)
    _add_and_seal(run, vault, _testimony(tmp_path / "a.json", "Nemət Məhərrəmov"))
    after_first = set(list_backups(vault))
    time.sleep(0.01)
    _add_and_seal(run, vault, _testimony(tmp_path / "b.json", "Rəşad Əliyev"))
    older = max(after_first, key=lambda p: p.stat().st_mtime_ns)
    for name in ("vault.db-wal", "vault.db-shm"):
        (vault / name).unlink(missing_ok=True)
    shutil.copyfile(older, vault / "vault.db")
    code, _, err = run("--language", "az", "list", "--vault", vault)
    assert code == 0, err
    (line,) = err.splitlines()
    assert line.startswith("Xəbərdarlıq: Seyfin tarixçəsi artıq çatdığı ")
    assert line.endswith(
        " saylı qeyddən əvvəl bitir: verilənlər bazası köhnə nüsxə ilə əvəz olunub və ya son "
        "dəyişikliklərini itirib, o vaxtdan möhürlənmiş ifadələr itmiş ola bilər."
    )


# -- bundles: keys, enrolment, export, import, receipt -----------------------------------------


@pytest.mark.slow  # a whole exchange: keys, two vaults, export (statements), import, receipt
def test_the_bundle_exchange_in_azerbaijani_and_russian(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = json.loads(_ok(run, "org-keygen", "-o", tmp_path / "keys", "--json"))
    said = _ok(run, "--language", "ru", "org-keygen", "-o", tmp_path / "other-keys")
    assert said.splitlines()[0].startswith("Получатель (передайте каждому интервьюеру): age1")
    assert said.splitlines()[-1] == (
        "Храните оба секретных файла в надёжном месте и сделайте их резервные копии: без "
        "идентичности ни один отправленный ей пакет открыть будет невозможно."
    )
    identity = tmp_path / "keys" / "org-identity.txt"
    assert Path(keys["identity_file"]) == identity

    device, org = tmp_path / "device", tmp_path / "org"
    _ok(run, "init", "--kdf", "test", "--vault", device)
    _ok(run, "init", "--kdf", "test", "--vault", org)
    record = _add_and_seal(run, device, _testimony(tmp_path / "t.json", "Nemət Məhərrəmov"))

    # Enrolment at a terminal: "y" is not a yes in Azerbaijani ("yox" is no), "bəli" is.
    enrol = ["--language", "az", "enrol", "--vault", device, "--recipient", keys["recipient"],
             "--org-key", keys["receipt_key"], "--name", "Hüquq Mərkəzi"]
    asked: list[str] = []
    replies = iter(["y", "bəli"])

    def answer(prompt: str = "") -> str:
        asked.append(prompt)
        return next(replies)

    monkeypatch.setattr(builtins, "input", answer)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    code, out, err = run(*enrol)
    assert (code, err) == (2, "testimony-app: Təşkilat qeydiyyata alınmadı: barmaq izi "
                              "təsdiqlənmədi.\n")
    assert out.splitlines()[0] == "Təşkilat: Hüquq Mərkəzi"
    assert out.splitlines()[-1] == f"Barmaq izi:   {keys['fingerprint']}"
    out = _ok(run, *enrol)
    assert asked == ["Təşkilat eyni barmaq izini oxuyurmu? [bəli/XEYR] "] * 2
    assert out.splitlines()[-3].startswith(
        "Qeydiyyat tamamlandı. İndi bu noutbukun barmaq izini təşkilata oxuyun: "
    )
    assert out.splitlines()[-1] == (
        "Təşkilat paketlərinizi qəbul etməzdən əvvəl bu noutbuku qeydiyyata almalıdır "
        "(testimony-app devices add …)."
    )
    laptop = json.loads(_ok(run, "device", "--vault", device, "--json"))

    out = _ok(run, "--language", "az", "export", "--vault", device, "-o", tmp_path / "b.age")
    assert out.splitlines()[0].startswith("Paket yazıldı və yoxlanıldı: ")
    bundle = Path(out.splitlines()[0].partition(": ")[2])
    facts = json.loads(_ok(run, "verify", bundle, "--identity", identity, "--json"))

    # The organisation's side, in Russian: not registered yet, then kept aside, then imported.
    code, out, err = run("import", "--vault", org, bundle, "--identity", identity,
                         LANG="ru_RU.UTF-8")
    assert code == 2
    assert out == (
        "Сверьте отпечаток с интервьюером, затем зарегистрируйте устройство (testimony-app "
        f"devices add {laptop['public_key']} --name …) или отложите пакет с --quarantine.\n"
    )
    out = _ok(run, "import", "--vault", org, bundle, "--identity", identity, "--quarantine",
              LANG="ru_RU.UTF-8")
    assert out.splitlines()[0].startswith("Отложено в карантин (номер 1), не импортировано: пакет ")
    assert out.splitlines()[0].endswith(
        f", 1 запись, с устройства с отпечатком {laptop['fingerprint']}."
    )
    _ok(run, "devices", "add", "--vault", org, laptop["public_key"], "--name", "Gülnarə", "--yes")
    out = _ok(run, "quarantine", "import", "--vault", org, "1", "--identity", identity,
              LANG="ru_RU.UTF-8")
    lines = out.splitlines()
    assert lines[0].startswith(f"Пакет {facts['bundle_id']} с устройства {facts['device_id']} (")
    assert lines[1] == f"  добавлено  {record} v1"  # the outcome is a column of 10
    assert lines[-2] == "Вложения: добавлено 0, уже были 0."
    assert lines[-1] == "Импортировано."
    again = _ok(run, "--language", "az", "import", "--vault", org, bundle, "--identity", identity)
    assert again.splitlines()[1] == f"  dəyişməyib {record} v1"
    assert again.splitlines()[-1] == "Heç nə dəyişmədi: içindəki hər şey artıq var idi."

    verified = _ok(run, "--language", "az", "verify", "--vault", org, bundle,
                   "--identity", identity)
    pinned = f"Açar:       {laptop['fingerprint']} (burada Gülnarə adı ilə qeydiyyata alınıb)\n"
    assert pinned in verified
    assert f"  qeyd {record} v1  tam  az  0 qoşma\n" in verified
    assert verified.splitlines()[-1] == "Bütün yoxlamalardan keçdi."
    ru = _ok(run, "--language", "ru", "verify", bundle, "--identity", identity)
    assert f"  запись {record} v1  полная  az  0 вложений\n" in ru
    assert "(не проверено: сверьте отпечаток с тем, что у интервьюера)" in ru

    receipt = tmp_path / "receipt.txt"
    out = _ok(run, "--language", "ru", "receipt", "--vault", org, bundle, "--identity", identity,
              "--signing-key", keys["signing_key_file"], "-o", receipt)
    assert out == f"Квитанция записана: {receipt}\n"
    out = _ok(run, "acknowledge", "--vault", device, receipt, LANG="ru_RU.UTF-8")
    assert f"  получение подтверждено {record} v1\n" in out
    assert "Что стало с каждой записью:\n" in out
    assert out.splitlines()[-1] == (
        "1 свидетельство теперь можно удалить с этого ноутбука (acknowledge --purge)."
    )
    out = _ok(run, "--language", "az", "acknowledge", "--vault", device, receipt)
    assert out.splitlines()[-1] == "1 ifadəni indi bu noutbukdan silmək olar (acknowledge --purge)."
    # When the organisation received it, as the reader writes a date (it was "2026-12-07T09:…Z").
    assert re.fullmatch(
        r".+ paketi üçün qəbz yoxlanıldı \(qəbul vaxtı: \d{1,2} [a-zç]+ \d{4} \d\d:\d\d\)\.",
        out.splitlines()[0],
    ), out.splitlines()[0]


# -- the registry ------------------------------------------------------------------------------


@pytest.fixture
def registry_vault(tmp_path: Path) -> tuple[Path, str, str]:
    path = tmp_path / "vault"
    session = create_vault(path, PASSPHRASE, kdf="test")
    ids = []
    for witness, perp in (("Orxan Səfərli", "Elçin Həsənov"), ("Кирилл Абасов", "Гасанов Эльчин")):
        t = model.Testimony(
            title="t", fictional=True, witness=model.Witness(name=witness),
            acts=[model.Act(date="2017-05-20", place="Q-903", methods=["falanga"],
                            perpetrators=[model.Perpetrator(name=perp, rank="kapitan")])],
        )
        ids.append(session.testimonies.create(t))
    session.lock()
    return path, ids[0], ids[1]


@pytest.mark.slow  # the registry's matching over real testimonies (about a second)
def test_the_registry_in_azerbaijani_and_russian(
    run: Run, registry_vault: tuple[Path, str, str]
) -> None:
    path, first, second = registry_vault
    v = ("--vault", path)
    assert _ok(run, "--language", "az", "registry", "list", *v) == "Reyestr boşdur.\n"
    out = _ok(run, "--language", "az", "registry", "link", first, "acts[0].perpetrators[0]",
              "--new", *v)
    assert out.startswith("Əlaqələndirildi (əlaqə 1, reyestr qeydi ")
    entry = json.loads(_ok(run, "registry", "list", "--json", *v))[0]["id"]
    out = _ok(run, "registry", "suggest", second, *v, LANG="az_AZ.UTF-8")
    suggestion = next(line for line in out.splitlines() if line.startswith(f"  → {entry[:8]}"))
    assert "% alike" not in suggestion
    assert "(ad " in suggestion, suggestion
    assert "% oxşardır" in suggestion, suggestion
    out = _ok(run, "registry", "link", second, "acts[0].perpetrators[0]", entry, "--suggested",
              *v, LANG="ru_RU.UTF-8")
    assert out == f"Связано (связь 2, запись {entry}).\n"
    out = _ok(run, "registry", "show", entry, *v, LANG="ru_RU.UTF-8")
    assert f"  связь 2 [предложена] {second[:8]} v1 acts[0].perpetrators[0]: Гасанов Эльчин" in out
    assert _ok(run, "registry", "confirm", "2", *v, LANG="ru_RU.UTF-8") == (
        "Связь 2 теперь подтверждена.\n"
    )
    out = _ok(run, "--language", "ru", "corroborate", entry, *v)
    assert out.splitlines()[0] == "Elçin Həsənov: 2 свидетельства, 2 независимых свидетеля"
    out = _ok(run, "--language", "az", "corroborate", entry, *v)
    assert out.splitlines()[0] == "Elçin Həsənov: 2 ifadə, 2 müstəqil şahid"
    assert _ok(run, "--language", "az", "registry", "unlink", "2", *v) == "2 əlaqəsi silindi.\n"


# -- a bug ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("az", "testimony-app: proqramın daxilində xəta baş verdi. İfadə məzmunu olmayan hesabat "
               "buradadır: /r/crash.txt.\n"),
        ("ru", "testimony-app: внутри программы произошла ошибка. Отчёт без содержимого "
               "показаний находится здесь: /r/crash.txt.\n"),
        ("en", "testimony-app: something went wrong inside the program. A report without any "
               "testimony content is in /r/crash.txt.\n"),
    ],
)
def test_the_crash_notice_in_the_program_s_language(
    capsys: pytest.CaptureFixture[str], language: str, expected: str
) -> None:
    words.set_language(language)
    crash.tell_stderr(Path("/r/crash.txt"))
    assert capsys.readouterr().err == expected



@pytest.mark.slow  # the demo vault holds several testimonies, some sealed
def test_the_demo_vault_s_rows_name_the_status_in_russian(run: Run, tmp_path: Path) -> None:
    out = _ok(run, "--language", "ru", "demo", "--kdf", "test", "--vault", tmp_path / "demo")
    lines = out.splitlines()
    assert lines[1] == "Все свидетельства в нём вымышлены."
    statuses = {line.split()[1] for line in lines[2:]}
    assert {"черновик", "запечатано"} <= statuses, statuses
    assert not statuses & {"draft", "sealed", "amended"}
    # One column: every date starts at the same place whatever the status's length.
    assert len({line.index(" 20") for line in lines[2:]}) == 1, lines
