"""Stage 4c: the search index of one edition in shards, so that a query downloads what it needs only.

Input: the search documents of ``search_index`` (the edition's units, then glossary entries, then
instruments) and the other language's text of the units. Output: file name → script, each a call of
``declarationSearchFile(name, data)`` (scripts, not JSON, so that search works from file:// too):

* ``search/head.js``: the few facts every query needs: how many documents of each kind, the symbols of
  the cited instruments with the units citing them, and where the shards of each corpus begin;
* ``search/keys-N.js``: positional postings. Every field (a unit's text, its footnotes) is folded
  (NFKC, lower case) and cut into tokens: a run of ``[a-z0-9]`` is a word, any other character that is
  not white space is a token of its own (a Han character, a slash). Each occurrence of a token records
  its document and field and its place: the token's index, whether white space precedes it, whether it
  directly follows a word. Keys are sorted and cut into files of about ``KEYS_BYTES``; the head lists
  the first key of each, so that a key or every word with a given prefix is found in one or a few files.
  A word in a field holding Han text is also filed under each of its proper suffixes (``SUFFIX`` + the
  suffix): a Chinese query such as 2030年 needs the words that end with 2030.
* ``search/text-N.js``: the documents themselves (page, title, text, footnotes, cited symbols), a few at
  a time, fetched for the results shown only.

The same again for the other language's text (``other-keys-N.js``, ``other-text-N.js``). The browser
(docs/javascripts/search.js) matches on positions, so a Chinese query finds exactly the fields whose
text, white space ignored, contains it, and a Latin one exactly those where it starts a word.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise
from operator import itemgetter
from typing import Literal, Required, TypedDict

from . import urls

CALLBACK = "declarationSearchFile"
RE_HAN = re.compile(r"[\u3400-\u9fff]")
# JavaScript's \s, which the browser uses on queries (Python's differs at its edges).
WHITE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
RE_TOKEN = re.compile(rf"(?P<white>[{WHITE}]+)|(?P<word>[a-z0-9]+)|(?P<char>.)", re.S)
RE_WORD = re.compile(r"[a-z0-9]+")
SUFFIX = "\x01"
# A keys file holds about this many bytes of postings (one key larger than it has a file of its own);
# a text file about TEXT_BYTES of documents.
KEYS_BYTES = 3000
TEXT_BYTES = 1500


class Texts(TypedDict, total=False):
    """A unit's text (``x``) and its footnotes (``f``), markers removed."""

    x: Required[str]
    f: str


class Document(Texts, total=False):
    """One search document: its kind, page, title, reader's name (``13(b)``) and cited symbols."""

    k: Required[Literal["unit", "term", "instrument"]]
    u: Required[str]
    t: Required[str]
    n: str
    s: list[str]


def fold(text: str) -> str:
    """What the browser does to a query and a text before matching (``String.normalize`` + ``toLowerCase``)."""
    return unicodedata.normalize("NFKC", text).lower()


@dataclass(frozen=True)
class Token:
    text: str
    index: int
    spaced: bool  # white space before it
    glued: bool  # directly after a word (a word never is: words are maximal runs)

    @property
    def place(self) -> int:
        """The token's place as the postings hold it: index, then the two flags in the low bits."""
        return self.index * 4 + self.glued * 2 + self.spaced


def tokens(folded: str) -> list[Token]:
    found: list[Token] = []
    spaced = after_word = False
    for m in RE_TOKEN.finditer(folded):
        if m["white"]:
            spaced, after_word = True, False
            continue
        word = m["word"] is not None
        found.append(Token(m.group(), len(found), spaced, after_word and not word and not spaced))
        spaced, after_word = False, word
    return found


Postings = dict[str, list[tuple[int, int]]]


def postings(fields: Iterable[tuple[int, str]]) -> Postings:
    """Key → (field, place) of each occurrence, in order; ``fields``: (field number, text), field numbers
    increasing (a document's text is field 2 × document, its footnotes the next)."""
    found: Postings = {}
    for field, text in fields:
        for key, place in _keyed(text):
            found.setdefault(key, []).append((field, place))
    return found


# A rebuild under `make serve` indexes every field again, and most are the same as last time (about 200 fields an
# edition; sized as markup._lines).
@functools.lru_cache(maxsize=1 << 12)
def _keyed(text: str) -> tuple[tuple[str, int], ...]:
    """(key, place) of each occurrence in a field's text, in order."""
    folded = fold(text)
    han = bool(RE_HAN.search(folded))
    found: list[tuple[str, int]] = []
    for token in tokens(folded):
        found.append((token.text, token.place))
        if han and RE_WORD.fullmatch(token.text):
            found += [(SUFFIX + token.text[start:], token.place) for start in range(1, len(token.text))]
    return tuple(found)


