/* The service worker of "Keep this language for offline reading" (docs/assets/offline.js), registered
   only when a reader chooses to keep a language, for that language's folder. The network first, as
   without it; when the network fails, the kept copy. */
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", function (event) {
  if (event.request.method !== "GET") return;
  event.respondWith(fetch(event.request).catch(function () {
    return caches.match(event.request, { ignoreSearch: true }).then(function (kept) {
      return kept || Response.error();
    });
  }));
});
