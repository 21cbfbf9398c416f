"""`make serve`: build both editions into one tree and serve it on 127.0.0.1:8000 with live reload.

`mkdocs serve` serves one configuration, so it cannot show /zh/ and /en/ side by side. This uses
the same machinery (MkDocs' LiveReloadServer) over both configurations. The two editions build
side by side in two long-lived worker processes, which keep jieba's dictionary loaded between
rebuilds; a change to a source text, a glossary file, a page asset or a template rebuilds both.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
WATCHED = ("docs", "overrides", "mkdocs.yml", "mkdocs.en.yml")
log = logging.getLogger("mkdocs.serve_editions")


def _start_worker() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    os.environ["DECLARATION_SERVING"] = "1"  # the hook keeps page digests for dirty rebuilds


def build_edition(lang: str, site: str, serve_url: str | None = None, dirty: bool = False) -> list[str]:
    """Build one edition; return the input files (source texts, glossary data) to watch.

    A dirty rebuild renders only the pages whose generated Markdown changed (the hook compares
    digests); the navigation cannot go stale, since an edit never adds or removes a page silently:
    a new or lost paragraph changes the navigation of every page, and so every page's Markdown.
    """
    config = load_config(str(CONFIGS[lang]), site_dir=str(Path(site) / lang))
    build(config, serve_url=serve_url, dirty=dirty)
    return [str(p) for p in config.extra["build"].inputs]


def build_editions(
    site: Path, serve_url: str | None = None, pool: ProcessPoolExecutor | None = None, dirty: bool = False
) -> set[str]:
    if pool is None:
        return {p for lang in CONFIGS for p in build_edition(lang, str(site), serve_url, dirty)}
    jobs = [pool.submit(build_edition, lang, str(site), serve_url, dirty) for lang in CONFIGS]
    return {p for job in jobs for p in job.result()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    url = f"http://{args.host}:{args.port}/"
    with (
        tempfile.TemporaryDirectory(prefix="declaration-site-") as tmp,
        ProcessPoolExecutor(max_workers=len(CONFIGS), initializer=_start_worker) as pool,
    ):
        site = Path(tmp)

        def rebuild() -> None:
            try:
                build_editions(site, url, pool, dirty=True)
            except MkDocsException as e:
                # The browser keeps the last good build; the message names the file and line.
                log.error("%s", e)
                raise

        try:
            inputs = build_editions(site, url, pool)
        except MkDocsException as e:
            log.error("%s", e)
            return 1
        server = LiveReloadServer(builder=rebuild, host=args.host, port=args.port, root=str(site), polling_interval=0.1)
        server.build_delay = 0.05
        for path in sorted(inputs | {str(ROOT / name) for name in WATCHED}):
            server.watch(path)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
