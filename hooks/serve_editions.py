"""`make serve`: build both editions into one tree and serve it on 127.0.0.1:8000 with live reload.

`mkdocs serve` serves one configuration, so it cannot show /zh/ and /en/ side by side. This uses
the same machinery (MkDocs' LiveReloadServer) over both configurations. Each edition builds in a
long-lived worker process of its own, which keeps jieba's dictionary and what did not change loaded
between rebuilds. A saved change to a source text, a glossary file, a page asset or a template
(seen through inotify, not by polling) rebuilds every edition at once, the one the browser shows
first: the browser reloads as soon as that one's pages are written; once the page has loaded again,
its search and downloads are written and the other editions build (a request for any of those is
held until it is written). Saves within BUILD_DELAY of each other give one reload, of the last.

A broken edit does not stop the server: the `file:line` message goes to the terminal and, over
every page, to the browser, until the next good save. SIGTERM, SIGINT and SIGHUP shut it down
cleanly (workers and temporary folder included); the workers also die with the server if it is
killed outright.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import functools
import hashlib
import html
import json
import logging
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

import jinja2
import watchdog.events
import watchdog.observers
from declaration_hooks import DEFER_FILES
from list_editions import editions
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.theme import Theme
from unhabitat import urls
from unhabitat.pipeline import Build, write_files

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"  # every edition's (extra.editions lists them)
CONFIGS = {e.lang: CONFIG for e in editions(CONFIG)}
WATCHED = ("docs", "overrides", "locales", "mkdocs.yml")
SHAPE = ".serve-shape.json"  # in each edition's folder: what the last build's pages were built with
log = logging.getLogger("mkdocs.serve_editions")
SHUTDOWN_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
PR_SET_PDEATHSIG = 1  # linux/prctl.h
# Saves closer together than this give one reload of the browsers, of the last save.
BUILD_DELAY = 0.1
# How long what follows a rebuild (the shown edition's search and downloads, the other editions) waits for
# the browser to load the shown page again.
RELOAD_WAIT = 0.5
# What changes a watched file: reading one (a build reads them all) does not.
CHANGES = frozenset({"created", "modified", "closed", "deleted", "moved"})
# What ends a save: the writer closing the file, or a file moved into place (an editor's atomic save) or
# removed. A build starts at once on these; after "created" or "modified" alone it waits for the end of the
# write, or for BUILD_DELAY without news (a writer that never closes the file).
SAVED = frozenset({"closed", "deleted", "moved"})


def _start_worker(server_pid: int) -> None:
    """A worker ignores the terminal's signals (the server stops it) and dies with the server."""
    for sig in SHUTDOWN_SIGNALS:
        signal.signal(sig, signal.SIG_IGN if sig == signal.SIGINT else signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != server_pid:  # the server died before prctl took effect
        os._exit(1)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    os.environ["DECLARATION_SERVING"] = "1"  # the hook keeps page digests for dirty rebuilds
    Theme.get_env = _kept_environment(Theme.get_env)  # type: ignore[method-assign,assignment]  # this worker only


def _kept_environment(get_env: Callable[[Theme], jinja2.Environment]) -> Callable[[Theme], jinja2.Environment]:
    """``Theme.get_env`` for a worker: one Jinja environment per theme, kept while the templates are unchanged.

    MkDocs makes a new environment for every build, so each rebuild compiles Material's templates again
    (about 1 s) and lists its 14,000 files, icons included, through fnmatch (about 0.7 s): together more
    than half of an edit's rebuild. The environment's listing of the theme's files is kept with it.
    """
    kept: dict[tuple[tuple[str, ...], str, str], jinja2.Environment] = {}

    def kept_env(theme: Theme) -> jinja2.Environment:
        digest = _templates_digest()
        key = (tuple(theme.dirs), str(theme.locale), digest)
        if key not in kept:
            for stale in [k for k in kept if k[-1] != digest]:
                del kept[stale]
            kept[key] = env = get_env(theme)
            visible = env.list_templates(filter_func=_not_hidden)
            # MkDocs' own filter then runs over the few hundred visible names only: the same result.
            env.list_templates = lambda extensions=None, filter_func=None: [  # type: ignore[method-assign]
                name for name in visible if filter_func is None or filter_func(name)
            ]
        return kept[key]

    return kept_env


def _not_hidden(name: str) -> bool:
    """What MkDocs' theme-file filter keeps at the least (it drops every dot file or folder)."""
    return not name.startswith(".") and "/." not in name


@dataclass(frozen=True)
class Built:
    """What a worker's build tells the server: the input files to watch (source texts, glossary data), and
    where the files it left to ``finish_edition`` (``defer``) are served: paths, and folders (``/zh/search/``)."""

    inputs: list[str]
    deferred: frozenset[str] = frozenset()
    deferred_folders: tuple[str, ...] = ()

    def defers(self, path: str) -> bool:
        """Whether a request's path (a folder's stands for its index.html) is one of the deferred files."""
        file = path + "index.html" if path.endswith("/") else path
        return file in self.deferred or file.startswith(self.deferred_folders)


# In a worker: edition → the build whose files beside the pages are still to be written, and its folder.
_unwritten: dict[str, tuple[Build, Path]] = {}


def build_edition(
    lang: str, site: str, serve_url: str | None = None, dirty: bool = False, defer: bool = False
) -> Built:
    """Build one edition.

    A dirty rebuild renders only the pages whose generated Markdown changed (the hook compares
    digests). What every page shows besides its Markdown (the navigation, the templates, the
    configuration) is recorded in the site folder too: when it changed, every page is rebuilt.
    With ``defer``, the files beside the pages (search, citations, downloads) are left to
    ``finish_edition``, which the server runs while the browser reloads.
    """
    shape_file = Path(site) / lang / SHAPE
    recorded = json.loads(shape_file.read_text(encoding="utf-8")) if dirty and shape_file.is_file() else {}
    templates = _templates_digest()
    dirty = dirty and recorded.get("templates") == templates
    config = _build(lang, site, serve_url, dirty, defer)
    navigation = hashlib.sha256(repr(config.nav).encode()).hexdigest()  # set by the hook's on_config
    if dirty and recorded.get("navigation") != navigation:
        # A paragraph added or removed: every page's navigation and previous/next links change.
        config = _build(lang, site, serve_url, False, defer)
    shape_file.write_text(json.dumps({"templates": templates, "navigation": navigation}), encoding="utf-8")
    built: Build = config.extra["build"]
    inputs = [str(p) for p in built.inputs]
    if not defer:
        return Built(inputs)
    _unwritten[lang] = (built, Path(site) / lang)
    paths = frozenset(urls.site_path("", name) for name in built.root_files)
    return Built(inputs, paths, (urls.site_path(lang, urls.SEARCH), urls.site_path(lang, urls.CITE)))


def finish_edition(lang: str) -> None:
    """Write the files the last build of the edition left (in the worker that built it)."""
    write_files(*_unwritten.pop(lang))


def _build(lang: str, site: str, serve_url: str | None, dirty: bool, defer: bool = False) -> MkDocsConfig:
    config = load_config(str(CONFIGS[lang]), site_dir=str(Path(site) / lang))
    config.extra["edition"] = lang  # read by the hook's on_config, which build() runs
    config.extra[DEFER_FILES] = defer  # read by its on_post_build
    errors = _Errors()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        build(config, serve_url=serve_url, dirty=dirty)
    except Abort as e:
        # MkDocs logs the cause (file:line) and raises a bare "Aborted": pass the cause on.
        raise Abort("\n".join(errors.messages) or str(e)) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    return config


def _templates_digest() -> str:
    """The configurations, templates and assets, which reach every page."""
    digest = hashlib.sha256()
    for name in WATCHED:
        path = ROOT / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                digest.update(str(file.relative_to(ROOT)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


class _Errors(logging.Handler):
    """The error messages logged during one build."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# Edition → the worker process that builds it, always the same one: what it keeps between rebuilds (jieba's
# tables, the Jinja environment, the memoized Markdown of unchanged paragraphs) is that edition's.
Workers = dict[str, ProcessPoolExecutor]


def build_editions(
    site: Path, serve_url: str | None = None, workers: Workers | None = None, dirty: bool = False
) -> set[str]:
    if workers is None:
        return {p for lang in CONFIGS for p in build_edition(lang, str(site), serve_url, dirty).inputs}
    jobs = _submit(workers, list(CONFIGS), site, serve_url, dirty)
    wait(jobs)  # both, even when one fails: the next rebuild must not overlap a build still writing
    return {p for job in jobs for p in job.result().inputs}


def _submit(
    workers: Workers, langs: list[str], site: Path, serve_url: str | None, dirty: bool, defer: bool = False
) -> list[Future[Built]]:
    return [workers[lang].submit(build_edition, lang, str(site), serve_url, dirty, defer) for lang in langs]


class _Shutdown(BaseException):
    """Raised in the main thread by SIGTERM or SIGHUP, as SIGINT raises KeyboardInterrupt."""


def _on_signal(signum: int, frame: FrameType | None) -> None:
    # Once: a second signal during the clean-up ends the process the default way.
    for sig in SHUTDOWN_SIGNALS:
        signal.signal(sig, signal.SIG_DFL)
    raise _Shutdown(signal.Signals(signum).name)


class _Server(LiveReloadServer):
    """MkDocs' server, which lays the last build error over every page it serves until a good build, holds a
    page of an edition still building until its build ends and a file a build deferred until it is written,
    watches files through inotify, and builds as soon as a save ends (``_build_loop``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # LiveReloadServer's own, passed through
        super().__init__(*args, **kwargs)
        # inotify on Linux: a save is seen at once, and nothing polls the watched folders every 0.1 s
        self.observer = watchdog.observers.Observer()  # type: ignore[assignment]  # MkDocs types its polling one
        self.build_error: str | None = None
        self._lock = threading.Lock()
        self.shown: str | None = None  # the edition of the page a browser last loaded
        self.building: dict[str, threading.Event] = {}  # edition → set once its build in the background ends
        self._saved = False  # whether the changes waiting for the build loop include the end of a save
        self.reloaded = threading.Event()  # set when a page, loaded again, asks for the next reload
        self._writing: list[tuple[Built, Future[None]]] = []  # a build's deferred files, and what writes them
        self._changed_at = 0.0  # time.monotonic() of the last change

    def hold(self, built: Built, writing: Future[None]) -> None:
        """Hold a request for a file the build deferred until ``writing`` has written it."""
        with self._lock:
            self._writing = [(b, f) for b, f in self._writing if not f.done()] + [(built, writing)]

    def set_error(self, message: str | None) -> None:
        with self._lock:
            self.build_error = message

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """MkDocs' ``watch``, counting only what changes a file; a file is watched through its folder, so
        that an editor that saves by replacing the file is seen too."""
        path = os.path.abspath(path)
        if path in self._watched_paths:
            return
        self._watched_paths[path] = 1
        folder = path if os.path.isdir(path) else os.path.dirname(path)

        def changed(event: watchdog.events.FileSystemEvent) -> None:
            if event.is_directory or event.event_type not in CHANGES:
                return
            touched = {os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", b"") or b"")}
            if folder == path or path in touched:
                self.reload_soon(saved=event.event_type in SAVED)

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = changed  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, folder, recursive=folder == path and recursive)

    def reload_soon(self, saved: bool = True) -> None:
        """Ask the build loop for a rebuild: at once when the save has ended."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._saved = self._saved or saved
            self._changed_at = time.monotonic()
            self._rebuild_cond.notify_all()

    def reload_browsers(self) -> None:
        """A new epoch without a rebuild: every open page reloads (to show a background build's error)."""
        with self._epoch_cond:
            self._wanted_epoch = self._visible_epoch = _epoch()
            self._epoch_cond.notify_all()

    def _build_loop(self) -> None:
        """MkDocs' build loop, which waits for ``build_delay`` of quiet after every change before it builds:
        here a finished save starts the build at once (the delay was a fifth of the edit loop), and the
        browsers reload only when no save came during the build or within ``build_delay`` of the last one;
        otherwise the loop builds again first, so that two quick saves still give one reload, of the second."""
        while True:
            with self._rebuild_cond:
                # With a timeout, so that the main thread, which runs this, takes its signals.
                while not self._rebuild_cond.wait_for(
                    lambda: self._want_rebuild or self._shutdown, timeout=self.shutdown_delay
                ):
                    pass
                if self._shutdown:
                    break
                log.info("Detected file changes")
                while not self._saved and self._rebuild_cond.wait(timeout=self.build_delay):
                    pass  # a write under way: until it ends, or goes quiet
                self._wanted_epoch = _epoch()
                self._want_rebuild = self._saved = False
            try:
                self.builder()  # reports a build's own errors (``rebuild``)
            except Exception as e:  # a worker lost, say: said once, and the next save tries again
                log.error("The rebuild failed: %s: %s", type(e).__name__, e)
                continue
            with self._rebuild_cond:
                quiet = self._changed_at + self.build_delay - time.monotonic()
                if quiet > 0:
                    self._rebuild_cond.wait_for(lambda: self._want_rebuild, timeout=quiet)
                if self._want_rebuild:
                    continue
            with self._epoch_cond:
                log.info("Reloading browsers")
                self._visible_epoch = self._wanted_epoch
                self._epoch_cond.notify_all()

    def serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ.get("PATH_INFO", "")
        if path.startswith("/livereload/"):  # the browser's poll, from the page it shows
            lang = _edition_of(urlsplit(environ.get("HTTP_REFERER", "")).path)
            self.shown = lang or self.shown
            self.reloaded.set()
        elif (lang := _edition_of(path)) and (event := self.building.get(lang)):
            event.wait()
        with self._lock:
            writing = [f for built, f in self._writing if built.defers(path)]
        wait(writing)
        return super().serve_request(environ, start_response)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]  # unannotated in MkDocs
        with self._lock:
            message = self.build_error
        if message is None:
            return content
        overlay = ERROR_OVERLAY.format(message=html.escape(message)).encode()
        at = content.rfind(b"</body>")
        return content[:at] + overlay + content[at:] if at >= 0 else content + overlay


def _epoch() -> int:
    """MkDocs' epoch clock (milliseconds): a browser reloads when the server's epoch passes its own."""
    return round(time.monotonic() * 1000)


def _written(written: Future[None], job: Future[None]) -> None:
    """``written`` is done once the worker's ``job`` of writing is."""
    if (e := job.exception()) is not None:
        log.error("%s: %s", type(e).__name__, e)
    written.set_result(None)


def _edition_of(path: str) -> str | None:
    """The edition a served path belongs to: its first folder."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in CONFIGS else None


ERROR_OVERLAY = (
    '<div id="decl-build-error" role="alert" style="position:fixed;inset:0;z-index:10000;overflow:auto;'
    'background:rgba(40,0,0,.92);color:#fff;font:16px/1.5 monospace;padding:2em;white-space:pre-wrap">'
    "<strong>The build failed; this page is out of date.</strong>\n\n{message}\n\n"
    "Fix the file and save: the page reloads by itself.</div>"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)
    url = f"http://{args.host}:{args.port}/"
    try:
        with tempfile.TemporaryDirectory(prefix="declaration-site-") as tmp, contextlib.ExitStack() as stack:
            workers = {
                lang: stack.enter_context(
                    ProcessPoolExecutor(max_workers=1, initializer=_start_worker, initargs=(os.getpid(),))
                )
                for lang in CONFIGS
            }
            return _serve(Path(tmp), url, workers, args)
    except (KeyboardInterrupt, _Shutdown):
        log.info("Stopped.")
        return 0


def _serve(site: Path, url: str, workers: Workers, args: argparse.Namespace) -> int:
    server: _Server | None = None
    background: list[threading.Thread] = []

    def failed(e: Exception) -> str:
        message = str(e) if isinstance(e, MkDocsException) else f"{type(e).__name__}: {e}"
        log.error("%s", message)
        return message

    def rebuild() -> None:
        # Never raises: MkDocs' server would otherwise hold every request until a good build.
        assert server is not None  # the server is what calls this
        start = time.perf_counter()
        server.reloaded.set()  # the last rebuild's other editions need not wait for a reload that did not come
        for thread in background:  # the last rebuild's other editions: never two builds in one folder
            thread.join()
        background.clear()
        first = [server.shown] if server.shown else list(CONFIGS)
        rest = [lang for lang in CONFIGS if lang not in first]
        for lang in rest:
            server.building[lang] = threading.Event()
        # The shown edition's search and downloads are written after the browser reloads; a request for one
        # of them waits until it is written.
        jobs = _submit(workers, first, site, url, dirty=True, defer=True)
        wait(jobs)
        errors = [failed(e) for e in (job.exception() for job in jobs) if isinstance(e, Exception)]
        writing: dict[str, Future[None]] = {}
        for lang, job in zip(first, jobs, strict=True):
            if job.exception() is None:
                writing[lang] = Future()
                server.hold(job.result(), writing[lang])
        server.set_error("\n".join(errors) or None)
        server.reloaded.clear()
        if not errors:
            log.info("Rebuilt %s in %.2f s.", ", ".join(first), time.perf_counter() - start)
        background.append(threading.Thread(target=after_reload, args=(writing, rest, start, bool(errors)), daemon=True))
        background[-1].start()

    def after_reload(writing: dict[str, Future[None]], langs: list[str], start: float, failing: bool) -> None:
        # Once the browser has loaded the shown page again (or after RELOAD_WAIT), so that it had the cores to
        # itself: the shown edition's deferred files, and the other editions.
        assert server is not None
        server.reloaded.wait(RELOAD_WAIT)
        for lang, written in writing.items():
            workers[lang].submit(finish_edition, lang).add_done_callback(functools.partial(_written, written))
        jobs = _submit(workers, langs, site, url, dirty=True)
        wait(jobs)
        errors = [failed(e) for e in (job.exception() for job in jobs) if isinstance(e, Exception)]
        for lang in langs:
            server.building.pop(lang).set()
        if errors and not failing:
            server.set_error("\n".join(errors))
            server.reload_browsers()
        elif langs and not errors:
            log.info("Rebuilt %s in %.2f s.", ", ".join(langs), time.perf_counter() - start)

    try:
        inputs = build_editions(site, url, workers)
    except Exception as e:  # the first build must work: the message, no traceback
        failed(e)
        return 1
    server = _Server(builder=rebuild, host=args.host, port=args.port, root=str(site))
    server.build_delay = BUILD_DELAY
    for path in sorted(inputs | {str(ROOT / name) for name in WATCHED}):
        server.watch(path)
    try:
        server.serve()  # type: ignore[no-untyped-call]  # unannotated in MkDocs
    finally:
        log.info("Shutting down...")
        server.shutdown()
        for thread in background:
            thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
