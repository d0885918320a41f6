# Rapporteur — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
CARGO ?= cargo
BIN := target/release/rapporteur

.PHONY: run test setup lint bench clean

## run: build what is missing and show the sample event (the desktop window comes with its issue)
run:
	@scripts/setup.sh core
	$(CARGO) build --release --bin rapporteur
	@id=$$($(BIN) demo) && $(BIN) agenda --event "$$id"

## test: install what the tests need if missing, then run every test
test:
	@scripts/setup.sh test
	$(CARGO) test --workspace --doc
	@mkdir -p target
	$(CARGO) test --workspace --lib --bins --tests 2>&1 | tee target/rust-tests.log; exit $${PIPESTATUS[0]}
	@scripts/test-summary.sh target/rust-tests.log

## lint: formatting and clippy, as CI checks them
lint:
	@scripts/setup.sh core
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

## bench: run the benchmarks and write docs/benchmarks.md
bench:
	@scripts/setup.sh test
	bench/run.sh

setup:
	@scripts/setup.sh test

clean:
	$(CARGO) clean
