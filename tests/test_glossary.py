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
from unhabitat.glossary import (
    build_glossary,
    check_every_term_occurs,
    consistency_misses,
    source_marks,
    translation_marks,
    whole_words,
)
from unhabitat.labels import locale
from unhabitat.model import Unit
from unhabitat.register import load_instruments
from unhabitat.segment import TermFinder, new_tokenizer, pinyin_of, teach
from unhabitat.source_text import parse, read_source
from unhabitat.termbase import SUBJECTS, compact, formulae_beside, load_term_base, load_terms

TERMS = ROOT / "glossary" / "terms.yml"
INSTRUMENTS = ROOT / "glossary" / "instruments.yml"
FIXTURES = Path(__file__).parent / "fixtures"
SYMBOLS = frozenset(load_instruments(INSTRUMENTS, "instruments.yml"))
BASE = load_term_base(TERMS, "terms.yml", SYMBOLS, formulae_beside(TERMS, "terms.yml"))
TERM_BASE = BASE.terms


@pytest.fixture(scope="module")
def glossary():
    return build_glossary(TERM_BASE, read_source(SOURCE_ZH), BASE.moved, BASE.formulae)


@pytest.fixture(scope="module")
def finder():
    tokenizer = new_tokenizer()
    teach(tokenizer, TERM_BASE)
    return TermFinder(tokenizer, TERM_BASE)


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
  subject: human-settlements
  source: A/RES/71/256
