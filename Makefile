# warta: `make run` builds the warehouse from data/inbox, `make sql` opens a SQL shell on it,
# `make report` draws data/report.html, `make test` runs the suite, `make lint` runs ruff,
# `make ui` serves the Dagster UI. Each target creates the environment from uv.lock first.
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
export DAGSTER_HOME := $(CURDIR)
export UV_PYTHON_DOWNLOADS := never
# Installed packages are compiled to bytecode once: processes start in about half the time where the
# environment sets PYTHONDONTWRITEBYTECODE (so no process writes it), and a run with nothing new stays short.
export UV_COMPILE_BYTECODE := 1
export UV_PYTHON := $(shell command -v $(PYTHON))
GOLD ?= ../shared/gold/seeds.json
REALDATA ?= ../shared/realdata
UI_PORT ?= 3000
WAREHOUSE = $(or $(WARTA_WAREHOUSE),data/warehouse.duckdb)
# dg runs in the project's environment
DG := VIRTUAL_ENV=$(CURDIR)/$(VENV) $(VENV)/bin/dg

.PHONY: setup run reprocess sql report dictionary test lint check-defs ui eval bench clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --quiet
	touch $@

setup: $(VENV)/.synced
	@$(VENV)/bin/python -m compileall -q pipelines > /dev/null

run: setup
	$(VENV)/bin/warta run

reprocess: setup
	$(VENV)/bin/warta run --reprocess

sql: setup
	@test -f $(WAREHOUSE) || { echo "no warehouse at $(WAREHOUSE): build it with make run"; exit 2; }
	$(VENV)/bin/duckdb -readonly $(WAREHOUSE)

report: setup
	$(VENV)/bin/warta report

dictionary: setup
	$(VENV)/bin/warta dictionary

test: setup
	$(VENV)/bin/python -m pytest -n auto --dist loadfile

lint: setup
	$(VENV)/bin/ruff check .

check-defs: setup
	$(DG) check defs

ui: setup
	$(DG) dev -w workspace.yaml -h 127.0.0.1 -p $(UI_PORT)

eval: setup
	$(VENV)/bin/warta eval $(GOLD)

bench: setup
	$(VENV)/bin/python benchmarks/scale.py 1000 10000 --pages $(REALDATA)
	$(VENV)/bin/python benchmarks/pipeline_throughput.py
	$(VENV)/bin/python benchmarks/extraction_cost.py $(REALDATA)
	$(VENV)/bin/python benchmarks/realdata_clean.py $(REALDATA) --en
	$(VENV)/bin/python benchmarks/figures_throughput.py
	$(VENV)/bin/python benchmarks/near_duplicates_throughput.py
	$(VENV)/bin/python benchmarks/poll_known_urls.py 1000
	$(VENV)/bin/python benchmarks/hostile_memory.py
	$(VENV)/bin/python benchmarks/listing_memory.py
	$(VENV)/bin/python benchmarks/backfill_throughput.py $(REALDATA)

clean:
	rm -rf $(VENV) .tools data/warehouse.duckdb data/warehouse.duckdb.wal data/report.html data/work data/raw data/staging storage history schedules logs
