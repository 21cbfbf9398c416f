// Reader controls of the declaration site: permalink copy, parallel view, and a
// language switch that keeps the reader's place. No third-party code, no network.
(function () {
  "use strict";
  var EDITION_KEY = "unhabitat-edition";
  var VIEW_KEY = "unhabitat-view";
  var root = document.documentElement;
  var zh = (root.getAttribute("lang") || "").indexOf("zh") === 0;
  var COPIED = zh ? "链接已复制" : "Link copied";
  var CITED = zh ? "引文已复制" : "Citation copied";

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: choice not kept */ }
  }
  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
    return Promise.resolve();
  }

  function announce(control, message) {
    var status = document.getElementById("decl-status");
    if (!status) {
      status = document.createElement("div");
      status.id = "decl-status";
      status.className = "decl-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = message;
    control.classList.add("decl-copied");
    setTimeout(function () { control.classList.remove("decl-copied"); status.textContent = ""; }, 2000);
  }

  function applyView(view) {
    root.dataset.declView = view;
    document.querySelectorAll(".decl-view-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", view === "parallel" ? "true" : "false");
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-permalink]");
    if (link) {
      event.preventDefault();
      var url = new URL(link.getAttribute("href"), location.href).href;
      history.replaceState(null, "", url);
      copyText(url).then(function () { announce(link, COPIED + ": " + url); });
      return;
    }
    var citation = event.target.closest(".decl-cite-copy");
    if (citation) {
      copyText(citation.dataset.copy).then(function () { announce(citation, CITED); });
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
    filter.addEventListener("input", run);
    filter.addEventListener("keyup", run);
    run();
  }

  applyView(stored(VIEW_KEY) === "parallel" ? "parallel" : "single");
})();