"""

BAD_TERMS = [
    (
        "duplicate term",
        ENTRY + ENTRY.replace("new-urban-agenda", "nua"),
        11,
        "duplicate term '新城市议程' (first at line 1)",
    ),
    ("duplicate id", ENTRY + ENTRY.replace("新城市议程", "议程"), 10, "term id 'new-urban-agenda' repeated"),
    (
        "missing English",
        ENTRY.replace("  en: [New Urban Agenda]\n", ""),
        2,
        "term 'new-urban-agenda' has no equivalent in 'en'",
    ),
    ("empty English", ENTRY.replace("[New Urban Agenda]", "[]"), 2, "has no equivalent in 'en'"),
    ("a language no edition has", ENTRY + "  fr: [Nouveau Programme pour les villes]\n", 10, "language 'fr' is not an edition's"),
    (
        "a note in a language no edition has",
        ENTRY.replace("{zh: 说明, en: Note}", "{zh: 说明, en: Note, fr: Note}"),
        7,
        "language 'fr' is not an edition's",
    ),
    ("match in a language no edition has", ENTRY + "  match: {de: [Agenda]}\n", 10, "unknown language 'de' in 'match'"),
    ("unknown instrument", ENTRY.replace("A/RES/71/256", "A/RES/99/1"), 6, "unknown instrument 'A/RES/99/1'"),
    ("bad status", ENTRY.replace("status: un", "status: maybe"), 5, "status 'maybe' is not one of"),
    ("bad kind", ENTRY.replace("kind: instrument", "kind: thing"), 4, "kind 'thing' is not one of"),
    ("unknown field", ENTRY + "  colour: blue\n", 10, "unknown field 'colour'"),
    (
        "note in one language",
        ENTRY.replace("{zh: 说明, en: Note}", "{zh: 说明}"),
        7,
        "field 'note' needs a non-empty 'en' text",
    ),
    ("YAML syntax", ENTRY.replace("kind: instrument", "kind: [instrument"), 5, "invalid YAML"),
    ("not a list", "id: x\n", 1, "expected a list of entries"),
    ("bad id", ENTRY.replace("id: new-urban-agenda", "id: New Urban Agenda"), 1, "must be lowercase letters"),
    ("bad subject", ENTRY.replace("subject: human-settlements", "subject: cooking"), 8, "subject 'cooking' is not one"),
    ("un without source", ENTRY.replace("  source: A/RES/71/256\n", ""), 5, "status 'un' needs a 'source'"),
    (
        "bad term status",
        ENTRY.replace("en: [New Urban Agenda]", "en: [{term: New Urban Agenda, status: official}]"),
        3,
        "status 'official' of 'New Urban Agenda' is not one of",
    ),
    (
        "bad term type",
        ENTRY.replace("zh: 新城市议程", "zh: [{term: 新城市议程, type: nickname}]"),
        2,
        "type 'nickname'",
    ),
    ("semicolon in a term", ENTRY.replace("[New Urban Agenda]", "['New; Urban']"), 3, "without ';'"),
    ("dangling xref", ENTRY + "  xref: {related: [nowhere]}\n", 10, "xref related 'nowhere' is not another entry"),
    ("moved nowhere", ENTRY + "- id: nua\n  moved_to: nowhere\n", 11, "moved_to 'nowhere' is not an entry"),
    (
        "bad pattern",
        ENTRY.replace("zh: 新城市议程", "zh: [{term: 新城市议程, pattern: '(新城市议程'}]"),
        2,
        "not a regular",
    ),
    ("pattern not a text", ENTRY.replace("zh: 新城市议程", "zh: [{term: 新城市议程, pattern: 5}]"), 2, "not a regular"),
    (
        "term source not a text",
        ENTRY.replace("en: [New Urban Agenda]", "en: [{term: New Urban Agenda, source: [A, B]}]"),
        3,
        "source of 'New Urban Agenda' must be a text",
    ),
    ("reserved id", ENTRY.replace("id: new-urban-agenda", "id: formulae"), 1, "reserved"),
    ("definition without source", ENTRY + "  definition: {zh: 定义, en: Definition}\n", 10, "needs its 'source'"),
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
    with pytest.raises(SourceError, match=r"glossary/terms.yml:10: term '月球基地' no longer occurs in the text"):
        check_every_term_occurs(build_glossary(terms, read_source(SOURCE_ZH)), "glossary/terms.yml")


def test_a_form_said_to_be_in_the_text_must_be_there(tmp_path):
    entry = ENTRY.replace("zh: 新城市议程", "zh: [新城市议程, 新都市议程]")
    terms = load_terms(write(tmp_path, entry), "glossary/terms.yml", SYMBOLS)
    with pytest.raises(SourceError, match=r"form '新都市议程' of 'new-urban-agenda' does not occur"):
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
    assert 100 <= len(TERM_BASE) <= 160
    assert glossary.splits == ()
    check_every_term_occurs(glossary, "terms.yml")


# The only strings of the text that a context condition rules out, on purpose: 实施计划 inside
# 沙姆沙伊赫实施计划 (para. 8) is that plan's name, not the New Urban Agenda's implementation plan.
RULED_OUT = {("implementation-plan", "实施计划"): 1}


def test_the_real_text_finds_every_occurrence_of_every_form(glossary):
    """Each form the text contains is counted wherever it stands, but for the cases ruled out on purpose."""
    units = list(read_source(SOURCE_ZH).units())
    found = {(o.term, compact(o.form), o.unit, o.start) for o in glossary.occurrences}
    for term in TERM_BASE:
        for form in term.forms:
            expected = sum(compact(u.text).count(form) for u in units) - RULED_OUT.get((term.id, form), 0)
            assert sum(1 for t, f, _, _ in found if (t, f) == (term.id, form)) == expected, (term.id, form)


def _ordinary():
    for line in (FIXTURES / "ordinary_zh.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, sentence = line.split("\t")
            yield form, sentence


def test_the_ordinary_corpus_covers_every_short_form():
    corpus = list(_ordinary())
    assert len(corpus) >= 40
    # A place name has no other sense; only the segmenter's own dictionary could cut it across
    # (会议室/内罗毕 for 室内/罗、毕), which no data of ours can prevent: places are left out.
    short = {f for t in TERM_BASE for f in t.forms if len(f) <= 3 and t.kind != "place"}
    assert short <= {form for form, _ in corpus}
    assert all(form in sentence for form, sentence in corpus)


@pytest.mark.parametrize(("form", "sentence"), list(_ordinary()))
def test_no_occurrence_in_ordinary_text(finder, form, sentence):
    found, splits = finder.find(Unit(1, None, sentence, 1))
    assert (found, splits) == ([], []), [(o.term, o.form) for o in found]


def test_taught_frequencies_do_not_resegment_ordinary_text(finder):
    """A taught form may join its own pieces into one token, but never moves a word boundary of the plain
    segmentation (相应/要求 must not become 相/应要求)."""
    plain = new_tokenizer()
    for _, sentence in _ordinary():
        taught = {t.end for t in finder.tokens(sentence)}
        assert taught <= {end for _, _, end in plain.tokenize(sentence)}, sentence


def test_every_term_is_one_token(finder):
    tokens = {
        t.text for t in finder.tokens("我们重申，致力于落实《新城市议程》，加强人居署和人类住区的可持续发展目标本地化")
    }
    assert {"新城市议程", "人居署", "人类住区", "可持续发展目标本地化"} <= tokens


def test_spacing_variants_count(glossary):
    units = glossary.units_of("2030-agenda")
    assert units == ("10", "13(e)")
    forms = {o.form for o in glossary.occurrences_of("2030-agenda")}
    assert forms == {"2030 年可持续发展议程", "2030年可持续发展议程"}


def test_nested_terms_count_where_a_reader_expects(glossary):
    nested = {(o.term, o.unit) for o in glossary.occurrences if o.nested}
    assert ("sdgs", "12") in nested
    assert ("sustainable-development", "9") in nested  # inside “水促进可持续发展”国际行动十年
    top = {(o.term, o.unit) for o in glossary.occurrences if not o.nested}
    assert ("sdg-localization", "12") in top and ("sdg-localization", "13(e)") in top


def test_a_term_inside_an_ordinary_word_does_not_count(finder):
    found, _ = finder.find(Unit(1, None, "这种适应性措施与宣传品", 1))
    assert found == []


def test_context_conditions_keep_the_climate_sense(finder):
    found, _ = finder.find(Unit(1, None, "城市应加强减缓和适应气候变化的行动", 1))
    assert {"mitigation", "adaptation", "climate-change"} <= {o.term for o in found}
    found, _ = finder.find(Unit(1, None, "经济增长减缓，企业需要适应新情况", 1))
    assert found == []


def test_marks_come_once_per_unit_and_never_on_a_formula(glossary):
    zh = read_source(SOURCE_ZH)
    formulae = {f.head for f in BASE.formulae}
    for paragraph in zh.paragraphs:
        units = list(paragraph.units())
        marks = source_marks(glossary, units)
        for unit in units:
            terms = [m.term for m in marks[unit.uid]]
            assert len(terms) == len(set(terms)), unit.uid
            for a, b in itertools.pairwise(marks[unit.uid]):
                assert a.end <= b.start
            assert not {unit.text[m.start : m.end] for m in marks[unit.uid]} & formulae
    # A term that recurs within a unit is marked at its first occurrence only.
    unit = zh.unit("13(d)")
    assert [m.term for m in source_marks(glossary, [unit])[unit.uid]].count("human-settlements") <= 1


def test_translation_marks_follow_the_units(glossary):
    zh, en = read_source(SOURCE_ZH), read_source(SOURCE_EN)
    for paragraph in zh.paragraphs:
        units = list(en.paragraph(paragraph.number).units())
        marks = translation_marks(glossary, list(paragraph.units()), units, "en")
        for uid, ms in marks.items():
            assert {m.term for m in ms} <= {o.term for o in glossary.by_unit.get(uid, ())}, uid


def _pinyin_cases():
    for line in (FIXTURES / "pinyin.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            zh, proper, expected = line.split("\t")
            yield zh, proper == "1", expected


@pytest.mark.parametrize(("zh", "proper", "expected"), list(_pinyin_cases()))
def test_pinyin_follows_gb_t_16159(zh, proper, expected):
    assert pinyin_of(new_tokenizer(), zh, proper=proper).marked == expected


def test_pinyin_forms_for_the_filter(glossary):
    pinyin = glossary.pinyin["new-urban-agenda"]
    assert pinyin.marked == "Xīn Chéngshì Yìchéng"
    assert pinyin.toneless == "xin chengshi yicheng"
    assert glossary.pinyin["sdg-localization"].initials == "kcxfzmbbdh"
    assert glossary.pinyin["homelessness"].toneless == "wujia-kegui"


def test_the_translation_uses_the_terms(glossary):
    assert consistency_misses(glossary, read_source(SOURCE_EN), "en") == []


def test_a_translation_that_strays_is_reported(glossary):
    text = SOURCE_EN.read_text(encoding="utf-8").replace("the New Urban Agenda¹", "the new city agenda¹")
    misses = consistency_misses(glossary, parse(text, "en.txt"), "en")
    assert [(m.term.id, m.unit.uid, m.unit.line) for m in misses] == [("new-urban-agenda", "2", 12)]
    assert "'新城市议程' is in the zh text; the en text has none of: New Urban Agenda" in misses[0].message()


def test_the_english_check_matches_whole_words():
    assert whole_words(("commit",)).search("voluntary commitments") is None
    assert whole_words(("affirm",)).search("we reaffirm") is None
    assert whole_words(("Member States",)).search("member states and others")
    assert whole_words(("South-South cooperation",)).search("South-South cooperation,")


def test_formulae_are_apart_and_located(glossary):
    ids = {f.id for f in BASE.formulae}
    assert {"welcome", "reaffirm", "commit", "recognize", "look-forward"} <= ids
    assert not ids & {t.id for t in TERM_BASE}
    assert glossary.formula_units["welcome"]
    # 承诺 inside the term 自愿承诺 (para. 9) is the term, not the formula.
    assert "9" not in glossary.formula_units["commit"]


def test_every_published_id_keeps_a_page(glossary):
    from unhabitat.glossary_pages import pages
    from unhabitat.render import Edition

    zh, en = read_source(SOURCE_ZH), read_source(SOURCE_EN)
    instruments = load_instruments(INSTRUMENTS, "instruments.yml")
    built = pages(Edition("zh", zh, "en", en, glossary, (), instruments), instruments)
    published = [i for i in (FIXTURES / "glossary_ids.txt").read_text().splitlines() if i and not i.startswith("#")]
    assert len(published) == 138
    for term_id in published:
        assert f"glossary/{term_id}.md" in built, term_id
    assert "glossary/formulae.md" in built
    assert "](formulae.md#welcome)" in built["glossary/welcome.md"]
    assert "](un-habitat-programme.md)" in built["glossary/un-habitat.md"]


def _texts():
    """Every edition's text, the source first, as the exports take them."""
    return {"zh": read_source(SOURCE_ZH), "en": read_source(SOURCE_EN)}


