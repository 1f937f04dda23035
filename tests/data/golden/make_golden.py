"""Make a golden vault: ``python tests/data/golden/make_golden.py NAME`` writes ``NAME/``.

A golden vault is made once per release that changes the vault schema, by *that release's*
code, and then never changed (``docs/style.md``): the tests copy it, unlock it with the program
of the day, migrate it, and check that every record, field, hash, attachment byte, audit
entry, setting and export survived (:func:`verify`, run by
``tests/unit/storage/test_golden_vaults.py`` for every folder here with an ``expected.json``).

How to make one for a release (``v0.1.0/`` was made so, from commit 79c67b5)::

    git worktree add --detach /tmp/golden-src v0.1.0          # the release's code
    python3 -m venv /tmp/golden-src/.venv
    /tmp/golden-src/.venv/bin/pip install -e /tmp/golden-src
    /tmp/golden-src/.venv/bin/python tests/data/golden/make_golden.py v0.1.0
    git worktree remove /tmp/golden-src

The script runs under that venv, so it may only use what every release since 0.1.0 has:
``create_vault``, the interchange documents, attachments and recordings, seal, amend,
settings, enrolment and export. It refuses to overwrite a folder. ``schema-1/`` predates it
(made by ``schema-1/make.py`` at commit a45536b) and has its own test.

What a golden vault holds (all fictional):

* Argon2id with the cheap test parameters (1 MiB, 1 pass) so the tests run fast;
* record A, sealed as version 1 (Azerbaijani narrative with a Russian translation, an act
  with methods and perpetrators, a detention, body marks, consent scope by scope), with a
  photo and a recording written chunk by chunk; enrolled organisation, one exported bundle;
  then an amendment, sealed as version 2;
* record B, a Russian draft, saved twice;
* the setting ``lock_after = 60``;
* ``expected.json``: the documents as written, ids, each sealed version's SHA-256, the
  attachments' SHA-256, the audit chain's last entry, the bundle id and the schema version.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from testimony_app.domain.interchange import from_dict, to_dict
from testimony_app.services import organisation
from testimony_app.services.vault import create_vault, unlock_vault
from testimony_app.storage import schema

PASSPHRASE = "golden-vault Tərtər-Şəki-Гянджа"
FILES = ("vault.db", "vault.keys", "vault.keys.bak")
# Attachment files live beside the database from schema 6 on.
DIRS = ("attachments",)
PHOTO = bytes(range(256)) * 40
CHUNKS = [bytes([n]) * 3000 + "ə".encode() * 500 for n in range(1, 4)]
RECORDING = b"".join(CHUNKS)

DOC_A: dict[str, Any] = {
    "title": "[FICTIONAL] Golden vault, sealed and amended",
    "fictional": True,
    "interview": {
        "date": "2017-07-01", "start_time": "10:15", "end_time": "12:40", "place": "Gəncə",
        "setting": "ofis", "interviewer": "Aynur Həsənli", "interpreter": "Сергей Петров",
        "language": "az", "translation_language": "ru",
        "persons_present": ["Aynur Həsənli", "Сергей Петров"],
    },
    "consent": {
        "legal_proceedings": True, "organisations": ["Hüquq Mərkəzi"], "publication": False,
        "name_may_appear": False, "audio_recording": True, "follow_up_contact": True,
        "refusals": "Foto dərc olunmasın.", "no_coercion_confirmed": True,
        "informed_of_purpose": True,
    },
    "witness": {
        "name": "Aygün Şükürova", "pseudonym": "Ş-1", "date_of_birth": "1984",
        "role": "victim", "status_now": "released", "military_rank": "baş leytenant",
    },
    "narrative": {
        "text": "Məni üç gün yuxusuz saxladılar.\n\nSonra imza atdırdılar. Ёлка.",
        "translation": "Меня трое суток не давали спать.\n\nПотом заставили подписать.",
        "translation_language": "ru",
    },
    "detentions": [{
        "start_date": "2017-05-18", "end_date": "2017-06-02", "place": "Tərtər",
        "place_description": "hərbi hissənin zirzəmisi", "authority": "Hərbi polis",
    }],
    "acts": [{
        "date": "2017-05-20", "place": "Tərtər", "episode": 0,
        "methods": ["falanga", "sleep_deprivation"], "methods_other": "soyuq su",
        "description": "Дубинками били по ступням.",
        "perpetrators": [{"name": "Elçin Həsənov", "rank": "kapitan", "unit": "Q-903"}],
        "demands": "İmza at.",
    }],
    "effects": {
        "physical": "Ayaqlarda ağrı.",
        "body_marks": [{"side": "front", "x": 0.42, "y": 0.9, "note": "sol ayaq"},
                       {"side": "back", "x": 0.5, "y": 0.3, "note": "kürək"}],
    },
    "sensitive_names": ["Elçin Həsənov"],
    "tags": ["golden"],
}
AMENDMENT_REASON = "Tarix düzəldildi: 20 may, 19 deyil."
DOC_B: dict[str, Any] = {
    "title": "[FICTIONAL] Golden vault, draft",
    "fictional": True,
    "interview": {"date": "2017-08-03", "place": "Bərdə", "language": "ru"},
    "witness": {"name": "Сергей Щёкин", "pseudonym": "G-2", "role": "co_detainee"},
    "narrative": {"text": "Меня допрашивали всю ночь."},
}


def _amended(doc: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(doc)
    changed["acts"][0]["description"] = "Дубинками били по ступням, потом обливали водой."
    changed["narrative"]["text"] += "\n\nBir həftə sonra buraxdılar."
    return changed


def _draft_b2(doc: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(doc)
    changed["narrative"]["text"] += " Утром отпустили."
    return changed


def make(dest: Path) -> dict[str, Any]:
    """Build the golden vault into ``dest`` (created) and return the expected values."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "vault"
        session = create_vault(path, PASSPHRASE, kdf="test")
        service = session.testimonies
        a = service.create(from_dict(DOC_A))
        photo = root / "şəkil-01.png"
        photo.write_bytes(PHOTO)
        service.add_attachment(a, photo)
        writer = service.start_recording(a, "müsahibə.wav", "audio/wav")
        for chunk in CHUNKS:
            writer.write(chunk)
        writer.finish()
        v1 = service.seal(a, backup=False)
        keys = organisation.org_keygen(root / "org")
        session.bundles.enrol([keys.recipient], keys.signing_public_key, "Hüquq Mərkəzi",
                              confirmed=True)
        exported = session.bundles.export(root)
        v2 = service.amend(a, from_dict(_amended(DOC_A)), AMENDMENT_REASON)
        b = service.create(from_dict(DOC_B))
        service.save_draft(b, from_dict(_draft_b2(DOC_B)))
        session.set_setting("lock_after", "60")
        entries = service.history(a) + service.history(b)
        head = max(entries, key=lambda e: e.seq)
        attachments = {
            info.filename: {"id": info.id, "sha256": info.sha256, "size": info.size}
            for info in service.attachments(a)
        }
        expected: dict[str, Any] = {
            "schema_version": schema.SCHEMA_VERSION,
            "passphrase": PASSPHRASE,
            "vault_id": session.vault_id,
            "sealed": {
                "id": a,
                "versions": {"1": v1.content_sha256, "2": v2.content_sha256},
                "documents": {"1": DOC_A, "2": _amended(DOC_A)},
                "amendment_reason": AMENDMENT_REASON,
            },
            "draft": {"id": b, "document": _draft_b2(DOC_B)},
            "attachments": attachments,
            "photo_sha256": hashlib.sha256(PHOTO).hexdigest(),
            "recording_sha256": hashlib.sha256(RECORDING).hexdigest(),
            "audit_head": {"seq": head.seq, "hash": head.entry_hash},
            "bundle_id": exported.bundle_id,
            "settings": {"lock_after": "60"},
        }
        session.lock()
        dest.mkdir(parents=True)
        for name in FILES:
            shutil.copyfile(path / name, dest / name)
        for name in DIRS:
            if (path / name).is_dir():
                shutil.copytree(path / name, dest / name)
    return expected


