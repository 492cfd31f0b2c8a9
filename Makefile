# The two commands a newcomer needs (see README.md):
#   make serve   preview the site at http://127.0.0.1:8000/ (rebuilds on edits to docs/, data/, hooks/)
#   make test    run the whole test suite, browser tests included
# Each sets up what it needs: a virtual environment with the pinned packages, and
# Debian's chromium for the browser tests.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test browser bench check-sources clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict

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

test: $(BIN)/.installed browser
	$(BIN)/python -m pytest

bench: $(BIN)/.installed browser
	$(BIN)/python benchmarks/run.py

# For maintainers with a network: is every cited source still there? (not part of the build or the tests)
check-sources: $(BIN)/.installed
	$(BIN)/python hooks/site_sources.py

clean:
	rm -rf site .pytest_cache
