"""Following a reference and citing a unit, as a reader does."""

from __future__ import annotations

from browsing import screenshot
from playwright.sync_api import Page, expect


def test_footnote_to_instrument_page_and_back(page: Page, base_url: str):
    page.goto("/zh/2/")
    page.click("#fnref_1")
    expect(page).to_have_url(f"{base_url}/zh/2/#fnt_1")
    page.click("#fnt_1 a.decl-ref")
    expect(page).to_have_url(f"{base_url}/zh/instruments/a-res-71-256/")
    expect(page.locator("h1")).to_have_text("新城市议程")
    expect(page.locator('dl.instrument a[hreflang="zh"]')).to_have_attribute(
        "href", "https://undocs.org/zh/A/RES/71/256"
    )
    screenshot(page, "zh-instrument")
    page.click('ul.cited-in a[href="../../2/#para_2"]')
    expect(page).to_have_url(f"{base_url}/zh/2/#para_2")
    expect(page.locator("#para_2")).to_be_in_viewport()
    page.go_back()
    page.go_back()
    expect(page).to_have_url(f"{base_url}/zh/2/#fnt_1")


def test_in_text_reference_links_to_the_instrument(page: Page, base_url: str):
    page.goto("/en/11/")
    page.click('#para_11 a.decl-ref:has-text("General Assembly resolution 77/262")')
    expect(page).to_have_url(f"{base_url}/en/instruments/a-res-77-262/")


def test_cite_and_copy(page: Page, base_url: str):
    page.goto("/zh/13/")
    point = page.locator("#para_13__list_1__point_a")
    point.locator("summary").click()
    text = point.locator(".decl-cite-text")
    expect(text).to_be_visible()
    expected = "联合国人居大会第二届会议部长级宣言（2023年，内罗毕），第13段(a)分段，http://127.0.0.1:8000/zh/13/#para_13__list_1__point_a"
    expect(text).to_have_text(expected)
    point.locator(".decl-cite-copy").click()
    expect(page.locator("#decl-status")).to_have_text("引文已复制")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    with page.expect_download() as download:
        point.locator('a[href$="13a.bib"]').click()
    assert download.value.suggested_filename == "13a.bib"
    screenshot(page, "zh-13-cite")


def test_cite_control_works_from_the_keyboard(page: Page):
    page.goto("/en/2/")
    summary = page.locator("#para_2 .decl-cite summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#para_2 .decl-cite-text")).to_contain_text("para. 2, ")
    expect(page.locator("#para_2 .decl-cite-text")).to_contain_text("(unofficial translation)")
