# Every target sets up what it needs on first use (.venv from pyproject.toml, the pinned Node tools from
# scripts/node/package-lock.json), so a fresh clone needs only python3, node (NODE_MIN below) and npm. The tools
# behind the targets live in the development toolkit tools/realtimekit_tools (python -m realtimekit_tools.<tool>).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
VENV_STAMP := $(VENV)/.installed
# The dev venv plus the bench extra (the official SDK), which the benchmark's smoke test imports.
BENCH_STAMP := $(VENV)/.bench-installed
NODE_DIR := scripts/node
NODE_STAMP := $(NODE_DIR)/node_modules/.installed

SPEC := openapi/realtimekit-sessions.yaml
GEN_CONFIG := openapi/generator-config.yaml
TEMPLATES := openapi/templates
PACKAGE := realtimekit_sessions

# The generator's post-hooks (ruff) must find the venv's tools first.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: setup generate check-generated lint-spec lint test demo bench bench-smoke clean

setup: $(VENV_STAMP) $(NODE_STAMP)

# The dev extra installs the toolkit (tools/) as a copy; it is then reinstalled editable, so that a change to
# it is live at once. Any later `pip install '.[dev]'` puts the copy back: hence the second step each time.
define install_tools_editable
	$(PY) -m pip install --quiet --no-deps -e ./tools
endef

$(VENV_STAMP): pyproject.toml tools/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(install_tools_editable)
	touch $@

$(NODE_STAMP): $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json | node-version
	npm ci --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error
	touch $@

# Node.js, from the "engines" fields of the pinned tools in scripts/node/node_modules:
#   @stoplight/prism-cli 5.16.0 (and prism-core, -http, -http-server): ">=24.18.0"
#   @redocly/cli 2.77.0: ">=22.12.0 || >=20.19.0 <21.0.0" (and it warns that Node 20 is end-of-life)
# NODE_WANTED is what both declare. Prism 5.16.0 does run on Node 20.20 (tests/e2e pass on it), so below
# NODE_WANTED make only warns; it stops below NODE_MIN, outside Redocly CLI's range (20.19+ on the 20 line,
# else 22.12+). Move these when a pin moves.
NODE_WANTED ?= 24.18.0
NODE_MIN ?= 22.12.0
NODE_MIN_20 ?= 20.19.0
# Prints "ok", "old" (below NODE_WANTED) or "too-old" (below NODE_MIN, and not NODE_MIN_20 or later on the 20 line).
NODE_VERSION_CHECK := const v = (s) => s.split(".").map(Number), at = (a, b) => { for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i]; return true; }; 	const have = v(process.versions.node), [wanted, min, min20] = process.argv.slice(1).map(v); 	console.log(at(have, wanted) ? "ok" : at(have, min) || (have[0] === min20[0] && at(have, min20)) ? "old" : "too-old")

.PHONY: node-version
node-version:
	@command -v node >/dev/null 2>&1 || { echo "Node.js $(NODE_WANTED) or later is needed for the tools in $(NODE_DIR) (Prism, Redocly CLI): install it from https://nodejs.org" >&2; exit 1; }
	@case "$$(node -e '$(NODE_VERSION_CHECK)' $(NODE_WANTED) $(NODE_MIN) $(NODE_MIN_20))" in \
	  ok) ;; \
	  old) echo "warning: Node.js $$(node --version) is older than the $(NODE_WANTED) the pinned Prism declares; it works for now, but install $(NODE_WANTED) or later from https://nodejs.org" >&2 ;; \
	  *) echo "Node.js $$(node --version) is too old for the pinned tools in $(NODE_DIR): install Node.js $(NODE_WANTED) or later from https://nodejs.org (at least $(NODE_MIN), or $(NODE_MIN_20) on the 20 line)" >&2; exit 1 ;; \
	esac

# generate OUT: validate the spec, then write the package to OUT/$(PACKAGE).
define generate_into
	$(PY) -m openapi_spec_validator $(SPEC)
	rm -rf $(1)
	$(BIN)/openapi-python-client generate --path $(SPEC) --config $(GEN_CONFIG) \
		--custom-template-path $(TEMPLATES) --meta none --fail-on-warning \
		--output-path $(1)/$(PACKAGE) >/dev/null
endef

generate: $(VENV_STAMP)
	$(call generate_into,build/generate)
	rm -rf generated/$(PACKAGE)
	mkdir -p generated
	mv build/generate/$(PACKAGE) generated/$(PACKAGE)
	@echo "generated/$(PACKAGE) written from $(SPEC)"
	@echo "After a change to the spec: make recordings (cases for what the recordings do not show yet), then make test."

