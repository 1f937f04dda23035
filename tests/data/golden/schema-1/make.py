"""How the schema-1 golden vault was made, with the code at commit a45536b (schema 1).

Run from a worktree of that commit: ``PYTHONPATH=src python make.py DEST``. The passphrase is
``golden-schema-1 passphrase``; the record ids printed are those the migration test expects.
"""

import pathlib
import sys

from testimony_app.domain.interchange import from_dict
from testimony_app.services.vault import create_vault

dest = pathlib.Path(sys.argv[1])
s = create_vault(dest, "golden-schema-1 passphrase", kdf="test")
a = s.testimonies.create(
    from_dict(
        {
            "title": "[FICTIONAL] Golden schema 1, sealed",
            "fictional": True,
            "witness": {"name": "Rəşad Qəhrəmanlı", "pseudonym": "G-1"},
            "interview": {
                "date": "2024-05-14",
                "place": "Tərtər",
                "language": "az",
                "interviewer": "Aynur Həsənli",
            },
            "consent": {
                "legal_proceedings": True,
                "name_may_appear": False,
                "informed_of_purpose": True,
                "no_coercion_confirmed": True,
            },
            "narrative": (
                "Məni hərbi hissənin zirzəmisində saxladılar.\n\nДубинками били по ступням."
            ),
            "acts": [
                {
                    "date": "2017-03-02",
                    "methods": ["falanga"],
                    "perpetrators": [{"name": "Kapitan Ə.", "unit": "N-saylı hərbi hissə"}],
                }
            ],
        }
    )
)
photo = dest.parent / "photo.bin"
photo.write_bytes(bytes(range(256)) * 40)
s.testimonies.add_attachment(a, photo)
s.testimonies.seal(a, backup=False)
b = s.testimonies.create(
    from_dict(
        {
            "title": "[FICTIONAL] Golden schema 1, draft",
            "fictional": True,
            "witness": {"name": "Иван Петров", "pseudonym": "G-2"},
            "interview": {"date": "2024-06-01", "place": "Bərdə", "language": "ru"},
            "narrative": "Меня задержали ночью. Ёлка.",
        }
    )
)
s.lock()
print(a)
print(b)
