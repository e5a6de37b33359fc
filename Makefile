# briefing: two commands on a fresh Debian machine.
#   make reports   check system packages, build, write every pack into out/
#   make test      check system packages, build, run the tests (including the dist tarball's)
#   make dist      dist/briefing-<version>-linux-x86_64.tar.gz: runs without Swift
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/briefing
VERSION := $(shell sed -n 's/.*string = "\(.*\)".*/\1/p' Sources/BriefingKit/Commands/Version.swift)
DIST_NAME := briefing-$(VERSION)-linux-x86_64
DIST_TARBALL := dist/$(DIST_NAME).tar.gz
# One release build, for `make reports` and the tarball alike: without debug information (unused,
# and 7 % of a cold build's compiler time: cold `swift build` 66-67 s against 70-71 s), and with the
# Swift runtime and Foundation linked in, which links as fast and starts each run 6 ms sooner (the
# dynamic loader no longer resolves the Swift libraries' symbols).
RELEASE := -c release --product briefing -debug-info-format none --static-swift-stdlib
# System packages: Cairo and Pango to draw, libdeflate for PNGs, libxml2 to read ODS, libxlsxwriter for workbooks, the fonts named by the styles, and poppler/qpdf to check PDFs.
APT_PACKAGES := libcairo2-dev libpango1.0-dev zlib1g-dev libxml2-dev pkg-config fonts-liberation2 fonts-dejavu-core poppler-utils qpdf libqpdf-dev libxlsxwriter-dev libdeflate-dev
# No sudo unless asked for: `make deps SUDO=sudo`. As root, apt-get runs as it is.
SUDO ?=

# Newly published official files for `make import` (defaults: the shared copies beside the repository).
SHARED ?= ../shared/data
OFSTED ?= $(SHARED)/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods
DFE ?= $(wildcard $(SHARED)/dfe/*.csv)

# The three PDF accessibility checkers, from PyPI into a virtual environment (make a11y-check).
A11Y_VENV := .venv-a11y
A11Y_PYPI := outloud==0.2.1 page-validation==0.11.0 pdfua==0.1.3
A11Y_APT := python3 python3-venv
A11Y_STYLES := default greyscale large-print rag

# Tools only the tests use: strace, to see which files a build really opens (its manifest must
# list exactly those), and unshare, to mount a tiny tmpfs where a write meets a full disk.
TEST_APT := strace util-linux

# The HTML packs' checks in `make test`: Debian's Chromium and its driver, and axe-core (through
# axe-selenium-python, with Selenium) from PyPI in a virtual environment. axe-selenium-python
# 3.0.0 carries axe-core 4.10, the first of its releases with the WCAG 2.2 rules; it asks for
# Python 3.12 but its code (one small class) runs on Debian 12's 3.11, hence --ignore-requires-python.
HTML_VENV := .venv-html
HTML_PYPI := selenium==4.51.0 axe-selenium-python==3.0.0
HTML_APT := chromium chromium-driver python3 python3-venv

.PHONY: deps build reports import test dist bench clean a11y-check docs html-screenshot identical

# Installs the missing Debian packages given as $(1): as root, or through $(SUDO) when it is set;
# otherwise prints what is missing and the command to run, and fails.
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Missing system packages:$$missing"; \
	  if [ "$$(id -u)" != 0 ] && [ -z "$(SUDO)" ]; then \
	    echo "Not root, so nothing was installed. Install them with:"; \
	    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$$missing"; \
	    echo "or let make use sudo:  make $(or $(MAKECMDGOALS),deps) SUDO=sudo"; \
	    exit 1; \
	  fi; \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi
endef

deps:
	$(call apt_install,$(APT_PACKAGES))

build: deps
	$(SWIFT) build $(RELEASE)

reports: build
	@$(BIN) build

# The README's pictures of the front sheet and the summary page, rendered from a real build.
docs: build
	@d=$$(mktemp -d) && $(BIN) build --pack scrutiny --quiet --force --out $$d && mkdir -p docs && \
	  pdftoppm -r 70 -png -f 1 -l 1 -singlefile $$d/scrutiny.pdf docs/front-sheet && \
	  pdftoppm -r 70 -png -f 2 -l 2 -singlefile $$d/scrutiny.pdf docs/summary && rm -rf $$d && ls docs

import: build
	$(BIN) import ofsted $(OFSTED)
	$(BIN) import dfe --all-authorities $(DFE)

# The Swift Testing suites; DistTests unpack the tarball `dist` made and run it without Swift.
test: deps dist $(HTML_VENV)/installed
	$(call apt_install,$(TEST_APT))
	$(SWIFT) build --build-tests
	BRIEFING_DIST=$(CURDIR)/$(DIST_TARBALL) $(SWIFT) test --skip-build

# The binary (Swift runtime and Foundation linked in statically, symbols stripped), Reports/,
# Styles/ and the README, under one folder; bin/briefing finds Reports and Styles beside itself.
# Files are sorted, owned by uid 0 and dated from the last commit, whoever makes it and whenever.
dist: build
	@rm -rf dist/$(DIST_NAME) $(DIST_TARBALL)
	@mkdir -p dist/$(DIST_NAME)/bin
	@strip -o dist/$(DIST_NAME)/bin/briefing $(BIN)
	@cp -R Reports Styles README.md dist/$(DIST_NAME)/
	@tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$$(git log -1 --format=%ct 2>/dev/null || echo 0) \
	  -C dist -cf - $(DIST_NAME) | gzip -n -9 > $(DIST_TARBALL)
	@rm -rf dist/$(DIST_NAME)
	@echo "$(DIST_TARBALL) ($$(du -h $(DIST_TARBALL) | cut -f1))"

# Timings, peak memory and output size of the release binary, the ratio against the matplotlib
# peer (../shared/bench, in .venv-bench) and a cold build in a fresh clone. GNU time is needed.
# Every pack in every style built by this tree and by BASE (default HEAD) must match byte for
# byte (manifests apart from the line naming the binary): the check for refactors.
identical: build
	@BASE=$(BASE) bash .ci/identical

bench: build
	$(call apt_install,time)
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

$(HTML_VENV)/installed: Makefile
	$(call apt_install,$(HTML_APT))
	rm -rf $(HTML_VENV)
	python3 -m venv $(HTML_VENV)
	$(HTML_VENV)/bin/pip install -q --disable-pip-version-check --ignore-requires-python $(HTML_PYPI)
	touch $@

# The README's picture of the scrutiny pack's HTML page: its first screen in headless Chromium
# at 1280 x 800, after axe-core has checked the page.
html-screenshot: build $(HTML_VENV)/installed
	@$(BIN) build --quiet --force --pack scrutiny --formats html --out out/screenshot
	@mkdir -p docs
	$(HTML_VENV)/bin/python scripts/html_check.py --screenshot docs/html-first-screen.png out/screenshot/scrutiny.html

clean:
	rm -rf out .build .build-dist dist $(A11Y_VENV) $(HTML_VENV)
