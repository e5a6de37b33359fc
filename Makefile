# briefing: two commands on a fresh Debian machine.
#   make reports   install what is missing, build, write every pack into out/
#   make test      install what is missing, build, run the tests
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/briefing
# System packages: Cairo and Pango to draw, the fonts named by the styles, and poppler/qpdf to check PDFs.
APT_PACKAGES := libcairo2-dev libpango1.0-dev zlib1g-dev pkg-config fonts-liberation2 fonts-dejavu-core poppler-utils qpdf libqpdf-dev libxlsxwriter-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Newly published official files for `make import` (defaults: the shared copies beside the repository).
SHARED ?= ../shared/data
OFSTED ?= $(SHARED)/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods
DFE ?= $(wildcard $(SHARED)/dfe/*.csv)
HOME_AUTHORITY ?= 341

# The three PDF accessibility checkers, from PyPI into a virtual environment (make a11y-check).
A11Y_VENV := .venv-a11y
A11Y_PYPI := outloud==0.2.1 page-validation==0.11.0 pdfua==0.1.3
A11Y_APT := python3 python3-venv
A11Y_STYLES := default greyscale large-print rag

.PHONY: deps build reports import test bench clean a11y-check

# Installs whichever of the packages named in $(1) are missing.
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES))

build: deps
	$(SWIFT) build -c release --product briefing

reports: build
	@$(BIN) build

import: build
	$(BIN) import ofsted $(OFSTED)
	$(BIN) import dfe --home $(HOME_AUTHORITY) $(DFE)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Timings and peak memory of the release binary (needs GNU time, installed when missing).
bench: build
	@command -v /usr/bin/time >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq time >/dev/null; }
	@bash .ci/bench

$(A11Y_VENV)/installed: Makefile
	$(call apt_install,$(A11Y_APT))
	python3 -m venv $(A11Y_VENV)
	$(A11Y_VENV)/bin/pip install -q --disable-pip-version-check $(A11Y_PYPI)
	touch $@

# Every pack in every style, checked by outloud, page (PDF/UA-1 profile) and pdfua; the report
# is also written to out/a11y/report.txt. Fails when any checker reports an error.
a11y-check: build $(A11Y_VENV)/installed
	@for s in $(A11Y_STYLES); do $(BIN) build --quiet --force --style $$s --out out/a11y/$$s >/dev/null || exit 1; done
	@$(A11Y_VENV)/bin/python scripts/a11y_check.py $(foreach s,$(A11Y_STYLES),out/a11y/$(s)/*.pdf) | tee out/a11y/report.txt; exit $${PIPESTATUS[0]}

clean:
	rm -rf out .build $(A11Y_VENV)
