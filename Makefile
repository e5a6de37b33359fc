# briefing: two commands on a fresh Debian machine.
#   make reports   check system packages, build, write every pack into out/
#   make test      check system packages, build, run the tests (including the dist tarball's)
#   make dist      dist/briefing-<version>-linux-x86_64.tar.gz: runs without Swift
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/briefing
VERSION := $(shell sed -n 's/.*string = "\(.*\)".*/\1/p' Sources/BriefingKit/Version.swift)
DIST_NAME := briefing-$(VERSION)-linux-x86_64
DIST_TARBALL := dist/$(DIST_NAME).tar.gz
# The dist binary is built apart from .build, with the Swift runtime and Foundation linked in.
DIST_SCRATCH := .build-dist
# System packages: Cairo and Pango to draw, the fonts named by the styles, and poppler/qpdf to check PDFs.
APT_PACKAGES := libcairo2-dev libpango1.0-dev zlib1g-dev pkg-config fonts-liberation2 fonts-dejavu-core poppler-utils qpdf
# No sudo unless asked for: `make deps SUDO=sudo`. As root, apt-get runs as it is.
SUDO ?=

# Newly published official files for `make import` (defaults: the shared copies beside the repository).
SHARED ?= ../shared/data
OFSTED ?= $(SHARED)/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods
DFE ?= $(wildcard $(SHARED)/dfe/*.csv)
HOME_AUTHORITY ?= 341

.PHONY: deps build reports import test dist bench clean

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
	$(SWIFT) build -c release --product briefing

reports: build
	@$(BIN) build

import: build
	$(BIN) import ofsted $(OFSTED)
	$(BIN) import dfe --home $(HOME_AUTHORITY) $(DFE)

# The Swift Testing suites; DistTests unpack the tarball `dist` made and run it without Swift.
test: deps dist
	$(SWIFT) build --build-tests
	BRIEFING_DIST=$(CURDIR)/$(DIST_TARBALL) $(SWIFT) test --skip-build

# The binary (Swift runtime and Foundation linked in statically, symbols stripped), Reports/,
# Styles/ and the README, under one folder; bin/briefing finds Reports and Styles beside itself.
# Files are sorted, owned by uid 0 and dated from the last commit, whoever makes it and whenever.
dist: deps
	$(SWIFT) build -c release --product briefing --static-swift-stdlib --scratch-path $(DIST_SCRATCH)
	@rm -rf dist/$(DIST_NAME) $(DIST_TARBALL)
	@mkdir -p dist/$(DIST_NAME)/bin
	@strip -o dist/$(DIST_NAME)/bin/briefing $(DIST_SCRATCH)/release/briefing
	@cp -R Reports Styles README.md dist/$(DIST_NAME)/
	@tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$$(git log -1 --format=%ct 2>/dev/null || echo 0) \
	  -C dist -cf - $(DIST_NAME) | gzip -n -9 > $(DIST_TARBALL)
	@rm -rf dist/$(DIST_NAME)
	@echo "$(DIST_TARBALL) ($$(du -h $(DIST_TARBALL) | cut -f1))"

# Timings, peak memory and output size of the release binary, the ratio against the matplotlib
# peer (../shared/bench, in .venv-bench) and a cold build in a fresh clone. GNU time is needed.
bench: build
	$(call apt_install,time)
	@bash .ci/bench

clean:
	rm -rf out .build $(DIST_SCRATCH) dist
