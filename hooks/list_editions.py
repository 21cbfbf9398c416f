"""The site's editions, as ``extra.editions`` in mkdocs.yml lists them (the source edition first).

``python hooks/list_editions.py`` prints their language codes, one a line, for the Makefile;
``make serve`` and the tests import ``editions()``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

sys.path.insert(0, str(Path(__file__).resolve().parent))
from unhabitat.settings import EditionSpec, read_editions

CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def editions(config_file: Path = CONFIG) -> tuple[EditionSpec, ...]:
    with config_file.open(encoding="utf-8") as f:
        config = yaml_load(f) or {}
    return read_editions(config.get("extra") or {}, str(config_file))


if __name__ == "__main__":
    print("\n".join(e.lang for e in editions()))
