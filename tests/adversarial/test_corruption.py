"""B3 flipped-byte fuzz and B4 truncation of ``vault.db``: always noticed, never written to,
never mistaken for a new vault."""

from __future__ import annotations

import os
import random
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.errors import UserFacingError, VaultDamaged
from testimony_app.services.vault import VaultState, create_vault, unlock_vault, vault_state
from testimony_app.storage import database

PAGE = database.CIPHER_PAGE_SIZE
RESERVE = 48  # 16-byte IV + 32-byte HMAC-SHA256 at the end of every page (current layout)


def _make_pristine(root: Path, kit: ModuleType) -> Path:
    vault = root / "vault"
    s = create_vault(vault, kit.PASSPHRASE, kdf="test")
    ids = [s.testimonies.create(kit.sample_testimony(str(i))) for i in range(6)]
    src = root / "foto.jpg"
    src.write_bytes(random.Random(1).randbytes(300_000))
    s.testimonies.add_attachment(ids[0], src)
    s.testimonies.seal(ids[0], backup=False)
    s.testimonies.save_draft(ids[1], kit.sample_testimony("edited"))
    s.lock()
    return vault


def _offsets(size: int, seed: int = 20240514) -> list[tuple[str, int]]:
    """200 offsets: page 1, the reserve (IV + HMAC) areas, data pages and the last page."""
    rng = random.Random(seed)
    pages = size // PAGE
    out = [("page 1", rng.randrange(0, PAGE)) for _ in range(40)]
    for _ in range(40):
        page = rng.randrange(pages)
        out.append(("reserve", page * PAGE + PAGE - RESERVE + rng.randrange(RESERVE)))
    out += [("data page", rng.randrange(PAGE, size - PAGE)) for _ in range(80)]
    out += [("last page", rng.randrange(size - PAGE, size)) for _ in range(40)]
    return out


def _one_sentence(exc: BaseException) -> None:
    text = str(exc)
    assert text
    assert "\n" not in text
    assert "Traceback" not in text


@pytest.mark.slow
def test_b3_flipped_byte_fuzz(tmp_path: Path, kit: ModuleType) -> None:
    vault = _make_pristine(tmp_path, kit)
    db = vault / "vault.db"
    original = db.read_bytes()
    assert len(original) % PAGE == 0
    assert len(original) // PAGE > 40
    names = sorted(os.listdir(vault))
    cases = _offsets(len(original))
    assert len(cases) == 200
    tally: dict[str, list[int]] = {}
    at_open = by_check = 0
    for region, offset in cases:
        damaged = bytearray(original)
        damaged[offset] ^= 1 << random.Random(offset).randrange(8)
        db.write_bytes(bytes(damaged))
        try:
            session = unlock_vault(vault, kit.PASSPHRASE)
        except UserFacingError as exc:
            if not isinstance(exc, VaultDamaged):
                pytest.fail(f"{region} {offset}: {type(exc).__name__}: {exc}")
            _one_sentence(exc)
            assert db.read_bytes() == damaged, (region, offset)  # a failed unlock never writes
            assert sorted(os.listdir(vault)) == names
            at_open += 1
            tally.setdefault(region, [0, 0])[0] += 1
            continue
        try:
            problems = session.check().problems
        finally:
            session.lock()
        assert problems, (region, offset, "damage went unnoticed")
        assert db.read_bytes() == damaged, (region, offset)  # checking did not "repair" it
        for p in problems:
            assert "\n" not in str(p)
        by_check += 1
        tally.setdefault(region, [0, 0])[1] += 1
    print(f"B3: {at_open} refused at unlock, {by_check} opened and caught by check; by region"
          f" (unlock, check): {tally}")
    assert at_open + by_check == 200
    db.write_bytes(original)
    unlock_vault(vault, kit.PASSPHRASE).lock()


@pytest.mark.slow
@pytest.mark.parametrize(
    "cut",
    ["page boundary", "three pages", "mid-page", "one page", "10 bytes", "0 bytes", "deleted"],
)
def test_b4_truncation_is_damage_never_a_fresh_vault(
    tmp_path: Path, kit: ModuleType, cut: str
) -> None:
    vault = _make_pristine(tmp_path, kit)
    db = vault / "vault.db"
    data = db.read_bytes()
    sizes = {
        "page boundary": len(data) - PAGE,
        "three pages": 3 * PAGE,
        "mid-page": len(data) - PAGE - 1234,
        "one page": PAGE,
        "10 bytes": 10,
        "0 bytes": 0,
    }
    if cut == "deleted":
        db.unlink()
    else:
        db.write_bytes(data[: sizes[cut]])
    before = kit.snapshot([vault])
    names = sorted(os.listdir(vault))
    if cut in ("0 bytes", "deleted"):
        assert vault_state(vault) is VaultState.DAMAGED
    for _ in range(2):
        with pytest.raises(VaultDamaged) as info:
            unlock_vault(vault, kit.PASSPHRASE)
        _one_sentence(info.value)
        assert "backup" in str(info.value)
    assert kit.snapshot([vault]) == before
    assert sorted(os.listdir(vault)) == names
    if cut == "0 bytes":
        assert db.stat().st_size == 0  # no tables were created in it
    if cut == "deleted":
        assert not db.exists()
    with pytest.raises(UserFacingError):
        create_vault(vault, kit.PASSPHRASE, kdf="test")  # and never replaced by a new one
