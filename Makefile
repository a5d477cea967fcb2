# Two commands for a fresh machine that has only python3, make and git:
#   make build   install everything; build the warehouse, its Data Docs, dbt's docs and the dashboards
#   make test    run the whole test suite (PostgreSQL included); make test-spark runs the Spark build
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
# The source documents: SOURCES=…, else $YYX_SOURCES (as for yyx), else the folder beside the checkout.
SOURCES ?= $(or $(YYX_SOURCES),../shared/sources)

# uv must use the machine's Python 3.11, never download one (the network reaches package registries only).
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := 3.11
# Registries may sit behind a proxy whose CA only the machine's trust store knows (pip reads it too).
export UV_SYSTEM_CERTS := 1
# Installed modules come with their bytecode: every dbt start imports ~1,400 modules, and where the shell sets
# PYTHONDONTWRITEBYTECODE nothing would ever cache them (measured: 2.4 s of each dbt command spent compiling).
export UV_COMPILE_BYTECODE := 1

.PHONY: build test test-spark bench install lint clean

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

# dbt's unit tests run here, not in an analyst's `dbt build`: the suite's builds set YYX_UNIT_TESTS=1
# (tests/conftest.py, tests/engines/conftest.py; see dbt_project.yml).
test: install lint
	$(UV) run --locked yyx verify-provenance --sources $(SOURCES)
	$(UV) run --locked pytest -m "not spark"

# Spark starts a JVM and builds the project in-process (minutes); .ci/run calls it after `make test`.
test-spark: install
	$(UV) run --locked pytest -m spark tests/engines

lint: install
	$(UV) run --locked ruff check src tests bench tools
	$(UV) run --locked ruff format --check src tests bench tools
	$(UV) run --locked sqlfluff lint models tests macros $(wildcard analyses)

# The national-scale benchmark on the three engines (about 25 minutes on 2 cores; not part of CI).
bench: install
	$(UV) sync --locked --inexact --extra postgres --extra spark
	$(UV) run --locked python -m bench.run --engines duckdb --json target/bench/results_duckdb.json
	$(UV) run --locked python -m bench.run --engines postgres --skip-real-build --json target/bench/results_postgres.json
	$(UV) run --locked python -m bench.run --engines spark --skip-real-build --json target/bench/results_spark.json
	$(UV) run --locked python -m bench.report --write bench/RESULTS.md target/bench/results_*.json

clean:
	rm -rf target logs .venv $(TOOLS)
