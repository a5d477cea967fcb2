# Two commands for a fresh machine that has only python3, make and git:
#   make build   install everything; build the warehouse, its Data Docs, dbt's docs and the dashboards
#   make test    run the whole test suite
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
SOURCES ?= ../shared/sources

# uv must use the machine's Python 3.11, never download one (the network reaches package registries only).
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := 3.11
# Registries may sit behind a proxy whose CA only the machine's trust store knows (pip reads it too).
export UV_SYSTEM_CERTS := 1

.PHONY: build test install lint clean

# Debian's python3 refuses a bare `pip install` (PEP 668): uv goes into a private venv under .tools/.
$(UV):
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --locked
	touch $@

install: .venv/.synced

# One process per step, in order: each reads the DuckDB file the step before it closed.
build: install
	$(UV) run --locked yyx build
	$(UV) run --locked yyx validate
	$(UV) run --locked dbt docs generate --static --quiet
	$(UV) run --locked yyx dashboards
	@echo "Warehouse:  target/warehouse.duckdb"
	@echo "Dashboards: target/site/index.html   Data Docs: target/data_docs/index.html   dbt docs: target/static_index.html"

test: install lint
	$(UV) run --locked yyx verify-provenance --sources $(SOURCES)
	$(UV) run --locked pytest

lint: install
	$(UV) run --locked ruff check src tests
	$(UV) run --locked ruff format --check src tests
	$(UV) run --locked sqlfluff lint models tests $(wildcard analyses)

clean:
	rm -rf target logs .venv $(TOOLS)
