"""Stage 4b: every file offered for download, built from the source at build time, and the page listing them."""

from __future__ import annotations

from . import cite, exports, search_index
from .landing import landing_page
from .markup import html_text as escape
from .markup import md_text
from .model import Unit
from .offline import ZIP_NAME as OFFLINE_ZIP
from .references import Reference
from .render import Edition, official_record_html

DESCRIPTIONS = {
    "declaration.zh.md": ("中文全文（Markdown）", "Chinese text (Markdown)"),
    "declaration.en.md": ("英文全文，非正式译文（Markdown）", "English text, unofficial translation (Markdown)"),
    "declaration.zh.txt": ("中文全文（纯文本）", "Chinese text (plain text)"),
    "declaration.en.txt": ("英文全文，非正式译文（纯文本）", "English text, unofficial translation (plain text)"),
    "declaration.json": ("完整文档模型（JSON，中英文）", "The whole document model (JSON, both languages)"),
    "declaration.tmx": (
        "中英对齐翻译记忆（TMX 1.4b，含标题、脚注和译者注）",
        "Aligned Chinese–English translation memory (TMX 1.4b; title, footnotes and translator's notes included)",
    ),
    "permalinks.json": ("每个可引用单位的永久链接（JSON）", "The permalink of every citable unit (JSON)"),
    "instruments.json": ("所引文书及其出处（JSON）", "Cited instruments and where they are cited (JSON)"),
    "glossary.json": ("术语表，全部字段（JSON）", "Glossary, every field (JSON)"),
    "glossary.tbx": ("术语表（TBX-Basic，TBX v3，ISO 30042:2019）", "Glossary (TBX-Basic, TBX v3, ISO 30042:2019)"),
    "glossary-2008.tbx": (
        "术语表（TBX-Basic 2008，martif，供 Weblate、translate-toolkit 等工具使用）",
        "Glossary (TBX-Basic 2008, martif, for Weblate, translate-toolkit and other tools)",
    ),
    "glossary.csv": (
        "术语表（CSV，带 BOM 的 UTF-8；多值单元格以“; ”分隔）",
        "Glossary (CSV, UTF-8 with BOM; multi-value cells separated by “; ”)",
    ),
    "formulae.csv": (
        "联合国起草用语（CSV，带 BOM 的 UTF-8；多值单元格以“; ”分隔）",
        "UN drafting formulae (CSV, UTF-8 with BOM; multi-value cells separated by “; ”)",
    ),
    "citations.zh.bib": ("中文各段引文（BibTeX）", "Citations of every unit, Chinese (BibTeX)"),
    "citations.zh.ris": ("中文各段引文（RIS）", "Citations of every unit, Chinese (RIS)"),
    "citations.zh.json": ("中文各段引文（CSL-JSON）", "Citations of every unit, Chinese (CSL-JSON)"),
    "citations.en.bib": ("英文各段引文（BibTeX）", "Citations of every unit, English (BibTeX)"),
    "citations.en.ris": ("英文各段引文（RIS）", "Citations of every unit, English (RIS)"),
    "citations.en.json": ("英文各段引文（CSL-JSON）", "Citations of every unit, English (CSL-JSON)"),
}
CITATION_FORMATS = {"bib": cite.bibtex, "ris": cite.ris, "json": cite.csl_json}


def _cited_units(edition: Edition, lang: str) -> list[tuple[Unit, str]]:
    text = edition.text if edition.lang == lang else edition.other
    return [(u, edition.permalink(u, lang)) for u in text.units()]


def _changed(edition: Edition) -> dict[str, str]:
    """Unit id → the date of its last revision in either language (for the TMX's changedate)."""
    zh, en = edition.revisions("zh"), edition.revisions("en")
    return {uid: max(zh.get(uid, ""), en.get(uid, "")) for uid in zh.keys() | en.keys()}


def root_files(edition: Edition, references_zh: tuple[Reference, ...]) -> dict[str, str]:
    """Files beside the two editions (the same bytes whichever edition builds them)."""
    zh, en = edition.zh_en()
    glossary = edition.glossary
    assert glossary is not None
    files = {
        "index.html": landing_page(zh, en),
        "declaration.zh.md": exports.markdown(zh),
        "declaration.en.md": exports.markdown(en),
        "declaration.zh.txt": exports.plain_text(zh),
        "declaration.en.txt": exports.plain_text(en),
        "declaration.json": exports.document_model(zh, en),
        "declaration.tmx": exports.tmx(zh, en, edition.notes, _changed(edition)),
        "permalinks.json": exports.permalinks(zh),
        "instruments.json": exports.instruments_json(edition.instruments, references_zh, [u.uid for u in zh.units()]),
        "glossary.json": exports.glossary_json(glossary, zh, en),
        "glossary.tbx": exports.glossary_tbx(glossary, zh, en),
        "glossary-2008.tbx": exports.glossary_tbx2008(glossary, zh, en),
        "glossary.csv": exports.glossary_csv(glossary, zh, en),
        "formulae.csv": exports.formulae_csv(glossary),
    }
    for lang, text in (("zh", zh), ("en", en)):
        work = cite.Work.of(text, lang, edition.record, edition.revisions(lang))
        for ext, fmt in CITATION_FORMATS.items():
            files[f"citations.{lang}.{ext}"] = fmt(work, _cited_units(edition, lang))
    return files


def edition_files(edition: Edition) -> dict[str, str]:
    """Files of one edition beside its pages: the search index and per-unit citations (``cite/13a.bib``)."""
    work = edition.work
    files = {
        "search/declaration.js": search_index.script(edition),
        "search/other.js": search_index.other_script(edition),
    }
    for unit, url in _cited_units(edition, edition.lang):
        for ext, fmt in CITATION_FORMATS.items():
            files[f"cite/{cite.file_slug(unit)}.{ext}"] = fmt(work, [(unit, url)])
    return files


def size(content: str) -> str:
    n = len(content.encode("utf-8"))
    return f"{n} B" if n < 1024 else f"{n / 1024:.1f} KB"


def downloads_page(edition: Edition, files: dict[str, str]) -> str:
    index = 0 if edition.lang == "zh" else 1
    title = edition.labels.downloads
    rows = "".join(
        f'<tr><td><a href="../../{name}" download>{escape(name)}</a></td>'
        f"<td>{escape(description[index])}</td><td>{size(files[name])}</td></tr>"
        for name, description in DESCRIPTIONS.items()
    )
    head = ("文件", "内容", "大小") if edition.lang == "zh" else ("File", "Contents", "Size")
    header = "".join(f"<th>{h}</th>" for h in head)
    offline = (
        "离线阅读：整个网站（两个版本），解压后用浏览器打开 declaration-site/index.html"
        if edition.lang == "zh"
        else "Read offline: the whole site (both editions); unzip it and open declaration-site/index.html in a browser"
    )
    return (
        f"# {md_text(title)}\n\n{official_record_html(edition)}\n\n"
        f'<p class="decl-offline"><a href="../../{OFFLINE_ZIP}" download>{OFFLINE_ZIP}</a> · {escape(offline)}</p>\n\n'
        f'<table class="downloads"><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>\n'
    )
