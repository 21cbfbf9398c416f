"""`make bench`: what the build and the reader pay, measured in one run on this machine.

Figures are reported as ratios where the machine's speed would otherwise dominate them.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests"), str(ROOT / "tests" / "browser")]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import gzip  # noqa: E402
import json  # noqa: E402

from browsing import TYPE, launch, serve  # noqa: E402
from list_editions import editions  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from search_queries import QUERIES, precision_at_k, unit_id  # noqa: E402
from serve_editions import build_edition, build_editions  # noqa: E402
from unhabitat.glossary import build_glossary  # noqa: E402
from unhabitat.register import load_instruments  # noqa: E402
from unhabitat.segment import release  # noqa: E402
from unhabitat.source_text import read_source  # noqa: E402
from unhabitat.termbase import load_terms  # noqa: E402


def timed(fn, repeat: int = 3) -> float:
    """Median wall time of ``fn`` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def clear_caches() -> None:
    """What a first build pays: jieba's tables, the taught tokenizer and the pinyin are kept between builds
    of one process."""
    release()


def build_times() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)

        zh = timed(lambda: build_edition("zh", str(site)))
        en = timed(lambda: build_edition("en", str(site)))
    text = read_source(ROOT / "source/declaration.zh.txt")
    symbols = frozenset(load_instruments(ROOT / "glossary/instruments.yml", "instruments.yml"))
    terms = load_terms(ROOT / "glossary/terms.yml", "terms.yml", symbols)
    # As a build runs it: the part of jieba's dictionary its characters need, from the build's cache folder.
    kept = ROOT / "build" / "segmentation"
    glossary = timed(lambda: (clear_caches(), build_glossary(terms, text, cache=kept)))
    whole = timed(lambda: (clear_caches(), build_glossary(terms, text)))
    return [
        "## Build (median of 3, seconds)",
        f"zh edition: {zh:.2f}   en edition: {en:.2f}",
        f"glossary stage (tokenizer, pinyin, occurrences of {len(terms)} terms): {glossary:.2f}; reading the whole"
        f" of jieba's dictionary (a text with a character no build has seen yet): {whole:.2f}",
        f"glossary share of an edition's build: {glossary / zh:.0%} (zh), {glossary / en:.0%} (en)",
        "",
    ]


def first_visit(page, url: str) -> tuple[list[str], float]:
    """Every request of a first visit to ``url`` (cold cache): status, bytes raw and gzipped; the total gzipped."""
    seen: list = []
    failed: list[str] = []
    page.on("response", lambda r: seen.append(r))
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    page.goto(url, wait_until="networkidle")
    lines, total_raw, total_packed = [], 0, 0
    for response in seen:
        body = response.body() if response.status < 300 else b""
        raw, packed = len(body), len(gzip.compress(body, mtime=0)) if body else 0
        total_raw, total_packed = total_raw + raw, total_packed + packed
        name = response.url.split("/", 3)[-1]
        lines.append(f"    {response.status} /{name}: {raw / 1024:.1f} KB, {packed / 1024:.1f} KB gzipped")
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")
    lines.append(
        f"    total: {len(seen)} requests, {total_raw / 1024:.0f} KB, {total_packed / 1024:.1f} KB gzipped "
        f"(goal 80 KB); failed: {len(failed)} {failed if failed else ''}".rstrip()
    )
    return lines, total_packed / 1024


def query_bytes(page, query: str) -> tuple[float, int]:
    """(KB gzipped, requests) of every response from typing ``query`` to its results shown."""
    seen: list = []

    def record(response) -> None:
        seen.append(response)

    page.on("response", record)
    page.evaluate(TYPE, query)
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return sum(len(gzip.compress(r.body(), mtime=0)) for r in seen if r.status < 300) / 1024, len(seen)


