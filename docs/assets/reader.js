/* Progressive enhancement for readers and advocates (the page works without it):
   - the copy-link and cite buttons of each clause (catalogue/cite.py) copy the permanent
     link or the citation shown in the clause's "Cite" panel, and say so in a live region;
   - the language switcher keeps the #fragment, so switching language keeps the clause. */
(function () {
  "use strict";

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "md-visually-hidden";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.querySelectorAll(".clause-tools").forEach(function (tools) {
    var status = tools.querySelector(".clause-tools__status");
    tools.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.classList.add("is-ready");
      button.addEventListener("click", function () {
        var source = tools.querySelector(button.getAttribute("data-copy"));
        var panel = document.getElementById(button.getAttribute("aria-controls") || "");
        if (panel) panel.open = true;
        copy(source.textContent.trim()).then(function () {
          status.textContent = button.getAttribute("data-done");
        }, function () {
          status.textContent = "";
        });
      });
    });
  });

  var switcher = "a.md-select__link[hreflang]";

  function keepFragment() {
    document.querySelectorAll(switcher).forEach(function (link) {
      link.setAttribute("href", link.getAttribute("href").split("#")[0] + location.hash);
    });
  }

  keepFragment();
  window.addEventListener("hashchange", keepFragment);
  /* Material's experimental "stay on page" click handler on <body> would send the reader
     to the other language's page without its fragment: the switcher's own link wins. */
  document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest(switcher)) {
      keepFragment();
      event.stopPropagation();
    }
  }, true);
})();
