"""THIRD-PARTY-NOTICES.txt covers every runtime dependency and what the wheels embed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def notices(
    tmp_path_factory: pytest.TempPathFactory, load_script: Callable[[str], ModuleType]
) -> tuple[str, list[str]]:
    generate = load_script("licenses/generate.py")
    out = tmp_path_factory.mktemp("licenses") / "THIRD-PARTY-NOTICES.txt"
    assert generate.main(["-o", str(out)]) == 0
    names = [d.metadata["Name"] for d in generate.runtime_closure()]
    return out.read_text(encoding="utf-8"), names


@pytest.mark.slow
def test_every_runtime_dependency_is_listed(notices: tuple[str, list[str]]) -> None:
    text, names = notices
    lowered = {n.lower().replace("_", "-") for n in names}
    # The direct dependencies and some that only arrive through them.
    for expected in (
        "sqlcipher3",
        "pyside6-essentials",
        "pyside6-addons",
        "shiboken6",
        "rapidfuzz",
        "zxcvbn",
        "argon2-cffi",
        "argon2-cffi-bindings",
        "cffi",
        "cryptography",
        "reportlab",
        "pillow",
        "python-bidi",
        "arabic-reshaper",
        "platformdirs",
        "pyhanko",  # signed statements, and what it brings
        "pyhanko-certvalidator",
        "asn1crypto",
        "lxml",
        "aiohttp",
        "certifi",
    ):
        assert expected in lowered
    for name in names:
        assert f"\n{name} " in text
    assert "testimony-app" not in lowered  # ours is LICENSE, not a third party


@pytest.mark.slow
def test_development_tools_are_not_listed(notices: tuple[str, list[str]]) -> None:
    _, names = notices
    assert not {"pytest", "mypy", "ruff", "pyinstaller", "hypothesis"} & {n.lower() for n in names}


@pytest.mark.parametrize(
    "needle",
    [
        "GNU LESSER GENERAL PUBLIC LICENSE",  # Qt / PySide6, FFmpeg
        "Version 3, 29 June 2007",
        "Version 2.1, February 1999",
        "Written offer",
        "ZETETIC LLC",  # SQLCipher
        "May you do good and not evil",  # SQLite
        "Apache License",  # OpenSSL
        "Unicode, Inc.",  # ICU
        "Bitstream Vera",  # DejaVu fonts
        "SIL OPEN FONT LICENSE",  # Noto
        "Pavol Rusnak",  # BIP-39 word list
        "PYTHON SOFTWARE FOUNDATION LICENSE",
        "bootloader exception",
    ],
)
def test_hand_written_notices_are_included(notices: tuple[str, list[str]], needle: str) -> None:
    text, _ = notices
    assert needle.lower() in text.lower()


def test_versions_are_filled_in(notices: tuple[str, list[str]]) -> None:
    text, _ = notices
    assert "@" + "QT_VERSION@" not in text
    from PySide6.QtCore import qVersion

    assert f"version {qVersion()}" in text


def test_root_licence_is_the_gpl() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text
    assert "Version 3, 29 June 2007" in text
    assert Path(ROOT / "packaging" / "licenses" / "texts" / "LGPL-3.0.txt").is_file()
