"""Write THIRD-PARTY-NOTICES.txt for a Testimony build, from what is really installed.

Every installer we ship must carry the licence of everything inside it. A hand-kept list goes
stale the first time a dependency adds a dependency, so this script walks the runtime closure
of the ``testimony-app`` distribution through ``importlib.metadata`` (only runtime
requirements: no extras, markers evaluated for this machine), and copies each distribution's
declared licence and its licence files verbatim.

The wheels do not carry notices for everything they contain: Qt and FFmpeg inside PySide6,
SQLCipher, SQLite and OpenSSL inside sqlcipher3, ICU inside Qt, the Python runtime and the
PyInstaller bootloader in a frozen build, and our own assets (fonts, the BIP-39 word list).
Those are written by hand in ``notices/`` and filled with the versions found here, so the
file states what was shipped rather than what was once planned.

Usage::

    python packaging/licenses/generate.py -o build/licenses/THIRD-PARTY-NOTICES.txt

Run it with the interpreter of the environment being packaged (the project venv).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import re
import sys
import sysconfig
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ROOT_DIST = "testimony-app"
RULE = "=" * 78
THIN = "-" * 78

# Files inside a distribution that hold licence or attribution text.
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS|COPYRIGHT)[^/]*$", re.I)
NOT_TEXT = (".py", ".pyc", ".pyi", ".so", ".pyd", ".dll", ".dylib")

# Our own assets with their licence files, relative to resources/.
ASSET_NOTICES = (
    (
        "Fonts: DejaVu Sans (Bitstream Vera licence, DejaVu changes public domain)",
        "fonts/LICENSE-DejaVu.txt",
    ),
    ("Fonts: Noto Naskh Arabic (SIL Open Font License 1.1)", "fonts/LICENSE-OFL-Noto.txt"),
    ("Word list: BIP-39 English word list (MIT)", "wordlists/LICENSE-bip39.txt"),
    ("Colour profile: sRGB.icc from ICC Profiles Free (zlib licence)",
     "color/LICENSE-icc-profiles-free.txt"),
)


def runtime_closure(root: str = ROOT_DIST) -> list[metadata.Distribution]:
    """The installed distributions that ``root`` needs at run time, ``root`` excluded."""
    env = default_environment()
    seen: dict[str, metadata.Distribution] = {}
    queue = [root]
    while queue:
        name = canonicalize_name(queue.pop())
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{name} is required at run time but is not installed") from None
        seen[name] = dist
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is not None and not req.marker.evaluate({**env, "extra": ""}):
                continue
            queue.append(req.name)
    seen.pop(canonicalize_name(root), None)
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def declared_licence(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: SPDX expression, free text or classifiers."""
    meta = dist.metadata
    if meta.get("License-Expression"):
        return str(meta["License-Expression"])
    text = (meta.get("License") or "").strip()
    if text and len(text) < 200 and "\n" not in text:
        return text
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return "; ".join(classifiers)
    return "see the licence text below" if text else "not declared (see the files below)"


def licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(path, text) of every licence-like file the distribution installed."""
    out: list[tuple[str, str]] = []
    for file in dist.files or []:
        name = str(file).replace("\\", "/")
        if not LICENCE_FILE.search(name) or name.endswith(NOT_TEXT):
            continue
        path = Path(str(file.locate()))
        if not path.is_file():
            continue
        out.append((name, path.read_text(encoding="utf-8", errors="replace").strip()))
    meta_text = (dist.metadata.get("License") or "").strip()
    if not out and meta_text and "\n" in meta_text:
        out.append(("METADATA License field", meta_text))
    return out


def homepage(dist: metadata.Distribution) -> str:
    """The project's home or source address, as its metadata gives it."""
    meta = dist.metadata
    if meta.get("Home-page"):
        return str(meta["Home-page"])
    for url in meta.get_all("Project-URL") or []:
        label, _, address = url.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository", "source code"}:
            return address.strip()
    return ""


# -- versions of what the wheels embed ---------------------------------------------------------


def versions() -> dict[str, str]:
    """Versions of the components embedded in wheels, found by asking the libraries."""
    found = {
        "QT_VERSION": "(version of the PySide6 wheel)",
        "SQLCIPHER_VERSION": "(version compiled into sqlcipher3)",
        "SQLITE_VERSION": "(version compiled into sqlcipher3)",
        "OPENSSL_VERSIONS": "versions compiled into sqlcipher3 and cryptography",
        "FFMPEG_VERSION": "(version shipped with PySide6)",
        "FFMPEG_LICENSE": "LGPL version 2.1 or later",
        "FFMPEG_CONFIGURATION": "(configuration not readable on this platform)",
        "PYTHON_VERSION": sys.version.split()[0],
    }
    with contextlib.suppress(Exception):
        from PySide6.QtCore import qVersion

        found["QT_VERSION"] = qVersion()
    openssl: list[str] = []
    with contextlib.suppress(Exception):
        import sqlcipher3

        conn = sqlcipher3.connect(":memory:")
        # A throw-away all-zero key on an in-memory database: only to make SQLCipher load its
        # crypto provider so that it can report the provider's version.
        conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
        found["SQLCIPHER_VERSION"] = conn.execute("PRAGMA cipher_version").fetchone()[0]
        found["SQLITE_VERSION"] = sqlcipher3.sqlite_version
        provider = conn.execute("PRAGMA cipher_provider_version").fetchone()
        if provider:
            openssl.append(f"{provider[0]} (in sqlcipher3)")
        conn.close()
    with contextlib.suppress(Exception):
        from cryptography.hazmat.backends.openssl.backend import backend

        openssl.append(f"{backend.openssl_version_text()} (in cryptography)")
    if openssl:
        found["OPENSSL_VERSIONS"] = "; ".join(openssl)
    found.update(_ffmpeg())
    return found