# The CI drift check: regenerate elsewhere and fail on any difference from what is committed.
check-generated: $(VENV_STAMP)
	$(call generate_into,build/check)
	@diff -r -u -x __pycache__ generated/$(PACKAGE) build/check/$(PACKAGE) \
		|| { echo "generated/ differs from what $(SPEC) gives: run 'make generate' and commit." >&2; exit 1; }
	@echo "generated/$(PACKAGE) matches $(SPEC)"

lint-spec: $(VENV_STAMP) node-version $(NODE_STAMP)
	$(PY) -m openapi_spec_validator $(SPEC)
	cd $(NODE_DIR) && npx --no-install redocly lint --config ../../openapi/redocly.yaml ../../$(SPEC)

lint: $(VENV_STAMP)
	$(BIN)/ruff check scripts tests cli tools sources openapi/runtime openapi/install_runtime.py
	$(BIN)/ruff format --check openapi/runtime openapi/install_runtime.py
	cd openapi && ../$(BIN)/mypy --strict --explicit-package-bases --config-file ../pyproject.toml runtime install_runtime.py
	$(BIN)/ruff check generated/$(PACKAGE)
	$(BIN)/mypy --strict generated/$(PACKAGE) cli/realtimekit_sessions_cli sources/realtimekit_sessions_dlt

