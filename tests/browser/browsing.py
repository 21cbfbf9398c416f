"""Helpers for browser tests."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Types a query into the site's search box and resolves when its results are shown (search.js dispatches the
# event once it has fetched what the query needs and rendered).
TYPE = """q => new Promise(done => {
  window.addEventListener("decl-search-rendered", () => done(), { once: true });
  const input = document.getElementById("decl-search-input");
  input.focus();
  input.value = q;
  input.dispatchEvent(new Event("input"));
})"""


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, with nothing of its own going to the network."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """A local server over a built site, on a free port, for as long as the block runs: its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def screenshot(page: Page, name: str) -> None:
    """Saved as a build artifact, to be looked at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
