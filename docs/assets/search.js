// The site search: Pagefind, loaded on first use, searching only the index of this page's
// language (Pagefind picks it from <html lang>). Drawn with Material's search classes and
// its translated strings (#__config); no inline script or style, so a strict CSP holds.
(() => {
  if (location.protocol === "file:") {
    // The offline copy, opened from disk: browsers refuse Pagefind's module there, so no search
    // box; the page's note says how to find text with the browser instead.
    for (const note of document.querySelectorAll(".offline-find")) note.hidden = false;
    return;
  }
  const box = document.querySelector("[data-search]");
  if (!box) return;
  const toggle = document.getElementById("__search");
  const opener = document.querySelector("[data-search-open]");
  const query = box.querySelector("[data-search-query]");
  const meta = box.querySelector("[data-search-meta]");
  const list = box.querySelector("[data-search-results]");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const words = config.translations;
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const MAX_RESULTS = 10;
  let pagefind = null;
  let latest = 0;

  function setOpen(open) {
    toggle.checked = open;
    opener.setAttribute("aria-expanded", String(open));
  }

  function load() {
    pagefind ??= import(new URL("pagefind/pagefind.js", root).href).then(async (module) => {
      // No worker: a search of one language's chunks is quick, and the worker is 12 KB more to fetch.
      await module.options({ excerptLength: 24, noWorker: true });
      return module;
    });
    return pagefind;
  }

  function count(n) {
    if (n === 0) return words["search.result.none"];
    return n === 1 ? words["search.result.one"] : words["search.result.other"].replace("#", String(n));
  }

  // Pagefind's excerpt is escaped text with <mark> around the matches: keep exactly that.
  function excerpt(html) {
    const teaser = paragraph("", "md-search-result__teaser");
    const parsed = new DOMParser().parseFromString(html, "text/html").body;
    for (const node of parsed.childNodes) {
      const mark = node.nodeName === "MARK" ? document.createElement("mark") : null;
      if (mark) mark.textContent = node.textContent;
      teaser.append(mark || document.createTextNode(node.textContent));
    }
    return teaser;
  }

  function paragraph(text, className) {
    const element = document.createElement("p");
    element.textContent = text;
    element.className = className;
    return element;
  }

  function item(data) {
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h2");
    title.textContent = data.meta.title || data.url;
    article.append(title);
    if (data.meta.description) article.append(paragraph(data.meta.description, ""));
    article.append(excerpt(data.excerpt));
    link.append(article);
    const entry = document.createElement("li");
    entry.className = "md-search-result__item";
    entry.append(link);
    return entry;
  }

  async function run() {
    const text = query.value.trim();
    const mine = ++latest;
    if (!text) {
      list.replaceChildren();
      meta.textContent = words["search.result.placeholder"];
      return;
    }
    const engine = await load();
    // Debounced: while the reader types, only the last word typed loads its results' fragments.
    const found = await engine.debouncedSearch(text, {}, 250);
    if (found === null || mine !== latest) return;
    const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (mine !== latest) return;
    meta.textContent = count(found.results.length);
    list.replaceChildren(...data.map(item));
  }

  box.classList.add("is-ready");
  opener.classList.add("is-ready");
  opener.addEventListener("click", () => {
    setOpen(true);
    query.focus();
  });
  query.addEventListener("focus", () => {
    setOpen(true);
    load();
  });
  query.addEventListener("input", run);
  box.querySelector("[data-search-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.click();
  });
  toggle.addEventListener("change", () => setOpen(toggle.checked));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false);
      (opener.offsetParent ? opener : query).focus();
    } else if (event.key === "/" && !toggle.checked && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      event.preventDefault();
      setOpen(true);
      query.focus();
    }
  });
})();
