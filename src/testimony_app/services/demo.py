"""The demo vault: fictional testimonies for trying the program, under a published passphrase.

Every testimony in it is marked fictional and uses invented people. The passphrase is printed
on purpose; a demo vault must never hold real testimony.
"""

from __future__ import annotations

from pathlib import Path

from testimony_app.domain.demo import demo_testimonies
from testimony_app.services.vault import KdfChoice, VaultSession, create_vault, unlock_vault
from testimony_app.storage.vault import VaultState, state

DEMO_PASSPHRASE = "demo-fictional-testimonies-only"  # noqa: S105 - published on purpose


def build_demo_vault(path: Path, *, kdf: KdfChoice = "calibrated") -> VaultSession:
    """Create the demo vault at ``path`` (or open it if it is already there).

    All but the last demo testimony are sealed when their consent allows, so the list shows
    drafts and sealed records side by side.
    """
    if state(path) is not VaultState.ABSENT:
        return unlock_vault(path, DEMO_PASSPHRASE)
    session = create_vault(path, DEMO_PASSPHRASE, kdf=kdf)
    testimonies = demo_testimonies()
    for index, testimony in enumerate(testimonies):
        record_id = session.testimonies.create(testimony)
        if index < len(testimonies) - 1 and testimony.consent.is_recorded:
            session.testimonies.seal(record_id, backup=False)
    session.backup()
    return session
