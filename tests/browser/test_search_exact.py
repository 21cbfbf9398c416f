"""The sharded search in the browser: exactly the documents that contain a query (against the plain
substring and word-start rules, computed here from the documents themselves), and a first query that
fetches only the shards it needs."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest
from browsing import TYPE
from playwright.sync_api import Page

WHITE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"  # JavaScript's \s
RE_HAN = re.compile(r"[\u3400-\u9fff]")
RE_FILE = re.compile(r'^declarationSearchFile\("[^"]+",(.*)\);\n$', re.S)

FOUND = """async queries => {
  const out = [];
  for (const q of queries) {
    const hits = await new Promise(done => window.declSearch.search(q, done));
    out.push(hits.filter(h => h.group === "full").map(h => [h.doc.u, h.occurrences]));
  }
  return out;
}"""


def documents(site: Path, lang: str) -> list[dict]:
    """The edition's search documents, in order, read back from its text files."""
    files = sorted((site / lang / "search").glob("text-*.js"), key=lambda p: int(p.stem.split("-")[1]))
    docs: list[dict] = []
    for path in files:
        m = RE_FILE.match(path.read_text(encoding="utf-8"))
        assert m, path
        docs += json.loads(m.group(1))
    return docs


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def squeezed(text: str) -> str:
    """White space removed, except one space between two words of a-z and digits."""
    return re.sub(f"[{WHITE}]+", lambda m: " " if RE_JOINED.fullmatch(text[m.start() - 1 : m.end() + 1]) else "", text)


RE_JOINED = re.compile(f"[a-z0-9][{WHITE}]+[a-z0-9]")


def occurrences(query: str, text: str) -> int:
    """The rule the search keeps: a Chinese query is a substring of the text, white space ignored (except
    between two words of Latin letters or digits); a Latin one starts a word (after a character other
    than a-z, 0-9), its white space matching any."""
    q, t = fold(query).strip(), fold(text)
    if RE_HAN.search(q):
        return squeezed(t).count(squeezed(q))
    body = re.sub(f"[{WHITE}]+", f"[{WHITE}]+", re.escape(q).replace("\\ ", " "))
    return len(re.findall(f"(?:^|[^a-z0-9]){body}", t))


def truth(docs: list[dict], query: str) -> list[tuple[str, int]]:
    found = []
    for doc in docs:
        n = occurrences(query, doc["x"]) + occurrences(query, doc.get("f", ""))
        if n:
            found.append((doc["u"], n))
    return sorted(found)


def sample_queries(docs: list[dict]) -> list[str]:
    """Deterministic samples of the text: every Han character and runs of 2 to 6 characters (with the
    numbers and Latin letters among them), Latin words, their prefixes, and pairs of words."""
    queries: set[str] = set()
    for i, doc in enumerate(docs):
        text = fold(doc["x"] + " " + doc.get("f", ""))
        compact = re.sub(f"[{WHITE}]+", "", text)
        queries |= set(RE_HAN.findall(compact))
        for start in range(i % 5, len(compact) - 6, 11):
            run = compact[start : start + 2 + (start + i) % 5]
            if RE_HAN.search(run):
                queries.add(run)
        words = re.findall(r"[a-z0-9]+(?:[-.][a-z0-9]+)*", text)
        for k, word in enumerate(words[i % 3 :: 5]):
            queries.add(word if k % 2 else word[: max(2, len(word) // 2)])
        for k in range(i % 4, len(words) - 2, 9):
            queries.add(" ".join(words[k : k + 2]))
    # Not symbols (they also find the citing units), quotation marks (they make phrases), stop-words alone.
    return sorted(q for q in queries if not re.search(r"[/\"“”„«»「」『』]", q) and q not in STOP)


STOP = {
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "in",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "that",
    "the",
    "their",
    "this",
    "to",
    "with",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_shards_find_exactly_the_documents_that_contain_a_query(page: Page, site, lang: str):
    docs = documents(site.root, lang)
    queries = sample_queries(docs)
    assert len(queries) > 300
    page.goto(f"/{lang}/")
    found = page.evaluate(FOUND, queries)
    wrong = []
    for query, hits in zip(queries, found, strict=True):
        # A query of two words also finds documents with both apart; a quoted phrase is the same rule.
        expected = truth(docs, query) if " " not in query else None
        got = sorted((u, n) for u, n in hits)
        if expected is not None and got != expected:
            wrong.append(f"{query!r}: {got[:6]} expected {expected[:6]}")
        if " " in query:
            phrase = page.evaluate(FOUND, [f'"{query}"'])[0]
            if sorted((u, n) for u, n in phrase) != truth(docs, query):
                wrong.append(f'"{query}": {sorted(phrase)[:6]} expected {truth(docs, query)[:6]}')
    assert not wrong, f"{len(wrong)} of {len(queries)}:\n" + "\n".join(wrong[:20])


def responses_while(page: Page, action) -> list:
    seen: list = []

    def record(response) -> None:
        seen.append(response)

    page.on("response", record)
    action()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return seen


def test_a_first_query_fetches_only_the_shards_it_needs(page: Page):
    page.goto("/zh/13/", wait_until="networkidle")
    first = responses_while(page, lambda: page.evaluate(TYPE, "本地化"))
    names = [r.url.split("/zh/", 1)[1] for r in first]
    keys = [n for n in names if re.fullmatch(r"search/keys-\d+\.js", n)]
    texts = [n for n in names if re.fullmatch(r"search/text-\d+\.js", n)]
    shown = page.locator(".decl-search-hit").count()
    # The script, the head, the postings of 本, 地 and 化, and the text files of the results shown.
    assert names[:2] == ["javascripts/search.js", "search/head.js"]
    assert 1 <= len(keys) <= 3 and 1 <= len(texts) <= shown
    assert sorted(names) == sorted(["javascripts/search.js", "search/head.js", *keys, *texts])
    packed = sum(len(gzip.compress(r.body(), mtime=0)) for r in first)
    assert packed < 16 * 1024, f"{packed} bytes gzipped"
    # The same query again costs nothing; another one only its own shards.
    assert not responses_while(page, lambda: page.evaluate(TYPE, "本地化 "))
    later = [r.url.split("/zh/", 1)[1] for r in responses_while(page, lambda: page.evaluate(TYPE, "南南合作"))]
    assert later and all(re.fullmatch(r"search/(keys|text)-\d+\.js", n) for n in later)
