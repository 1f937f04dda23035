# Testimony — the two Quick start commands and the developer's checks.
#   make demo         install what is missing, build a vault of fictional testimonies, open the app
#   make test         install what is missing, then lint, types, layer contracts and every test
#   make check        the quick loop while you work: lint, types, layers and the fast tests (< 90 s)
#   make test-oldest  the fast tests on the lowest versions pyproject.toml allows (.venv-oldest)
#   make lock         rewrite the lock files after a change to the dependencies (CONTRIBUTING.md)
#   make words-update new message codes into the catalogues, then compile them (CONTRIBUTING.md)
#   make package      the frozen application and .deb (see packaging/README.md)
#   make bench        every benchmark, laptop and organisation (docs/performance.md says how long;
#                     BENCH_ARGS=--quick for a smoke run, BENCH_ARGS="--org-size 10x10x50" smaller)
#
# Python packages come from requirements/locked.txt (exact versions, with hashes), so every
# machine and CI builds with the same bytes; the project itself is installed editable on top.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
LOCK   := requirements/locked.txt
OLDEST_LOCK := requirements/oldest.txt
OLDEST_VENV ?= .venv-oldest
STAMP  := $(VENV)/.installed-stamp
DEMO_VAULT ?= demo-vault
# The fast tests: everything not marked slow (`make test` runs them all). The ten slowest are
# listed at the end: one over half a second needs a `slow` mark (CONTRIBUTING.md).
# They run in parallel (pytest-xdist), one worker per core up to four: every test has its own
# tmp_path, HOME and temporary folder, and each worker its own QApplication, so no two share
# state. `worksteal` hands an idle worker the other's queued tests, so one long test does not
# leave a core idle at the end. PYTEST_WORKERS=0 runs them in this one process (to debug).
# The folders of tests that passed are removed at the end (a failure's are kept to look at).
PYTEST_WORKERS ?= auto
FAST   := -m "not slow" --durations=10 -n $(PYTEST_WORKERS) --maxprocesses 4 --dist worksteal \
	-o tmp_path_retention_policy=failed
# Their temporary files (vaults that fsync at every commit) go to memory, /dev/shm, where it
# has 2 GiB free: on a disk shared with other work they spent most of their time waiting for
# fsync (docs/performance.md). `make test` and CI keep every test on the disk.
FAST_TMPDIR := $(shell df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 && $$4 > 2097152 { print "/dev/shm" }')
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Create a venv and install a lock file into it, one line of output per step; pip's own
# output goes to $(1)/pip.log and is shown only if it fails.
define install_locked
	@test -x $(1)/bin/python || { echo "Creating the virtual environment $(1)…"; $(PYTHON) -m venv $(1); }
	@echo "Installing Python packages into $(1) (about 2 minutes the first time)…"
	@$(1)/bin/python -m pip install --quiet --progress-bar off --require-hashes -r $(2) \
	  > $(1)/pip.log 2>&1 || { tail -n 30 $(1)/pip.log >&2; echo "pip failed: see $(1)/pip.log" >&2; exit 1; }
	@echo "Installing Testimony itself into $(1)…"
	@$(1)/bin/python -m pip install --quiet --progress-bar off --no-deps --no-build-isolation -e . \
	  >> $(1)/pip.log 2>&1 || { tail -n 30 $(1)/pip.log >&2; echo "pip failed: see $(1)/pip.log" >&2; exit 1; }
endef

.PHONY: demo test check test-oldest lint typecheck layers pytest pytest-fast system-deps \
	bench package lock lock-upgrade clean words words-update

system-deps:
	@scripts/install-system-deps.sh

$(STAMP): $(LOCK) pyproject.toml
	$(call install_locked,$(VENV),$(LOCK))
	@touch $(STAMP)

demo: system-deps $(STAMP)
	$(PY) -m testimony_app demo --vault $(DEMO_VAULT)
	$(PY) -m testimony_app --vault $(DEMO_VAULT) --demo-passphrase "$$($(PY) -c 'from testimony_app.services.demo import DEMO_PASSPHRASE as p; print(p)')"

test: system-deps $(STAMP) lint typecheck layers words pytest

check: $(STAMP) lint typecheck layers words pytest-fast

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks packaging

typecheck: $(STAMP)
	$(VENV)/bin/mypy

layers: $(STAMP)
	$(VENV)/bin/lint-imports --no-logo

# The gettext catalogues (CONTRIBUTING.md, "Words"): every code has en/az/ru words.
words: $(STAMP)
	$(PY) scripts/catalogues.py check

# After adding or changing a message code: new entries in, then the .mo files the program reads.
words-update: $(STAMP)
	$(PY) scripts/catalogues.py extract
	$(PY) scripts/catalogues.py compile

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

pytest-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(if $(FAST_TMPDIR),TMPDIR=$(FAST_TMPDIR)) $(PY) -m pytest -q $(FAST)

# The floors in pyproject.toml are only true if the program works on them: a fresh venv with
# the lowest allowed versions (requirements/oldest.txt), then the fast tests.
test-oldest: system-deps
	@rm -rf $(OLDEST_VENV)
	$(call install_locked,$(OLDEST_VENV),$(OLDEST_LOCK))
	QT_QPA_PLATFORM=offscreen $(OLDEST_VENV)/bin/python -m pytest -q -p no:cacheprovider $(FAST)

# Rewrite both lock files from pyproject.toml, keeping every pin that still fits (so adding a
# dependency changes only its own lines). `make lock-upgrade` moves everything to the newest.
UV_COMPILE = $(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock" pyproject.toml requirements/build.in
lock: $(STAMP)
	$(UV_COMPILE) $(UV_FLAGS) --extra dev --extra package -o $(LOCK)
	$(UV_COMPILE) $(UV_FLAGS) --extra test --resolution lowest-direct -o $(OLDEST_LOCK)

lock-upgrade: UV_FLAGS = --upgrade
lock-upgrade: lock

BENCH_ARGS ?=
bench: system-deps $(STAMP)
	$(PY) -m benchmarks --all $(BENCH_ARGS)

# The frozen application and the .deb (Linux); runs the frozen binary's --self-test.
package: system-deps $(STAMP)
	VENV=$(VENV) bash packaging/build-linux.sh

clean:
	rm -rf $(VENV) $(OLDEST_VENV) build dist .pytest_cache .mypy_cache .ruff_cache
