"""MkDocs hooks: the table of contents of a build of one edition.

Each event is a few lines calling the pure core in ``unhabitat/``. ``extra.editions`` lists the
editions, the source edition first; ``extra.edition`` picks the one this build makes. Every text is
parsed in every build: each is checked against the source, and each page shows its counterpart in
the parallel view.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext
from unhabitat import labels, render, segment, sitemap, urls
from unhabitat.address import PREVIEW_ROOT, site_address
from unhabitat.errors import SourceError
from unhabitat.labels import Site, check_locales, locale, words
from unhabitat.markup import json_script
from unhabitat.mdx import DeclarationExtension
from unhabitat.offline import ZIP_NAME, offline_zip
from unhabitat.pipeline import Build, load_build, release_memos, write_files
from unhabitat.settings import EditionSpec, read_settings

if TYPE_CHECKING:  # a one-off build never loads the live-reload server (watchdog and the rest)
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("declaration")
# Under `make serve` (which sets SERVING), digests of the generated Markdown of the last build are
# kept in the site folder, so that a dirty rebuild renders only the pages that changed.
SERVING = "DECLARATION_SERVING"
# Set by `make release` and the deploy workflow: a build without a public address fails.
RELEASE = "DECLARATION_RELEASE"
DIGESTS = ".page-digests.json"
# Material's files that no reader of this site fetches: its search (lunr and the search worker), which the
# site's own search replaces (mkdocs.yml has no search plugin), and the source maps of its minified files, which
# only a browser's developer tools read. Left out, they are neither copied into each edition nor zipped.
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
SOURCE_MAP = ".map"
# Set by `make serve` in extra: the files beside the pages are written after the browser reloads.
DEFER_FILES = "defer_files"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    base = Path(config.config_file_path).parent
    labels.refresh()  # a worker of `make serve` builds again: a locale may have been edited
    # The pages' own Markdown extension (unhabitat/mdx.py): MkDocs imports the names of mkdocs.yml's
    # markdown_extensions before it loads this hook, when the hooks folder is not importable; Python-Markdown
    # takes an instance as well as a name (MkDocs' type says names only).
    config.markdown_extensions.append(DeclarationExtension())  # type: ignore[arg-type]
    extra = config.extra
    try:
        # The public address is site_url (SITE_ROOT overrides it); unset, the build is a preview.
        settings = read_settings({**extra, "site_root": config.site_url or PREVIEW_ROOT}, config.config_file_path)
        address = site_address(settings.site_root)
        if not address.public:
            if os.environ.get(RELEASE):
                raise PluginError(address.release_problem())
            if settings.edition == settings.source_lang and not os.environ.get(SERVING):
                log.info(address.preview_notice())  # info, not a warning: a preview is a legitimate strict build
        check_locales(settings.sources)
        words = locale(settings.edition)
        build = load_build(
            base, settings.sources, settings.data, settings.edition, address.root,
            history=True, citation_cache=base / "build" / "citations" / f"{settings.edition}.json",
            editions=settings.editions, segment_cache=base / "build" / "segmentation",
        )  # fmt: skip
    except SourceError as e:
        raise PluginError(str(e)) from e
    if not os.environ.get(SERVING):
        segment.release()  # a worker of `make serve` keeps them for the next rebuild
    for problem in build.problems:
        log.warning(problem)
    for notice in build.notices:
        log.info(notice)  # a shallow clone still builds: the site then shows no history
    extra["build"] = build
    extra["edition"] = settings.edition
    extra["edition_langs"] = [e.lang for e in settings.editions]
    # The edition built last zips them all for reading offline (declaration-site.zip).
    extra["offline_zip"] = settings.edition == settings.editions[-1].lang
    extra["notice"] = None if settings.spec.official else words.site  # overrides/main.html
    extra["words"] = words.site  # overrides/404.html
    # overrides/main.html puts the scripts' words in every page; otherEdition: where "search the other edition" goes.
    extra["script_words"] = json_script({**words.script, "otherEdition": build.edition.other_lang})
    others = [e for e in settings.editions if e.lang != settings.edition]
    extra["other_editions"] = [{"lang": e.lang, "dir": e.dir, "name": _edition_link(e)} for e in others]
    _localize(config, settings.spec, words.site)
    extra["sitemap"] = sitemap.entries(build.edition, build.pages)  # overrides/sitemap.xml
    config.site_url = urls.edition_url(address.root, build.edition.lang)
    config.nav = render.navigation(build.edition)
    return config


def _edition_link(spec: EditionSpec) -> str:
    site = locale(spec.lang).site
    return site.edition_link_official if spec.official else site.edition_link_translation


def _localize(config: MkDocsConfig, spec: EditionSpec, site: Site) -> None:
    """What the configuration says in the edition's language and direction (one file for every edition)."""
    config.site_name, config.site_description = site.name, site.description
    config.theme["language"], config.theme["direction"] = spec.lang, spec.dir
    for scheme, name in zip(config.theme["palette"], (site.light_mode, site.dark_mode), strict=True):
        scheme["toggle"]["name"] = name


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for unused in [f for f in files if f.src_uri.startswith(UNUSED_THEME_FILES) or f.src_uri.endswith(SOURCE_MAP)]:
        files.remove(unused)
    pages = _build(config).pages
    unchanged = _unchanged_pages(config, pages)
    for src_uri, content in pages.items():
        file = File.generated(config, src_uri, content=content)
        if src_uri in unchanged:
            # A dirty rebuild (make serve) skips what did not change; MkDocs asks the method, which has no setter.
            file.is_modified = lambda: False  # type: ignore[method-assign]
        files.append(file)
    if not os.environ.get(SERVING):  # which compares them with the next build's in on_post_build
        _build(config).forget_pages()
        release_memos()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page has read its Markdown: the generated file's own copy is no longer needed (at 100x, the
    pages' Markdown is some 85 MB, which would otherwise be held twice until the build ends)."""
    if page.file.generated_by is not None:
        page.file.content_string = ""
    return markdown


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    for path in _build(config).inputs:
        server.watch(str(path))
    return server


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A paragraph's or glossary page's structured data (JSON-LD), kept out of its Markdown: data, not text."""
    return html + _build(config).structured_data.get(page.file.src_uri, "")


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # The language switch (relative links, so a preview served anywhere switches in place) and the hreflang
    # links for search engines (absolute, as they require) point at this page's counterparts, this edition first;
    # x-default is the source edition's page.
    current = config.extra["edition"]
    every = config.extra["edition_langs"]
    root = _build(config).edition.site_root
    config.extra["alternate"] = [
        {
            "name": words(lang).language,
            "lang": lang,
            "switch": urls.other_edition(lang, page.url),
            "link": urls.edition_url(root, lang, page.url),
        }
        for lang in [current, *(lang for lang in every if lang != current)]
    ]
    config.extra["x_default"] = urls.edition_url(root, every[0], page.url)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    build = _build(config)
    if site.name != build.edition.lang:
        log.info("site_dir is not an edition folder; root files not written")
        return
    if os.environ.get(SERVING):
        digests = {name: _digest(build, name, content) for name, content in build.pages.items()}
        (site / DIGESTS).write_text(json.dumps(digests, sort_keys=True), encoding="utf-8")
    if config.extra.get(DEFER_FILES):
        return
    write_files(build, site)
    # A one-off build: its memos have served. The zip is not made under `make serve`, which rebuilds every edition
    # at once.
    if not os.environ.get(SERVING):
        release_memos()
        if config.extra.get("offline_zip"):
            offline_zip(site.parent, site.parent / ZIP_NAME)


def _digest(build: Build, name: str, content: str) -> str:
    """What a page's HTML is made of: its Markdown and the structured data added to it (a glossary index's
    JSON-LD holds every entry's note, which its Markdown does not)."""
    return hashlib.sha256((content + build.structured_data.get(name, "")).encode("utf-8")).hexdigest()


def _unchanged_pages(config: MkDocsConfig, pages: dict[str, str]) -> set[str]:
    """Pages whose Markdown is what the last build into the same folder rendered (for dirty rebuilds)."""
    recorded = Path(config.site_dir) / DIGESTS
    if not os.environ.get(SERVING) or not recorded.is_file():
        return set()
    before = json.loads(recorded.read_text(encoding="utf-8"))
    build = _build(config)
    return {name for name, content in pages.items() if before.get(name) == _digest(build, name, content)}


def _build(config: MkDocsConfig) -> Build:
    build = config.extra["build"]
    assert isinstance(build, Build), "on_config stores the build"
    return build
