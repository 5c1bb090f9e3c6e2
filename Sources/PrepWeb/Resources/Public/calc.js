// Recomputes as the user types: fetches this page with the form's inputs (the server does
// the arithmetic and renders the steps), swaps in the results, and keeps the address in step
// so it can be shared. Without JavaScript the Calculate button does the same.
(function () {
  "use strict";
  var form = document.getElementById("calc-form");
  var results = document.getElementById("results");
  if (!form || !results || !window.fetch) return;
  var timer = null;
  var latest = 0;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() !== "") params.append(name, value);
    });
    return params.toString();
  }

  function update() {
    var ticket = ++latest;
    var q = query();
    var url = form.getAttribute("action") + (q ? "?" + q : "");
    fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (ticket !== latest) return; // a newer request is on its way
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("results");
        if (fresh) results.replaceWith(fresh);
        results = fresh || results;
        history.replaceState(null, "", url);
      })
      .catch(function () { /* offline or stopped: the Calculate button still works */ });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
})();
