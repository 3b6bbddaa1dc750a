// Suggested behaviours: while a new entry's title and details are typed, this sends the picker's
// suggestions row a `words-typed` event, and htmx fetches chips for the behaviours the words sound
// like (evidence/suggestions.py) half a second after the typing stops. A chip is a button: clicking
// it (or Enter or Space on it) ticks its behaviour's box, and again unticks it; aria-pressed says
// whether the box is ticked. Without JavaScript no chips are fetched and the picker is plain
// checkboxes.
(function () {
  "use strict";
  var WORDS = ["title", "body"];

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (!form || WORDS.indexOf(event.target.name) < 0 || !window.htmx) return;
    var row = form.querySelector("[data-suggestions]");
    if (!row) return;
    var typed = WORDS.map(function (name) {
      var field = form.elements.namedItem(name);
      return field ? field.value : "";
    }).join("\n");
    if (row.getAttribute("data-words") === typed) return;
    row.setAttribute("data-words", typed);
    window.htmx.trigger(row, "words-typed");
  });

  function boxFor(chip) {
    var form = chip.closest("form");
    var id = chip.getAttribute("data-suggestion");
    if (!form || !/^[0-9]+$/.test(id)) return null;
    return form.querySelector('input[name="behaviours"][value="' + id + '"]');
  }

  function sync(root) {
    if (!root || !root.querySelectorAll) return;
    root.querySelectorAll("[data-suggestion]").forEach(function (chip) {
      var box = boxFor(chip);
      chip.setAttribute("aria-pressed", box && box.checked ? "true" : "false");
    });
  }

  document.addEventListener("click", function (event) {
    var chip = event.target.closest && event.target.closest("[data-suggestion]");
    if (!chip) return;
    var box = boxFor(chip);
    if (!box) return;
    box.click(); // as the picker's number keys do: the box's own input and change events fire
    sync(chip.closest("form"));
  });

  document.addEventListener("change", function (event) {
    if (event.target.name === "behaviours" && event.target.form) sync(event.target.form);
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    sync(event.target);
  });
})();