def _leaves(want: Any, got: Any, where: str = "") -> list[str]:
    """Where ``got`` differs from ``want`` in the fields ``want`` has (later releases add
    fields with defaults; those are not this vault's business)."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{where}: {got!r} is not a mapping"]
        return [d for k, v in want.items() for d in _leaves(v, got.get(k), f"{where}.{k}")]
    if isinstance(want, list) and want and isinstance(want[0], dict):
        if not isinstance(got, list) or len(got) != len(want):
            return [f"{where}: {got!r} has not {len(want)} items"]
        pairs = enumerate(zip(want, got, strict=True))
        return [d for i, (w, g) in pairs for d in _leaves(w, g, f"{where}[{i}]")]
    return [] if want == got else [f"{where}: {got!r} != {want!r}"]


def verify(vault: Path, expected: dict[str, Any]) -> None:
    """Unlock a copy of a golden vault and assert that everything in ``expected`` is there."""
    session = unlock_vault(vault, expected["passphrase"])
    try:
        assert session._vault.db.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert session.meta("vault_id") == expected["vault_id"]
        service = session.testimonies
        sealed, draft = expected["sealed"], expected["draft"]
        info = service.info(sealed["id"])
        assert [v.number for v in info.versions] == [1, 2]
        assert all(v.sealed for v in info.versions)
        assert not info.draft
        for number, digest in sealed["versions"].items():
            version = int(number)
            assert info.versions[version - 1].content_sha256 == digest
            stored = service.content_bytes(sealed["id"], version)
            assert hashlib.sha256(stored).hexdigest() == digest  # the sealed bytes, unchanged
            got = to_dict(service.get(sealed["id"], version))
            assert _leaves(sealed["documents"][number], got) == [], number
        assert info.versions[1].reason == sealed["amendment_reason"]
        assert service.info(draft["id"]).draft
        assert _leaves(draft["document"], to_dict(service.get(draft["id"]))) == []
        by_name = {a.filename: a for a in service.attachments(sealed["id"])}
        assert sorted(by_name) == sorted(expected["attachments"])
        for name, want in expected["attachments"].items():
            item = by_name[name]
            assert (item.id, item.sha256, item.size) == (want["id"], want["sha256"], want["size"])
            data = service.read_attachment(item.id)
            assert hashlib.sha256(data).hexdigest() == want["sha256"]
        assert by_name["şəkil-01.png"].sha256 == expected["photo_sha256"]
        recording = service.read_attachment(by_name["müsahibə.wav"].id)
        assert hashlib.sha256(recording).hexdigest() == expected["recording_sha256"]
        # The search index follows migrations: folded queries in other scripts find them.
        assert sealed["id"] in [h.testimony_id for h in service.search("sukurova")]
        assert sealed["id"] in [h.testimony_id for h in service.search("ЁЛКА")]
        assert draft["id"] in [h.testimony_id for h in service.search("щекин")]
        head = expected["audit_head"]
        entries = {e.seq: e.entry_hash for e in service.history(sealed["id"])
                   + service.history(draft["id"])}
        assert entries[head["seq"]] == head["hash"]
        for key, value in expected["settings"].items():
            assert session.get_setting(key) == value
        assert [row.bundle_id for row in session.bundles.exports()] == [expected["bundle_id"]]
        report = session.check()
        assert report.ok, report.problems
        assert report.records == 2
    finally:
        session.lock()


def main(argv: list[str]) -> int:
    """Write ``<NAME>/`` (default ``schema-<N>``) beside this script, refusing to overwrite."""
    name = argv[0] if argv else f"schema-{schema.SCHEMA_VERSION}"
    dest = Path(__file__).resolve().parent / name
    if dest.exists():
        print(f"{dest} exists: golden vaults are never regenerated.", file=sys.stderr)
        return 1
    expected = make(dest)
    (dest / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"Wrote {dest} (schema {expected['schema_version']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
