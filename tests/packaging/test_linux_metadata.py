"""The .desktop entry, AppStream metainfo and icon: valid, and consistent with each other."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.testimony.TestimonyApp"
LINUX = PACKAGING / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON = LINUX / f"{APP_ID}.svg"

needs_desktop_validate = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)",
)
needs_appstreamcli = pytest.mark.skipif(
    shutil.which("appstreamcli") is None, reason="appstreamcli is not installed (Debian: appstream)"
)


def project_version() -> Version:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return Version(data["project"]["version"])


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@needs_desktop_validate
def test_desktop_file_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not result.stdout.strip(), result.stdout  # no warnings either


@needs_appstreamcli
@pytest.mark.parametrize("public_url", [None, "https://example.org/testimony/raw/v0.1.0"])
def test_metainfo_is_valid_as_shipped(
    tmp_path: Path, public_url: str | None, load_script: Callable[[str], ModuleType]
) -> None:
    metainfo = load_script("linux/metainfo.py")
    out = tmp_path / f"{APP_ID}.metainfo.xml"
    out.write_bytes(metainfo.render(public_url))
    for path in (METAINFO, out):
        result = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_screenshots_are_added_only_for_files_that_exist(
    load_script: Callable[[str], ModuleType],
) -> None:
    metainfo = load_script("linux/metainfo.py")
    root = ET.fromstring(metainfo.render("https://example.org/t"))
    images = [e.text or "" for e in root.iter("image")]
    for image in images:
        name = image.rsplit("/", 1)[-1]
        assert (ROOT / "docs" / "screenshots" / name).is_file()
    assert root.find("url") is not None
    bare = ET.fromstring(metainfo.render(None))
    assert bare.find("url") is None
    assert bare.find("screenshots") is None


def test_names_agree_between_desktop_metainfo_and_icon() -> None:
    entry = desktop_entry()
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == entry["Name"] == "Testimony"
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    assert root.find("provides/binary").text == entry["Exec"] == "testimony-app"  # type: ignore[union-attr]
    assert entry["Icon"] == ICON.stem
    svg = ET.parse(ICON).getroot()
    assert svg.tag.endswith("svg")


def test_newest_release_is_this_version_and_in_the_changelog() -> None:
    root = ET.parse(METAINFO).getroot()
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == project_version().base_version
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date", ""))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{newest.get('version')}] - {newest.get('date')}" in changelog


def test_the_icon_renders() -> None:
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(ICON)).isValid()
