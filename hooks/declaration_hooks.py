"""MkDocs hooks: the table of contents of a build of one edition.

Each event is a few lines calling the pure core in ``unhabitat/``. The edition
(``extra.edition``) picks which text is primary; both texts are parsed in every
build because each page shows its counterpart in the parallel view.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from unhabitat import exports, render
from unhabitat.align import check_alignment
from unhabitat.errors import SourceError
from unhabitat.landing import landing_page
from unhabitat.source_text import read_source

log = get_plugin_logger("declaration")


@dataclass(frozen=True)
class Build:
    """What one build knows, kept on the config so that serve rebuilds start afresh."""

    edition: render.Edition
    zh: Path
    en: Path


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = _load(config)
    config.extra["build"] = build
    config.site_url = f"{config.extra['site_root'].rstrip('/')}/{build.edition.lang}/"
    config.nav = _nav(build.edition)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    edition = _build(config).edition
    pages = {"index.md": render.home_page(edition), "full.md": render.full_text_page(edition)}
    for paragraph in edition.text.paragraphs:
        pages[f"{paragraph.number}.md"] = render.paragraph_page(edition, paragraph.number)
    for src_uri, content in sorted(pages.items()):
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_serve(server, config: MkDocsConfig, builder):
    build = _build(config)
    for path in (build.zh, build.en):
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
    zh, en = _texts(build.edition)
    root = site.parent
    (root / "index.html").write_text(landing_page(zh, en), encoding="utf-8")
    (root / "permalinks.json").write_text(exports.permalinks(zh), encoding="utf-8")
    (root / "declaration.tmx").write_text(exports.tmx(zh, en, "1"), encoding="utf-8")


def _load(config: MkDocsConfig) -> Build:
    base = Path(config.config_file_path).parent
    lang = config.extra["edition"]
    sources = {name: base / path for name, path in config.extra["sources"].items()}
    try:
        texts = {name: read_source(path, _label(path, base)) for name, path in sources.items()}
        check_alignment(texts["zh"], texts["en"])
    except SourceError as e:
        raise PluginError(str(e)) from e
    other = "en" if lang == "zh" else "zh"
    edition = render.Edition(lang=lang, text=texts[lang], other_lang=other, other=texts[other])
    return Build(edition=edition, zh=sources["zh"], en=sources["en"])


def _label(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)


def _build(config: MkDocsConfig) -> Build:
    return config.extra["build"]


def _texts(edition: render.Edition):
    return (edition.text, edition.other) if edition.lang == "zh" else (edition.other, edition.text)


def _nav(edition: render.Edition) -> list:
    labels = edition.labels
    paragraphs = [
        {render.paragraph_title(p.number, edition.lang): f"{p.number}.md"} for p in edition.text.paragraphs
    ]
    return [{labels.home: "index.md"}, {labels.paragraphs: paragraphs}, {labels.full_text: "full.md"}]
