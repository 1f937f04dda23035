"""A2 and A5 (security.md §5): no write puts a canary into a file; no file is created elsewhere.

The A1 workflow (``testkit.canaries``: create, autosave, search, attach, seal, amend, backup,
change of passphrase, statement PDF in memory, export) runs in a child process under
``strace -f -y -xx``; every byte that ``write``, ``pwrite64``, ``writev`` or ``pwritev`` hands
to a regular file is searched for every canary (UTF-8, UTF-16-LE/BE, folded and cased as in
A1). Unlike A1's look at the files afterwards, this also sees temporary files that SQLite
deletes while they are still open (security.md §2.3). Writes to pipes, sockets and devices
(the child's own output) are not files and are left out.

A5 reads the same trace for the files the workflow created (``openat`` with ``O_CREAT``) and
renamed: every one inside the vault (or its creation staging folder), the test's own scratch
folder, or the export folder as ``.tmp-*`` renamed to the bundle's final name; none in the
temporary folder, the home folder or anywhere else (a PDF build or an export that spilled a
temporary file would show here). Python's own ``__pycache__`` is left out.

The negative control runs the same workflow with ``temp_store = FILE`` and a tiny page cache
forced on every connection: it must report hits in deleted temporary files, which proves that
the harness sees what it claims to.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from testkit import canaries

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace is Linux only"),
    pytest.mark.skipif(
        shutil.which("strace") is None,
        reason="strace is not installed (scripts/install-system-deps.sh installs it)",
    ),
]

_CHILD = Path(canaries.__file__).resolve()
# Larger than any single write the program makes (1 MiB bundle chunks), so no data is cut.
_STRING_LIMIT = 1 << 22
# ``1234  pwrite64(5</path/vault.db-wal>, "\x00\x01...", 4096, 0) = 4096`` (pid first with -f;
# a file deleted while open is ``5</var/tmp/etilqs_…>(deleted)``)
_CALL = re.compile(
    r"^(?:\[pid\s+)?\d+\]?\s+(write|pwrite64|writev|pwritev)\((\d+)<([^>]*)>(\(deleted\))?, "
)
_STRING = re.compile(r'"((?:\\x[0-9a-f]{2})*)"(\.\.\.)?')
_NOT_FILES = ("pipe:", "socket:", "anon_inode:", "/dev/", "/proc/", "/sys/")
# ``openat(AT_FDCWD</cwd>, "\x2f…", O_RDWR|O_CREAT|O_EXCL, 0600) = 7</…>`` and the renames.
_OPEN = re.compile(
    r"^(?:\[pid\s+)?\d+\]?\s+(?:openat\(\w+(?:<([^>]*)>)?, |creat\()"
    r'"((?:\\x[0-9a-f]{2})*)", ([A-Z_|]+)'
)
_RENAME = re.compile(r"^(?:\[pid\s+)?\d+\]?\s+rename(?:at2?)?\(")
_ESCAPE = re.compile(rb"\\x([0-9a-f]{2})")


def _unescape(text: str) -> str:
    """A path as ``strace -xx`` prints it (every byte ``\\xHH``), decoded."""
    raw = _ESCAPE.sub(lambda m: bytes.fromhex(m.group(1).decode()), text.encode("ascii"))
    return raw.decode("utf-8", errors="replace")


@dataclass
class Trace:
    """What the child wrote to regular files, and where a canary went."""

    file_writes: int = 0
    file_bytes: int = 0
    files: set[str] = field(default_factory=set)
    truncated: int = 0
    hits: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)


def _read(trace_file: Path, inputs: Path) -> Trace:
    """The writes to regular files in ``trace_file``; those into ``inputs`` (the recording the
    test hands to the program, as a user's microphone would) are not the program's."""
    found = Trace()
    with trace_file.open(encoding="ascii", errors="replace") as lines:
        for line in lines:
            _files_made(line, found)
            call = _CALL.match(line)
            if call is None:
                continue
            name, target = call.group(1), _unescape(call.group(3)) + (call.group(4) or "")
            if target.startswith(_NOT_FILES) or Path(target).parent == inputs:
                continue
            data = bytearray()
            for piece in _STRING.finditer(line, call.end() - 1):
                data += bytes.fromhex(piece.group(1).replace("\\x", ""))
                if piece.group(2):
                    found.truncated += 1
            found.file_writes += 1
            found.file_bytes += len(data)
            found.files.add(target)
            found.hits += [f"{name} {target}: {hit}" for hit in canaries.needles_in(data)]
    return found


def _files_made(line: str, found: Trace) -> None:
    """Note a file created (``O_CREAT``, not refused) or renamed on this trace line."""
    opened = _OPEN.match(line)
    if opened is not None:
        if "O_CREAT" in opened.group(3) and "= -1 " not in line:
            where = _unescape(opened.group(1) or "")
            found.created.append(str(Path(where, _unescape(opened.group(2)))))
        return
    if _RENAME.match(line) and "= -1 " not in line:
        names = [_unescape(m.group(1)) for m in _STRING.finditer(line)]
        if len(names) == 2:
            found.renamed.append((names[0], names[1]))


def _traced_run(tmp_path: Path, *mode: str) -> Trace:
    vault, scratch = tmp_path / "vault", tmp_path / "scratch"
    scratch.mkdir()
    trace_file = tmp_path / "strace.txt"
    command = [
        "strace",
        "-f",
        "-y",
        "-xx",
        "-s",
        str(_STRING_LIMIT),
        "-o",
        str(trace_file),
        "-e",
        "trace=write,pwrite64,writev,pwritev,openat,creat,rename,renameat,renameat2",
        sys.executable,
        str(_CHILD),
        str(vault),
        str(scratch),
        *mode,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "done"
    return _read(trace_file, scratch)


def _created_outside(root: Path, trace: Trace) -> list[str]:
    """Files created anywhere but the vault, its staging folder, the scratch folder, and
    (only as ``.tmp-*``) the export folder."""
    vault, scratch, export = root / "vault", root / "scratch", root / "scratch" / "export"
    outside = []
    for path in (Path(p) for p in trace.created if "/__pycache__/" not in p):
        if path.parent == export:
            if not re.fullmatch(r"\.tmp-[0-9a-f]{16}", path.name):
                outside.append(str(path))
        elif not (path.is_relative_to(vault) or path.is_relative_to(scratch)):
            staging = path.is_relative_to(root) and path.relative_to(root).parts[0]
            if not (staging and staging.startswith(".vault.creating-")):
                outside.append(str(path))
    return outside


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Trace]:
    """The workflow as the program does it, traced once for A2 and A5."""
    root = tmp_path_factory.mktemp("traced")
    return root, _traced_run(root)


def test_a2_no_write_syscall_carries_a_canary(clean_run: tuple[Path, Trace]) -> None:
    _, trace = clean_run
    # The workflow really wrote: the database, its WAL, backups, the key files, the
    # attachment's sealed file and the exported bundle.
    assert trace.file_writes > 100
    assert trace.file_bytes > 2_000_000
    written = " ".join(trace.files)
    for part in ("vault.db-wal", "vault.keys", "/backups/", "/attachments/", "/export/"):
        assert part in written, part
    assert trace.truncated == 0
    assert trace.hits == []


def test_a2_negative_control_temp_store_file_is_seen(tmp_path: Path) -> None:
    trace = _traced_run(tmp_path, "leak")
    # A5's look sees the temporary files too.
    assert any("/etilqs_" in path for path in _created_outside(tmp_path, trace))
    assert trace.truncated == 0
    leaked_into = {hit.split(": ")[0].split(" ", 1)[1] for hit in trace.hits}
    assert trace.hits, "temp_store=FILE wrote no canary: the harness would miss a leak"
    # SQLite's temporary files are deleted while open: only a syscall-level look sees them.
    assert any(target.endswith("(deleted)") for target in leaked_into), leaked_into


def test_a5_files_are_created_only_in_the_vault_and_as_export_temporaries(
    clean_run: tuple[Path, Trace],
) -> None:
    root, trace = clean_run
    export = root / "scratch" / "export"
    assert len([p for p in trace.created if "/__pycache__/" not in p]) > 10  # db, WAL, keys…
    outside = _created_outside(root, trace)
    assert outside == []
    # The one bundle on the stick got its final name by a rename of its temporary, only.
    bundles = list(export.iterdir())
    assert len(bundles) == 1
    into_export = [(old, new) for old, new in trace.renamed if Path(new).parent == export]
    assert len(into_export) == 1
    old, new = into_export[0]
    assert Path(new) == bundles[0]
    assert Path(old).parent == export
    assert re.fullmatch(r"\.tmp-[0-9a-f]{16}", Path(old).name)
