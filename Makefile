# Two commands do all set-up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DECK ?= data/raw/serverless-aws.txt

# Prefect: the same defaults `qbank` sets itself (flows/__init__.py), exported here
# so that every tool run by make sees them: a start-up timeout that a busy machine
# meets, and no telemetry (the machine has no network but the registries).
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: node-deps run test install bench lint clean chromium docs

$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/qbank build $(DECK)
	$(BIN)/qbank stats

test: $(STAMP) chromium node-deps
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The GIFT tests parse exports with npm gift-pegjs (pinned in tests/node/package-lock.json);
# without npm they skip and say why.
node-deps:
	@if command -v npm >/dev/null 2>&1 && [ ! -d tests/node/node_modules ]; then \
		cd tests/node && npm ci --no-audit --no-fund; fi

# The report test drives Debian's Chromium (never a downloaded browser build);
# installed once when missing and we may (root with apt-get), skipped otherwise.
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# Regenerate every `$ qbank …` example in README.md and docs/*.md with what the commands print now
# (cog blocks; tests/docs_examples.py runs them against a bank built in a temporary folder).
# `make test` fails while an example is stale (tests/test_doc_examples.py).
docs: $(STAMP)
	PYTHONPATH=. $(BIN)/cog -r --verbosity=1 -I tests -p "from docs_examples import run, show" README.md docs/*.md

# The whole build through the CLI (table also in reports/bench.md), then extraction and deck reading alone;
# the instrument's own tests first. Choose sizes with `make bench SIZES=1000,20000`.
bench: $(STAMP)
	$(BIN)/python -m pytest -q bench
	$(BIN)/python bench/build_bench.py $(if $(SIZES),--sizes $(SIZES))
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/reader_bench.py

lint: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) data/processed/*.duckdb
