"""`make serve`: build both editions into one tree and serve it on 127.0.0.1:8000 with live reload.

`mkdocs serve` serves one configuration, so it cannot show /zh/ and /en/ side by side.
This uses the same machinery (MkDocs' LiveReloadServer) over both configurations,
and rebuilds both when a source text, glossary file, page asset or template changes.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
WATCHED = ("source", "glossary", "docs", "overrides", "mkdocs.yml", "mkdocs.en.yml")
log = logging.getLogger("mkdocs.serve_editions")


def build_editions(site: Path, serve_url: str | None = None) -> None:
    for lang, config_file in CONFIGS.items():
        config = load_config(str(config_file), site_dir=str(site / lang))
        build(config, serve_url=serve_url)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    url = f"http://{args.host}:{args.port}/"
    with tempfile.TemporaryDirectory(prefix="declaration-site-") as tmp:
        site = Path(tmp)

        def rebuild() -> None:
            try:
                build_editions(site, url)
            except MkDocsException as e:
                # Keep serving the last good build; the message names file and line.
                log.error("%s", e)
                raise

        try:
            build_editions(site, url)
        except MkDocsException as e:
            log.error("%s", e)
            return 1
        server = LiveReloadServer(builder=rebuild, host=args.host, port=args.port, root=str(site))
        for name in WATCHED:
            server.watch(str(ROOT / name))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
