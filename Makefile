# Two commands do everything on a fresh clone:  make report  and  make test.
# Both create .venv and install the package with its pinned dependencies first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help report sample test lint lab hooks bench clean

help:
	@echo "make report   set up .venv and build the reports from the bundled sample"
	@echo "make test     set up .venv and run every test (unit, property, doctests)"
	@echo "make sample   write the synthetic sample registry again (data/sample/)"
	@echo "make lab      open JupyterLab with the project's kernel (LAB_ARGS=\"--port 8899\" ...)"
	@echo "make hooks    install the commit hooks (.pre-commit-config.yaml)"
	@echo "make bench    run the speed and memory benchmark"
	@echo "make lint     ruff over the package, tests and benchmarks"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Builds every report year of the bundled synthetic sample (DATA SINTETIS; 2020-2024), the
# province UMKM growth report and the data-quality report into reports/, two at a time.
# A failed report exits non-zero and leaves the last good one in place.
report: $(STAMP)
	$(BIN)/ikm-report build --all

sample: $(STAMP)
	$(BIN)/ikm-report sample

LINTED := ikm_analysis tests benchmarks scripts notebooks

# Tests run in one process per core (pytest-xdist), each file's tests in one process (their module
# fixtures are made once; a notebook's nbval cells run in order in one kernel). The integration
# tests' report set is built once for all processes (tests/integration/conftest.py).
test: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/python -m pytest -q -n auto --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)

hooks: $(STAMP)
	$(BIN)/pre-commit install

# JupyterLab on the project's kernel, which gets the allocator settings of
# ikm_analysis/_fast/allocator.py (which says why). Options for the server go in LAB_ARGS, e.g.
#   make lab LAB_ARGS="--port 8899 --no-browser --ip 0.0.0.0"
# As root (a container, a shared server) JupyterLab needs --allow-root: added when make runs as root.
# The project's notebooks are saved as committed (scripts/lab_config.py strips outputs outside the
# nbval-checked cells on save), and git sees any other copy stripped too (scripts/notebook_outputs.py
# as a clean filter, .gitattributes): Run All + Save leaves `git status` clean.
LAB_ARGS ?=
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,lab]"
	$(BIN)/python -m ipykernel install --sys-prefix --name ikm-analysis --display-name "ikm-analysis (.venv)" \
		$$($(BIN)/python -m ikm_analysis._fast.allocator | sed 's/^\([^=]*\)=/--env \1 /')
	-git config filter.notebook-outputs.clean "$(BIN)/python scripts/notebook_outputs.py filter"
	-git config filter.notebook-outputs.smudge cat
	$(BIN)/jupyter lab notebooks/ --config=scripts/lab_config.py $(ROOT_ARGS) $(LAB_ARGS)

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_report_path.py --repeat 3 --sizes 100000 1000000 10000000
	$(BIN)/python benchmarks/bench_report_path.py --repeat 3 --messy --sizes 1000000
	$(BIN)/python benchmarks/bench_sample_files.py --repeat 9
	$(BIN)/python benchmarks/bench_startup.py --repeat 20

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .ruff_cache