def _ffmpeg() -> dict[str, str]:
    """FFmpeg's own report of its version, licence and configure line (Linux wheels)."""
    with contextlib.suppress(Exception):
        import PySide6

        lib = Path(PySide6.__file__).parent / "Qt" / "lib"
        # The stubs log their search for PipeWire through Qt's logging; it is noise here.
        os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")
        # libavutil resolves OpenSSL symbols through Qt's stubs; load them globally first.
        for stub in sorted(lib.glob("libQt6FFmpegStub-*.so*")):
            ctypes.CDLL(str(stub), mode=os.RTLD_GLOBAL | os.RTLD_NOW)
        avutil = ctypes.CDLL(str(sorted(lib.glob("libavutil.so.*"))[0]))
        out = {}
        for key, symbol in (
            ("FFMPEG_VERSION", "av_version_info"),
            ("FFMPEG_LICENSE", "avutil_license"),
            ("FFMPEG_CONFIGURATION", "avutil_configuration"),
        ):
            fn = getattr(avutil, symbol)
            fn.restype = ctypes.c_char_p
            out[key] = fn().decode("utf-8", "replace")
        return out
    return {}


# -- assembling --------------------------------------------------------------------------------


def fill(template: str, values: dict[str, str]) -> str:
    """Replace @KEY@ with a value and @TEXT:file@ with a licence text from texts/."""

    def text(match: re.Match[str]) -> str:
        body = (HERE / "texts" / match.group(1)).read_text(encoding="utf-8").strip()
        return f"\n{THIN}\n{body}\n"

    template = re.sub(r"@TEXT:([A-Za-z0-9.\-]+)@", text, template)
    return re.sub(r"@([A-Z_]+)@", lambda m: values.get(m.group(1), m.group(0)), template)


def hand_written(values: dict[str, str]) -> list[str]:
    """The notices in notices/, in file-name order."""
    out = []
    for path in sorted((HERE / "notices").glob("*.txt")):
        text = fill(path.read_text(encoding="utf-8"), values).strip()
        leftover = re.findall(r"@[A-Z_]+@|@TEXT:[^@\s]+@", text)
        if leftover:
            raise SystemExit(f"{path.name}: unfilled placeholders {sorted(set(leftover))}")
        out.append(text)
    return out


def python_notice() -> str | None:
    """The Python runtime's licence (a frozen build ships the interpreter)."""
    candidates = [
        Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
    ]
    for path in candidates:
        if path.is_file():
            body = path.read_text(encoding="utf-8", errors="replace").strip()
            return (
                f"Python {sys.version.split()[0]} — the interpreter and standard library\n"
                "Licence: Python Software Foundation License Version 2 (PSF-2.0) and the"
                f" earlier licences it lists.\n{THIN}\n{body}"
            )
    return None


def asset_notices() -> list[str]:
    """Fonts and word list shipped in resources/, with the licence files kept beside them."""
    out = []
    for title, rel in ASSET_NOTICES:
        path = ROOT / "resources" / rel
        if path.is_file():
            out.append(f"{title}\n{THIN}\n{path.read_text(encoding='utf-8').strip()}")
        else:
            raise SystemExit(f"resources/{rel} is missing: its asset cannot be shipped")
    return out


def distribution_notice(dist: metadata.Distribution) -> str:
    """One Python distribution: name, version, licence, address, and its licence files."""
    meta = dist.metadata
    lines = [
        f"{meta['Name']} {meta['Version']}",
        f"Licence: {declared_licence(dist)}",
    ]
    if homepage(dist):
        lines.append(f"Source: {homepage(dist)}")
    files = licence_files(dist)
    if not files:
        lines.append("(This distribution installs no licence file.)")
    for name, text in files:
        lines += [THIN, f"[{name}]", text]
    return "\n".join(lines)


def render(dists: Iterable[metadata.Distribution]) -> str:
    """The whole notices file."""
    dists = list(dists)
    values = versions()
    own = metadata.distribution(ROOT_DIST).metadata
    header = [
        f"Testimony {own['Version']}: third-party notices",
        "",
        "Testimony is free software under the GNU General Public License, version 3 or (at",
        "your option) any later version; the full text is in the file LICENSE beside this one.",
        "This file lists every other component shipped with it, with its licence. Sections:",
        "  1. Components embedded in the program that carry no notice of their own",
        "  2. Fonts and word lists",
        "  3. Python packages (generated from the installed packages' metadata):",
        *(f"       {d.metadata['Name']} {d.metadata['Version']}" for d in dists),
    ]
    sections = ["\n".join(header)]
    sections.append("1. COMPONENTS EMBEDDED IN THE PROGRAM")
    sections += hand_written(values)
    py = python_notice()
    if py:
        sections.append(py)
    sections.append("2. FONTS AND WORD LISTS")
    sections += asset_notices()
    sections.append("3. PYTHON PACKAGES")
    sections += [distribution_notice(d) for d in dists]
    return f"\n\n{RULE}\n".join(sections).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the notices file; print where and how many packages it covers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-o", "--output", type=Path, default=ROOT / "build" / "licenses" / "THIRD-PARTY-NOTICES.txt"
    )
    args = parser.parse_args(argv)
    dists = runtime_closure()
    text = render(dists)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {len(dists)} Python packages, {len(text):,} characters")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
