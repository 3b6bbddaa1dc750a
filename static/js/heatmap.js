// The readiness heatmap as one ARIA grid: one Tab stop, the arrow keys move between squares
// (Home and End to a row's ends, Ctrl+Home and Ctrl+End to the grid's), and a tooltip says what
// a square holds on hover and on focus. Without JavaScript every square is a plain link with a
// title, and opens the page of its entries.
(function () {
  "use strict";
  var grid = document.querySelector(".heatmap[role=grid]");
  if (!grid) return;
  var rows = Array.prototype.map.call(
    grid.querySelectorAll(".heat-row:not(.heat-head)"),
    function (row) { return Array.prototype.slice.call(row.querySelectorAll("a.heat-cell")); }
  );
  if (!rows.length || !rows[0].length) return;

  var tip = document.createElement("div");
  tip.className = "heat-tip";
  tip.setAttribute("aria-hidden", "true"); // the square's own label already says it
  tip.hidden = true;
  document.body.appendChild(tip);

  function show(cell) {
    tip.textContent = cell.getAttribute("aria-label");
    tip.hidden = false;
    var box = cell.getBoundingClientRect();
    var left = Math.max(4, Math.min(box.left + box.width / 2 - tip.offsetWidth / 2,
      document.documentElement.clientWidth - tip.offsetWidth - 4));
    var top = box.top - tip.offsetHeight - 6;
    tip.style.left = left + "px";
    tip.style.top = (top < 4 ? box.bottom + 6 : top) + "px";
  }
  function hide() { tip.hidden = true; }

  var current = rows[0][rows[0].length - 1]; // the latest period of the first behaviour
  rows.forEach(function (cells) {
    cells.forEach(function (cell) {
      cell.removeAttribute("title"); // the tooltip below replaces the browser's
      cell.tabIndex = cell === current ? 0 : -1;
      cell.addEventListener("focus", function () {
        current.tabIndex = -1;
        current = cell;
        cell.tabIndex = 0;
        show(cell);
      });
      cell.addEventListener("blur", hide);
      cell.addEventListener("mouseenter", function () { show(cell); });
      cell.addEventListener("mouseleave", function () {
        if (document.activeElement === cell) show(cell); else hide();
      });
    });
  });

  function position(cell) {
    for (var r = 0; r < rows.length; r++) {
      var c = rows[r].indexOf(cell);
      if (c >= 0) return [r, c];
    }
    return null;
  }

  grid.addEventListener("keydown", function (event) {
    var at = position(event.target);
    if (!at) return;
    var r = at[0], c = at[1], last = rows[r].length - 1;
    // On a phone the latest period comes first: the arrows follow what the eye sees.
    var reversed = getComputedStyle(event.target.closest(".heat-row")).flexDirection === "row-reverse";
    var right = reversed ? -1 : 1;
    switch (event.key) {
      case "ArrowRight": c = Math.min(last, Math.max(0, c + right)); break;
      case "ArrowLeft": c = Math.min(last, Math.max(0, c - right)); break;
      case "ArrowDown": r = Math.min(rows.length - 1, r + 1); break;
      case "ArrowUp": r = Math.max(0, r - 1); break;
      case "Home": if (event.ctrlKey) r = 0; c = reversed ? last : 0; break;
      case "End": if (event.ctrlKey) r = rows.length - 1; c = reversed ? 0 : last; break;
      case "Escape": hide(); return;
      default: return;
    }
    event.preventDefault();
    var next = rows[r][Math.min(c, rows[r].length - 1)];
    next.focus();
    next.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
  // Scrolling moves the square: the tooltip follows a focused one, and leaves a hovered one.
  window.addEventListener("scroll", function () {
    if (position(document.activeElement)) show(document.activeElement); else hide();
  }, { passive: true });
})();
