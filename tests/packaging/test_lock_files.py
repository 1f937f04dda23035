"""The lock files say what pyproject.toml says: every requirement pinned, with hashes.

``requirements/locked.txt`` is what every machine and CI installs; ``requirements/oldest.txt``
is the lowest-version install that proves the floors (``make test-oldest``). Both are written
by ``make lock``. These tests catch a pyproject.toml edited without running it: a new
dependency missing from the lock, a floor raised above a pin, a floor lowered but not tried.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCKED = ROOT / "requirements" / "locked.txt"
OLDEST = ROOT / "requirements" / "oldest.txt"
BUILD_IN = ROOT / "requirements" / "build.in"
SELF = "testimony-app"


@dataclass(frozen=True)
class Pin:
    version: Version
    hashes: int


def read_lock(path: Path) -> dict[str, Pin]:
    """Pins that apply on this machine (markers evaluated), with their number of hashes."""
    text = path.read_text(encoding="utf-8")
    pins: dict[str, Pin] = {}
    # One requirement per logical line: "name==1.2 ; marker \" then hash lines.
    for block in re.split(r"\n(?=\S)", text):
        first = block.split("\n", 1)[0].rstrip(" \\")
        if not first or first.startswith("#"):
            continue
        req = Requirement(first)
        if req.marker is not None and not req.marker.evaluate():
            continue
        (spec,) = req.specifier
        assert spec.operator == "==", first
        hashes = block.count("--hash=sha256:")
        pins[canonicalize_name(req.name)] = Pin(Version(spec.version), hashes)
    return pins


def requirements(*extras: str) -> list[Requirement]:
    """pyproject.toml's requirements for these extras (the self-reference unfolded) and the
    build tools, those whose markers apply here."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    optional: dict[str, list[str]] = project["optional-dependencies"]
    lines = list(project["dependencies"])
    todo, seen = list(extras), set()
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for line in optional[extra]:
            req = Requirement(line)
            if canonicalize_name(req.name) == SELF:
                todo.extend(req.extras)
            else:
                lines.append(line)
    lines += [
        line.strip()
        for line in BUILD_IN.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    # evaluate() reads this machine's environment (packaging's default_environment()).
    return [r for r in map(Requirement, lines) if r.marker is None or r.marker.evaluate()]


@pytest.mark.parametrize("path", [LOCKED, OLDEST], ids=["locked", "oldest"])
def test_every_pin_carries_hashes(path: Path) -> None:
    pins = read_lock(path)
    assert pins
    assert all(pin.hashes >= 1 for pin in pins.values())
    assert SELF not in pins


def test_the_lock_holds_every_requirement_in_range() -> None:
    pins = read_lock(LOCKED)
    for req in requirements("dev", "package"):
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in {LOCKED.name}: run `make lock`"
        assert req.specifier.contains(pins[name].version, prereleases=True), (
            f"{LOCKED.name} pins {req.name} {pins[name].version}, outside {req.specifier}: "
            "run `make lock`"
        )


def test_the_oldest_install_sits_on_the_floors() -> None:
    """Every floor (``>=``) is the version ``make test-oldest`` installs, so a floor is never
    lower than what was tried, and an exact pin is installed as pinned."""
    pins = read_lock(OLDEST)
    for req in requirements("test"):
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in {OLDEST.name}: run `make lock`"
        floors = [Version(s.version) for s in req.specifier if s.operator in (">=", "==")]
        assert floors, f"{req.name} has no floor in pyproject.toml"
        assert pins[name].version == max(floors), (
            f"{req.name}: pyproject.toml says {req.specifier}, {OLDEST.name} installs "
            f"{pins[name].version}; set the floor to what was tested and run `make lock`"
        )
