"""Cases at the organisation's scale: 100,000 testimonies from 2,000 bundles of 50 laptops.

One organisation vault is built per run by importing the cached corpus
(:mod:`benchmarks.org_corpus`) in the order the bundles arrive; that import is the first case,
and the vault it leaves is the one every later case reads. Each case is measured against the
best plain alternative in the same run, on the same data:

* import: testimonies per second, against plain ``sqlite3`` inserts of the same rows (record
  JSON, statement PDF, folded search text), one transaction per bundle;
* search p95, against plain FTS5 on the same folded text with the same queries;
* the list of every testimony in the window: filtering and sorting it;
* registry suggestions for a new testimony, and corroboration of the entry that 2,000
  testimonies are linked to;
* ``check`` of the whole vault, against SQLCipher's own ``cipher_integrity_check`` and
  SQLite's ``integrity_check`` on the same file;
* unlocking to a shown list, against the key derivation alone;
* what the vault costs on disk and in memory.
"""

from __future__ import annotations

import difflib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchmarks import corpus
from benchmarks.cases import search_samples
from benchmarks.org_corpus import PASSPHRASE, OrgCorpus, OrgSettings, ensure_corpus
from benchmarks.results import Result, Target, load_now, median_result, p95, with_load
from testimony_app.domain import folding, interchange
from testimony_app.services.vault import VaultSession, create_vault, unlock_vault
from testimony_app.storage.search import searchable_text

Log = Callable[[str], None]


def run_org(
    settings: OrgSettings, work: Path, log: Log, *, jobs: int = 3, rebuild: bool = False
) -> list[Result]:
    """Every organisation case, in order, on one vault built by the first."""
    built = ensure_corpus(settings, log, jobs=jobs, rebuild=rebuild)
    vault_path = work / "org-vault"
    org = create_vault(vault_path, PASSPHRASE, kdf="test")
    for laptop in built.laptops:
        org.bundles.organisation.register_device(laptop.public_key, laptop.name, confirmed=True)
    results: list[Result] = []
    plain = _plain_db(work / "plain.db")
    state: dict[str, Any] = {}

    def case(fn: Callable[[], list[Result]]) -> None:
        start = load_now()
        results.extend(with_load(fn(), start, load_now()))

    case(lambda: import_case(org, built, plain, state, log))
    case(lambda: search_case(org, plain, settings, log))
    case(lambda: list_case(org, log))
    case(lambda: registry_case(org, plain, settings, state, log))
    case(lambda: check_case(org, log))
    org.lock()
    case(lambda: unlock_case(vault_path, log))
    case(lambda: footprint_case(vault_path, built, log))
    plain.close()
    return results


# -- import ------------------------------------------------------------------------------------


