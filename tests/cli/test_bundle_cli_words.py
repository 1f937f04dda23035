"""What the bundle commands say, found by running them in Azerbaijani and Russian (issue 17
trial): ``export -o DIR/`` names a folder, and when there is none nothing is written
(``Path("usbb/")`` is ``Path("usbb")``, so a mistyped stick wrote the bundle as a file named
``usbb`` with no ``.age``); time stamps are said as the reader writes a date and time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from testimony_app import cli


def test_export_to_a_folder_that_is_not_there_writes_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", "never asked for")
    missing = tmp_path / "usbb"
    for lang, words in (
        ("az", f"testimony-app: {missing}/ qovluğu yoxdur; heç nə yazılmadı."),
        ("ru", f"testimony-app: Папки {missing}/ нет; ничего не записано."),
        ("en", f"testimony-app: There is no folder {missing}/; nothing was written."),
    ):
        status = cli.main(["--language", lang, "export", "--vault", str(tmp_path / "vault"),
                           "-o", f"{missing}/"])
        assert status == 2
        assert capsys.readouterr().err.strip() == words
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no "usbb" file, no vault


def test_a_time_stamp_is_said_as_a_date_and_time_on_the_readers_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """verify's "Made:" and acknowledge's "received" were the raw "2026-12-07T09:31:08Z"."""
    import time

    from testimony_app import words
    from testimony_app.cli.bundles import moment
    from testimony_app.words import Message

    monkeypatch.setenv("TZ", "Asia/Baku")  # UTC+4, no summer time
    time.tzset()
    try:
        received = moment("2026-12-07T09:31:08Z")
        ack = Message("cli.acknowledge.verified", bundle="b1", received=received)
        assert words.text(ack, "az") == (
            "b1 paketi üçün qəbz yoxlanıldı (qəbul vaxtı: 7 dekabr 2026 13:31)."
        )
        made = Message("cli.verify.made", made=moment("2026-03-01T23:30:00Z"))
        assert words.text(made, "ru").split(maxsplit=1)[1] == "2 марта 2026\u202fг., 03:30"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert moment("not a time") == "not a time"
