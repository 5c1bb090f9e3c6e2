// Practice page: Space reveals, 1-4 grade, U undoes; ticking key points updates the
// suggested grade. Without this file every action still works through links and forms.
(function () {
  "use strict";
  var answer = document.getElementById("answer-section");
  var tryBox = document.getElementById("try");
  var revealLink = document.getElementById("reveal");
  var form = document.getElementById("grade-form");
  var suggestion = document.getElementById("suggestion");
  var names = ["", "Again", "Hard", "Good", "Easy"];

  function revealed() { return answer && !answer.hidden; }

  function reveal() {
    if (!answer || revealed()) return;
    answer.hidden = false;
    if (tryBox) tryBox.hidden = true;
    var first = answer.querySelector("input[type=checkbox]") || answer.querySelector("button.grade");
    if (first) first.focus({ preventScroll: true });
    answer.scrollIntoView({ block: "start", behavior: "smooth" });
  }

  function grade(n) {
    if (!form || !revealed()) return;
    var button = form.querySelector('button.grade[data-key="' + n + '"]');
    if (button && !form.dataset.sent) {
      form.dataset.sent = "1"; // one grade per card, even if the key repeats
      button.click();
    }
  }

  function suggest() {
    if (!form || !suggestion) return;
    var boxes = form.querySelectorAll("input[type=checkbox]");
    if (!boxes.length) return;
    var ticked = 0;
    boxes.forEach(function (b) { if (b.checked) ticked++; });
    var share = ticked / boxes.length;
    var rating = share < 0.4 ? 1 : share < 0.7 ? 2 : 3;
    suggestion.textContent = "Suggested grade: " + names[rating] + " (" + ticked + " of " + boxes.length +
      " key points). Grade as you judge it.";
    form.querySelectorAll("button.grade").forEach(function (b) {
      b.classList.toggle("suggested", Number(b.dataset.key) === rating);
    });
  }

  if (revealLink) {
    revealLink.addEventListener("click", function (event) {
      if (!answer) return;
      event.preventDefault();
      reveal();
    });
  }
  if (form) form.addEventListener("change", suggest);

  // Space on a focused link, button, toggle or field acts on that element (issue #13: it
  // revealed the answer instead, spoiling the card); only with nothing focused does it reveal.
  function actsOnSpace(element) {
    if (!element || element === document.body || element === document.documentElement) return false;
    return Boolean(element.closest("a[href], button, summary, input, select, textarea, label, [role=button], [contenteditable]"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target && (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && target.type === "text"));
    if (typing) return;
    if (event.key === " " || event.key === "Spacebar") {
      if (actsOnSpace(target)) return;
      if (!revealed() && answer) { event.preventDefault(); reveal(); }
    } else if (event.key >= "1" && event.key <= "4") {
      if (revealed()) { event.preventDefault(); grade(event.key); }
    } else if (event.key === "u" || event.key === "U") {
      var undo = document.getElementById("undo-form");
      if (undo) { event.preventDefault(); undo.submit(); }
    }
  });
})();
