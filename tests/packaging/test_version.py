"""The program's version is the one pyproject.toml declares, installed or not."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import testimony_app

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_literal_matches_pyproject_and_the_installed_metadata() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert testimony_app.__version__ == declared["version"]
    assert testimony_app.__version__ == metadata.version("testimony-app")
