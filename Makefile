# One entry point for developers, CI and operators. Every target installs what it needs first,
# skipping what is already present; nothing is downloaded outside crates.io, npm and Debian.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

E2E_DIR := tests/e2e
TRUNK_VERSION := 0.21.14
# Debian packages: what a build needs, and what the tests add (browser, CJK font, the nginx host).
BUILD_APT := brotli
TEST_APT := chromium chromium-driver fonts-noto-cjk nginx libnginx-mod-http-brotli-static
# `make build PUBLIC_URL=/news/` builds for a sub-path deploy; `SITE_URL=https://host` names the
# site's public origin, for sitemap.xml and robots.txt (without it no sitemap is written).
PUBLIC_URL ?= /
SITE_URL ?=
# The site URL the end-to-end builds are made with (hosting.spec.ts reads it back).
TEST_SITE_URL := https://news.example.org
DIST ?= dist
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Installs the Debian packages $(1) unless all are present.
apt_install = dpkg -s $(1) >/dev/null 2>&1 || { $(SUDO) apt-get update \
  && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $(1); }

# npm's binaryen (wasm-opt 132) and the cargo-installed tools come first on PATH.
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/$(E2E_DIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
# Every wasm (the release and debug apps, the wasm tests) and the pre-renderer erase component
# types to AnyView: a smaller hydrating wasm (BENCHMARKS.md). Both sides must agree, because an
# erased view that renders nothing leaves a marker comment the hydrating side expects.
ERASE_COMPONENTS := --cfg erase_components
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := $(ERASE_COMPONENTS)

.PHONY: fuzz bench bench-app api screenshots help build-tools test-tools rust-tools node-packages serve build build-debug test test-unit test-wasm test-e2e clean

help:
	@echo "make serve   - serve the sample site with trunk on http://127.0.0.1:8080"
	@echo "make test    - unit, component (headless Chromium) and end-to-end tests"
	@echo "make build   - release build into dist/"
	@echo "make bench   - builder and pre-render at 100,000 articles; search, wasm size, paint, Lighthouse"
	@echo "make screenshots - docs/screenshots/ at 360, 768 and 1280 px in both themes, elder mode at 360"
	@echo "make fuzz    - the no-panic property tests with $(FUZZ_CASES) cases each"

build-tools: rust-tools node-packages
	@$(call apt_install,$(BUILD_APT))
	cargo fetch --locked

test-tools: build-tools
	@$(call apt_install,$(TEST_APT))

rust-tools:
	@rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -F "$(TRUNK_VERSION)" >/dev/null || cargo install --locked trunk --version $(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -F "$(WASM_BINDGEN_VERSION)" >/dev/null \
	  || cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

node-packages: $(E2E_DIR)/node_modules/.package-lock.json

$(E2E_DIR)/node_modules/.package-lock.json: $(E2E_DIR)/package-lock.json $(E2E_DIR)/package.json
	cd $(E2E_DIR) && npm ci --no-audit --no-fund
	@touch $@

# The static API in public/api/ is generated from content/ (never edited by hand). The builder is
# built with `ssr`: it also pre-renders the pages of a build (news-builder prerender).
api: build-tools
	RUSTFLAGS="$(ERASE_COMPONENTS)" cargo build --locked --profile builder --no-default-features --features ssr,search --bin news-builder
	target/builder/news-builder build content --out public/api

serve: build-tools api
	trunk serve

# The release build: the hydrating wasm, and every list page, article, related view and the site
# map pre-rendered at its route path (docs/prerender.md).
build: build-tools api
	trunk build --release --no-default-features --features hydrate,search --public-url "$(PUBLIC_URL)" --dist "$(DIST)"
	@# The plain shell: what hosts answer for paths that are not pre-rendered, as a 404 (unknown
	@# paths; search has its own copy, search/index.html).
	cp "$(DIST)/index.html" "$(DIST)/404.html"
	printf '%s*  %s404.html  404\n' "$(PUBLIC_URL)" "$(PUBLIC_URL)" > "$(DIST)/_redirects"
	target/builder/news-builder prerender "$(DIST)" $(if $(SITE_URL),--site-url "$(SITE_URL)")
	@# Pre-compressed siblings for gzip_static/brotli_static; config.json stays editable in place.
	find "$(DIST)" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' \
	  -o -name '*.json' -o -name '*.svg' -o -name '*.xml' -o -name '*.webmanifest' \) ! -name config.json -print0 \
	  | xargs -0 -P 2 -I{} sh -c 'gzip -9 -k -f "{}" && brotli -q 11 -k -f "{}"'

# A debug build of the hydrating app, pre-rendered: there a hydration mismatch panics naming its
# `view!` (a release build only fails). prerender.spec.ts runs against it too.
build-debug: build-tools api
	trunk build --no-default-features --features hydrate,search --dist target/dist-debug
	cp target/dist-debug/index.html target/dist-debug/404.html
	target/builder/news-builder prerender target/dist-debug --site-url $(TEST_SITE_URL)

test: test-tools test-unit test-wasm test-e2e

test-unit:
	cargo test --locked --lib --features builder
	@# news-builder import, run as a command (tests/import/).
	cargo test --locked --features builder --test import
	@# Pre-rendering: the same components rendered natively (src/prerender/).
	cargo test --locked --lib --no-default-features --features ssr,search prerender

# The property tests of src/properties.rs at length (make test runs 512 cases of each).
FUZZ_CASES ?= 200000
fuzz: build-tools
	PROPTEST_CASES=$(FUZZ_CASES) cargo test --locked --release --lib --features builder properties

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test '*'

test-e2e:
	$(MAKE) build SITE_URL=$(TEST_SITE_URL)
	tests/bench/budget.sh dist
	$(MAKE) build PUBLIC_URL=/news/ DIST=target/dist-news SITE_URL=$(TEST_SITE_URL)
	$(MAKE) build-debug
	cd $(E2E_DIR) && CI=1 npx playwright test

clean:
	rm -rf dist target $(E2E_DIR)/node_modules $(E2E_DIR)/test-results

screenshots: build
	cd $(E2E_DIR) && node screenshots.mjs ../../docs/screenshots

# Benchmarks (figures, not assertions):
# * the content builder at scale: a synthetic 100,000-article zh-CN corpus, built from scratch and
#   rebuilt unchanged; the builder prints its time and peak memory (goals: 60 s, 2 GB); then every
#   route of that site pre-rendered, from scratch and again unchanged (goal: 120 s, nothing written);
# * the app (bench-app): search on a synthetic 10,000-article site in the browser (bytes of a cold
#   and a next query, time per warm query, index size on disk), what search adds to the wasm, the
#   table of BENCHMARKS.md (sizes, first-load transfer, list painted against a static HTML floor for
#   the pre-rendered and the client-only build, list → article → back, a 1,000-navigation memory
#   soak; first contentful paint also with 4x CPU throttling, with the load's long tasks) and
#   Lighthouse's mobile scores on nginx with brotli (median of 3: the list, the shortest and the
#   longest article); wasm-size.sh prints what hydration and search add, and the wasm by crate and
#   by largest function (twiggy).
BENCH_DIR := target/bench
BENCH_COUNT ?= 100000
SEARCH_BENCH_DIR := target/bench-search
SEARCH_BENCH_COUNT ?= 10000
# The wasm's size by crate and function (tests/bench/wasm-size.sh).
TWIGGY_VERSION := 0.8.0
bench: api
	@[ "$$(ls $(BENCH_DIR)/content/articles 2>/dev/null | wc -l)" = "$(BENCH_COUNT)" ] || { rm -rf $(BENCH_DIR)/content; \
	  target/builder/news-builder synth --count $(BENCH_COUNT) --out $(BENCH_DIR)/content; }
	rm -rf $(BENCH_DIR)/api
	@echo "first build:"; target/builder/news-builder build $(BENCH_DIR)/content --out $(BENCH_DIR)/api
	@echo "rebuild, nothing changed:"; target/builder/news-builder build $(BENCH_DIR)/content --out $(BENCH_DIR)/api
	$(MAKE) build SITE_URL=$(TEST_SITE_URL)
	@# The release build over the 100,000-article API (the sample's own pages left out), then
	@# pre-rendered with a site URL, as a public site is: sitemap, feeds, canonical links, JSON-LD.
	rm -rf $(BENCH_DIR)/site && cp -a dist $(BENCH_DIR)/site
	cd $(BENCH_DIR)/site && rm -rf api articles category page sitemap search feeds index.html* atom.xml* sitemap*.xml* && cp 404.html index.html
	cp -al $(BENCH_DIR)/api $(BENCH_DIR)/site/api
	@echo "pre-render, first:"; target/builder/news-builder prerender $(BENCH_DIR)/site --site-url $(TEST_SITE_URL)
	@echo "pre-render, nothing changed:"; target/builder/news-builder prerender $(BENCH_DIR)/site --site-url $(TEST_SITE_URL)
	@echo "pre-rendered pages on disk: $$(du -sb --exclude=api $(BENCH_DIR)/site | cut -f1) B"
	@echo "sitemap files: $$(ls $(BENCH_DIR)/site/sitemap*.xml | wc -l), $$(cat $(BENCH_DIR)/site/sitemap*.xml | wc -c) B"
	$(MAKE) bench-app

# Lighthouse and the paint figures measure the site as published: with a site URL.
bench-app: SITE_URL = $(TEST_SITE_URL)
bench-app: test-tools api build
	@twiggy --version 2>/dev/null | grep -F "$(TWIGGY_VERSION)" >/dev/null || cargo install --locked twiggy --version $(TWIGGY_VERSION)
	@[ "$$(ls $(SEARCH_BENCH_DIR)/content/articles 2>/dev/null | wc -l)" = "$(SEARCH_BENCH_COUNT)" ] || { rm -rf $(SEARCH_BENCH_DIR)/content; \
	  target/builder/news-builder synth --count $(SEARCH_BENCH_COUNT) --out $(SEARCH_BENCH_DIR)/content; }
	target/builder/news-builder build $(SEARCH_BENCH_DIR)/content --out $(SEARCH_BENCH_DIR)/api
	rm -rf $(SEARCH_BENCH_DIR)/site && cp -al dist $(SEARCH_BENCH_DIR)/site && rm -rf $(SEARCH_BENCH_DIR)/site/api
	@# The sample site's pre-rendered pages do not belong to the synthetic API: the shell instead.
	cd $(SEARCH_BENCH_DIR)/site && rm -rf index.html* articles category page sitemap && cp 404.html index.html
	cp -al $(SEARCH_BENCH_DIR)/api $(SEARCH_BENCH_DIR)/site/api
	@echo "search index on disk ($(SEARCH_BENCH_COUNT) articles): $$(du -sb $(SEARCH_BENCH_DIR)/api/search | cut -f1) B in $$(find $(SEARCH_BENCH_DIR)/api/search -type f | wc -l) files"
	cd $(E2E_DIR) && node bench-search.mjs ../../$(SEARCH_BENCH_DIR)/site
	tests/bench/wasm-size.sh
	rm -rf target/bench-app-dist && cp -a dist target/bench-app-dist
	@# The same site rendered in the browser only (csr), to compare first paint with.
	trunk build --release --dist target/bench-csr-dist
	cp target/bench-csr-dist/index.html target/bench-csr-dist/404.html
	cd $(E2E_DIR) && node bench-app.mjs ../../target/bench-app-dist ../../target/bench-csr-dist
	cd $(E2E_DIR) && node bench-lighthouse.mjs
