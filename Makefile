# Two commands do everything on a fresh machine (Python 3.11.5 or newer):
#   make serve   install the pinned dependencies and serve the site at http://127.0.0.1:8000
#   make test    install everything the tests need and run the whole suite (make test-fast: the core's tests)
# Tools for translators: make check | status [LANG=fr] | diff LANG=fr ID=op1-iii | accept LANG=fr ID=op1-iii
#                        | new-language CODE=ha [NAME=Hausa] | export LANG=fr [FORMAT=po|xliff] [OUT=path]
#                        | import LANG=fr FILE=path [NAME="Your Name"]

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The engine that builds the site: MkDocs 1.6, or ProperDocs (its maintained fork, same config and
# hooks, byte-identical output apart from the generator tag): make build ENGINE=properdocs
ENGINE ?= mkdocs
ifeq ($(filter mkdocs properdocs,$(ENGINE)),)
$(error ENGINE must be mkdocs or properdocs, not $(ENGINE))
endif
# The translators' tools, run by the engine's adapter (it reads mkdocs.yml as MkDocs does).
CATALOGUE := $(PY) hooks/catalogue_cli.py
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# Reproducible builds: any date a tool writes into the output is the last commit's, not today's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
# LANG is also the shell's locale: only a LANG given on the command line names a language.
ONLY_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),)
# NAME (who translated an imported file) likewise: some systems set NAME in the environment.
IMPORT_NAME := $(if $(filter command line,$(origin NAME)),$(NAME),)
FORMAT ?= po

.PHONY: serve build test test-fast check status diff accept new-language export import clean bench

# The pinned dependencies, then this project as a package (editable: the code is used where it is).
$(VENV)/.site: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11, 5) else "Python 3.11.5 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Debian packages. The build draws the share cards with the Noto fonts and FriBiDi (which
# Pillow's own raqm loads), and prints each language's PDF with WeasyPrint, which sets text with
# Pango (libpango, libpangoft2); the tests drive headless Chromium (browser tests), nginx with its
# brotli module (the hosting test), Java (the W3C HTML checker) and GNU gettext (msgfmt checks
# the exported PO files).
SITE_PACKAGES := fonts-noto-core libfribidi0 libpango-1.0-0 libpangoft2-1.0-0
SYSTEM_PACKAGES := $(SITE_PACKAGES) chromium nginx libnginx-mod-http-brotli-static openjdk-17-jre-headless gettext
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_INSTALL = missing="$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.fonts:
	@$(call APT_INSTALL,$(SITE_PACKAGES))
	@mkdir -p $(VENV) && touch $@

$(VENV)/.system:
	@$(call APT_INSTALL,$(SYSTEM_PACKAGES))
	@mkdir -p $(VENV) && touch $@

$(VENV)/.test: $(VENV)/.site $(VENV)/.system requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# npm packages: the W3C HTML checker (tests) and Lighthouse (make bench), pinned by package-lock.json; no install scripts.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

serve: $(VENV)/.site $(VENV)/.fonts
	$(PY) -m $(ENGINE) serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

# Build strictly elsewhere, add what hosts need (deploy/_headers, .gz and .br files), then swap:
# a failed build never replaces the last good site/.
build: $(VENV)/.site $(VENV)/.fonts
	rm -rf .site-build
	$(PY) -m $(ENGINE) build -f mkdocs.yml --strict --site-dir .site-build
	$(CATALOGUE) prepare-hosting .site-build
	rm -rf site && mv .site-build site

test: $(VENV)/.test node_modules/.installed
	$(PY) -m pytest

# The core's own tests (marked `core`: the catalogue, its checks and layers, no site build), in under a minute.
test-fast: $(VENV)/.test
	$(PY) -m pytest -m core

check: $(VENV)/.site
	$(CATALOGUE) check

status: $(VENV)/.site
	$(CATALOGUE) status -v $(ONLY_LANG)

diff: $(VENV)/.site
	$(if $(and $(ONLY_LANG),$(ID)),,$(error usage: make diff LANG=<code> ID=<id>, e.g. make diff LANG=fr ID=op1-iii))
	$(CATALOGUE) diff $(ONLY_LANG) $(ID)

accept: $(VENV)/.site
	$(if $(and $(ONLY_LANG),$(ID)),,$(error usage: make accept LANG=<code> ID=<id>, e.g. make accept LANG=fr ID=op1-iii))
	$(CATALOGUE) accept $(ONLY_LANG) $(ID)

# A language for translation tools, and back: make export LANG=fr [FORMAT=po|xliff] [OUT=exports/fr.po],
# then make import LANG=fr FILE=exports/fr.po NAME="Your Name" (checked first; nothing written on any problem).
# The values reach the command through the environment, so no quote or $ in a name or path is read by the shell.
export: export EXCHANGE_LANG := $(ONLY_LANG)
export: export EXCHANGE_OUT := $(OUT)
export: export EXCHANGE_FORMAT := $(FORMAT)
export: $(VENV)/.site
	$(CATALOGUE) export "$$EXCHANGE_LANG" --format "$$EXCHANGE_FORMAT" $(if $(OUT),--output "$$EXCHANGE_OUT",)

import: export EXCHANGE_LANG := $(ONLY_LANG)
import: export EXCHANGE_FILE := $(FILE)
import: export EXCHANGE_NAME := $(IMPORT_NAME)
import: $(VENV)/.site
	$(CATALOGUE) import "$$EXCHANGE_LANG" "$$EXCHANGE_FILE" $(if $(IMPORT_NAME),--name "$$EXCHANGE_NAME",)

# Add a language as a draft: make new-language CODE=ha [NAME="Hausa"]
new-language: $(VENV)/.site
	$(CATALOGUE) new-language $(CODE) $(if $(NAME),--name "$(NAME)",)

# The benchmark behind BENCHMARKS.md: build times, scaling, bytes transferred, Lighthouse (not part of `make test`).
bench: $(VENV)/.test node_modules/.installed
	$(PY) -m bench.run

clean:
	rm -rf site .site-build .pytest_cache .cache
