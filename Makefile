# warta: `make run` builds the warehouse from data/inbox, `make test` runs the suite,
# `make lint` runs ruff, `make ui` serves the Dagster UI. Each target creates the environment
# from uv.lock first.
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
export DAGSTER_HOME := $(CURDIR)
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(shell command -v $(PYTHON))
GOLD ?= ../shared/gold/seeds.json
REALDATA ?= ../shared/realdata

.PHONY: setup run reprocess test lint ui eval bench clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --quiet
	touch $@

setup: $(VENV)/.synced

run: setup
	$(VENV)/bin/warta run

reprocess: setup
	$(VENV)/bin/warta run --reprocess

test: setup
	$(VENV)/bin/python -m pytest

lint: setup
	$(VENV)/bin/ruff check .

ui: setup
	$(VENV)/bin/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

eval: setup
	$(VENV)/bin/warta eval $(GOLD)

bench: setup
	$(VENV)/bin/python benchmarks/pipeline_throughput.py
	$(VENV)/bin/python benchmarks/extraction_cost.py $(REALDATA)
	$(VENV)/bin/python benchmarks/realdata_clean.py $(REALDATA) --en
	$(VENV)/bin/python benchmarks/figures_throughput.py
	$(VENV)/bin/python benchmarks/near_duplicates_throughput.py
	$(VENV)/bin/python benchmarks/poll_known_urls.py 1000
	$(VENV)/bin/python benchmarks/hostile_memory.py
	$(VENV)/bin/python benchmarks/backfill_throughput.py $(REALDATA)

clean:
	rm -rf $(VENV) .tools data/warehouse.duckdb data/warehouse.duckdb.wal data/work data/raw data/staging storage history schedules logs
