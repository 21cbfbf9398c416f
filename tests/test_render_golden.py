"""Golden files for the generated Markdown. `pytest --update-golden` rewrites them after a deliberate change."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from support import SOURCE_EN, SOURCE_ZH
from unhabitat import render
from unhabitat.source_text import read_source

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["index", "2", "13", "full"]


def edition(lang: str) -> render.Edition:
    zh, en = read_source(SOURCE_ZH, "zh.txt"), read_source(SOURCE_EN, "en.txt")
    if lang == "zh":
        return render.Edition("zh", zh, "en", en)
    return render.Edition("en", en, "zh", zh)


def generate(lang: str, page: str) -> str:
    ed = edition(lang)
    if page == "index":
        return render.home_page(ed)
    if page == "full":
        return render.full_text_page(ed)
    return render.paragraph_page(ed, int(page))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_generated_markdown_matches_golden(lang, page, update_golden):
    actual = generate(lang, page)
    path = GOLDEN / lang / f"{page}.md"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(path), "generated"
        )
    )
    assert not diff, f"generated Markdown differs from {path} (pytest --update-golden):\n{diff}"


def test_rendering_is_deterministic():
    assert generate("zh", "full") == generate("zh", "full")


def test_markdown_specials_are_escaped_in_markdown_contexts():
    assert render.md_escape("*a* _b_ [x](javascript:y) | #") == r"\*a\* \_b\_ \[x\]\(javascript\:y\) \| \#"


def test_text_is_html_escaped_and_markers_linked():
    html = render.inline("<script>x</script> 议程¹", anchors=True)
    assert html == '&lt;script&gt;x&lt;/script&gt; 议程<a class="decl-fnref" id="fnref_1" href="#fnt_1">¹</a>'
    assert render.inline("议程¹", anchors=False) == '议程<sup class="decl-fnref">¹</sup>'