def _plain_db(path: Path) -> sqlite3.Connection:
    """What a plain program would keep: each version's JSON, its statement, the search text."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(
        "CREATE TABLE versions (record_id TEXT, version INTEGER, content TEXT,"
        " PRIMARY KEY (record_id, version))"
    )
    conn.execute(
        "CREATE TABLE statements (record_id TEXT, version INTEGER, data BLOB,"
        " PRIMARY KEY (record_id, version))"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE search USING fts5(record_id UNINDEXED, body,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    return conn


def import_case(
    org: VaultSession, built: OrgCorpus, plain: sqlite3.Connection, state: dict[str, Any],
    log: Log,
) -> list[Result]:
    """Every bundle imported in arrival order, then the same rows into plain SQLite."""
    arrivals = built.arrival_order()
    groups: list[list[tuple[str, int]]] = []
    per_bundle: list[float] = []
    cpu = time.process_time()
    start = time.perf_counter()
    for n, (_laptop, path) in enumerate(arrivals, 1):
        began = time.perf_counter()
        report = org.bundles.organisation.import_bundle(path, built.identity)
        per_bundle.append(time.perf_counter() - began)
        groups.append([(v.record_id, v.version) for v in report.added])
        if n % 100 == 0 or n == len(arrivals):
            log(
                f"  import: {n}/{len(arrivals)} bundles, {time.perf_counter() - start:.0f} s,"
                f" last 100 median {statistics.median(per_bundle[-100:]):.2f} s/bundle,"
                f" load {load_now():.1f}"
            )
    elapsed = time.perf_counter() - start
    cpu_used = time.process_time() - cpu
    count = sum(len(g) for g in groups)
    # The baseline's rows are read back from the vault (untimed): exactly what it now holds.
    # The registry is filled in the same pass (also untimed): one entry per officer, and the
    # most named officer linked from ``linked`` testimonies, as the organisation's staff would.
    base_times: list[float] = []
    registry = _RegistryFill(org, built.settings.linked)
    fill_start = time.perf_counter()
    for group in groups:
        rows = []
        for record_id, version in group:
            content = org.testimonies.content_bytes(record_id, version)
            statement = org.bundles.organisation.imported_statement(record_id, version)
            testimony = interchange.loads(content)
            rows.append((record_id, version, content.decode("utf-8"), statement,
                         folding.index_text(searchable_text(testimony))))
            registry.add(record_id, testimony)
        began = time.perf_counter()
        plain.execute("BEGIN")
        plain.executemany("INSERT INTO versions VALUES (?, ?, ?)", [r[:3] for r in rows])
        plain.executemany(
            "INSERT INTO statements VALUES (?, ?, ?)", [(r[0], r[1], r[3]) for r in rows]
        )
        plain.executemany("INSERT INTO search VALUES (?, ?)", [(r[0], r[4]) for r in rows])
        plain.execute("COMMIT")
        base_times.append(time.perf_counter() - began)
    state["entry"] = registry.entries.get(0)
    state["linked"] = sorted(registry.linked)
    state["entry_names"] = registry.names
    log(
        f"  registry filled: {len(registry.entries)} entries, {len(registry.linked)} testimonies"
        f" linked to the first, {registry.links} links in {registry.seconds:.0f} s (pass"
        f" {time.perf_counter() - fill_start:.0f} s)"
    )
    base_total = sum(base_times)
    result = Result(
        "org_import",
        count / elapsed,
        "testimonies/s",
        "sqlite3 inserts of the same rows, a transaction per bundle",
        count / base_total,
        spread=(min(per_bundle), max(per_bundle)),
        baseline_spread=(min(base_times), max(base_times)),
        samples=len(per_bundle),
        note=(
            f"{count:,} testimonies in {len(arrivals):,} bundles, {elapsed:.0f} s;"
            f" spread: seconds per bundle"
        ),
        extra={
            "seconds": elapsed,
            "cpu_seconds": cpu_used,
            "bundle_median_s": statistics.median(per_bundle),
            "bundle_p95_s": p95(per_bundle),
            "baseline_seconds": base_total,
        },
    )
    log(
        f"org_import: {result.value:.0f} testimonies/s ({elapsed:.0f} s, CPU {cpu_used:.0f} s)"
        f" vs plain inserts {result.baseline_value:.0f}/s ({base_total:.1f} s)"
    )
    return [result]


class _RegistryFill:
    """Links each officer's first mention to a new entry, and officer 0's to his entry."""

    def __init__(self, org: VaultSession, linked: int) -> None:
        self.org = org
        self.wanted = linked
        self.entries: dict[int, str] = {}
        self.names: list[str] = []
        self.linked: set[str] = set()
        self.links = 0
        self.seconds = 0.0
        self.officer_of = {
            (p.name, p.unit): i
            for i in range(corpus.OFFICERS)
            for p in (corpus.officer(i, lang) for lang in corpus.LANGS)
        }

    def add(self, record_id: str, testimony: Any) -> None:
        for act_index, act in enumerate(testimony.acts):
            if not act.perpetrators:
                continue
            person = act.perpetrators[0]
            officer = self.officer_of.get((person.name, person.unit))
            if officer is None:
                continue
            path = f"acts[{act_index}].perpetrators[0]"
            start = time.perf_counter()
            if officer not in self.entries:
                link = self.org.registry.link(record_id, path, new_entry=True)
                self.entries[officer] = link.entry_id
                self.names.append(person.name)
                self.links += 1
                if officer == 0:
                    self.linked.add(record_id)
            elif officer == 0 and len(self.linked) < self.wanted and record_id not in self.linked:
                self.org.registry.link(record_id, path, self.entries[0])
                self.linked.add(record_id)
                self.links += 1
            self.seconds += time.perf_counter() - start


# -- search, list, registry ----------------------------------------------------------------------


def search_case(
    org: VaultSession, plain: sqlite3.Connection, settings: OrgSettings, log: Log
) -> list[Result]:
    """p95 of mixed queries over every testimony, ours and plain FTS5 in turn."""
    queries = corpus.queries(settings.seed, settings.queries)
    # On the session that imported every bundle, as the organisation searches after imports:
    # its statement cache is full, which is what once starved search of lookaside (issue 19).
    cpu: dict[str, list[float]] = {}
    ours, base = search_samples(org, plain, queries, cpu)
    result = Result(
        "org_search_p95",
        p95(ours) * 1000,
        "ms",
        "sqlite3 FTS5, same folded text and queries",
        p95(base) * 1000,
        spread=(statistics.median(ours) * 1000, max(ours) * 1000),
        baseline_spread=(statistics.median(base) * 1000, max(base) * 1000),
        samples=len(ours),
        target=Target("ratio", 1.5),
        note=f"p95 of {len(ours)} queries, 20 hits with snippets; spread: median–max",
        extra={
            "cpu_p95_ms": p95(cpu["ours"]) * 1000,
            "baseline_cpu_p95_ms": p95(cpu["plain"]) * 1000,
        },
    )
    log(
        f"org_search_p95: {result.value:.0f} ms vs plain {result.baseline_value:.0f} ms;"
        f" CPU {result.extra['cpu_p95_ms']:.1f} vs {result.extra['baseline_cpu_p95_ms']:.1f} ms"
    )
    return [result]


def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _list_page(org: VaultSession | None) -> tuple[Any, Any]:
    from testimony_app.ui.tasks import TaskRunner
    from testimony_app.ui.testimony_list import TestimonyListPage

    app = _app()
    runner = TaskRunner()
    page = TestimonyListPage(lambda: org, runner)
    page.resize(1024, 700)
    page.show()
    app.processEvents()
    return page, runner


def list_case(org: VaultSession, log: Log) -> list[Result]:
    """Filter and sort every testimony in the window's list (all on the GUI thread)."""
    from PySide6.QtCore import QDate, Qt

    from testimony_app.ui.testimony_table import COL_DATE, COL_PLACE, COL_WITNESS

    app = _app()
    start = time.perf_counter()
    rows = org.testimonies.list()
    listed = time.perf_counter() - start
    page, runner = _list_page(org)
    start = time.perf_counter()
    page.set_summaries(rows)
    app.processEvents()
    shown = time.perf_counter() - start
    methods = [page.method_filter.findData(m) for m in ("falanga", "electric_shock", "beating")]

    def ops() -> Iterator[tuple[str, Callable[[], None]]]:
        for index in methods:
            yield "method filter", lambda i=index: page.method_filter.setCurrentIndex(i)
        yield "date from", lambda: page.date_from.setDate(QDate(2024, 6, 1))
        ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
        yield "sort by place", lambda: page.table.sortByColumn(COL_PLACE, ascending)
        yield "sort by witness", lambda: page.table.sortByColumn(COL_WITNESS, descending)
        yield "clear filters", page.clear_filters
        yield "sort by date", lambda: page.table.sortByColumn(COL_DATE, descending)

    timings: dict[str, list[float]] = {}
    for _ in range(3):
        for name, op in ops():
            began = time.perf_counter()
            op()
            app.processEvents()
            timings.setdefault(name, []).append((time.perf_counter() - began) * 1000)
    medians = {name: statistics.median(v) for name, v in timings.items()}
    worst = max(medians, key=lambda n: medians[n])
    every = [t for v in timings.values() for t in v]
    runner.shutdown()
    page.deleteLater()
    app.processEvents()
    result = Result(
        "org_list_filter_sort_ms",
        medians[worst],
        "ms",
        None,
        None,
        spread=(min(every), max(every)),
        samples=len(every),
        target=Target("value", 50),
        note=f"{len(rows):,} rows; slowest operation's median ({worst})",
        extra={"list_ms": listed * 1000, "first_show_ms": shown * 1000,
               **{f"{k} ms": v for k, v in medians.items()}},
    )
    log(
        f"org_list: list() {listed * 1000:.0f} ms, shown {shown * 1000:.0f} ms; "
        + ", ".join(f"{k} {v:.0f} ms" for k, v in medians.items())
    )
    return [result]


