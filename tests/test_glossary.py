"""The term base and instrument register: validation, segmentation, occurrences, pinyin, consistency, exports."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from pathlib import Path

import pytest
from lxml import etree
from support import ROOT, SOURCE_EN, SOURCE_ZH
from unhabitat import exports
from unhabitat.errors import SourceError
from unhabitat.glossary import build_glossary, check_every_term_occurs, chinese_marks, consistency_misses
from unhabitat.model import Unit
from unhabitat.register import load_instruments
from unhabitat.segment import TermFinder, new_tokenizer, teach
from unhabitat.source_text import parse, read_source
from unhabitat.termbase import load_terms

TERMS = ROOT / "glossary" / "terms.yml"
INSTRUMENTS = ROOT / "glossary" / "instruments.yml"
SYMBOLS = frozenset(load_instruments(INSTRUMENTS, "instruments.yml"))
TERM_BASE = load_terms(TERMS, "terms.yml", SYMBOLS)


@pytest.fixture(scope="module")
def glossary():
    return build_glossary(TERM_BASE, read_source(SOURCE_ZH))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "terms.yml"
    path.write_text(text, encoding="utf-8")
    return path


ENTRY = """- id: new-urban-agenda
  zh: 新城市议程
  en: [New Urban Agenda]
  kind: instrument
  status: un
  instrument: A/RES/71/256
  note: {zh: 说明, en: Note}
