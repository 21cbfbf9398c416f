"""The search query suite: query → the units that contain it, checked by hand against the text.

Shared by the browser test (which requires precision 1.0 at k, and for a query of several words
exactly the expected units as full matches) and `make bench` (which prints it). Every word of a query
must be found (AND); a document symbol also finds the units that cite the instrument.
"""

from __future__ import annotations

ALL_CITY = [
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "10",
    "12",
    "13(b)",
    "13(c)",
    "13(d)",
    "13(f)",
    "13(g)",
    "13(h)",
    "15",
    "16",
    "18",
    "21",
]
HABITAT = ["1", "6", "8", "11", "13(h)", "17", "18", "19", "20", "21"]
# The units citing the New Urban Agenda (A/RES/71/256), by symbol, by footnote or by its name.
NUA = ["2", "4", "6", "7", "10", "21"]

QUERIES: list[tuple[str, str, str, list[str]]] = [
    # (edition, kind, query, expected unit ids)
    ("zh", "term", "本地化", ["12", "13(e)"]),
    ("zh", "term", "新城市议程", ["2", "4", "6", "7", "10", "21"]),
    ("zh", "term", "人居署", HABITAT),
    ("zh", "term", "人类住区", ["1", "2", "3", "5", "18"]),
    ("zh", "term", "南南合作", ["12"]),
    ("zh", "term", "适当住房权", ["13(a)"]),
    ("zh", "term", "可持续发展目标", ["2", "5", "6", "9", "12", "13(e)"]),
    ("zh", "term", "气候变化", ["3", "8", "12", "13(b)"]),
    ("zh", "term", "世界城市日", ["15"]),
    ("zh", "term", "智慧城市", ["13(h)"]),
    ("zh", "term", "驻地协调员系统", ["11"]),
    ("zh", "term", "韧性", ["2", "3", "5"]),
    ("zh", "term", "联合国人居大会", ["1", "17", "20"]),
    ("zh", "term", "多层次治理", ["12", "13(d)"]),
    ("zh", "term", "欢迎", ["5", "6", "7", "8", "9", "11", "20"]),
    ("zh", "term", "贫民窟", ["13(d)"]),
    ("zh", "term", "利益攸关方", ["1", "13", "14"]),
    ("zh", "term", "多边主义", ["13"]),
    ("zh", "term", "2030 年可持续发展议程", ["10", "13(e)"]),
    ("zh", "number", "71/256", NUA),
    ("zh", "symbol", "A/RES/71/256", NUA),
    ("zh", "symbol", "FCCC/CP/2022/10/Add.1", ["8"]),
    ("zh", "number", "77/262", ["11"]),
    ("zh", "number", "2024", ["9", "16", "17"]),
    ("zh", "mixed", "1/CP.27", ["8"]),
    ("zh", "mixed", "CP.27 号决定", ["8"]),
    ("zh", "mixed", "目标 11", ["2"]),
    ("zh", "mixed", "2030年", ["10", "13(e)"]),
    ("zh", "mixed", "A/76/639", ["6"]),
    ("zh", "char", "水", ["9", "13(a)"]),
    ("zh", "char", "城", ALL_CITY),
    ("zh", "word", "内罗毕", ["1", "20"]),
    ("zh", "word", "沙姆沙伊赫", ["8"]),
    ("en", "term", "localization", ["12", "13(e)"]),
    ("en", "term", "New Urban Agenda", ["2", "4", "6", "7", "10", "21"]),
    ("en", "term", "UN-Habitat", HABITAT),
    ("en", "term", "human settlements", ["1", "2", "3", "5", "18"]),
    ("en", "term", "South-South", ["12"]),
    ("en", "term", "right to adequate housing", ["13(a)"]),
    ("en", "term", "climate change", ["3", "8", "12", "13(b)"]),
    ("en", "term", "smart city", ["13(h)"]),
    ("en", "term", "resilient", ["2", "3"]),
    ("en", "term", "resilience", ["5"]),
    ("en", "term", "Urban October", ["15"]),
    ("en", "term", "multilevel governance", ["12", "13(d)"]),
    ("en", "term", "welcome", ["5", "6", "7", "8", "9", "11", "20"]),
    ("en", "term", "Member States", ["3", "6", "13", "18"]),
    ("en", "term", "stakeholders", ["1", "13"]),
    ("en", "term", "slums", ["13(d)"]),
    ("en", "term", "homelessness", ["13(a)"]),
    ("en", "term", "World Urban Forum", ["16"]),
    ("en", "term", "Executive Director", ["6", "21"]),
    ("en", "term", "biodiversity", ["3", "13(b)"]),
    ("en", "term", "2030 Agenda", ["10", "13(e)"]),
    ("en", "number", "71/256", NUA),
    ("en", "symbol", "A/RES/71/256", NUA),
    ("en", "symbol", "FCCC/CP/2022/10/Add.1", ["8"]),
    ("en", "phrase", '"New Urban Agenda"', NUA),
    ("en", "phrase", '"right to adequate housing"', ["13(a)"]),
    ("en", "number", "resolution 77/262", ["11"]),
    ("en", "number", "Goal 11", ["2"]),
    ("en", "number", "2024", ["9", "16", "17"]),
    ("en", "mixed", "decision 1/CP.27", ["8"]),
    ("en", "mixed", "A/76/639", ["6"]),
    ("en", "word", "Nairobi", ["1", "20"]),
    ("en", "word", "water", ["9"]),
    ("en", "word", "Sharm el-Sheikh", ["8"]),
]


# Unit references: the first result is a direct jump to the unit.
JUMPS: list[tuple[str, str, str]] = [
    ("zh", "13(b)", "13(b)"),
    ("zh", "第13段(b)", "13(b)"),
    ("zh", "第13段（b）", "13(b)"),
    ("zh", "¶13", "13"),
    ("en", "13 b", "13(b)"),
    ("en", "para. 13 (b)", "13(b)"),
    ("en", "paragraph 13", "13"),
    ("en", "¶13", "13"),
]
# A query in the other language's script finds the units through the other language's text.
ACROSS: list[tuple[str, str, list[str]]] = [
    ("en", "本地化", ["12", "13(e)"]),
    ("en", "新城市议程", NUA),
    ("zh", "localization", ["12", "13(e)"]),
    ("zh", "smart city", ["13(h)"]),
]


def unit_id(url: str) -> str:
    """``13/#para_13__list_1__point_a`` → ``13(a)``."""
    page, anchor = url.split("/#")
    letter = anchor.rsplit("point_", 1)[1] if "point_" in anchor else None
    return f"{page}({letter})" if letter else page


def precision_at_k(ranked_units: list[str], expected: list[str]) -> float:
    k = len(expected)
    return len(set(ranked_units[:k]) & set(expected)) / k
