"""MkDocs hooks: the table of contents of a build of one edition.

Each event is a few lines calling the pure core in ``unhabitat/``. The edition
(``extra.edition``) picks which text is primary; both texts are parsed in every
build because each page shows its counterpart in the parallel view.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from unhabitat import exports, glossary_pages, render
from unhabitat.errors import SourceError
from unhabitat.landing import landing_page
from unhabitat.pipeline import Build, load_build

log = get_plugin_logger("declaration")


@event_priority(100)  # before Material's search reads the jieba user dictionary written here
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    base = Path(config.config_file_path).parent
    try:
        build = load_build(base, config.extra["sources"], config.extra["glossary"], config.extra["edition"])
    except SourceError as e:
        raise PluginError(str(e)) from e
    for problem in build.problems:
        log.warning(problem)
    config.extra["build"] = build
    config.site_url = f"{config.extra['site_root'].rstrip('/')}/{build.edition.lang}/"
    config.nav = _nav(build.edition)
    config.plugins["material/search"].config.jieba_dict_user = str(_write_user_dictionary(base, build))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _build(config)
    edition = build.edition
    pages = {"index.md": render.home_page(edition), "full.md": render.full_text_page(edition)}
    for paragraph in edition.text.paragraphs:
        pages[f"{paragraph.number}.md"] = render.paragraph_page(edition, paragraph.number)
    pages |= glossary_pages.pages(edition, build.instruments)
    for src_uri, content in sorted(pages.items()):
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_serve(server, config: MkDocsConfig, builder):
    for path in _build(config).inputs:
        server.watch(str(path))
    return server


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    # The language switch and hreflang links point at this page's counterpart.
    edition = _build(config).edition
    config.extra["alternate"] = [
        {"name": render.LABELS[lang].language, "lang": lang, "link": f"../{lang}/{page.url}"}
        for lang in (edition.lang, edition.other_lang)
    ]
    return context


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    build = _build(config)
    if site.name != build.edition.lang:
        log.info("site_dir is not an edition folder; root files not written")
        return
    zh, en = build.edition.zh_en()
    glossary = build.edition.glossary
    files = {
        "index.html": landing_page(zh, en),
        "permalinks.json": exports.permalinks(zh),
        "declaration.tmx": exports.tmx(zh, en, "1"),
        "glossary.json": exports.glossary_json(glossary),
        "glossary.tbx": exports.glossary_tbx(glossary),
        "glossary.csv": exports.glossary_csv(glossary),
    }
    for name, content in files.items():
        (site.parent / name).write_text(content, encoding="utf-8", newline="")


def _write_user_dictionary(base: Path, build: Build) -> Path:
    # Material's search segments with the same words as the glossary (its option takes a file).
    path = base / "build" / "jieba" / "userdict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != build.edition.glossary.user_dictionary:
        path.write_text(build.edition.glossary.user_dictionary, encoding="utf-8")
    return path


def _build(config: MkDocsConfig) -> Build:
    return config.extra["build"]


def _nav(edition: render.Edition) -> list:
    labels = edition.labels
    paragraphs = [
        {render.paragraph_title(p.number, edition.lang): f"{p.number}.md"} for p in edition.text.paragraphs
    ]
    return [
        {labels.home: "index.md"},
        {labels.paragraphs: paragraphs},
        {labels.full_text: "full.md"},
        {glossary_pages.LABELS[edition.lang]["title"]: "glossary/index.md"},
    ]
