# briefing: two commands on a fresh Debian machine.
#   make reports   install what is missing, build, write every pack into out/
#   make test      install what is missing, build, run the tests
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/briefing
# System packages: Cairo and Pango to draw, the fonts named by the styles, and poppler/qpdf to check PDFs.
APT_PACKAGES := libcairo2-dev libpango1.0-dev zlib1g-dev pkg-config fonts-liberation2 fonts-dejavu-core poppler-utils qpdf libqpdf-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Newly published official files for `make import` (defaults: the shared copies beside the repository).
SHARED ?= ../shared/data
OFSTED ?= $(SHARED)/ofsted/LA_Inspection_Outcomes_as_at_31_March_2025.ods
DFE ?= $(wildcard $(SHARED)/dfe/*.csv)
HOME_AUTHORITY ?= 341

.PHONY: deps build reports import test bench clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

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

clean:
	rm -rf out .build
