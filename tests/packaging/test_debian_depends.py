"""The .deb's Depends come from what the frozen folder really links against."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("readelf", "dpkg", "ldconfig"))
    or not Path("/bin/ls").exists(),
    reason="needs a Debian system with binutils",
)


@pytest.mark.slow
def test_system_libraries_map_to_their_packages(
    tmp_path: Path, load_script: Callable[[str], ModuleType]
) -> None:
    deps = load_script("linux/debian_depends.py")
    shutil.copy("/bin/ls", tmp_path / "tool")
    expected = {deps.owner(deps.system_libraries()[s]) for s in deps.needed(tmp_path / "tool")}
    expected.discard("libc6")
    packages, problems = deps.depends(tmp_path)
    assert problems == []
    assert set(packages) == expected


def test_libraries_shipped_in_the_folder_are_not_dependencies(
    tmp_path: Path, load_script: Callable[[str], ModuleType]
) -> None:
    deps = load_script("linux/debian_depends.py")
    shutil.copy("/bin/ls", tmp_path / "tool")
    for soname in deps.needed(tmp_path / "tool"):
        (tmp_path / soname).write_bytes(b"")  # the folder "provides" it
    assert deps.depends(tmp_path) == ([], [])
