"""Testimony: offline, encrypted documentation of torture and arbitrary detention."""

from importlib import metadata

APP_NAME = "Testimony"
APP_ID = "org.testimony.TestimonyApp"

try:
    __version__ = metadata.version("testimony-app")
except metadata.PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"
