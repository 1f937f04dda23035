"""Entry point of the ``testimony-app`` console script.

With a sub-command it runs the command line; with none it opens the desktop application.
"""

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the command line or the GUI and return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--self-test"]:
        # Checks a frozen or installed build end to end without any window or real data.
        from testimony_app.services.selftest import run_self_test

        return run_self_test()
    from testimony_app import cli

    if cli.wants_cli(args):
        return cli.main(args)
    from testimony_app import app

    return app.run(args)


if __name__ == "__main__":
    sys.exit(main())
