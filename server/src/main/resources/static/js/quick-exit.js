// Quick exit, made stronger where JavaScript runs: leave by replacing this page in the history (so
// "back" does not return here) and on the Esc key. Without JavaScript the button is a plain link.
(function () {
  "use strict";
  var target = "https://www.google.com/search?q=weather";
  function leave(event) {
    if (event) { event.preventDefault(); }
    try { document.body.style.display = "none"; } catch (e) { /* ignore */ }
    window.location.replace(target);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("quick-exit");
    if (button) { button.addEventListener("click", leave); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { leave(event); }
  });
})();