def encode(occurrences: Sequence[tuple[int, int]]) -> list[int]:
    """Field delta, count, then the places as deltas, for each field in turn."""
    out: list[int] = []
    previous = 0
    for field, group in groupby(occurrences, key=itemgetter(0)):
        places = [place for _, place in group]
        out += [field - previous, len(places), places[0], *(b - a for a, b in pairwise(places))]
        previous = field
    return out


def utf16(key: str) -> bytes:
    """The browser compares strings by UTF-16 code units: keys are sorted the same way."""
    return key.encode("utf-16-be")


def packed(sizes: Sequence[int], limit: int) -> list[int]:
    """Where each group of consecutive items starts, a group holding about ``limit`` (at least one item)."""
    starts: list[int] = []
    filled = limit
    for i, size in enumerate(sizes):
        if filled + size > limit and filled:
            starts.append(i)
            filled = 0
        filled += size
    return starts


_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # one encoder for thousands of calls


def _script(name: str, body: str) -> str:
    """The file ``name`` holding ``body``, JSON made by ``_json``."""
    safe = body.replace("</", "<\\/")
    return f"{CALLBACK}({json.dumps(name)},{safe});\n"


@dataclass(frozen=True)
class Corpus:
    """A corpus's files, and what the head says of them: the first key of each keys file, the first
    document of each text file, and the files' names (``{n}`` for the number)."""

    files: dict[str, str]
    keys: list[str]
    texts: list[int]

    def head(self, corpus: str) -> dict[str, object]:
        names = {kind: urls.search_file(corpus, kind, None) for kind in ("keys", "text")}
        return {"keys": self.keys, "texts": self.texts, "files": names}


def corpus_files(corpus: str, fields: Iterable[tuple[int, str]], records: Sequence[object]) -> Corpus:
    """The keys files and text files of a corpus (``main``: the edition's documents; ``other``: the other
    language's text of its units)."""
    found = postings(fields)
    keys = sorted(found, key=utf16)
    # Each key's and each document's JSON is made once: the files are these joined (as json.dumps would).
    entries = [f"{_json(k)}:[{','.join(map(str, encode(found[k])))}]" for k in keys]
    key_starts = packed([len(e) for e in entries], KEYS_BYTES)
    files: dict[str, str] = {}
    for n, (a, b) in enumerate(zip(key_starts, [*key_starts[1:], len(keys)], strict=True)):
        name = urls.search_file(corpus, "keys", n)
        files[name] = _script(name, "{" + ",".join(entries[a:b]) + "}")
    documents = [_json(r) for r in records]
    text_starts = packed([len(d.encode("utf-8")) for d in documents], TEXT_BYTES)
    for n, (a, b) in enumerate(zip(text_starts, [*text_starts[1:], len(records)], strict=True)):
        name = urls.search_file(corpus, "text", n)
        files[name] = _script(name, "[" + ",".join(documents[a:b]) + "]")
    return Corpus(files, ["", *(keys[s] for s in key_starts[1:])], text_starts)


def _fields(texts: Sequence[Texts]) -> Iterable[tuple[int, str]]:
    for i, doc in enumerate(texts):
        yield 2 * i, doc["x"]
        if "f" in doc:
            yield 2 * i + 1, doc["f"]


def files(lang: str, other_lang: str, docs: Sequence[Document], other: Sequence[Texts]) -> dict[str, str]:
    """Every file of an edition's search (``search/…``, named by ``urls.search_file``)."""
    count = {kind: sum(1 for d in docs if d["k"] == kind) for kind in ("unit", "term", "instrument")}
    # The kind of a document follows from its number: units, then terms, then instruments.
    records = [{k: v for k, v in d.items() if k != "k"} for d in docs]
    main = corpus_files("main", _fields(docs), records)
    other_text = corpus_files("other", _fields(other), list(other))
    out = main.files | other_text.files
    symbols: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        for s in d.get("s", []):
            symbols.setdefault(fold(s), []).append(i)
    # Unit references (13(b)) jump: the paragraph of the first unit of each text file.
    first_paragraph = [int(docs[s].get("n", "0").split("(")[0]) if s < count["unit"] else None for s in main.texts]
    head = {
        "lang": lang,
        "other": other_lang,
        "count": count,
        "symbols": sorted(symbols.items()),
        "jump": first_paragraph,
        "main": main.head("main"),
        "otherText": other_text.head("other"),
    }
    out[urls.SEARCH_HEAD] = _script(urls.SEARCH_HEAD, _json(head))
    return out
