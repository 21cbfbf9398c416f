"""The processes a test session starts, read from /proc: the leftover-process check of conftest.py."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


def adopt_orphans() -> None:
    """Make this process the reaper of its descendants' orphans, so that none escapes to PID 1 unseen."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1)


def _table() -> dict[int, tuple[int, str]]:
    """pid → (parent pid, state) of every process."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, ppid = stat[stat.rindex(")") + 2 :].split()[:2]
        table[int(entry)] = (int(ppid), state)
    return table


def descendants(root: int | None = None) -> dict[int, int]:
    """Living (non-zombie) descendants of ``root`` (this process): pid → parent pid."""
    root = os.getpid() if root is None else root
    table = _table()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = {}, [root]
    while todo:
        for child in children.get(todo.pop(), ()):
            todo.append(child)
            if table[child][1] != "Z":
                out[child] = table[child][0]
    return out


def reap() -> None:
    """Collect exited children (orphans adopted through ``adopt_orphans`` included)."""
    for pid, (ppid, state) in _table().items():
        if ppid == os.getpid() and state == "Z":
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)


def command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return "?"


def new_since(before: set[int]) -> dict[int, str]:
    """Processes started since ``before`` was taken, other than those of processes already running then."""
    now = descendants()
    out = {}
    for pid in now:
        ancestor, fresh = pid, True
        while ancestor in now:
            if ancestor in before:
                fresh = False
                break
            ancestor = now[ancestor]
        if fresh:
            out[pid] = command(pid)
    return out


def leftovers(before: set[int], grace: float = 10.0) -> dict[int, str]:
    """What is still running ``grace`` seconds after a test ended; those are then killed."""
    deadline = time.monotonic() + grace
    while True:
        reap()
        left = new_since(before)
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    time.sleep(0.1)
    reap()
    return left
