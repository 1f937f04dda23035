"""The command line speaks the language asked for: ``--language``, else the environment."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from testimony_app import cli, words

PASSPHRASE = "Tərtər-qırmızı-körpü-ёлка-7"


def _run(argv: list[str], **env: str) -> tuple[int, str, str]:
    """``cli.main`` in this process with ``env`` added (language variables cleared first)."""
    saved = dict(os.environ)
    out, err = io.StringIO(), io.StringIO()
    try:
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            os.environ.pop(name, None)
        os.environ.update(env)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    finally:
        os.environ.clear()
        os.environ.update(saved)
        words.set_language("en")
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lang") / "vault"
    code, _, err = _run(
        ["init", "--kdf", "test", "--vault", str(path)], TESTIMONY_PASSPHRASE=PASSPHRASE
    )
    assert code == 0, err
    return path


@pytest.fixture(autouse=True)
def no_earlier_wrong_passphrases(vault: Path) -> None:
    """Each test starts without the wait that the tests before it earned (one vault for all)."""
    (vault / "vault.attempts").unlink(missing_ok=True)


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["--language", "az"], {}, "testimony-app: Bu seyf üçün parol düzgün deyil.\n"),
        ([], {"LANG": "az_AZ.UTF-8"}, "testimony-app: Bu seyf üçün parol düzgün deyil.\n"),
        ([], {"LANG": "ru_RU.UTF-8"},
         "testimony-app: Парольная фраза не подходит к этому хранилищу.\n"),
        (["--language=ru"], {"LANG": "az_AZ.UTF-8"},
         "testimony-app: Парольная фраза не подходит к этому хранилищу.\n"),
        (["--language", "en"], {"LC_MESSAGES": "ru_RU.UTF-8"},
         "testimony-app: The passphrase is not correct for this vault.\n"),
        ([], {"LANG": "C.UTF-8"}, "testimony-app: The passphrase is not correct for this vault.\n"),
    ],
)
def test_a_wrong_passphrase_in_the_language_asked_for(
    vault: Path, argv: list[str], env: dict[str, str], expected: str
) -> None:
    code, out, err = _run(
        [*argv, "list", "--vault", str(vault)], TESTIMONY_PASSPHRASE="not it", **env
    )
    assert (code, out, err) == (2, "", expected)


def test_after_the_command_language_is_the_command_s_own(vault: Path) -> None:
    """``pdf --language`` names the statement's language; messages follow the environment."""
    _, _, err = _run(
        ["pdf", "x", "-o", "x.pdf", "--language", "az", "--vault", str(vault)],
        TESTIMONY_PASSPHRASE="not it", LANG="ru_RU.UTF-8",
    )
    assert err == "testimony-app: Парольная фраза не подходит к этому хранилищу.\n"


