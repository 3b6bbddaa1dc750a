// The evidence inbox on This week: merged pull requests waiting to be logged. Within the inbox,
// j/k (or the arrow keys) move between drafts, l logs the focused draft with the behaviours left
// ticked, x dismisses it, e opens it in the full form first. j also enters the inbox from
// nowhere in particular (the page itself focused; Escape in an empty field lets go of it, as
// the quick add's title has the focus when the page opens). Keys are ignored while typing in a field,
// with a modifier key, or while a dialog is open. After a draft is logged or dismissed (htmx
// swaps in a line saying so), focus moves to the next draft. Without JavaScript each draft is a
// plain form: Log and Dismiss post and come back to This week.
(function () {
  "use strict";
  var root = document.querySelector("[data-drafts]");
  if (!root) return;
  var hint = root.querySelector("[data-drafts-keys]");
  if (hint) hint.hidden = false;

  function typing(target) {
    var tag = target && target.tagName;
    return (
      tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)
    );
  }
  function drafts() {
    return Array.prototype.slice.call(root.querySelectorAll("[data-draft]"));
  }
  function items() {
    return Array.prototype.slice.call(root.querySelectorAll("[data-draft], [data-draft-done]"));
  }
  function focused() {
    var active = document.activeElement;
    return active && active.closest ? active.closest("[data-draft]") : null;
  }
  function move(step) {
    var all = drafts();
    if (!all.length) return;
    var at = all.indexOf(focused());
    var next = at < 0 ? all[step > 0 ? 0 : all.length - 1] : all[Math.min(Math.max(at + step, 0), all.length - 1)];
    next.focus();
  }
  function press(selector) {
    var draft = focused();
    var control = draft && draft.querySelector(selector);
    if (control) control.click();
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (document.querySelector("dialog[open]")) return;
    // The quick add's title has the focus when This week opens: Escape in an empty field lets
    // go of it, so j reaches the inbox without a mouse.
    if (event.key === "Escape" && typing(event.target) && !event.target.value) {
      event.target.blur();
      return;
    }
    if (typing(event.target)) return;
    var inside = root.contains(event.target);
    var nowhere = event.target === document.body || event.target === document.documentElement;
    if (!inside && !(nowhere && event.key === "j")) return;
    var key = event.key;
    if (key === "j" || key === "ArrowDown") move(1);
    else if (key === "k" || key === "ArrowUp") move(-1);
    else if (key === "l") press("[data-draft-log]");
    else if (key === "x") press("[data-draft-dismiss]");
    else if (key === "e") press("[data-draft-edit]");
    else return;
    event.preventDefault();
  });

  // A draft just logged or dismissed: the next one waiting takes the focus, else the line that
  // says what happened (so focus never falls back to the top of the page).
  document.body.addEventListener("htmx:load", function (event) {
    var done = event.detail.elt;
    if (!done || !root.contains(done)) return;
    if (done.hasAttribute("data-draft")) {
      done.focus();
      return;
    }
    if (!done.hasAttribute("data-draft-done")) return;
    var all = items();
    var after = all.slice(all.indexOf(done) + 1).concat(all.slice(0, all.indexOf(done)));
    var next = after.filter(function (item) {
      return item.hasAttribute("data-draft");
    })[0];
    (next || done).focus();
  });
})();
