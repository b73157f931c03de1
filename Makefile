# Two commands do everything on a fresh machine (Python 3.11.5 or newer):
#   make serve   install the pinned dependencies and serve the site at http://127.0.0.1:8000
#   make test    install everything the tests need and run the whole suite
# Tools for translators: make check | status [LANG=fr] | diff LANG=fr ID=op1-iii | accept LANG=fr ID=op1-iii
#                        | new-language CODE=ha [NAME=Hausa]

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# LANG is also the shell's locale: only a LANG given on the command line names a language.
ONLY_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),)

.PHONY: serve build test check status diff accept new-language clean

$(VENV)/.site: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11, 5) else "Python 3.11.5 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Debian packages the tests drive: headless Chromium (browser tests) and nginx (the hosting test).
SYSTEM_PACKAGES := chromium nginx
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

$(VENV)/.system:
	@missing="$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@mkdir -p $(VENV) && touch $@

$(VENV)/.test: $(VENV)/.site $(VENV)/.system requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

serve: $(VENV)/.site
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# Build strictly elsewhere, then swap: a failed build never replaces the last good site/.
build: $(VENV)/.site
	rm -rf .site-build
	$(PY) -m mkdocs build --strict --site-dir .site-build
	rm -rf site && mv .site-build site

test: $(VENV)/.test
	$(PY) -m pytest

check: $(VENV)/.site
	$(PY) -m catalogue check

status: $(VENV)/.site
	$(PY) -m catalogue status -v $(ONLY_LANG)

diff: $(VENV)/.site
	$(PY) -m catalogue diff $(LANG) $(ID)

accept: $(VENV)/.site
	$(PY) -m catalogue accept $(LANG) $(ID)

# Add a language as a draft: make new-language CODE=ha [NAME="Hausa"]
new-language: $(VENV)/.site
	$(PY) -m catalogue new-language $(CODE) $(if $(NAME),--name "$(NAME)",)

clean:
	rm -rf site .site-build .pytest_cache
