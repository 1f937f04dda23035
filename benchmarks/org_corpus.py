"""The organisation-scale corpus: real signed bundles from many laptops, cached on disk.

An organisation receives, over years, the bundles of every interviewer. The corpus is what
``--org`` imports: ``laptops`` interviewers, each with their own laptop vault (its own device
key, enrolled with the organisation as a person would), each sealing testimonies from the
generator (:mod:`benchmarks.corpus`) and exporting them ``per_bundle`` at a time through the
real export path: consent checks, redaction of the witnesses whose names may not appear, the
signed manifest, the custody log, age encryption to the organisation. 100,000 testimonies come
as 2,000 bundles from 50 laptops.

One shortcut, said here and in ``docs/performance.md``: each bundle carries a statement PDF
per record, and the laptop builds it when it exports. Building 100,000 statements takes hours
(0.3-0.8 s each), so each laptop builds one real statement per language and redaction (from its
own records, by the real statement service) and every later record of that kind carries a copy
of it. The organisation treats statements as signed, hashed, opaque members, so what its
import, storage and check cost depends on their number and size, which are those of real
statements. Everything else in a bundle is the record's own.

Building takes a while (about 20 ms of CPU per testimony on the laptops, and the seals'
``fsync`` waits), so laptops are built by several processes and the result is kept under
``~/.cache/testimony-bench/`` (or ``$TESTIMONY_BENCH_CACHE``), keyed by the generator's and
this builder's versions and the sizes: the next run finds it and only imports.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from benchmarks import corpus

#: Bump whenever what the builder writes changes (the cache is keyed by it).
BUILDER_VERSION = 2  # 2: the laptops store their redaction review (keep_doubtful)
ORG_NAME = "Benchmark Legal Organisation"
PASSPHRASE = "benchmark passphrase, not secret"


@dataclass(frozen=True)
class OrgSettings:
    """Sizes of the organisation's corpus and of what the cases ask of it."""

    laptops: int
    bundles_per_laptop: int
    per_bundle: int
    queries: int
    linked: int  # testimonies linked to the one registry entry that corroboration reads
    seed: int = 20171

    @property
    def testimonies(self) -> int:
        """How many testimonies the organisation receives."""
        return self.laptops * self.bundles_per_laptop * self.per_bundle

    @property
    def bundles(self) -> int:
        """How many bundles it receives."""
        return self.laptops * self.bundles_per_laptop


ORG_FULL = OrgSettings(laptops=50, bundles_per_laptop=40, per_bundle=50, queries=200, linked=2000)
ORG_QUICK = OrgSettings(laptops=3, bundles_per_laptop=2, per_bundle=10, queries=20, linked=10)


@dataclass(frozen=True)
class Laptop:
    """One interviewer's laptop, as the organisation registers it."""

    index: int
    name: str
    public_key: str
    bundles: list[str]  # file names under ``bundles/``, oldest first


@dataclass(frozen=True)
class OrgCorpus:
    """A built corpus on disk."""

    root: Path
    settings: OrgSettings
    identity: Path
    laptops: list[Laptop]
    info: dict[str, Any]

    def arrival_order(self) -> list[tuple[Laptop, Path]]:
        """Every bundle in the order they reach the organisation: each laptop's n-th bundle
        before anyone's (n+1)-th, as interviewers send theirs week by week."""
        order = []
        for n in range(self.settings.bundles_per_laptop):
            for laptop in self.laptops:
                order.append((laptop, self.root / "bundles" / laptop.bundles[n]))
        return order


