# Two commands do everything on a fresh clone:  make report  and  make test.
# Both create .venv and install the package with its pinned dependencies first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help report sample test lint lab bench clean

help:
	@echo "make report   set up .venv and build the reports from the bundled sample"
	@echo "make test     set up .venv and run every test (unit, property, doctests)"
	@echo "make sample   write the synthetic sample registry again (data/sample/)"
	@echo "make lab      open JupyterLab with the project's kernel"
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

test: $(STAMP)
	$(BIN)/ruff check ikm_analysis tests benchmarks scripts
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check ikm_analysis tests benchmarks scripts

# The lab kernel gets the allocator settings of ikm_analysis/allocator.py (which says why).
lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,lab]"
	$(BIN)/python -m ipykernel install --sys-prefix --name ikm-analysis --display-name "ikm-analysis (.venv)" \
		$$($(BIN)/python -m ikm_analysis._fast.allocator | sed 's/^\([^=]*\)=/--env \1 /')
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_report_path.py --repeat 3 --sizes 100000 1000000 10000000
	$(BIN)/python benchmarks/bench_report_path.py --repeat 3 --messy --sizes 1000000

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .ruff_cache
