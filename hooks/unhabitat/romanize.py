"""Pinyin for terms after GB/T 16159-2012 (Basic rules of the Chinese phonetic alphabet orthography).

Input: a term, its words (the segmenter's, see ``segment.pinyin_words``), whether it is a proper
name, and the four-character set phrases of the dictionary. Output: the tone-marked spelling,
and toneless and initials forms for the glossary filter. The rules, each with its clause:
- readings in context that pypinyin's word table misses (多重 duōchóng, 以…为 wéi, 应要求 yìng),
  and neutral tones (认识 rènshi);
- 一 and 不 in their base tone (the standard spells the citation tone, not the sandhi);
- syllables of a word written together, an apostrophe before a, o, e inside a word (§ 7.2);
- a hyphen after 第 before a numeral (dì-èr), in coordinate abbreviations (zhōng-xiǎo) and
  between the halves of a four-character set phrase read 2+2 (wújiā-kěguī);
- in a proper name every word capitalised, function words excepted (Liánhéguó Rénjū Dàhuì).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Word readings pypinyin gets wrong for the sense used in UN texts (现代汉语词典).
READINGS = {
    "多重": ("duō", "chóng"),
    "认识": ("rèn", "shi"),
    "框架": ("kuàng", "jià"),
}
# Readings decided by the characters around them: (pattern, index of the character in the match, reading).
CONTEXT_READINGS = (
    (re.compile(r"以[\u4e00-\u9fff]{1,4}?为"), -1, "wéi"),  # 以行动为导向: 以…为 "take … as"
    (re.compile(r"应(?=要求|邀|约|请)"), 0, "yìng"),  # 应要求: "in response to"
)
BASE_TONES = {"一": "yī", "不": "bù"}
# Coordinate abbreviations written with a hyphen (中小学 zhōng-xiǎoxué).
COORDINATES = ("中小", "大中", "南北", "南南", "东西", "中长")
NUMERALS = "一二三四五六七八九十百千零两"
# Words GB/T 16159 writes solid that the segmenter's dictionary lacks (it cuts 可持续 as 可/持续).
SOLID_WORDS = frozenset({"可持续", "住区", "四年期", "四年度", "续会"})
# Words not capitalised inside a proper name.
FUNCTION_WORDS = frozenset({"和", "与", "及", "的", "之", "于", "在"})
QUOTES = "“”‘’"
VOWEL_START = re.compile(r"^[aoeāáǎàōóǒòēéěè]")


@dataclass(frozen=True)
class Pinyin:
    marked: str  # xīn chéngshì yìchéng
    toneless: str  # xin chengshi yicheng
    initials: str  # xcsyc


def _lazy_pinyin(text: str, style: str, errors: str = "default") -> list[str]:
    """pypinyin's ``lazy_pinyin`` in ``style`` (a ``pypinyin.Style`` name). pypinyin is imported on first use:
    loading its tables costs about 0.13 s, which a build whose spellings are all stored (``segment.spellings``)
    does not pay."""
    import pypinyin

    return pypinyin.lazy_pinyin(text, style=getattr(pypinyin.Style, style), errors=errors)


def toneless(marked: str) -> str:
    decomposed = unicodedata.normalize("NFD", marked)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).lower()


def search_keys(text: str) -> tuple[str, str]:
    """Toneless syllables run together and initials, for matching what a reader types in the filter."""
    syllables = _lazy_pinyin(text, "NORMAL", errors="ignore")
    letters = _lazy_pinyin(text, "FIRST_LETTER", errors="ignore")
    return "".join(syllables).lower(), "".join(s for s in letters if s.isalpha()).lower()


def split_words(words: Iterable[str]) -> list[str]:
    """The segmenter's words, rejoined where they make a solid word, with 第+numeral and coordinate
    abbreviations cut off as words of their own."""
    out: list[str] = []
    for word in _solid(list(words)):
        ordinal = re.match(rf"^第[{NUMERALS}]+", word)
        head = ordinal.group() if ordinal else next((c for c in COORDINATES if word.startswith(c)), None)
        if head and len(word) > len(head):
            out += [head, word[len(head) :]]
        else:
            out.append(word)
    return out


def _solid(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        for size in (2, 1):
            joined = "".join(out[-size:]) + word
            if len(out) >= size and joined in SOLID_WORDS:
                del out[-size:]
                word = joined
                break
        out.append(word)
    return out


def _readings(term: str) -> dict[int, str]:
    """Character offset in ``term`` → reading, for the readings decided by context."""
    fixed: dict[int, str] = {}
    for pattern, index, reading in CONTEXT_READINGS:
        for m in pattern.finditer(term):
            fixed[m.start() + (index if index >= 0 else len(m.group()) + index)] = reading
    for i, char in enumerate(term):
        if char in BASE_TONES:
            fixed[i] = BASE_TONES[char]
    return fixed


def _syllables(word: str) -> list[str]:
    if word in READINGS:
        return list(READINGS[word])
    return _lazy_pinyin(word, "TONE")  # a run without pinyin (2030, SDG) stays one item


def _spell(word: str, syllables: Sequence[str], set_phrases: frozenset[str]) -> str:
    if re.fullmatch(rf"第[{NUMERALS}]+", word) and len(syllables) > 1:
        return f"{syllables[0]}-{_join(syllables[1:])}"
    if word in COORDINATES or (len(word) == 4 and word in set_phrases):
        half = len(syllables) // 2
        return f"{_join(syllables[:half])}-{_join(syllables[half:])}"
    return _join(syllables)


def _join(syllables: Sequence[str]) -> str:
    out = syllables[0] if syllables else ""
    for s in syllables[1:]:
        out += f"'{s}" if VOWEL_START.match(s) and out[-1:].isalpha() else s
    return out


def _capitalise(spelled: str) -> str:
    for i, c in enumerate(spelled):
        if c.isalpha():
            return spelled[:i] + c.upper() + spelled[i + 1 :]
    return spelled


def romanize(
    term: str,
    words: Iterable[str],
    override: str | None = None,
    *,
    proper: bool = False,
    set_phrases: frozenset[str] = frozenset(),
) -> Pinyin:
    """Pinyin of ``term`` segmented as ``words``; ``override`` replaces what the rules cannot read."""
    if override:
        marked = override
    else:
        fixed = _readings(term)
        groups: list[str] = []
        at = 0
        for word in split_words(words):
            start = term.find(word, at)
            at = start + len(word) if start >= 0 else at
            bare = word.strip(QUOTES + "《》 ")
            if not bare:
                groups.append(word.strip("《》 "))
                continue
            syllables = _syllables(bare)
            if start >= 0 and len(syllables) == len(bare):
                offset = start + word.index(bare)
                syllables = [fixed.get(offset + i, s) for i, s in enumerate(syllables)]
            spelled = _spell(bare, syllables, set_phrases)
            if proper and bare not in FUNCTION_WORDS:
                spelled = _capitalise(spelled)
            groups.append(word.replace(bare, spelled).replace("《", "").replace("》", ""))
        marked = " ".join(g for g in groups if g.strip())
        marked = re.sub(r"([“‘]) | ([”’])| ?([–-]) ?(?=\d)", lambda m: m.group(1) or m.group(2) or m.group(3), marked)
    letters = _lazy_pinyin(term, "FIRST_LETTER", errors="ignore")
    initials = "".join(s for s in letters if s.isalpha()).lower()
    return Pinyin(marked=marked, toneless=toneless(marked), initials=initials)
