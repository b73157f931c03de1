/* "Keep this language for offline reading" (catalogue/render/opendata.py), only when the reader
   chooses it: the language's pages (the list offline/keep-<lang>.json, the same as its zip) go into
   one cache of this browser, and a service worker (offline-sw.js, scoped to the language's folder)
   answers from that cache when the network fails. "Remove" deletes both. Nothing is fetched or
   stored before the reader chooses. */
(function () {
  "use strict";
  var box = document.querySelector("[data-offline-reading]");
  if (!box || !("serviceWorker" in navigator) || !window.caches || !window.isSecureContext) return;
  var data = box.dataset;
  var status = box.querySelector(".offline-reading__status");
  var keep = box.querySelector("[data-offline-keep]");
  var remove = box.querySelector("[data-offline-remove]");
  var scope = new URL(data.scope, location.href).href;

  function say(kept) {
    status.textContent = kept ? data.kept : data.removed;
  }

  keep.addEventListener("click", function () {
    keep.disabled = true;
    fetch(data.list, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (paths) {
      var root = new URL(data.worker, location.href);
      return caches.open(data.cache).then(function (cache) {
        return cache.addAll(paths.map(function (path) { return new URL(path, root).href; }));
      });
    }).then(function () {
      return navigator.serviceWorker.register(data.worker, { scope: scope });
    }).then(function () { say(true); }, function () {
      caches.delete(data.cache);
      status.textContent = data.failed;
    }).then(function () { keep.disabled = false; });
  });

  remove.addEventListener("click", function () {
    navigator.serviceWorker.getRegistration(scope).then(function (registration) {
      return Promise.all([caches.delete(data.cache), registration && registration.scope === scope && registration.unregister()]);
    }).then(function () { say(false); });
  });

  caches.has(data.cache).then(say);
  keep.classList.add("is-ready");
  remove.classList.add("is-ready");
})();