def test_glossary_json_carries_every_field(glossary):
    data = json.loads(exports.glossary_json(glossary, _texts()))
    rows = data["entries"]
    permalink_ids = {u.uid for u in read_source(SOURCE_ZH).units()}
    assert len(rows) == len(TERM_BASE)
    assert {m["id"] for m in data["moved"]} == {m.id for m in BASE.moved}
    for row in rows:
        assert {"terms", "subject", "status", "definition", "note", "xref", "context", "match", "pinyin"} <= set(row)
        assert row["occurrences"] and set(row["occurrences"]) <= permalink_ids
        assert row["context"]["unit"] == row["occurrences"][0]
        for lang in ("zh", "en"):
            for d in row["terms"][lang]:
                assert {d["type"], d["pos"], d["status"]} <= {
                    *("fullForm", "shortForm", "acronym", "variant", "phrase"),
                    *("noun", "properNoun", "verb", "adjective", "adverb", "other"),
                    *("preferred", "admitted", "deprecated"),
                }
    nua = next(r for r in rows if r["id"] == "new-urban-agenda")
    assert nua["occurrences"] == ["2", "4", "6", "7", "10", "21"]
    pwd = next(r for r in rows if r["id"] == "persons-with-disabilities")
    assert [(d["term"], d["status"], d["in_text"]) for d in pwd["terms"]["zh"]] == [
        ("残疾人", "preferred", False),
        ("残障人士", "admitted", True),
    ]


