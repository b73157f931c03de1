// Material for MkDocs' start-up code (partials/javascripts/base.html), moved out of the page so that
// the Content-Security-Policy allows no inline script. Its storage scope is the site's root, which
// this file knows from its own address (assets/material-scope.js) on every page of every language.
__md_scope = new URL("..", document.currentScript.src);
__md_hash = (value) => [...value].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
__md_get = (key, storage = localStorage, scope = __md_scope) => JSON.parse(storage.getItem(scope.pathname + "." + key));
__md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (error) {}
};