def registry_case(
    org: VaultSession, plain: sqlite3.Connection, settings: OrgSettings, state: dict[str, Any],
    log: Log,
) -> list[Result]:
    """Suggestions for a new testimony; corroboration of the most linked entry."""
    new = corpus.testimony(settings.seed + 1, settings.testimonies)
    names = state["entry_names"]
    ours: list[float] = []
    for _ in range(5):
        start = time.perf_counter()
        found = org.registry.suggestions_for("new-testimony", new)
        ours.append(time.perf_counter() - start)
    base: list[float] = []
    for _ in range(3):
        start = time.perf_counter()
        for act in new.acts:
            for person in act.perpetrators:
                query = person.name.casefold()
                scored = [(difflib.SequenceMatcher(None, query, n.casefold()).ratio(), n)
                          for n in names]
                sorted(scored, reverse=True)[:5]
        base.append(time.perf_counter() - start)
    suggest = Result(
        "org_registry_suggest",
        ours[0] * 1000,
        "ms",
        "bare difflib loop over the entry names",
        statistics.median(base) * 1000,
        spread=(min(ours) * 1000, max(ours) * 1000),
        samples=len(ours),
        target=Target("value", 1000, strict=True),
        note=f"first call (index built), {len(names):,} entries; cached median"
        f" {statistics.median(ours[1:]) * 1000:.0f} ms",
    )
    shown = sum(len(f.suggestions) for f in found)
    log(f"org_registry_suggest: first {ours[0] * 1000:.0f} ms, cached"
        f" {statistics.median(ours[1:]) * 1000:.0f} ms ({shown} suggestions) vs difflib"
        f" {suggest.baseline_value:.0f} ms")
    entry = state["entry"]
    linked: list[str] = state["linked"]
    runs, base_runs = [], []
    items = 0
    for _ in range(3):
        start = time.perf_counter()
        report = org.registry.corroborate(entry)
        runs.append(time.perf_counter() - start)
        items = len(report.items)
        start = time.perf_counter()
        ids = json.dumps(linked)
        for (content,) in plain.execute(
            "SELECT content FROM versions WHERE record_id IN (SELECT value FROM json_each(?))",
            (ids,),
        ):
            json.loads(content)
        base_runs.append(time.perf_counter() - start)
    corroborate = median_result(
        "org_corroborate",
        runs,
        "ms",
        "sqlite3: the linked records' JSON read and parsed",
        base_runs,
        scale=1000,
        target=Target("value", 1000, strict=True),
        note=f"{items:,} linked testimonies",
    )
    log(f"org_corroborate: {corroborate.value:.0f} ms for {items} testimonies vs plain"
        f" {corroborate.baseline_value:.0f} ms")
    return [suggest, corroborate]


