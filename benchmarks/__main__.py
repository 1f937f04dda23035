"""``python -m benchmarks [--quick]``: run every case, print a table, write results.json."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.cases import FULL, QUICK, run_all

RESULTS = Path(__file__).with_name("results.json")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; return 0."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    results = run_all(settings, lambda line: print(line, file=sys.stderr, flush=True))
    print(f"{'case':<22}{'ours':>12} {'unit':<10}{'baseline':>12}  {'ratio':>7}  baseline")
    for r in results:
        base = "—" if r.baseline_value is None else f"{r.baseline_value:.2f}"
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}"
        print(
            f"{r.name:<22}{r.value:>12.2f} {r.unit:<10}{base:>12}  {ratio:>7}  {r.baseline or ''}"
        )
    args.output.write_text(
        json.dumps([r.as_dict() for r in results], indent=2) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
