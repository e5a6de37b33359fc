# briefing: two commands on a fresh Debian machine.
#   make reports   install what is missing, build, write every pack into out/
#   make test      install what is missing, build, run the tests
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/briefing
# System packages: Cairo and Pango to draw, the fonts named by the styles, and poppler/qpdf to check PDFs.
APT_PACKAGES := libcairo2-dev libpango1.0-dev pkg-config fonts-liberation2 fonts-dejavu-core poppler-utils qpdf
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build reports test clean

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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf out .build
