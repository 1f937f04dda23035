"""``python -m benchmarks``: run the cases, print a table, write ``results.json`` and
``results.md``.

* ``python -m benchmarks``: the laptop's cases (search, unlock, PDF, export and import of a
  GiB quiet and with the second core busy, GUI stalls, start-up, registry);
* ``python -m benchmarks --org``: the organisation's cases (100,000 testimonies from 2,000
  bundles; the corpus is built once and cached, see ``benchmarks/org_corpus.py``);
* ``python -m benchmarks --all``: both, in one go: the full run for ``docs/performance.md``;
* ``--quick``: small sizes, a smoke test (the test suite runs ``--quick --all``).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from benchmarks import cases, gui_cases, laptop_bundles
from benchmarks.org_cases import run_org
from benchmarks.org_corpus import ORG_FULL, ORG_QUICK
from benchmarks.results import Result, load_now, markdown, with_load

RESULTS = Path(__file__).with_name("results.json")

Case = Callable[[cases.Settings, Path, Callable[[str], None]], list[Result]]
LAPTOP: list[Case] = [
    cases.search_and_add,
    cases.unlock,
    cases.pdf,
    laptop_bundles.bundles,
    gui_cases.gui_stall,
    gui_cases.startup,
    cases.registry_suggest,
]


def run_laptop(settings: cases.Settings, root: Path, log: Callable[[str], None]) -> list[Result]:
    """Every laptop case, each in its own folder under ``root``."""
    results: list[Result] = []
    for case in LAPTOP:
        work = root / case.__name__
        work.mkdir()
        start = load_now()
        results += with_load(case(settings, work, log), start, load_now())
    return results


def _org_size(text: str) -> tuple[int, int, int]:
    """``50x40x50`` → (50, 40, 50): a smaller organisation for a run on a loaded machine."""
    try:
        laptops, per_laptop, per_bundle = (int(n) for n in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("expected three numbers, as in 10x10x50") from None
    if min(laptops, per_laptop, per_bundle) < 1:
        raise argparse.ArgumentTypeError("every number must be at least 1")
    return laptops, per_laptop, per_bundle


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; return 0."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--org", action="store_true", help="the organisation's cases only")
    which.add_argument("--all", action="store_true", help="laptop and organisation cases")
    parser.add_argument("--output", type=Path, default=RESULTS,
                        help="results.json (results.md is written beside it)")
    parser.add_argument("--jobs", type=int, default=3,
                        help="processes that build the organisation's corpus (once)")
    parser.add_argument("--rebuild-corpus", action="store_true",
                        help="build the organisation's corpus again even if it is cached")
    parser.add_argument("--org-size", type=_org_size, default=None, metavar="LxBxT",
                        help="the organisation's corpus as laptops x bundles per laptop x"
                        " testimonies per bundle (default 50x40x50, --quick 3x2x10)")
    args = parser.parse_args(argv)

    def log(line: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')} load {load_now():.1f}] {line}", file=sys.stderr,
              flush=True)

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    loads = [load_now()]
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="testimony-bench-") as tmp:
        root = Path(tmp)
        if not args.org:
            results += run_laptop(cases.QUICK if args.quick else cases.FULL, root, log)
            loads.append(load_now())
        if args.org or args.all:
            org_work = root / "org"
            org_work.mkdir()
            org = ORG_QUICK if args.quick else ORG_FULL
            if args.org_size is not None:
                laptops, per_laptop, per_bundle = args.org_size
                org = replace(org, laptops=laptops, bundles_per_laptop=per_laptop,
                              per_bundle=per_bundle)
                # One testimony in fifty linked to the most named officer, as in the full run.
                org = replace(org, linked=max(1, org.testimonies // 50))
            results += run_org(org, org_work, log, jobs=args.jobs, rebuild=args.rebuild_corpus)
            loads.append(load_now())
    print(f"{'case':<32}{'ours':>12} {'unit':<14}{'baseline':>12}  {'ratio':>7}  met")
    for r in results:
        base = "—" if r.baseline_value is None else f"{r.baseline_value:.2f}"
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}"
        met = {True: "yes", False: "NO", None: ""}[r.met]
        print(f"{r.name:<32}{r.value:>12.2f} {r.unit:<14}{base:>12}  {ratio:>7}  {met}")
    run = {
        "started": started,
        "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "mode": "quick" if args.quick else "full",
        "cases": "all" if args.all else "org" if args.org else "laptop",
        "machine": f"{platform.machine()}, {platform.system()} {platform.release()},"
        f" Python {platform.python_version()}",
        "load_min_max": [min(loads + [lo for r in results if r.load for lo in r.load]),
                         max(loads + [lo for r in results if r.load for lo in r.load])],
    }
    args.output.write_text(
        json.dumps({"run": run, "results": [r.as_dict() for r in results]}, indent=2) + "\n",
        encoding="utf-8",
    )
    header = (
        f"## Results ({run['mode']} run of `python -m benchmarks"
        f"{' --all' if args.all else ' --org' if args.org else ''}`, {started}; load"
        f" {run['load_min_max'][0]:.1f}–{run['load_min_max'][1]:.1f} on {run['machine']})"
    )
    args.output.with_suffix(".md").write_text(markdown(results, header), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
