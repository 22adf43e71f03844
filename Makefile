# One-command set-up: every target installs what it needs, idempotently.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PLAYWRIGHT_BROWSERS_PATH := $(CURDIR)/.browsers

.PHONY: setup test lint run serve clean

setup: $(VENV)/.installed
	@$(BIN)/python -m e2e.provision

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	@touch $@

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

run: setup
	$(BIN)/mock-court walkthrough

serve: setup
	$(BIN)/mock-court serve --test-mode

clean:
	rm -rf $(VENV) .browsers test-results walkthroughs
