"""Translator's notes: the data file's contract, and where the notes show."""

from __future__ import annotations

import pytest
from lxml import etree, html
from support import ROOT, SOURCE_EN
from unhabitat.errors import SourceError
from unhabitat.notes import load_notes
from unhabitat.source_text import read_source

EN = read_source(SOURCE_EN, "source/declaration.en.txt")
GOOD = """\
# two notes
- unit: "7"
  at: "General Assembly"
  en: The General Assembly of the United Nations.
  zh: 联合国大会。
- unit: "13(a)"
  at: "right to adequate housing"
  en: >-
    Agreed language.
  zh: 商定措辞。
"""


def load(tmp_path, text):
    path = tmp_path / "notes.en.yml"
    path.write_text(text, encoding="utf-8")
    return load_notes(path, "source/notes.en.yml", EN)


def test_a_fixture_loads_in_order_with_its_anchor(tmp_path):
    first, second = load(tmp_path, GOOD)
    assert (first.unit, first.line, first.index, first.text["zh"]) == ("7", 2, 1, "联合国大会。")
    unit = EN.unit("13(a)")
    assert unit.text[: second.end].endswith("right to adequate housing") and second.text["en"] == "Agreed language."
    assert second.eid(unit) == "para_13__list_1__point_a__tn_1"


@pytest.mark.parametrize(
    ("mutate", "line", "message"),
    [
        (lambda t: t.replace('unit: "7"', 'unit: "22"'), 2, "unknown unit '22'"),
        (lambda t: t.replace('at: "General Assembly"', 'at: "Security Council"'), 3, "not found in the text of unit 7"),
        (lambda t: t.replace('at: "General Assembly"', 'at: "the"'), 3, "times in the text of unit 7"),
        (lambda t: t.replace("  zh: 联合国大会。\n", ""), 2, "missing field 'zh'"),
        (lambda t: t.replace("  zh: 商定措辞。\n", "  zh: ''\n"), 10, "field 'zh' is empty"),
        (lambda t: t.replace("  en: The General", "  note: x\n  en: The General"), 4, "unknown field 'note'"),
    ],
)
def test_bad_notes_are_errors_at_their_line(tmp_path, mutate, line, message):
    with pytest.raises(SourceError) as error:
        load(tmp_path, mutate(GOOD))
    assert str(error.value).startswith(f"source/notes.en.yml:{line}: ") and message in error.value.message


def test_the_real_notes_file_is_valid():
    assert load_notes(ROOT / "source" / "notes.en.yml", "source/notes.en.yml", EN)


def test_notes_show_in_both_editions_and_in_the_tmx(site):
    notes = load_notes(ROOT / "source" / "notes.en.yml", "source/notes.en.yml", EN)
    for note in notes:
        unit = EN.unit(note.unit)
        en = html.fromstring(site.html(f"en/{unit.paragraph}/index.html")).get_element_by_id(unit.eid)
        marker = en.xpath(f'.//a[@class="decl-tn-ref"][@href="#{note.eid(unit)}"]')
        assert len(marker) == 1
        details = en.get_element_by_id(note.eid(unit))
        # A line of the note's Markdown ends in a soft break, which HTML shows as a space.
        assert details.tag == "details" and note.text["en"] in details.text_content().replace("\n", " ")
        zh = html.fromstring(site.html(f"zh/{unit.paragraph}/index.html")).get_element_by_id(unit.eid)
        assert note.text["zh"] in zh.get_element_by_id(note.eid(unit)).text_content().replace("\n", " ")
        assert not zh.find_class("decl-tn-ref")  # the Chinese text has no anchor words: the note sits under it
    for lang in ("zh", "en"):
        page = html.fromstring(site.html(f"{lang}/notes/index.html"))
        assert len(page.xpath("//article//h2")) == len(notes)
    tmx = etree.parse(str(site.root / "declaration.tmx"))
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for uid in {note.unit for note in notes}:
        (tu,) = tmx.xpath(f'//tu[prop="{uid}"]')
        expected = [(code, f"{n.at}: {n.text[code]}") for n in notes if n.unit == uid for code in ("en", "zh")]
        assert [(n.get(lang), n.text) for n in tu.findall("note")] == expected
