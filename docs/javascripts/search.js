// The site's own search. Every word of a query must be found (AND); "quoted words" form a phrase.
// Chinese parts match as substrings (spaces ignored, so 目标 11 finds 目标11); Latin parts match at
// the start of a word; a document symbol (A/RES/71/256, 71/256) also finds the units citing it.
// A unit reference (13(b), 第13段(b), para. 13 (b), ¶13) gives a direct jump. A query in the other
// language's script finds the units through the other language's text (search/other.js).
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
  var ZH = (document.documentElement.getAttribute("lang") || "").indexOf("zh") === 0;
  var T = ZH ? {
    unit: "段落", term: "术语", instrument: "文书", jump: "跳转", footnote: "脚注", cites: "引用",
    via: "通过英文文本找到", partial: "部分匹配（只含部分词语）", jumpOnly: "跳转到{unit}",
    other: "在英文版中搜索", glossary: "在术语表中查找（汉字、拼音或首字母）", otherEdition: "en"
  } : {
    unit: "Paragraph", term: "Term", instrument: "Instrument", jump: "Go to", footnote: "Footnote",
    cites: "Cites", via: "Found through the Chinese text", partial: "Partial matches (some of the words)",
    jumpOnly: "Go to {unit}", other: "Search the Chinese edition",
    glossary: "Look it up in the glossary (hanzi, pinyin, initials)", otherEdition: "zh"
  };
  // English words too common to require or to mark, unless quoted.
  var STOP = {};
  ("a an and are as at be by for from in is it its of on or that the their this to with").split(" ")
    .forEach(function (w) { STOP[w] = true; });
  // 13(b), 13 b, 13b, para. 13 (b), paragraph 13, ¶13, §13, 第13段(b), 第13段 (NFKC folds full-width forms).
  var UNIT_REF = /^(?:¶|§|paras?\.?|paragraph|第)?\s*(\d+)\s*(?:段)?\s*(?:\(\s*([a-z])\s*\)|([a-z]))?\s*(?:分段)?$/;
  var data = { main: null, other: null };
  var waiting = { main: [], other: [] };
  var SCRIPTS = { main: ["search/declaration.js", "declarationSearch"], other: ["search/other.js", "declarationSearchOther"] };

  function load(which, then) {
    if (data[which]) { then(); return; }
    waiting[which].push(then);
    if (waiting[which].length > 1) { return; }
    var script = document.createElement("script");
    script.src = base + SCRIPTS[which][0];
    script.onload = function () {
      data[which] = prepare(window[SCRIPTS[which][1]]);
      waiting[which].splice(0).forEach(function (fn) { fn(); });
    };
    document.head.appendChild(script);
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

  function prepare(index) {
    index.docs.forEach(function (doc, order) {
      doc.order = order;
      doc.fx = fold(doc.x);
      doc.cx = squeeze(doc.fx);
      doc.ff = doc.f ? fold(doc.f) : "";
      doc.cf = squeeze(doc.ff);
      doc.fs = (doc.s || []).map(fold);
    });
    return index;
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
    parts.forEach(function (p) { p.test = matcher(p.text); });
    var whole = fold(query).replace(/["“”„«»「」『』]/g, " ").trim();
    return {
      parts: parts,
      needed: parts.filter(function (p) { return !p.stop; }),
      phrase: parts.length > 1 ? matcher(whole) : null,
      whole: whole
    };
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (needle && at >= 0) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  // How many times a part occurs in a text, in its footnotes, and whether the document cites it.
  function matcher(text) {
    var symbolic = /\d\/|\/\d/.test(text);
    var inText;
    if (HAN.test(text)) {
      var needle = squeeze(text);
      inText = function (folded, compact) { return count(compact, needle); };
    } else {
      // A Latin part starts a word: after a non-alphanumeric character (Han counts as none).
      var word = new RegExp("(^|[^a-z0-9])" + escapeRegExp(text).replace(/\s+/g, "\\s+"), "g");
      inText = function (folded) { return (folded.match(word) || []).length; };
    }
    return function (doc, texts) {
      var x = inText(texts.fx, texts.cx), f = texts.ff ? inText(texts.ff, texts.cf) : 0;
      var cites = symbolic && (doc.fs || []).some(function (s) {
        return s === text || s.slice(-text.length - 1) === "/" + text;
      });
      return { x: x, f: f, cites: cites, any: x + f > 0 || cites };
    };
  }

  function score(doc, texts, parsed) {
    var matched = 0, occurrences = 0, inText = 0, cites = false;
    parsed.needed.forEach(function (part) {
      var m = part.test(doc, texts);
      if (m.any) { matched += 1; }
      occurrences += m.x + m.f;
      inText += m.x;
      cites = cites || m.cites;
    });
    return {
      doc: doc,
      matched: matched,
      all: matched === parsed.needed.length,
      phrase: parsed.phrase && parsed.phrase(doc, texts).any ? 1 : 0,
      unit: doc.k === "unit" ? 1 : 0,
      occurrences: occurrences,
      footnoteOnly: occurrences > 0 && inText === 0,
      citesOnly: cites && occurrences === 0
    };
  }

  function byRank(a, b) {
    return b.matched - a.matched || b.phrase - a.phrase || b.unit - a.unit ||
      b.occurrences - a.occurrences || a.doc.order - b.doc.order;
  }

  function jumpTarget(query) {
    var m = UNIT_REF.exec(fold(query).trim());
    if (!m) { return null; }
    var key = m[1] + (m[2] || m[3] ? "(" + (m[2] || m[3]) + ")" : "");
    var found = null;
    data.main.docs.some(function (doc) { if (doc.k === "unit" && doc.n === key) { found = doc; } return found; });
    return found;
  }

  // Does the query need the other language's text? Chinese in the English edition, English words in the Chinese.
  function otherScript(query) {
    return data.main.lang === "zh" ? !HAN.test(query) && /[a-z]{2}/i.test(query) : HAN.test(query);
  }

  function search(query) {
    var result = { parsed: null, jump: null, full: [], via: [], partial: [] };
    if (!fold(query).trim()) { return result; }
    var parsed = result.parsed = parse(query);
    result.jump = jumpTarget(query);
    if (!parsed.needed.length) { return result; }
    var fullUnits = {};
    data.main.docs.forEach(function (doc) {
      var hit = score(doc, doc, parsed);
      if (hit.all) {
        result.full.push(hit);
        fullUnits[doc.order] = true;
      } else if (hit.matched && parsed.needed.length > 1) {
        result.partial.push(hit);
      }
    });
    if (data.other && otherScript(query)) {
      data.main.docs.forEach(function (doc) {
        if (doc.k !== "unit" || fullUnits[doc.order]) { return; }
        var texts = data.other.docs[doc.order];
        var hit = score({ k: "unit", order: doc.order }, texts, parsed);
        if (hit.all && hit.occurrences) {
          hit.doc = doc;
          hit.texts = texts;
          result.via.push(hit);
        }
      });
    }
    result.full.sort(byRank);
    result.via.sort(byRank);
    result.partial.sort(byRank);
    result.partial = result.jump && !result.full.length ? [] : result.partial.filter(function (h) {
      return !result.via.some(function (v) { return v.doc === h.doc; });
    });
    return result;
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
      result.full.slice(0, 50).forEach(function (hit) { item(hit, query, pattern, "full"); });
      if (result.via.length) {
        heading(T.via);
        result.via.forEach(function (hit) { item(hit, query, pattern, "via", data.other.lang); });
      }
      if (result.partial.length) {
        heading(T.partial);
        result.partial.slice(0, 10).forEach(function (hit) { item(hit, query, pattern, "partial"); });
      }
      if (!shown) { suggestions(query); }
    }
    input.setAttribute("aria-expanded", shown ? "true" : "false");
    window.dispatchEvent(new CustomEvent("decl-search-rendered"));
  }

  // Loads what the query needs, then gives the result.
  function find(query, then) {
    load("main", function () {
      if (otherScript(query)) { load("other", function () { then(search(query)); }); }
      else { then(search(query)); }
    });
  }

  function run() {
    var query = input.value;
    find(query, function (result) { if (input.value === query) { render(result, query); } });
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

  input.addEventListener("focus", function () { toggle.checked = true; load("main", function () {}); });
  // Loaded on the first focus of the box (search-loader.js): the reader may already be typing.
  if (document.activeElement === input) {
    toggle.checked = true;
    if (input.value) { run(); } else { load("main", function () {}); }
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
      find(q, function (result) {
        var hits = [];
        if (result.jump) { hits.push({ group: "jump", doc: result.jump }); }
        ["full", "via", "partial"].forEach(function (group) {
          result[group].forEach(function (h) { h.group = group; hits.push(h); });
        });
        then(hits);
      });
    }
  };
})();
