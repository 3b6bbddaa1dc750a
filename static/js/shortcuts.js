// Logging fast. `c` on any page opens the quick add: on a page that has one (This week, home) it
// moves to its title; elsewhere a dialog loads the form from /entries/quick-add/. The header's
// "+ Log a win" does the same when clicked; without JavaScript it is a link to This week's form.
// `c` is ignored while typing in a field, with a modifier key, or while a dialog is open; Escape
// closes the dialog and focus goes back where it was. Ctrl+Enter logs from anywhere in the form.
// In a behaviour picker, a filter box narrows the list to names with words starting as typed, and
// 1-9 tick the numbered behaviours; without JavaScript the picker is plain checkboxes.
(function () {
  "use strict";
  var trigger = document.querySelector("[data-quick-add]");
  var MAX_KEYED = 9;

  function typing(target) {
    var tag = target && target.tagName;
    return (
      tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)
    );
  }
  function title(form) {
    return form && form.querySelector("input[name=title]");
  }

  // --- the behaviour picker ---------------------------------------------------------------------

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }
  function shown(label) {
    var group = label.closest("details");
    return !label.hidden && (!group || (group.open && !group.hidden));
  }
  function keyed(picker) {
    return Array.prototype.filter.call(picker.querySelectorAll("label.check"), shown).slice(0, MAX_KEYED);
  }
  function number(picker) {
    picker.querySelectorAll(".check-key").forEach(function (key) {
      key.remove();
    });
    picker.querySelectorAll("input[aria-keyshortcuts]").forEach(function (box) {
      box.removeAttribute("aria-keyshortcuts");
    });
    keyed(picker).forEach(function (label, at) {
      var key = document.createElement("span");
      key.className = "check-key";
      key.setAttribute("aria-hidden", "true");
      key.textContent = String(at + 1);
      var box = label.querySelector("input");
      box.setAttribute("aria-keyshortcuts", String(at + 1));
      box.after(key);
    });
  }
  function narrow(picker, text) {
    var wanted = words(text);
    var matches = 0;
    picker.querySelectorAll("label.check").forEach(function (label) {
      var name = words(label.textContent.replace(/[0-9]/g, " "));
      label.hidden = !wanted.every(function (word) {
        return name.some(function (part) {
          return part.indexOf(word) === 0;
        });
      });
      if (shown(label)) matches += 1;
    });
    // Other levels stay as they were, open or folded; a level with no match is left out.
    picker.querySelectorAll("details.other-level").forEach(function (group) {
      group.hidden = wanted.length > 0 && !group.querySelector("label.check:not([hidden])");
    });
    var count = picker.querySelector("[data-picker-count]");
    if (count) {
      count.textContent = wanted.length
        ? matches + (matches === 1 ? " behaviour matches" : " behaviours match")
        : "";
    }
    number(picker);
  }
  function setUp(root) {
    var pickers = root.matches && root.matches("[data-behaviour-picker]") ? [root] : [];
    pickers = pickers.concat(Array.prototype.slice.call(root.querySelectorAll("[data-behaviour-picker]")));
    pickers.forEach(function (picker) {
      if (picker.hasAttribute("data-ready")) return;
      picker.setAttribute("data-ready", "");
      var filter = picker.querySelector("[data-picker-filter]");
      var box = filter && filter.querySelector("input");
      if (box) {
        filter.hidden = false;
        box.addEventListener("input", function () {
          narrow(picker, box.value);
        });
      }
      picker.querySelectorAll("details.other-level").forEach(function (group) {
        group.addEventListener("toggle", function () {
          number(picker);
        });
      });
      number(picker);
    });
    root.querySelectorAll("[data-shortcut-hint]").forEach(function (hint) {
      hint.hidden = !trigger;
    });
  }

  function pickerKeys(event) {
    var picker = event.target.closest && event.target.closest("[data-behaviour-picker]");
    if (!picker || event.ctrlKey || event.metaKey || event.altKey) return false;
    var inFilter = event.target.type === "search";
    if (/^[1-9]$/.test(event.key) && (inFilter || event.target.type === "checkbox")) {
      var label = keyed(picker)[Number(event.key) - 1];
      if (label) label.querySelector("input").click();
      return true;
    }
    if (inFilter && event.key === "Enter") {
      // Enter in the filter ticks the first match; it never logs a half-written entry.
      var first = event.target.value.trim() && keyed(picker)[0];
      if (first) first.querySelector("input").click();
      return true;
    }
    if (inFilter && event.key === "Escape" && event.target.value) {
      event.target.value = "";
      narrow(picker, "");
      return true;
    }
    return false;
  }

  // --- the quick add and its dialog -------------------------------------------------------------

  function inline() {
    var form = document.getElementById("quick-add");
    return form && !form.closest("dialog") ? form : null;
  }

  function openDialog() {
    var back = document.activeElement;
    var dialog = document.createElement("dialog");
    dialog.className = "quick-add-modal";
    dialog.setAttribute("aria-labelledby", "quick-add-heading");
    var body = document.createElement("div");
    dialog.appendChild(body);
    document.body.appendChild(dialog);
    dialog.addEventListener("close", function () {
      dialog.remove();
      if (back && back.isConnected && back.focus) back.focus();
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog || (event.target.closest && event.target.closest("[data-close-dialog]"))) {
        dialog.close();
      }
    });
    var url = trigger.getAttribute("data-quick-add");
    window.htmx.ajax("GET", url, { target: body, swap: "innerHTML" }).then(function () {
      var form = body.querySelector("#quick-add");
      if (!form) {
        dialog.remove();
        window.location.assign(trigger.href);
        return;
      }
      dialog.showModal();
      title(form).focus();
    });
  }

  function open() {
    if (document.querySelector("dialog[open]")) return;
    var form = inline();
    if (form) {
      title(form).focus();
      return;
    }
    if (!window.htmx) {
      window.location.assign(trigger.href);
      return;
    }
    openDialog();
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing) return;
    if (pickerKeys(event)) {
      event.preventDefault();
      return;
    }
    var form = event.target.closest && event.target.closest("#quick-add");
    if (form && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    if (!trigger || event.key !== "c" || event.repeat) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (typing(event.target) || document.querySelector("dialog[open]")) return;
    event.preventDefault();
    open();
  });

  if (trigger) {
    trigger.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      open();
    });
  }

  setUp(document);
  document.addEventListener("htmx:load", function (event) {
    setUp(event.detail.elt);
  });
})();
