"""Pinyin for terms: tone-marked and grouped by word, plus toneless and initials forms for filtering."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin


@dataclass(frozen=True)
class Pinyin:
    marked: str  # xīn chéngshì yìchéng
    toneless: str  # xin chengshi yicheng
    initials: str  # xcsyc


def toneless(marked: str) -> str:
    decomposed = unicodedata.normalize("NFD", marked)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).lower()


def romanize(term: str, words: Iterable[str], override: str | None = None) -> Pinyin:
    """Pinyin of ``term`` segmented as ``words``; ``override`` replaces a grouping that reads wrong."""
    if override:
        marked = override
    else:
        groups = ("".join(lazy_pinyin(w, style=Style.TONE)) for w in words)
        marked = " ".join(g for g in groups if g.strip() and g not in "“”《》")
    letters = lazy_pinyin(term, style=Style.FIRST_LETTER, errors="ignore")
    initials = "".join(s for s in letters if s.isalpha()).lower()
    return Pinyin(marked=marked, toneless=toneless(marked), initials=initials)
