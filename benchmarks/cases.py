"""Benchmark cases: each measures our code and its best plain alternative in the same run.

Absolute times on shared machines move from run to run, so every case reports a ratio
against a baseline measured on the same data, one right after the other.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import corpus
from benchmarks.results import Result, Target, median_result, p95
from testimony_app.domain import folding
from testimony_app.domain.model import Testimony
from testimony_app.services.vault import VaultSession, create_vault, unlock_vault
from testimony_app.storage.search import searchable_text

PASSPHRASE = "benchmark passphrase, not secret"


@dataclass
class Settings:
    """Sizes for a full or a quick (smoke-test) run."""

    records: int
    queries: int
    adds: int
    pdf_pages: int
    export_mb: int
    seed: int = 20171


FULL = Settings(records=20_000, queries=200, adds=2_000, pdf_pages=50, export_mb=1024)
QUICK = Settings(records=300, queries=40, adds=100, pdf_pages=5, export_mb=8)
# Export and import are each timed this many times, in turn with the age tool.
ROUNDS = 3


def _plain_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE versions (record_id TEXT PRIMARY KEY, content TEXT)")
    conn.execute(
        "CREATE VIRTUAL TABLE search USING fts5(record_id UNINDEXED, body,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    return conn


def _plain_insert(conn: sqlite3.Connection, batch: list[tuple[str, str, str]]) -> None:
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO versions VALUES (?, ?)", [(r, c) for r, c, _ in batch])
    conn.executemany("INSERT INTO search VALUES (?, ?)", [(r, b) for r, _, b in batch])
    conn.execute("COMMIT")


def _rows(testimonies: list[Testimony]) -> list[tuple[str, str, str]]:
    from testimony_app.domain import interchange

    rows = []
    for i, t in enumerate(testimonies):
        rows.append(
            (
                f"r{i}",
                interchange.canonical_bytes(t).decode("utf-8"),
                folding.index_text(searchable_text(t)),
            )
        )
    return rows


def search_samples(
    session: VaultSession,
    plain: sqlite3.Connection,
    queries: list[str],
    cpu: dict[str, list[float]] | None = None,
) -> tuple[list[float], list[float]]:
    """Seconds per query through our service and through plain FTS5, one right after the
    other for each query, so that load from other work on the machine hits both alike.

    ``cpu``, if given, receives each query's CPU seconds (``time.thread_time``, which other
    work on the machine does not inflate) under ``"ours"`` and ``"plain"``.
    """
    ours_samples, base_samples = [], []
    ours_cpu, base_cpu = [], []
    for q in queries:
        cpu_start, start = time.thread_time(), time.perf_counter()
        session.testimonies.search(q, limit=20)
        ours_samples.append(time.perf_counter() - start)
        ours_cpu.append(time.thread_time() - cpu_start)
        terms = folding.tokens(q)
        if terms:
            match = " ".join(f'"{t}"*' for t in terms)
            cpu_start, start = time.thread_time(), time.perf_counter()
            plain.execute(
                "SELECT record_id, bm25(search) AS s, snippet(search, 1, '«', '»', '…', 24)"
                " FROM search WHERE search MATCH ? ORDER BY s LIMIT 20",
                (match,),
            ).fetchall()
            base_samples.append(time.perf_counter() - start)
            base_cpu.append(time.thread_time() - cpu_start)
    if cpu is not None:
        cpu["ours"], cpu["plain"] = ours_cpu, base_cpu
    return ours_samples, base_samples


def search_and_add(settings: Settings, work: Path, log: Callable[[str], None]) -> list[Result]:
    """``add_throughput`` and ``search_p95`` over the same corpus."""
    results = []
    session = create_vault(work / "search-vault", PASSPHRASE, kdf="test")
    plain = _plain_db(work / "plain.db")
    batch_size = 100
    # add_throughput: the same rows through our service and through plain sqlite3.
    adds = list(corpus.corpus(settings.seed, settings.adds))
    start = time.perf_counter()
    for i in range(0, len(adds), batch_size):
        session.testimonies.create_many(adds[i : i + batch_size])
    ours = len(adds) / (time.perf_counter() - start)
    rows = _rows(adds)
    start = time.perf_counter()
    for i in range(0, len(rows), batch_size):
        _plain_insert(plain, rows[i : i + batch_size])
    base = len(rows) / (time.perf_counter() - start)
    # Throughput: higher is better, so the ratio is baseline/ours to keep "lower is better".
    results.append(Result("add_throughput", ours, "records/s", "sqlite3 executemany", base))
    log(f"add_throughput: {ours:.0f}/s vs plain {base:.0f}/s")
    # Fill both stores up to the full corpus size.
    remaining = settings.records - settings.adds
    index = settings.adds
    while remaining > 0:
        n = min(1000, remaining)
        chunk = [corpus.testimony(settings.seed, index + k) for k in range(n)]
        session.testimonies.create_many(chunk)
        _plain_insert(plain, [(f"r{index + k}", c, b) for k, (_, c, b) in enumerate(_rows(chunk))])
        index += n
        remaining -= n
        log(f"  corpus: {index}/{settings.records}")
    queries = corpus.queries(settings.seed, settings.queries)
    ours_samples, base_samples = search_samples(session, plain, queries)
    results.append(
        Result(
            "search_p95",
            p95(ours_samples) * 1000,
            "ms",
            "sqlite3 FTS5 same queries",
            p95(base_samples) * 1000,
            spread=(min(ours_samples) * 1000, max(ours_samples) * 1000),
            baseline_spread=(min(base_samples) * 1000, max(base_samples) * 1000),
            samples=len(ours_samples),
            target=Target("ratio", 1.5),
            note=f"p95 of {len(ours_samples)} queries, {settings.records:,} testimonies",
        )
    )
    log(
        f"search_p95: {results[-1].value:.2f} ms vs {results[-1].baseline_value:.2f} ms;"
        f" median ours {statistics.median(ours_samples) * 1000:.2f} ms"
    )
    session.lock()
    plain.close()
    return results


def unlock(settings: Settings, work: Path, log: Callable[[str], None]) -> list[Result]:
    """Unlocking a calibrated vault against the bare Argon2id derivation it performs."""
    from testimony_app.crypto import kdf, keyslots

    path = work / "unlock-vault"
    create_vault(path, PASSPHRASE, kdf="calibrated").lock()
    slot = keyslots.read_slot(path / "vault.keys")
    ours, base = [], []
    for _ in range(3):
        start = time.perf_counter()
        unlock_vault(path, PASSPHRASE).lock()
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        kdf.wipe(kdf.derive_key(PASSPHRASE, slot.params))
        base.append(time.perf_counter() - start)
    result = median_result(
        "unlock", ours, "ms", "bare Argon2id, same parameters", base, scale=1000,
        target=Target("ratio", 1.2),
    )
    log(
        f"unlock: {result.value:.0f} ms vs KDF {result.baseline_value:.0f} ms"
        f" (m={slot.params.memory_kib // 1024} MiB, t={slot.params.iterations})"
    )
    return [result]


def pdf(settings: Settings, work: Path, log: Callable[[str], None]) -> list[Result]:
    """A long statement against a bare ReportLab document of the same text and font.

    Both are timed warm, three times each in turn, and the medians compared: the first build in
    a process also parses the five embedded fonts, which the baseline (drawing with the fonts we
    registered, after our build warmed ReportLab up) never pays, and on a shared machine one
    build of each swung the ratio between 1.6 and 2.4. The first build is logged on its own.
    """
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from testimony_app.reports import StatementRequest, build_statement, fonts

    testimony = corpus.testimony(settings.seed, 0)
    # About 11 paragraphs of 5 sentences fill a page of the statement.
    paragraphs = [
        " ".join(corpus.SENTENCES["az"][(i + k) % 10] for k in range(5))
        for i in range(settings.pdf_pages * 11)
    ]
    testimony.narrative.text = "\n\n".join(paragraphs)
    request = StatementRequest(
        record_id="bench",
        version=1,
        content_sha256="0" * 64,
        sealed=True,
        sealed_at="2024-01-01T00:00:00Z",
        language="az",
    )
    start = time.perf_counter()
    fonts.register()
    registered = time.perf_counter() - start
    start = time.perf_counter()
    data = build_statement(testimony, request)
    first = time.perf_counter() - start
    style = ParagraphStyle("b", fontName=fonts.SANS, fontSize=10, leading=14)

    def bare() -> None:
        SimpleDocTemplate(io.BytesIO(), pagesize=A4, invariant=1).build(
            [Paragraph(p, style) for p in paragraphs]
        )

    bare()
    ours_runs, base_runs = [], []
    for _ in range(3):
        start = time.perf_counter()
        build_statement(testimony, request)
        ours_runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare()
        base_runs.append(time.perf_counter() - start)
    ours, base = statistics.median(ours_runs), statistics.median(base_runs)
    pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page")
    log(
        f"pdf: {ours:.2f} s vs bare ReportLab {base:.2f} s ({pages} pages; medians of 3, ours"
        f" {min(ours_runs):.2f}-{max(ours_runs):.2f}, bare {min(base_runs):.2f}-"
        f"{max(base_runs):.2f}); first statement in the process: {registered:.2f} s to"
        f" register the fonts + {first:.2f} s"
    )
    return [
        median_result(
            f"pdf_{settings.pdf_pages}_pages",
            ours_runs,
            "ms",
            "bare ReportLab, same text and font",
            base_runs,
            scale=1000,
            target=Target("ratio", 1.5),
            note=f"{pages} pages, warm builds in turn",
        )
    ]


def registry_vault(
    settings: Settings, path: Path, log: Callable[[str], None]
) -> VaultSession:
    """A vault whose ``settings.records`` testimonies are registered: each first perpetrator
    linked to an entry per officer and unit (the corpus names the same officers in three
    scripts, so links are confirmed across scripts)."""
    from testimony_app.domain.transliteration import skeleton

    session = create_vault(path, PASSPHRASE, kdf="test")
    entries: dict[tuple[str, str], str] = {}
    index = 0
    mention_path = "acts[0].perpetrators[0]"
    while index < settings.records:
        n = min(500, settings.records - index)
        chunk = [corpus.testimony(settings.seed, index + k) for k in range(n)]
        ids = session.testimonies.create_many(chunk)
        for record_id, t in zip(ids, chunk, strict=True):
            perp = t.acts[0].perpetrators[0]
            key = (skeleton(perp.name), perp.unit)
            if key in entries:
                session.registry.link(record_id, mention_path, entries[key])
            else:
                entries[key] = session.registry.link(
                    record_id, mention_path, new_entry=True
                ).entry_id
        index += n
        log(f"  registry corpus: {index}/{settings.records}, {len(entries)} entries")
    return session


def registry_timing(
    session: VaultSession, settings: Settings, log: Callable[[str], None], rounds: int = 5
) -> list[Result]:
    """Suggestions for one new testimony in ``session``'s vault, against a bare loop of
    ``difflib.SequenceMatcher`` over the same entry names (the best of ``rounds`` each).

    Measured twice: with the suggestion index cached, and as the first call after an
    autosave of an unrelated draft, the way the editor calls it (a draft's save must not
    throw the index away: it depends only on the registry)."""
    import difflib

    new = corpus.testimony(settings.seed + 1, settings.records)
    draft = corpus.testimony(settings.seed + 2, 0)
    draft_id = session.testimonies.create(draft)
    names = [e.display_name for e in session.registry.list_entries()]
    ours, after_save, base = [], [], []
    for round_no in range(rounds):
        start = time.perf_counter()
        found = session.registry.suggestions_for("new-testimony", new)
        ours.append(time.perf_counter() - start)
        draft.title = f"autosave {round_no}"
        session.testimonies.save_draft(draft_id, draft)
        start = time.perf_counter()
        session.registry.suggestions_for("new-testimony", new)
        after_save.append(time.perf_counter() - start)
        start = time.perf_counter()
        for act in new.acts:
            for p in act.perpetrators:
                query = p.name.casefold()
                scored = [(difflib.SequenceMatcher(None, query, n.casefold()).ratio(), n)
                          for n in names]
                sorted(scored, reverse=True)[:5]
        base.append(time.perf_counter() - start)
    baseline = min(base) * 1000
    result = Result("registry_suggest", min(ours) * 1000, "ms", "bare difflib loop", baseline,
                    spread=(min(ours) * 1000, max(ours) * 1000), samples=rounds,
                    target=Target("value", 1000, strict=True),
                    note=f"best of {rounds}; first call {ours[0] * 1000:.0f} ms")
    # The median, not the best: every call after a save pays for a rebuild if there is one,
    # and on a shared machine one lucky or unlucky call says little.
    saved = Result("registry_after_save", statistics.median(after_save) * 1000, "ms",
                   "bare difflib loop", baseline,
                   spread=(min(after_save) * 1000, max(after_save) * 1000), samples=rounds,
                   target=Target("value", 1000, strict=True))
    shown = sum(len(f.suggestions) for f in found)
    log(f"registry_suggest: {result.value:.1f} ms (first call {ours[0] * 1000:.1f} ms)"
        f" vs difflib {baseline:.1f} ms"
        f" ({len(names)} entries, {len(found)} mentions, {shown} suggestions)")
    log(f"registry_suggest after a draft autosave: median {saved.value:.1f} ms, best"
        f" {min(after_save) * 1000:.1f} ms, worst {max(after_save) * 1000:.1f} ms of {rounds}")
    return [result, saved]


def registry_suggest(settings: Settings, work: Path, log: Callable[[str], None]) -> list[Result]:
    """Registry suggestions for one new testimony in a vault of ``settings.records``
    registered testimonies (see :func:`registry_vault`), against a bare difflib loop."""
    session = registry_vault(settings, work / "registry-vault", log)
    try:
        return registry_timing(session, settings, log)
    finally:
        session.lock()


