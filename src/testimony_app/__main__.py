"""Entry point of the ``testimony-app`` console script.

With a sub-command it runs the command line; with none it opens the desktop application.
"""

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the command line or the GUI and return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    from testimony_app import cli

    if cli.wants_cli(args):
        return cli.main(args)
    from testimony_app import app

    return app.run(args)


if __name__ == "__main__":
    sys.exit(main())
