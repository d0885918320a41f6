# Rapporteur — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
CARGO ?= cargo
NICE ?= nice -n 10
BIN := target/release/rapporteur
DESKTOP := target/debug/rapporteur-desktop
# The shell is always built with the UI embedded (custom-protocol), in tests too, so one build
# serves `make run` and `make test`. Core and shell are tested as separate packages: the core's
# dev-dependencies change features of shared crates, and testing both in one `cargo test
# --workspace` would compile the whole Tauri stack a second time.
DESKTOP_FEATURES := --features rapporteur-desktop/custom-protocol
UI_INPUTS := $(shell find ui/src -type f 2>/dev/null) ui/index.html ui/package.json \
	ui/package-lock.json ui/vite.config.ts ui/tsconfig.json

.PHONY: run run-cli test test-ui test-e2e screenshots desktop ui setup lint bench bench-desktop bench-relay deb fuzz clean

## run: build what is missing and open the window (the sample event on a first start);
## without a display, show the sample event's agenda in the terminal instead
run:
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "make run: no display (DISPLAY and WAYLAND_DISPLAY are empty); showing the agenda in the terminal." >&2; \
	  $(MAKE) --no-print-directory run-cli; \
	else \
	  scripts/setup.sh desktop && $(MAKE) --no-print-directory desktop && ./$(DESKTOP); \
	fi

run-cli:
	@scripts/setup.sh core
	$(CARGO) build --release --bin rapporteur
	@id=$$($(BIN) demo) && $(BIN) agenda --event "$$id"

## desktop: the window's binary with the UI embedded, and the CLI (one build, features unified)
desktop: ui/dist/index.html
	$(NICE) $(CARGO) build --workspace --bins $(DESKTOP_FEATURES)

ui: ui/dist/index.html

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund

ui/dist/index.html: ui/node_modules/.package-lock.json $(UI_INPUTS)
	cd ui && $(NICE) npm run build

## test: install what the tests need if missing, then run every test (core, UI, window).
## Each phase says when it starts and is ended by `timeout` if it runs past PHASE_TIMEOUT, so a
## hang fails with its phase named instead of holding the run.
PHASE_TIMEOUT ?= 30m
PHASE = @echo "test: $(1) ($$(date +%T), $$(( $$(date +%s) - $$(cat target/.test-start) )) s in)"
LIMIT = timeout --kill-after=30s $(PHASE_TIMEOUT)
test:
	@scripts/setup.sh test
	@scripts/setup.sh desktop
	@mkdir -p target && date +%s > target/.test-start
	$(call PHASE,UI unit tests and build)
	$(LIMIT) $(MAKE) --no-print-directory test-ui 2>&1 | tee target/ui-tests.log; exit $${PIPESTATUS[0]}
	$(call PHASE,core doc tests)
	$(LIMIT) $(CARGO) test -p rapporteur --doc
	$(call PHASE,core tests)
	$(LIMIT) $(CARGO) test -p rapporteur --lib --bins --tests 2>&1 | tee target/rust-tests.log; exit $${PIPESTATUS[0]}
	$(call PHASE,shell tests)
	$(LIMIT) $(NICE) $(CARGO) test -p rapporteur-desktop $(DESKTOP_FEATURES) 2>&1 | tee target/shell-tests.log; exit $${PIPESTATUS[0]}
	$(call PHASE,window build)
	$(LIMIT) $(MAKE) --no-print-directory desktop
	$(call PHASE,window end-to-end tests)
	scripts/e2e.sh 2>&1 | tee target/e2e-tests.log; exit $${PIPESTATUS[0]}
	$(call PHASE,done)
	@scripts/test-summary.sh target/ui-tests.log target/rust-tests.log target/shell-tests.log target/e2e-tests.log

test-ui: ui/node_modules/.package-lock.json
	cd ui && npx vitest run
	$(MAKE) --no-print-directory ui

test-e2e: desktop
	scripts/e2e.sh

## screenshots: rerun the window's end-to-end tests and refresh docs/screenshots/ with the
## pictures they took (`make test` leaves them in target/screenshots/ and the tree untouched)
screenshots: desktop
	rm -rf target/screenshots
	scripts/e2e.sh
	cp target/screenshots/*.png docs/screenshots/

## lint: formatting and clippy, as CI checks them
lint:
	@scripts/setup.sh core
	@scripts/setup.sh desktop
	$(MAKE) --no-print-directory ui
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets $(DESKTOP_FEATURES) -- -D warnings

## bench: run the benchmarks and write docs/benchmarks.md
bench:
	@scripts/setup.sh test
	bench/run.sh

## deb: the Debian package (target/release/bundle/deb/): one release build of the window and the
## CLI, bundled by the npm Tauri CLI from the top-level tauri.conf.json, then checked by
## scripts/check-deb.sh (contents, size, and the packaged window opening under Xvfb).
## `tauri bundle`, not `tauri build`: with the config at the top level, `tauri build` takes the
## top-level package's binary (the CLI, target/release/rapporteur) for the app and renames it to
## mainBinaryName, over the window's binary. `tauri bundle` only packages: the app is
## target/release/<mainBinaryName> = rapporteur-desktop, and bundle.linux.deb.files adds the CLI.
deb: ui
	@scripts/setup.sh desktop
	$(NICE) $(CARGO) build --release -p rapporteur-desktop -p rapporteur --bins --features tauri/custom-protocol
	ui/node_modules/.bin/tauri bundle --bundles deb
	scripts/check-deb.sh

## bench-relay: two Hocuspocus instances on Redis and the reference relay under load (50
## rapporteurs, 16 documents, 4 keys/s, 60 s): the table of "Relays under load" in docs/benchmarks.md
bench-relay:
	bench/run.sh relay

## bench-desktop: cold start, keystroke to "Saved", memory and .deb size (docs/benchmarks.md)
bench-desktop:
	bench/run.sh desktop

## fuzz: run each fuzz target (fuzz/) for FUZZ_SECONDS seconds with cargo-fuzz on the nightly
## toolchain; crashes land in fuzz/artifacts/. Not part of `make test` (see docs/fuzzing.md).
FUZZ_SECONDS ?= 180
FUZZ_TARGETS ?= frame_decoder bundle_reader agenda_text agenda_csv agenda_ics agenda_docx
fuzz:
	@command -v cargo-fuzz >/dev/null 2>&1 || $(NICE) $(CARGO) install cargo-fuzz --locked
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(NICE) $(CARGO) +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 || exit 1; \
	done

setup:
	@scripts/setup.sh test
	@scripts/setup.sh desktop

clean:
	$(CARGO) clean
	rm -rf ui/dist
