"""Stage 2b: segment the Chinese units with a tokenizer taught the term base, and find every term occurrence.

One ``jieba.Tokenizer`` per build. It first serves the pinyin word grouping while its
dictionary is still plain (with the glossary words added, a whole term would be one
"word" and its syllables glued), then learns every term form so that each comes out
as one token. An Aho–Corasick automaton over all forms finds every match in one pass;
the tokens decide how a match counts:
- a token of its own, or a run of whole tokens: the term;
- inside a longer token that is itself a term (可持续发展目标 in 可持续发展目标本地化): nested;
- inside an ordinary longer word (应要求 in 相应要求), or across a word boundary (联大 in
  苏联/大使): another word, not counted. A long form cut this way is reported as a split;
- a form with ``requires`` counts only where its unit also contains one of those strings
  (减缓 of climate mitigation, not 经济增长减缓), one with a ``pattern`` only where the pattern
  matches at its start (本宣言, not 这本宣言式的).
A short form is taught with the least frequency that keeps it whole on its own, so that it
does not re-segment ordinary text around it; a long form (four characters or more) wins outright.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import ahocorasick
import jieba

from .model import Unit
from .romanize import Pinyin, romanize, search_keys
from .source_text import write_whole
from .termbase import RE_LOOSE_SPACE, Term

T = TypeVar("T")
# jieba keeps a run of these characters together; a form with anything else can never be one token.
RE_JIEBA_BLOCK = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")
# A long form wins over any segmentation through it.
TERM_FREQUENCY = 200_000
# Forms this short are taught with a frequency just above their best split (jieba's suggest_freq
# logic), never below the main dictionary's own frequency.
SHORT_FORM = 3
TERM_TAG = "nz"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Occurrence:
    term: str
    unit: str
    paragraph: int
    start: int
    end: int
    form: str
    nested: bool


@dataclass(frozen=True)
class Split:
    """A term the segmenter cut in pieces: the term base or the frequency needs attention."""

    term: str
    unit: str
    form: str


@dataclass(frozen=True, eq=False)
class MainTable:
    """jieba's main dictionary, or the part of it a build needs, read-only: word (and word prefix, with
    frequency 0) → frequency, the dictionary's total, and its four-character set phrases (see
    ``_set_phrases``). ``chars`` None: the whole dictionary.

    jieba only ever looks up substrings of the text it cuts, so the entries made of ``chars`` alone cut any
    text made of them exactly as the whole dictionary would."""

    freq: Mapping[str, int]
    total: int
    set_phrases: frozenset[str]
    chars: frozenset[str] | None = None

    def covers(self, chars: frozenset[str]) -> bool:
        return self.chars is None or chars <= self.chars

    def restricted(self, chars: frozenset[str]) -> MainTable:
        freq = {w: f for w, f in self.freq.items() if chars.issuperset(w)}
        return MainTable(MappingProxyType(freq), self.total, frozenset(p for p in self.set_phrases if p in freq), chars)


@functools.cache
def _whole_table() -> MainTable:
    """jieba's main dictionary, loaded once per process into a tokenizer of our own (about 0.4 s, from
    jieba's own cache file), with the set phrases read from the dictionary file."""
    jieba.setLogLevel(logging.WARNING)
    loader = jieba.Tokenizer()
    loader.initialize()
    return MainTable(MappingProxyType(loader.FREQ), loader.total, _set_phrases(loader.FREQ))


def _set_phrases(freq: Mapping[str, int]) -> frozenset[str]:
    """Four-character set phrases of jieba's dictionary, read 2+2 in pinyin: idioms (tag i), and
    fixed expressions (tag l) whose halves are not words of their own (以人为本, not 自然灾害)."""
    text = JIEBA_DICTIONARY.read_text(encoding="utf-8")
    return frozenset(
        word for word, tag in RE_FOUR_TAGGED.findall(text) if tag == "i" or not (word[:2] in freq and word[2:] in freq)
    )


# A four-character entry of jieba's dictionary ("word frequency tag") tagged idiom (i) or fixed expression (l).
RE_FOUR_TAGGED = re.compile(r"^(\S{4}) \d+ ([il])\s*$", re.MULTILINE)
# The main dictionary jieba loads (jieba.get_dict_file's, without opening it).
JIEBA_DICTIONARY = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
# The form of the stored tables; a change of it, of jieba or of its dictionary starts a new file.
TABLE_FORMAT = 1


def _stored_file(folder: Path, kind: str, key: str) -> Path:
    """The cache file of ``kind`` for what ``key`` names: a new key, a new file."""
    return folder / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.json"


def _read_stored(path: Path, make: Callable[[Any], T]) -> T | None:
    try:
        return make(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):  # unreadable or from another version: made again
        return None


