// Practice page: Space reveals, 1-4 grade, U undoes, t types an answer (Ctrl+Enter checks it),
// j/k/x and Alt+1-9 tick key points; ticking updates the suggested grade; a typed answer
// survives a reload. Without this file every action still works through links and forms.
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

  var card = document.querySelector("article.practice-card");
  var typed = document.getElementById("answer");
  var storeKey = card ? "infraprep.answer." + card.dataset.item : null;
  function store(value) {
    try { if (value) sessionStorage.setItem(storeKey, value); else sessionStorage.removeItem(storeKey); } catch (e) { /* storage off */ }
  }
  if (typed && storeKey) {
    var kept = null;
    try { kept = sessionStorage.getItem(storeKey); } catch (e) { /* storage off */ }
    if (kept && !typed.value) {
      typed.value = kept;
      typed.closest("details").open = true;
    }
    typed.addEventListener("input", function () { store(typed.value); });
  }
  if (form && storeKey) form.addEventListener("submit", function () { store(""); });

  function boxes() { return form ? Array.prototype.slice.call(form.querySelectorAll('input[name="hits[]"]')) : []; }
  function toggle(box) {
    if (!box) return;
    box.checked = !box.checked;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  }
  function step(by) {
    var list = boxes();
    if (!list.length) return;
    var at = list.indexOf(document.activeElement);
    var next = at < 0 ? 0 : Math.min(list.length - 1, Math.max(0, at + by));
    list[next].focus();
  }

  // After a typed answer is checked, the focus starts on the key points it was checked against.
  if (revealed() && document.querySelector(".your-answer") && boxes().length) boxes()[0].focus();

  // Space on a focused link, button, toggle or field acts on that element (issue #13: it
  // revealed the answer instead, spoiling the card); only with nothing focused does it reveal.
  function actsOnSpace(element) {
    if (!element || element === document.body || element === document.documentElement) return false;
    return Boolean(element.closest("a[href], button, summary, input, select, textarea, label, [role=button], [contenteditable]"));
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target === typed && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      typed.form.requestSubmit();
      return;
    }
    // Alt+1-9 ticks key point N (event.code: Alt changes event.key on some layouts).
    if (event.altKey && !event.ctrlKey && !event.metaKey && revealed() && /^Digit[1-9]$/.test(event.code)) {
      event.preventDefault();
      toggle(boxes()[Number(event.code.slice(5)) - 1]);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var typing = target && (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && target.type === "text"));
    if (typing) return;
    if (revealed() && (event.key === "j" || event.key === "k")) {
      event.preventDefault();
      step(event.key === "j" ? 1 : -1);
      return;
    }
    if (revealed() && event.key === "x" && target && target.name === "hits[]") {
      event.preventDefault();
      toggle(target);
      return;
    }
    if (!revealed() && typed && (event.key === "t" || event.key === "T")) {
      event.preventDefault();
      typed.closest("details").open = true;
      typed.focus();
      return;
    }
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
