"""axe-core (WCAG 2.1 AA) on the main pages, both editions, both colour schemes; keyboard reachability."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

AXE = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "13/",
    "13/?parallel",
    "glossary/",
    "glossary/sdg-localization/",
    "instruments/a-res-71-256/",
    "downloads/",
    "full/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_axe_violations(browser: Browser, base_url: str, lang: str, scheme: str):
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    for path in PAGES:
        page.goto(f"/{lang}/{path.replace('?parallel', '')}")
        if path.endswith("?parallel"):
            page.click(".decl-view-toggle")
        # axe reads computed colours: measure the settled page, not a hover or focus transition midway.
        page.wait_for_function("() => document.getAnimations().length === 0")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        for violation in result["violations"]:
            targets = [" ".join(n["target"]) for n in violation["nodes"][:3]]
            problems.append(f"/{lang}/{path} [{scheme}] {violation['id']}: {violation['help']} {targets}")
    context.close()
    assert not problems, "\n".join(problems)


def test_controls_have_a_visible_focus(page):
    page.goto("/zh/13/")
    for selector in ("#para_13 details.decl-actions > summary", "#para_13 a.decl-term"):
        control = page.locator(selector).first
        control.focus()
        expect(control).to_be_focused()
        outline = control.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
        assert not outline.startswith("none") and not outline.endswith(" 0px"), (selector, outline)
