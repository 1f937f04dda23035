"""Workarounds for bugs in the Qt bindings that would otherwise crash the program.

PySide6 6.12.0 on Python 3.11 drops references to the singletons ``None`` and ``True``:

* every time C++ hands Python an *invalid* ``QVariant`` (``index.data(role)`` for a role nobody
  set, ``combo.itemData(i)`` for an item without data, a proxy's ``headerData``), and every
  ``QTest`` key event, ``None`` loses one reference;
* every emission of a Python-declared ``Signal(bool)`` carrying ``True`` to a Python slot makes
  ``True`` lose one.

The bindings return the singleton without ``Py_INCREF``. ``None`` starts with a few thousand
references and ``True`` with a few hundred, so after that many such calls the interpreter
aborts ("Fatal Python error: none_dealloc" / "bool_dealloc"). In an interview that is a crash
in the middle of a sentence. Measured here: 1,000 ``QStandardItem`` ``data(unused_role)`` calls
take exactly 1,000 references from ``None``; 500 ``Signal(bool).emit(True)`` take 500 from
``True``, and abort the process.

Python 3.12 made these singletons immortal (their count is never changed), which makes the bug
harmless. On older interpreters :func:`immortalize_singletons` does the same by hand: it adds
2**40 references to each, so the leak would need about a trillion calls to matter. The
singletons are never freed anyway, so the extra count changes nothing else. Remove this when
the bindings are fixed or Python ≥ 3.12 is the minimum.
"""

from __future__ import annotations

import sys

_BOOST = 1 << 40
_done = False


def immortalize_singletons() -> bool:
    """Give ``None``, ``True`` and ``False`` huge reference counts on CPython < 3.12.

    Returns True if it did (False on Python ≥ 3.12, other interpreters, or a second call).
    """
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    import ctypes

    for singleton in (None, True, False):
        # ob_refcnt is the first field of every PyObject (a Py_ssize_t) in CPython builds.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value != sys.getrefcount(singleton) - 1:  # not the layout expected: stop
            return False
        count.value += _BOOST
    _done = True
    return True
