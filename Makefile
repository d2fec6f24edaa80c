# The task runner. `make serve` and `make test` are the two commands in the
# README; every other target is a step they share.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
LANG_CONFIG ?= mkdocs.yml
# Material prints an end-of-life banner on every build; it is not ours to act on.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve live build test figures check-figures outputs bench lighthouse clean
.DELETE_ON_ERROR:

# The stamps make set-up a no-op until the dependency files change.
$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

figures: setup
	$(BIN)/python scripts/figures.py

check-figures: setup
	$(BIN)/python scripts/figures.py --check

# Rewrite every expected output on the pages from what the code prints now
# (after a torch upgrade, say); then review `git diff docs/`.
outputs: setup
	$(BIN)/python scripts/outputs.py

# What is deployed: a strict build with the offline copy's zip beside it,
# swapped into site/ only when all of it passes (scripts/build.py).
build: figures
	$(BIN)/python scripts/build.py

# Both editions, built as `make build` builds them, served as a static host
# serves them: http://127.0.0.1:8000/gradient-descent-autograd/ and .../zh/.
serve: build
	$(BIN)/python scripts/serve.py --port $(PORT)

# For authors: one edition with live reload (LANG_CONFIG=mkdocs.zh.yml for Chinese).
live: figures
	$(BIN)/mkdocs serve --strict --config-file $(LANG_CONFIG) --dev-addr 127.0.0.1:$(PORT)

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python scripts/bench.py

# Lighthouse scores of every page (npx fetches the pinned lighthouse; needs /usr/bin/chromium).
lighthouse: build
	$(BIN)/python scripts/lighthouse.py

clean:
	rm -rf site .site-* .pytest_cache .cache
