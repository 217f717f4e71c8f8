# Inspector: every target builds its own environment in .venv/ from the lock files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test bench lint clean translations lupdate

# Qt Linguist: the .ts files are sources (kept in git), the .qm files are build products.
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

venv: $(STAMP)

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# refresh the .ts files from every self.tr()/translate() in the window's code
lupdate: $(STAMP)
	for ts in $(TS); do \
		lang=$$(basename $$ts .ts | sed 's/^inspector_//'); \
		$(BIN)/pyside6-lupdate -extensions py -no-obsolete -locations relative \
			-source-language en -target-language $$lang inspector_app/ui -ts $$ts; \
	done

run: $(STAMP) $(QM)
	$(BIN)/inspector-app $(ARGS)

test: $(STAMP) $(QM)
	$(BIN)/python -m pytest tests

bench: $(STAMP) $(QM)
	$(BIN)/python -m pytest tests/bench -s -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check inspector_app tests
	$(BIN)/ruff format --check inspector_app tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info
	rm -f resources/translations/*.qm
