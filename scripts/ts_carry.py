"""Carry translations across Qt contexts after code moved; write .ts files in the repo's layout.

Qt looks a translation up by context (the class whose ``tr()`` asked) and source text. When a
method moves from ``MainWindow`` to ``ShellActions``, lupdate files its strings under the new
context as unfinished and marks the old ones vanished: the interface would fall back to English.
This copies, for every unfinished message of a new context, the translation of the same source
(and comment) from the old context, whether current or vanished.

It also writes every file in the layout the repository keeps (four-space indentation, as
Python's ElementTree indents), which lupdate does not, so a diff shows only what changed.

Usage, from the repository root::

    VENV=$PWD/.venv resources/translations/build.sh                  # new contexts appear
    .venv/bin/python scripts/ts_carry.py MainWindow:ShellActions MainWindow:VaultAccess
    VENV=$PWD/.venv resources/translations/build.sh release          # compile

With no moves it only re-indents. Only ``testimony_*.ts`` next to build.sh are touched; a
message already translated is left alone.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "resources" / "translations"


def _key(message: ET.Element) -> tuple[str, str]:
    return (message.findtext("source") or "", message.findtext("comment") or "")


def _unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") == "unfinished"


def carry(path: Path, moves: list[tuple[str, str]]) -> int:
    """Fill unfinished messages in ``path``; the number filled."""
    tree = ET.parse(path)  # noqa: S314 -- our own translation files, not untrusted input
    contexts = {c.findtext("name"): c for c in tree.getroot().iter("context")}
    filled = 0
    for old, new in moves:
        source, target = contexts.get(old), contexts.get(new)
        if source is None or target is None:
            continue
        known: dict[tuple[str, str], ET.Element] = {}
        for message in source.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                continue
            known.setdefault(_key(message), translation)
        for message in target.iter("message"):
            found = known.get(_key(message))
            if found is None or not _unfinished(message):
                continue
            old_translation = message.find("translation")
            if old_translation is not None:
                message.remove(old_translation)
            copy = ET.fromstring(ET.tostring(found))  # noqa: S314 -- re-parses our own element
            copy.attrib.pop("type", None)
            copy.tail = old_translation.tail if old_translation is not None else None
            message.append(copy)
            filled += 1
    root = tree.getroot()
    ET.indent(root, "    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    return filled


def main(argv: list[str]) -> int:
    """Apply ``OLD:NEW`` context moves to every .ts file."""
    moves: list[tuple[str, str]] = []
    for arg in argv:
        old, sep, new = arg.partition(":")
        if not (old and sep and new):
            sys.stderr.write(__doc__ or "")
            return 2
        moves.append((old, new))
    for path in sorted(HERE.glob("testimony_*.ts")):
        sys.stdout.write(f"{path.name}: {carry(path, moves)} carried\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
