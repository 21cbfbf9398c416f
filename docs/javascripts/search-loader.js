// The search (search.js) is fetched when a reader turns to it, not with every page: on focus of the
// search box, on `/` or `s` (never with Ctrl, Cmd or Alt: those keys are the browser's), or when the
// address asks for it (?h= marks the words of a result, ?q= searches). No third-party code.
(function () {
  "use strict";
  var searchInput = document.getElementById("decl-search-input");
  if (!searchInput) { return; }
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
})();
