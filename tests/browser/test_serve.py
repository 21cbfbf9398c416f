"""`make serve`: an edit to the source text or the glossary rebuilds both editions and reloads the browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from playwright.sync_api import Browser, expect
from support import ROOT


def test_an_edit_reloads_the_open_page(browser: Browser, tmp_path):
    zh = tmp_path / "declaration.zh.txt"
    terms = tmp_path / "terms.yml"
    shutil.copy(ROOT / "source" / "declaration.zh.txt", zh)
    shutil.copy(ROOT / "glossary" / "terms.yml", terms)
    shutil.copy(ROOT / "glossary" / "formulae.yml", tmp_path / "formulae.yml")  # read beside terms.yml
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DECLARATION_ZH": str(zh), "GLOSSARY_TERMS": str(terms)}
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "hooks" / "serve_editions.py"), "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/en/13/", timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "make serve did not start"
                time.sleep(0.2)
        page = browser.new_page()
        page.goto(f"{base}/en/13/")  # the English page shows the Chinese text in its parallel column
        page.wait_for_timeout(300)
        zh.write_text(
            zh.read_text(encoding="utf-8").replace("探索各种机制和平台", "探索各项机制和平台"), encoding="utf-8"
        )
        expect(page.locator('#para_13__list_1__point_a .decl-alt[lang="zh"]')).to_contain_text(
            "各项机制", timeout=30_000
        )
        page.goto(f"{base}/zh/glossary/sdg-localization/")
        page.wait_for_timeout(300)
        terms.write_text(
            terms.read_text(encoding="utf-8").replace("在地方一级落实、调整和监测可持续发展目标的过程。", "新的说明。"),
            encoding="utf-8",
        )
        expect(page.locator(".glossary-entry")).to_contain_text("新的说明。", timeout=30_000)
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
