"""Testimony: offline, encrypted documentation of torture and arbitrary detention."""

APP_NAME = "Testimony"
APP_ID = "org.testimony.TestimonyApp"

#: Equal to ``project.version`` in pyproject.toml (tests/packaging/test_version.py checks it).
#: A literal, not ``importlib.metadata.version``: that import alone costs a tenth of a second
#: at every start, and ``--version`` must answer at once.
__version__ = "0.1.0"
