# AUTOCREA: `make run` serves the app on the embedded defaults; `make test` runs the whole suite;
# `make model` installs JoxCoder Local (a real code model on this machine) into ~/.cache/autocrea (MODEL_DIR).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
HEADLESS_FLAG := $(if $(or $(CI),$(HEADLESS)),--server.headless true,)

.PHONY: run test lint bench model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	$(BIN)/python -m core db upgrade
	$(BIN)/streamlit run server.py --server.port $(PORT) $(HEADLESS_FLAG)

model: $(VENV)/.runtime
	$(BIN)/python -m core model install --jobs $${MODEL_JOBS:-2}

lint: $(VENV)/.dev
	$(BIN)/ruff check .

test: $(VENV)/.dev lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

bench: $(VENV)/.dev
	$(BIN)/python bench/engine_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
