"""Start the desktop application: harden the process, build the window, run the event loop.

``testimony-app`` alone opens the default vault (``AppPaths.default().default_vault``) and
offers to create it on first run. ``--vault DIR`` opens another one; ``--demo-passphrase TEXT``
shows that passphrase on the unlock page, for the demo vault only (``make demo``), so that a
newcomer gets in at once. Any other arguments are left for Qt (``-platform``, ``-style`` …).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import MutableMapping, Sequence
from pathlib import Path

from testimony_app import APP_ID, APP_NAME, __version__, crash, paths, words

#: Qt messages that tell a user nothing to act on. Loading QtMultimedia (at import, before any
#: audio is asked for) looks for the optional PipeWire library and falls back to PulseAudio,
#: printing two warnings on every start of a machine without it. Messages from real audio use
#: ("no audio device", a failed connection) are kept.
QUIET_QT_RULES = ("qt.multimedia.symbolsresolver.warning=false",)


def quiet_qt_logging(environ: MutableMapping[str, str] = os.environ) -> None:
    """Add :data:`QUIET_QT_RULES` to ``QT_LOGGING_RULES``, keeping any rules already there.

    It must run before PySide6's QtMultimedia is first imported: Qt reads the variable once.
    """
    rules = [rule for rule in environ.get("QT_LOGGING_RULES", "").split(";") if rule.strip()]
    rules += [rule for rule in QUIET_QT_RULES if rule not in rules]
    environ["QT_LOGGING_RULES"] = ";".join(rules)


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt."""
    # Before the window exists, the environment says the language (LANG and the like).
    lang = words.language_from_environment()

    def said(code: str) -> str:
        return words.text(words.Message(code), lang)

    parser = argparse.ArgumentParser(prog="testimony-app", description=said("app.help.description"))
    parser.add_argument("--vault", type=Path, help=said("app.help.vault"))
    parser.add_argument("--demo-passphrase", metavar="TEXT",
                        help=said("app.help.demo_passphrase"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_known_args(list(argv))


def run(argv: Sequence[str]) -> int:
    """Run the GUI; return the exit status."""
    args, qt_args = parse_args(argv)
    paths.harden_process()
    # A bug from here on is a report on disk and a sentence (a message box once the window is).
    crash.install()
    quiet_qt_logging()

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from testimony_app.ui.crash_notice import CrashNotice
    from testimony_app.ui.main_window import MainWindow
    from testimony_app.ui.shell.termination import install_termination_handler

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([sys.argv[0] if sys.argv else "testimony-app", *qt_args])
    # Closing the window locks and quits; no tray icon keeps a vault open in the background.
    app.setQuitOnLastWindowClosed(True)

    vault = args.vault if args.vault is not None else paths.AppPaths.default().default_vault
    vault = vault.expanduser().absolute()
    paths.ensure_private_dir(vault.parent)
    # The unlock page first; the rest of the window right after its first paint (issue 19).
    window = MainWindow(vault, demo_passphrase=args.demo_passphrase, defer_pages=True)
    crash.set_notifier(CrashNotice(window).notify)
    # Logout, shutdown and kill (SIGTERM), a closed terminal (SIGHUP), Ctrl+C: save and lock.
    install_termination_handler(window.terminate, window)
    window.show()
    return int(app.exec())


def main() -> int:
    """Entry point for ``python -m testimony_app.app``."""
    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
