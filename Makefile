# doingoai — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test lint vendor clean

$(STAMP): pyproject.toml Makefile
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "doingoai cần Python 3.11 trở lên (needs Python 3.11+)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/doingoai migrate
	$(BIN)/doingoai demo --if-empty
	$(BIN)/doingoai serve

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

# ruff lint (pyflakes, bugbear, import order) and format, as configured in pyproject.toml.
lint: install
	$(BIN)/ruff check src bench
	$(BIN)/ruff format --check src bench

# Refresh the vendored vietnamadminunits from the wheel pinned in pyproject.toml.
vendor: install
	$(BIN)/python -m doingoai._vendor.refresh

clean:
	rm -rf $(VENV) var/static
