"""C4.3: an export killed before its rename left an encrypted ``.tmp-*`` on the stick for
good (security review F-17). The next export removes what no living process is writing."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from testimony_app.services.vault import unlock_vault
from testkit import bundle_support as S  # noqa: N812 (as in the other bundle tests)

_KILLED_EXPORT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from testimony_app.services.vault import unlock_vault
    session = unlock_vault(Path(sys.argv[1]), sys.argv[3])
    real = os.replace
    def die(src, dst):  # killed at the rename that would give the bundle its name
        if Path(src).name.startswith(".tmp-"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(src, dst)
    os.replace = die
    session.bundles.export(Path(sys.argv[2]))
    """
)


@pytest.mark.slow
def test_an_export_killed_at_its_rename_leaves_nothing_after_the_next(tmp_path: Path) -> None:
    org = S.org_keys(tmp_path)
    vault = tmp_path / "device"
    device = S.new_vault(vault)
    S.enrol(device, org)
    S.sealed(device, S.azerbaijani("a"))
    device.lock()
    stick = tmp_path / "stick"
    stick.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", _KILLED_EXPORT, str(vault), str(stick), S.passphrase()],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    (left,) = list(stick.iterdir())
    assert left.name.startswith(".tmp-")
    # Another export writing into the same folder right now: its temporary stays.
    busy = stick / ".tmp-0123456789abcdef"
    fd = os.open(busy, os.O_CREAT | os.O_RDWR, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        device = unlock_vault(vault, S.passphrase())
        try:
            report = device.bundles.export(stick)
        finally:
            device.lock()
        names = sorted(p.name for p in stick.iterdir())
        assert names == sorted([busy.name, report.path.name])
    finally:
        os.close(fd)
