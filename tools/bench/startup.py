#!/usr/bin/env python3
"""startup.py BIN PORT DIR: start BIN (pinned by the caller) serving PORT in
DIR with persistence off, and print "<ms> <rss_kb>": the time from exec to
the first +PONG (PING retried over fresh connections every 0.2 ms) and the
server's VmRSS once it answers (idle: no keys, one client). Stops it."""
import os
import socket
import subprocess
import sys
import time


def main():
    binary, port, workdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    args = [binary, "--port", str(port), "--save", "", "--appendonly", "no"]
    start = time.monotonic()
    proc = subprocess.Popen(args, cwd=workdir, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None:
                sys.exit("startup: server exited")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        elapsed = (time.monotonic() - start) * 1000
                        break
            except OSError:
                time.sleep(0.0002)
        with open(f"/proc/{proc.pid}/status") as f:
            rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        print(f"{elapsed:.2f} {rss}")
    finally:
        proc.kill()
        proc.wait()


if __name__ == "__main__":
    main()
