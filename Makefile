# Tern build. Output goes to $(B) (build/ by default, build/asan for `make asan`).
# Every target that CI or a newcomer needs is listed in README.md.

B        ?= build
CC       ?= cc
OPT      ?= -O2
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
CFLAGS   += -std=c11 -D_GNU_SOURCE $(OPT) -g $(WARN) -iquote server $(EXTRA_CFLAGS)
LDFLAGS  += $(EXTRA_LDFLAGS)
LDLIBS   += -lm

SRCS     := $(sort $(wildcard server/*.c))
OBJS     := $(patsubst server/%.c,$(B)/obj/%.o,$(SRCS))
LIBOBJS  := $(filter-out $(B)/obj/main.o,$(OBJS))

# Unit tests: tests/unit/test_<name>.c links only the modules listed in
# UNIT_DEPS_<name> (plus cmocka). A test that needs half the server means a
# module boundary is broken.
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRCS))
UNIT_DEPS_resp   := resp mem
UNIT_DEPS_util   := util mem
UNIT_DEPS_glob   := glob mem
UNIT_DEPS_dict   := dict slab mem util siphash
UNIT_DEPS_db     := db kv dict slab mem util siphash
UNIT_DEPS_ev     := ev mem
UNIT_DEPS_config := config config_table config_load config_rewrite mem
UNIT_DEPS_cmd    := cmd_table cmd_keys cmd_info util mem glob
UNIT_DEPS_keys   := t_keys t_expire t_scan t_object db kv dict slab mem util siphash glob
UNIT_DEPS_lp     := lp slab util mem
UNIT_DEPS_quicklist := quicklist lp slab lzf util mem
UNIT_DEPS_sdict  := sdict dict slab mem util siphash
UNIT_DEPS_intset := intset slab mem util
UNIT_DEPS_skiplist := skiplist mem
UNIT_DEPS_slab   := slab mem
UNIT_DEPS_zidx   := t_zset_idx skiplist sdict dict slab mem util siphash
UNIT_DEPS_lzf    := lzf mem
UNIT_DEPS_crc64  := crc64 mem
UNIT_DEPS_rblob  := rblob lzf crc64 util mem
UNIT_DEPS_child  := child ev util mem
UNIT_DEPS_lathist := lathist mem
UNIT_DEPS_keytab := keytab dict slab mem util siphash
UNIT_DEPS_bitmap := bitmap
UNIT_DEPS_hll    := hll mem
UNIT_DEPS_geohash := geohash

# Integration tests (hiredis + cmocka): tests/integration/itest_<name>.c.
INTEG_BINS := $(patsubst tests/integration/itest_%.c,$(B)/tests/itest_%,$(sort $(wildcard tests/integration/itest_*.c)))

.PHONY: all run test unit integration compat asan valgrind fuzz redis-suite bench format format-check clean deps

all: $(B)/tern-server

$(B)/tern-server: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/obj/%.o: server/%.c | $(B)/obj
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(B)/obj $(B)/tests:
	mkdir -p $@

-include $(OBJS:.o=.d)

.SECONDEXPANSION:
$(B)/tests/test_%: tests/unit/test_%.c $$(addprefix $(B)/obj/,$$(addsuffix .o,$$(UNIT_DEPS_$$*))) | $(B)/tests
	$(CC) $(CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $(filter %.c %.o,$^) -lcmocka $(LDLIBS)

$(B)/tests/itest_%: tests/integration/itest_%.c tests/integration/harness.c tests/integration/harness.h | $(B)/tests
	$(CC) $(CFLAGS) -MMD -MP -Itests/integration $(LDFLAGS) -o $@ $(filter %.c,$^) -lhiredis -lcmocka $(LDLIBS)

# Header dependencies of the test binaries (written by -MMD next to them).
-include $(UNIT_BINS:=.d) $(INTEG_BINS:=.d)

# The compat runner is a plain TCP client; it links only mem.o.
$(B)/tests/compat-runner: tests/compat/runner.c tests/compat/rio.c tests/compat/rio.h $(B)/obj/mem.o | $(B)/tests
	$(CC) $(CFLAGS) -Itests/compat $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(LDLIBS)

run: $(B)/tern-server
	$(B)/tern-server

deps:
	@bash tools/deps.sh

unit: $(UNIT_BINS)
integration: $(B)/tern-server $(INTEG_BINS)
# The randomized differential test (tests/compat/random_diff.c).
$(B)/tests/random-diff: tests/compat/random_diff.c tests/compat/rio.c tests/compat/rio.h $(B)/obj/mem.o | $(B)/tests
	$(CC) $(CFLAGS) -Itests/compat $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(LDLIBS)

# helper F (issue 5): the keyspace-notification differential test.
$(B)/tests/notify-diff: tests/compat/notify_diff.c tests/compat/notify_diff_corpus.h tests/compat/rio.c tests/compat/rio.h $(B)/obj/mem.o | $(B)/tests
	$(CC) $(CFLAGS) -Itests/compat $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(LDLIBS)

compat: $(B)/tern-server $(B)/tests/compat-runner $(B)/tests/random-diff $(B)/tests/notify-diff

# The whole suite; the last line printed is "N passed, M failed".
test: deps
	@$(MAKE) --no-print-directory all unit integration compat
	@B=$(B) bash tools/run-tests.sh

asan:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory B=build/asan OPT=-O1 \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  EXTRA_LDFLAGS="-fsanitize=address,undefined" all unit integration compat
	@B=build/asan TERN_SANITIZED=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 bash tools/run-tests.sh

valgrind: all unit
	@B=$(B) TERN_VALGRIND=1 bash tools/run-tests.sh unit

fuzz:
	@bash tools/fuzz.sh

# Redis 7.0.15's own Tcl test suite against Tern (downloads Debian's source
# tarball once into build/redis-src; needs tclsh).
redis-suite: all
	@bash tools/redis-suite.sh

bench: all
	@bash tools/bench.sh
	@echo
	@bash tools/bench_bgsave.sh
	@echo
	@bash tools/bench_pubsub.sh

FORMAT_FILES := $(wildcard server/*.c server/*.h tests/unit/*.c tests/integration/*.c tests/integration/*.h tests/compat/*.c tests/fuzz/*.c)

format:
	clang-format -i $(FORMAT_FILES)

format-check:
	clang-format --dry-run --Werror $(FORMAT_FILES)

clean:
	rm -rf build
