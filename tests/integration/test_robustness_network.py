"""No network access, ever: the whole linter, every default pack (readability too), on the
seeds, in a Python where opening a network socket or resolving a name raises.

The guard is a ``sitecustomize`` module on PYTHONPATH, so it also holds in any process
the linter starts (a pool of workers). Local (AF_UNIX) sockets stay allowed: they reach
no network. Each attempt is also written to stderr, so an attempt that some library
catches and hides still fails the test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

GUARD = """
import socket
import sys

def _refuse(what):
    def refuse(*args, **kwargs):
        sys.stderr.write(f"NETWORK ATTEMPT: {what}{args[:2]!r}\\n")
        raise OSError(f"network access is disabled in this test ({what})")
    return refuse

_Socket = socket.socket

class _LocalOnly(_Socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family != socket.AF_UNIX:
            _refuse("socket")(family, type)
        super().__init__(family, type, proto, fileno)

socket.socket = _LocalOnly
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "getnameinfo", "create_server"):
    setattr(socket, _name, _refuse(_name))
"""

RUNS = [
    ["check", "--format", "json", "seeds"],
    ["check", "--color", "never", "seeds"],
    ["check", "--diff", "seeds"],
    ["stats", "--format", "json", "seeds"],
    ["rules", "--format", "json"],
]


def _sglint(args: list[str], *, offline_dir: Path | None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if offline_dir is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(offline_dir), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "lint", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_guard_really_blocks_the_network(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(GUARD)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    probe = (
        "import socket\n"
        "try:\n    socket.create_connection(('pypi.org', 443), timeout=1)\n"
        "except OSError as e:\n    print('blocked:', e)\n"
        "a, b = socket.socketpair(); a.close(); b.close(); print('local ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert "blocked: network access is disabled" in done.stdout
    assert "local ok" in done.stdout
    assert "NETWORK ATTEMPT: create_connection" in done.stderr


@pytest.mark.parametrize("args", RUNS, ids=[" ".join(a[:2]) for a in RUNS])
def test_sglint_runs_offline_exactly_as_online(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "sitecustomize.py").write_text(GUARD)
    offline = _sglint(args, offline_dir=tmp_path)
    assert "NETWORK ATTEMPT" not in offline.stderr, offline.stderr
    assert "Traceback" not in offline.stderr, offline.stderr
    normal = _sglint(args, offline_dir=None)
    assert (offline.returncode, offline.stdout, offline.stderr) == (
        normal.returncode,
        normal.stdout,
        normal.stderr,
    )
    assert offline.returncode in (0, 1)
    if args[0] == "check" and "json" in args:  # the readability rules ran too
        assert any(f["rule"].startswith("Readability.") for f in json.loads(offline.stdout))
