#!/usr/bin/python3
"""test_push.py - Pub/Sub through a real client library, and RESP3 pushes.

Starts the server under test ($TERN_SERVER, else $B/tern-server, else
build/tern-server) on a free port in a temporary directory and checks:
  * redis-py (Debian's python3-redis) PubSub objects: subscribe/psubscribe
    confirmations, get_message() payloads, message handlers run by
    run_in_thread(), PUBSUB NUMSUB/NUMPAT/CHANNELS, keyspace notifications;
  * RESP3 push frames ('>') from a client that said HELLO 3: messages,
    pmessages and confirmations, interleaved with ordinary replies, and
    ordinary commands while subscribed. Debian's python3-redis is 4.3.4,
    which has no RESP3 parser (protocol=3 arrived in redis-py 5.0), so these
    tests use a small RESP3 reader below on redis-py's own socket
    connection (redis.Connection) for the framing of requests.

Validated against redis-server: TERN_SERVER=/usr/bin/redis-server.
Prints cmocka-style summary lines ("[  PASSED  ] N test(s).") so that
tools/run-tests.sh can count it like the C integration binaries. Exits 1
on a failure, 0 otherwise; if python3-redis is missing it reports one
failure naming the package.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

try:
    import redis
except ImportError:  # pragma: no cover
    print("test_push.py: python3-redis is not installed (apt-get install python3-redis)")
    print("[  FAILED  ] 1 test(s), listed below:")
    sys.exit(1)


def server_path():
    p = os.environ.get("TERN_SERVER")
    if not p:
        p = os.path.join(os.environ.get("B", "build"), "tern-server")
    return os.path.abspath(p)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="tern-push-")
        for _ in range(5):
            self.port = free_port()
            self.log = open(os.path.join(self.dir, "log"), "wb")
            self.proc = subprocess.Popen(
                [server_path(), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--dir", self.dir, "--enable-debug-command", "local"],
                stdout=self.log, stderr=subprocess.STDOUT)
            if self._wait_ready():
                return
            self.proc.kill()
            self.proc.wait()
        raise RuntimeError("server did not start")

    def _wait_ready(self):
        for _ in range(100):
            if self.proc.poll() is not None:
                return False
            try:
                if redis.Redis(port=self.port, socket_timeout=1).ping():
                    return True
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        return False

    def stop(self):
        self.proc.terminate()
        try:
            rc = self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        return rc


class Resp3:
    """A minimal RESP3 client: push frames come back as ('push', [...])."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.buf = b""
        self.conn = redis.Connection(port=port)  # only for pack_command

    def send(self, *args):
        self.sock.sendall(b"".join(self.conn.pack_command(*args)))

    def _line(self):
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def _exact(self, n):
        while len(self.buf) < n + 2:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buf += chunk
        data, self.buf = self.buf[:n], self.buf[n + 2:]
        return data

    def read(self):
        line = self._line()
        t, rest = line[:1], line[1:]
        if t in (b"+",):
            return rest.decode()
        if t == b"-":
            return redis.exceptions.ResponseError(rest.decode())
        if t == b":":
            return int(rest)
        if t == b"_":
            return None
        if t == b"$":
            n = int(rest)
            return None if n < 0 else self._exact(n)
        if t in (b"*", b"~", b">"):
            items = [self.read() for _ in range(int(rest))]
            return ("push", items) if t == b">" else items
        if t == b"%":
            return {self.read(): self.read() for _ in range(int(rest))}
        raise ValueError("unexpected RESP3 type %r" % line)

    def call(self, *args):
        self.send(*args)
        return self.read()

    def close(self):
        self.sock.close()


class PubSubTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server()

    @classmethod
    def tearDownClass(cls):
        rc = cls.srv.stop()
        assert rc == 0, "server exit status %d" % rc

    def setUp(self):
        self.r = redis.Redis(port=self.srv.port, socket_timeout=5)
        self.r.flushall()

    def tearDown(self):
        self.r.config_set("notify-keyspace-events", "")
        self.r.close()

    def wait_message(self, ps):
        for _ in range(200):
            m = ps.get_message(timeout=0.05)
            if m is not None:
                return m
        self.fail("no message")

    def test_pubsub_object(self):
        ps = self.r.pubsub()
        ps.subscribe("a", "b")
        ps.psubscribe("a*")
        got = [self.wait_message(ps) for _ in range(3)]
        self.assertEqual([(m["type"], m["channel"], m["data"]) for m in got],
                         [("subscribe", b"a", 1), ("subscribe", b"b", 2),
                          ("psubscribe", b"a*", 3)])
        self.assertEqual(self.r.publish("a", "x\x00y"), 2)
        m1, m2 = self.wait_message(ps), self.wait_message(ps)
        self.assertEqual((m1["type"], m1["channel"], m1["data"]), ("message", b"a", b"x\x00y"))
        self.assertEqual((m2["type"], m2["pattern"], m2["channel"]), ("pmessage", b"a*", b"a"))
        self.assertEqual(self.r.pubsub_numsub("a", "b", "c"), [(b"a", 1), (b"b", 1), (b"c", 0)])
        self.assertEqual(self.r.pubsub_numpat(), 1)
        self.assertEqual(sorted(self.r.pubsub_channels()), [b"a", b"b"])
        ps.close()
        for _ in range(100):
            if self.r.pubsub_numsub("a") == [(b"a", 0)]:
                break
            time.sleep(0.02)
        self.assertEqual(self.r.pubsub_numsub("a"), [(b"a", 0)])
        self.assertEqual(self.r.pubsub_numpat(), 0)

    def test_handlers_in_thread(self):
        seen = []
        done = threading.Event()

        def handler(m):
            seen.append(m["data"])
            if len(seen) == 100:
                done.set()

        ps = self.r.pubsub(ignore_subscribe_messages=True)
        ps.subscribe(**{"jobs": handler})
        t = ps.run_in_thread(sleep_time=0.01, daemon=True)
        for _ in range(100):
            if self.r.pubsub_numsub("jobs") == [(b"jobs", 1)]:
                break
            time.sleep(0.01)
        for i in range(100):
            self.assertEqual(self.r.publish("jobs", str(i)), 1)
        self.assertTrue(done.wait(5))
        t.stop()
        t.join(5)
        self.assertEqual(seen, [str(i).encode() for i in range(100)])

    def test_keyspace_notifications(self):
        self.r.config_set("notify-keyspace-events", "KEA")
        self.assertEqual(self.r.config_get("notify-keyspace-events"),
                         {"notify-keyspace-events": "AKE"})
        ps = self.r.pubsub(ignore_subscribe_messages=True)
        ps.psubscribe("__key*@0__:*")
        self.wait_message_none(ps)
        self.r.rpush("q", "a", "b")
        self.r.lpop("q")
        self.r.delete("q")
        evs = [self.wait_message(ps) for _ in range(6)]
        self.assertEqual([(m["channel"], m["data"]) for m in evs],
                         [(b"__keyspace@0__:q", b"rpush"), (b"__keyevent@0__:rpush", b"q"),
                          (b"__keyspace@0__:q", b"lpop"), (b"__keyevent@0__:lpop", b"q"),
                          (b"__keyspace@0__:q", b"del"), (b"__keyevent@0__:del", b"q")])
        ps.close()

    def wait_message_none(self, ps):
        # drain the psubscribe confirmation (ignored) so later reads see events
        ps.get_message(timeout=0.1)

    def test_resp3_push_frames(self):
        c = Resp3(self.srv.port)
        hello = c.call("HELLO", "3")
        self.assertEqual(hello[b"proto"], 3)
        self.assertEqual(c.call("SUBSCRIBE", "ch"), ("push", [b"subscribe", b"ch", 1]))
        self.assertEqual(c.call("PSUBSCRIBE", "c*"), ("push", [b"psubscribe", b"c*", 2]))
        # Any command works while subscribed in RESP3.
        self.assertEqual(c.call("SET", "k", "v"), "OK")
        self.assertEqual(c.call("GET", "k"), b"v")
        self.assertEqual(c.call("PING"), "PONG")
        self.assertEqual(self.r.publish("ch", "hello"), 2)
        self.assertEqual(c.read(), ("push", [b"message", b"ch", b"hello"]))
        self.assertEqual(c.read(), ("push", [b"pmessage", b"c*", b"ch", b"hello"]))
        # Publishing to itself: the pushes come before the PUBLISH reply.
        c.send("PUBLISH", "ch", "self")
        self.assertEqual(c.read(), ("push", [b"message", b"ch", b"self"]))
        self.assertEqual(c.read(), ("push", [b"pmessage", b"c*", b"ch", b"self"]))
        self.assertEqual(c.read(), 2)
        self.assertEqual(c.call("UNSUBSCRIBE"), ("push", [b"unsubscribe", b"ch", 1]))
        self.assertEqual(c.call("PUNSUBSCRIBE"), ("push", [b"punsubscribe", b"c*", 0]))
        self.assertEqual(c.call("PUNSUBSCRIBE"), ("push", [b"punsubscribe", None, 0]))
        c.close()

    def test_resp3_keyspace_push(self):
        self.r.config_set("notify-keyspace-events", "Eg")
        c = Resp3(self.srv.port)
        c.call("HELLO", "3")
        self.assertEqual(c.call("SUBSCRIBE", "__keyevent@0__:del"),
                         ("push", [b"subscribe", b"__keyevent@0__:del", 1]))
        c.call("SET", "x", "1")
        c.send("DEL", "x")
        self.assertEqual(c.read(), ("push", [b"message", b"__keyevent@0__:del", b"x"]))
        self.assertEqual(c.read(), 1)
        c.close()


def main():
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(PubSubTests)
    res = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(res.failures) + len(res.errors)
    print("[  PASSED  ] %d test(s)." % (res.testsRun - failed))
    if failed:
        print("[  FAILED  ] %d test(s), listed below:" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
