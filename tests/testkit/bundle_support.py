"""Shared helpers of the bundle tests (services, adversarial, CLI, dialogs). It holds no tests.

Tests import it as ``from testkit import bundle_support as S``. Everything here is real: real
vaults (cheap Argon2 only), real age keys, the real ``age`` and ``tar`` binaries. Nothing is
mocked.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.domain.model import (
    Act,
    Consent,
    DetentionEpisode,
    Interview,
    Narrative,
    Perpetrator,
    Witness,
)
from testimony_app.domain.model import Testimony as Record
from testimony_app.services import organisation
from testimony_app.services.organisation import OrgKeygenResult
from testimony_app.services.vault import VaultSession, create_vault
from testkit import vault_kit

VERIFIER = Path(__file__).resolve().parents[2] / "docs" / "verify_bundle.py"
ORG_NAME = "Hüquq Mərkəzi (uydurma)"
needs_age = pytest.mark.skipif(
    shutil.which("age") is None or shutil.which("tar") is None,
    reason="the age and tar command-line tools are not installed",
)


def kit() -> ModuleType:
    """``testkit.vault_kit`` (sample testimonies, the passphrase)."""
    return vault_kit


def passphrase() -> str:
    """The documented test passphrase."""
    return str(kit().PASSPHRASE)


# -- keys and vaults ---------------------------------------------------------------------------


def legacy_record_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    """New records get a version-4 id and no salt, as every record made before ids were
    bound to their device (crypto/record_ids.py): the first-come rule's records."""
    monkeypatch.setattr(
        "testimony_app.storage.records.new_record_id", lambda _key: (str(uuid.uuid4()), "")
    )


def org_keys(root: Path) -> OrgKeygenResult:
    """A fresh organisation identity in ``root/org-keys``."""
    root.mkdir(parents=True, exist_ok=True)
    return organisation.org_keygen(root / "org-keys")


def new_vault(path: Path) -> VaultSession:
    """A new vault with the cheap test KDF."""
    return create_vault(path, passphrase(), kdf="test")


def enrol(session: VaultSession, keys: OrgKeygenResult, name: str = ORG_NAME) -> None:
    """Enrol the organisation (the fingerprint was compared)."""
    session.bundles.enrol([keys.recipient], keys.signing_public_key, name, confirmed=True)


def consent(
    *,
    legal: bool | None = True,
    organisations: list[str] | None = None,
    name_may_appear: bool = True,
) -> Consent:
    """Consent in every core scope, with the given answers."""
    return Consent(
        legal_proceedings=legal,
        organisations=list(organisations or []),
        publication=False,
        name_may_appear=name_may_appear,
        audio_recording=True,
        follow_up_contact=True,
        no_coercion_confirmed=True,
        informed_of_purpose=True,
        recorded_at="2017-06-14T10:05",
    )


def azerbaijani(tag: str = "", **consent_args: object) -> Record:
    """The kit's Azerbaijani testimony with the given consent."""
    t: Record = kit().sample_testimony(tag)
    t.consent = consent(**consent_args)  # type: ignore[arg-type]
    return t


def russian(tag: str = "", **consent_args: object) -> Record:
    """A (fictional) testimony taken in Russian."""
    return Record(
        title=f"Показания {tag}".strip(),
        fictional=True,
        interview=Interview(
            date="2017-07-02",
            place="Баку",
            interviewer="Ирина Ёлкина",
            language="ru",
        ),
        consent=consent(**consent_args),  # type: ignore[arg-type]
        witness=Witness(name="Пётр Сидоренко", pseudonym="Свидетель-Р2", identifiers="П 998877"),
        narrative=Narrative(
            text="Меня держали в подвале воинской части в Тертере.\n\nСледователь Щёкин"
            " требовал подписать признание; били дубинкой по ступням."
        ),
        detentions=[DetentionEpisode(start_date="2017-05", place="Тертер, подвал")],
        acts=[Act(methods=["falanga"], perpetrators=[Perpetrator(name="Щёкин")])],
    )


def english(tag: str = "", **consent_args: object) -> Record:
    """A (fictional) testimony taken in English."""
    return Record(
        title=f"Statement {tag}".strip(),
        fictional=True,
        interview=Interview(
            date="2017-08-11", place="Tbilisi", interviewer="Jane Whitlock", language="en"
        ),
        consent=consent(**consent_args),  # type: ignore[arg-type]
        witness=Witness(name="Elnur Hasanli", pseudonym="Witness-E3"),
        narrative=Narrative(
            text="Guards kept me in a windowless storeroom near the airfield for nine days."
            "\n\nAn officer called Hughes watched while they beat me."
        ),
    )


def sealed(
    session: VaultSession, testimony: Record, *attachments: Path, backup: bool = False
) -> str:
    """Store, attach and seal a testimony; return its id."""
    record_id = session.testimonies.create(testimony)
    for path in attachments:
        session.testimonies.add_attachment(record_id, path)
    session.testimonies.seal(record_id, backup=backup)
    return record_id


# -- files -------------------------------------------------------------------------------------


def extract(identity: Path, bundle: Path, into: Path) -> Path:
    """Decrypt with the real ``age`` CLI and unpack with ``tar``; return ``into``."""
    into.mkdir(parents=True)
    plain = subprocess.run(
        ["age", "-d", "-i", str(identity), str(bundle)], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=plain, check=True)
    return into


def names_under(*roots: Path) -> set[str]:
    """Every path (files and folders) below ``roots``: to prove no file appeared."""
    found: set[str] = set()
    for root in roots:
        found |= {str(p) for p in root.rglob("*")}
    return found


def table_counts(session: VaultSession) -> dict[str, int]:
    """Row count of every table in the vault, for "nothing was committed" checks."""
    db = session.bundles.vault.db
    tables = [
        r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    return {t: int(db.scalar(f'SELECT count(*) FROM "{t}"')) for t in tables}


def one_sentence(message: str) -> None:
    """The error contract: one plain sentence, no key material, no line break."""
    assert message.endswith("."), message
    assert "\n" not in message, message
    assert message[0].isupper(), message
    assert len(message) < 220, message
    assert "AGE-SECRET-KEY" not in message


def register(org_vault: VaultSession, device: VaultSession, name: str = "laptop") -> None:
    """The organisation registers a laptop (the fingerprint was compared aloud)."""
    org_vault.bundles.organisation.register_device(
        device.bundles.device_public_key(), name, confirmed=True
    )
