# Makefile - builds advapi32.dll, cryptsp.dll and rsaenh.dll for Windows with
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

RSAENH_CORE := $(wildcard rsaenh/core/*.c)
RSAENH_SRC  := $(RSAENH_CORE) $(wildcard rsaenh/dll/*.c)
CRYPTSP_SRC := $(wildcard cryptsp/*.c)
ADVAPI32_SRC:= $(wildcard advapi32/*.c)

wobj = $(patsubst %.c,$(OUT)/obj/%.o,$(1))
DLLS := $(OUT)/advapi32.dll $(OUT)/cryptsp.dll $(OUT)/rsaenh.dll

all: $(DLLS) tools tests

$(SETUP):
	bash tools/setup.sh

setup:
	bash tools/setup.sh

$(OUT)/obj/%.o: %.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(WCC) $(WCFLAGS) -MMD -MP -c $< -o $@

$(OUT)/rsaenh.dll: $(call wobj,$(RSAENH_SRC)) rsaenh/rsaenh.def
	$(WCC) $(WLDFLAGS) -o $@ $(filter %.o,$^) rsaenh/rsaenh.def $(NETTLE) -lbcrypt -lcrypt32 -ladvapi32

$(OUT)/cryptsp.dll: $(call wobj,$(CRYPTSP_SRC)) cryptsp/cryptsp.def
	$(WCC) $(WLDFLAGS) -o $@ $(filter %.o,$^) cryptsp/cryptsp.def -ladvapi32

$(OUT)/advapi32.dll: $(call wobj,$(ADVAPI32_SRC)) advapi32/advapi32.def
	$(WCC) $(WLDFLAGS) -nostdlib -o $@ $(filter %.o,$^) advapi32/advapi32.def -lkernel32

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

unit: $(UNIT_TESTS)

# --- Windows programs: our winetest-style tests and the tools --------------

WINETEST_INC := build/winetest/include
WTCFLAGS    := $(WCFLAGS) -I$(WINETEST_INC) -Itests/winetest -include winetest_compat.h -DSTANDALONE \
               -Wno-sign-compare -Wno-format
WIN_TESTS   := $(patsubst tests/win/%.c,$(OUT)/tests/%.exe,$(wildcard tests/win/*.c))
TOOLS       := $(patsubst tools/%.c,$(OUT)/tools/%.exe,$(wildcard tools/*.c))

$(WINETEST_INC)/wine/test.h:
	bash tools/setup.sh

$(OUT)/tests/%.exe: tests/win/%.c tests/winetest/winetest_compat.h $(WINETEST_INC)/wine/test.h
	@mkdir -p $(dir $@)
	$(WCC) $(WTCFLAGS) -o $@ $< -lcrypt32 -ladvapi32

$(OUT)/tools/%.exe: tools/%.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(WCC) $(WCFLAGS) -o $@ $< -ladvapi32

tests: $(WIN_TESTS)
tools: $(TOOLS)

# --- user entry points -----------------------------------------------------

check: all unit
	bash tests/run-all.sh

run: all
	bash tools/demo.sh

WINEPREFIX ?= $(HOME)/.wine
install: $(DLLS)
	WINEPREFIX="$(WINEPREFIX)" bash tools/install.sh install $(OUT)

uninstall:
	WINEPREFIX="$(WINEPREFIX)" bash tools/install.sh uninstall $(OUT)

clean:
	rm -rf $(OUT) build/native build/winetest build/conformance build/prefix-*

.PHONY: all setup unit tests tools check run install uninstall clean
-include $(shell find build/$(HOST)/obj build/native/obj -name '*.d' 2>/dev/null)
