"""The search's shard writer (hooks/unhabitat/search_shards.py): tokens, postings, files and head."""

from __future__ import annotations

import json
import re

from unhabitat import search_shards, urls
from unhabitat.search_shards import SUFFIX, Token, encode, fold, packed, postings, tokens

RE_FILE = re.compile(r'^declarationSearchFile\((".*?"),(.*)\);\n$', re.S)


def read(files: dict[str, str], name: str):
    m = RE_FILE.match(files[name])
    assert m and json.loads(m.group(1)) == name
    return json.loads(m.group(2))


def test_tokens_are_words_of_a_to_z_and_digits_and_every_other_character_alone():
    found = tokens(fold("UN-Habitat  Assembly (2024), 人居署"))
    assert [t.text for t in found] == ["un", "-", "habitat", "assembly", "(", "2024", ")", ",", "人", "居", "署"]
    assert [t.spaced for t in found] == [False, False, False, True, True, False, False, False, True, False, False]
    # Directly after a word: the hyphen and the closing parenthesis; never a word itself.
    assert [t.text for t in found if t.glued] == ["-", ")"]
    assert Token("x", 5, True, True).place == 5 * 4 + 2 + 1


def test_folding_is_the_browsers():
    assert fold("ＡＢＣ　１２") == "abc 12"  # NFKC, then lower case
    assert [t.text for t in tokens(fold("第１３段"))] == ["第", "13", "段"]


def test_postings_hold_each_occurrence_with_its_field_and_place():
    found = postings([(0, "water and water"), (1, "Water"), (4, "no")])
    assert found["water"] == [(0, 0), (0, 2 * 4 + 1), (1, 0)]
    assert found["and"] == [(0, 1 * 4 + 1)]
    assert SUFFIX + "ater" not in found  # suffixes only where the field holds Han text


def test_words_in_han_text_are_also_filed_under_their_suffixes():
    found = postings([(2, "《2030年议程》")])
    assert found["2030"] == found[SUFFIX + "030"] == found[SUFFIX + "0"] == [(2, 4)]
    assert SUFFIX + "2030" not in found


def test_encoding_is_field_deltas_counts_and_place_deltas():
    assert encode([(0, 4), (0, 12), (3, 0), (3, 8), (3, 9)]) == [0, 2, 4, 8, 3, 3, 0, 8, 1]


def test_packing_starts_a_group_when_the_next_item_would_overflow_it():
    assert packed([5, 5, 5, 20, 1], 10) == [0, 2, 3, 4]
    assert packed([], 10) == []


DOCS = [
    {"k": "unit", "u": "1/#para_1", "n": "1", "t": "第1段", "x": "我们欢迎人居署的工作。", "f": "A/RES/71/256号决议"},
    {"k": "unit", "u": "2/#para_2", "n": "2", "t": "第2段", "x": "2030 年可持续发展议程", "s": ["A/RES/71/256"]},
    {"k": "term", "u": "glossary/un-habitat/", "t": "人居署", "x": "人居署 · UN-Habitat"},
    {
        "k": "instrument",
        "u": "instruments/a-res-71-256/",
        "t": "A/RES/71/256",
        "x": "新城市议程",
        "s": ["A/RES/71/256"],
    },
]
OTHER = [{"x": "We welcome the work of UN-Habitat.", "f": "resolution 71/256"}, {"x": "the 2030 Agenda"}]


def test_an_editions_files_are_named_by_the_address_book_and_the_head_says_what_is_where():
    files = search_shards.files("zh", "en", DOCS, OTHER)
    assert set(files) == {
        urls.SEARCH_HEAD,
        *(n for n in files if re.fullmatch(r"search/(other-)?(keys|text)-\d+\.js", n)),
    }
    head = read(files, urls.SEARCH_HEAD)
    assert head["count"] == {"unit": 2, "term": 1, "instrument": 1}
    assert head["symbols"] == [["a/res/71/256", [1, 3]]]
    assert head["main"]["files"] == {"keys": "search/keys-{n}.js", "text": "search/text-{n}.js"}
    assert head["otherText"]["files"] == {"keys": "search/other-keys-{n}.js", "text": "search/other-text-{n}.js"}
    # The documents, in order, without their kind (it follows from the counts).
    texts = [d for n in range(len(head["main"]["texts"])) for d in read(files, f"search/text-{n}.js")]
    assert texts == [{k: v for k, v in d.items() if k != "k"} for d in DOCS]
    assert head["jump"][0] == 1


def test_every_key_is_in_the_file_the_head_points_to():
    files = search_shards.files("zh", "en", DOCS, OTHER)
    head = read(files, urls.SEARCH_HEAD)
    firsts = head["main"]["keys"]
    assert firsts[0] == "" and firsts == sorted(firsts, key=search_shards.utf16)
    every = postings([(0, DOCS[0]["x"]), (1, DOCS[0]["f"]), (2, DOCS[1]["x"]), (4, DOCS[2]["x"]), (6, DOCS[3]["x"])])
    for key, occurrences in every.items():
        n = max(i for i, first in enumerate(firsts) if search_shards.utf16(first) <= search_shards.utf16(key))
        assert read(files, f"search/keys-{n}.js")[key] == encode(occurrences)


def test_files_are_deterministic_and_scale_with_the_text():
    assert search_shards.files("zh", "en", DOCS, OTHER) == search_shards.files("zh", "en", DOCS, OTHER)
    many = [{**d, "x": d["x"] + f" 第{i}次" * 50} for i in range(60) for d in DOCS[:1]]
    files = search_shards.files("zh", "en", many, OTHER)
    keys = [n for n in files if re.fullmatch(r"search/keys-\d+\.js", n)]
    assert 1 < len(keys) < len(many)
    assert all(len(files[n]) < 4 * search_shards.KEYS_BYTES for n in keys)