# -- check, unlock, footprint ----------------------------------------------------------------------


def check_case(org: VaultSession, log: Log) -> list[Result]:
    """``check`` against SQLCipher's and SQLite's own checks of the same file, in turn."""
    conn = org._vault.db.conn  # the baseline runs on the very same connection
    ours, base = [], []
    problems: tuple[str, ...] = ()
    for _ in range(2):
        start = time.perf_counter()
        problems = org.check().problems
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        conn.execute("PRAGMA cipher_integrity_check").fetchall()
        conn.execute("PRAGMA integrity_check").fetchall()
        base.append(time.perf_counter() - start)
    result = median_result(
        "org_check",
        ours,
        "s",
        "PRAGMA cipher_integrity_check + integrity_check, same file",
        base,
        target=Target("ratio", 1.5),
    )
    log(f"org_check: {result.value:.1f} s vs {result.baseline_value:.1f} s"
        f" ({len(problems)} problems)")
    assert not problems, problems
    return [result]


def _wait(app: Any, page: Any, *, whole: bool, timeout: float = 300.0) -> None:
    """Run the GUI's events until the list page shows rows (``whole``: the whole list),
    sleeping a millisecond between rounds so the worker thread is not kept from the
    interpreter by a busy loop."""
    deadline = time.monotonic() + timeout
    while page.loading if whole else page.model.rowCount() == 0:
        if time.monotonic() > deadline:
            raise TimeoutError("the list page did not show the list")
        app.processEvents()
        time.sleep(0.001)


