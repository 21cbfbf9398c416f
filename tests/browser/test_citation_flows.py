"""Following a reference and citing a unit, as a reader does."""

from __future__ import annotations

import re

from browsing import screenshot
from playwright.sync_api import Page, expect


def test_footnote_to_instrument_page_and_back(page: Page, base_url: str):
    page.goto("/zh/2/")
    page.click("#fnref_1")
    expect(page).to_have_url(f"{base_url}/zh/2/#fnt_1")
    page.click("#fnt_1 a.decl-ref")
    expect(page).to_have_url(f"{base_url}/zh/instruments/a-res-71-256/")
    expect(page.locator("h1")).to_have_text("新城市议程")
    expect(page.locator('.instrument a[hreflang="zh"]')).to_have_attribute(
        "href", "https://undocs.org/zh/A/RES/71/256"
    )
    screenshot(page, "zh-instrument")
    page.click('.cited-in a[href="../../2/#para_2"]')
    expect(page).to_have_url(f"{base_url}/zh/2/#para_2")
    expect(page.locator("#para_2")).to_be_in_viewport()
    page.go_back()
    page.go_back()
    expect(page).to_have_url(f"{base_url}/zh/2/#fnt_1")


def test_in_text_reference_links_to_the_instrument(page: Page, base_url: str):
    page.goto("/en/11/")
    page.click('#para_11 a.decl-ref:has-text("General Assembly resolution 77/262")')
    expect(page).to_have_url(f"{base_url}/en/instruments/a-res-77-262/")


def open_actions(page: Page, eid: str):
    """Opens a unit's actions as a mouse user does: hover the unit, click its ⋯ button."""
    row = page.locator(f"#{eid}")
    row.hover()
    summary = row.locator("details.decl-actions > summary")
    expect(summary).to_be_visible()
    summary.click()
    return row


def test_cite_and_copy(page: Page, base_url: str):
    page.goto("/zh/13/")
    point = open_actions(page, "para_13__list_1__point_a")
    texts = point.locator(".decl-cite-text")
    expect(texts).to_have_count(4)
    live = f"{base_url}/zh/13/#para_13__list_1__point_a"
    expected = re.compile(
        r"联合国人居大会第二届会议部长级宣言（2023年6月9日，内罗毕），第13段\(a\)分段"
        r"（本站文本修订于20\d\d年\d+月\d+日），" + re.escape(live)
    )
    expect(texts.first).to_have_text(expected)
    point.locator(".decl-cite-copy").first.click()
    expect(page.locator("#decl-status")).to_have_text("引文已复制")
    assert expected.fullmatch(page.evaluate("navigator.clipboard.readText()"))
    point.locator(".decl-cite-copy").nth(1).click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"第13段(a)分段[Z/OL]. 内罗毕. {live}."), copied
    with page.expect_download() as download:
        point.locator('a[href$="13a.bib"]').click()
    assert download.value.suggested_filename == "13a.bib"
    screenshot(page, "zh-13-cite")


def test_cite_text_and_copied_link_agree(page: Page, base_url: str):
    """The page is built for 127.0.0.1:8000 and served elsewhere: every citation follows the served address."""
    page.goto("/en/13/")
    point = open_actions(page, "para_13__list_1__point_b")
    point.locator("[data-permalink]").click()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == f"{base_url}/en/13/#para_13__list_1__point_b"
    for text in point.locator(".decl-cite-text").all_text_contents():
        assert link in text and "127.0.0.1:8000" not in text.replace(base_url, ""), text


def test_unit_actions_from_the_keyboard(page: Page, base_url: str):
    page.goto("/en/2/")
    summary = page.locator("#para_2 details.decl-actions > summary")
    summary.focus()
    expect(summary).to_be_visible()  # hidden until hover on a desktop, shown on keyboard focus
    page.keyboard.press("Enter")
    expect(page.locator("#para_2 .decl-cite-text").first).to_contain_text("para. 2, ")
    expect(page.locator("#para_2 .decl-cite-text").first).to_contain_text("(unofficial translation, revised ")
    page.keyboard.press("Tab")
    expect(page.locator("#para_2 [data-permalink]")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/en/2/#para_2"
    page.keyboard.press("Escape")
    expect(page.locator("#para_2 details.decl-actions")).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()


def test_the_control_hides_until_hover_on_a_desktop_and_shows_on_a_phone(browser, base_url: str):
    desktop = browser.new_page(base_url=base_url, viewport={"width": 1280, "height": 900})
    desktop.goto("/zh/13/")
    summary = desktop.locator("#para_13__list_1__point_c details.decl-actions > summary")
    assert summary.evaluate("e => getComputedStyle(e).opacity") == "0"
    desktop.locator("#para_13__list_1__point_c").hover()
    assert summary.evaluate("e => getComputedStyle(e).opacity") == "1"
    assert desktop.locator(".decl-row").first.evaluate("e => e.textContent.includes('¶')") is False
    desktop.close()
    context = browser.new_context(
        base_url=base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    phone.goto("/zh/13/")
    summary = phone.locator("#para_13__list_1__point_c details.decl-actions > summary")
    assert summary.evaluate("e => getComputedStyle(e).opacity") == "1"
    box = summary.bounding_box()
    assert box and box["width"] >= 24 and box["height"] >= 24 and box["x"] + box["width"] <= 390
    summary.tap()
    expect(phone.locator("#para_13__list_1__point_c .decl-actions-body")).to_be_visible()
    phone.locator("h1").tap()  # a tap outside closes the menu
    expect(phone.locator("#para_13__list_1__point_c .decl-actions-body")).to_be_hidden()
    screenshot(phone, "zh-13-unit-actions-phone")
    context.close()


def test_open_a_translators_note(page: Page):
    page.goto("/en/2/")
    note = page.locator("#para_2__tn_1")
    expect(note.locator("p")).to_be_hidden()
    page.locator('#para_2 a.decl-tn-ref[href="#para_2__tn_1"]').focus()
    page.keyboard.press("Enter")
    expect(note).to_have_attribute("open", "")
    expect(note.locator("p")).to_contain_text("affirm")
    expect(note.locator("summary")).to_be_focused()
    screenshot(page, "en-2-note")
    page.goto("/zh/2/")
    page.locator("#para_2__tn_1 summary").click()
    expect(page.locator("#para_2__tn_1 p")).to_contain_text("肯定")


def test_open_an_earlier_wording(page: Page, base_url: str):
    page.goto("/en/12/")
    row = open_actions(page, "para_12")
    expect(row.locator(".decl-revised")).to_contain_text("revised ")
    history = row.locator("details.decl-history")
    history.locator("summary").click()
    earlier = history.locator("li").first
    expect(earlier).to_be_visible()
    link = earlier.locator("a")
    anchor = link.get_attribute("href").split("#")[1]
    shown = " ".join(earlier.text_content().split())  # as a reader sees it: a line break of the Markdown is a space
    link.click()
    expect(page).to_have_url(f"{base_url}/en/changes/#{anchor}")
    wording = page.locator(f"#{anchor}")
    expect(wording).to_be_in_viewport()
    assert " ".join(wording.locator("blockquote").text_content().split()) in shown
    screenshot(page, "en-changes")
