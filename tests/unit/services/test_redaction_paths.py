"""Every way a witness's name could leave the laptop, for a witness whose name may not appear:
the redacted statement, the bundle (record, statement, custody log, manifest) and the receipt
that comes back. Each is read as bytes and as text; none holds any form of the name, the
initials, the phone number or the date of birth, however the account wrote them."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from testimony_app.domain import model
from testimony_app.services import organisation
from testkit import bundle_support as S  # noqa: N812 (S: used on every other line)

NAME = "Kamran Hüseynbəyli"
FORMS = ["Kamran", "Hüseynbəyli", "Камран", "Гусейнбейли", "Huseynbeyli", "K. H.", "K.H.",
         "Kamran H.", "0551234567", "1988-07-03", "3 iyul 1988", "کامران"]


def _witness() -> model.Testimony:
    t = S.azerbaijani("paths", name_may_appear=False)
    t.witness.name = NAME
    t.witness.pseudonym = "Şahid K-7"
    t.witness.contact = "+994 55 123 45 67"
    t.witness.date_of_birth = "1988-07-03"
    t.title = "Kamran H. — hərbi hissə, 2017"
    t.narrative.text = (
        "Kamran Hüseynbəyli 3 iyul 1988-ci ildə anadan olub. K. H. protokolda yazılıb, "
        "K.H. də. Telefonu 0551234567 idi.\n\nКамрана Гусейнбейли допрашивали.\n\n"
        "Huseynbeyli was beaten. کامران حسین‌بیلی")
    return t


def _texts(data: bytes) -> str:
    if data.startswith(b"%PDF"):
        reader = pypdf.PdfReader(io.BytesIO(data))
        meta = " ".join(str(v) for v in (reader.metadata or {}).values())
        return meta + " " + " ".join(p.extract_text() or "" for p in reader.pages)
    return data.decode("utf-8", errors="replace")


def _assert_clean(where: str, data: bytes) -> None:
    text = " ".join(_texts(data).split())
    for form in FORMS:
        assert form not in text, (where, form)
        assert form.encode("utf-8") not in data, (where, form)


@pytest.mark.slow
def test_no_output_of_a_witness_whose_name_may_not_appear_holds_it(tmp_path: Path) -> None:
    org = S.org_keys(tmp_path)
    device = S.new_vault(tmp_path / "device")
    org_vault = S.new_vault(tmp_path / "org-vault")
    try:
        S.enrol(device, org)
        S.register(org_vault, device)
        record_id = S.sealed(device, _witness())
        full = " ".join(_texts(device.statements.build(record_id, language="az")).split())
        assert NAME in full  # the check below can fail: the forms are in the record
        assert "K. H." in full
        # The redacted statement, in each language.
        for language in ("az", "ru", "en"):
            _assert_clean(f"statement-{language}",
                          device.statements.build(record_id, language=language, redacted=True))
        # The bundle: every member.
        report = device.bundles.export(tmp_path / "b.age")
        out = S.extract(org.paths[0], report.path, tmp_path / "x")
        members = [p for p in out.rglob("*") if p.is_file()]
        assert any(p.name == "statement.pdf" for p in members)
        for path in members:
            _assert_clean(str(path.relative_to(out)), path.read_bytes())
        # The receipt the organisation sends back.
        organisation.import_bundle(org_vault, report.path, org.paths[0])
        receipt = organisation.receipt(org_vault, report.path, org.paths[0], org.paths[1],
                                       tmp_path / "r.txt")
        _assert_clean("receipt", receipt.read_bytes())
    finally:
        device.lock()
        org_vault.lock()
