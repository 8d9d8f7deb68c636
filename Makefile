# SPDX-License-Identifier: LGPL-2.1-or-later
# Makefile - builds advapi32.dll, cryptsp.dll, rsaenh.dll and dssenh.dll for Windows with
# mingw-w64, the native (Linux) unit tests of the CSP core, and the Windows
# tests and tools.  `make` builds, `make check` runs every test, `make run`
# runs the demonstration, `make install WINEPREFIX=...` / `make uninstall`.
# Third-party code (nettle, GMP, Wine's tests) is set up by tools/setup.sh.

HOST      ?= x86_64-w64-mingw32
OUT       := build/$(HOST)
SYSROOT   := build/sysroot/$(HOST)
SETUP     := $(SYSROOT)/lib/libhogweed.a

WCC       := $(HOST)-gcc
WCFLAGS   := -O2 -g -Wall -Wextra -Wno-unused-parameter -Iinclude -I$(SYSROOT)/include \
             -D_WIN32_WINNT=0x0601 -DWINVER=0x0601
WLDFLAGS  := -shared -static -static-libgcc -Wl,--enable-stdcall-fixup
NETTLE    := -L$(SYSROOT)/lib -lhogweed -lnettle -lgmp

NCC       := gcc
SANITIZE  := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
NCFLAGS   := -O1 -g -Wall -Wextra -Wno-unused-parameter -Iinclude $(SANITIZE)
NLIBS     := -lhogweed -lnettle -lgmp

# --- the DLLs --------------------------------------------------------------

# The CSP engine: rsaenh/core/ and the DSS providers' public-key code
# (dssenh/core/), one algorithm table over both.  rsaenh.dll and
# dssenh.dll are the same shell (rsaenh/dll/) but for identity.c.
RSAENH_CORE := $(wildcard rsaenh/core/*.c) $(wildcard dssenh/core/*.c)
# common/: the WINEDEBUG channels (csp_debug.c), in all four DLLs.
COMMON_SRC  := $(wildcard common/*.c)
RSAENH_SRC  := $(RSAENH_CORE) $(wildcard rsaenh/dll/*.c) $(COMMON_SRC)
DSSENH_SRC  := $(RSAENH_CORE) $(filter-out rsaenh/dll/identity.c,$(wildcard rsaenh/dll/*.c)) $(wildcard dssenh/dll/*.c) \
               $(COMMON_SRC)
# sysfunc/: the SystemFunction helpers and hash contexts, written once and
# linked into the two DLLs that export them (each .def says which names).
CRYPTSP_SRC := $(wildcard cryptsp/*.c) $(addprefix sysfunc/,des.c ntlm.c hash_contexts.c compare.c rc4.c signature.c) \
               $(COMMON_SRC)
ADVAPI32_SRC:= $(wildcard advapi32/*.c) $(addprefix sysfunc/,des.c lsa_secret.c hash_contexts.c random.c memory_protect.c) \
               $(COMMON_SRC)

wobj = $(patsubst %.c,$(OUT)/obj/%.o,$(1))
DLLS := $(OUT)/advapi32.dll $(OUT)/cryptsp.dll $(OUT)/rsaenh.dll $(OUT)/dssenh.dll

# Both architectures ship: the default (x86_64) build also makes the i686
# DLLs, in build/i686-w64-mingw32/ (GMP and nettle for it come from setup).
HOST32    := i686-w64-mingw32
ALSO      := $(if $(filter x86_64-w64-mingw32,$(HOST)),dlls-$(HOST32) tests-$(HOST32))

all: $(DLLS) tools tests $(ALSO)

dlls: $(DLLS)

dlls-%:
	$(MAKE) HOST=$* dlls

# the Windows tests as 32-bit programs (run where the host has a 32-bit Wine);
# after the DLLs, so that under make -j the 32-bit set-up runs once
tests-%: dlls-%
	$(MAKE) HOST=$* tests demo-tools

$(SETUP):
	HOST=$(HOST) bash tools/setup.sh

setup:
	HOST=$(HOST) bash tools/setup.sh

$(OUT)/obj/%.o: %.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(WCC) $(WCFLAGS) -MMD -MP -c $< -o $@

# Each DLL's debug information goes into DLL.debug beside it (found through
# a .gnu_debuglink): Wine reads a mingw DLL's sections into memory at every
# load, and with the debug sections in, a load and free of rsaenh.dll took
# 3.9 ms instead of 0.7 (the CSP-only deployment loads it for every context).
SPLIT_DEBUG = $(HOST)-objcopy --only-keep-debug $@ $@.debug && \
	$(HOST)-objcopy --strip-debug --add-gnu-debuglink=$@.debug $@

$(OUT)/rsaenh.dll: $(call wobj,$(RSAENH_SRC)) rsaenh/rsaenh.def
	$(WCC) $(WLDFLAGS) -o $@ $(filter %.o,$^) rsaenh/rsaenh.def $(NETTLE) -ladvapi32 -lcrypt32
	$(SPLIT_DEBUG)

$(OUT)/dssenh.dll: $(call wobj,$(DSSENH_SRC)) dssenh/dssenh.def
	$(WCC) $(WLDFLAGS) -o $@ $(filter %.o,$^) dssenh/dssenh.def $(NETTLE) -ladvapi32 -lcrypt32
	$(SPLIT_DEBUG)

$(OUT)/cryptsp.dll: $(call wobj,$(CRYPTSP_SRC)) cryptsp/cryptsp.def
	$(WCC) $(WLDFLAGS) -o $@ $(filter %.o,$^) cryptsp/cryptsp.def $(NETTLE) -ladvapi32
	$(SPLIT_DEBUG)

# advapi32's own code must not import from advapi32.dll (itself): what it
# needs beyond kernel32 comes from kernelbase, through this import library.
$(OUT)/libkernelbase.a: advapi32/kernelbase.def
	@mkdir -p $(dir $@)
ifeq ($(findstring i686,$(HOST)),i686)
	$(HOST)-dlltool -k -d $< -l $@
else
	sed 's/@[0-9]*$$//' $< > $@.def && $(HOST)-dlltool -d $@.def -l $@
endif

$(OUT)/advapi32.dll: $(call wobj,$(ADVAPI32_SRC)) advapi32/advapi32.def $(OUT)/libkernelbase.a
	$(WCC) $(WLDFLAGS) -o $@ $(filter %.o,$^) advapi32/advapi32.def $(NETTLE) $(OUT)/libkernelbase.a -lkernel32
	$(SPLIT_DEBUG)

# --- native build of the CSP core (unit tests, sanitizers) -----------------

nobj = $(patsubst %.c,build/native/obj/%.o,$(1))
UNIT_SRC   := $(wildcard tests/unit/*/test_*.c)
UNIT_TESTS := $(patsubst tests/unit/%.c,build/native/unit/%,$(UNIT_SRC))

