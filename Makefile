# The two commands (see README): `make run` and `make test`. Each installs what it needs.
.PHONY: run test build bench check clean-data

run:
	@scripts/run.sh

test:
	@scripts/test.sh

build:
	@scripts/build.sh

bench:
	@bench/run.sh

# Fast feedback while editing: type-check the server and the browser bundle.
check:
	cargo check --workspace --all-targets
	cargo check -p frontend --target wasm32-unknown-unknown

clean-data:
	rm -rf data
