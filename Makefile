# Two commands set everything up: `make serve` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium

export NO_MKDOCS_2_WARNING := 1
export CHROMIUM
# The public address (site_url in mkdocs.yml), when given on the command line or in the environment.
ifdef SITE_ROOT
export SITE_ROOT
endif
# Reproducible builds: every date in the site comes from the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1686268800)

.PHONY: install install-test system-deps build release serve test lint bench terms offline clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install-test: $(VENV)/.installed-test tests/node/node_modules/.installed

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

tests/node/node_modules/.installed: tests/node/package.json tests/node/package-lock.json
	npm ci --prefix tests/node --no-audit --no-fund --silent
	touch $@

# Debian's Chromium and CJK fonts for the browser tests, installed when missing and run as root.
system-deps:
	@if [ ! -x "$(CHROMIUM)" ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "Chromium ($(CHROMIUM)) or fonts-noto-cjk missing: run as root or install them" >&2; exit 1; \
	  fi; \
	fi

build: install
	rm -rf site
	$(BIN)/mkdocs build --strict -f mkdocs.yml
	$(BIN)/mkdocs build --strict -f mkdocs.en.yml

# The site to publish: as `make build`, but a missing or loopback public address is an error.
release: export DECLARATION_RELEASE := 1
release: build

serve: install
	$(BIN)/python hooks/serve_editions.py --host 127.0.0.1 --port 8000

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy

test: install-test system-deps lint
	$(BIN)/pytest

# The site as a zip that reads from disk (file://): build/declaration-site.zip.
offline: build
	PYTHONPATH=hooks $(BIN)/python hooks/make_offline.py site build/declaration-site.zip

# Candidate terms the term base lacks, for curation.
terms: install
	PYTHONPATH=hooks $(BIN)/python hooks/report_terms.py

bench: install-test system-deps
	$(BIN)/python tests/bench/run.py

clean:
	rm -rf site build .pytest_cache