"""

BAD_TERMS = [
    (
        "duplicate term",
        ENTRY + ENTRY.replace("new-urban-agenda", "nua"),
        9,
        "duplicate term '新城市议程' (first at line 1)",
    ),
    ("duplicate id", ENTRY + ENTRY.replace("新城市议程", "议程"), 8, "term id 'new-urban-agenda' repeated"),
    (
        "missing English",
        ENTRY.replace("  en: [New Urban Agenda]\n", ""),
        2,
        "term '新城市议程' has no English equivalent",
    ),
    ("empty English", ENTRY.replace("[New Urban Agenda]", "[]"), 2, "has no English equivalent"),
    ("unknown instrument", ENTRY.replace("A/RES/71/256", "A/RES/99/1"), 6, "unknown instrument 'A/RES/99/1'"),
    ("bad status", ENTRY.replace("status: un", "status: maybe"), 5, "status 'maybe' is not one of"),
    ("bad kind", ENTRY.replace("kind: instrument", "kind: thing"), 4, "kind 'thing' is not one of"),
    ("unknown field", ENTRY + "  colour: blue\n", 8, "unknown field 'colour'"),
    (
        "note in one language",
        ENTRY.replace("{zh: 说明, en: Note}", "{zh: 说明}"),
        7,
        "field 'note' needs a non-empty 'en' text",
    ),
    ("YAML syntax", ENTRY.replace("kind: instrument", "kind: [instrument"), 5, "invalid YAML"),
    ("not a list", "id: x\n", 1, "expected a list of entries"),
    ("bad id", ENTRY.replace("id: new-urban-agenda", "id: New Urban Agenda"), 1, "must be lowercase letters"),
]


@pytest.mark.parametrize(("text", "line", "message"), [b[1:] for b in BAD_TERMS], ids=[b[0] for b in BAD_TERMS])
def test_bad_term_base_names_file_and_line(tmp_path, text, line, message):
    with pytest.raises(SourceError) as caught:
        load_terms(write(tmp_path, text), "glossary/terms.yml", SYMBOLS)
    assert caught.value.line == line, str(caught.value)
    assert message in caught.value.message
    assert str(caught.value).startswith(f"glossary/terms.yml:{line}: ")


def test_a_term_the_text_no_longer_contains(tmp_path):
    extra = ENTRY.replace("new-urban-agenda", "moon").replace("新城市议程", "月球基地")
    terms = load_terms(write(tmp_path, ENTRY + extra), "glossary/terms.yml", SYMBOLS)
    with pytest.raises(SourceError, match=r"glossary/terms.yml:8: term '月球基地' no longer occurs in the text"):
        check_every_term_occurs(build_glossary(terms, read_source(SOURCE_ZH)), "glossary/terms.yml")


BAD_INSTRUMENTS = [
    ("repeated symbol", lambda t: t + t[t.index("- symbol: A/RES/70/1") :], "instrument A/RES/70/1 repeated"),
    (
        "plain http",
        lambda t: t.replace("https://undocs.org/en/A/RES/70/1", "http://undocs.org/en/A/RES/70/1"),
        "url.en must be an https:// link",
    ),
    (
        "bad date",
        lambda t: t.replace("date: 2015-09-25", "date: 25 September 2015", 1),
        "field 'date' must be YYYY or YYYY-MM-DD",
    ),
    (
        "missing title",
        lambda t: t.replace("  title:\n    zh: 新城市议程\n    en: New Urban Agenda\n", ""),
        "missing field 'title'",
    ),
]


@pytest.mark.parametrize(("mutate", "message"), [b[1:] for b in BAD_INSTRUMENTS], ids=[b[0] for b in BAD_INSTRUMENTS])
def test_bad_instrument_register(tmp_path, mutate, message):
    path = tmp_path / "instruments.yml"
    path.write_text(mutate(INSTRUMENTS.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_instruments(path, "glossary/instruments.yml")
    assert message in caught.value.message
    assert re.match(r"glossary/instruments\.yml:\d+: ", str(caught.value))


def test_the_base_covers_the_declaration(glossary):
    assert 100 <= len(TERM_BASE) <= 150
    assert glossary.splits == ()
    check_every_term_occurs(glossary, "terms.yml")


def test_every_term_is_one_token(glossary):
    tokenizer = new_tokenizer()
    teach(tokenizer, TERM_BASE)
    finder = TermFinder(tokenizer, TERM_BASE)
    tokens = {
        t.text for t in finder.tokens("我们重申，致力于落实《新城市议程》，加强人居署和人类住区的可持续发展目标本地化")
    }
    assert {"新城市议程", "人居署", "人类住区", "可持续发展目标本地化", "重申"} <= tokens


def test_spacing_variants_count(glossary):
    units = glossary.units_of("2030-agenda")
    assert units == ("10", "13(e)")
    forms = {o.form for o in glossary.occurrences_of("2030-agenda")}
    assert forms == {"2030 年可持续发展议程", "2030年可持续发展议程"}


def test_nested_terms_count_where_a_reader_expects(glossary):
    nested = {(o.term, o.unit) for o in glossary.occurrences if o.nested}
    assert ("sdgs", "12") in nested and ("localization", "12") in nested
    assert ("localization", "13(e)") in nested  # inside the variant 可持续发展目标的本地化
    assert ("sustainable-development", "9") in nested  # inside “水促进可持续发展”国际行动十年
    top = {(o.term, o.unit) for o in glossary.occurrences if not o.nested}
    assert ("sdg-localization", "12") in top and ("sdg-localization", "13(e)") in top


def test_a_term_inside_an_ordinary_word_does_not_count():
    tokenizer = new_tokenizer()
    teach(tokenizer, TERM_BASE)
    finder = TermFinder(tokenizer, TERM_BASE)
    found, _ = finder.find(Unit(1, None, "这种适应性措施与宣传品", 1))
    assert "adaptation" not in {o.term for o in found}


def test_marks_do_not_overlap_and_come_once_per_paragraph(glossary):
    zh = read_source(SOURCE_ZH)
    for paragraph in zh.paragraphs:
        marks = chinese_marks(glossary, list(paragraph.units()))
        terms = [m.term for ms in marks.values() for m in ms]
        assert len(terms) == len(set(terms)), paragraph.number
        for ms in marks.values():
            for a, b in itertools.pairwise(ms):
                assert a.end <= b.start


def test_pinyin(glossary):
    assert glossary.pinyin["new-urban-agenda"].marked == "xīn chéngshì yìchéng"
    assert glossary.pinyin["new-urban-agenda"].toneless == "xin chengshi yicheng"
    assert glossary.pinyin["localization"].initials == "bdh"
    assert glossary.pinyin["un-habitat"].marked == "rénjūshǔ"


def test_the_translation_uses_the_terms(glossary):
    assert consistency_misses(glossary, read_source(SOURCE_ZH), read_source(SOURCE_EN)) == []


def test_a_translation_that_strays_is_reported(glossary):
    text = SOURCE_EN.read_text(encoding="utf-8").replace("the New Urban Agenda¹", "the new city agenda¹")
    misses = consistency_misses(glossary, read_source(SOURCE_ZH), parse(text, "en.txt"))
    assert [(m.term.id, m.unit.uid, m.unit.line) for m in misses] == [("new-urban-agenda", "2", 12)]
    assert "'新城市议程' is in the Chinese; the English has none of: New Urban Agenda" in misses[0].message()


def test_glossary_json(glossary):
    rows = json.loads(exports.glossary_json(glossary))
    permalink_ids = {u.uid for u in read_source(SOURCE_ZH).units()}
    assert len(rows) == len(TERM_BASE)
    for row in rows:
        assert isinstance(row["zh"], str) and row["zh"]
        assert isinstance(row["en"], list) and row["en"] and all(isinstance(e, str) for e in row["en"])
        assert isinstance(row["pinyin"], str) and row["pinyin"]
        assert set(row["note"]) == {"zh", "en"}
        assert row["occurrences"] and set(row["occurrences"]) <= permalink_ids
    nua = next(r for r in rows if r["id"] == "new-urban-agenda")
    assert nua["occurrences"] == ["2", "4", "6", "7", "10", "21"]
    assert nua["en"] == ["New Urban Agenda"]


def test_glossary_tbx(glossary):
    tbx = etree.fromstring(exports.glossary_tbx(glossary).encode())
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    entries = tbx.findall(".//t:conceptEntry", ns)
    assert [e.get("id") for e in entries] == sorted(t.id for t in TERM_BASE)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for entry in entries:
        assert [s.get(lang) for s in entry.findall("t:langSec", ns)] == ["zh", "en"]
        assert all(s.find("t:termSec/t:term", ns).text for s in entry.findall("t:langSec", ns))


def test_glossary_csv(glossary):
    rows = list(csv.DictReader(io.StringIO(exports.glossary_csv(glossary))))
    assert len(rows) == len(TERM_BASE)
    nua = next(r for r in rows if r["id"] == "new-urban-agenda")
    assert nua["zh"] == "新城市议程" and nua["en"] == "New Urban Agenda" and nua["occurrences"] == "2 4 6 7 10 21"


def test_own_tokenizer_is_independent_of_jieba_default():
    import jieba

    new_tokenizer()
    jieba.dt.add_word("城市议程", 999_999)
    try:
        assert new_tokenizer().lcut("新城市议程", HMM=False) == ["新", "城市", "议程"]
    finally:
        jieba.dt.del_word("城市议程")
    ours = new_tokenizer()
    teach(ours, TERM_BASE)
    assert ours.lcut("新城市议程") == ["新城市议程"]
    assert "新城市议程" not in jieba.lcut("新城市议程")


def test_discovery_reports_what_the_base_lacks():
    from unhabitat.discovery import candidates, report

    tokenizer = new_tokenizer()
    teach(tokenizer, TERM_BASE)
    found = candidates(read_source(SOURCE_ZH), TermFinder(tokenizer, TERM_BASE), TERM_BASE)
    texts = {(c.text, c.source) for c in found}
    assert ("议程", "《》“”") in texts  # 《议程》 in paragraph 6: a short reference the base leaves out
    assert not any(c.text == "新城市议程" for c in found)
    without = tuple(t for t in TERM_BASE if t.id != "world-urban-forum")
    tokenizer = new_tokenizer()
    teach(tokenizer, without)
    found = candidates(read_source(SOURCE_ZH), TermFinder(tokenizer, without), without)
    forum = next(c for c in found if c.text == "世界城市论坛")
    assert (forum.source, forum.units) == ("body", ("16",))
    assert "世界城市论坛  (16)" in report(found)
