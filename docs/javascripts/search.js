// The site's search: a query finds exactly the units whose text contains it.
// Chinese parts match as substrings (spaces ignored, so 目标 11 finds 目标11); Latin parts match at
// the start of a word. Units that match every part come first, then those that match some.
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
  var index = null;
  var waiting = [];

  function load(then) {
    if (index) { then(); return; }
    waiting.push(then);
    if (waiting.length > 1) { return; }
    var script = document.createElement("script");
    script.src = base + "search/declaration.js";
    script.onload = function () {
      index = prepare(window.declarationSearch);
      waiting.splice(0).forEach(function (fn) { fn(); });
    };
    document.head.appendChild(script);
  }

  // Read from disk (the offline zip), a folder is opened by its index.html.
  function page(path) { return location.protocol === "file:" && /\/$/.test(path) ? path + "index.html" : path; }

  function fold(text) { return text.normalize("NFKC").toLowerCase(); }
  function squeeze(text) { return text.replace(/\s+/g, ""); }

  function prepare(data) {
    data.docs.forEach(function (doc, order) {
      doc.order = order;
      doc.folded = fold(doc.x);
      doc.compact = squeeze(doc.folded);
      doc.title = fold(doc.t);
    });
    return data;
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function matcher(part) {
    if (HAN.test(part)) {
      var needle = squeeze(part);
      return { part: part, test: function (doc) { return count(doc.compact, needle); } };
    }
    // A Latin part starts a word: after a non-alphanumeric character (Han counts as none).
    var word = new RegExp("(^|[^a-z0-9])" + escapeRegExp(part), "g");
    return { part: part, test: function (doc) { return (doc.folded.match(word) || []).length; } };
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at >= 0) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  function search(query) {
    var q = fold(query).trim();
    if (!q) { return []; }
    var parts = q.split(/\s+/);
    // A Chinese query with spaces is one phrase with loose spacing (目标 11).
    if (parts.length > 1 && parts.every(function (p) { return HAN.test(p) || /^\d+$/.test(p); }) && HAN.test(q)) {
      parts = [parts.join("")];
    }
    var tests = parts.map(matcher);
    var phrase = parts.length > 1 ? matcher(q) : null;
    var hits = [];
    index.docs.forEach(function (doc) {
      var matched = 0, occurrences = 0;
      tests.forEach(function (t) { var n = t.test(doc); if (n) { matched += 1; occurrences += n; } });
      if (!matched) { return; }
      hits.push({
        doc: doc,
        all: matched === tests.length ? 1 : 0,
        phrase: phrase && phrase.test(doc) ? 1 : 0,
        unit: doc.k === "unit" ? 1 : 0,
        occurrences: occurrences,
        matched: matched
      });
    });
    hits.sort(function (a, b) {
      return b.all - a.all || b.phrase - a.phrase || b.matched - a.matched || b.unit - a.unit ||
        b.occurrences - a.occurrences || a.doc.order - b.doc.order;
    });
    return hits.map(function (h) { h.parts = parts; return h; });
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // The whole query first, so that a phrase is marked as one (smart city), then each part.
  function marker(query) {
    var q = fold(query).trim();
    var alternatives = [q].concat(q.split(/\s+/)).map(function (p) {
      return HAN.test(p) ? squeeze(p).split("").map(escapeRegExp).join("\\s*") : escapeRegExp(p);
    });
    return new RegExp("(" + alternatives.join("|") + ")", "giu");
  }

  function highlight(text, query) {
    return escapeHtml(text).replace(marker(query), "<mark>$1</mark>");
  }

  function snippet(doc, parts) {
    var text = doc.x, folded = doc.folded, at = -1;
    parts.some(function (p) { at = folded.indexOf(HAN.test(p) ? p.charAt(0) : p); return at >= 0; });
    var width = doc.k === "unit" ? 80 : 60;
    var start = Math.max(0, at - width / 2);
    var cut = text.slice(start, start + width * 2);
    return (start > 0 ? "…" : "") + cut + (start + width * 2 < text.length ? "…" : "");
  }

  function render(hits, query) {
    list.innerHTML = "";
    var n = hits.length;
    meta.textContent = !query.trim() ? meta.dataset.placeholder
      : n === 0 ? meta.dataset.none : n === 1 ? meta.dataset.one : meta.dataset.other.replace("#", n);
    hits.slice(0, 50).forEach(function (hit, i) {
      var doc = hit.doc;
      var url = doc.u.split("#");
      var href = page(base + url[0]) + "?h=" + encodeURIComponent(query.trim()) + (url[1] ? "#" + url[1] : "");
      var item = document.createElement("li");
      item.className = "md-search-result__item decl-search-hit";
      item.setAttribute("role", "option");
      item.id = "decl-search-hit-" + i;
      item.innerHTML = '<a href="' + href + '" class="md-search-result__link" tabindex="-1">' +
        '<article class="md-search-result__article md-typeset" data-kind="' + doc.k + '">' +
        "<h1>" + highlight(doc.t, query) + "</h1>" +
        "<p>" + highlight(snippet(doc, hit.parts), query) + "</p></article></a>";
      list.appendChild(item);
    });
    input.setAttribute("aria-expanded", n ? "true" : "false");
    window.dispatchEvent(new CustomEvent("decl-search-rendered"));
  }

  function run() {
    var query = input.value;
    load(function () { render(search(query), query); });
  }

  var active = -1;
  function move(step) {
    var items = list.querySelectorAll(".decl-search-hit");
    if (!items.length) { return; }
    if (active >= 0 && items[active]) { items[active].removeAttribute("aria-selected"); }
    active = (active + step + items.length) % items.length;
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("focus", function () { toggle.checked = true; load(function () {}); });
  input.addEventListener("input", function () { active = -1; run(); });
  input.addEventListener("keyup", function (e) { if (e.key.length === 1 || e.key === "Backspace") { run(); } });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Enter") {
      var chosen = list.querySelectorAll(".decl-search-hit a")[Math.max(active, 0)];
      if (chosen) { e.preventDefault(); location.href = chosen.href; }
    } else if (e.key === "Escape") { toggle.checked = false; input.blur(); }
  });
  input.form.addEventListener("reset", function () { setTimeout(run, 0); });
  document.addEventListener("keydown", function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (!typing && (e.key === "/" || e.key === "s" || e.key === "f")) { e.preventDefault(); input.focus(); }
  });

  // Arriving from a result: mark the matched words in the text (?h=…).
  var wanted = new URLSearchParams(location.search).get("h");
  if (wanted) {
    var pattern = marker(wanted);
    document.querySelectorAll(".decl-cell:not(.decl-alt) > p, .glossary-entry, .instrument").forEach(function (block) {
      var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) {
        if (!walker.currentNode.parentElement.closest(".decl-tip")) { nodes.push(walker.currentNode); }
      }
      nodes.forEach(function (node) {
        pattern.lastIndex = 0;
        if (!pattern.test(node.data)) { return; }
        var span = document.createElement("span");
        span.innerHTML = escapeHtml(node.data).replace(pattern, '<mark class="decl-hit">$1</mark>');
        node.parentNode.replaceChild(span, node);
      });
    });
  }

  window.declSearch = { search: function (q, then) { load(function () { then(search(q)); }); } };
})();
