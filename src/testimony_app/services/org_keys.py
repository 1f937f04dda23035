"""The organisation's own keys: made once, their public halves handed to every interviewer.

A legal organisation makes an age identity (it opens every bundle sent to it) and an Ed25519
receipt key (it signs receipts) with :func:`org_keygen`, and reads the fingerprint aloud to
each interviewer who enrols it (:func:`~testimony_app.bundles.keys.org_fingerprint`).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from testimony_app.bundles import OrganisationKeys, org_fingerprint, write_organisation_keys
from testimony_app.errors import UserFacingError
from testimony_app.paths import ensure_private_dir

__all__ = ["OrgKeygenResult", "org_fingerprint", "org_keygen"]


class OrgKeygenResult(NamedTuple):
    """What ``org-keygen`` made: the public halves to hand out, and where the secrets went."""

    recipient: str
    signing_public_key: str
    fingerprint: str
    paths: tuple[Path, Path]


def org_keygen(directory: Path) -> OrgKeygenResult:
    """Make the organisation's age identity and receipt key in ``directory`` (0600 files).

    Existing key files are never replaced: losing the identity loses every bundle sent to it.
    """
    if not directory.exists():
        if not directory.parent.is_dir():
            raise UserFacingError("org_key.folder_not_created")
        ensure_private_dir(directory)
    keys = OrganisationKeys.generate()
    paths = write_organisation_keys(directory, keys)
    public = keys.signing_public_key.to_text()
    return OrgKeygenResult(keys.recipient, public, org_fingerprint([keys.recipient], public), paths)
