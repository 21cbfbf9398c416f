"""Parser units: the real text, the format's rules, every bad input, every benign variant."""

from __future__ import annotations

import pytest
from support import SOURCE_EN, SOURCE_ZH
from unhabitat.errors import SourceError
from unhabitat.source_text import decode, parse, read_source

ZH_BYTES = SOURCE_ZH.read_bytes()
ZH = ZH_BYTES.decode("utf-8")
LINES = ZH.split("\n")


def signature(text):
    """Everything a reader sees, without line numbers."""
    return (
        text.header.lines(),
        [(u.uid, u.text) for u in text.units()],
        [(f.number, f.text, f.cited_by) for f in text.footnotes],
    )


def edit(line: int, replacement: str | None) -> str:
    """The source with 1-based ``line`` replaced (or removed when ``None``)."""
    lines = list(LINES)
    if replacement is None:
        del lines[line - 1]
    else:
        lines[line - 1] = replacement
    return "\n".join(lines)


def test_header_block():
    header = read_source(SOURCE_ZH).header
    assert header.body == ("联合国人类住区规划署联合国人居大会",)
    assert header.session == "第二届会议"
    assert header.date_place == "2023年6月5日至9日，内罗毕"
    assert header.title == "联合国人居大会第二届会议部长级宣言"
    assert header.subtitle == (
        "通过包容和有效的多边主义实现可持续的城市未来：",
        "在全球危机时代实现可持续发展目标",
    )


def test_paragraphs_points_and_footnotes():
    text = read_source(SOURCE_ZH)
    assert [p.number for p in text.paragraphs] == list(range(1, 22))
    assert [u.uid for u in text.paragraph(13).points] == [f"13({c})" for c in "abcdefgh"]
    assert text.paragraph(13).unit.text.startswith("因此，我们鼓励会员国")
    # (e) comes after the footnote block that the page break put inside the list.
    assert text.paragraph(13).points[4].text.startswith("加强可持续发展目标的本地化")
    assert [(f.number, f.cited_by) for f in text.footnotes] == [(1, "2"), (2, "6"), (3, "8")]
    assert text.footnotes[2].text == "第 1/CP.27 号决定。"
    assert [u.eid for u in text.units()][12:14] == ["para_13", "para_13__list_1__point_a"]
    assert len(list(text.units())) == 29


def test_no_line_is_dropped():
    """Every non-blank line is a title line, a unit, a footnote, or a recorded artefact."""
    text = read_source(SOURCE_ZH)
    used = {u.line for u in text.units()} | {f.line for f in text.footnotes}
    used |= {a.line for a in text.artefacts}
    header_lines = {i + 1 for i, line in enumerate(LINES) if line.strip() in text.header.lines()}
    non_blank = {i + 1 for i, line in enumerate(LINES) if line.strip()}
    assert non_blank == used | header_lines
    assert [(a.line, a.text) for a in text.artefacts] == [(52, "-")]


def test_english_has_the_same_shape():
    zh, en = read_source(SOURCE_ZH), read_source(SOURCE_EN)
    assert [u.uid for u in zh.units()] == [u.uid for u in en.units()]
    assert [(f.number, f.cited_by) for f in zh.footnotes] == [(f.number, f.cited_by) for f in en.footnotes]
    assert en.header.title == "Ministerial Declaration of the second session of the United Nations Habitat Assembly"


@pytest.mark.parametrize(
    "variant",
    [
        ZH.replace("\n", "\r\n"),
        "\ufeff" + ZH,
        "\n".join(line + "  \t" for line in LINES),
        "\n\n" + ZH.replace("\n6. ", "\n\n\n6. ").replace("\n- (f)", "\n\n- (f)") + "\n\n",
    ],
    ids=["crlf", "bom", "trailing-spaces", "extra-blank-lines"],
)
def test_benign_variants_give_the_same_text(variant):
    data = variant.encode("utf-8")
    assert signature(parse(decode(data, "v.txt"), "v.txt")) == signature(read_source(SOURCE_ZH))


BAD = [
    ("missing paragraph", edit(19, None), 22, "expected paragraph 5, found paragraph 6"),
    (
        "duplicated paragraph",
        edit(24, LINES[23].replace("7. ", "6. ", 1)),
        24,
        "paragraph 6 repeated (first at line 23)",
    ),
    (
        "out of order",
        "\n".join([*LINES[:14], LINES[15], LINES[14], *LINES[16:]]),
        15,
        "expected paragraph 1, found paragraph 2",
    ),
    ("skipped letter", edit(33, None), 33, "expected sub-paragraph (c) of paragraph 13, found (d)"),
    (
        "repeated letter",
        edit(34, LINES[33].replace("(d)", "(c)")),
        34,
        "sub-paragraph (c) of paragraph 13 repeated",
    ),
    ("marker without footnote", edit(21, None), 16, "footnote marker for note 1 has no footnote"),
    (
        "footnote nothing cites",
        edit(16, LINES[15].replace("¹", "")),
        21,
        "footnote 1 is not cited by any paragraph",
    ),
    (
        "sub-item outside a paragraph",
        edit(14, " - (a) 多余的分段"),
        14,
        "sub-paragraph (a) outside any paragraph",
    ),
    ("unrecognised text", edit(20, "这一行不属于任何段落"), 20, "unrecognised text"),
    ("stray dash item", edit(20, "- 没有字母的分段"), 20, "unrecognised text"),
    ("no title block", "\n".join(LINES[14:]), 1, "unrecognised title block"),
    (
        "title block missing its subtitle and date",
        "\n".join(LINES[4:6] + LINES[14:]),
        1,
        "unrecognised title block",
    ),
    ("empty", "", 1, "the source text is empty"),
    ("only blank lines", "\n \n\t\n", 1, "the source text is empty"),
    ("no paragraph", "\n".join(LINES[:14]), 14, "no numbered paragraph found"),
]


@pytest.mark.parametrize(("text", "line", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_names_file_and_line(text, line, message):
    with pytest.raises(SourceError) as caught:
        parse(text, "source/declaration.zh.txt")
    assert caught.value.line == line, str(caught.value)
    assert message in caught.value.message
    assert str(caught.value).startswith(f"source/declaration.zh.txt:{line}: ")


def test_text_that_is_not_utf8():
    data = ZH_BYTES.replace("内罗毕举办".encode(), "内罗毕举办".encode("gbk"), 1)
    with pytest.raises(SourceError) as caught:
        decode(data, "zh.txt")
    assert str(caught.value).startswith("zh.txt:15: text is not UTF-8")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(SourceError, match=r"nowhere\.txt:0: cannot read"):
        read_source(tmp_path / "nowhere.txt", "nowhere.txt")
