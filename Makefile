# Thin wrapper: `make run` and `make test` do all set-up on a fresh Debian 12 machine.
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
DEMO_SINCE ?= 2025-09-13T17:00:00Z
DEMO_UNTIL ?= 2025-09-13T23:00:00Z

PACKAGES := g++ cmake ninja-build pkg-config ccache make python3 openssl \
  libboost-dev libboost-program-options-dev libboost-filesystem-dev libboost-graph-dev \
  nlohmann-json3-dev libspdlog-dev libfmt-dev libtomlplusplus-dev libgtest-dev libgmock-dev \
  libbenchmark-dev libcurl4-openssl-dev libssl-dev libsqlite3-dev libhyperscan-dev libre2-dev \
  libsimdjson-dev libxxhash-dev libcpp-httplib-dev zlib1g-dev libjemalloc-dev

.PHONY: all deps configure build run test asan clean

all: build

# Installs only what is missing (apt-get update first, as a fresh machine needs).
deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

configure: deps
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The demo: the bundled Cloud Run sample through redact → template → rules → drain → json → markdown.
run: build
	./$(BUILD)/log-gardener run pipelines/demo.toml --since $(DEMO_SINCE) --until $(DEMO_UNTIL) \
	  --state $(BUILD)/demo-state.db
	@echo "worklog and report written under pipelines/out/"

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# ASan + UBSan over the whole suite.
asan: deps
	cmake --preset asan && cmake --build --preset asan -j $(JOBS) && ctest --preset asan -j $(JOBS)

clean:
	rm -rf $(BUILD) build-asan build-debug
