"""The offline zip, opened from disk: reading, search, glossary filter, language switch."""

from __future__ import annotations

import re
import zipfile

import pytest
from playwright.sync_api import Page, expect
from unhabitat.offline import offline_zip


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    archive = offline_zip(site.root, folder / "declaration-site.zip")
    with zipfile.ZipFile(archive) as z:
        z.extractall(folder)
    return (folder / "declaration-site").as_uri()


def test_the_zip_is_reproducible(site, tmp_path):
    first = offline_zip(site.root, tmp_path / "a.zip").read_bytes()
    assert offline_zip(site.root, tmp_path / "b.zip").read_bytes() == first


def test_reading_and_moving_from_disk(page: Page, unzipped: str):
    page.goto(f"{unzipped}/zh/13/index.html#para_13__list_1__point_e")
    expect(page.locator("#para_13__list_1__point_e")).to_be_in_viewport()
    page.click(".md-footer__link--next")
    expect(page).to_have_url(f"{unzipped}/zh/14/index.html")
    page.click('.md-nav__link[href$="glossary/index.html"]')
    expect(page).to_have_url(f"{unzipped}/zh/glossary/index.html")


def test_language_switch_from_disk(page: Page, unzipped: str):
    page.goto(f"{unzipped}/zh/13/index.html#para_13__list_1__point_b")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="en"]')
    expect(page).to_have_url(f"{unzipped}/en/13/index.html#para_13__list_1__point_b")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_search_and_glossary_filter_from_disk(page: Page, unzipped: str):
    page.goto(f"{unzipped}/zh/index.html")
    page.locator("#decl-search-input").click()
    page.keyboard.type("本地化")
    first = page.locator(".decl-search-hit").first
    expect(first).to_contain_text("第12段")
    first.click()
    expect(page).to_have_url(f"{unzipped}/zh/12/index.html?h=%E6%9C%AC%E5%9C%B0%E5%8C%96#para_12")
    expect(page.locator("#para_12 mark.decl-hit")).to_have_text("本地化")
    page.goto(f"{unzipped}/en/glossary/index.html")
    page.fill("#glossary-filter", "bdh")
    expect(page.locator(".glossary-item:visible")).to_have_count(1)


def test_landing_page_from_disk(page: Page, unzipped: str):
    page.goto(f"{unzipped}/index.html?choose")
    page.click('a[data-edition="en"]')
    expect(page).to_have_url(f"{unzipped}/en/index.html")


def test_the_zip_is_offered_on_the_downloads_page(page: Page, site):
    for lang in ("zh", "en"):
        page.goto(f"/{lang}/downloads/")
        link = page.locator('a[href="../../declaration-site.zip"]')
        expect(link).to_be_visible()
    assert zipfile.is_zipfile(site.root / "declaration-site.zip")
    with zipfile.ZipFile(site.root / "declaration-site.zip") as z:
        names = z.namelist()
    assert "declaration-site/zh/13/index.html" in names and not any(n.endswith(".zip") for n in names)


@pytest.mark.parametrize(
    ("start", "click", "lands"),
    [
        ("zh/13/index.html", ".md-footer__link--next", "zh/14/index.html"),
        ("zh/13/index.html", ".md-footer__link--prev", "zh/12/index.html"),
        ("zh/13/index.html", '.md-nav--primary .md-nav__link[href="../2/"]', "zh/2/index.html"),
        ("zh/13/index.html", '.md-nav--primary .md-nav__link[href="../glossary/"]', "zh/glossary/index.html"),
        ("en/13/index.html", "#para_13 a.decl-term", "en/glossary/"),
    ],
)
def test_links_of_the_unzipped_site_open_pages_from_disk(page: Page, site, start: str, click: str, lands: str):
    """The built folder itself, opened from disk: a folder link opens the folder's page, not a listing."""
    root = site.root.as_uri()
    page.goto(f"{root}/{start}")
    page.locator(click).first.click()
    expect(page).to_have_url(
        re.compile(re.escape(f"{root}/{lands}") + (r"[^/]+/index\.html$" if lands.endswith("/") else "$"))
    )
    expect(page.locator("article h1").first).to_be_visible()


def test_language_switch_of_the_unzipped_site_from_disk(page: Page, site):
    root = site.root.as_uri()
    page.goto(f"{root}/zh/13/index.html")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="en"]')
    expect(page).to_have_url(f"{root}/en/13/index.html")
    expect(page.locator("html")).to_have_attribute("lang", "en")
