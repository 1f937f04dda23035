"""Compute a .deb's Depends from the shared libraries a frozen folder links against.

The frozen folder carries Qt, Python and the wheels' own libraries, but leaves the system's
(glib, fontconfig, X11/xcb, Wayland, PulseAudio, OpenSSL, ...) to the distribution, which
keeps them patched. The package must then depend on exactly the Debian packages that own
those libraries. This does what ``dpkg-shlibdeps`` does, without a ``debian/`` source tree:
it reads each ELF file's direct ``NEEDED`` entries (``readelf -d``), drops those the folder
provides itself, finds the rest with ``ldconfig -p`` and asks ``dpkg -S`` who owns them.

Libraries that Qt's optional plugins need but that are not installed on the build machine
(Wayland's cursor and EGL libraries on a headless builder) are mapped by a short table; any
other unresolved library is reported and fails the build, because a package that installs
but does not start is worse than no package.

Usage::

    python packaging/linux/debian_depends.py build/package/deb/opt/testimony
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

# Sonames that Qt plugins link but a headless build machine may lack: Debian 12 / Ubuntu
# 22.04+ package names.
KNOWN_OWNERS = {
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libwayland-client.so.0": "libwayland-client0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
}
# Owned by libc6, which gets a versioned dependency of its own.
LIBC6 = "libc6"
NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")


def elf_files(root: Path) -> list[Path]:
    """Regular ELF files under ``root`` (symlinks are the same files under other names)."""
    out = []
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                continue
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    out.append(path)
    return sorted(out)


def needed(path: Path) -> list[str]:
    """The sonames ``path`` links against directly."""
    result = subprocess.run(
        ["readelf", "-d", "--wide", str(path)], capture_output=True, text=True, check=True
    )
    return NEEDED.findall(result.stdout)


def provided(root: Path) -> set[str]:
    """Every file or symlink name in the folder: the sonames it provides itself."""
    return {name for _, _, files in os.walk(root) for name in files}


def system_libraries() -> dict[str, str]:
    """soname -> path for this machine's architecture, from the dynamic linker's cache."""
    arch = "x86-64" if os.uname().machine == "x86_64" else os.uname().machine
    out: dict[str, str] = {}
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True)
    for line in listing.stdout.splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and (arch in match.group(2) or "," not in match.group(2)):
            out.setdefault(match.group(1), match.group(3))
    return out


def find_in_default_dirs(soname: str) -> str | None:
    """A library the cache does not list but the linker finds in its default directories.

    Debian's libbz2 is the known case: its SONAME is ``libbz2.so.1.0``, FFmpeg asks for
    ``libbz2.so.1``, and only a compatibility symlink in /lib provides that name.
    """
    triplet = sysconfig.get_config_var("MULTIARCH") or f"{os.uname().machine}-linux-gnu"
    for folder in (f"/lib/{triplet}", f"/usr/lib/{triplet}", "/lib", "/usr/lib"):
        candidate = Path(folder) / soname
        if candidate.exists():
            return str(candidate)
    return None


def owner(path: str) -> str | None:
    """The Debian package that installed ``path`` (merged-/usr aware)."""
    real = os.path.realpath(path)
    candidates = []
    for p in (path, real):
        candidates += [p, p.removeprefix("/usr"), "/usr" + p if not p.startswith("/usr") else p]
    for candidate in dict.fromkeys(candidates):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            line = result.stdout.splitlines()[0]
            return line.split(":", 1)[0].split(",")[0].strip()
    return None


def depends(root: Path) -> tuple[list[str], list[str]]:
    """(packages, problems): the packages to depend on, and what could not be resolved."""
    inside = provided(root)
    cache = system_libraries()
    packages: set[str] = set()
    problems: list[str] = []
    users: dict[str, str] = {}
    for path in elf_files(root):
        for soname in needed(path):
            if soname not in inside:
                users.setdefault(soname, str(path.relative_to(root)))
    for soname, user in sorted(users.items()):
        path = cache.get(soname) or find_in_default_dirs(soname)
        package = owner(path) if path else None
        package = package or KNOWN_OWNERS.get(soname)
        if package is None:
            problems.append(f"{user} needs {soname}, which no known Debian package provides")
        elif package != LIBC6:
            packages.add(package)
    return sorted(packages), problems


def main(argv: list[str] | None = None) -> int:
    """Print one package per line; exit 1 (after printing problems to stderr) if unresolved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    packages, problems = depends(args.folder)
    for problem in problems:
        print(f"debian_depends: {problem}", file=sys.stderr)  # noqa: T201
    print("\n".join(packages))  # noqa: T201
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
