"""The public address: one setting for every static file; a preview build says so, a release refuses none."""

from __future__ import annotations

import re

import pytest
from support import build_site
from unhabitat.address import PREVIEW_ROOT, site_address

RE_LOOPBACK_URL = re.compile(r"https?://(?:127\.\d+\.\d+\.\d+|localhost|\[::1\]|0\.0\.0\.0)\b")
PUBLIC = "https://example.org/declaration/"


@pytest.mark.parametrize(
    ("site_url", "root", "public"),
    [
        (None, PREVIEW_ROOT, False),
        ("", PREVIEW_ROOT, False),
        ("http://127.0.0.1:8000/", PREVIEW_ROOT, False),
        ("http://localhost:8000", "http://localhost:8000/", False),
        ("http://[::1]:8000/", "http://[::1]:8000/", False),
        ("https://example.org/declaration", PUBLIC, True),
    ],
)
def test_site_address(site_url, root, public):
    assert site_address(site_url).root == root and site_address(site_url).public is public


def test_a_preview_build_says_so_once_without_failing_strict(site):
    assert site.returncode == 0
    notices = [line for line in site.output.splitlines() if "preview build" in line]
    assert len(notices) == 1 and notices[0].startswith("INFO"), site.output


def test_a_public_build_writes_no_loopback_address(tmp_path):
    built = build_site(tmp_path, extra_env={"SITE_ROOT": PUBLIC, "DECLARATION_RELEASE": "1"})
    assert built.returncode == 0, built.output
    assert "preview build" not in built.output
    checked = 0
    for path in tmp_path.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".bib", ".ris", ".tmx", ".txt", ".md", ".js", ".csv", ".tbx"}:
            found = RE_LOOPBACK_URL.search(path.read_text(encoding="utf-8"))
            assert not found, f"{path.relative_to(tmp_path)}: {found and found.group()}"
            checked += 1
    assert checked > 600
    page = (tmp_path / "en" / "13" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLIC}en/13/">' in page
    assert f'data-permalink-url="{PUBLIC}en/13/#para_13__list_1__point_a"' in page
    assert f"url = {{{PUBLIC}zh/13/#para_13}}" in (tmp_path / "zh" / "cite" / "13.bib").read_text(encoding="utf-8")
    assert f"<loc>{PUBLIC}zh/</loc>" in (tmp_path / "zh" / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("site_root", ["", "http://127.0.0.1:8000/"])  # "": unset (!ENV gives the default)
def test_a_release_build_refuses_a_missing_or_loopback_address(tmp_path, site_root):
    built = build_site(tmp_path, extra_env={"DECLARATION_RELEASE": "1", "SITE_ROOT": site_root})
    assert built.returncode != 0
    assert "release build refused: the public address is" in built.output
    assert "Traceback" not in built.output
