// Reader controls of the declaration site: parallel view and a language switch that keeps the
// reader's place (copying links and citations is unit-actions.js). No third-party code, no network.
(function () {
  "use strict";
  var EDITION_KEY = "unhabitat-edition";
  var VIEW_KEY = "unhabitat-view";
  var root = document.documentElement;

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: choice not kept */ }
  }
  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  function applyView(view) {
    root.dataset.declView = view;
    document.querySelectorAll(".decl-view-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", view === "parallel" ? "true" : "false");
    });
  }

  document.addEventListener("click", function (event) {
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
      if (location.hash) {
        event.preventDefault();
        location.href = language.href.split("#")[0] + location.hash;
      }
    }
  });

  // Touch has no hover: the first tap on a term shows its tooltip, the second follows the link.
  var lastPointer = "mouse";
  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);
  document.addEventListener("click", function (event) {
    var term = event.target.closest("a.decl-term");
    if (!term || lastPointer !== "touch" || term.classList.contains("decl-tip-open")) { return; }
    event.preventDefault();
    document.querySelectorAll("a.decl-tip-open").forEach(function (t) { t.classList.remove("decl-tip-open"); });
    term.classList.add("decl-tip-open");
  }, true);

  // Glossary filter: hanzi, pinyin with or without tones or spaces, pinyin initials, English.
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
          (latin && (d.pinyin.indexOf(latin) >= 0 || d.initials.indexOf(latin) === 0 ||
            d.en.indexOf(query.toLowerCase()) >= 0));
        item.hidden = !hit;
        if (hit) { shown += 1; }
      });
      count.textContent = String(shown);
      none.hidden = shown > 0;
    };
    filter.addEventListener("input", run);
    filter.addEventListener("keyup", run);
    run();
  }

  applyView(stored(VIEW_KEY) === "parallel" ? "parallel" : "single");
})();
