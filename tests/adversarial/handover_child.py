"""The child process of the hand-over crash test: hand over, and die with SIGKILL at a step.

Run as ``python handover_child.py VAULT PASSPHRASE_FILE RECORD_ID POINT``. ``POINT`` names
where to die: a step the service reports through its ``checkpoint`` seam
(``services/handover.py``), ``writing`` (in the middle of writing the bundle, on its first
progress report), ``in-transaction`` (inside the commit's transaction, after the purge's
statements ran and before COMMIT), or ``never``.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def main(argv: list[str]) -> None:
    vault, passphrase_file, record_id, point = Path(argv[0]), Path(argv[1]), argv[2], argv[3]
    from testimony_app.services import handover
    from testimony_app.services.vault import unlock_vault
    from testimony_app.storage import export_ledger, outbox

    def checkpoint(step: str) -> None:
        if step == point:
            _die()

    handover.checkpoint = checkpoint
    real_purge = export_ledger.purge_content  # what outbox.py calls by that name

    def purge_then_die(*args: Any, **kwargs: Any) -> int:
        count = real_purge(*args, **kwargs)
        if point == "in-transaction":
            _die()
        return count

    outbox.purge_content = purge_then_die  # type: ignore[attr-defined]  # outbox.py's own name

    def progress(done: int, total: int) -> None:
        if point == "writing" and 0 < done < total:
            _die()

    session = unlock_vault(vault, passphrase_file.read_text(encoding="utf-8"))
    session.handover.hand_over([record_id], progress=progress)
    session.lock()
    sys.stdout.write("handed over\n")


if __name__ == "__main__":
    main(sys.argv[1:])
