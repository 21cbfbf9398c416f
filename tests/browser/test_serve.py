"""`make serve`: an edit rebuilds both editions and reloads the browser; a broken edit shows its error
and the server keeps serving; a signal stops the server and everything it started."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browsing import TYPE
from playwright.sync_api import Browser, expect
from support import ROOT


@dataclass
class Serving:
    process: subprocess.Popen
    base: str
    zh: Path
    en: Path
    terms: Path
    log: Path
    tmp: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[Serving]:
    """serve_editions.py in a session of its own, on copies of the source and the term base."""
    zh, en, terms, tmp = (tmp_path / name for name in ("declaration.zh.txt", "declaration.en.txt", "terms.yml", "tmp"))
    shutil.copy(ROOT / "source" / "declaration.zh.txt", zh)
    shutil.copy(ROOT / "source" / "declaration.en.txt", en)
    shutil.copy(ROOT / "glossary" / "terms.yml", terms)
    shutil.copy(ROOT / "glossary" / "formulae.yml", tmp_path / "formulae.yml")  # read beside terms.yml
    tmp.mkdir()
    port = _free_port()
    env = {
        **os.environ,
        "DECLARATION_ZH": str(zh),
        "DECLARATION_EN": str(en),
        "GLOSSARY_TERMS": str(terms),
        "TMPDIR": str(tmp),
    }
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "hooks" / "serve_editions.py"), "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    serving = Serving(process, f"http://127.0.0.1:{port}", zh, en, terms, log, tmp)
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{serving.base}/en/13/", timeout=1):
                break
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, serving.output()
            time.sleep(0.2)
    yield serving
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=60)


def session_processes(sid: int) -> list[int]:
    """Living processes of a session (its leader's pid is the session id)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                out.append(int(entry))
    return out


def wait_gone(sid: int, seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := session_processes(sid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_an_edit_reloads_the_open_page(browser: Browser, serving: Serving):
    page = browser.new_page()
    page.goto(f"{serving.base}/en/13/")  # the English page shows the Chinese text in its parallel column
    page.wait_for_timeout(300)
    zh = serving.zh
    zh.write_text(zh.read_text(encoding="utf-8").replace("探索各种机制和平台", "探索各项机制和平台"), encoding="utf-8")
    expect(page.locator('#para_13__list_1__point_a .decl-alt[lang="zh"]')).to_contain_text("各项机制", timeout=30_000)
    # The shown edition's search is written while the page reloads: a query made at once finds the new wording.
    en = serving.en
    en.write_text(en.read_text(encoding="utf-8").replace("Explore mechanisms", "Examine mechanisms"), encoding="utf-8")
    expect(page.locator("#para_13__list_1__point_a")).to_contain_text("Examine mechanisms", timeout=30_000)
    page.evaluate(TYPE, "examine mechanisms")
    expect(page.locator(".decl-search-hit", has_text="Examine mechanisms")).not_to_have_count(0)
    page.goto(f"{serving.base}/zh/glossary/sdg-localization/")
    page.wait_for_timeout(300)
    terms = serving.terms
    terms.write_text(
        terms.read_text(encoding="utf-8").replace("在地方一级落实、调整和监测可持续发展目标的过程。", "新的说明。"),
        encoding="utf-8",
    )
    expect(page.locator(".glossary-entry")).to_contain_text("新的说明。", timeout=30_000)
    page.close()


def test_a_new_paragraph_reaches_every_page_navigation(browser: Browser, serving: Serving):
    """Row 119: a dirty rebuild skipped pages whose Markdown had not changed, so their navigation went stale."""
    page = browser.new_page()
    page.goto(f"{serving.base}/zh/21/")
    page.wait_for_timeout(300)
    for path, line in ((serving.zh, "22. 新增的段落。"), (serving.en, "22. A new paragraph.")):
        text = path.read_text(encoding="utf-8")
        at = text.index("\n", text.index("\n21. ") + 1)
        path.write_text(text[:at] + "\n" + line + text[at:], encoding="utf-8")
    expect(page.locator("a.md-footer__link--next")).to_have_attribute("href", "../22/", timeout=30_000)
    page.goto(f"{serving.base}/en/7/")
    expect(page.locator('nav a[href="../22/"]')).to_have_count(1)
    page.close()


@pytest.mark.parametrize(
    ("name", "broken", "message"),
    [
        ("source", lambda t: t.replace("\n7. ", "\n9. ", 1), "declaration.zh.txt:24: expected paragraph 7"),
        ("glossary", lambda t: t.replace("{term: 人居署,", "{term: [人居署,", 1), "terms.yml:"),
        ("date", lambda t: t + "\n- id: x\n  zh: 二〇一六\n  note: 2016-02-30\n", "invalid date '2016-02-30'"),
    ],
)
def test_a_broken_edit_shows_its_error_and_the_server_recovers(
    browser: Browser, serving: Serving, name, broken, message
):
    target = serving.zh if name == "source" else serving.terms
    good = target.read_text(encoding="utf-8")
    page = browser.new_page()
    page.goto(f"{serving.base}/zh/7/")
    page.wait_for_timeout(300)
    target.write_text(broken(good), encoding="utf-8")
    overlay = page.locator("#decl-build-error")
    expect(overlay).to_contain_text(message, timeout=30_000)
    # Still serving, every page, with the error over it (not a stale page that looks fine).
    page.goto(f"{serving.base}/en/glossary/")
    expect(overlay).to_be_visible()
    # Two saves 50 ms apart give one rebuild, of the second.
    rebuilds = serving.output().count("Reloading browsers")
    target.write_text(good.replace("2022", "2022", 1), encoding="utf-8")
    time.sleep(0.05)
    target.write_text(good, encoding="utf-8")
    expect(overlay).to_have_count(0, timeout=30_000)
    expect(page.locator(".glossary-item").first).to_be_visible()
    time.sleep(1)
    assert serving.output().count("Reloading browsers") == rebuilds + 1
    assert message in serving.output()
    assert "Traceback" not in serving.output()
    assert serving.process.poll() is None
    page.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda s: s.name)
def test_a_signal_stops_the_server_and_its_workers(serving: Serving, sig):
    sid = serving.process.pid
    assert len(session_processes(sid)) >= 3  # the server and its two workers
    serving.process.send_signal(sig)
    assert serving.process.wait(timeout=60) == 0
    assert wait_gone(sid, 10) == []
    assert "Traceback" not in serving.output()
    assert not list(serving.tmp.glob("declaration-site-*")), "temporary site folder left behind"


def test_workers_die_with_a_killed_server(serving: Serving):
    sid = serving.process.pid
    serving.process.kill()
    serving.process.wait(timeout=10)
    assert wait_gone(sid, 10) == []