build/native/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(NCC) $(NCFLAGS) -MMD -MP -c $< -o $@

build/native/unit/rsaenh/%: tests/unit/rsaenh/%.c $(call nobj,$(RSAENH_CORE))
	@mkdir -p $(dir $@)
	$(NCC) $(NCFLAGS) -Itests/unit -o $@ $^ $(NLIBS)

build/native/unit/dssenh/%: tests/unit/dssenh/%.c $(call nobj,$(RSAENH_CORE))
	@mkdir -p $(dir $@)
	$(NCC) $(NCFLAGS) -Itests/unit -o $@ $^ $(NLIBS)

# key material is wiped before free(): every free() goes through the test's hook
build/native/unit/secrets/%: tests/unit/secrets/%.c $(call nobj,$(RSAENH_CORE))
	@mkdir -p $(dir $@)
	$(NCC) $(NCFLAGS) -Itests/unit -Wl,--wrap=free -o $@ $^ $(NLIBS)

unit: $(UNIT_TESTS)

# --- ThreadSanitizer: the core shared between threads (tests/tsan/) --------

TSAN_FLAGS := -O1 -g -Wall -Wextra -Wno-unused-parameter -Iinclude -fsanitize=thread -fno-omit-frame-pointer
TSAN_TESTS := $(patsubst tests/tsan/%.c,build/tsan/%,$(wildcard tests/tsan/test_*.c))
tobj = $(patsubst %.c,build/tsan/obj/%.o,$(1))

