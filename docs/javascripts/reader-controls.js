// Reader controls: the parallel view and the terms switch, each remembered, and a language switch
// that keeps the reader's place (also when the site is read from disk). No third-party code.
// With three editions or more, every row has a cell per edition and the toolbar's menu chooses the one
// shown beside this edition's text; the other cells stay hidden.
(function () {
  "use strict";
  var EDITION_KEY = "unhabitat-edition";
  var VIEW_KEY = "unhabitat-view";
  var TERMS_KEY = "unhabitat-terms";
  var PAIR_KEY = "unhabitat-pair";
  var root = document.documentElement;

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

  // Show the cells of one edition beside this one's (an edition the page does not have leaves the default).
  function applyPair(lang) {
    var menus = document.querySelectorAll(".decl-pair-choice");
    if (!menus.length) { return; }
    var known = Array.prototype.some.call(menus[0].options, function (o) { return o.value === lang; });
    var chosen = known ? lang : menus[0].options[0].value;
    menus.forEach(function (menu) { menu.value = chosen; });
    document.querySelectorAll(".decl-alt[lang]").forEach(function (cell) {
      cell.hidden = cell.getAttribute("lang") !== chosen;
    });
  }

  document.addEventListener("change", function (event) {
    var menu = event.target.closest(".decl-pair-choice");
    if (!menu) { return; }
    store(PAIR_KEY, menu.value);
    applyPair(menu.value);
    store(VIEW_KEY, "parallel");
    applyView("parallel");
  });

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

  applyPair(stored(PAIR_KEY));
  applyView(stored(VIEW_KEY) === "parallel" ? "parallel" : "single");
  applyTerms(stored(TERMS_KEY) === "off" ? "off" : "on");
})();
