// A cheat sheet's Print button: shown only when this script runs, since it needs it.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (wrapper) {
    wrapper.hidden = false;
    var button = wrapper.querySelector("button");
    if (button) button.addEventListener("click", function () { window.print(); });
  });
})();
