/* "Exit this page" (overrides/partials/header.html), after the GOV.UK Design System's component.
   Without this script the link is an ordinary link to a neutral website. With it:
   - a tap or click hides the page at once and replaces it with that website in this tab's
     history (location.replace), so Back does not come back here;
   - Shift pressed on its own three times, each within five seconds of the last, does the same;
     a screen reader hears how many presses are left, and the link shows them (data-presses).
   The browser's history list still records the visit: the Get help page says so. */
(function () {
  "use strict";

  var link = document.querySelector("a.exit-page");
  var status = document.querySelector(".exit-page__status");
  if (!link || !status) return;

  var WAIT = 5000;
  var presses = 0;
  var lastWasModifier = false;
  var timer = null;
  var clearer = null;

  function show(count) {
    presses = count;
    if (count) link.setAttribute("data-presses", String(count));
    else link.removeAttribute("data-presses");
  }

  function leave() {
    status.textContent = "";
    document.documentElement.classList.add("exit-page--leaving");
    var overlay = document.createElement("div");
    overlay.className = "exit-page-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    overlay.textContent = link.getAttribute("data-leaving");
    window.location.replace(link.href);
  }

  function stopCounting() {
    window.clearTimeout(timer);
    timer = null;
    show(0);
    status.textContent = link.getAttribute("data-reset");
    clearer = window.setTimeout(function () { status.textContent = ""; }, WAIT);
  }

  link.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leave();
  });

  /* Shift used as a modifier (Shift+A) sends a keyup for A with shiftKey set, then one for
     Shift: that Shift does not count. */
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastWasModifier) {
      window.clearTimeout(clearer);
      show(presses + 1);
      window.clearTimeout(timer);
      if (presses >= 3) {
        show(0);
        leave();
      } else {
        status.textContent = link.getAttribute(presses === 1 ? "data-press-two" : "data-press-one");
        timer = window.setTimeout(stopCounting, WAIT);
      }
    } else if (timer) {
      stopCounting();
    }
    lastWasModifier = event.shiftKey;
  }, true);

  /* A page restored from the back-forward cache comes back usable, not blank. */
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("exit-page--leaving");
    document.querySelectorAll(".exit-page-overlay").forEach(function (overlay) { overlay.remove(); });
    window.clearTimeout(timer);
    timer = null;
    show(0);
    status.textContent = "";
  });
})();
