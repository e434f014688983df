# Two commands for a fresh machine: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pytest-xdist's workers for `make check` and `make test`.
WORKERS ?= 2

.PHONY: serve build site check test chromium ocr lint golden generated screenshot bench clean clean-cache messages

# Made again whenever the pins change; the stamp is written only once everything is installed, so a
# failed install is tried again by the next `make`.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)  ## build and serve the example site at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## check the meetings and build the site into site/
	$(BIN)/referat check
	$(BIN)/mkdocs build --strict

site: $(STAMP)  ## build into a new folder and replace site/ only if the build succeeded
	$(BIN)/python scripts/build_site.py --site-dir site

check: $(STAMP)  ## the fast loop: ruff, mypy and every test that needs no browser and is not slow
	$(BIN)/ruff check hooks tests bench scripts
	$(BIN)/mypy hooks
	@# Kept bytecode: pytest's rewritten test modules are compiled once, not on every run (5 s).
	@# Without Hypothesis's plugin: its property tests are slow, yet it reads every local module's
	@# constants at collection (0.2-0.9 s a worker). worksteal: an idle worker takes queued tests.
	@# A temporary folder of its own, removed when it ends: in pytest's shared one, each run deletes
	@# the fourth-newest run's files, and after a `make test` those are 16,000 files (1.3 s).
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
		env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest -q -n $(WORKERS) --dist worksteal \
		-p no:hypothesispytest --basetemp="$$tmp" -m "not browser and not slow"

messages: $(STAMP)  ## extract the site's words (babel.cfg) and the command's (babel-cli.cfg), update the catalogs
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ -k NP_:1c,2 -k pgettext:1c,2 -k count:2,3 -k t --no-wrap --sort-by-file \
		--project referat -o hooks/referat/locale/referat.pot .
	$(BIN)/pybabel update -i hooks/referat/locale/referat.pot -d hooks/referat/locale -D referat \
		--no-wrap --no-fuzzy-matching
	$(BIN)/pybabel extract -F babel-cli.cfg -k gettext -k ngettext:1,2 --no-wrap --sort-by-file \
		--project referat -o hooks/referat/locale/cli.pot .
	$(BIN)/pybabel update -i hooks/referat/locale/cli.pot -d hooks/referat/locale -D cli \
		--no-wrap --no-fuzzy-matching

chromium: $(STAMP)  ## find the Chromium the browser tests drive, or install one
	$(BIN)/python tests/chromium.py --install

ocr: $(STAMP)  ## find OCRmyPDF and Tesseract's Danish data (for scanned PDFs), or install them
	$(BIN)/python tests/ocrtools.py --install

test: chromium ocr  ## run every test, after finding or installing Chromium and the OCR tools
	$(BIN)/ruff check hooks tests bench scripts
	$(BIN)/mypy hooks
	$(BIN)/actionlint -shellcheck $(BIN)/shellcheck -pyflakes= .github/workflows/*.yml
	$(BIN)/pytest -n $(WORKERS)

golden: $(STAMP)  ## refresh the golden files after an intended change, then review `git diff`
	$(BIN)/pytest --update-golden tests

generated: $(STAMP)  ## rewrite the files made from the schema
	$(BIN)/referat schema -o schema
	$(BIN)/python -m referat.dataschema -o schema
	$(BIN)/referat format-doc -o docs/format.md
	$(BIN)/cog -r README.md

screenshot: $(STAMP)  ## the README's screenshots of a punkt page (phone, desktop), taken with headless Chromium
	$(BIN)/python scripts/screenshot.py docs/images

bench: $(STAMP)  ## build synthetic archives and print build time and memory
	$(BIN)/python bench/run.py

clean-cache:  ## forget the cache of parsed meeting files, rendered pages and search bundles
	rm -rf .cache/referat

clean: clean-cache
	rm -rf $(VENV) site