def unlock_case(path: Path, log: Log) -> list[Result]:
    """From the passphrase to the list shown in the window, against the KDF alone.

    The window's own flow after an unlock: the list page's ``refresh()`` reads the first
    screenful on the worker and shows it (the count saying the list is loading), then the
    whole list. "Shown" is the first paint of rows; the whole list's arrival is reported too.
    """
    from testimony_app.crypto import kdf, keyslots

    app = _app()
    slot = keyslots.read_slot(path / "vault.keys")
    total, derive, whole = [], [], []
    rows = 0
    for _ in range(3):
        start = time.perf_counter()
        session = unlock_vault(path, PASSPHRASE)
        page, runner = _list_page(session)
        page.refresh()
        _wait(app, page, whole=False)
        app.processEvents()  # paint the rows
        total.append(time.perf_counter() - start)
        _wait(app, page, whole=True)
        app.processEvents()
        whole.append(time.perf_counter() - start)
        rows = page.model.rowCount()
        runner.shutdown()
        page.deleteLater()
        app.processEvents()
        session.lock()
        start = time.perf_counter()
        kdf.wipe(kdf.derive_key(PASSPHRASE, slot.params))
        derive.append(time.perf_counter() - start)
    beyond = [t - d for t, d in zip(total, derive, strict=True)]
    result = median_result(
        "org_unlock_to_list_beyond_kdf",
        beyond,
        "ms",
        None,
        (),
        scale=1000,
        target=Target("value", 1000),
        note=f"{rows:,} rows; first screenful shown, whole unlock"
        f" {statistics.median(total) * 1000:.0f} ms, KDF {statistics.median(derive) * 1000:.0f}"
        f" ms; the whole list shown {statistics.median(whole) * 1000:.0f} ms after the start",
    )
    log(f"org_unlock: {result.value:.0f} ms beyond the KDF ({result.note})")
    return [result]


_MEMORY = """
import sys, pathlib, json
from testimony_app.services.vault import unlock_vault

def status(key):
    for line in open('/proc/self/status'):
        if line.startswith(key):
            return int(line.split()[1]) / 1024
session = unlock_vault(pathlib.Path(sys.argv[1]), sys.argv[2])
rows = session.testimonies.list()
listed = status('VmHWM:')
session.testimonies.search('Məmmədov')
session.registry.candidate_index()
print(json.dumps({"listed": listed, "peak": status('VmHWM:'), "rss": status('VmRSS:')}))
session.lock()
"""


def footprint_case(path: Path, built: OrgCorpus, log: Log) -> list[Result]:
    """Bytes on disk per testimony, and a fresh process's memory with the list loaded."""
    sizes: dict[str, int] = {}
    for item in path.rglob("*"):
        if item.is_file():
            key = item.name if item.parent == path else item.relative_to(path).parts[0]
            sizes[key] = sizes.get(key, 0) + item.stat().st_size
    total = sum(sizes.values())
    count = built.settings.testimonies
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY, str(path), PASSPHRASE],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()[-1]
    memory = json.loads(out)
    log(f"org footprint: {total / 2**20:,.0f} MiB on disk ({total / count / 1024:.1f} KiB a"
        f" testimony; {sizes}); memory after list {memory['listed']:.0f} MiB, peak"
        f" {memory['peak']:.0f} MiB")
    return [
        Result(
            "org_disk_mib",
            total / 2**20,
            "MiB",
            None,
            None,
            note=f"{count:,} testimonies, {total / count / 1024:.1f} KiB each; bundles received"
            f" {built.info['bundle_bytes'] / 2**20:,.0f} MiB",
            extra={k: v / 2**20 for k, v in sizes.items()},
        ),
        Result(
            "org_memory_mib",
            memory["peak"],
            "MiB",
            None,
            None,
            note="fresh process: unlock, list, one search, registry index (peak RSS)",
            extra={"after_list": memory["listed"], "rss_end": memory["rss"]},
        ),
    ]
