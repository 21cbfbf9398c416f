"""Stage 3c: a page per cited instrument, in each edition — what it is, the official texts, where it is cited.

Markdown throughout (a definition list, lists, links to the pages' sources that MkDocs checks); the containers
``instrument`` and ``cited-in`` carry the classes the stylesheet and tests address."""

from __future__ import annotations

from . import urls
from .datafile import in_language
from .labels import language_name, locale, unit_name
from .markup import md_block, md_definitions, md_text, md_url
from .references import cited_in
from .register import Instrument
from .render import Edition


def index_page(edition: Edition) -> str:
    labels = locale(edition.lang).instruments
    items = "\n".join(
        f"- [{md_text(i.symbol)}]({urls.link(urls.INSTRUMENTS, urls.instrument_page(i.slug))})"
        f" — {md_text(in_language(i.title, edition.lang))}"
        for i in edition.instruments.values()
    )
    return f"# {md_text(labels['title'])}\n\n{md_text(labels['intro'])}\n\n{items}\n"


def instrument_page(edition: Edition, instrument: Instrument) -> str:
    labels = locale(edition.lang).instruments
    lang = edition.lang
    here = urls.instrument_page(instrument.slug)
    # Official texts are on other hosts: a link with the language it is in.
    official = " · ".join(
        f'[{md_text(language_name(code, lang))}]({md_url(url)}){{hreflang="{code}"}}'
        for code, url in instrument.url.items()
    )
    rows = [
        (labels["symbol"], md_text(instrument.symbol)),
        (labels["kind"], md_text(in_language(instrument.kind, lang))),
        (labels["date"], md_text(instrument.date)),
        (labels["contains"], md_text(in_language(instrument.contains, lang))),
        (labels["official"], official),
    ]
    glossary = edition.glossary
    if glossary is not None:
        terms = [t for t in glossary.terms if t.instrument == instrument.symbol]
        if terms:
            rows.append(
                (
                    labels["terms"],
                    " · ".join(
                        f"[{md_text(t.names(lang)[0])}]({urls.link(here, urls.term_page(t.id))})" for t in terms
                    ),
                )
            )
    table = md_definitions(rows)
    units = {u.uid: u for u in edition.text.units()}
    citing = "\n".join(
        f"- [{md_text(unit_name(units[uid], lang))}]"
        f"({urls.link(here, urls.paragraph_page(units[uid].paragraph), units[uid].eid)})"
        for uid in cited_in(edition.references, instrument.symbol, list(units))
    )
    return (
        f"# {md_text(in_language(instrument.title, lang))}\n\n"
        f"{md_block('instrument', table)}\n\n"
        f"## {md_text(labels['cited'])} {{#cited-in}}\n\n{md_block('cited-in', citing)}\n"
    )


def pages(edition: Edition) -> dict[str, str]:
    out = {urls.INSTRUMENTS: index_page(edition)}
    for instrument in edition.instruments.values():
        out[urls.instrument_page(instrument.slug)] = instrument_page(edition, instrument)
    return out
