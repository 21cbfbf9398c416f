"""Stage 4b: every file offered for download, built from the source at build time, and the page listing them."""

from __future__ import annotations

from . import cite, exports, search_index, sitemap, urls
from .history import last_revised
from .labels import language_name, locale
from .landing import landing_page
from .markup import html_attr, md_attrs, md_block, md_cell, md_inline, md_lines, md_text
from .model import Declaration, Unit
from .offline import ZIP_NAME as OFFLINE_ZIP
from .references import Reference
from .render import Edition, official_record_html
from .settings import EditionSpec

# The rows of the downloads page: each edition's text, the fixed files (described in locales/<lang>.yml,
# downloads.files), each edition's citations.
FIXED_FILES = (
    "declaration.json",
    "declaration.tmx",
    "permalinks.json",
    "instruments.json",
    "glossary.json",
    "glossary.tbx",
    "glossary-2008.tbx",
    "glossary.csv",
    "formulae.csv",
)
CITATION_NAMES = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}
CITATION_FORMATS = {"bib": cite.bibtex, "ris": cite.ris, "json": cite.csl_json}


def _cited_units(edition: Edition, text: Declaration, lang: str) -> list[tuple[Unit, str]]:
    return [(u, edition.permalink(u, lang)) for u in text.units()]


def root_files(
    edition: Edition,
    texts: dict[str, Declaration],
    references_source: tuple[Reference, ...],
    editions: tuple[EditionSpec, ...] = (),
) -> dict[str, str]:
    """Files beside the editions (the same bytes whichever edition builds them); ``texts``: every edition's,
    the source first."""
    source = next(iter(texts.values()))
    glossary = edition.glossary
    assert glossary is not None
    files = {
        "index.html": landing_page(
            texts,
            {e.lang for e in editions if e.official} or {next(iter(texts))},
            frozenset(e.lang for e in editions if e.dir == "rtl"),
        ),
        **{urls.text_file(lang, "md"): exports.markdown(text) for lang, text in texts.items()},
        **{urls.text_file(lang, "txt"): exports.plain_text(text) for lang, text in texts.items()},
        "declaration.json": exports.document_model(texts),
        "declaration.tmx": exports.tmx(texts, edition.notes, last_revised(edition.histories.values())),
        "permalinks.json": exports.permalinks(texts, edition.site_root),
        "instruments.json": exports.instruments_json(
            edition.instruments, references_source, [u.uid for u in source.units()], tuple(texts), edition.site_root
        ),
        "glossary.json": exports.glossary_json(glossary, texts),
        "glossary.tbx": exports.glossary_tbx(glossary, texts),
        "glossary-2008.tbx": exports.glossary_tbx2008(glossary, texts),
        "glossary.csv": exports.glossary_csv(glossary, texts),
        "formulae.csv": exports.formulae_csv(glossary, tuple(texts)),
        urls.ROBOTS: sitemap.robots(edition.site_root, tuple(texts)),
    }
    for lang, text in texts.items():
        work = cite.Work.of(text, lang, edition.record, edition.revisions(lang), lang != edition.source_lang)
        for ext, fmt in CITATION_FORMATS.items():
            files[urls.citations_file(lang, ext)] = fmt(work, _cited_units(edition, text, lang))
    return files


def edition_files(edition: Edition) -> dict[str, str]:
    """Files of one edition beside its pages: the search index and per-unit citations (``cite/13a.bib``)."""
    work = edition.work
    files = search_index.files(edition)
    for unit, url in _cited_units(edition, edition.text, edition.lang):
        for ext, fmt in CITATION_FORMATS.items():
            files[urls.cite_file(cite.file_slug(unit), ext)] = fmt(work, [(unit, url)])
    return files


def size(content: str) -> str:
    n = len(content.encode("utf-8"))
    return f"{n} B" if n < 1024 else f"{n / 1024:.1f} KB"


def descriptions(edition: Edition) -> dict[str, str]:
    """File name → what the downloads page says it is, in the edition's language, in the page's order."""
    words = locale(edition.lang).downloads
    langs = edition.langs or (edition.lang, edition.other_lang)
    unofficial = {s.lang for s in edition.specs if not s.official} or set(langs[1:])

    def text(lang: str, form: str) -> str:
        status = words["translation"] if lang in unofficial else ""
        template: str = words["text"]
        return template.format(language=language_name(lang, edition.lang), status=status, format=words[form])

    out = {urls.text_file(lang, "md"): text(lang, "markdown") for lang in langs}
    out |= {urls.text_file(lang, "txt"): text(lang, "plain") for lang in langs}
    out |= {name: words["files"][name] for name in FIXED_FILES}
    for lang in langs:
        name = language_name(lang, edition.lang)
        out |= {
            urls.citations_file(lang, ext): words["citations"].format(language=name, format=form)
            for ext, form in CITATION_NAMES.items()
        }
    return out


def downloads_page(edition: Edition, files: dict[str, str]) -> str:
    """The offline copy, then a table of every file, a row per file. The files sit beside the editions, where
    MkDocs has no page to check a link against: each link is an HTML ``<a download>``, as on the paragraph pages."""
    words = locale(edition.lang).downloads
    title = edition.labels.downloads

    def link(name: str) -> str:
        return f'<a href="{html_attr(urls.root_file(urls.DOWNLOADS, name))}" download>{md_cell(name)}</a>'

    rows = "\n".join(
        f"| {link(name)} | {md_cell(description)} | {size(files[name])} |"
        for name, description in descriptions(edition).items()
    )
    header = "| " + " | ".join(md_cell(words[key]) for key in ("file", "contents", "size")) + " |"
    table = f"{header}\n| --- | --- | --- |\n{rows}"
    offline = md_lines([(link(OFFLINE_ZIP), False), (md_inline(f" · {words['offline']}"), True)])
    return (
        f"# {md_text(title)}\n\n{official_record_html(edition)}\n\n"
        f"{offline}\n{md_attrs('.decl-offline')}\n\n"
        f"{md_block('downloads', table)}\n"
    )