def test_an_unknown_language_is_refused_by_the_parser(vault: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _run(["--language", "fr", "list", "--vault", str(vault)])
    assert exit_info.value.code == 2


def test_the_language_option_before_the_command_still_means_the_command_line() -> None:
    assert cli.wants_cli(["--language", "az", "list"])
    assert cli.wants_cli(["--language=ru", "--help"])
    assert not cli.wants_cli(["--language", "az"])


def test_a_mistyped_command_is_a_command_line_error_not_the_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``testimony-app lst`` started the window (on a server, Qt's platform-plugin lines)."""
    from testimony_app.__main__ import main

    assert cli.wants_cli(["lst"])
    assert cli.wants_cli(["--language", "az", "lst"])
    assert not cli.wants_cli(["--vault", "somewhere"])  # the window's own options
    assert not cli.wants_cli(["-platform", "offscreen"])  # and Qt's
    with pytest.raises(SystemExit) as exit_info:
        main(["--language", "az", "lst"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.startswith("testimony-app: xəta: COMMAND arqumenti: yanlış seçim: 'lst' ")
    assert "'list'" in err


@pytest.mark.slow
def test_the_console_script_follows_lang(vault: Path, tmp_path: Path) -> None:
    """As an organisation's script runs it: a child process, LANG from its environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TESTIMONY_", "LC_"))}
    env.update(LANG="ru_RU.UTF-8", LANGUAGE="", TESTIMONY_PASSPHRASE="not it",
               PYTHONIOENCODING="utf-8", HOME=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-m", "testimony_app", "list", "--vault", str(vault)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
        stdin=subprocess.DEVNULL, check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == "testimony-app: Парольная фраза не подходит к этому хранилищу.\n"


# -- the main flows in Azerbaijani and Russian (issue 17, evidence) ----------------------------


def test_no_vault_and_a_damaged_vault_in_azerbaijani_and_russian(
    vault: Path, tmp_path: Path
) -> None:
    code, _, err = _run(["--language", "az", "list", "--vault", str(tmp_path / "nowhere")],
                        TESTIMONY_PASSPHRASE=PASSPHRASE)
    assert (code, err) == (2, "testimony-app: Həmin yerdə seyf yoxdur.\n")
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for item in vault.iterdir():
        if item.is_file():
            (damaged / item.name).write_bytes(item.read_bytes())
    (damaged / "vault.db").write_bytes(b"")
    code, _, err = _run(["list", "--vault", str(damaged)], LANG="ru_RU.UTF-8",
                        TESTIMONY_PASSPHRASE=PASSPHRASE)
    assert code == 1  # damage (README: exit 1 on any damage)
    assert err == (
        "testimony-app: Файл базы данных хранилища пуст; восстановите его из резервной копии.\n"
    )


def test_a_bad_bundle_and_a_bad_receipt_in_azerbaijani(vault: Path, tmp_path: Path) -> None:
    keys = tmp_path / "org"
    code, _, err = _run(["org-keygen", "-o", str(keys)])
    assert code == 0, err
    bundle = tmp_path / "bad.age"
    bundle.write_bytes(b"age-encryption.org/v1\n-> scrypt c2FsdA 10\nAAAA\n--- AAAA\n")
    code, out, _ = _run(["--language", "az", "verify", "--identity",
                         str(keys / "org-identity.txt"), str(bundle)])
    assert code == 1
    refusal = ("Paket parolla (scrypt) şifrələnib; paketlər təşkilatın açarı ilə "
               "şifrələnməlidir.")
    assert out.splitlines()[-1] == f"Yoxlama uğursuz oldu: {refusal}"
    assert f"[FAIL] age başlığı (bizim ciddi ilkin yoxlamamız): {refusal}" in out
    receipt = tmp_path / "receipt.txt"
    receipt.write_text('{"bundle_id": "x"}\n', encoding="utf-8")
    code, _, err = _run(["--language", "az", "acknowledge", "--vault", str(vault), str(receipt)],
                        TESTIMONY_PASSPHRASE=PASSPHRASE)
    assert code == 2
    # This laptop never enrolled an organisation, so no receipt can be for it.
    assert err == (
        "testimony-app: Bu noutbukda heç bir təşkilat qeydiyyata alınmayıb; ixracdan əvvəl onu "
        "qeydiyyata alın.\n"
    )


def test_what_became_of_each_record_after_a_receipt_in_russian_and_azerbaijani() -> None:
    from testimony_app.cli.bundles import _fate_lines
    from testimony_app.services.acknowledge import RecordFate

    fates = [
        RecordFate.of("81c7c5ec", "Z. M. Q. B.", [1], "kept", "redacted_only"),
        RecordFate.of("d9b52d45", "", [1, 2], "purgeable", ""),
    ]
    try:
        words.set_language("ru")
        assert _fate_lines(fates) == [
            "  81c7c5ec (Z. M. Q. B.): ОСТАЁТСЯ. Организация получила только копию без данных о "
            "личности свидетеля, поэтому полный оригинал остаётся на этом ноутбуке.",
            "      Что делать: Храните его здесь, пока полная запись не попадёт в организацию "
            "другим, согласованным с ней путём.",
            "  d9b52d45: можно очистить. У организации есть все запечатанные версии этой записи, "
            "полностью.",
        ]
        words.set_language("az")
        assert _fate_lines(fates)[1].startswith("      Nə etməli: Tam qeyd təşkilatla")
    finally:
        words.set_language("en")
    # English; --json carries the codes only, the same in every language.
    assert _fate_lines(fates)[0].endswith(words.text(fates[0].why, "en"))
    assert dataclasses.asdict(fates[0]) == {
        "record_id": "81c7c5ec", "label": "Z. M. Q. B.", "versions": (1,), "state": "kept",
        "reason": "redacted_only",
    }


@pytest.mark.parametrize(
    ("language", "failures", "expected"),
    [
        ("en", 1, "testimony-app: waiting 1 second after earlier wrong passphrases…"),
        ("en", 3, "testimony-app: waiting 4 seconds after earlier wrong passphrases…"),
        ("az", 3, "testimony-app: əvvəlki səhv parollara görə 4 saniyə gözlənilir…"),
        ("ru", 1, "testimony-app: ждём 1 секунду после неверных парольных фраз…"),
        ("ru", 3, "testimony-app: ждём 4 секунды после неверных парольных фраз…"),
    ],
)
def test_the_wait_after_wrong_passphrases_is_said_in_the_language_asked_for(
    vault: Path, passphrase_waits: list[float], language: str, failures: int, expected: str
) -> None:
    """After wrong attempts the command says why nothing happens for a while, in the reader's
    words. The count's time is in the future, so the wait is the whole delay however slow the
    machine (a clock set back never waits longer than the delay itself)."""
    (vault / "vault.attempts").write_text(
        json.dumps({"failures": failures, "last": time.time() + 3600}), encoding="ascii"
    )
    code, _, err = _run(
        ["--language", language, "list", "--vault", str(vault)], TESTIMONY_PASSPHRASE="not it"
    )
    assert code == 2
    assert err.splitlines()[0] == expected
    assert passphrase_waits == [2 ** (failures - 1)]
