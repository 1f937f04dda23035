"""``export -o DIR/`` names a folder: when there is none, nothing is written (issue 17 trial).

``Path("usbb/")`` is ``Path("usbb")``, so a mistyped stick (``-o /media/usbb/``) wrote the
bundle as a file named ``usbb`` beside where the folder should have been, with no ``.age``.
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