def first_query(browser, base: str, lang: str) -> tuple[float, int, float, list[float]]:
    """(KB gzipped, requests) of every response the first query of a visit brings (the suite's first query
    in ``lang``): from focusing the search box of /<lang>/13/ to the results shown, whatever the search
    fetches for it; the median keystroke-to-results time of the edition's queries, in ms; and the KB
    gzipped each later query of the suite fetches (the shards it needs that earlier ones did not)."""
    queries = [q for edition, _, q, _ in QUERIES if edition == lang]
    page = browser.new_page()
    page.goto(f"{base}/{lang}/13/", wait_until="networkidle")
    packed, requests = query_bytes(page, queries[0])
    later = [query_bytes(page, q)[0] for q in queries[1:]]
    typing = statistics.median(keystrokes(page, queries, rounds=3))
    page.close()
    return packed, requests, typing, later


def keystrokes(page, queries: list[str], rounds: int) -> list[float]:
    """Milliseconds from an input event to the results rendered, each query ``rounds`` times (its shards
    fetched by an earlier round or query)."""
    return page.evaluate(
        """async ([queries, rounds]) => {
          const input = document.getElementById("decl-search-input");
          const times = [];
          for (let round = 0; round < rounds; round++) {
            for (const q of queries) {
              const rendered = new Promise(done =>
                window.addEventListener("decl-search-rendered", done, { once: true }));
              input.value = q;
              const start = performance.now();
              input.dispatchEvent(new Event("input"));
              await rendered;
              times.push(performance.now() - start);
            }
          }
          return times;
        }""",
        [queries, rounds],
    )


def first_queries(site: Path) -> dict[str, tuple[float, int, float, list[float]]]:
    """``first_query`` of each edition of a built site."""
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        found = {lang: first_query(browser, base, lang) for lang in (e.lang for e in editions())}
        browser.close()
    return found


def reader_side(site: Path) -> list[str]:
    lines = ["## Reader side"]
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        for lang in ("zh", "en"):
            page = browser.new_page()
            lines.append(f"{lang}: whole first visit of /{lang}/13/, every request:")
            visit, _ = first_visit(page, f"{base}/{lang}/13/")
            lines += visit
            search = site / lang / "search"
            for label, pattern in (
                ("head", "head.js"),
                ("postings", "keys-*.js"),
                ("documents", "text-*.js"),
                ("other language", "other-*.js"),
            ):
                shards = [p.read_bytes() for p in search.glob(pattern)]
                packed = sum(len(gzip.compress(b, mtime=0)) for b in shards)
                lines.append(
                    f"{lang}: search {label}: {len(shards)} files, {sum(map(len, shards)) / 1024:.0f} KB, "
                    f"{packed / 1024:.1f} KB gzipped"
                )
            size, requests, _typing, later = first_query(browser, base, lang)
            query = next(q for e, _, q, _ in QUERIES if e == lang)
            lines.append(
                f"{lang}: the first query ({query}) downloads {size:.1f} KB gzipped in {requests} requests "
                "(counted in the browser, from focus to results; goal about 15 KB)"
            )
            lines.append(
                f"{lang}: each later query of the suite downloads median {statistics.median(later):.1f} KB, "
                f"max {max(later):.1f} KB gzipped"
            )
            page.focus("#decl-search-input")
            timings = keystrokes(page, [q for edition, _, q, _ in QUERIES if edition == lang], rounds=5)
            lines.append(
                f"{lang}: keystroke to results (shards fetched), median of {len(timings)}: "
                f"{statistics.median(timings):.2f} ms, max {max(timings):.2f} ms (goal 50 ms)"
            )
            lines += precision(page, lang)
            page.close()
        browser.close()
    return [*lines, ""]


def precision(page, lang: str) -> list[str]:
    run = """q => new Promise(done => window.declSearch.search(q, hits => done(
      hits.map(h => [h.group, h.doc.k, h.doc.u]))))"""
    by_kind: dict[str, list[float]] = {}
    exact = several = 0
    for edition, kind, query, expected in QUERIES:
        if edition != lang:
            continue
        ranked = [unit_id(u) for g, k, u in page.evaluate(run, query) if g == "full" and k == "unit"]
        by_kind.setdefault(kind, []).append(precision_at_k(ranked, expected))
        if len(query.split()) > 1:
            several += 1
            exact += sorted(ranked) == sorted(expected)
    cells = ", ".join(f"{kind} {statistics.mean(v):.2f} ({len(v)})" for kind, v in sorted(by_kind.items()))
    return [
        f"{lang}: search precision at k (k = expected units), mean by kind (queries): {cells}",
        f"{lang}: queries of several words whose full matches are exactly the expected units: {exact}/{several}",
    ]


