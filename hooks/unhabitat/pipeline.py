"""Everything a build knows before it renders: every edition's text checked against the source edition's,
the term base applied to the source text, the references to instruments in every text, and the problems a
maintainer must fix (reported as warnings, so that a strict build fails).

``sources`` maps each edition's language to its text, the source edition first (``extra.editions``): an
edition's parallel view shows it beside the source text, and the source edition's beside the first
translation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import downloads, glossary_pages, instrument_pages, markup, render, search_shards, urls
from .align import check_alignment, check_correspondence
from .glossary import build_glossary, check_every_term_occurs, consistency_misses
from .history import History, unit_history
from .model import Declaration
from .notes import Note, load_notes, notes_path
from .record import RECORD_FILE, OfficialRecord, load_record
from .references import Reference, detect
from .register import Instrument, load_instruments
from .render import Edition
from .settings import EditionSpec
from .source_text import parse, read_source, write_whole
from .termbase import formulae_beside, load_term_base


@dataclass(frozen=True)
class Build:
    edition: Edition
    references: dict[str, tuple[Reference, ...]]
    inputs: tuple[Path, ...]
    problems: tuple[str, ...]
    source_lang: str
    texts: dict[str, Declaration]  # every edition's, the source first
    editions: tuple[EditionSpec, ...]  # as extra.editions gives them (empty in tests of the core)
    notices: tuple[str, ...] = ()  # worth saying, not a reason to fail a strict build

    @property
    def instruments(self) -> dict[str, Instrument]:
        return self.edition.instruments

    @cached_property
    def pages(self) -> dict[str, str]:
        """src_uri → Markdown of every page of the edition."""
        edition = self.edition
        pages = {urls.HOME: render.home_page(edition), **render.full_text_pages(edition)}
        for p in edition.text.paragraphs:
            pages[urls.paragraph_page(p.number)] = render.paragraph_page(edition, p.number)
        pages |= glossary_pages.pages(edition, self.instruments)
        pages |= instrument_pages.pages(edition)
        pages[urls.DOWNLOADS] = downloads.downloads_page(edition, self.root_files)
        pages[urls.CHANGES] = render.changes_page(edition)
        if edition.notes:
            pages[urls.NOTES] = render.notes_page(edition)
        return dict(sorted(pages.items()))

    @cached_property
    def structured_data(self) -> dict[str, str]:
        """src_uri → the JSON-LD block of each paragraph page and glossary entry, added to its HTML (not to its
        Markdown)."""
        return {
            **{
                urls.paragraph_page(p.number): render.json_ld_block(self.edition, p.number)
                for p in self.edition.text.paragraphs
            },
            **glossary_pages.structured_data(self.edition),
        }

    def forget_pages(self) -> None:
        """Drop the cached ``pages`` (tens of megabytes at scale) once MkDocs holds them; read again, they
        are generated again."""
        self.__dict__.pop("pages", None)

    @cached_property
    def root_files(self) -> dict[str, str]:
        return downloads.root_files(self.edition, self.texts, self.references[self.source_lang], self.editions)

    @cached_property
    def edition_files(self) -> dict[str, str]:
        return downloads.edition_files(self.edition)


def release_memos() -> None:
    """Forget what the stages memoize for `make serve`'s rebuilds, where most paragraphs, links and search fields
    are those of the last build (line wrapping, relative links, search keys): a one-off build calls this once its
    pages are made, and again once its files beside them are, so that they do not swell its peak memory (about
    90 MB at 100 times the declaration's length)."""
    for memo in (markup._lines, urls._relpath, search_shards._keyed):
        memo.cache_clear()


def write_files(build: Build, site: Path) -> None:
    """Write the files beside the pages: the edition's (search, citations) in its folder ``site``, those of
    every edition (downloads, the landing page) beside it. Each file is replaced whole, by a rename: under
    `make serve` the editions' workers write the shared ones while they are being served."""
    for folder, files in ((site.parent, build.root_files), (site, build.edition_files)):
        for name, content in files.items():
            write_whole(folder / name, content)


def _label(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the base, or a symlink loop (read_input reports it)
        return str(path)


def load_build(
    base: Path,
    sources: dict[str, str],
    data: dict[str, str],
    lang: str,
    site_root: str = "http://127.0.0.1:8000/",
    history: bool = False,
    citation_cache: Path | None = None,
    editions: tuple[EditionSpec, ...] = (),
    segment_cache: Path | None = None,
) -> Build:
    """Raises ``SourceError`` (file:line) on any input that cannot build. With ``history``, each unit's
    revisions come from git (the golden tests leave it out: their pages must not depend on the clone).
    ``segment_cache``: a folder that keeps the part of jieba's dictionary the texts need, between builds."""
    paths = {name: base / path for name, path in sources.items()}
    files = {name: base / path for name, path in data.items()}
    texts = {name: read_source(path, _label(path, base)) for name, path in paths.items()}
    source_lang, *translations = texts
    # The term base and the translator's notes pair the source text with the first translation.
    source, first = texts[source_lang], texts[translations[0]]
    for other_lang in translations:
        check_alignment(texts[source_lang], texts[other_lang])
    instruments = load_instruments(files["instruments"], _label(files["instruments"], base))
    formulae_path = files["terms"].with_name("formulae.yml")
    langs = tuple(texts)
    formulae = formulae_beside(files["terms"], _label(files["terms"], base), langs)
    terms_label = _label(files["terms"], base)
    base_data = load_term_base(files["terms"], terms_label, frozenset(instruments), formulae, langs)
    glossary = build_glossary(base_data.terms, source, base_data.moved, base_data.formulae, segment_cache)
    check_every_term_occurs(glossary, _label(files["terms"], base))
    references = {name: detect(text, name, instruments) for name, text in texts.items()}
    for other_lang in translations:
        check_correspondence(source, texts[other_lang], references[source_lang], references[other_lang])
    problems = [
        f"{texts[lang].path}:{m.unit.line}: {m.message()}"
        for lang in translations
        for m in consistency_misses(glossary, texts[lang], lang)
    ]
    problems += [
        f"{source.path}: segmentation splits '{s.form}' in {s.unit}; raise its frequency or fix the term base"
        for s in glossary.splits
    ]
    # The official record sits beside the Chinese source; another declaration may have none yet.
    record_path = paths[source_lang].parent / RECORD_FILE
    record: OfficialRecord | None = None
    if record_path.is_file():
        record = load_record(record_path, _label(record_path, base))
    # The first translation's translator's notes, beside its text; every edition shows them.
    note_path = notes_path(paths[translations[0]], translations[0])
    notes: tuple[Note, ...] = ()
    if note_path.is_file():
        notes = load_notes(note_path, _label(note_path, base), first, langs)
    histories = {name: History(reason="not asked for") for name in texts}
    notices: list[str] = []
    if history:
        histories = {name: unit_history(paths[name].resolve(), text, parse) for name, text in texts.items()}
        notices = [
            f"{_label(paths[name], base)}: no revision history: {h.reason}" for name, h in histories.items() if h.reason
        ]
    other = translations[0] if lang == source_lang else source_lang
    edition = Edition(
        lang, texts[lang], other, texts[other], glossary, references[lang], instruments, site_root, record, notes,
        histories, citation_cache, tuple(texts), editions, texts,
    )  # fmt: skip
    optional = [p for p, present in ((record_path, record), (note_path, notes), (formulae_path, formulae)) if present]
    inputs = (*paths.values(), *files.values(), *optional)
    return Build(edition, references, inputs, tuple(problems), source_lang, texts, editions, tuple(notices))