# clang and its sanitizer runtimes (libFuzzer, TSan) come from setup too
CLANG_RT := build/.clang-rt
$(CLANG_RT):
	@mkdir -p $(dir $@)
	ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || \
		HOST=$(HOST) bash tools/setup.sh
	@touch $@

build/tsan/obj/%.o: %.c | $(CLANG_RT)
	@mkdir -p $(dir $@)
	clang $(TSAN_FLAGS) -MMD -MP -c $< -o $@

build/tsan/test_%: tests/tsan/test_%.c $(call tobj,tests/fuzz/fuzz_keys.c $(RSAENH_CORE))
	@mkdir -p $(dir $@)
	clang $(TSAN_FLAGS) -Itests/unit -o $@ $^ $(NLIBS) -lpthread

tsan: $(TSAN_TESTS)

# --- fuzzing: libFuzzer with ASan and UBSan (clang) ------------------------
# build/fuzz/bin/fuzz_* are the targets (tests/fuzz/fuzz_*.c), their seed
# corpora are made at build time by the same files built with -DFUZZ_SEEDS
# (build/fuzz/seed/*, the project's own exporter) into build/fuzz/corpus/.
# `make fuzz` runs each target FUZZ_SECONDS long (tests/fuzz/run.sh).

FCC        := clang
FCFLAGS    := -O1 -g -Wall -Wextra -Wno-unused-parameter -Iinclude \
              -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_NAMES := $(patsubst tests/fuzz/%.c,%,$(filter-out tests/fuzz/fuzz_keys.c,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BIN   := $(addprefix build/fuzz/bin/,$(FUZZ_NAMES))
FUZZ_CORPUS:= $(addsuffix /.stamp,$(addprefix build/fuzz/corpus/,$(FUZZ_NAMES)))
FUZZ_SECONDS ?= 3600
fobj = $(patsubst %.c,build/fuzz/obj/%.o,$(1))

build/fuzz/obj/%.o: %.c | $(CLANG_RT)
	@mkdir -p $(dir $@)
	$(FCC) $(FCFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

build/fuzz/bin/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(call fobj,tests/fuzz/fuzz_keys.c $(RSAENH_CORE))
	@mkdir -p $(dir $@)
	$(FCC) $(FCFLAGS) -fsanitize=fuzzer -o $@ $(filter %.c %.o,$^) $(NLIBS)

build/fuzz/seed/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(call nobj,tests/fuzz/fuzz_keys.c $(RSAENH_CORE))
	@mkdir -p $(dir $@)
	$(NCC) $(NCFLAGS) -DFUZZ_SEEDS -o $@ $(filter %.c %.o,$^) $(NLIBS)

build/fuzz/corpus/%/.stamp: build/fuzz/seed/%
	rm -rf build/fuzz/corpus/$* && mkdir -p build/fuzz/corpus/$*
	ASAN_OPTIONS=detect_leaks=0 $< build/fuzz/corpus/$*
	@touch $@

fuzz-build: $(FUZZ_BIN) $(FUZZ_CORPUS)

fuzz: fuzz-build
	@for t in $(FUZZ_NAMES); do bash tests/fuzz/run.sh $$t $(FUZZ_SECONDS) || exit 1; done

# --- Windows programs: our winetest-style tests and the tools --------------

WINETEST_INC := build/winetest/include
WTCFLAGS    := $(WCFLAGS) -I$(WINETEST_INC) -Itests/winetest -include winetest_compat.h -DSTANDALONE \
               -Wno-sign-compare -Wno-format
WIN_TESTS   := $(patsubst tests/win/%.c,$(OUT)/tests/%.exe,$(wildcard tests/win/*.c))
TOOLS       := $(patsubst tools/%.c,$(OUT)/tools/%.exe,$(wildcard tools/*.c))
INTEROP     := $(patsubst tests/interop/%.c,$(OUT)/tests/interop/%.exe,$(wildcard tests/interop/*.c))

$(WINETEST_INC)/wine/test.h: | $(SETUP)
	HOST=$(HOST) bash tools/setup.sh

$(OUT)/tests/%.exe: tests/win/%.c tests/win/win_test.h tests/winetest/winetest_compat.h $(WINETEST_INC)/wine/test.h
	@mkdir -p $(dir $@)
	$(WCC) $(WTCFLAGS) -o $@ $< -ladvapi32 -lcrypt32

$(OUT)/tests/interop/%.exe: tests/interop/%.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(WCC) $(WCFLAGS) -o $@ $< -ladvapi32

$(OUT)/tools/%.exe: tools/%.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(WCC) $(WCFLAGS) -o $@ $< -ladvapi32

tests: $(WIN_TESTS) $(INTEROP)
tools: $(TOOLS)
demo-tools: $(TOOLS)

# --- bench (issue 8): bench.exe, make bench, the callgrind guard ------------
# bench.exe links nettle/GMP statically for its --raw mode; `make bench`
# measures builtin, ours, ours-csp and raw side by side (tools/bench/run.py).
BENCH_SRC := $(wildcard tools/bench/*.c)
$(OUT)/tools/bench.exe: $(BENCH_SRC) tools/bench/bench.h | $(SETUP)
	@mkdir -p $(dir $@)
	$(WCC) $(WCFLAGS) -o $@ $(BENCH_SRC) -ladvapi32 $(NETTLE)

tools: $(OUT)/tools/bench.exe

bench: all
	python3 tools/bench/run.py

# The callgrind guard (tests/perf/): the core built natively with -O2 and no
# sanitizers, so instruction counts are those of the code users run.
PERF_CFLAGS := -O2 -g -Wall -Wextra -Wno-unused-parameter -Iinclude
build/native/perf/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(NCC) $(PERF_CFLAGS) -MMD -MP -c $< -o $@

build/native/perf/perf_ops: tests/perf/perf_ops.c $(patsubst %.c,build/native/perf/obj/%.o,$(RSAENH_CORE))
	@mkdir -p $(dir $@)
	$(NCC) $(PERF_CFLAGS) -o $@ $^ $(NLIBS)

perf: build/native/perf/perf_ops
check: perf

.PHONY: bench perf
# --- end of bench ------------------------------------------------------------

# --- certutil (issue 17): certutil.exe, the CSP and key-container verbs ----
# certutil/*.c, one program for both architectures (the i686 one through
# tests-% -> demo-tools); tests/certutil/*.c are its test helpers.
CERTUTIL_SRC   := $(wildcard certutil/*.c)
CERTUTIL_TESTS := $(patsubst tests/certutil/%.c,$(OUT)/tests/certutil/%.exe,$(wildcard tests/certutil/*.c))
$(OUT)/certutil.exe: $(CERTUTIL_SRC) certutil/certutil.h | $(SETUP)
	@mkdir -p $(dir $@)
	$(WCC) $(WCFLAGS) -static -static-libgcc -o $@ $(CERTUTIL_SRC) -lcrypt32 -ladvapi32

$(OUT)/tests/certutil/%.exe: tests/certutil/%.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(WCC) $(WCFLAGS) -static -static-libgcc -o $@ $< -ladvapi32 -lcrypt32

tools demo-tools install: $(OUT)/certutil.exe
tests: $(CERTUTIL_TESTS)
# --- end of certutil ---------------------------------------------------------

# --- user entry points -----------------------------------------------------

check: all unit tsan fuzz-build
	bash tests/run-all.sh

run: all
	bash tools/demo.sh

# The release archives in build/dist/ (tools/dist.sh): the DLLs and
# setup.sh, their debug files, the Windows tests with Wine's suites.
dist: all
	python3 tests/conformance/run.py --build-only
	bash tools/dist.sh

WINEPREFIX ?= $(HOME)/.wine
install: $(DLLS)
	WINEPREFIX="$(WINEPREFIX)" bash tools/install.sh install $(OUT)

uninstall:
	WINEPREFIX="$(WINEPREFIX)" bash tools/install.sh uninstall $(OUT)

clean:
	rm -rf $(OUT) build/$(HOST32) build/native build/fuzz build/tsan build/winetest build/conformance build/dist build/prefix-*

.PHONY: all dlls setup unit tests tools demo-tools check run dist install uninstall clean fuzz fuzz-build tsan
# Keep the native objects make would otherwise delete as intermediates.
.SECONDARY:
-include $(shell find build/$(HOST)/obj build/native/obj build/native/perf/obj build/fuzz/obj build/tsan/obj -name '*.d' 2>/dev/null)
