# One-command set-up: every target installs what it needs, idempotently.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PLAYWRIGHT_BROWSERS_PATH := $(CURDIR)/.browsers
# A run starts many Python processes (xdist workers, pytest in pytest, served mocks): each would
# compile every module again and re-rewrite the asserts of every pytest plugin without the cached
# bytecode, which doubles pytest's start-up (1.75 against 0.9 CPU-s).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: setup test durations lint soak slow-network bench run serve clean

# SHARD=k/n: `make test` runs the k-th of n shards, balanced by the durations in .test_durations
# (pytest-split), for n CI machines that share the suite.
ifdef SHARD
SHARD_GROUP := $(word 1,$(subst /, ,$(SHARD)))
SHARD_COUNT := $(word 2,$(subst /, ,$(SHARD)))
ifneq ($(shell [ "$(SHARD)" = "$(SHARD_GROUP)/$(SHARD_COUNT)" ] && [ "$(SHARD_GROUP)" -ge 1 ] && [ "$(SHARD_GROUP)" -le "$(SHARD_COUNT)" ] 2>/dev/null && echo ok),ok)
$(error SHARD=$(SHARD) is not a shard: give k/n, the k-th of n shards with 1 <= k <= n, for example SHARD=2/4)
endif
SHARD_ARGS := --splits $(SHARD_COUNT) --group $(SHARD_GROUP)
endif

# TOOLS: Debian tools a target needs besides the browser and ffmpeg (see e2e/provision.py).
setup: $(VENV)/.installed
	@$(BIN)/python -m e2e.provision $(if $(TOOLS),--tools $(TOOLS))

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	@touch $@

# The walkthrough checks read video frames (tesseract), PDFs (pdftotext) and narration (espeak-ng).
# The suite, one xdist worker per core (PYTEST_ARGS=-n0 runs it serially), then a search of what
# it left in test-results/ for any secret (the suite's status is kept).
test: TOOLS = ocr pdf-text speech
test: setup
	@status=0; $(BIN)/python -m pytest -n auto $(SHARD_ARGS) $(PYTEST_ARGS) || status=$$?; \
	if [ -d test-results ]; then $(BIN)/mock-court scan-secrets test-results || status=$$?; fi; \
	exit $$status

# Time every test, one at a time, into .test_durations (committed): the shards' balance.
durations: TOOLS = ocr pdf-text speech
durations: setup
	$(BIN)/python -m pytest -n0 --store-durations --clean-durations $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The browser suite, again and again, under CPU stress and a slow network: RUNS=5 by default.
soak: setup
	$(BIN)/python -m e2e.soak --runs $(or $(RUNS),5) $(SOAK_ARGS)

# The whole browser suite with every answer of the mock 300 ms late.
slow-network: setup
	MOCK_COURT_FAULTS=latency=300ms $(BIN)/python -m pytest tests/e2e --deselect tests/e2e/test_faults.py $(PYTEST_ARGS)

# The harness's figures beside issue 8's targets: one table, and test-results/bench.json.
# BENCH_ARGS: e.g. --full (the whole make test too), --parts load,guides.
bench: setup
	$(BIN)/python -m e2e.bench $(BENCH_ARGS)

# NARRATE=1: a spoken sound track too, with espeak-ng.
run: TOOLS = $(if $(NARRATE),speech)
run: setup
	$(BIN)/mock-court walkthrough $(if $(NARRATE),--narrate)

serve: setup
	$(BIN)/mock-court serve --test-mode

clean:
	rm -rf $(VENV) .browsers test-results walkthroughs
