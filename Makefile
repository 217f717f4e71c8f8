# Inspector: every target builds its own environment in .venv/ from the lock files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test bench lint clean

venv: $(STAMP)

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/inspector-app $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest tests

bench: $(STAMP)
	$(BIN)/python -m pytest tests/bench -s -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check inspector_app tests
	$(BIN)/ruff format --check inspector_app tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info
