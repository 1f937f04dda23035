"""Write the AppStream metainfo for a build, adding the address and screenshots when known.

AppStream wants screenshots as absolute web addresses, and a software centre fetches them.
The source file in this folder therefore carries neither: inventing an address would publish
a link that leads nowhere (or somewhere we do not control). When the place where the project
is published is known, pass it (``--public-url`` or ``TESTIMONY_PUBLIC_URL``, e.g. the raw
file address of the release tag) and this script adds ``<url type="homepage">`` and one
``<screenshot>`` for each of ``docs/screenshots/*.png`` that exists, in the order below.

Usage::

    python packaging/linux/metainfo.py -o build/deb/.../org.testimony.TestimonyApp.metainfo.xml
"""

from __future__ import annotations

import argparse
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = HERE / "org.testimony.TestimonyApp.metainfo.xml"

# (file in docs/screenshots, caption) — the first that exists is the default screenshot.
SCREENSHOTS = (
    ("list.png", "The list of testimonies"),
    ("editor-consent.png", "Recording the witness's consent before the interview"),
    ("editor-narrative.png", "The witness's account in their own words"),
    ("statement-page1.png", "The first page of a statement ready for signing"),
    ("unlock.png", "Unlocking the encrypted vault"),
)


def render(public_url: str | None, homepage: str | None = None) -> bytes:
    """The metainfo XML, with address and existing screenshots when ``public_url`` is set."""
    tree = ET.parse(SOURCE)  # noqa: S314 — our own file from the repository, not input
    component = tree.getroot()
    if public_url:
        base = public_url.rstrip("/")
        url = ET.Element("url", {"type": "homepage"})
        url.text = homepage or base
        shots = ET.Element("screenshots")
        for name, caption in SCREENSHOTS:
            if not (ROOT / "docs" / "screenshots" / name).is_file():
                continue
            shot = ET.SubElement(shots, "screenshot")
            if len(shots) == 1:
                shot.set("type", "default")
            ET.SubElement(shot, "caption").text = caption
            ET.SubElement(shot, "image").text = f"{base}/docs/screenshots/{name}"
        anchor = list(component).index(component.find("content_rating"))
        component.insert(anchor, url)
        if len(shots):
            component.insert(anchor + 1, shots)
    ET.indent(tree, space="  ")
    return ET.tostring(component, encoding="utf-8", xml_declaration=True) + b"\n"


def main(argv: list[str] | None = None) -> int:
    """Write the metainfo file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--public-url", default=os.environ.get("TESTIMONY_PUBLIC_URL"))
    parser.add_argument("--homepage", default=os.environ.get("TESTIMONY_HOMEPAGE"))
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(render(args.public_url, args.homepage))
    return 0


if __name__ == "__main__":
    sys.exit(main())
