# Promo: `make run` serves the demo on http://127.0.0.1:$(PORT); `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# pytest-xdist workers for the SQLite and PostgreSQL passes (each its own database); 0 runs the
# suite in one process. The browser tests always run in one.
TEST_WORKERS ?= auto
# pytest exits 5 when it collected nothing; that must never pass as green.
PYTEST = run_pytest() { $(PY) -m pytest "$$@"; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing the run" >&2; return 1; fi; \
	return $$status; }; run_pytest

.PHONY: run worker test test-sqlite test-postgres test-browser bench load lint format clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-run
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

# A background worker (e-mail, reminders, webhooks) runs beside the server and stops with it.
run: $(VENV)/.installed-run
	DEBUG=$${DEBUG:-1} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(PY) manage.py createcachetable
	DEBUG=$${DEBUG:-1} $(PY) manage.py seed_demo --if-empty
	export DEBUG=$${DEBUG:-1}; $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The background worker alone (beside `make run` elsewhere, or a server of your own): runs
# tasks as they come until Ctrl-C. Production runs `manage.py db_worker` (README).
worker: $(VENV)/.installed-run
	DEBUG=$${DEBUG:-1} $(PY) manage.py db_worker

# Readiness and weekly pages benchmarks: print figures beside their targets, assert nothing.
# SQLite by default; PostgreSQL with TEST_DATABASE_URL=postgres://... (a throwaway database,
# dropped at the end).
bench: $(VENV)/.installed-test
	$(PY) -m tests.bench.readiness_bench
	$(PY) -m tests.bench.weekly_bench

# Load test (about two minutes, not part of `make test`): gunicorn with 2 workers on a throwaway
# PostgreSQL database (on TEST_DATABASE_URL's server, default the local one), then two app
# servers sharing one session. Prints throughput and latency; exits non-zero on any error.
# More options: make load LOAD_ARGS="--seconds 30 --users 4".
load: $(VENV)/.installed-run
	$(PY) -m tests.load.run $(LOAD_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: lint
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$TEST_DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	else echo "TEST_DATABASE_URL is not set: PostgreSQL pass skipped."; fi
	$(MAKE) --no-print-directory test-browser

test-sqlite: $(VENV)/.installed-test
	@echo "== pytest on SQLite"
	env -u TEST_DATABASE_URL -u DATABASE_URL sh -c '$(PYTEST) -n $(TEST_WORKERS) --ignore=tests/browser'

test-postgres: $(VENV)/.installed-test
	@echo "== pytest on PostgreSQL ($$TEST_DATABASE_URL)"
	$(PYTEST) -n $(TEST_WORKERS) --ignore=tests/browser

# axe-core for the accessibility tests, pinned in tests/browser/package-lock.json; `npm ci`
# runs only when node_modules is missing or older than the lockfile.
BROWSER_NODE := tests/browser/node_modules/.package-lock.json
$(BROWSER_NODE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/browser --silent --no-audit --no-fund && touch $@; \
	elif [ "$$REQUIRE_BROWSER" = "1" ]; then \
		echo "REQUIRE_BROWSER=1 but npm is missing: install Node.js and npm to fetch axe-core." >&2; exit 1; \
	else echo "npm is missing: accessibility tests will be skipped (set REQUIRE_BROWSER=1 to fail instead)."; fi

test-browser: $(VENV)/.installed-test $(BROWSER_NODE)
	@if [ -x "$(CHROMIUM)" ]; then \
		echo "== browser tests with $(CHROMIUM)"; \
		env -u TEST_DATABASE_URL -u DATABASE_URL CHROMIUM=$(CHROMIUM) sh -c '$(PYTEST) tests/browser'; \
	elif [ "$$REQUIRE_BROWSER" = "1" ]; then \
		echo "REQUIRE_BROWSER=1 but no Chromium at $(CHROMIUM) (apt-get install chromium)." >&2; exit 1; \
	else echo "No Chromium at $(CHROMIUM): browser tests skipped (set REQUIRE_BROWSER=1 to fail instead)."; fi

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache tests/browser/node_modules
