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

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from types import MappingProxyType

import ahocorasick
import jieba

from .model import Unit
from .romanize import Pinyin, romanize
from .termbase import RE_LOOSE_SPACE, Term

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


@functools.cache
def _main_dictionary() -> tuple[MappingProxyType[str, int], int]:
    """jieba's main dictionary as loaded, read-only, once per process.

    Loading it costs about 0.6 s, and Material's search loads it into jieba's default
    tokenizer anyway. Our ``on_config`` runs before the search plugin adds the user
    dictionary to that tokenizer, so the first call sees the plain table; later builds in
    the same process (``make serve``, the English edition after the Chinese) reuse it.
    """
    jieba.setLogLevel(logging.WARNING)
    jieba.dt.initialize()
    return MappingProxyType(dict(jieba.dt.FREQ)), jieba.dt.total


def new_tokenizer() -> jieba.Tokenizer:
    """A tokenizer of our own (jieba 0.42's ``FREQ``/``total``), so our words never reach the default one."""
    frequencies, total = _main_dictionary()
    tokenizer = jieba.Tokenizer()
    with tokenizer.lock:
        tokenizer.FREQ = dict(frequencies)
        tokenizer.total = total
        tokenizer.initialized = True
    return tokenizer


def release() -> None:
    """Forget jieba's tables (about 100 MB in all): a one-off build calls this once its glossary is built,
    so that they do not swell its peak memory while pages render; whatever segments later loads them again."""
    for cached in (taught_tokenizer, _plain_tokenizer, _main_dictionary, frequency):
        cached.cache_clear()
    with jieba.dt.lock:  # the default tokenizer, which _main_dictionary initialised; it initialises again on use
        jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = {}, 0, False


def tokenizable(form: str) -> bool:
    return bool(RE_JIEBA_BLOCK.match(form))


@functools.cache
def _plain_tokenizer() -> jieba.Tokenizer:
    """A tokenizer that is never taught: the reference for the frequencies of short forms. It reads the
    main table itself, read-only (copying it costs about 0.25 s, a tenth of a small build)."""
    frequencies, total = _main_dictionary()
    tokenizer = jieba.Tokenizer()
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = frequencies, total, True
    return tokenizer


@functools.lru_cache(maxsize=2)
def taught_tokenizer(dictionary: str) -> jieba.Tokenizer:
    """A tokenizer taught the lines of a user dictionary, kept while the dictionary is the same.

    Copying jieba's main table costs about 0.6 s, most of an edit's rebuild under ``make serve``;
    an edit to the text or a note leaves the term forms, hence the dictionary, unchanged. Cutting
    text only reads the tokenizer, so sharing it between builds changes no result.
    """
    tokenizer = new_tokenizer()
    _learn(tokenizer, dictionary)
    return tokenizer


@functools.cache
def frequency(form: str) -> int:
    """What a form is taught with: see the module docstring."""
    if len(form) > SHORT_FORM:
        return TERM_FREQUENCY
    table, total = _main_dictionary()
    split = 1.0
    for piece in _plain_tokenizer().lcut(form, HMM=False):
        split *= table.get(piece, 1) / total
    return max(int(split * total) + 1, table.get(form, 0))


def user_dictionary(terms: Iterable[Term]) -> str:
    """jieba's user-dictionary format, for this tokenizer and for Material's search alike."""
    forms = sorted({f for t in terms for f in t.forms if tokenizable(f)})
    return "".join(f"{form} {frequency(form)} {TERM_TAG}\n" for form in forms)


@functools.cache
def set_phrases() -> frozenset[str]:
    """Four-character set phrases of jieba's dictionary, read 2+2 in pinyin: idioms (tag i), and
    fixed expressions (tag l) whose halves are not words of their own (以人为本, not 自然灾害)."""
    table, _ = _main_dictionary()
    with jieba.get_dict_file() as lines:
        entries = (line.decode("utf-8").split(" ") for line in lines)
        return frozenset(
            word
            for word, _, tag in entries
            if len(word) == 4
            and (tag.strip() == "i" or (tag.strip() == "l" and not (word[:2] in table and word[2:] in table)))
        )


def pinyin_words(tokenizer: jieba.Tokenizer, text: str) -> list[str]:
    """The plain dictionary's words, a compound of two words written apart (气候变化 → 气候 变化): the
    dictionary keeps some names and phrases whole that GB/T 16159 writes word by word."""
    out: list[str] = []
    for word in tokenizer.lcut(text, HMM=False):
        out += _compound(tokenizer, word)
    return out


def _compound(tokenizer: jieba.Tokenizer, word: str) -> list[str]:
    if len(word) < 4 or word in set_phrases():
        return [word]
    splits = [(tokenizer.FREQ.get(word[:i], 0) * tokenizer.FREQ.get(word[i:], 0), i) for i in range(2, len(word) - 1)]
    best, at = max(splits)
    if not best:
        return [word]
    return _compound(tokenizer, word[:at]) + _compound(tokenizer, word[at:])


def pinyin_of(tokenizer: jieba.Tokenizer, text: str, override: str | None = None, proper: bool = False) -> Pinyin:
    """Pinyin with the plain dictionary's word grouping; call before ``teach``."""
    return romanize(text, pinyin_words(tokenizer, text), override, proper=proper, set_phrases=set_phrases())


@functools.lru_cache(maxsize=8192)
def plain_pinyin(text: str, override: str | None = None, proper: bool = False) -> Pinyin:
    """``pinyin_of`` with the shared untaught tokenizer, once per form (``make serve`` rebuilds often)."""
    return pinyin_of(_plain_tokenizer(), text, override, proper)


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
