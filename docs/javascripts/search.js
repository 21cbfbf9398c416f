// The site's own search. Every word of a query must be found (AND); "quoted words" form a phrase.
// Chinese parts match as substrings (spaces ignored, so 目标 11 finds 目标11, but not inside a run of Latin
// letters and digits: 11has is not 11 has); Latin parts match at
// the start of a word; a document symbol (A/RES/71/256, 71/256) also finds the units citing it.
// A unit reference (13(b), 第13段(b), para. 13 (b), ¶13) gives a direct jump. A query in the other
// language's script finds the units through the other language's text. The index is sharded: a query
// fetches the postings of its characters and words, then the documents of the results it shows.
(function () {
  "use strict";
  var input = document.getElementById("decl-search-input");
  if (!input) { return; }
  var toggle = document.getElementById("__search");
  var list = document.getElementById("decl-search-list");
  var meta = document.getElementById("decl-search-meta");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = config.base.replace(/\/$/, "") + "/";
  var HAN = /[\u3400-\u9fff]/;
  var SUFFIX = "\u0001";  // the index files a word under each of its suffixes with this mark (search_shards.SUFFIX)
  // The edition's words (locales/<lang>.yml, script) and the other edition, carried by the page.
  var T = JSON.parse((document.querySelector("script[data-decl-words]") || {}).textContent || "{}");
  // English words too common to require or to mark, unless quoted.
  var STOP = {};
  ("a an and are as at be by for from in is it its of on or that the their this to with").split(" ")
    .forEach(function (w) { STOP[w] = true; });
  // 13(b), 13 b, 13b, para. 13 (b), paragraph 13, ¶13, §13, 第13段(b), 第13段 (NFKC folds full-width forms).
  var UNIT_REF = /^(?:¶|§|paras?\.?|paragraph|第)?\s*(\d+)\s*(?:段)?\s*(?:\(\s*([a-z])\s*\)|([a-z]))?\s*(?:分段)?$/;
  // The index comes in shards (hooks/unhabitat/search_shards.py): a head, then per corpus (the edition's
  // text, "main"; the other language's, "otherText") keys files of positional postings and text files of
  // documents. Each is a script calling declarationSearchFile(name, data), so that it works from file://.
  var files = {};
  var waiting = {};
  var head = null;
  var HEAD = "search/head.js";
  window.declarationSearchFile = function (name, data) { files[name] = data; };

  function fetchFile(name, then) {
    if (name in files) { then(); return; }
    if (waiting[name]) { waiting[name].push(then); return; }
    waiting[name] = [then];
    var script = document.createElement("script");
    script.src = base + name;
    script.onload = script.onerror = function () {
      if (!(name in files)) { files[name] = null; }
      var done = waiting[name];
      delete waiting[name];
      done.forEach(function (fn) { fn(); });
    };
    document.head.appendChild(script);
  }

  // Calls `then` at once when every file is there (a query typed again costs no request and no wait).
  function fetchAll(names, then) {
    var missing = names.filter(function (name, i) { return !(name in files) && names.indexOf(name) === i; });
    var left = missing.length;
    if (!left) { then(); return; }
    missing.forEach(function (name) { fetchFile(name, function () { left -= 1; if (!left) { then(); } }); });
  }

  function loadHead(then) {
    fetchFile(HEAD, function () {
      if (!head) {
        head = files[HEAD];
        head.units = head.count.unit;
        head.terms = head.units + head.count.term;
        head.cited = {};
        head.symbols.forEach(function (entry) { head.cited[entry[0]] = entry[1]; });
        head.main.decoded = {};
        head.otherText.decoded = {};
      }
      then();
    });
  }

  // Read from disk (the offline zip), a folder is opened by its index.html.
  function page(path) { return location.protocol === "file:" && /\/$/.test(path) ? path + "index.html" : path; }

  function fold(text) { return text.normalize("NFKC").toLowerCase(); }
  function squeeze(text) { return text.replace(/\s+/g, ""); }
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // The query's parts: quoted phrases, then words; a number joins its Chinese neighbour (2030 年…).
  function parse(query) {
    var q = fold(query).trim();
    var parts = [];
    q = q.replace(/["“”„«»「」『』]([^"“”„«»「」『』]+)["“”„«»「」『』]/g, function (all, phrase) {
      if (phrase.trim()) { parts.push({ text: phrase.trim(), quoted: true }); }
      return " ";
    });
    q.replace(/["“”„«»「」『』]/g, " ").split(/\s+/).filter(Boolean).forEach(function (word) {
      var prev = parts.length && !parts[parts.length - 1].quoted ? parts[parts.length - 1] : null;
      if (prev && ((/^\d+$/.test(word) && HAN.test(prev.text.slice(-1))) ||
          (/^\d+$/.test(prev.text) && HAN.test(word.charAt(0))))) {
        prev.text += " " + word;
      } else {
        parts.push({ text: word, quoted: false });
      }
    });
    var content = parts.filter(function (p) { return p.quoted || !STOP[p.text]; });
    parts.forEach(function (p) { p.stop = content.length > 0 && !p.quoted && !!STOP[p.text]; });
    parts.forEach(function (p) { p.pattern = pattern(p.text); });
    var whole = fold(query).replace(/["“”„«»「」『』]/g, " ").trim();
    return {
      parts: parts,
      needed: parts.filter(function (p) { return !p.stop; }),
      phrase: parts.length > 1 ? { text: whole, pattern: pattern(whole) } : null,
      whole: whole
    };
  }

  // A part as the index cuts text (search_shards.tokens): words of [a-z0-9], any other character alone.
  // A Chinese part ignores white space (except that it keeps two words apart: 11 has is not 11has) and
  // may begin inside a word (2030年: a word ending with 2030) and end inside one; a Latin part starts a
  // word, keeps its white space, and may end inside a word.
  function pattern(text) {
    var han = HAN.test(text);
    var tokens = [];
    var spaced = false;
    text.replace(/(\s+)|([a-z0-9]+)|([\s\S])/gu, function (all, white, word) {
      if (white) { spaced = true; return all; }
      tokens.push({ text: all, word: !!word, spaced: spaced });
      spaced = false;
      return all;
    });
    var last = tokens.length - 1;
    tokens.forEach(function (t, j) {
      t.prefix = t.word && j === last && (!han || last > 0);
      t.suffix = han && t.word && j === 0 && last > 0;
    });
    return { han: han, tokens: tokens, symbolic: /\d\/|\/\d/.test(text), text: text };
  }

  // The keys file holding `key`: the last whose first key is not after it (strings compare by code units).
  function fileOf(corpus, key) {
    var keys = corpus.keys, lo = 0, hi = keys.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (keys[mid] <= key) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  }
  function keyFiles(corpus, token) {
    var name = function (n) { return corpus.files.keys.replace("{n}", n); };
    var found = [];
    if (token.prefix) {
      for (var n = fileOf(corpus, token.text); n <= fileOf(corpus, token.text + "\uffff"); n++) { found.push(name(n)); }
    } else {
      found.push(name(fileOf(corpus, token.text)));
    }
    if (token.suffix) { found.push(name(fileOf(corpus, SUFFIX + token.text))); }
    return found;
  }
  function neededFiles(corpus, patterns) {
    var names = [];
    patterns.forEach(function (p) { p.tokens.forEach(function (t) { names = names.concat(keyFiles(corpus, t)); }); });
    return names;
  }

  // field (2 × document, + 1 for its footnotes) → places, decoded once per key.
  function occurrences(corpus, key) {
    if (key in corpus.decoded) { return corpus.decoded[key]; }
    var data = files[corpus.files.keys.replace("{n}", fileOf(corpus, key))];
    var flat = data && data[key], map = new Map();
    for (var i = 0, field = 0; flat && i < flat.length;) {
      field += flat[i];
      var n = flat[i + 1], place = 0, places = new Array(n);
      for (var k = 0; k < n; k++) { place += flat[i + 2 + k]; places[k] = place; }
      map.set(field, places);
      i += 2 + n;
    }
    corpus.decoded[key] = map;
    return map;
  }
  function keysWithPrefix(corpus, prefix) {
    var keys = [];
    for (var n = fileOf(corpus, prefix); n <= fileOf(corpus, prefix + "\uffff"); n++) {
      Object.keys(files[corpus.files.keys.replace("{n}", n)] || {}).forEach(function (key) {
        if (key.lastIndexOf(prefix, 0) === 0) { keys.push(key); }
      });
    }
    return keys;
  }

  // Where a token of the pattern may stand: field → Set of token indexes.
  function where(corpus, p, j) {
    var t = p.tokens[j];
    var keys = t.prefix ? keysWithPrefix(corpus, t.text) : [t.text];
    if (t.suffix) { keys.push(SUFFIX + t.text); }
    var found = new Map();
    keys.forEach(function (key) {
      occurrences(corpus, key).forEach(function (places, field) {
        places.forEach(function (place) {
          if (!p.han && j > 0 && (place & 1) !== (t.spaced ? 1 : 0)) { return; }
          // A Latin part's first character, when not a word's, must not follow a word directly.
          if (!p.han && j === 0 && !t.word && place & 2) { return; }
          if (!found.has(field)) { found.set(field, new Set()); }
          found.get(field).add(place >> 2);
        });
      });
    });
    return found;
  }

  // field → how many times the pattern occurs in it, one occurrence not overlapping the one before.
  function matches(corpus, p) {
    var counts = new Map();
    if (!p.tokens.length) { return counts; }
    var sets = p.tokens.map(function (t, j) { return where(corpus, p, j); });
    sets[0].forEach(function (starts, field) {
      var n = 0, next = -1;
      Array.from(starts).sort(function (a, b) { return a - b; }).forEach(function (i) {
        if (i < next) { return; }
        for (var j = 1; j < sets.length; j++) {
          var at = sets[j].get(field);
          if (!at || !at.has(i + j)) { return; }
        }
        n += 1;
        next = i + sets.length;
      });
      if (n) { counts.set(field, n); }
    });
    return counts;
  }

  // For each part: how many times it occurs in a document's text and footnotes, and whether the document
  // cites it (a document symbol: 71/256 finds the units citing A/RES/71/256).
  function hits(corpus, part, withSymbols) {
    var counts = matches(corpus, part.pattern);
    var docs = new Map();
    counts.forEach(function (n, field) {
      var doc = field >> 1;
      if (!docs.has(doc)) { docs.set(doc, { x: 0, f: 0, cites: false }); }
      docs.get(doc)[field & 1 ? "f" : "x"] = n;
    });
    if (withSymbols && part.pattern.symbolic) {
      var text = part.pattern.text;
      head.symbols.forEach(function (entry) {
        var s = entry[0];
        if (s !== text && s.slice(-text.length - 1) !== "/" + text) { return; }
        entry[1].forEach(function (doc) {
          if (!docs.has(doc)) { docs.set(doc, { x: 0, f: 0, cites: false }); }
          docs.get(doc).cites = true;
        });
      });
    }
    return docs;
  }

  function rank(doc, parsed, perPart, phrase) {
    var matched = 0, occurrences = 0, inText = 0, cites = false;
    perPart.forEach(function (docs) {
      var m = docs.get(doc);
      if (!m) { return; }
      matched += 1;
      occurrences += m.x + m.f;
      inText += m.x;
      cites = cites || m.cites;
    });
    return {
      id: doc,
      matched: matched,
      all: matched === parsed.needed.length,
      phrase: phrase && phrase.has(doc) ? 1 : 0,
      unit: doc < head.units ? 1 : 0,
      occurrences: occurrences,
      footnoteOnly: occurrences > 0 && inText === 0,
      citesOnly: cites && occurrences === 0
    };
  }

  function byRank(a, b) {
    return b.matched - a.matched || b.phrase - a.phrase || b.unit - a.unit ||
      b.occurrences - a.occurrences || a.id - b.id;
  }

  // Does the query need the other language's text? Chinese in the English edition, English words in the Chinese.
  function otherScript(query) {
    return head.lang === "zh" ? !HAN.test(query) && /[a-z]{2}/i.test(query) : HAN.test(query);
  }

  // The ranked documents (numbers); what is shown is fetched afterwards (documents()).
  function search(query, parsed) {
    var result = { parsed: parsed, jump: null, full: [], via: [], partial: [] };
    if (!parsed || !parsed.needed.length) { return result; }
    var perPart = parsed.needed.map(function (part) { return hits(head.main, part, true); });
    var phrase = parsed.phrase ? hits(head.main, parsed.phrase, true) : null;
    var seen = new Set();
    perPart.forEach(function (docs) { docs.forEach(function (m, doc) { seen.add(doc); }); });
    var fullUnits = new Set();
    seen.forEach(function (doc) {
      var hit = rank(doc, parsed, perPart, phrase);
      if (hit.all) {
        result.full.push(hit);
        fullUnits.add(doc);
      } else if (hit.matched && parsed.needed.length > 1) {
        result.partial.push(hit);
      }
    });
    if (otherScript(query)) {
      var viaParts = parsed.needed.map(function (part) { return hits(head.otherText, part, false); });
      var viaPhrase = parsed.phrase ? hits(head.otherText, parsed.phrase, false) : null;
      var candidates = new Set();
      viaParts[0].forEach(function (m, doc) { candidates.add(doc); });
      candidates.forEach(function (doc) {
        if (doc >= head.units || fullUnits.has(doc)) { return; }
        var hit = rank(doc, parsed, viaParts, viaPhrase);
        if (hit.all && hit.occurrences) {
          hit.via = true;
          result.via.push(hit);
        }
      });
    }
    result.full.sort(byRank);
    result.via.sort(byRank);
    result.partial.sort(byRank);
    var via = new Set(result.via.map(function (h) { return h.id; }));
    result.partial = result.partial.filter(function (h) { return !via.has(h.id); });
    return result;
  }

  // The text files holding documents (from a corpus), and the documents once fetched.
  function textFile(corpus, doc) {
    var starts = corpus.texts, lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= doc) { lo = mid; } else { hi = mid - 1; }
    }
    return { name: corpus.files.text.replace("{n}", lo), at: doc - starts[lo] };
  }
  var KINDS = ["unit", "term", "instrument"];
  function record(doc) {
    var where = textFile(head.main, doc);
    var data = files[where.name][where.at];
    data.k = KINDS[doc < head.units ? 0 : doc < head.terms ? 1 : 2];
    data.order = doc;
    return data;
  }
  function otherRecord(doc) {
    var where = textFile(head.otherText, doc);
    return files[where.name][where.at];
  }

  // A unit reference (13(b), ¶13) names a unit: the text files that may hold it, by its paragraph.
  function jumpKey(query) {
    var m = UNIT_REF.exec(fold(query).trim());
    return m ? { paragraph: +m[1], key: m[1] + (m[2] || m[3] ? "(" + (m[2] || m[3]) + ")" : "") } : null;
  }
  function jumpFiles(key) {
    var names = [];
    head.jump.forEach(function (first, n) {
      var next = head.jump[n + 1];
      if (first !== null && first <= key.paragraph && (next === undefined || next === null || next >= key.paragraph)) {
        names.push(head.main.files.text.replace("{n}", n));
      }
    });
    return names;
  }
  function jumpTarget(key) {
    if (!key) { return null; }
    for (var doc = 0; doc < head.units; doc++) {
      var where = textFile(head.main, doc);
      var data = files[where.name];
      if (data && data[where.at].n === key.key) { return record(doc); }
    }
    return null;
  }

  // Fetches the documents of the hits given (`limit` per group), then puts them on the hits.
  function documents(result, limit, then) {
    var groups = [result.full, result.via, result.partial];
    var names = [];
    groups.forEach(function (hits, g) {
      hits.slice(0, limit[g]).forEach(function (hit) {
        names.push(textFile(head.main, hit.id).name);
        if (hit.via) { names.push(textFile(head.otherText, hit.id).name); }
      });
    });
    fetchAll(names, function () {
      groups.forEach(function (hits, g) {
        hits.slice(0, limit[g]).forEach(function (hit) {
          hit.doc = record(hit.id);
          if (hit.via) { hit.texts = otherRecord(hit.id); }
        });
      });
      then(result);
    });
  }

  // The phrase first, so that it is marked as one (smart city), then each part; stop-words are not marked.
  function marker(parsed) {
    var alternatives = (parsed.phrase ? [parsed.whole] : []).concat(parsed.needed.map(function (p) { return p.text; }));
    alternatives.sort(function (a, b) { return b.length - a.length; });
    return new RegExp("(" + alternatives.map(function (p) {
      return HAN.test(p) ? squeeze(p).split("").map(escapeRegExp).join("\\s*") : escapeRegExp(p).replace(/\s+/g, "\\s+");
    }).join("|") + ")", "giu");
  }

  function highlight(text, pattern) {
    pattern.lastIndex = 0;
    return escapeHtml(text).replace(pattern, "<mark>$1</mark>");
  }

  // About `width` characters around the first match, never cutting a word in two.
  function snippet(text, pattern, width) {
    pattern.lastIndex = 0;
    var found = pattern.exec(text.normalize("NFKC"));
    var at = found ? found.index : 0;
    var start = Math.max(0, at - width / 2), end = Math.min(text.length, start + width * 2);
    var WORD = /[A-Za-z0-9\u00C0-\u024F'’-]/;
    while (start > 0 && WORD.test(text.charAt(start - 1)) && WORD.test(text.charAt(start))) { start -= 1; }
    while (end < text.length && WORD.test(text.charAt(end - 1)) && WORD.test(text.charAt(end))) { end += 1; }
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function link(doc, query) {
    var url = doc.u.split("#");
    return page(base + url[0]) + "?h=" + encodeURIComponent(query.trim()) + (url[1] ? "#" + url[1] : "");
  }

  var shown = 0;
  function item(hit, query, pattern, kind, lang) {
    var doc = hit.doc, texts = hit.texts || doc;
    var body;
    if (kind === "jump") {
      body = escapeHtml(snippet(texts.x, pattern, 60));
    } else if (hit.citesOnly) {
      body = escapeHtml(T.cites + " " + doc.s.join(", ") + " · ") + highlight(snippet(texts.x, pattern, 50), pattern);
    } else if (hit.footnoteOnly && texts.f) {
      body = escapeHtml(T.footnote + ": ") + highlight(snippet(texts.f, pattern, 60), pattern);
    } else {
      body = highlight(snippet(texts.x, pattern, doc.k === "unit" ? 80 : 60), pattern);
    }
    // The link itself is the listbox's option (the item is presentational), so no control is nested in another.
    var li = document.createElement("li");
    li.className = "md-search-result__item decl-search-hit";
    li.setAttribute("role", "none");
    li.dataset.group = kind;
    var label = kind === "jump" ? T.jump : T[doc.k];
    li.innerHTML = '<a href="' + (kind === "jump" ? page(base + doc.u.split("#")[0]) + "#" + doc.u.split("#")[1] : link(doc, query)) +
      '" class="md-search-result__link" tabindex="-1" role="option" id="decl-search-hit-' + shown + '">' +
      '<article class="md-search-result__article md-typeset" data-kind="' + doc.k + '">' +
      '<h1><span class="decl-kind">' + escapeHtml(label) + "</span> " + highlight(doc.t, pattern) + "</h1>" +
      "<p" + (lang ? ' lang="' + lang + '"' : "") + ">" + body + "</p></article></a>";
    shown += 1;
    list.appendChild(li);
  }

  function heading(text) {
    var li = document.createElement("li");
    li.className = "decl-search-group";
    li.setAttribute("role", "presentation");
    li.textContent = text;
    list.appendChild(li);
  }

  // Outside the listbox, which holds options only.
  var empty = document.createElement("div");
  empty.className = "decl-search-empty";
  list.parentNode.appendChild(empty);
  function suggestions(query) {
    var q = encodeURIComponent(query.trim());
    empty.innerHTML = '<a href="' + page(base + "../" + T.otherEdition + "/") + "?q=" + q + '">' + escapeHtml(T.other) + "</a>" +
      '<a href="' + page(base + "glossary/") + "?q=" + q + '">' + escapeHtml(T.glossary) + "</a>";
  }

  function render(result, query) {
    list.innerHTML = "";
    empty.innerHTML = "";
    shown = 0;
    active = -1;
    input.removeAttribute("aria-activedescendant");
    var n = result.full.length + result.via.length;
    if (!query.trim()) {
      meta.textContent = meta.dataset.placeholder;
    } else if (!n && result.jump) {
      meta.textContent = T.jumpOnly.replace("{unit}", result.jump.t);
    } else {
      meta.textContent = n === 0 ? meta.dataset.none : n === 1 ? meta.dataset.one : meta.dataset.other.replace("#", n);
    }
    if (result.parsed) {
      var pattern = marker(result.parsed);
      if (result.jump) { item({ doc: result.jump }, query, pattern, "jump"); }
      result.full.slice(0, SHOWN[0]).forEach(function (hit) { item(hit, query, pattern, "full"); });
      if (result.via.length) {
        heading(T.via);
        result.via.slice(0, SHOWN[1]).forEach(function (hit) { item(hit, query, pattern, "via", head.other); });
      }
      if (result.partial.length) {
        heading(T.partial);
        result.partial.slice(0, SHOWN[2]).forEach(function (hit) { item(hit, query, pattern, "partial"); });
      }
      if (!shown) { suggestions(query); }
    }
    input.setAttribute("aria-expanded", shown ? "true" : "false");
    window.dispatchEvent(new CustomEvent("decl-search-rendered"));
  }

  // Fetches the shards the query needs (none when a query is typed again), then gives the result with the
  // documents of the first `limit` hits of each group (full, via, partial).
  var SHOWN = [50, 50, 10];
  function find(query, limit, then) {
    loadHead(function () {
      var parsed = fold(query).trim() ? parse(query) : null;
      var key = parsed ? jumpKey(query) : null;
      var names = key ? jumpFiles(key) : [];
      if (parsed && parsed.needed.length) {
        var patterns = parsed.needed.map(function (p) { return p.pattern; });
        if (parsed.phrase) { patterns.push(parsed.phrase.pattern); }
        names = names.concat(neededFiles(head.main, patterns));
        if (otherScript(query)) { names = names.concat(neededFiles(head.otherText, patterns)); }
      }
      fetchAll(names, function () {
        var result = search(query, parsed);
        result.jump = jumpTarget(key);
        if (result.jump && !result.full.length) { result.partial = []; }
        documents(result, limit, then);
      });
    });
  }

  function run() {
    var query = input.value;
    find(query, SHOWN, function (result) { if (input.value === query) { render(result, query); } });
  }

  var active = -1;
  function move(step) {
    var items = list.querySelectorAll(".decl-search-hit > a");
    if (!items.length) { return; }
    if (active >= 0 && items[active]) { items[active].removeAttribute("aria-selected"); }
    active = (active + step + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function open() { toggle.checked = true; input.focus(); }
  function close() { toggle.checked = false; input.blur(); }

  input.addEventListener("focus", function () { toggle.checked = true; loadHead(function () {}); });
  // Loaded on the first focus of the box (search-loader.js): the reader may already be typing.
  if (document.activeElement === input) {
    toggle.checked = true;
    if (input.value) { run(); } else { loadHead(function () {}); }
  }
  input.addEventListener("input", run);
  input.addEventListener("keyup", function (e) { if (e.key.length === 1 || e.key === "Backspace") { run(); } });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Enter") {
      var chosen = list.querySelectorAll(".decl-search-hit a")[Math.max(active, 0)];
      if (chosen) { e.preventDefault(); location.href = chosen.href; }
    }
  });
  input.form.addEventListener("reset", function () { setTimeout(run, 0); });
  // Escape closes; `/` and `s` are bound where the search is loaded from (search-loader.js).
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked && !(e.ctrlKey || e.metaKey || e.altKey)) { close(); }
  });
  var params = new URLSearchParams(location.search);
  // Sent from the other edition's empty result: search here.
  if (params.get("q") && !document.getElementById("glossary-filter")) {
    input.value = params.get("q");
    open();
    run();
  }

  // Arriving from a result: mark the matched words in the text (?h=…).
  var wanted = params.get("h");
  if (wanted && fold(wanted).trim()) {
    var parsedWanted = parse(wanted);
    var pattern = parsedWanted.needed.length ? marker(parsedWanted) : null;
    document.querySelectorAll(".decl-cell:not(.decl-alt) > p, .glossary-entry, .instrument").forEach(function (block) {
      if (!pattern) { return; }
      var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) {
        if (!walker.currentNode.parentElement.closest(".decl-tip")) { nodes.push(walker.currentNode); }
      }
      nodes.forEach(function (node) {
        pattern.lastIndex = 0;
        if (!pattern.test(node.data)) { return; }
        var span = document.createElement("span");
        pattern.lastIndex = 0;
        span.innerHTML = escapeHtml(node.data).replace(pattern, '<mark class="decl-hit">$1</mark>');
        node.parentNode.replaceChild(span, node);
      });
    });
  }

  // For tests and the benchmark: the ranked hits, each with its group (jump, full, via, partial).
  window.declSearch = {
    ready: true,
    search: function (q, then) {
      find(q, [Infinity, Infinity, Infinity], function (result) {
        var hits = [];
        if (result.jump) { hits.push({ group: "jump", doc: result.jump }); }
        ["full", "via", "partial"].forEach(function (group) {
          result[group].forEach(function (h) { h.group = group; hits.push(h); });
        });
        then(hits);
      });
    },
    // The documents fetched so far (their text files).
    fetched: function () {
      return Object.keys(files).filter(function (name) { return Array.isArray(files[name]); })
        .reduce(function (all, name) { return all.concat(files[name]); }, []);
    }
  };
})();
