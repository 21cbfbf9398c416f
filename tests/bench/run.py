"""`make bench`: what the build and the reader pay, measured in one run on this machine.

Figures are reported as ratios where the machine's speed would otherwise dominate them.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from unhabitat.glossary import build_glossary  # noqa: E402
from unhabitat.register import load_instruments  # noqa: E402
from unhabitat.source_text import read_source  # noqa: E402
from unhabitat.termbase import load_terms  # noqa: E402


def timed(fn, repeat: int = 3) -> float:
    """Median wall time of ``fn`` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build_times() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)

        def edition(config_file: str, lang: str):
            return lambda: build(load_config(str(ROOT / config_file), site_dir=str(site / lang)))

        zh = timed(edition("mkdocs.yml", "zh"))
        en = timed(edition("mkdocs.en.yml", "en"))
    text = read_source(ROOT / "source/declaration.zh.txt")
    symbols = frozenset(load_instruments(ROOT / "glossary/instruments.yml", "instruments.yml"))
    terms = load_terms(ROOT / "glossary/terms.yml", "terms.yml", symbols)
    glossary = timed(lambda: build_glossary(terms, text))
    return [
        "## Build (median of 3, seconds)",
        f"zh edition: {zh:.2f}   en edition: {en:.2f}",
        f"glossary stage (tokenizer, pinyin, occurrences of {len(terms)} terms): {glossary:.2f}",
        f"glossary share of an edition's build: {glossary / zh:.0%} (zh), {glossary / en:.0%} (en)",
        "",
    ]


def main() -> int:
    print("\n".join(build_times()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
