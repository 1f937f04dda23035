"""Makes ``reports_samples`` (the fictional testimonies of these tests) and ``pdf_checks``
(the layout guard and Preflight) importable.

The suite runs with ``--import-mode=importlib``, which does not put test folders on
``sys.path``; like ``tests/unit/conftest.py`` does for the vault kit, the helper modules are
loaded by path, once, before the test modules of this folder are collected.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

for _name in ("reports_samples", "pdf_checks"):
    if _name not in sys.modules:
        _spec = importlib.util.spec_from_file_location(
            _name, Path(__file__).with_name(f"{_name}.py"))
        assert _spec is not None
        assert _spec.loader is not None
        _module = importlib.util.module_from_spec(_spec)
        sys.modules[_name] = _module
        _spec.loader.exec_module(_module)