def cache_root() -> Path:
    """Where built corpora are kept between runs (outside the repository)."""
    configured = os.environ.get("TESTIMONY_BENCH_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "testimony-bench"


def corpus_key(settings: OrgSettings) -> str:
    """The cache key: generator and builder versions, seed and sizes."""
    s = settings
    return (
        f"org-g{corpus.VERSION}-b{BUILDER_VERSION}-seed{s.seed}"
        f"-{s.laptops}x{s.bundles_per_laptop}x{s.per_bundle}"
    )


def ensure_corpus(
    settings: OrgSettings,
    log: Callable[[str], None],
    *,
    jobs: int = 3,
    rebuild: bool = False,
) -> OrgCorpus:
    """The corpus for ``settings``, built now unless a complete one is in the cache."""
    root = cache_root() / corpus_key(settings)
    if rebuild and root.exists():
        shutil.rmtree(root)
    done = root / "corpus.json"
    if not done.exists():
        _build(settings, root, log, jobs)
    info = json.loads(done.read_text(encoding="utf-8"))
    laptops = [Laptop(**item) for item in info.pop("laptops")]
    log(
        f"org corpus: {settings.testimonies:,} testimonies in {settings.bundles:,} bundles from"
        f" {settings.laptops} laptops, {root} (built in {info['build_seconds']:.0f} s)"
    )
    return OrgCorpus(root, settings, root / info["identity"], laptops, info)


def _build(settings: OrgSettings, root: Path, log: Callable[[str], None], jobs: int) -> None:
    from testimony_app.services import organisation

    staging = root.with_name(root.name + f".building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "bundles").mkdir(parents=True)
    keys = organisation.org_keygen(staging / "org")
    log(
        f"org corpus: building {settings.testimonies:,} testimonies with {jobs} processes"
        f" (cached afterwards in {root}); load {_load()}"
    )
    start = time.perf_counter()
    cpu_start = _children_cpu()
    loads = [os.getloadavg()[0]]
    laptops: list[dict[str, Any]] = []
    # Spawned, not forked: a fork of a process that already ran Qt or threads is unsafe.
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=get_context("spawn")) as pool:
        futures = [
            pool.submit(
                build_laptop, str(staging), index, asdict(settings), keys.recipient,
                keys.signing_public_key,
            )
            for index in range(settings.laptops)
        ]
        for future in as_completed(futures):
            laptops.append(future.result())
            loads.append(os.getloadavg()[0])
            done = len(laptops) * settings.bundles_per_laptop * settings.per_bundle
            log(
                f"  org corpus: {len(laptops)}/{settings.laptops} laptops, {done:,} testimonies,"
                f" {time.perf_counter() - start:.0f} s"
            )
    laptops.sort(key=lambda item: int(item["index"]))
    sizes = [p.stat().st_size for p in (staging / "bundles").iterdir()]
    info = {
        "settings": asdict(settings),
        "generator_version": corpus.VERSION,
        "builder_version": BUILDER_VERSION,
        "identity": str(keys.paths[0].relative_to(staging)),
        "organisation_recipient": keys.recipient,
        "build_seconds": time.perf_counter() - start,
        "build_cpu_seconds": _children_cpu() - cpu_start,
        "build_load": [min(loads), max(loads)],
        "bundle_bytes": sum(sizes),
        "laptops": laptops,
    }
    (staging / "corpus.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    shutil.rmtree(root, ignore_errors=True)
    os.replace(staging, root)


def build_laptop(
    staging: str, index: int, settings: dict[str, Any], recipient: str, signing_key: str
) -> dict[str, Any]:
    """One interviewer's laptop: seal and export its share of the corpus (a worker process)."""
    from testimony_app.services.vault import create_vault

    s = OrgSettings(**settings)
    root = Path(staging)
    work = root / "laptops" / f"{index:02d}"
    session = create_vault(work, PASSPHRASE, kdf="test")
    try:
        session.bundles.enrol([recipient], signing_key, ORG_NAME, confirmed=True)
        _pool_statements(session)
        interviewer = f"Interviewer {index + 1:02d}"
        names = []
        for n in range(s.bundles_per_laptop):
            first = (index * s.bundles_per_laptop + n) * s.per_bundle
            batch = []
            for k in range(s.per_bundle):
                testimony = corpus.testimony(s.seed, first + k)
                testimony.interview.interviewer = interviewer
                batch.append(testimony)
            ids = session.testimonies.create_many(batch)
            for record_id in ids:
                session.testimonies.seal(record_id, backup=False)
            name = f"{index:02d}-{n:03d}.age"
            # The interviewer keeps every doubtful word of the redaction, as a script does
            # with --keep-doubtful: the review is stored, then the export is the real one.
            session.bundles.export(root / "bundles" / name, record_ids=ids, keep_doubtful=True)
            names.append(name)
        public_key = session.bundles.device_public_key()
    finally:
        session.lock()
    shutil.rmtree(work)
    return {"index": index, "name": interviewer, "public_key": public_key, "bundles": names}


def _pool_statements(session: Any) -> None:
    """Build one real statement per language and redaction; copies go with the other records
    of that kind (see the module documentation for why)."""
    statements = session.bundles._statements
    real = statements.build
    built: dict[tuple[str, bool], bytes] = {}

    def build(record_id: str, *, version: int | None = None, language: str = "en",
              redacted: bool = False, **kwargs: Any) -> bytes:
        key = (language, redacted)
        if key not in built:
            built[key] = real(
                record_id, version=version, language=language, redacted=redacted, **kwargs
            )
        return built[key]

    statements.build = build


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])
