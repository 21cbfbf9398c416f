// The unit-actions control of every paragraph and sub-paragraph: copy its link, copy its citation in a
// style, download its citation files; and the translator's note markers, which open their note in place.
// No third-party code, no network.
(function () {
  "use strict";
  // The edition's words (locales/<lang>.yml, script), carried by the page (overrides/main.html).
  var WORDS = JSON.parse((document.querySelector("script[data-decl-words]") || {}).textContent || "{}");
  var COPIED = WORDS.copied;
  var CITED = WORDS.cited;

  // The built page carries the configured public address; the link a reader copies is the address the
  // page is served from. Citations get the same address, so the two can never disagree.
  function liveUrl(row) {
    return new URL("#" + row.id, location.href).href;
  }
  function localise(row) {
    var configured = row.getAttribute("data-permalink-url");
    var live = liveUrl(row);
    if (!configured || configured === live) { return; }
    row.querySelectorAll(".decl-cite-text").forEach(function (text) {
      text.textContent = text.textContent.split(configured).join(live);
    });
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

  function closeAll(except) {
    document.querySelectorAll("details.decl-actions[open]").forEach(function (menu) {
      if (menu !== except) { menu.open = false; }
    });
  }

  function openNote(id) {
    var note = document.getElementById(id);
    if (!note || !note.matches("details.decl-tn")) { return false; }
    note.open = true;
    note.querySelector("summary").focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var marker = event.target.closest(".decl-tn-ref");
    if (marker && openNote(marker.getAttribute("href").slice(1))) {
      event.preventDefault();
      return;
    }
    var link = event.target.closest(".decl-actions [data-permalink]");
    if (link) {
      event.preventDefault();
      var url = liveUrl(link.closest(".decl-row"));
      history.replaceState(null, "", url);
      copyText(url).then(function () { announce(link, COPIED + ": " + url); });
      return;
    }
    var copy = event.target.closest(".decl-cite-copy");
    if (copy) {
      var text = copy.parentNode.querySelector(".decl-cite-text").textContent;
      copyText(text).then(function () { announce(copy, CITED); });
      return;
    }
    closeAll(event.target.closest("details.decl-actions"));  // one menu open at a time; a tap outside closes it
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var menu = event.target.closest && event.target.closest("details.decl-actions[open]");
    if (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });

  document.querySelectorAll(".decl-row[data-permalink-url]").forEach(localise);
  if (location.hash) { openNote(decodeURIComponent(location.hash.slice(1))); }
})();
