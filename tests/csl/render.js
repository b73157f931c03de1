// Renders CSL-JSON items with citeproc-js and the official CSL styles and locales kept in
// tests/fixtures/csl/. Reads one JSON request on stdin:
//   {"style": "apa", "lang": "fr-FR", "items": [...], "clusters": [["id1"], ["id1", "id2"]]}
// and writes {"citations": ["...", ...], "bibliography": ["...", ...], "warnings": [...]} as plain text.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const FIXTURES = path.join(__dirname, "..", "fixtures", "csl");
const warnings = [];
CSL.debug = (message) => warnings.push(String(message));
console.log = console.warn = console.error = (...args) => warnings.push(args.join(" "));

function locale(lang) {
  const file = path.join(FIXTURES, "locales", `locales-${lang}.xml`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
}

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const items = Object.fromEntries(request.items.map((item) => [item.id, item]));
const sys = { retrieveLocale: locale, retrieveItem: (id) => items[id] };
const style = fs.readFileSync(path.join(FIXTURES, "styles", `${request.style}.csl`), "utf8");
const result = { citations: [], bibliography: [], warnings };
try {
  // No CSL locale (Kiswahili, Amharic): US English terms, as reference managers fall back to.
  const lang = locale(request.lang) ? request.lang : "en-US";
  const engine = new CSL.Engine(sys, style, lang, true);
  engine.setOutputFormat("text");
  engine.updateItems(Object.keys(items));
  for (const ids of request.clusters) {
    // A fresh citation each time, in a footnote of its own (note styles), no ibid.
    engine.updateItems(Object.keys(items));
    result.citations.push(engine.makeCitationCluster(ids.map((id) => ({ id }))));
  }
  const [, entries] = engine.makeBibliography();
  result.bibliography = entries.map((entry) => entry.trim());
} catch (error) {
  warnings.push(`error: ${error && error.stack || error}`);
}
process.stdout.write(JSON.stringify(result));
