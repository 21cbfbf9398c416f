"""Stage 3c: a page per cited instrument, in each edition — what it is, the official texts, where it is cited."""

from __future__ import annotations

from . import urls
from .datafile import in_language
from .labels import language_name, locale, unit_name
from .markup import html_text as escape
from .markup import md_text
from .references import cited_in
from .register import Instrument
from .render import Edition


def index_page(edition: Edition) -> str:
    labels = locale(edition.lang).instruments
    items = "\n".join(
        f'<li><a href="{urls.href(urls.INSTRUMENTS, urls.path(urls.instrument_page(i.slug)))}">'
        f"{escape(i.symbol)}</a> — {escape(in_language(i.title, edition.lang))}</li>"
        for i in edition.instruments.values()
    )
    heading = f"# {md_text(labels['title'])}\n\n{md_text(labels['intro'])}"
    return f"{heading}\n\n<ul>{items}</ul>\n"


def instrument_page(edition: Edition, instrument: Instrument) -> str:
    labels = locale(edition.lang).instruments
    lang = edition.lang
    official = " · ".join(
        f'<a href="{escape(url)}" hreflang="{code}">{escape(language_name(code, lang))}</a>'
        for code, url in instrument.url.items()
    )
    rows = [
        (labels["symbol"], escape(instrument.symbol)),
        (labels["kind"], escape(in_language(instrument.kind, lang))),
        (labels["date"], escape(instrument.date)),
        (labels["contains"], escape(in_language(instrument.contains, lang))),
        (labels["official"], official),
    ]
    here = urls.instrument_page(instrument.slug)
    glossary = edition.glossary
    if glossary is not None:
        terms = [t for t in glossary.terms if t.instrument == instrument.symbol]
        if terms:
            links = " · ".join(
                f'<a href="{urls.href(here, urls.path(urls.term_page(t.id)))}">{escape(t.names(lang)[0])}</a>'
                for t in terms
            )
            rows.append((labels["terms"], links))
    table = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    units = {u.uid: u for u in edition.text.units()}
    order = list(units)
    citing = "".join(
        f'<li><a href="{urls.href(here, urls.unit_path(units[uid]))}">{escape(unit_name(units[uid], lang))}</a></li>'
        for uid in cited_in(edition.references, instrument.symbol, order)
    )
    title = in_language(instrument.title, lang)
    return (
        f"# {md_text(title)}\n\n"
        f'<dl class="instrument">{table}</dl>\n\n'
        f'## {md_text(labels["cited"])} {{#cited-in}}\n\n<ul class="cited-in">{citing}</ul>\n'
    )


def pages(edition: Edition) -> dict[str, str]:
    out = {urls.INSTRUMENTS: index_page(edition)}
    for instrument in edition.instruments.values():
        out[urls.instrument_page(instrument.slug)] = instrument_page(edition, instrument)
    return out