# The peak is the process's own (VmHWM): getrusage's ru_maxrss keeps, across exec, the peak of the bench process
# that forked it, which hid every build smaller than the bench itself (1x and 10x read as equal to plain Material).
MEASURE = """
import sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
start = time.perf_counter()
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(time.perf_counter() - start, peak)
"""


def measured_build(config: Path, site: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds, peak MB, pages) of one build in a fresh process."""
    import subprocess

    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(config), str(site)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if run.returncode:
        errors = [line for line in run.stderr.splitlines() if line.startswith("ERROR")] or run.stderr.splitlines()[-5:]
        raise SystemExit(f"bench: the build of {config} into {site} failed:\n" + "\n".join(errors))
    seconds, peak_kb = run.stdout.split()[-2:]
    return float(seconds), int(peak_kb) / 1024, sum(1 for _ in site.rglob("*.html"))


def _our_extensions() -> list:
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        return yaml_load(f)["markdown_extensions"]


def plain_material(sources: dict[str, str], data: dict[str, str], lang: str, folder: Path) -> Path:
    """The same Markdown pages as our build, written out, with a plain Material configuration."""
    from unhabitat import render
    from unhabitat.pipeline import load_build

    built = load_build(ROOT, sources, data, lang)
    edition = built.edition
    pages = built.pages
    docs = folder / "docs"
    for name, content in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(content, encoding="utf-8")
    config = {
        "site_name": edition.text.header.title,
        "docs_dir": str(docs),
        "theme": {
            "name": "material",
            "language": lang,
            "font": False,
            "features": ["navigation.footer", "navigation.prune"],
        },
        # The pages' own Markdown extensions (mkdocs.yml): the same HTML to parse and write, not raw Markdown left
        # inside containers. The site's own extension (mdx) is not there: the hook adds it.
        "markdown_extensions": _our_extensions(),
        "plugins": [{"search": {"lang": lang}}],
        "nav": render.navigation(edition),
        "not_in_nav": "/glossary/*.md\n/glossary/*/*.md\n/instruments/*.md\n/full-*.md\n",
    }
    path = folder / "mkdocs.yml"
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return path


def scale() -> list[str]:
    from synthetic import term_base, write_texts

    zh = read_source(ROOT / "source/declaration.zh.txt")
    en = read_source(ROOT / "source/declaration.en.txt")
    lines = [
        "## Scale: both editions, ours against plain Material on the same pages (one run each)",
        "Copies after the first are reworded (30 % of Han characters and English words replaced).",
        "size | edition | pages | ours s | ours ms/page | plain ms/page | ratio | ours MB | plain MB | ratio"
        " | first query KB gz (requests) | later queries KB gz, median | keystroke ms",
    ]
    per_page: dict[int, float] = {}
    plain_per_page: dict[int, float] = {}
    # Seconds per MB of the pages' Markdown, ours and plain Material's: pages grow with the text (a full-text
    # page holds up to 200 paragraphs, a term's concordance up to 200 occurrences), so a page costs more at 100x.
    per_mb: dict[int, list[float]] = {}
    plain_per_mb: dict[int, list[float]] = {}
    against_plain: dict[int, list[float]] = {}
    memory: dict[int, list[float]] = {}
    queried: dict[int, list[float]] = {}
    typed: dict[int, list[float]] = {}
    afterwards: dict[int, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for copies in (1, 10, 100):
            folder = root / f"x{copies}"
            zh_path, en_path = write_texts(zh, en, copies, folder)
            terms = ROOT / "glossary/terms.yml"
            if copies == 100:
                terms = term_base(terms, read_source(zh_path), 1000, folder / "terms.yml")
            env = {"DECLARATION_ZH": str(zh_path), "DECLARATION_EN": str(en_path), "GLOSSARY_TERMS": str(terms)}
            sources = {"zh": str(zh_path), "en": str(en_path)}
            data = {"terms": str(terms), "instruments": str(ROOT / "glossary/instruments.yml")}
            costs, plain_costs, rows = [], [], []
            for lang in (e.lang for e in editions()):
                ours = measured_build(ROOT / "mkdocs.yml", folder / "site" / lang, {**env, "DECLARATION_EDITION": lang})
                plain = measured_build(
                    plain_material(sources, data, lang, folder / f"plain-{lang}"), folder / f"plain-site-{lang}", {}
                )
                mine, base = ours[0] / ours[2] * 1000, plain[0] / plain[2] * 1000
                costs.append(mine)
                plain_costs.append(base)
                markdown = sum(f.stat().st_size for f in (folder / f"plain-{lang}" / "docs").rglob("*.md")) / 1e6
                per_mb.setdefault(copies, []).append(ours[0] / markdown)
                plain_per_mb.setdefault(copies, []).append(plain[0] / markdown)
                against_plain.setdefault(copies, []).append(mine / base)
                memory.setdefault(copies, []).append(ours[1] / plain[1])
                rows.append(
                    f"{copies}x | {lang} | {ours[2]} | {ours[0]:.1f} | {mine:.1f} | {base:.1f} | "
                    f"{mine / base:.2f} | {ours[1]:.0f} | {plain[1]:.0f} | {ours[1] / plain[1]:.2f}"
                )
            for (size, requests, typing, later), row in zip(first_queries(folder / "site").values(), rows, strict=True):
                queried.setdefault(copies, []).append(size)
                typed.setdefault(copies, []).append(typing)
                afterwards.setdefault(copies, []).append(statistics.median(later))
                lines.append(f"{row} | {size:.1f} ({requests}) | {statistics.median(later):.1f} | {typing:.1f}")
            per_page[copies] = statistics.mean(costs)
            plain_per_page[copies] = statistics.mean(plain_costs)

    def by_size(label: str, values: dict[int, list[float]], form: str, goal: str) -> str:
        """One figure at every size, the worse edition's (the larger, the slower)."""
        return f"{label}: " + ", ".join(f"{c}x " + form.format(max(v)) for c, v in values.items()) + f" (goal {goal})"

    def against_1x(values: dict[int, float]) -> str:
        return f"10x {values[10] / values[1]:.2f}, 100x {values[100] / values[1]:.2f}"

    mb, plain_mb = ({c: statistics.mean(v) for c, v in d.items()} for d in (per_mb, plain_per_mb))
    lines += [
        f"per-page cost against 1x: {against_1x(per_page)} (goal 1.3); plain Material on the same pages: "
        f"{against_1x(plain_per_page)}",
        f"cost per MB of the pages' Markdown against 1x: {against_1x(mb)}; plain Material: {against_1x(plain_mb)}",
        by_size("per-page cost against plain Material, worse edition", against_plain, "{:.2f}", "1.3"),
        by_size("peak memory against plain Material, worse edition", memory, "{:.2f}", "1.2"),
        by_size(
            "search, the first query downloads (every request, gzipped, larger edition)",
            queried,
            "{:.1f} KB",
            "about 15 KB at 1x, at most 150 KB at 100x",
        ),
        by_size(
            "search, each later query of the suite downloads (median, gzipped, larger edition)",
            afterwards,
            "{:.1f} KB",
            "a few KB",
        ),
        by_size(
            "search, keystroke to results, median over the edition's queries, slower edition",
            typed,
            "{:.1f} ms",
            "50 ms",
        ),
    ]
    return [*lines, ""]


