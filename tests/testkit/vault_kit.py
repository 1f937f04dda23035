"""Shared helpers of the vault tests, and the child process that the crash tests kill.

Imported as ``from testkit import vault_kit`` (or through the ``kit`` fixture of
``tests/conftest.py``). Run as a script it is the child::

    python tests/testkit/vault_kit.py MODE VAULT [ARGS...]

Every mode prints one line per acknowledged step and flushes, so that the parent knows exactly
what the program told its user had been saved before it was killed.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from testimony_app.domain import interchange
from testimony_app.domain.model import (
    Act,
    Consent,
    DetentionEpisode,
    Effects,
    Interview,
    Narrative,
    Perpetrator,
    Testimony,
    Witness,
)

# Documented, fixed, deliberately non-ASCII: ə, ı, ё must survive NFC and every code path.
PASSPHRASE = "Tərtər-qırmızı-körpü-ёлка-7"
NEW_PASSPHRASE = "yeni-açar-söz-новый-пароль-9"

# Real Azerbaijani, Russian and Armenian text (the people and events are invented).
NARRATIVE_AZ = (
    "Məni 2017-ci il mayın 5-də Tərtərdə saxladılar. Gözlərimi bağladılar və hərbi hissəyə "
    "apardılar.\n\nOrada məni elektrik cərəyanı ilə işgəncəyə məruz qoydular, ayaqlarımın "
    "altından döydülər. Müstəntiq Məhərrəmov «boynuna al» deyirdi.\n\nQırmızı divarlı otaqda "
    "üç gün su vermədilər."
)
TRANSLATION_EN = (
    "They detained me in Tartar on 5 May 2017. They blindfolded me and took me to a military "
    "unit.\n\nThere they tortured me with electric current and beat the soles of my feet."
)
RUSSIAN = "Следователь требовал подписать признание; ёлка во дворе, щёлочь на полу."
ARMENIAN = "Արամ Պետրոսյան"


def consent_given(audio: bool = True) -> Consent:
    """Consent recorded in every core scope (so a testimony can be sealed)."""
    return Consent(
        legal_proceedings=True,
        organisations=["Hüquq Mərkəzi (uydurma)"],
        publication=False,
        name_may_appear=False,
        audio_recording=audio,
        follow_up_contact=True,
        refusals="Adımın mətbuatda çıxmasını istəmirəm.",
        no_coercion_confirmed=True,
        informed_of_purpose=True,
        recorded_at="2017-06-14T10:05",
    )


def sample_testimony(tag: str = "", *, consent: bool = True) -> Testimony:
    """A realistic (fictional) Tartar-case testimony touching every part of the model."""
    return Testimony(
        title=f"Tərtər işi — ifadə {tag}".strip(),
        fictional=True,
        interview=Interview(
            date="2017-06-14",
            start_time="10:00",
            end_time="12:30",
            place="Bakı, hüquq bürosu",
            setting="Qapalı otaq, yalnız tərcüməçi iştirak edir",
            interviewer="Gülnarə Əliyeva",
            interviewer_organisation="Hüquq Mərkəzi (uydurma)",
            interpreter="Ирина Ёлкина",
            language="az",
            translation_language="en",
            persons_present=["Gülnarə Əliyeva", "Ирина Ёлкина", ARMENIAN],
            restrictions="Şahid yorğun idi; fasilə verildi.",
            recording="audio",
        ),
        consent=consent_given() if consent else Consent(),
        witness=Witness(
            name="Nemət Məhərrəmov",
            pseudonym="Şahid-Ə7",
            date_of_birth="1990",
            gender="male",
            nationality="Azərbaycan",
            identifiers="AZE 1234567",
            contact="+994 50 000 00 00",
            role="victim",
            status_now="released",
            occupation="hərbçi",
            military_rank="gizir",
            military_unit="N saylı hərbi hissə",
        ),
        narrative=Narrative(text=NARRATIVE_AZ, translation=TRANSLATION_EN,
                            translation_language="en"),
        detentions=[
            DetentionEpisode(
                start_date="2017-05",
                start_precision="month",
                end_date="2017-06-01",
                place="Tərtər, hərbi hissə",
                authority="Hərbi polis",
                detention_type="incommunicado",
                arrest_circumstances="Gecə evdən aparıldı.",
                transfers="Bakıya, istintaq təcridxanasına",
                statements_signed=["confession"],
                how_signed="Döyüldükdən sonra, oxumadan.",
                conditions=RUSSIAN,
                case_number="№ 2017/ТТ-045",
            )
        ],
        acts=[
            Act(
                date="2017-05-06",
                place="Tərtər, hərbi hissə, zirzəmi",
                episode=0,
                methods=["electric_shock", "falanga"],
                methods_other="Yuxusuzluq",
                description="Ayaqlarının altından dəyənəklə döydülər.",
                duration="iki saat",
                frequency="hər gün",
                perpetrators=[
                    Perpetrator(name="Məhərrəmov", rank="mayor", unit="Hərbi polis",
                                description="Uca boylu, bığlı"),
                    Perpetrator(name="Капитан Щёкин", description="говорил по-русски"),
                ],
                demands="Casusluğu boynuna almaq",
                witnesses_present=ARMENIAN,
                injuries="Ayaqlarda şişkinlik, qulaqda küy",
            )
        ],
        effects=Effects(physical="Ayaqlarda ağrı", psychological="Kabuslar, yuxusuzluq",
                        medical_treatment="Yoxdur"),
        sensitive_names=["Rəşad Quliyev"],
        interviewer_notes="Şahid ardıcıl danışdı.",
        tags=["Tərtər", "işgəncə"],
    )


def content_hash(t: Testimony) -> str:
    """SHA-256 of the canonical bytes, as the vault stores them."""
    return hashlib.sha256(interchange.canonical_bytes(t)).hexdigest()


# -- files ----------------------------------------------------------------------------------


def snapshot(paths: Iterable[Path]) -> dict[str, tuple[bytes, int]]:
    """``{name: (bytes, mtime_ns)}`` of every file under ``paths``."""
    found: dict[str, tuple[bytes, int]] = {}
    for root in paths:
        if root.is_file():
            found[str(root)] = (root.read_bytes(), root.stat().st_mtime_ns)
            continue
        for p in sorted(root.rglob("*")):
            if p.is_file():
                found[str(p)] = (p.read_bytes(), p.stat().st_mtime_ns)
    return found


def flip_byte(path: Path, offset: int) -> None:
    """Invert every bit of the byte at ``offset`` (always a real change)."""
    with path.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0xFF]))


def peak_rss_kib() -> int:
    """This process's peak resident set size (VmHWM), KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM")


