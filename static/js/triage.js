// The mentor's inbox as a triage: j/k move the selection (its preview loads beside the list),
// Enter or o opens the selected entry's feedback form, Ctrl+Enter saves and moves to the next,
// Escape goes back to the list. Keys are ignored while typing in a field. Without JavaScript every
// list item is a link to the same page with that entry selected, and posting redirects there.
(function () {
  "use strict";
  var root = document.querySelector("[data-triage]");
  if (!root) return;
  var hint = document.getElementById("triage-keys");
  if (hint) hint.hidden = false;

  function links() {
    return Array.prototype.slice.call(root.querySelectorAll(".triage-link"));
  }
  function current() {
    return root.querySelector('.triage-link[aria-current="true"]');
  }
  function mark(link) {
    links().forEach(function (other) {
      if (other !== link) other.removeAttribute("aria-current");
    });
    if (link) link.setAttribute("aria-current", "true");
  }
  function preview() {
    return document.getElementById("triage-preview");
  }
  function move(step) {
    var all = links();
    if (!all.length) return;
    var at = all.indexOf(current());
    var next = at < 0 ? all[0] : all[Math.min(Math.max(at + step, 0), all.length - 1)];
    next.focus();
    if (next !== all[at]) {
      mark(next);
      next.click(); // htmx loads its preview
    }
  }
  function open() {
    var box = preview();
    if (!box) return;
    var form = box.querySelector(".triage-form");
    var first = form && form.querySelector("input:not([type=hidden]), textarea, select, button");
    (first || box).focus();
  }
  function show(box) {
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: "start" });
  }
  function typing(target) {
    var tag = target && target.tagName;
    return (
      tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)
    );
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey) return;
    var box = preview();
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      var form = box && box.querySelector(".triage-form");
      if (form && form.contains(event.target)) {
        event.preventDefault();
        form.requestSubmit(form.querySelector("[data-save]"));
      }
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" && box && box.contains(event.target)) {
      var selected = current();
      if (selected) {
        event.preventDefault();
        selected.focus();
      }
      return;
    }
    if (typing(event.target)) return;
    var onLink = event.target.classList && event.target.classList.contains("triage-link");
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      move(event.key === "j" ? 1 : -1);
    } else if (event.key === "o" || (event.key === "Enter" && onLink && event.target === current())) {
      event.preventDefault();
      open();
    }
  });

  // On a phone the preview sits below the list: an entry chosen by a click or a tap is shown.
  var stacked = window.matchMedia("(max-width: 63.99rem)");
  var shown = false;
  root.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".triage-link");
    if (!link) return;
    mark(link);
    shown = event.isTrusted && stacked.matches;
  });

  // After "save and next", the next entry is selected in the list and focus rests on it, so j/k
  // and Enter carry on from there; the status region has said what was posted. A refused post
  // comes back with its errors: focus goes to the form again.
  document.body.addEventListener("htmx:load", function (event) {
    var box = event.detail.elt;
    if (!box || box.id !== "triage-preview") return;
    if (box.querySelector(".triage-form .form-errors")) {
      var invalid = box.querySelector(".field-invalid input, .field-invalid textarea, .field-invalid select");
      (invalid || box).focus();
      return;
    }
    if (shown) {
      shown = false;
      show(box);
      return;
    }
    if (!box.hasAttribute("data-posted")) return;
    var entry = box.getAttribute("data-entry");
    var link = entry && root.querySelector('.triage-link[data-entry="' + entry + '"]');
    mark(link);
    if (stacked.matches || !link) show(box);
    else link.focus();
  });
})();
