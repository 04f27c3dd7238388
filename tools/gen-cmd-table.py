#!/usr/bin/env python3
"""gen-cmd-table: build server/cmd_table.c and server/cmd_procs.h from a
reference redis-server 7.0.

Usage:  python3 tools/gen-cmd-table.py [--port N] [--redis-server PATH]

It starts its own redis-server on a private port (25002 unless --port says
otherwise), reads COMMAND (the info of every command) and COMMAND DOCS over
raw RESP3, stops the server, and writes the two files. Run it by hand from the
repository root; the output is committed and from then on maintained by hand.

What is reproduced: interface facts only (names, arity, flags, ACL
categories, tips, key specs, first/last/step, argument names, types, tokens,
flags, since versions, groups, deprecation facts, big-O complexities).
What is not: the reference's prose. Summaries come from
tools/cmd-summaries.txt (our words); key-spec notes, argument summaries and
history entries are left out; complexity keeps only its O(...) formulas unless
cmd-summaries.txt gives our own text.

Extra rows Tern has on top of 7.0 are listed in EXTRAS below.
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# COMMAND INFO flag names in the order the reference prints them, with the
# hidden ones (never printed) in their bit positions.
FLAGS = [
    ("write", "CMD_WRITE"), ("readonly", "CMD_READONLY"), ("denyoom", "CMD_DENYOOM"),
    ("module", "CMD_MODULE"), ("admin", "CMD_ADMIN"), ("pubsub", "CMD_PUBSUB"),
    ("noscript", "CMD_NOSCRIPT"), ("blocking", "CMD_BLOCKING"), ("loading", "CMD_LOADING"),
    ("stale", "CMD_STALE"), ("skip_monitor", "CMD_SKIP_MONITOR"),
    ("skip_slowlog", "CMD_SKIP_SLOWLOG"), ("asking", "CMD_ASKING"), ("fast", "CMD_FAST"),
    ("no_auth", "CMD_NO_AUTH"), ("may_replicate", "CMD_MAY_REPLICATE"),
    ("no_mandatory_keys", "CMD_NO_MANDATORY_KEYS"), ("protected", "CMD_PROTECTED"),
    ("no_async_loading", "CMD_NO_ASYNC_LOADING"), ("no_multi", "CMD_NO_MULTI"),
    ("movablekeys", "CMD_MOVABLE_KEYS"), ("allow_busy", "CMD_ALLOW_BUSY"),
]
FLAG_C = dict(FLAGS)
FLAG_POS = {n: i for i, (n, _) in enumerate(FLAGS)}

# Flags COMMAND INFO never shows; set by hand from the reference's docs.
HIDDEN_FLAGS = {
    "may_replicate": {"eval", "evalsha", "fcall", "pfcount", "publish", "spublish"},
    "protected": {"debug", "module|load", "module|loadex", "module|unload"},
}

ACLS = ["keyspace", "read", "write", "set", "sortedset", "list", "hash", "string",
        "bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow",
        "blocking", "dangerous", "connection", "transaction", "scripting"]

KS_FLAGS = [("RO", "CMD_KS_RO"), ("RW", "CMD_KS_RW"), ("OW", "CMD_KS_OW"), ("RM", "CMD_KS_RM"),
            ("access", "CMD_KS_ACCESS"), ("update", "CMD_KS_UPDATE"),
            ("insert", "CMD_KS_INSERT"), ("delete", "CMD_KS_DELETE"),
            ("not_key", "CMD_KS_NOT_KEY"), ("incomplete", "CMD_KS_INCOMPLETE"),
            ("variable_flags", "CMD_KS_VARIABLE_FLAGS")]
KS_POS = {n: i for i, (n, _) in enumerate(KS_FLAGS)}

GROUPS = ["generic", "string", "list", "set", "sorted-set", "hash", "pubsub",
          "transactions", "connection", "server", "scripting", "hyperloglog", "cluster",
          "sentinel", "geo", "stream", "bitmap", "module"]

ARG_TYPES = {"string": "CMD_ARG_STRING", "integer": "CMD_ARG_INTEGER",
             "double": "CMD_ARG_DOUBLE", "key": "CMD_ARG_KEY", "pattern": "CMD_ARG_PATTERN",
             "unix-time": "CMD_ARG_UNIX_TIME", "pure-token": "CMD_ARG_PURE_TOKEN",
             "oneof": "CMD_ARG_ONEOF", "block": "CMD_ARG_BLOCK"}
ARG_FLAGS = {"optional": "CMD_ARG_OPTIONAL", "multiple": "CMD_ARG_MULTIPLE",
             "multiple_token": "CMD_ARG_MULTIPLE_TOKEN"}

# Complexity texts without any O(...) formula: our own words instead.
COMPLEXITY_WORDS = {
    "Depends on subcommand.": "Depends on the subcommand",
    "Depends on the script that is executed.": "Depends on the script",
    "Depends on the function that is executed.": "Depends on the function",
    "Depends on commands in the transaction": "Depends on the queued commands",
    "Depends on how much memory is allocated, could be slow": "Depends on the allocator",
    "N/A": "N/A",
}

# Rows Tern has beyond Redis 7.0 (facts of the later Redis version that added them).
EXTRAS = {
    "client": [{
        "info": {"name": "client|setinfo", "arity": 4,
                 "flags": ["noscript", "loading", "stale"], "first": 0, "last": 0, "step": 0,
                 "acl": ["slow", "connection"],
                 "tips": ["request_policy:all_nodes", "response_policy:all_succeeded"],
                 "specs": [], "subs": []},
        "doc": {"since": "7.2.0", "group": "connection", "complexity": "O(1)",
                "arguments": [{"name": "attr", "type": "oneof", "arguments": [
                    {"name": "libname", "type": "string", "token": "LIB-NAME"},
                    {"name": "libver", "type": "string", "token": "LIB-VER"}]}]},
    }],
}


class Resp:
    """Minimal blocking RESP3 client: just enough for COMMAND and COMMAND DOCS."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.buf = b""

    def _fill(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise EOFError("server closed the connection")
            self.buf += chunk

    def _line(self):
        while b"\r\n" not in self.buf:
            self._fill(len(self.buf) + 1)
        i = self.buf.index(b"\r\n")
        line, self.buf = self.buf[:i], self.buf[i + 2:]
        return line

    def read(self):
        line = self._line()
        t, rest = chr(line[0]), line[1:]
        if t in "+-":
            if t == "-":
                raise RuntimeError(rest.decode())
            return rest.decode()
        if t == ":":
            return int(rest)
        if t == "$":
            n = int(rest)
            if n < 0:
                return None
            self._fill(n + 2)
            data, self.buf = self.buf[:n], self.buf[n + 2:]
            return data.decode()
        if t in "*~":
            n = int(rest)
            return None if n < 0 else [self.read() for _ in range(n)]
        if t == "%":
            out = {}
            for _ in range(int(rest)):
                k = self.read()
                out[k] = self.read()
            return out
        if t == "_":
            return None
        raise RuntimeError("unexpected RESP type " + t)

    def call(self, *args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a.encode()
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        self.sock.sendall(out)
        return self.read()


def fetch(port, server):
    """Start the reference server, return (COMMAND reply, COMMAND DOCS reply)."""
    proc = subprocess.Popen([server, "--port", str(port), "--save", "", "--appendonly", "no",
                             "--bind", "127.0.0.1"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                r = Resp(port)
                break
            except OSError:
                time.sleep(0.05)
        else:
            sys.exit("gen-cmd-table: reference server did not start")
        hello = r.call("HELLO", "3")
        if not hello["version"].startswith("7.0."):
            sys.exit("gen-cmd-table: need redis 7.0, got " + hello["version"])
        return r.call("COMMAND"), r.call("COMMAND", "DOCS")
    finally:
        proc.terminate()
        proc.wait()


def parse_info(e):
    specs = []
    for ks in e[8]:
        specs.append({"flags": ks["flags"], "bs": ks["begin_search"], "fk": ks["find_keys"]})
    return {"name": e[0], "arity": e[1], "flags": e[2], "first": e[3], "last": e[4],
            "step": e[5], "acl": [a.lstrip("@") for a in e[6]], "tips": e[7] or [],
            "specs": specs, "subs": [parse_info(s) for s in (e[9] or [])]}


def load_summaries():
    out = {}
    with open(os.path.join(ROOT, "tools", "cmd-summaries.txt")) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("|")
            # A subcommand's name has a '|' of its own; summaries start upper case.
            name, rest = parts[0], parts[1:]
            if rest and re.fullmatch(r"[a-z0-9_-]+", rest[0]):
                name, rest = name + "|" + rest[0], rest[1:]
            out[name] = rest
    return out


def cstr(s):
    if s is None:
        return "NULL"
    if any(ord(ch) > 126 or ord(ch) < 32 for ch in s):
        raise ValueError("non-ASCII text: %r" % s)
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ident(fullname):
    return fullname.replace("|", "_").replace("-", "_")


def bitmask(names, table):
    return " | ".join(table[n] for n in names) if names else "0"


def complexity(text, override):
    if override:
        return override
    if text is None:
        return None
    if re.fullmatch(r"O\([^ ]*\)", text):
        return text
    if text in COMPLEXITY_WORDS:
        return COMPLEXITY_WORDS[text]
    formulas = []
    i = 0
    while True:
        i = text.find("O(", i)
        if i < 0:
            break
        depth, j = 0, i + 1
        while j < len(text):
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            j += 1
            if depth == 0:
                break
        if text[i:j] not in formulas:
            formulas.append(text[i:j])
        i = j
    if not formulas:
        raise ValueError("no big-O in complexity %r: add it to COMPLEXITY_WORDS" % text)
    return ", ".join(formulas)


def simple_specs(specs):
    return all(s["bs"]["type"] == "index" and s["fk"]["type"] == "range" for s in specs)


def check_order(names, pos, what, cmd):
    idx = [pos[n] for n in names]
    if idx != sorted(idx):
        raise ValueError("%s of %s not in the expected order: %s" % (what, cmd, names))


class Emitter:
    def __init__(self, summaries):
        self.out = []
        self.summaries = summaries
        self.used = set()

    def w(self, s=""):
        self.out.append(s)

    def args(self, prefix, args):
        """Emit the arrays for an argument list (children first); return the name."""
        childs = []
        for i, a in enumerate(args):
            if "arguments" in a:
                childs.append(self.args("%s_%d" % (prefix, i), a["arguments"]))
            else:
                childs.append(None)
        self.w("static const struct cmd_arg %s[] = {" % prefix)
        for a, child in zip(args, childs):
            fields = [".name = %s" % cstr(a["name"]), ".type = %s" % ARG_TYPES[a["type"]]]
            fields.append(".key_spec_index = %d" % a.get("key_spec_index", -1))
            if "token" in a:
                fields.append(".token = %s" % cstr(a["token"]))
            if "since" in a:
                fields.append(".since = %s" % cstr(a["since"]))
            if "flags" in a:
                fields.append(".flags = %s" % bitmask(a["flags"], ARG_FLAGS))
            if "deprecated_since" in a:
                fields.append(".deprecated_since = %s" % cstr(a["deprecated_since"]))
            if child:
                fields.append(".subargs = %s, .nsubargs = %d" % (child, len(a["arguments"])))
            extra = set(a) - {"name", "type", "key_spec_index", "token", "since", "flags",
                              "deprecated_since", "arguments", "summary"}
            if extra:
                raise ValueError("unhandled argument fields %s" % extra)
            self.w("    { " + ", ".join(fields) + " },")
        self.w("};")
        return prefix

    def specs(self, name, specs):
        self.w("static const struct cmd_key_spec ks_%s[] = {" % name)
        for s in specs:
            check_order(s["flags"], KS_POS, "key spec flags", name)
            line = ["    { .flags = %s," % bitmask(s["flags"], dict(KS_FLAGS))]
            bs, fk = s["bs"], s["fk"]
            if bs["type"] == "index":
                line.append("      .begin = CMD_KS_BEGIN_INDEX, .bs.index = { .pos = %d },"
                            % bs["spec"]["index"])
            elif bs["type"] == "keyword":
                line.append("      .begin = CMD_KS_BEGIN_KEYWORD, .bs.keyword = { .keyword = %s, "
                            ".startfrom = %d }," % (cstr(bs["spec"]["keyword"]),
                                                     bs["spec"]["startfrom"]))
            else:
                line.append("      .begin = CMD_KS_BEGIN_UNKNOWN,")
            if fk["type"] == "range":
                sp = fk["spec"]
                line.append("      .find = CMD_KS_FIND_RANGE, .fk.range = { .lastkey = %d, "
                            ".keystep = %d, .limit = %d } }," % (sp["lastkey"], sp["keystep"],
                                                                 sp["limit"]))
            elif fk["type"] == "keynum":
                sp = fk["spec"]
                line.append("      .find = CMD_KS_FIND_KEYNUM, .fk.keynum = { .keynumidx = %d, "
                            ".firstkey = %d, .keystep = %d } }," % (sp["keynumidx"],
                                                                    sp["firstkey"], sp["keystep"]))
            else:
                line.append("      .find = CMD_KS_FIND_UNKNOWN },")
            self.w("\n".join(line))
        self.w("};")

    def prelude(self, info, doc):
        """Emit the static arrays one row refers to; return their names."""
        name = ident(info["name"])
        refs = {}
        self.w("/* %s */" % info["name"].replace("|", " "))
        if info["tips"]:
            self.w("static const char *const tips_%s[] = { %s, NULL };"
                   % (name, ", ".join(cstr(t) for t in info["tips"])))
            refs["tips"] = "tips_" + name
        if info["specs"]:
            self.specs(name, info["specs"])
            refs["specs"] = "ks_" + name
        if doc.get("arguments"):
            refs["args"] = self.args("args_" + name, doc["arguments"])
        return refs

    def row(self, info, doc, refs, sub_array, indent):
        """Emit one struct cmd initialiser."""
        full = info["name"]
        own = full.split("|")[-1]
        flags = list(info["flags"])
        check_order(flags, FLAG_POS, "flags", full)
        for f, names in HIDDEN_FLAGS.items():
            if full in names:
                flags.append(f)
        if "movablekeys" in flags and not simple_specs(info["specs"]):
            flags.remove("movablekeys")  # cmd_info.c derives it from the key specs
        if "movablekeys" not in info["flags"] and not simple_specs(info["specs"]):
            raise ValueError("%s: key specs imply movablekeys but the reference lacks it" % full)
        flags.sort(key=lambda n: FLAG_POS[n])
        check_order(info["acl"], {n: i for i, n in enumerate(ACLS)}, "acl", full)
        summ = self.summaries.get(full)
        if not summ:
            raise ValueError("no summary for %s in tools/cmd-summaries.txt" % full)
        self.used.add(full)
        p = " " * indent
        w = self.w
        w(p + "{")
        w(p + "    .name = %s," % cstr(own))
        # A container has no handler of its own unless it may be called bare
        # (arity -1: only COMMAND in 7.0).
        bare = not sub_array or info["arity"] == -1
        w(p + "    .proc = %s," % ("cmd_" + ident(full) if bare else "NULL"))
        w(p + "    .arity = %d," % info["arity"])
        w(p + "    .flags = %s," % bitmask(flags, FLAG_C))
        w(p + "    .acl = %s," % bitmask(info["acl"], {n: "CMD_ACL_" + n.upper() for n in ACLS}))
        w(p + "    .first_key = %d, .last_key = %d, .step = %d," % (info["first"], info["last"],
                                                                    info["step"]))
        if "tips" in refs:
            w(p + "    .tips = %s," % refs["tips"])
        if "specs" in refs:
            w(p + "    .key_specs = %s, .nkey_specs = %d," % (refs["specs"], len(info["specs"])))
        if sub_array:
            w(p + "    .subcmds = %s, .nsubcmds = %d," % (sub_array, len(info["subs"])))
        w(p + "    .summary = %s," % cstr(summ[0]))
        w(p + "    .since = %s," % cstr(doc["since"]))
        w(p + "    .group = CMD_GROUP_%s," % doc["group"].upper().replace("-", "_"))
        cx = complexity(doc.get("complexity"), summ[1] if len(summ) > 1 else None)
        if cx is not None:
            w(p + "    .complexity = %s," % cstr(cx))
        if doc.get("doc_flags"):
            w(p + "    .doc_flags = %s," % " | ".join("CMD_DOC_" + f.upper()
                                                      for f in doc["doc_flags"]))
        if doc.get("deprecated_since"):
            w(p + "    .deprecated_since = %s," % cstr(doc["deprecated_since"]))
        if doc.get("replaced_by"):
            w(p + "    .replaced_by = %s," % cstr(doc["replaced_by"]))
        if "args" in refs:
            w(p + "    .args = %s, .nargs = %d," % (refs["args"], len(doc["arguments"])))
        w(p + "},")


HEADER = """\
/* cmd_table: every Redis 7.0 command and subcommand, one row each, sorted by
 * name (subcommands sorted within their container).
 *
 * Generated once by tools/gen-cmd-table.py from a reference redis-server 7.0
 * and maintained by hand since: this file is the single source of truth for
 * dispatch, COMMAND, COMMAND INFO and COMMAND DOCS. Interface facts (arity,
 * flags, ACL categories, tips, key specs, argument trees, since versions) match
 * Redis 7.0; summaries are Tern's own words (tools/cmd-summaries.txt), and
 * history entries, key-spec notes and argument summaries are left out.
 *
 * Invariants (checked by tests/unit/test_cmd.c): names unique and sorted;
 * .proc is cmd_<name> (weak, see cmd_procs.h) for commands, NULL for
 * containers except COMMAND (the only one callable without a subcommand); CMD_MOVABLE_KEYS appears only where the key specs do not already
 * imply it (cmd_info.c derives it otherwise); key positions fit the arity.
 *
 * Must not know: handlers' implementations, the reply layer.
 */
#include <stddef.h>

#include "cmd.h"
#include "cmd_procs.h"

/* ACL category names; bit i of struct cmd.acl is cmd_acl_names[i]. */
const char *const cmd_acl_names[] = {
%s
    NULL,
};
"""

PROCS_HEADER = """\
/* cmd_procs: prototypes of every command handler Redis 7.0 has, one per
 * command or subcommand: cmd_<name>, cmd_<container>_<sub> ('-' becomes '_').
 *
 * They are declared weak on purpose: cmd_table.c names every Redis command,
 * and a handler that no module defines yet resolves to NULL, which the
 * dispatcher treats as "unknown command". A module implements a command just
 * by defining its handler; no table edit, no stub. (GCC/Clang on ELF.)
 *
 * Generated by tools/gen-cmd-table.py; keep it in step with cmd_table.c.
 */
#ifndef TERN_CMD_PROCS_H
#define TERN_CMD_PROCS_H

#include "cmd.h"

#define CMD_WEAK __attribute__((weak))

"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=25002)
    ap.add_argument("--redis-server", default="redis-server")
    opt = ap.parse_args()
    raw_info, raw_docs = fetch(opt.port, opt.redis_server)

    infos = sorted((parse_info(e) for e in raw_info), key=lambda i: i["name"])
    docs = dict(raw_docs)
    for parent, extras in EXTRAS.items():
        pinfo = next(i for i in infos if i["name"] == parent)
        for x in extras:
            pinfo["subs"].append(x["info"])
            docs[parent].setdefault("subcommands", {})[x["info"]["name"]] = x["doc"]
    summaries = load_summaries()
    em = Emitter(summaries)
    em.w(HEADER % "\n".join('    "%s",' % a for a in ACLS))
    procs = []
    top_refs = []
    for info in infos:
        doc = docs[info["name"]]
        sub_array = None
        if info["subs"]:
            subs = sorted(info["subs"], key=lambda i: i["name"])
            info["subs"] = subs
            sub_refs = []
            for s in subs:
                sdoc = doc["subcommands"][s["name"]]
                sub_refs.append(em.prelude(s, sdoc))
                procs.append("cmd_" + ident(s["name"]))
                em.w()
            sub_array = "sub_" + ident(info["name"])
            em.w("static struct cmd %s[] = {" % sub_array)
            for s, r in zip(subs, sub_refs):
                em.row(s, doc["subcommands"][s["name"]], r, None, 4)
            em.w("};")
        procs.append("cmd_" + ident(info["name"]))
        top_refs.append((info, doc, em.prelude(info, doc), sub_array))
        em.w()
    em.w("struct cmd cmd_table[] = {")
    for info, doc, refs, sub_array in top_refs:
        em.row(info, doc, refs, sub_array, 4)
    em.w("};")
    em.w()
    em.w("const int cmd_table_len = (int)(sizeof(cmd_table) / sizeof(cmd_table[0]));")
    unused = set(summaries) - em.used
    if unused:
        raise ValueError("summaries for unknown commands: %s" % sorted(unused))

    with open(os.path.join(ROOT, "server", "cmd_table.c"), "w") as f:
        f.write("\n".join(em.out) + "\n")
    with open(os.path.join(ROOT, "server", "cmd_procs.h"), "w") as f:
        f.write(PROCS_HEADER)
        for p in sorted(procs):
            f.write("cmd_proc %s CMD_WEAK;\n" % p)
        f.write("\n#endif\n")
    print("gen-cmd-table: %d commands, %d rows with subcommands" %
          (len(infos), len(procs)))


if __name__ == "__main__":
    main()