def make_sparse(path: Path, size: int, seed: int = 7) -> str:
    """A ``size``-byte sparse file with a few random blocks; return its SHA-256 (hashlib)."""
    rng = random.Random(seed)
    with path.open("wb") as handle:
        handle.truncate(size)
        for _ in range(8):
            handle.seek(rng.randrange(0, size - 4096))
            handle.write(rng.randbytes(4096))
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(4 * 1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


# -- the child ------------------------------------------------------------------------------


def child_argv(*args: object) -> list[str]:
    """The command line that runs this file as the child in ``MODE`` with ``args``."""
    return [sys.executable, str(Path(__file__).resolve()), *(str(a) for a in args)]


def _say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def _unlock(vault: Path, passphrase: str = PASSPHRASE) -> Any:
    """The storage-level open vault and its testimony service.

    The children skip ``services.vault`` on purpose: it imports the PDF stack, which would
    triple each child's start-up time; the code paths under test are the same.
    """
    from testimony_app.services.testimonies import TestimonyService
    from testimony_app.storage import vault as storage_vault

    opened = storage_vault.unlock(vault, passphrase)
    return opened, TestimonyService(opened)


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _kill_at(target: int) -> Callable[[str], None]:
    """A tick counter that SIGKILLs this process at its ``target``-th tick (0 = never)."""
    count = {"n": 0}

    def tick(what: str) -> None:
        count["n"] += 1
        if os.environ.get("KIT_TRACE"):
            _say("tick", count["n"], what)
        if count["n"] == target:
            _die()

    return tick


def _instrument(tick: Callable[[str], None]) -> None:
    """Put a kill point before and after every file-system step this process takes.

    The steps are every rename, link, unlink, fsync, temporary file and key-file write, the
    middle of each key-file write, each re-encrypted or backup copy of a database, and the
    closing and reopening of the live connection.
    """
    import shutil
    import tempfile

    from testimony_app import paths
    from testimony_app.storage import database

    def around(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            tick(f"before {name}")
            result = fn(*args, **kwargs)
            tick(f"after {name}")
            return result

        return wrapper

    real_fdopen = os.fdopen

    class HalfWriter:
        """Writes half of the data, ticks, then the rest (a kill in between = torn temp)."""

        def __init__(self, handle: Any) -> None:
            self._h = handle

        def write(self, data: bytes) -> int:
            half = len(data) // 2
            self._h.write(data[:half])
            self._h.flush()
            tick("mid write")
            self._h.write(data[half:])
            return len(data)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._h, name)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self._h.close()

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return HalfWriter(real_fdopen(fd, *args, **kwargs))

    tempfile.mkstemp = around("mkstemp", tempfile.mkstemp)
    os.fchmod = around("fchmod", os.fchmod)
    os.fdopen = fdopen
    os.fsync = around("fsync", os.fsync)
    os.replace = around("replace", os.replace)
    os.unlink = around("unlink", os.unlink)
    os.link = around("link", os.link)
    shutil.copyfile = around("copyfile", shutil.copyfile)
    paths.fsync_dir = around("fsync_dir", paths.fsync_dir)
    database.rekeyed_copy = around("rekeyed_copy", database.rekeyed_copy)
    database.backup_to = around("backup_to", database.backup_to)
    database.Database.close = around("close", database.Database.close)  # type: ignore[method-assign]
    database.Database.reopen = around("reopen", database.Database.reopen)  # type: ignore[method-assign]


def child_passwd(vault: Path, point: int) -> None:
    """Change the passphrase, dying at the ``point``-th file-system step (before or after)."""
    session, _ = _unlock(vault)
    _instrument(_kill_at(point))
    session.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    _say("changed")
    session.close()
    _say("done")


def child_restore(vault: Path, point: int) -> None:
    """Restore the oldest backup, dying at the ``point``-th file-system step."""
    from testimony_app.storage import vault as storage_vault

    backup = sorted((vault / "backups").glob("vault-*.db"))[0]
    _instrument(_kill_at(point))
    storage_vault.restore(vault, backup, PASSPHRASE)
    _say("restored")
    _say("done")


def child_seal(vault: Path) -> None:
    """Seal a new testimony, say so, and die before locking (the WAL is left as it is)."""
    _, service = _unlock(vault)
    record_id = service.create(sample_testimony("WAL"))
    version = service.seal(record_id, backup=False)
    _say("sealed", record_id, version.content_sha256)
    _die()


def child_commits(vault: Path, seed: int) -> None:
    """Create and edit testimonies forever, acknowledging each committed step."""
    rng = random.Random(seed)
    _, service = _unlock(vault)
    _say("ready")
    n = 0
    while True:
        n += 1
        t = sample_testimony(f"{seed}-{n}", consent=False)
        t.narrative.text += "\n\n" + "ş" * rng.randrange(10, 6000)
        rid = service.create(t)
        _say("C", rid, content_hash(t))
        t.narrative.text += f"\n\nDüzəliş {n}: {RUSSIAN}"
        t.id = rid
        t.attachments = []
        _say("P", rid, content_hash(t))
        service.save_draft(rid, t)
        _say("S", rid, content_hash(t))


def child_import(vault: Path, source: Path, mode: str) -> None:
    """Import ``source`` as an attachment; ``mode`` ``rss`` reports memory, ``kill`` dies."""
    from testimony_app.errors import UserFacingError

    session, service = _unlock(vault)
    record_id = service.list()[0].id
    before = peak_rss_kib()

    def progress(done: int, total: int) -> None:
        if mode == "kill":
            _say("progress", done)
            _die()

    start = time.perf_counter()
    try:
        info = service.add_attachment(record_id, source, progress=progress)
    except UserFacingError as exc:
        _say("error", type(exc).__name__, str(exc).replace("\n", " "))
        session.close()
        return
    elapsed = time.perf_counter() - start
    _say("imported", info.id, info.size, info.sha256, before, peak_rss_kib(), f"{elapsed:.2f}")
    session.close()


def child_record(vault: Path, chunks: int) -> None:
    """Write ``chunks`` recording chunks, acknowledging each, then die before finishing."""
    _, service = _unlock(vault)
    record_id = service.list()[0].id
    writer = service.start_recording(record_id, "müsahibə.ogg", "audio/ogg")
    rng = random.Random(chunks)
    for i in range(chunks):
        data = rng.randbytes(50_000 + i)
        writer.write(data)
        _say("chunk", i, hashlib.sha256(data).hexdigest(), len(data))
    _die()


def child_fsize(vault: Path, source: Path, limit: int) -> None:
    """Import ``source`` under RLIMIT_FSIZE with SIGXFSZ ignored (a full disk, per process)."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    child_import(vault, source, "plain")


def main(argv: list[str]) -> None:
    """Dispatch on the mode."""
    mode, vault = argv[0], Path(argv[1])
    if mode == "passwd":
        child_passwd(vault, int(argv[2]))
    elif mode == "commits":
        child_commits(vault, int(argv[2]))
    elif mode == "import":
        child_import(vault, Path(argv[2]), argv[3])
    elif mode == "record":
        child_record(vault, int(argv[2]))
    elif mode == "fsize":
        child_fsize(vault, Path(argv[2]), int(argv[3]))
    elif mode == "restore":
        child_restore(vault, int(argv[2]))
    elif mode == "seal":
        child_seal(vault)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
