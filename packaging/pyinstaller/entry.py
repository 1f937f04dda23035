"""Entry point of the frozen application (PyInstaller builds start here).

The installed program must be able to prove that it works on the machine where it was
installed, without Python tooling: ``testimony-app --self-test`` runs the end-to-end check in
:mod:`testimony_app.services.selftest` and exits 0 or 1. It is handled here, before the
normal command line, so that every frozen build carries it whatever ``__main__`` does;
everything else goes to :func:`testimony_app.__main__.main` unchanged.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the self-test when asked, else the application; return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--self-test"]:
        from testimony_app.paths import harden_process
        from testimony_app.services.selftest import run_self_test

        harden_process()  # private files, no core dumps: the same as a real session
        return run_self_test()
    from testimony_app.__main__ import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
