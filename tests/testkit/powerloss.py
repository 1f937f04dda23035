"""Power loss replayed from a system-call trace (security.md §5 C2), without LazyFS or a VM.

The child commits testimonies under ``strace`` (``vault_kit``'s ``commits`` mode: one line on
standard output per acknowledged commit) and is killed with SIGKILL. The trace holds every
system call that changes a file, in order, with its bytes. :func:`replay` rebuilds what a disk
would hold had the power gone at the kill, under LazyFS's "clear cache" rule: **data written
since the file's last ``fsync`` or ``fdatasync`` is lost**, while creating, renaming, deleting
and truncating files take effect at once (as LazyFS passes them through to the disk below).
Memory-mapped writes (SQLite's ``-shm`` index) are not seen; the rebuilt vault goes without
its ``-shm``, which SQLite rebuilds from the WAL.

What a commit's acknowledgement means is read from the same trace (the child's ``write`` to
its standard output), so the cut between "acknowledged" and "lost" is exactly where the kill
fell. This models one power loss honestly for a program that relies on ``fsync``; it does not
model a disk that lies about ``fsync``, or torn sectors.

Run as ``python tests/testkit/powerloss.py VAULT SEED [normal]``: prints its pid, then runs
the ``commits`` child; ``normal`` first turns every connection to ``synchronous = NORMAL``
(the negative control: WAL commits are then not synced until a checkpoint).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if __name__ == "__main__":  # run as the child: the tests folder is the modules' root
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TRACED = (
    "openat,creat,write,pwrite64,writev,pwritev,lseek,close,fsync,fdatasync,ftruncate,"
    "rename,renameat,renameat2,unlink,unlinkat"
)
_LINE = re.compile(r"^(\d+)\s+(?:<\.\.\. (\w+) resumed>|(\w+)\()(.*)$")
_FD = re.compile(r"^(\d+)<([^>]*)>")
_STRING = re.compile(r'"((?:\\x[0-9a-f]{2})*)"')
_RESULT = re.compile(r"\)\s+= (-?\d+)(?:<([^>]*)>)?")
_DIRFD = re.compile(r"^(?:AT_FDCWD|\d+)(?:<([^>]*)>)?, ")
_MOMENT = re.compile(r"^\d+\s+(?:pwrite64|write|fsync|fdatasync)\(\d+<\\x2f")
_ESCAPE = re.compile(rb"\\x([0-9a-f]{2})")


def _text(escaped: str) -> str:
    raw = _ESCAPE.sub(lambda m: bytes.fromhex(m.group(1).decode()), escaped.encode("ascii"))
    return raw.decode("utf-8", errors="surrogateescape")


def _data(escaped: str) -> bytes:
    return bytes.fromhex(escaped.replace("\\x", ""))


@dataclass
class Disk:
    """Files as the process saw them (``cache``) and as the disk holds them (``durable``)."""

    cache: dict[str, bytearray] = field(default_factory=dict)
    durable: dict[str, bytes] = field(default_factory=dict)
    positions: dict[int, int] = field(default_factory=dict)
    said: list[str] = field(default_factory=list)
    syncs: int = 0
    writes: int = 0

    def write(self, path: str, offset: int, data: bytes) -> None:
        image = self.cache.setdefault(path, bytearray())
        if len(image) < offset:
            image.extend(b"\0" * (offset - len(image)))
        image[offset : offset + len(data)] = data
        self.writes += 1

    def sync(self, path: str) -> None:
        if path in self.cache:
            self.durable[path] = bytes(self.cache[path])
            self.syncs += 1

    def create(self, path: str, truncate: bool) -> None:
        if path not in self.cache or truncate:
            self.cache[path] = bytearray()
            self.durable[path] = b""

    def rename(self, old: str, new: str) -> None:
        for images in (self.cache, self.durable):
            if old in images:
                images[new] = images.pop(old)  # type: ignore[assignment]

    def unlink(self, path: str) -> None:
        self.cache.pop(path, None)
        self.durable.pop(path, None)


def _path_arg(args: str) -> tuple[str, str]:
    """``(path, rest)`` of ``[dirfd, ]"path", rest``, the path made absolute."""
    base = ""
    dirfd = _DIRFD.match(args)
    if dirfd is not None:
        base = _text(dirfd.group(1) or "")
        args = args[dirfd.end() :]
    match = _STRING.match(args)
    if match is None:
        raise ValueError(args[:80])
    return str(Path(base, _text(match.group(1)))), args[match.end() :]


def _apply(disk: Disk, call: str, args: str, result: int, fd_path: str | None) -> None:
    fd_match = _FD.match(args)
    fd = int(fd_match.group(1)) if fd_match else -1
    path = _text(fd_match.group(2)) if fd_match else ""
    if call in ("write", "writev") and path.startswith("pipe:") and fd == 1:
        disk.said.append(b"".join(_data(s) for s in _STRING.findall(args)).decode())
        return
    if path.startswith(("pipe:", "socket:", "anon_inode:", "/dev/", "/proc/")):
        return
    if call in ("openat", "creat"):
        if result >= 0 and fd_path is not None:
            name, rest = _path_arg(args)
            if "O_CREAT" in rest or call == "creat":
                disk.create(name, "O_TRUNC" in rest)
            disk.positions[result] = len(disk.cache.get(name, b"")) if "O_APPEND" in rest else 0
    elif call in ("write", "writev") and result > 0:
        data = b"".join(_data(s) for s in _STRING.findall(args))[:result]
        disk.write(path, disk.positions.get(fd, 0), data)
        disk.positions[fd] = disk.positions.get(fd, 0) + result
    elif call in ("pwrite64", "pwritev") and result > 0:
        offset = int(args.rsplit(",", 1)[1])
        data = b"".join(_data(s) for s in _STRING.findall(args))[:result]
        disk.write(path, offset, data)
    elif call == "lseek" and result >= 0:
        disk.positions[fd] = result
    elif call in ("fsync", "fdatasync") and result == 0:
        disk.sync(path)
    elif call == "ftruncate" and result == 0:
        size = int(args.split(",", 1)[1])
        image = disk.cache.setdefault(path, bytearray())
        del image[size:]
        image.extend(b"\0" * (size - len(image)))
    elif call in ("rename", "renameat", "renameat2") and result == 0:
        old, rest = _path_arg(args)
        new, _ = _path_arg(rest.lstrip(", "))
        disk.rename(old, new)
    elif call in ("unlink", "unlinkat") and result == 0:
        disk.unlink(_path_arg(args)[0])
    elif call == "close":
        disk.positions.pop(fd, None)


def replay(trace_file: Path, start: dict[str, bytes], cuts: int = 0) -> list[Disk]:
    """What the disk holds after the trace, starting from ``start`` (path → synced bytes).

    With ``cuts``, also what it held at that many moments spread evenly over the file writes
    and syncs of the trace (each a power loss of its own: a prefix of the trace is the state
    at one instant); the last element is always the state at the end.
    """
    with trace_file.open(encoding="ascii", errors="replace") as lines:
        moments = [n for n, line in enumerate(lines) if _MOMENT.search(line)]
    marks = {moments[len(moments) * (i + 1) // (cuts + 1)] for i in range(cuts)}
    disk = Disk(cache={k: bytearray(v) for k, v in start.items()}, durable=dict(start))
    states: list[Disk] = []
    unfinished: dict[str, tuple[str, str]] = {}
    with trace_file.open(encoding="ascii", errors="replace") as lines:
        for number, line in enumerate(lines):
            if number in marks:
                states.append(Disk(durable=dict(disk.durable), said=list(disk.said)))
            match = _LINE.match(line.rstrip("\n"))
            if match is None:
                continue
            pid, resumed, call, rest = match.groups()
            if resumed is not None:
                if pid not in unfinished:
                    continue
                call, head = unfinished.pop(pid)
                rest = head + rest
            elif rest.endswith("<unfinished ...>"):
                unfinished[pid] = (call, rest[: -len("<unfinished ...>")])
                continue
            result = _RESULT.search(rest)
            if result is None:
                continue  # killed inside the call: it never returned
            args = rest[: result.start()]
            _apply(disk, call, args, int(result.group(1)), result.group(2))
    return [*states, disk]


def main(argv: list[str]) -> None:
    from testkit import vault_kit

    if argv[2:] == ["normal"]:
        from testimony_app.storage import database

        database._PRAGMAS = tuple(  # type: ignore[assignment]  # the negative control
            p.replace("synchronous = FULL", "synchronous = NORMAL") for p in database._PRAGMAS
        )
    sys.stdout.write(f"pid {os.getpid()}\n")
    sys.stdout.flush()
    vault_kit.child_commits(Path(argv[0]), int(argv[1]))


if __name__ == "__main__":
    main(sys.argv[1:])