def full_build() -> float:
    """Seconds of `make build`: every edition, each a strict build in a fresh process, one after the other
    (the Makefile's command, into a temporary folder)."""
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        for lang in (e.lang for e in editions()):
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", f"{tmp}/{lang}"],
                cwd=ROOT,
                env={**os.environ, "DECLARATION_EDITION": lang},
                check=True,
                capture_output=True,
            )
        return time.perf_counter() - start


# (file, page, old, new): an edit and its reversal to a paragraph (each edition), a glossary entry, a note.
EDITS = [
    ("declaration.zh.txt", "/zh/13/", "探索各种机制和平台", "探索各项机制和平台"),
    ("declaration.en.txt", "/en/13/", "Explore mechanisms and platforms", "Examine mechanisms and platforms"),
    ("terms.yml", "/zh/glossary/sdg-localization/", "在地方一级落实、调整和监测可持续发展目标的过程。", "新的说明。"),
    (
        "notes.en.yml",
        "/en/2/",
        "The official English text could not be consulted.",
        "The English text was unavailable.",
    ),
]


def serve_reload() -> tuple[dict[str, list[float]], list[str]]:
    """Seconds from saving an edit to the browser showing it, with `make serve` running; the server and
    its workers are stopped (SIGTERM) and awaited before this returns."""
    import shutil
    import socket
    import subprocess
    import urllib.request

    with tempfile.TemporaryDirectory() as tmp, socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        folder = Path(tmp)
        for name in ("source/declaration.zh.txt", "source/declaration.en.txt", "source/notes.en.yml"):
            shutil.copy(ROOT / name, folder)
        for name in ("glossary/terms.yml", "glossary/formulae.yml"):  # formulae are read beside the terms
            shutil.copy(ROOT / name, folder)
        env = {
            **os.environ,
            "DECLARATION_ZH": str(folder / "declaration.zh.txt"),
            "DECLARATION_EN": str(folder / "declaration.en.txt"),
            "GLOSSARY_TERMS": str(folder / "terms.yml"),
        }
        server = subprocess.Popen(
            [sys.executable, str(ROOT / "hooks/serve_editions.py"), "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        times: dict[str, list[float]] = {}
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(600):
                try:
                    with urllib.request.urlopen(f"{base}/zh/13/", timeout=1):
                        break
                except OSError:
                    time.sleep(0.1)
            with sync_playwright() as p:
                browser = launch(p)
                page = browser.new_page()
                for name, url, old, new in EDITS:
                    path = folder / name
                    if path.read_text(encoding="utf-8").count(old) != 1:
                        raise SystemExit(f"bench: the edit of {name} expects {old!r} once in it")
                    for before, after in ((old, new), (new, old)):
                        page.goto(base + url)
                        page.wait_for_timeout(500)
                        start = time.perf_counter()
                        path.write_text(path.read_text(encoding="utf-8").replace(before, after), encoding="utf-8")
                        page.wait_for_function(
                            f"document.body.textContent.includes({json.dumps(after)})", polling=20, timeout=60_000
                        )
                        times.setdefault(name, []).append(time.perf_counter() - start)
                browser.close()
        finally:
            server.terminate()
            server.wait()
    cells = "; ".join(f"{name} {', '.join(f'{t:.2f}' for t in ts)} s" for name, ts in times.items())
    return times, [f"save → the browser shows it: {cells}"]


def edit_loop() -> list[str]:
    full = full_build()
    times, lines = serve_reload()
    every = [t for ts in times.values() for t in ts]
    typical, worst = statistics.median(every), max(every)
    return [
        "## Edit loop (make serve) against a full `make build`, same run",
        f"full make build (both editions, strict): {full:.2f} s",
        *lines,
        f"edit loop, median {typical:.2f} s, worst {worst:.2f} s; ratio to the full build: median "
        f"{typical / full:.2f}, worst {worst / full:.2f} (goal 0.10, and under 1 s)",
        "",
    ]


def hardware() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        "unknown CPU",
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024**2
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"# make bench on {os.cpu_count()} cores, {model}, {memory:.0f} GB, Python {sys.version.split()[0]}; load {load}\n"


def main() -> int:
    print(hardware())
    if "--scale-only" in sys.argv:  # the scale figures alone (about 5 minutes of the bench's run)
        print("\n".join(scale()))
        return 0
    print("\n".join(edit_loop()))
    print("\n".join(build_times()))
    if "--no-scale" not in sys.argv:
        print("\n".join(scale()))
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        build_editions(site)
        print("\n".join(reader_side(site)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