def test_glossary_csv_opens_in_excel(glossary):
    text = exports.glossary_csv(glossary, _texts())
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == len(TERM_BASE)
    nua = next(r for r in rows if r["id"] == "new-urban-agenda")
    assert nua["zh_preferred"] == "新城市议程" and nua["en_preferred"] == "New Urban Agenda"
    assert nua["occurrences"].split(exports.CSV_SEPARATOR) == ["2", "4", "6", "7", "10", "21"]
    stakeholders = next(r for r in rows if r["id"] == "stakeholders")
    assert stakeholders["zh_deprecated"].split(exports.CSV_SEPARATOR) == ["利益相关者", "利益相关方"]
    assert "ACABQ" in next(r for r in rows if r["id"] == "acabq")["acronyms_short_forms"]
    assert exports.formulae_csv(glossary, ("zh", "en")).startswith("\ufeffid,zh,en,")


TBX3 = "urn:iso:std:iso:30042:ed-2"
RE_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
TBX_BASIC_PICKLISTS = {
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
    "partOfSpeech": {"noun", "verb", "adjective", "adverb", "properNoun", "other"},
    "administrativeStatus": {
        "preferredTerm-admn-sts",
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts",
    },
}


def _tbx(glossary, v2: bool):
    make = exports.glossary_tbx2008 if v2 else exports.glossary_tbx
    return make(glossary, _texts())


