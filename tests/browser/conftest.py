"""A local server over the built site and a real Chromium (Debian's) driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browsing import launch, serve
from playwright.sync_api import Browser, Page, sync_playwright


@pytest.fixture(scope="session")
def base_url(site) -> Iterator[str]:
    with serve(site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh reader; the test fails if the page asks anything of a host other than ours."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    tab = context.new_page()
    foreign: list[str] = []
    ours = urlsplit(base_url).netloc
    tab.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc not in (ours, "") else None)
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert not foreign, f"third-party requests: {foreign}"
    assert not errors, f"script errors: {errors}"
