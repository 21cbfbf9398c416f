"""`make terms`: candidate terms the base lacks, for a maintainer to curate.

Three sources: names in 《》 and “”; names of bodies, programmes and events (by their
head word: 委员会, 论坛, 计划…); and multi-character collocations of two or three
tokens that recur. A candidate is reported unless it is a term form already.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Declaration
from .segment import TermFinder
from .termbase import Term, compact

RE_NAMED = re.compile(r"《(?P<book>[^》]+)》|“(?P<quoted>[^”]+)”")
HEADS = (
    "委员会",
    "规划署",
    "大会",
    "论坛",
    "会议",
    "组织",
    "系统",
    "方案",
    "计划",
    "议程",
    "公约",
    "十年",
    "部门",
)
# Function words and fillers that never start or end a term.
STOP_WORDS = "的 和 与 及 以 在 为 了 是 对 等 其 并 而 或 从 到 将 于 这 该 各 中 我们 年 月"
STOP_TOKENS = frozenset(STOP_WORDS.split())


@dataclass(frozen=True)
class Candidate:
    text: str
    source: str
    count: int
    units: tuple[str, ...]


def candidates(text: Declaration, finder: TermFinder, terms: Iterable[Term], min_count: int = 2) -> list[Candidate]:
    known = {f for t in terms for f in t.forms}
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for unit in text.units():
        for m in RE_NAMED.finditer(unit.text):
            found[(compact(m["book"] or m["quoted"]), "《》“”")].append(unit.uid)
        words = [t.text for t in finder.tokens(unit.text)]
        for name in _names(words):
            found[(name, "body")].append(unit.uid)
        for size in (2, 3):
            for i in range(len(words) - size + 1):
                gram = words[i : i + size]
                if len(gram[0]) == 1 or any(w in STOP_TOKENS or not _han(w) for w in gram):
                    continue
                found[("".join(gram), "collocation")].append(unit.uid)
    out = []
    for (candidate, source), units in found.items():
        covered = any(form in candidate for form in known) and source != "《》“”"
        if candidate in known or covered or (source == "collocation" and len(units) < min_count):
            continue
        out.append(Candidate(candidate, source, len(units), tuple(dict.fromkeys(units))))
    return sorted(out, key=lambda c: (c.source, -c.count, c.text))


def _names(words: list[str]) -> Iterable[str]:
    """A head word (委员会, 论坛…) with the content words before it: a likely name of a body or event."""
    for end, word in enumerate(words):
        if not word.endswith(HEADS):
            continue
        start = end
        while (
            start > 0
            and end - start < 4
            and len(words[start - 1]) > 1
            and words[start - 1] not in STOP_TOKENS
            and _han(words[start - 1])
        ):
            start -= 1
        if start < end:
            yield "".join(words[start : end + 1])


def _han(word: str) -> bool:
    return bool(re.fullmatch(r"[\u4e00-\u9fff]+", word))


def report(found: list[Candidate]) -> str:
    lines = [f"{len(found)} candidate terms not in the term base", ""]
    for source in sorted({c.source for c in found}):
        lines.append(f"## {source}")
        for c in (c for c in found if c.source == source):
            lines.append(f"{c.count:>3}  {c.text}  ({', '.join(c.units)})")
        lines.append("")
    return "\n".join(lines)
