"""``python -m benchmarks --quick --all`` runs every case and writes the documented files.

A smoke test only: no speed thresholds here (they live in ``benchmarks/`` as ratios and
targets, judged by the person who runs the benchmark, see ``docs/performance.md``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAPTOP = {
    "add_throughput",
    "search_p95",
    "unlock",
    "gui_stall_ms",
    "gui_stall_autosave_backup_ms",
    "startup_to_window",
    "registry_suggest",
    "registry_after_save",
    "export_peak_rss_mb",
}
ORG = {
    "org_import",
    "org_search_p95",
    "org_list_filter_sort_ms",
    "org_registry_suggest",
    "org_corroborate",
    "org_check",
    "org_unlock_to_list_beyond_kdf",
    "org_disk_mib",
    "org_memory_mib",
}
KEYS = {
    "name", "value", "unit", "baseline", "baseline_value", "ratio", "spread",
    "baseline_spread", "samples", "load", "target", "met", "note", "extra",
}


@pytest.mark.slow
def test_quick_benchmarks_write_every_case(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        TESTIMONY_BENCH_CACHE=str(tmp_path / "cache"),  # the organisation's corpus, built here
    )
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--all", "--jobs", "1",
         "--output", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["run"]["mode"] == "quick"
    low, high = written["run"]["load_min_max"]
    assert 0 <= low <= high
    results = written["results"]
    names = {r["name"] for r in results}
    assert names >= LAPTOP | ORG
    assert any(n.startswith("pdf_") for n in names)
    for kind in ("export", "import"):
        quiet = [n for n in names if re.fullmatch(rf"{kind}_\d+(mb|gb)", n)]
        assert quiet, names
        if len(os.sched_getaffinity(0)) > 1:
            assert f"{quiet[0]}_busy" in names  # the same case with the second core busy
    for r in results:
        assert set(r) == KEYS
        assert r["value"] > 0, r
        assert r["load"] is not None
        assert len(r["load"]) == 2
        if r["baseline_value"] is not None:
            assert r["ratio"] == pytest.approx(r["value"] / r["baseline_value"], rel=0.01)
        if r["target"] is not None:
            assert isinstance(r["met"], bool)
    search = next(r for r in results if r["name"] == "org_search_p95")
    assert search["extra"]["cpu_p95_ms"] > 0  # CPU time too: load on the machine inflates wall
    assert search["extra"]["baseline_cpu_p95_ms"] > 0
    table = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "| `org_search_p95`" in table
    assert "load" in table
    assert "search_p95" in proc.stdout
    assert "org_check" in proc.stdout
