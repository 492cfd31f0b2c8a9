# The two commands a newcomer needs (see README.md):
#   make serve   preview the site at http://127.0.0.1:8000/ (rebuilds on edits to docs/, data/, hooks/)
#   make test    run the whole test suite, browser tests included (and the ProperDocs build, see below),
#                after `make lint` (ruff's checks and format check, mypy's type check)
# Each sets up what it needs: a virtual environment with the locked packages, and
# Debian's chromium for the browser tests.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
# The lock .venv is installed from: the site's packages and the tools'. The Pages workflow builds the published site
# from the site's lock alone (`make build REQUIREMENTS=requirements.txt`).
REQUIREMENTS ?= requirements-dev.txt
# Packages come only from the lock files, each file checked against the hashes there, and only as built wheels (a
# source package would run its build tools, which no lock covers). See README.md, "Dependencies".
PIP_INSTALL = pip install --quiet --disable-pip-version-check --require-hashes --only-binary=:all:
# The second build path: ProperDocs (the maintained continuation of MkDocs 1.6) in its own environment and folder.
PROPERDOCS_VENV ?= .venv-properdocs
PROPERDOCS_BIN := $(PROPERDOCS_VENV)/bin
PROPERDOCS_SITE ?= site-properdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-properdocs lint test test-properdocs browser bench currency check-sources refresh-members lock clean

$(BIN)/.installed: $(REQUIREMENTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/$(PIP_INSTALL) -r $(REQUIREMENTS)
	touch $@

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

$(PROPERDOCS_BIN)/.installed: requirements-properdocs.txt
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_BIN)/$(PIP_INSTALL) -r requirements-properdocs.txt
	touch $@

build-properdocs: $(PROPERDOCS_BIN)/.installed
	$(PROPERDOCS_BIN)/properdocs build --strict -f mkdocs.yml -d $(abspath $(PROPERDOCS_SITE))

# The tests whose subject is the built site (links, anchors, downloads, search records, feed), run against the
# ProperDocs build; tests/conftest.py deselects the rest, which build their own copies with MkDocs.
test-properdocs: $(BIN)/.installed build-properdocs
	PUNCHLIST_BUILT_SITE=$(abspath $(PROPERDOCS_SITE)) PUNCHLIST_BUILT_WITH=properdocs $(BIN)/python -m pytest tests/full_build tests/publish

# Debian's chromium drives the browser tests (Playwright's own browser download cannot work offline);
# the fonts are named so that print layout (one page!) is measured with the same metrics everywhere.
browser:
	@if command -v chromium >/dev/null 2>&1 || [ -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then \
		true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation fonts-dejavu-core >/dev/null; \
	else \
		echo "WARNING: no chromium found and cannot install it (needs root and apt-get)."; \
		echo "WARNING: browser tests will be SKIPPED. Install chromium or set CHROMIUM_PATH."; \
	fi

# Settings in pyproject.toml. The format is checked, not applied: `$(BIN)/ruff format .` applies it.
lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(BIN)/.installed lint browser test-properdocs
	$(BIN)/python -m pytest

bench: $(BIN)/.installed browser
	$(BIN)/python benchmarks/run.py

# What is due for review today (or on PUNCHLIST_TODAY=YYYY-MM-DD): exit 1 when anything is.
currency: $(BIN)/.installed
	@$(BIN)/python hooks/site_currency.py

# For maintainers with a network: is every cited source still there? (not part of the build or the tests)
check-sources: $(BIN)/.installed
	$(BIN)/python hooks/site_sources.py

# Compile the lock files (requirements*.txt) from what we depend on (requirements*.in), with every file's hash, from
# PyPI alone: the machine's pip configuration (a local mirror, a wheel folder) is left out, so the hashes are PyPI's.
# `make lock UPGRADE=name` also moves `name` (a package not pinned in an .in file) to its newest release. Needs a network.
LOCKS := requirements requirements-dev requirements-properdocs
PIP_COMPILE = env -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_FIND_LINKS -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null \
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras
lock: $(BIN)/.installed
	for lock in $(LOCKS); do \
		$(PIP_COMPILE) $(if $(UPGRADE),--upgrade-package $(UPGRADE)) --output-file=$$lock.txt $$lock.in || exit 1; \
	done

# For maintainers with a network: rebuild data/members.yml from the congress-legislators project (see README).
refresh-members: $(BIN)/.installed
	$(BIN)/python hooks/members_refresh.py

clean:
	rm -rf site $(PROPERDOCS_SITE) .pytest_cache .mypy_cache .ruff_cache
