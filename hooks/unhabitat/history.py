"""Stage 1c: the revision history of every unit, from the git history of its source file (nothing is kept
by hand). Input: the repository and a source text. Output: each unit's successive wordings with the date
(committer date, so the same commit always gives the same bytes) and commit that introduced them.

One ``git log -p`` per file, its patches applied in order to rebuild each committed version. A shallow
clone or a folder without git has no history: the caller says so and the site shows none.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .model import Declaration

RE_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")
RECORD = "\x1e"  # starts each commit in the log output


@dataclass(frozen=True)
class Wording:
    text: str
    date: str  # YYYY-MM-DD; "" for a wording not committed yet
    commit: str  # abbreviated hash; "" when not committed

    def anchor(self, eid: str) -> str:
        return f"{eid}--{self.commit or 'draft'}"


@dataclass(frozen=True)
class History:
    """Unit id → its wordings, oldest first, the current one last; empty when there is no history."""

    units: dict[str, tuple[Wording, ...]] = field(default_factory=dict)
    commits: tuple[str, ...] = ()  # oldest first
    reason: str = ""  # why there is none

    def of(self, uid: str) -> tuple[Wording, ...]:
        return self.units.get(uid, ())

    def revised(self, uid: str) -> str:
        """The date of the unit's current wording ("" if unknown or not committed)."""
        wordings = self.of(uid)
        return wordings[-1].date if wordings else ""


def last_revised(histories: Iterable[History]) -> dict[str, str]:
    """Unit id → the date of its latest wording in any of ``histories`` (one a language: a unit's page shows
    every language's wording)."""
    out: dict[str, str] = {}
    for history in histories:
        for uid in history.units:
            out[uid] = max(out.get(uid, ""), history.revised(uid))
    return out


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except OSError:
        return None


def committed_versions(path: Path) -> tuple[list[tuple[str, str, str]], str]:
    """(commit, date, text) of every committed version of ``path``, oldest first, or no versions and why."""
    repo = path.parent
    shallow = _git(repo, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.returncode:
        return [], "not a git checkout"
    if shallow.stdout.strip() == b"true":
        return [], "a shallow clone (fetch the full history: git fetch --unshallow)"
    log = _git(
        repo, "log", "--reverse", "-p", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
        f"--format={RECORD}%h %cs", "--", path.name,
    )  # fmt: skip
    if log is None or log.returncode:
        return [], "git log failed"
    versions: list[tuple[str, str, str]] = []
    lines: list[str] = []
    for chunk in log.stdout.decode("utf-8", errors="replace").split(RECORD)[1:]:
        head, _, patch = chunk.partition("\n")
        commit, date = head.split(" ")
        if patch.strip():  # a merge shows no patch: nothing changed for this file
            lines = _apply(lines, patch)
            versions.append((commit, date, "\n".join(lines)))
    return versions, ""


def _apply(old: list[str], patch: str) -> list[str]:
    """The file after a zero-context patch of it (hunks in order, line numbers of the old file)."""
    out: list[str] = []
    pos = 0
    hunks: list[tuple[int, int, list[str]]] = []
    for line in patch.split("\n"):
        match = RE_HUNK.match(line)
        if match:
            start, count = int(match[1]), int(match[2] or 1)
            hunks.append((start - 1 if count else start, count, []))
        elif line.startswith("+") and not line.startswith("+++") and hunks:
            hunks[-1][2].append(line[1:])
        elif line.startswith("+++ /dev/null"):
            return []  # the file was deleted
    for start, count, added in hunks:
        out += old[pos:start] + added
        pos = start + count
    return out + old[pos:]


def unit_history(path: Path, current: Declaration, parse: Callable[[str, str], Declaration]) -> History:
    """Each unit's wordings across the committed versions of its source file, then the current text."""
    versions, reason = committed_versions(path)
    if reason:
        return History(reason=reason)
    commits = tuple(commit for commit, _, _ in versions)
    units: dict[str, list[Wording]] = {}
    for commit, date, text in versions:
        try:
            version = parse(text, str(path))
        except SourceError:
            continue  # a version that never built has no wording anyone could cite
        for unit in version.units():
            wordings = units.setdefault(unit.uid, [])
            if not wordings or wordings[-1].text != unit.text:
                wordings.append(Wording(unit.text, date, commit))
    out: dict[str, tuple[Wording, ...]] = {}
    for unit in current.units():
        wordings = units.get(unit.uid, [])
        if not wordings or wordings[-1].text != unit.text:
            wordings.append(Wording(unit.text, "", ""))  # edited, not committed yet
        out[unit.uid] = tuple(wordings)
    return History(out, commits)
