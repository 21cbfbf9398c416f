// Term tooltips: on touch, the first tap on a term shows its tooltip and the second follows the link;
// a tooltip stays inside the viewport. Terms hidden by the terms switch are plain text. No third-party code.
(function () {
  "use strict";
  var root = document.documentElement;
  var zh = (root.getAttribute("lang") || "").indexOf("zh") === 0;
  var AGAIN = zh ? "再点一次查看词条" : "Tap again to open the entry";

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
})();
