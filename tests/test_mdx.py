"""The pages' Markdown extension (unhabitat/mdx.py) and the running text's Markdown (markup.md_inline, md_lines):
wrapped text reads back exactly, markup characters stay literal, no space appears between two Han characters,
and a term link's title becomes its tooltip."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import html
from unhabitat.markup import md_inline, md_lines
from unhabitat.mdx import DeclarationExtension, join_wide_lines

EXTENSIONS = ["attr_list", "def_list", "md_in_html", "pymdownx.blocks.details", "sane_lists", "tables", "toc"]


def to_html(source: str) -> str:
    return markdown.markdown(source, extensions=[*EXTENSIONS, DeclarationExtension()])


def paragraph_text(text: str, width: int = 40, number: bool = True) -> str:
    """The text as the renderer writes a cell's paragraph (after a unit's number, or alone, as a note), read
    back as a browser's DOM has it."""
    lead = [('<span class="decl-num">1.</span> ', False)] if number else []
    body = md_lines([*lead, (md_inline(text), True)], width)
    tree = html.fromstring(to_html(f'<div class="decl-cell" markdown>\n\n{body}\n\n</div>'))
    (p,) = tree.xpath("//p")
    return p.text_content().removeprefix("1. ") if number else p.text_content()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人类\n住区", "人类住区"),  # two Han characters: the break goes
        ("人类 \n 住区", "人类住区"),
        ("住区，\n我们", "住区，我们"),  # fullwidth punctuation is wide
        ("human\nsettlements", "human\nsettlements"),  # a break between words stays (a space to the reader)
        ("2030\n年", "2030\n年"),  # a digit is narrow: Pandoc keeps this break too
        ("议程\nAgenda", "议程\nAgenda"),
    ],
)
def test_a_soft_break_between_two_wide_characters_is_dropped(text, expected):
    assert join_wide_lines(text) == expected


def test_wrapped_chinese_shows_no_space_and_english_keeps_its_spaces():
    chinese = "因此，我们鼓励会员国和其他相关利益攸关方酌情开展以下工作（包括通过包容和有效的多边主义和国际合作）：" * 4
    assert paragraph_text(chinese) == chinese
    english = "We therefore encourage Member States and other relevant stakeholders, as appropriate, to:" * 3
    assert paragraph_text(english).replace("\n", " ") == english


def test_no_line_starts_with_what_could_start_a_block():
    text = "a # b - c 1. d > e /// f = g + h * i ` j 人类 # 住区 -。 " * 20
    lines = md_lines([(md_inline(text), True)], 30).splitlines()
    assert len(lines) > 10
    assert all(line[0].isalpha() for line in lines[1:]), lines


# Text with every character that means something to Markdown, HTML or md_in_html, Han and Latin words, spaces.
PARTS = [
    *"#*_`[]{}()<>&\\!-+.=|:/~^'\"",
    "人类",
    "住区",
    "，",
    "。",
    "（",
    "Agenda",
    " ",
    "1.",
    "&amp;",
    "<script>",
    "///",
]
TEXT = st.lists(st.sampled_from(PARTS), min_size=1, max_size=40).map(lambda parts: " ".join("".join(parts).split()))


@settings(max_examples=300, deadline=None)
@given(TEXT.filter(bool))
@example("///人类 人类")  # a space between two Han characters is kept (the break may not take its place)
def test_any_text_reads_back_literally(text):
    """Lossless and literal: whatever the text, the paragraph shows exactly it (a line break reads as a space
    between words and as nothing between two wide characters)."""
    assert paragraph_text(text, width=12).replace("\n", " ") == text
    assert paragraph_text(text, width=12, number=False).replace("\n", " ") == text


def test_a_term_link_s_title_becomes_its_tooltip_and_a_reference_keeps_its_title():
    source = (
        '<div class="decl-cell" markdown>\n\n'
        "[人类住区][t]{.decl-term} and [A/RES/71/256][r]{.decl-ref}\n\n"
        '[t]: glossary/human-settlements.md "rénlèi zhùqū · human settlements & <b>"\n'
        '[r]: instruments/a.md "A/RES/71/256: New Urban Agenda"\n\n</div>'
    )
    tree = html.fromstring(to_html(source))
    term, ref = tree.xpath("//a")
    assert term.get("title") is None and term.get("class") == "decl-term"
    (tip,) = term.xpath("span")
    assert tip.get("class") == "decl-tip" and tip.get("role") == "tooltip"
    assert tip.text_content() == "rénlèi zhùqū · human settlements & <b>"
    assert ref.get("title") == "A/RES/71/256: New Urban Agenda" and not ref.xpath("span")


@settings(max_examples=200, deadline=None)
@given(TEXT.filter(bool), TEXT.filter(bool))
@example("a\nb\r\"c'", "x}{y")  # a line break, quotes and braces stay in the one line of the list
@example("#", "]:")  # link text starting "\\]:" must not read as a link reference definition
def test_attribute_values_and_table_cells_hold_any_text(value, cell):
    """md_attrs: a list item's attributes (the glossary filter's keys) and a link's hold any text exactly, and the
    text runs nothing; md_cell: a table cell shows any text, ``|`` included, and the row keeps its cells."""
    from unhabitat.markup import md_attrs, md_cell

    source = (
        f"- [{md_inline(cell)}](x.md){md_attrs(**{'data-names': value})}\n"
        f"  {md_attrs('.glossary-item', **{'data-source': value, 'data-pinyin': cell})}\n\n"
        f"| a | b |\n| --- | --- |\n| {md_cell(cell)} {md_attrs(lang='zh')} | {md_cell(value)} |\n"
    )
    tree = html.fromstring(f"<div>{to_html(source)}</div>")
    (item,) = tree.xpath("//li")
    assert item.get("class") == "glossary-item"
    assert (item.get("data-source"), item.get("data-pinyin")) == (value, cell)
    assert item.xpath("./a/@data-names") == [value] and item.xpath("string(./a)") == cell
    first, second = tree.xpath("//tbody/tr/td")
    shown = value.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")  # a row is one line
    assert (first.text_content(), first.get("lang"), second.text_content()) == (cell, "zh", shown)
    assert not tree.xpath("//script | //em | //strong | //code | //img")


def test_attribute_names_cannot_carry_a_value():
    from unhabitat.markup import md_attrs

    assert md_attrs(".a", "#b", rel="external noopener") == '{.a #b rel="external noopener"}'
    with pytest.raises(ValueError, match="not an attribute name"):
        md_attrs('.a" onclick="x')
