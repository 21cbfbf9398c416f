"""Helpers the tests share: where the sources are, and a real `mkdocs build --strict` of both editions."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from list_editions import editions

ROOT = Path(__file__).resolve().parent.parent
SOURCE_ZH = ROOT / "source" / "declaration.zh.txt"
SOURCE_EN = ROOT / "source" / "declaration.en.txt"
MKDOCS = Path(sys.executable).parent / "mkdocs"


@dataclass(frozen=True)
class SiteBuild:
    root: Path
    returncode: int
    output: str

    def html(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")


def build_site(
    dest: Path,
    zh: Path = SOURCE_ZH,
    en: Path = SOURCE_EN,
    extra_env: dict[str, str] | None = None,
    config: Path = ROOT / "mkdocs.yml",
) -> SiteBuild:
    """Every edition, as `make build` makes them, into ``dest``; stops at the first failing edition."""
    env = {
        **os.environ,
        **(extra_env or {}),
        "NO_MKDOCS_2_WARNING": "1",
        "DECLARATION_ZH": str(zh),
        "DECLARATION_EN": str(en),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1700000000"),
    }
    output = []
    for lang in (e.lang for e in editions(config)):
        run = subprocess.run(
            [str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(dest / lang)],
            cwd=ROOT,
            env={**env, "DECLARATION_EDITION": lang},
            capture_output=True,
            text=True,
        )
        output.append(run.stdout + run.stderr)
        if run.returncode:
            return SiteBuild(dest, run.returncode, "".join(output))
    return SiteBuild(dest, 0, "".join(output))
