"""The helpers every part of the test suite shares: one package, imported like any other.

``pyproject.toml`` puts ``tests/`` on ``sys.path`` for pytest (``pythonpath``) and for mypy
(``mypy_path``), so a test writes ``from testkit import vault_kit`` whatever folder it is in.
Everything here is real: real vaults (cheap Argon2 only), real keys, real age and tar, real
PDFs read back. Nothing is mocked, and nothing here is a test.

- :mod:`testkit.vault_kit` — sample testimonies, the test passphrase, byte flips, and the child
  process the crash tests kill (run as a script: ``python tests/testkit/vault_kit.py MODE ...``).
- :mod:`testkit.bundle_support` — scenes of the export/import/receipt tests: an organisation,
  enrolled devices, vaults with records, the ``age`` and ``tar`` command-line tools.
- :mod:`testkit.bundle_helpers` — hostile and well-formed bundles built by hand (tarfile, pyrage).
- :mod:`testkit.reports_samples` — fictional testimonies in Azerbaijani, Russian, Armenian and
  Persian for the statement tests, and reading a PDF back.
- :mod:`testkit.pdf_checks` — the layout guard and Preflight that every statement test runs.
- :mod:`testkit.redaction_corpus` — 42 adversarial records for the redaction tests.
"""
