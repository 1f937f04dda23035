"""The device key that new record ids are bound to, read inside the record's transaction.

A record's id is derived from the device key (:mod:`testimony_app.crypto.record_ids`), so the
key must exist when the record is made. A vault made by this program has its key from the
start; an older vault (or one made by the storage layer alone, as tests do) gets its key here,
**in the same transaction as the record**: a crash cannot leave a record bound to a key that
was never stored. Binding at the first export instead would mean changing an id that a printed
statement, an attachment, the audit chain and the registry already name: ids never change.

Here rather than in :mod:`.device_keys` because the record store, which :mod:`.vault` builds,
needs it, and :mod:`.device_keys` imports :mod:`.vault`.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from testimony_app.crypto.signing import PublicKey, SigningKey
from testimony_app.errors import UserFacingError, VaultDamaged

DEVICE_KEY = "device_signing_key"
DEVICE_PUBLIC = "device_public_key"


def creating_device_key(conn: Any) -> PublicKey:
    """The public half of the vault's device key; the key is made and stored if missing.

    A stored key that does not parse is damage to report, never a reason to make a new one
    (ids bound to two keys would not all prove at the organisation).
    """
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (DEVICE_KEY,)).fetchone()
    if row is not None:
        try:
            return SigningKey.from_private_bytes(
                base64.b64decode(str(row[0]), validate=True)
            ).public_key
        except (binascii.Error, ValueError, UserFacingError):
            raise VaultDamaged("vault.device_key_damaged") from None
    key = SigningKey.generate()
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        (DEVICE_KEY, base64.b64encode(key.private_bytes()).decode("ascii")),
    )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value ="
        " excluded.value",
        (DEVICE_PUBLIC, key.public_key.to_text()),
    )
    return key.public_key