# Every tier: tests/unit, tests/wiring, tests/contract, tests/tools, tests/integration (which starts Prism from
# scripts/node itself), and tests/real_use; the bench smoke test imports the official SDK.
# -n auto: two workers per core (tests/conftest.py: a third of the suite waits on servers and clocks, not on a
# core); --dist loadgroup keeps tests that share an expensive fixture or import on one worker
# (pytest.mark.xdist_group). The terminal-summary tables of the fuzz and fault tests print only in a single
# process: make fuzz and make soak, and `.venv/bin/pytest tests/...` by hand, show them. Bytecode is written
# even where PYTHONDONTWRITEBYTECODE is set, as Python's default is: the suite starts a hundred-odd Python
# processes (CLI, README, bench), which otherwise compile the package, the CLI and the toolkit from source each
# time, and pytest rewrites every test module again each run.
test: $(VENV_STAMP) $(BENCH_STAMP) node-version $(NODE_STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -n auto --dist loadgroup

# The same run, measuring the runtime's line coverage per file (the package less api/ and models/, see
# [tool.coverage] in pyproject.toml); slower than make test, since every line executed is traced.
.PHONY: coverage
coverage: $(VENV_STAMP) $(BENCH_STAMP) node-version $(NODE_STAMP)
	$(BIN)/pytest --cov=realtimekit_sessions --cov-report=term-missing

demo: $(VENV_STAMP)
	$(PY) -m realtimekit_tools.demo
	@echo; echo "Next: make demo-load (the mock's sessions into DuckDB with dlt, and their average MOS per session)"

# The local mock's sessions into build/demo-load/realtimekit_sessions.duckdb (realtimekit-sessions load, the
# [dlt] extra), then the worst sessions by average MOS, with the SQL (README, "Into a warehouse").
.PHONY: demo-load bench-load
demo-load: $(VENV_STAMP)
	$(PY) scripts/demo_load.py

# The dlt load against the toolkit's mock with latency and a budget on both sides (tests/integration/dlt_bench.py):
# requests per minute against the budget, 429s, rows per minute per table, peak memory after each step.
# BENCH_LOAD_ARGS='--sessions 10000 --budget 1200 --window 300 --json build/bench-load.json'; the load's settings:
# --file-format insert_values, --load-workers N, --file-max-items N, --duckdb-config '{"memory_limit": "256MB"}'
bench-load: $(VENV_STAMP)
	cd tests/integration && ../../$(PY) dlt_bench.py $(BENCH_LOAD_ARGS)

# The local mock of the API in the foreground, on 127.0.0.1:8787; it prints the `export ...` line to paste.
# MOCK_ARGS='--sessions 5000 --latency 0.05 --per-page-cap 100 --quota 1200 --window 300 --now now ...'
# (python -m realtimekit_tools.mock_server --help lists them all; CONTRIBUTING.md, "The local mock").
.PHONY: mock
mock: $(VENV_STAMP)
	$(PY) -m realtimekit_tools.mock_server $(MOCK_ARGS)

# The synthesized recordings in tests/recordings, rebuilt: the builder's hand-written cases, plus cases made
# from the spec for whatever those do not show (after a field was added to the spec, say).
.PHONY: recordings
recordings: $(VENV_STAMP)
	$(PY) -m realtimekit_tools.make_recordings

# The benchmark's extra (the official SDK it measures against) on top of the dev venv.
$(BENCH_STAMP): pyproject.toml tools/pyproject.toml $(VENV_STAMP)
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(install_tools_editable)
	touch $@

# Ours against the official SDK, each comparison in a fresh process (about 10 minutes: issue 13 added throughput, 1x-50x scaling and export rows); BENCH_ARGS='--json FILE'.
bench: $(BENCH_STAMP)
	$(PY) -m realtimekit_tools.bench $(BENCH_ARGS)

# The same code with tiny bodies and one repeat: proves every row can be measured, figures mean nothing.
bench-smoke: $(BENCH_STAMP)
	$(PY) -m realtimekit_tools.bench --smoke $(BENCH_ARGS)

# ---- Contract checks against the live API (realtimekit_tools.record, .drift, .api_diff) ----
.PHONY: record contract-live drift api-diff

# Live recordings of all nine operations, scrubbed; needs CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and
# REALTIMEKIT_APP_ID. RECORD_ARGS='--session-id ID --participant-id ID' picks what to record.
RECORD_OUT ?= build/recordings/live
record: $(VENV_STAMP)
	$(PY) -m realtimekit_tools.record --out $(RECORD_OUT) $(RECORD_ARGS)

# Drift report over recordings or HAR files: DRIFT_INPUT='folders or .har files', DRIFT_ARGS='--json --allow KIND'.
DRIFT_INPUT ?= $(RECORD_OUT)
drift: $(VENV_STAMP)
	$(PY) -m realtimekit_tools.drift $(DRIFT_INPUT) $(DRIFT_ARGS)

# The nightly CI job: record afresh into an emptied folder (kept for upload as a CI artifact), then report drift.
CONTRACT_LIVE_OUT ?= build/recordings/contract-live
contract-live: $(VENV_STAMP)
	rm -rf $(CONTRACT_LIVE_OUT)
	$(PY) -m realtimekit_tools.record --out $(CONTRACT_LIVE_OUT) $(RECORD_ARGS)
	$(PY) -m realtimekit_tools.drift $(CONTRACT_LIVE_OUT) $(DRIFT_ARGS)

# Breaking changes in the generated package's public API since BASE (default: the revision before the last
# change to openapi/, or HEAD while openapi/ has uncommitted changes), e.g. make api-diff BASE=origin/main.
BASE ?=
api-diff: $(VENV_STAMP)
	$(PY) -m realtimekit_tools.api_diff $(if $(BASE),--base $(BASE))

.PHONY: fuzz soak
# The long runs of the hypothesis and load tests (CI runs the same tests small). fuzz: FUZZ_EXAMPLES bodies
# (default 1000) per operation and kind of test (tests/differential: bodies drawn from the official SDK's models),
# with the tables of bodies tried; soak: 10 000 async requests, 200 at a time.
fuzz: $(BENCH_STAMP)
	RELIABILITY_PROFILE=fuzz $(BIN)/pytest -q -p no:cacheprovider tests/unit/test_fuzz_bodies.py \
		tests/unit/test_path_ids_and_queries.py tests/integration/test_download_bodies.py tests/differential

soak: $(VENV_STAMP)
	SOAK_REQUESTS=10000 SOAK_CONCURRENCY=200 $(BIN)/pytest -q -p no:cacheprovider tests/integration/test_load.py

clean:
	rm -rf build $(VENV) $(NODE_DIR)/node_modules .pytest_cache .mypy_cache .ruff_cache

# ---- Generator upgrades (openapi/upstream/upstream_diff.py; the procedure is in CONTRIBUTING.md) ----
.PHONY: upstream-diff
# What openapi-python-client changed in its templates between the pristine copy in openapi/upstream/ and
# release VERSION (downloaded with pip), for every template openapi/templates/ overrides or names, e.g.
# make upstream-diff VERSION=0.30.0. UPSTREAM_DIFF_ARGS='--all' diffs every changed template; '--save' then
# keeps VERSION's templates as the pristine copy. Exit status 0: identical, 1: upstream changed, 2: no comparison.
upstream-diff: $(VENV_STAMP)
	$(if $(VERSION),,$(error VERSION is required, e.g. make upstream-diff VERSION=0.30.0; see: pip index versions openapi-python-client))
	$(PY) openapi/upstream/upstream_diff.py $(VERSION) $(UPSTREAM_DIFF_ARGS)
