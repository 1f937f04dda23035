"""The child of the key residue test (security.md §5 A6): how many copies of the key in memory.

Run as ``python tests/testkit/keyscan.py VAULT SCRATCH [leak]``: unlocks the vault (made by the
test with the documented passphrase), does the canary workflow with it (``testkit.canaries``:
edits, search, attachment, seal, backups, a passphrase change that re-keys the database,
statement PDF, export), counts the copies of every database key it held in its own memory
(``/proc/self/mem``, every readable private mapping listed in ``/proc/self/maps``), locks,
counts again, and prints one JSON line::

    {"before": {"raw": n, "hex": n}, "after": {...}, "passphrase": {"before": n, "after": n}}

``leak`` keeps a ``bytes`` copy and a hex ``str`` of the key alive through the lock, as a
careless caller would: the negative control proving the scan finds copies in Python objects.

The scanner must not plant copies itself. The keys are kept XOR-masked; the needles are
rebuilt byte by byte into ``bytearray`` buffers (no intermediate ``bytes`` or ``str``), memory
is read with ``readinto`` into one reused buffer, and hits at the addresses of those buffers
are not counted.
"""

from __future__ import annotations

import ctypes
import gc
import json
import re
import sys
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # run as the child: the tests folder is the modules' root
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_MASK = 0xA5
_CHUNK = 1 << 20
_HEX = b"0123456789abcdef"
_MAPS = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \S+\s*(.*)$")


def _masked(key: bytearray) -> bytearray:
    out = bytearray(len(key))
    for i in range(len(key)):
        out[i] = key[i] ^ _MASK
    return out


def _address(buffer: bytearray) -> tuple[int, int, Any]:
    """The address range of ``buffer``'s bytes (and the ctypes view that pins it)."""
    view = (ctypes.c_char * len(buffer)).from_buffer(buffer)
    return ctypes.addressof(view), len(buffer), view


def _needles(masked_keys: list[bytearray]) -> list[tuple[str, bytearray]]:
    found: list[tuple[str, bytearray]] = []
    for masked in masked_keys:
        raw = bytearray(len(masked))
        lower = bytearray(2 * len(masked))
        upper = bytearray(2 * len(masked))
        for i in range(len(masked)):
            raw[i] = masked[i] ^ _MASK
            lower[2 * i] = _HEX[raw[i] >> 4]
            lower[2 * i + 1] = _HEX[raw[i] & 15]
            upper[2 * i] = _HEX[raw[i] >> 4] & ~0x20 if raw[i] >> 4 > 9 else _HEX[raw[i] >> 4]
            upper[2 * i + 1] = _HEX[raw[i] & 15] & ~0x20 if raw[i] & 15 > 9 else _HEX[raw[i] & 15]
        found += [("raw", raw), ("hex", lower), ("hex", upper)]
    return found


def _regions() -> list[tuple[int, int]]:
    """Readable private mappings (anonymous, heap, stacks, writable data of libraries)."""
    regions = []
    with open("/proc/self/maps", encoding="ascii", errors="replace") as maps:
        for line in maps:
            match = _MAPS.match(line)
            if match is None:
                continue
            perms, name = match.group(3), match.group(4)
            if perms[0] != "r" or perms[3] != "p" or name in ("[vvar]", "[vsyscall]", "[vdso]"):
                continue
            regions.append((int(match.group(1), 16), int(match.group(2), 16)))
    return regions


def count(needles: list[tuple[str, bytearray]]) -> dict[str, int]:
    """Copies of each kind of needle in this process's memory, the needles themselves aside."""
    buffer = bytearray(_CHUNK)
    pins = [_address(buffer), *(_address(n) for _, n in needles)]
    own = [(start, start + size) for start, size, _ in pins]
    longest = max(len(n) for _, n in needles)
    counts = {kind: 0 for kind, _ in needles}
    view = memoryview(buffer)
    with open("/proc/self/mem", "rb", buffering=0) as mem:
        for start, end in _regions():
            at = start
            while at < end:
                size = min(_CHUNK, end - at)
                try:
                    mem.seek(at)
                    got = mem.readinto(view[:size]) or 0
                except OSError:
                    break
                for kind, needle in needles:
                    hit = buffer.find(needle, 0, got)
                    while hit != -1:
                        where = at + hit
                        if not any(lo <= where < hi for lo, hi in own):
                            counts[kind] += 1
                        hit = buffer.find(needle, hit + 1, got)
                if got < size:
                    break
                at += max(1, got - longest + 1) if at + got < end else got
    view.release()
    del pins
    return counts


def _passphrase_needles() -> list[tuple[str, bytearray]]:
    from testkit import vault_kit

    found = []
    for text in (vault_kit.PASSPHRASE, vault_kit.NEW_PASSPHRASE):
        for encoding in ("utf-8", "utf-16-le"):
            found.append(("passphrase", bytearray(text.encode(encoding))))
    return found


def main(argv: list[str]) -> None:
    from testimony_app.services.vault import unlock_vault
    from testkit import canaries, vault_kit

    vault, scratch = Path(argv[0]), Path(argv[1])
    export_to = scratch / "export"
    export_to.mkdir()
    session = unlock_vault(vault, vault_kit.PASSPHRASE)
    opened = session._vault  # the test must know the keys it looks for
    keys = [_masked(opened._dek)]
    canaries.workflow(session, vault_kit, scratch, export_to)  # re-keys on the passphrase change
    keys.append(_masked(opened._dek))
    assert keys[0] != keys[1], "the passphrase change did not re-key the database"
    kept = (bytes(opened._dek), opened._dek.hex()) if argv[2:] == ["leak"] else ()
    del opened
    needles = _needles(keys)
    gc.collect()
    before = count(needles)
    before_pass = count(_passphrase_needles())["passphrase"]
    session.lock()
    del session
    gc.collect()
    after = count(needles)
    after_pass = count(_passphrase_needles())["passphrase"]
    result = {
        "before": before,
        "after": after,
        "passphrase": {"before": before_pass, "after": after_pass},
        "kept": len(kept),
    }
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