def _table_file(folder: Path) -> Path:
    dictionary = JIEBA_DICTIONARY.stat()
    return _stored_file(
        folder, "jieba", f"{TABLE_FORMAT} {jieba.__version__} {dictionary.st_size} {dictionary.st_mtime_ns}"
    )


@functools.lru_cache(maxsize=2)
def _stored_table(path: Path, changed: int) -> MainTable | None:
    return _read_stored(
        path,
        lambda stored: MainTable(
            MappingProxyType(stored["freq"]),
            stored["total"],
            frozenset(stored["set_phrases"]),
            frozenset(stored["chars"]),
        ),
    )


def main_table(chars: Iterable[str] = (), folder: Path | None = None) -> MainTable:
    """A table that cuts text made of ``chars`` as jieba's whole dictionary does.

    With ``folder`` (the build's cache folder), the part of the dictionary made of the characters seen so
    far is kept there: a later build whose texts bring no new character (an edit seldom does) reads that
    part (a few milliseconds) instead of the whole dictionary and its set phrases (about 0.5 s). A new
    character reads the whole dictionary once and widens the stored part."""
    needed = frozenset(chars)
    if folder is None:
        return _whole_table()
    path = _table_file(folder)
    changed = _changed(path)
    stored = _stored_table(path, changed) if changed >= 0 else None
    if stored is not None and stored.covers(needed):
        return stored
    table = _whole_table().restricted(needed | (stored.chars if stored and stored.chars else frozenset()))
    data = {
        "chars": "".join(sorted(table.chars or ())),
        "total": table.total,
        "set_phrases": sorted(table.set_phrases),
        "freq": dict(sorted(table.freq.items())),
    }
    _store(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return table


def _changed(path: Path) -> int:
    """When the stored file was last written (what its cached reading is keyed by), -1 if there is none."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def _store(path: Path, text: str) -> None:
    """Keep ``text`` in the cache file ``path`` (two editions' builds may write it at once)."""
    with contextlib.suppress(OSError):  # a read-only checkout builds all the same, making it again each time
        write_whole(path, text)


def new_tokenizer(table: MainTable | None = None) -> jieba.Tokenizer:
    """A tokenizer of our own (jieba 0.42's ``FREQ``/``total``) over a copy of ``table`` (by default the
    whole dictionary), so our words never reach jieba's default tokenizer nor the table."""
    table = table or _whole_table()
    tokenizer = jieba.Tokenizer()
    with tokenizer.lock:
        tokenizer.FREQ = dict(table.freq)
        tokenizer.total = table.total
        tokenizer.initialized = True
    return tokenizer


def release() -> None:
    """Forget jieba's tables (about 100 MB in all): a one-off build calls this once its glossary is built,
    so that they do not swell its peak memory while pages render; whatever segments later loads them again."""
    for cached in (
        taught_tokenizer,
        _plain_tokenizer,
        _whole_table,
        _stored_table,
        frequency,
        plain_pinyin,
        _stored_spellings,
    ):
        cached.cache_clear()


def tokenizable(form: str) -> bool:
    return bool(RE_JIEBA_BLOCK.match(form))


@functools.lru_cache(maxsize=2)
def _plain_tokenizer(table: MainTable) -> jieba.Tokenizer:
    """A tokenizer that is never taught: the reference for the frequencies of short forms. It reads the
    table itself, read-only (copying the whole dictionary costs about 0.25 s, a tenth of a small build)."""
    tokenizer = jieba.Tokenizer()
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = table.freq, table.total, True
    return tokenizer


@functools.lru_cache(maxsize=2)
def taught_tokenizer(dictionary: str, table: MainTable | None = None) -> jieba.Tokenizer:
    """A tokenizer taught the lines of a user dictionary, kept while the dictionary and the table are the same.

    Copying jieba's main table costs about 0.6 s, most of an edit's rebuild under ``make serve``;
    an edit to the text or a note leaves the term forms, hence the dictionary, unchanged. Cutting
    text only reads the tokenizer, so sharing it between builds changes no result.
    """
    tokenizer = new_tokenizer(table)
    _learn(tokenizer, dictionary)
    return tokenizer


@functools.lru_cache(maxsize=8192)
def frequency(form: str, table: MainTable | None = None) -> int:
    """What a form is taught with: see the module docstring."""
    if len(form) > SHORT_FORM:
        return TERM_FREQUENCY
    table = table or _whole_table()
    split = 1.0
    for piece in _plain_tokenizer(table).lcut(form, HMM=False):
        split *= table.freq.get(piece, 1) / table.total
    return max(int(split * table.total) + 1, table.freq.get(form, 0))


def user_dictionary(terms: Iterable[Term], table: MainTable | None = None) -> str:
    """jieba's user-dictionary format, for this tokenizer and for Material's search alike."""
    forms = sorted({f for t in terms for f in t.forms if tokenizable(f)})
    return "".join(f"{form} {frequency(form, table)} {TERM_TAG}\n" for form in forms)


def pinyin_words(tokenizer: jieba.Tokenizer, text: str, set_phrases: frozenset[str] | None = None) -> list[str]:
    """The plain dictionary's words, a compound of two words written apart (气候变化 → 气候 变化): the
    dictionary keeps some names and phrases whole that GB/T 16159 writes word by word. ``set_phrases``:
    the tokenizer's table's (by default the whole dictionary's)."""
    phrases = _whole_table().set_phrases if set_phrases is None else set_phrases
    out: list[str] = []
    for word in tokenizer.lcut(text, HMM=False):
        out += _compound(tokenizer, word, phrases)
    return out


def _compound(tokenizer: jieba.Tokenizer, word: str, set_phrases: frozenset[str]) -> list[str]:
    if len(word) < 4 or word in set_phrases:
        return [word]
    splits = [(tokenizer.FREQ.get(word[:i], 0) * tokenizer.FREQ.get(word[i:], 0), i) for i in range(2, len(word) - 1)]
    best, at = max(splits)
    if not best:
        return [word]
    return _compound(tokenizer, word[:at], set_phrases) + _compound(tokenizer, word[at:], set_phrases)


def pinyin_of(
    tokenizer: jieba.Tokenizer,
    text: str,
    override: str | None = None,
    proper: bool = False,
    set_phrases: frozenset[str] | None = None,
) -> Pinyin:
    """Pinyin with the plain dictionary's word grouping; call before ``teach``."""
    phrases = _whole_table().set_phrases if set_phrases is None else set_phrases
    return romanize(text, pinyin_words(tokenizer, text, phrases), override, proper=proper, set_phrases=phrases)


@functools.lru_cache(maxsize=8192)
def plain_pinyin(
    text: str, override: str | None = None, proper: bool = False, table: MainTable | None = None
) -> Pinyin:
    """``pinyin_of`` with the shared untaught tokenizer, once per form (``make serve`` rebuilds often)."""
    table = table or _whole_table()
    return pinyin_of(_plain_tokenizer(table), text, override, proper, table.set_phrases)


# A form to spell: its text, the term base's override (``pinyin``) and whether it is a proper name.
Head = tuple[str, str | None, bool]
# The form of the stored spellings; a change of it, of the rules (romanize.py, this module), of pypinyin or of
# jieba's dictionary starts a new file.
SPELLINGS_FORMAT = 1


@dataclass(frozen=True)
class Spellings:
    """What the glossary asks of pypinyin: the pinyin of each head form, the filter's search keys (toneless
    syllables, initials) of each other form."""

    pinyin: Mapping[Head, Pinyin]
    keys: Mapping[str, tuple[str, str]]


def spellings(heads: Iterable[Head], forms: Iterable[str], table: MainTable, folder: Path | None = None) -> Spellings:
    """The spellings of ``heads`` and ``forms`` (``plain_pinyin``, ``romanize.search_keys``).

    With ``folder`` (the build's cache folder), the spellings made so far are kept there: a build whose forms
    were all spelled before (an edit to the text or a note changes none) neither imports pypinyin nor reads
    its tables (about 0.15 s). A new form is spelled and added to the stored ones."""
    wanted, other = set(heads), set(forms)
    path = _spellings_file(folder) if folder is not None else None
    changed = _changed(path) if path is not None else -1
    stored = (_stored_spellings(path, changed) if path is not None and changed >= 0 else None) or Spellings({}, {})
    if wanted <= stored.pinyin.keys() and other <= stored.keys.keys():
        return stored
    made = Spellings(
        {**stored.pinyin, **{h: plain_pinyin(*h, table=table) for h in wanted - stored.pinyin.keys()}},
        {**stored.keys, **{f: search_keys(f) for f in other - stored.keys.keys()}},
    )
    if path is not None:
        data = {
            "pinyin": [[*h, p.marked, p.toneless, p.initials] for h, p in sorted(made.pinyin.items(), key=str)],
            "keys": [[f, *k] for f, k in sorted(made.keys.items())],
        }
        _store(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return made


def _spellings_file(folder: Path) -> Path:
    rules = hashlib.sha256(b"".join(Path(__file__).with_name(m).read_bytes() for m in ("romanize.py", "segment.py")))
    key = f"{SPELLINGS_FORMAT} {metadata.version('pypinyin')} {_table_file(folder).name} {rules.hexdigest()}"
    return _stored_file(folder, "pinyin", key)


@functools.lru_cache(maxsize=2)
def _stored_spellings(path: Path, changed: int) -> Spellings | None:
    return _read_stored(
        path,
        lambda stored: Spellings(
            {(t, o, bool(p)): Pinyin(m, tl, i) for t, o, p, m, tl, i in stored["pinyin"]},
            {f: (s, i) for f, s, i in stored["keys"]},
        ),
    )


def teach(tokenizer: jieba.Tokenizer, terms: Iterable[Term]) -> None:
    _learn(tokenizer, user_dictionary(terms))


def _learn(tokenizer: jieba.Tokenizer, dictionary: str) -> None:
    for line in dictionary.splitlines():
        form, freq, tag = line.rsplit(" ", 2)
        tokenizer.add_word(form, int(freq), tag)


def compacted(text: str) -> tuple[str, list[int]]:
    """``text`` without loose spaces, and for each kept character its offset in ``text``."""
    drop = {i for m in RE_LOOSE_SPACE.finditer(text) for i in range(m.start(), m.end())}
    offsets = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in offsets), offsets


class TermFinder:
    """Finds term occurrences in units; built once per build over the whole term base."""

    def __init__(self, tokenizer: jieba.Tokenizer, terms: Iterable[Term]) -> None:
        self.tokenizer = tokenizer
        self.automaton = ahocorasick.Automaton()
        self.term_forms: set[str] = set()
        self.conditions: dict[str, tuple[tuple[str, ...], re.Pattern[str] | None]] = {}
        for term in terms:
            for form in term.forms:
                self.automaton.add_word(form, (term.id, form))
                self.term_forms.add(form)
                self.conditions[form] = term.conditions(form)
        self.automaton.make_automaton()

    def tokens(self, text: str) -> list[Token]:
        """Segmentation of ``text``; offsets refer to ``text`` itself."""
        compact, offsets = compacted(text)
        offsets.append(len(text))
        return [
            Token(word, offsets[start], offsets[end - 1] + 1) for word, start, end in self.tokenizer.tokenize(compact)
        ]

    def find(self, unit: Unit) -> tuple[list[Occurrence], list[Split]]:
        compact, offsets = compacted(unit.text)
        if not compact:
            return [], []
        tokens = list(self.tokenizer.tokenize(compact))
        starts = {s: e for _, s, e in tokens}
        covering = [0] * len(compact)
        for index, (_, s, e) in enumerate(tokens):
            for i in range(s, e):
                covering[i] = index
        found: list[Occurrence] = []
        splits: list[Split] = []
        ends = {e for _, _, e in tokens}
        for last, (term_id, form) in self.automaton.iter(compact):
            start, end = last - len(form) + 1, last + 1
            needs, pattern = self.conditions[form]
            if (needs and not any(n in compact for n in needs)) or (pattern and not pattern.match(compact, start)):
                continue  # an ambiguous short form outside the context that makes it the term
            token_text, token_start, token_end = tokens[covering[start]]
            inside_token = token_start <= start and end <= token_end and starts.get(start) != end
            if inside_token and token_text not in self.term_forms:
                continue  # inside an ordinary longer word: another word
            if not inside_token and not (start in starts and end in ends):
                if len(form) > SHORT_FORM and tokenizable(form):
                    splits.append(Split(term_id, unit.uid, form))
                continue  # across a word boundary: another word (联大 in 苏联/大使)
            if not inside_token and starts.get(start) != end and tokenizable(form):
                splits.append(Split(term_id, unit.uid, form))
            orig_start, orig_end = offsets[start], offsets[end - 1] + 1
            found.append(
                Occurrence(
                    term=term_id,
                    unit=unit.uid,
                    paragraph=unit.paragraph,
                    start=orig_start,
                    end=orig_end,
                    form=unit.text[orig_start:orig_end],
                    nested=False,
                )
            )
        found.sort(key=lambda o: (o.start, -o.end, o.term))
        return mark_nested(found), splits


def mark_nested(found: list[Occurrence]) -> list[Occurrence]:
    """Mark each match inside a longer one (可持续发展 in 可持续发展目标本地化) as nested.

    One sweep over the matches sorted by (start, -end): a match is inside a longer one if a match
    that starts earlier ends at or after it, or one that starts with it ends after it. (Comparing
    every pair took minutes for a long paragraph with thousands of matches.)
    """
    out: list[Occurrence] = []
    reach_before = -1  # the furthest end of the matches that start before the current start
    index = 0
    while index < len(found):
        start = found[index].start
        group_end = index
        while group_end < len(found) and found[group_end].start == start:
            group_end += 1
        longest = found[index].end  # the group is sorted by -end
        for o in found[index:group_end]:
            out.append(replace(o, nested=reach_before >= o.end or longest > o.end))
        reach_before = max(reach_before, longest)
        index = group_end
    return out
