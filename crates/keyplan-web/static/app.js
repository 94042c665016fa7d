// Small enhancements; every page works without this file.
(function () {
  "use strict";
  // One popover open at a time; Escape or a click outside closes it.
  function closeOthers(except) {
    document.querySelectorAll("details.pop[open], details.panel-form.right[open]").forEach(function (d) {
      if (d !== except && !d.contains(except)) d.removeAttribute("open");
    });
  }
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (d.matches && d.matches("details.pop, details.panel-form.right") && d.open) {
      closeOthers(d);
      var first = d.querySelector("textarea, input:not([type=hidden]), select");
      if (first) first.focus();
    }
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") closeOthers(null);
  });
  document.addEventListener("click", function (e) {
    if (!e.target.closest("details.pop, details.panel-form.right")) closeOthers(null);
  });
  // Let the confirmation message fade after a few seconds.
  var flash = document.querySelector(".flash");
  if (flash) setTimeout(function () { flash.style.transition = "opacity .6s"; flash.style.opacity = "0"; }, 6000);
  // Bring a freshly changed node into view (the URL ends in #node-N).
  if (location.hash.indexOf("#node-") === 0) {
    var el = document.querySelector(location.hash);
    if (el) { el.classList.add("flash-node"); }
  }
})();
