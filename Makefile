# Inspector: every target builds its own environment in .venv/ from the lock files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test bench lint clean translations lupdate package smoke

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

# The packaged app (packaging/README.md): PyInstaller, pinned in packaging/requirements.lock,
# goes into .venv on top of the app's dependencies, which it bundles from there.
PACKAGING_STAMP := $(VENV)/.packaging-installed
DIST ?= dist
PACKAGE_WORK ?= build/pyinstaller

$(PACKAGING_STAMP): packaging/requirements.lock | $(STAMP)
	$(BIN)/python -m pip install --quiet -r packaging/requirements.lock
	touch $@

package: $(STAMP) $(QM) $(PACKAGING_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath $(DIST) --workpath $(PACKAGE_WORK) packaging/inspector-app.spec

# builds the package (make package), then runs the frozen program headless in a temp folder
smoke: $(STAMP) $(QM) $(PACKAGING_STAMP)
	$(BIN)/python packaging/smoke.py $(SMOKE_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check inspector_app tests
	$(BIN)/ruff format --check inspector_app tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info
	rm -f resources/translations/*.qm