def test_tbx_v3_keeps_the_tbx_basic_rules(glossary):
    """The TBX-Basic (DCA) rules of the dialect's Schematron that can be checked without XSLT 2."""
    root = etree.fromstring(_tbx(glossary, v2=False).encode())
    q = f"{{{TBX3}}}"
    assert root.tag == f"{q}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    allowed = {"tbx", "tbxHeader", "fileDesc", "sourceDesc", "p", "text", "body", "conceptEntry", "langSec"}
    allowed |= {"termSec", "term", "termNote", "descrip", "descripGrp", "admin", "note", "ref"}
    for element in root.iter(etree.Element):
        assert element.tag.startswith(q) and element.tag[len(q) :] in allowed, element.tag
    ids = [e.get("id") for e in root.iter(f"{q}conceptEntry")]
    assert ids == [exports.tbx_id(t.id) for t in sorted(TERM_BASE, key=lambda t: t.id)]
    assert all(RE_NCNAME.match(i) for i in ids) and len(set(ids)) == len(ids)
    subjects = {locale("en").glossary["subjects"][key] for key in SUBJECTS}
    for descrip in root.iter(f"{q}descrip"):
        kind = descrip.get("type")
        assert kind in {"subjectField", "definition", "context"}
        parent = descrip.getparent()
        if kind == "subjectField":
            assert parent.tag == f"{q}conceptEntry" and descrip.text in subjects
        if kind == "definition":
            assert parent.getparent().tag in {f"{q}conceptEntry", f"{q}langSec"}
        if kind == "context":
            assert parent.getparent().tag == f"{q}termSec"
    for note in root.iter(f"{q}termNote"):
        assert note.getparent().tag == f"{q}termSec"
        assert note.text in TBX_BASIC_PICKLISTS[note.get("type")], (note.get("type"), note.text)
    for term_sec in root.iter(f"{q}termSec"):
        kinds = [n.get("type") for n in term_sec.iter(f"{q}termNote")]
        assert sorted(kinds) == ["administrativeStatus", "partOfSpeech", "termType"]
    for ref in root.iter(f"{q}ref"):
        assert ref.get("type") == "crossReference" and ref.get("target") in ids
    for entry in root.iter(f"{q}conceptEntry"):
        assert len(entry.findall(f"{q}descrip[@type='subjectField']")) == 1
        assert [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in entry.iter(f"{q}langSec")] == ["zh", "en"]


def test_tbx_2008_loads_in_translate_toolkit_with_every_entry_and_term(glossary):
    from translate.storage import tbx

    store = tbx.tbxfile.parsestring(_tbx(glossary, v2=True).encode())
    units = {u.getid(): u for u in store.units}
    assert len(units) == len(TERM_BASE)
    for term in TERM_BASE:
        unit = units[exports.tbx_id(term.id)]
        assert unit.source == term.terms("zh")[0].text
        assert unit.target == term.terms("en")[0].text
    root = etree.fromstring(_tbx(glossary, v2=True).encode())
    terms = [(e.get("id"), t.text) for e in root.iter("termEntry") for t in e.iter("term")]
    assert len(terms) == sum(len(t.designations) for t in TERM_BASE)
    statuses = [n.text for n in root.iter("termNote") if n.get("type") == "administrativeStatus"]
    assert "deprecatedTerm-admn-sts" in statuses and "admittedTerm-admn-sts" in statuses
    assert any(n.text.startswith("pinyin: ") for n in root.iter("note"))


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


