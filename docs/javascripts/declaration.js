// Reader controls of the declaration site: parallel view, terms switch and tooltips, a language
// switch that keeps the reader's place, and the loader of the search (copying links and citations
// is unit-actions.js). No third-party code.
(function () {
  "use strict";
  var EDITION_KEY = "unhabitat-edition";
  var VIEW_KEY = "unhabitat-view";
  var TERMS_KEY = "unhabitat-terms";
  var root = document.documentElement;
  // The edition's words (locales/<lang>.yml, script), carried by the page (overrides/main.html).
  var WORDS = JSON.parse((document.querySelector("script[data-decl-words]") || {}).textContent || "{}");
  var AGAIN = WORDS.again;

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: choice not kept */ }
  }
  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  // Read from disk (file://), a folder is opened by its index.html, not listed.
  function onDisk(href) {
    if (location.protocol !== "file:") { return href; }
    var url = new URL(href, location.href);
    if (url.protocol === "file:" && /\/$/.test(url.pathname)) { url.pathname += "index.html"; }
    return url.href;
  }

  function applyTerms(state) {
    root.dataset.declTerms = state;
    document.querySelectorAll(".decl-terms-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", state === "on" ? "true" : "false");
    });
    // Unmarked terms are plain text: no tab stops.
    document.querySelectorAll("a.decl-term").forEach(function (t) {
      if (state === "on") { t.removeAttribute("tabindex"); } else { t.setAttribute("tabindex", "-1"); }
    });
  }

  function applyView(view) {
    root.dataset.declView = view;
    document.querySelectorAll(".decl-view-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", view === "parallel" ? "true" : "false");
    });
  }

  document.addEventListener("click", function (event) {
    var terms = event.target.closest(".decl-terms-toggle");
    if (terms) {
      var state = root.dataset.declTerms === "off" ? "on" : "off";
      store(TERMS_KEY, state);
      applyTerms(state);
      return;
    }
    var toggle = event.target.closest(".decl-view-toggle");
    if (toggle) {
      var view = root.dataset.declView === "parallel" ? "single" : "parallel";
      store(VIEW_KEY, view);
      applyView(view);
      return;
    }
    var language = event.target.closest(".md-select__link[hreflang]");
    if (language) {
      store(EDITION_KEY, language.getAttribute("hreflang"));
      if (location.hash || location.protocol === "file:") {
        event.preventDefault();
        location.href = onDisk(language.href.split("#")[0]) + location.hash;
      }
      return;
    }
    var anchor = event.target.closest("a[href]");
    if (anchor && location.protocol === "file:" && !event.defaultPrevented && !anchor.hasAttribute("download")) {
      var target = onDisk(anchor.href);
      if (target !== anchor.href) { event.preventDefault(); location.href = target; }
    }
  });

  // Touch has no hover: the first tap on a term shows its tooltip (at the foot of a phone's screen),
  // the second follows the link. A tap elsewhere or Escape closes it. Unmarked terms are plain text.
  var lastPointer = "mouse";
  function closeTips() {
    document.querySelectorAll("a.decl-tip-open").forEach(function (t) { t.classList.remove("decl-tip-open"); });
  }
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
    if (!event.target.closest("a.decl-tip-open")) { closeTips(); }
  }, true);
  document.addEventListener("click", function (event) {
    var term = event.target.closest("a.decl-term");
    if (!term) { return; }
    if (root.dataset.declTerms === "off") { event.preventDefault(); return; }
    if (lastPointer !== "touch" || term.classList.contains("decl-tip-open")) { return; }
    event.preventDefault();
    closeTips();
    var tip = term.querySelector(".decl-tip");
    if (tip && !tip.querySelector(".decl-tip-again")) {
      var again = document.createElement("span");
      again.className = "decl-tip-again";
      again.textContent = AGAIN;
      tip.appendChild(again);
    }
    term.classList.add("decl-tip-open");
    clamp(term);
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    closeTips();
    var focused = document.activeElement;
    if (focused && focused.classList.contains("decl-term")) { focused.classList.add("decl-tip-hidden"); }
  });
  // A tooltip shown above its term is moved sideways to stay inside the viewport.
  function clamp(term) {
    var tip = term.querySelector(".decl-tip");
    if (!tip) { return; }
    tip.style.left = "";
    var box = tip.getBoundingClientRect();
    if (!box.width || getComputedStyle(tip).position === "fixed") { return; }
    var margin = 8, shift = 0, width = document.documentElement.clientWidth;
    if (box.right > width - margin) { shift = width - margin - box.right; }
    if (box.left + shift < margin) { shift = margin - box.left; }
    if (shift) { tip.style.left = shift + "px"; }
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var term = event.target.closest && event.target.closest("a.decl-term");
      if (term) { term.classList.remove("decl-tip-hidden"); clamp(term); }
    });
  });
  // Terms side by side (鼓励|会员国) are set apart, so that each reads as one word.
  document.querySelectorAll("a.decl-term").forEach(function (t) {
    var before = t.previousSibling;
    if (before && before.nodeType === 1 && before.matches("a.decl-term, a.decl-ref")) { t.classList.add("decl-term-next"); }
  });

  // Glossary filter: hanzi, pinyin with or without tones or spaces, pinyin initials, English.
  // data-pinyin and data-initials hold one key per Chinese form, separated by spaces.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ü/g, "v");
  }
  var filter = document.getElementById("glossary-filter");
  if (filter) {
    var items = Array.prototype.slice.call(document.querySelectorAll(".glossary-item"));
    var count = document.querySelector(".glossary-count span");
    var none = document.querySelector(".glossary-none");
    var run = function () {
      var query = filter.value.trim();
      var latin = fold(query).replace(/[\s'’-]+/g, "");
      var shown = 0;
      items.forEach(function (item) {
        var d = item.dataset;
        var hit = !query ||
          d.zh.indexOf(query) >= 0 ||
          (latin && (d.pinyin.indexOf(latin) >= 0 || (" " + d.initials).indexOf(" " + latin) >= 0 ||
            d.en.indexOf(query.toLowerCase()) >= 0));
        item.hidden = !hit;
        if (hit) { shown += 1; }
      });
      count.textContent = String(shown);
      none.hidden = shown > 0;
    };
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) { filter.value = asked; }
    filter.addEventListener("input", run);
    filter.addEventListener("keyup", run);
    run();
  }

  // The search (search.js) is fetched when a reader turns to it, not with every page: on focus of the
  // search box, on `/` or `s` (never with Ctrl, Cmd or Alt: those keys are the browser's), or when the
  // address asks for it (?h= marks the words of a result, ?q= searches).
  var searchInput = document.getElementById("decl-search-input");
  var searchWaiting = [];
  function loadSearch(then) {
    if (window.declSearch && window.declSearch.ready) { then(); return; }
    searchWaiting.push(then);
    if (searchWaiting.length > 1) { return; }
    var config = JSON.parse(document.getElementById("__config").textContent);
    var script = document.createElement("script");
    script.src = config.base.replace(/\/$/, "") + "/javascripts/search.js";
    script.onload = function () { searchWaiting.splice(0).forEach(function (fn) { fn(); }); };
    document.head.appendChild(script);
  }
  if (searchInput) {
    window.declSearch = { search: function (q, then) { loadSearch(function () { window.declSearch.search(q, then); }); } };
    searchInput.addEventListener("focus", function () { loadSearch(function () {}); });
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) { return; }
      var el = document.activeElement;
      var typing = el && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable);
      if (!typing && (e.key === "/" || (e.key === "s" && !e.shiftKey))) {
        e.preventDefault();
        document.getElementById("__search").checked = true;
        searchInput.focus();
      }
    });
    if (/[?&][hq]=/.test(location.search)) { loadSearch(function () {}); }
  }

  applyView(stored(VIEW_KEY) === "parallel" ? "parallel" : "single");
  applyTerms(stored(TERMS_KEY) === "off" ? "off" : "on");
})();
