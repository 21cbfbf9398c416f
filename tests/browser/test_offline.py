"""The offline zip, opened from disk: reading, search, glossary filter, language switch."""

from __future__ import annotations

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
