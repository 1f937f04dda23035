"""The crash handler: a bug becomes a report on disk and one calm sentence, never a traceback.

``docs/style.md``: anything that is not a :class:`~testimony_app.errors.UserFacingError` is a
bug, and goes here. What the report holds is chosen for a program that carries testimony:

* the exception's *type*, and the file, line and function of every frame (package-relative
  paths, so a home folder's name, which may be a person's, is not written);
* for an ``OSError`` its errno, for an SQLite error its result-code name: numbers and
  constants, never text;
* **never** the exception's message, nor any local variable, argument or field value: a
  message such as ``ValueError(f"bad date {text}")`` or a ``UnicodeDecodeError``'s bytes can
  quote a witness.

Reports are written atomically, 0600, into the per-user state folder (0700), and the user is
told where: the window shows a message box (:mod:`testimony_app.ui.crash_notice`), the command
line prints one sentence. ``faulthandler`` covers what Python cannot catch (a crash inside Qt
or SQLCipher): it writes only file names, lines and function names, into ``faults.log`` there.

``TESTIMONY_DEBUG=1`` also prints the full traceback, message included, for developers.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime
import faulthandler
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

import platformdirs

from testimony_app import APP_NAME, __version__, words
from testimony_app.paths import FILE_MODE, atomic_write, ensure_private_dir
from testimony_app.words import Message

Notifier = Callable[[Path], None]

_notifier: Notifier | None = None
_fault_file: IO[str] | None = None
_lock = threading.Lock()


def reports_dir() -> Path:
    """Where crash reports go: the platform's per-user state folder (0700)."""
    base = Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
    return ensure_private_dir(base / "crash-reports")


def _short(filename: str) -> str:
    """A frame's file without the machine's own folders: ``testimony_app/ui/editor.py``,
    ``PySide6/__init__.py``, ``python/threading.py``."""
    path = Path(filename)
    parts = path.parts
    for anchor in ("testimony_app", "site-packages", "dist-packages"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            start = index if anchor == "testimony_app" else index + 1
            return "/".join(parts[start:])
    for prefix in {sys.base_prefix, sys.prefix}:
        with contextlib.suppress(ValueError):
            return "python/" + "/".join(path.relative_to(prefix).parts[2:] or (path.name,))
    return path.name


def _codes(exc: BaseException) -> str:
    """Numbers and constant names that help without quoting anything."""
    found = []
    if isinstance(exc, OSError) and isinstance(exc.errno, int):
        found.append(f"errno {exc.errno}")
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str) and name.isidentifier():
        found.append(name)
    return f" ({', '.join(found)})" if found else ""


def _describe(exc: BaseException, tb: TracebackType | None) -> list[str]:
    kind = type(exc)
    lines = [f"{kind.__module__}.{kind.__qualname__}{_codes(exc)}"]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
    return lines


def format_report(
    exc: BaseException, tb: TracebackType | None = None, *, thread: str | None = None
) -> str:
    """The report's text: where the program was, never what it was holding (module doc)."""
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    qt = sys.modules.get("PySide6")
    lines = [
        "Testimony crash report",
        "(no testimony content: exception types and code locations only)",
        f"version: {__version__}",
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        f"system: {platform.system()} {platform.release()} {platform.machine()}",
        f"qt: {getattr(qt, '__version__', 'not loaded')}",
        f"time: {now}",
        f"thread: {thread or threading.current_thread().name}",
        "",
        "exception (message withheld: it may quote testimony):",
    ]
    lines += _describe(exc, tb if tb is not None else exc.__traceback__)
    seen = {id(exc)}
    link = exc
    while True:
        cause = link.__cause__ or (None if link.__suppress_context__ else link.__context__)
        if cause is None or id(cause) in seen:
            break
        seen.add(id(cause))
        lines += ["", "while handling, or caused by:"]
        lines += _describe(cause, cause.__traceback__)
        link = cause
    return "\n".join(lines) + "\n"


def write_report(text: str) -> Path:
    """Write a report (atomic, 0600) and return its path."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    folder = reports_dir()
    path = folder / f"crash-{stamp}-{os.getpid()}.txt"
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"crash-{stamp}-{os.getpid()}-{counter}.txt"
    atomic_write(path, text.encode("utf-8"), FILE_MODE)
    return path


def report(exc: BaseException, tb: TracebackType | None = None, *,
           thread: str | None = None) -> Path | None:
    """Write the report for ``exc``; None if even that failed (the disk is full …)."""
    try:
        return write_report(format_report(exc, tb, thread=thread))
    except Exception:  # noqa: BLE001 -- the crash handler must never raise itself
        return None


def tell_stderr(path: Path | None) -> None:
    """The command line's notice: one sentence, in the language the program speaks."""
    notice = Message("cli.crash_with_report", path=str(path)) if path else Message("cli.crash")
    sys.stderr.write(f"testimony-app: {words.text(notice)}\n")


def _notify(path: Path | None) -> None:
    notifier = _notifier
    if notifier is None or path is None:
        tell_stderr(path)
        return
    try:
        notifier(path)
    except Exception:  # noqa: BLE001 -- fall back to the plainest channel
        tell_stderr(path)


def _excepthook(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if os.environ.get("TESTIMONY_DEBUG"):
        sys.__excepthook__(kind, exc, tb)
    with _lock:
        path = report(exc, tb)
    _notify(path)


def _threading_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    if os.environ.get("TESTIMONY_DEBUG"):
        threading.__excepthook__(args)
    name = args.thread.name if args.thread is not None else None
    with _lock:
        path = report(args.exc_value, args.exc_traceback, thread=name)
    _notify(path)


def set_notifier(notifier: Notifier | None) -> None:
    """How the user is told (the window's message box); None: one sentence on stderr."""
    global _notifier
    _notifier = notifier


def install(notifier: Notifier | None = None) -> None:
    """Route uncaught exceptions (any thread) and fatal signals to reports."""
    global _fault_file
    set_notifier(notifier)
    sys.excepthook = _excepthook
    threading.excepthook = _threading_excepthook
    if _fault_file is None:
        try:
            path = reports_dir() / "faults.log"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
            os.chmod(path, FILE_MODE)
            _fault_file = os.fdopen(fd, "a", encoding="utf-8")
            faulthandler.enable(file=_fault_file, all_threads=True)
            atexit.register(_close_fault_file)
        except OSError:
            faulthandler.enable(all_threads=True)  # stderr, rather than nothing


def _close_fault_file() -> None:
    """At a normal exit: stop the fault handler before its file closes."""
    global _fault_file
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None