def test_the_stored_part_of_the_dictionary_cuts_as_the_whole(tmp_path, glossary):
    """A build keeps the part of jieba's dictionary its characters need (segment.main_table): the glossary
    built from it equals the one built from the whole dictionary, a text with a new character widens the
    stored part, and a glossary edit (a new term) is found as in a build without the stored part."""
    from dataclasses import replace

    from unhabitat import segment

    text = read_source(SOURCE_ZH)
    cache = tmp_path / "segmentation"
    for _ in range(2):  # written, then read
        segment.release()
        assert build_glossary(TERM_BASE, text, BASE.moved, BASE.formulae, cache) == glossary
    stored = segment.main_table(folder=cache)
    assert stored.chars is not None and "鑫" not in stored.chars and len(stored.freq) < 100_000
    unit = text.paragraphs[0].unit
    widened = replace(
        text, paragraphs=(replace(text.paragraphs[0], unit=replace(unit, text=unit.text + "鑫鑫向荣")), *text.paragraphs[1:])
    )
    segment.release()
    assert build_glossary(TERM_BASE, widened, BASE.moved, BASE.formulae, cache) == build_glossary(
        TERM_BASE, widened, BASE.moved, BASE.formulae
    )
    assert "鑫" in segment.main_table(folder=cache).chars
    segment.release()
    taught = load_terms(TERMS, "terms.yml", SYMBOLS) + load_terms(
        write(tmp_path, ENTRY.replace("新城市议程", "城市化进程").replace("new-urban-agenda", "urbanization")),
        "terms.yml",
        SYMBOLS,
    )
    assert build_glossary(taught, text, cache=cache) == build_glossary(taught, text)
    assert build_glossary(taught, text, cache=cache).units_of("urbanization")


SPELL = """
import json, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1]]
from unhabitat.glossary import build_glossary
from unhabitat.register import load_instruments
from unhabitat.source_text import read_source
from unhabitat.termbase import formulae_beside, load_term_base
root, cache = Path(sys.argv[2]), Path(sys.argv[3])
terms = root / "glossary" / "terms.yml"
symbols = frozenset(load_instruments(root / "glossary" / "instruments.yml", "instruments.yml"))
base = load_term_base(terms, "terms.yml", symbols, formulae_beside(terms, "terms.yml"))
glossary = build_glossary(base.terms, read_source(root / "source" / "declaration.zh.txt"), base.moved, base.formulae, cache)
pinyin = {**glossary.pinyin, **glossary.formula_pinyin}
print(json.dumps([
    "pypinyin" in sys.modules, {k: [p.marked, p.toneless, p.initials] for k, p in pinyin.items()}, glossary.search_keys
]))
"""


def test_stored_spellings_spare_pypinyin(tmp_path, glossary):
    """The forms' spellings are kept beside the part of jieba's dictionary (segment.spellings): the first build
    spells them with pypinyin; the next reads them, spelled alike, without importing pypinyin (its tables cost
    about 0.13 s and some 50 MB)."""
    import subprocess
    import sys

    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", SPELL, str(ROOT / "hooks"), str(ROOT), str(tmp_path)],
                capture_output=True, text=True, check=True,
            ).stdout
        )
        for _ in range(2)
    ]  # fmt: skip
    assert [imported for imported, _, _ in runs] == [True, False]
    expected = {k: [p.marked, p.toneless, p.initials] for k, p in {**glossary.pinyin, **glossary.formula_pinyin}.items()}
    assert runs[0][1:] == runs[1][1:] == [expected, {k: list(v) for k, v in glossary.search_keys.items()}]
    assert glossary.search_keys["人居署"] == ("renjushu", "rjs")


def test_set_phrases_are_read_from_the_dictionary():
    from unhabitat.segment import main_table

    phrases = main_table().set_phrases
    assert {"以人为本", "无家可归"} <= phrases and "自然灾害" not in phrases
