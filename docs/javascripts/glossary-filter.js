// The glossary index's filter: the source forms (hanzi), pinyin with or without tones or spaces, pinyin
// initials, and the designations in every translation (data-names, lower-cased).
// Other pages have no filter and this does nothing there. No third-party code.
(function () {
  "use strict";
  var filter = document.getElementById("glossary-filter");
  if (!filter) { return; }

  // data-pinyin and data-initials hold one key per Chinese form, separated by spaces.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ü/g, "v");
  }
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
        d.source.indexOf(query) >= 0 ||
        (latin && (d.pinyin.indexOf(latin) >= 0 || (" " + d.initials).indexOf(" " + latin) >= 0 ||
          d.names.indexOf(query.toLowerCase()) >= 0));
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
})();
