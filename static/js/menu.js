// On a phone, the navigation folds behind a Menu button. Without JavaScript nothing folds: every
// link stays on the page, as it is on a wide screen, where the button is never shown.
(function () {
  "use strict";
  var nav = document.querySelector(".nav");
  var toggle = nav && nav.querySelector(".nav-toggle");
  if (!toggle) return;
  nav.classList.add("nav-folds");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("nav-open", open);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("nav-open")) {
      toggle.setAttribute("aria-expanded", "false");
      nav.classList.remove("nav-open");
      toggle.focus();
    }
  });
})();
