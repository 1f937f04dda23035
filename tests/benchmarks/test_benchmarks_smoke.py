"""``python -m benchmarks --quick`` runs every case and writes the documented JSON.

A smoke test only: no speed thresholds here (they live in ``benchmarks/`` as ratios).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = {
    "add_throughput",
    "search_p95",
    "unlock",
    "gui_stall_ms",
    "gui_stall_autosave_backup_ms",
    "export_peak_rss_mb",
}


@pytest.mark.slow
def test_quick_benchmarks_write_every_case(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--output", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    names = {r["name"] for r in results}
    assert names >= EXPECTED
    assert any(n.startswith("pdf_") for n in names)
    assert any(n.startswith("export_") and n != "export_peak_rss_mb" for n in names)
    assert any(n.startswith("import_") for n in names)
    for r in results:
        assert set(r) == {"name", "value", "unit", "baseline", "baseline_value", "ratio"}
        assert r["value"] > 0
        if r["baseline_value"] is not None:
            assert r["ratio"] == pytest.approx(r["value"] / r["baseline_value"], rel=0.01)
    assert "search_p95" in proc.stdout
