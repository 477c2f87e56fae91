# The user's interface to annals. Two commands matter:
#   make demo   install what is missing, build, ingest the bundled sample, serve it
#   make test   install what is missing, build, run every test (incl. ASan/UBSan)
# Others: make build, make bench, make format, make fuzz, make clean.

JOBS ?= $(shell nproc)
BUILD ?= build
SAN_BUILD ?= build-san
CMAKE_FLAGS ?=

.PHONY: all deps build test test-fast test-sanitize bench demo format fuzz clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DANNALS_WERROR=ON $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Fast set (unit + golden + e2e), then the same tests under ASan/UBSan.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L 'unit|golden|e2e|slow'
	$(MAKE) test-sanitize

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L 'unit|golden'

test-sanitize: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DANNALS_SANITIZE=ON -DANNALS_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(SAN_BUILD) -j $(JOBS)
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -L 'unit|golden|e2e' -LE 'nosan'

bench: build
	bench/run-all.sh $(BUILD)

demo: build
	bench/../scripts/demo.sh $(BUILD)

fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_FUZZ=ON
	cmake --build build-fuzz -j $(JOBS)
	scripts/run-fuzzers.sh build-fuzz $${FUZZ_SECONDS:-10}

format:
	find src tests bench -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(SAN_BUILD) build-fuzz
