# Testimony — the two Quick start commands and the developer's checks.
#   make demo   install what is missing, build a vault of fictional testimonies, open the app
#   make test   install what is missing, then lint, types, layer contracts and every test
#   make package  the frozen application and .deb (see packaging/README.md)

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
DEMO_VAULT ?= demo-vault

.PHONY: demo test lint typecheck layers pytest system-deps bench package clean

system-deps:
	@scripts/install-system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

demo: system-deps $(STAMP)
	$(PY) -m testimony_app demo --vault $(DEMO_VAULT)
	$(PY) -m testimony_app --vault $(DEMO_VAULT) --demo-passphrase "$$($(PY) -c 'from testimony_app.services.demo import DEMO_PASSPHRASE as p; print(p)')"

test: system-deps $(STAMP) lint typecheck layers pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks packaging

typecheck: $(STAMP)
	$(VENV)/bin/mypy

layers: $(STAMP)
	$(VENV)/bin/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: system-deps $(STAMP)
	$(PY) -m benchmarks

# The frozen application and the .deb (Linux); runs the frozen binary's --self-test.
package: system-deps $(STAMP)
	VENV=$(VENV) bash packaging/build-linux.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
