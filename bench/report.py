"""The benchmark's figures as Markdown tables, with every budget and whether it holds."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.builds import Timing
from bench.lighthouse import CATEGORIES
from bench.lighthouse import Report as Lighthouse
from bench.transfer import Transfer

KB = 1024
KINDS = ("HTML", "CSS", "JS", "icons", "fonts", "search", "sitemap", "data", "other")
LIGHTHOUSE_BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def kb(size: float) -> str:
    return f"{size / KB:.1f} KB"


@dataclass
class Report:
    machine: list[str]
    sections: list[str] = field(default_factory=list)
    budgets: list[tuple[str, str, str, bool]] = field(default_factory=list)

    def table(self, title: str, header: list[str], rows: list[list], note: str = "") -> None:
        lines = [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
        self.sections.append("\n".join(lines + ([""] + [note] if note else [])))

    def budget(self, name: str, figure: str, limit: str, passed: bool) -> None:
        self.budgets.append((name, figure, limit, passed))

    def builds(self, ours: Timing, no_hooks: Timing, no_search: Timing, material: Timing, rounds: int) -> None:
        rows = [[name, t.pages, f"{t.cpu:.1f} s", f"{t.wall:.1f} s", f"{t.cpu / no_hooks.cpu:.2f}"] for name, t in (
            ("this site (Material, static-i18n, our hooks, Pagefind search)", ours),
            ("same pages, Material + static-i18n with Material's search, without our hooks", no_hooks),
            ("same pages, Material + static-i18n, without our hooks and without search", no_search),
            ("same pages, plain MkDocs + Material (defaults, lunr search, one language tree)", material))]
        self.table("Build time of the full site", ["build", "pages", "CPU time", "wall time", "CPU ÷ without hooks"], rows,
                   "CPU time (user + system, the build and its children: Pagefind included) is the figure: the machine "
                   f"is shared, so wall time mostly measures other work. Each build ran {rounds} times, in turns; the "
                   "table keeps each one's smallest CPU time. The pages without hooks are our generated Markdown dumped "
                   "to a docs tree (`bench/builds.py`); the comparison keeps a search, as Material has by default, "
                   "because our hooks' Pagefind step replaces Material's search plugin (the third row shows the build "
                   "with no search at all).")
        overhead = ours.cpu / no_hooks.cpu - 1
        self.budget("our hooks add to the build time of the same pages", f"{100 * overhead:+.0f}%", "≤ 15%", overhead <= 0.15)

    def cards(self, cold: Timing, warm: Timing, count: int, load: str) -> None:
        rows = [["every card drawn (no cache)", cold.pages, f"{cold.cpu:.1f} s", f"{cold.wall:.1f} s"],
                ["every card kept from the last build", warm.pages, f"{warm.cpu:.1f} s", f"{warm.wall:.1f} s"]]
        cost = cold.cpu - warm.cpu
        self.table("Share cards, cold and warm", ["build", "pages", "CPU time", "wall time"], rows,
                   f"{count} cards (one per page, `<page>/card.png`): drawing them all costs {cost:.1f} s of CPU "
                   f"({1000 * cost / max(count, 1):.0f} ms a card, merging Noto Sans into the Arabic and Ethiopic "
                   "fonts included) on a cold build; a rebuild with nothing changed draws none and only copies them "
                   f"from `.cache/cards/`. Load average before these builds: {load}. The scaled catalogues below are "
                   "built in fresh copies, so they draw their cards too.")

    def scaling(self, scaled: dict[str, tuple[Timing, int]]) -> None:
        base = scaled["1×"][0]
        rows = [[label, t.pages, f"{t.cpu:.1f} s", f"{t.per_page_ms:.1f} ms", f"{t.per_page_ms / base.per_page_ms:.2f}", kb(nav)]
                for label, (t, nav) in scaled.items()]
        self.table("Scaling with a synthetic catalogue", ["catalogue", "pages", "CPU time", "CPU per page", "÷ 1×",
                                                           "navigation per clause page (compressed)"], rows,
                   "Paragraphs, provisions and links repeated 10 and 100 times with new ids (`bench/synthetic.py`), "
                   "built strictly in a temporary copy in English and Arabic; the last row is the real catalogue in "
                   "fourteen languages (the seven plus seven reading the French text).")
        big = scaled["100×"][0].per_page_ms / base.per_page_ms
        self.budget("time per page at 100× vs 1×", f"{big:.2f}×", "≤ 1.3×", big <= 1.3)
        nav_1, nav_100 = scaled["1×"][1], scaled["100×"][1]
        self.budget("navigation per page at 100× vs 1× (navigation.prune)", f"{kb(nav_1)} → {kb(nav_100)}",
                    "does not grow", nav_100 <= nav_1 * 1.1)

    def visits(self, visits: dict[str, Transfer], html: dict[str, dict]) -> None:
        rows = [[name, kb(t.total), *[kb(t.sizes.get(k, 0)) for k in KINDS], len(t.failed) or "", len(t.external) or ""]
                for name, t in visits.items()]
        failed = sorted({line for t in visits.values() for line in t.failed})
        self.table("First visit, compressed", ["page", "total", *KINDS, "failed requests", "other origins"], rows,
                   "Failed requests: " + ("; ".join(failed[:8]) + (" …" if len(failed) > 8 else "") if failed else "none"))
        worst = max(visits[name].total for name in visits if name.startswith("clause page"))
        self.budget("first visit to a clause page, everything included", kb(worst), "≤ 100 KB", worst <= 100 * KB)
        rows = [[code, kb(h["size"]), kb(h["text_end"]), h["inline_scripts"], h["blocking_scripts"]] for code, h in html.items()]
        self.table("Clause page HTML", ["language", "HTML compressed", "clause text ends at (compressed)",
                                        "inline scripts before it", "blocking scripts before it"], rows)
        size = max(h["size"] for h in html.values())
        early = all(h["text_end"] <= 14 * KB and not h["blocking_scripts"] for h in html.values())
        self.budget("clause page HTML", kb(size), "≤ 14 KB", size <= 14 * KB)
        self.budget("clause text in the first 14 KB, before any blocking script", "yes" if early else "no", "yes", early)

    def searches(self, searches: dict[str, tuple[str, Transfer, int]], lunr: dict[str, int]) -> None:
        rows = []
        for name, (word, transfer, results) in searches.items():
            code = name.split(",")[0]
            languages = sorted({url.rsplit("/", 1)[-1].split("_")[0].split(".")[-1] for url in transfer.urls
                                if url.endswith((".pf_meta", ".pf_index", ".pf_fragment"))})
            rows.append([name, word, results, kb(transfer.total), kb(lunr[code]) if name == code else "",
                         ", ".join(languages)])
        self.table("First search, compressed", ["language", "word", "results", "Pagefind (measured)",
                                                "lunr split per language (modelled)", "index files of"], rows,
                   "Pagefind (chosen): `pagefind.js` and its WebAssembly, the language's metadata, the index "
                   "chunk of the word and one fragment per result shown (up to 10); nothing before the reader types. "
                   "lunr (rejected): that language's share of Material's `search_index.json` with the search worker and "
                   "lunr's stemmer; Material fetches it on every page load, so it would add to every first visit, and "
                   "it grows with the catalogue while Pagefind loads only the chunks a word needs (see the 100× row).")
        worst = max(t.total for name, (_, t, _) in searches.items() if "," not in name)
        self.budget("first search, any language", kb(worst), "≤ 150 KB", worst <= 150 * KB)

    def lighthouse(self, reports: dict[str, Lighthouse]) -> None:
        rows = [[code, *[r.scores[c] for c in CATEGORIES]] for code, r in reports.items()]
        failing = sorted({f"{c}: {audit}" for r in reports.values() for c in CATEGORIES for audit in r.failing[c]
                          if r.scores[c] < 100})
        self.table("Lighthouse 12.2.3, mobile, clause page", ["language", *CATEGORIES], rows,
                   "Audits that cost points:\n" + "\n".join(f"- {line}" for line in failing) if failing else "")
        for category, limit in LIGHTHOUSE_BUDGETS.items():
            worst = min(r.scores[category] for r in reports.values())
            self.budget(f"Lighthouse {category} (worst of {', '.join(reports)})", str(worst), f"≥ {limit}", worst >= limit)

    def markdown(self) -> str:
        budgets = ["## Budgets", "", "| budget | measured | limit | |", "| --- | --- | --- | --- |"]
        budgets += [f"| {name} | {figure} | {limit} | {'PASS' if ok else 'FAIL'} |" for name, figure, limit, ok in self.budgets]
        head = ["# Benchmarks", "", "Reproduce with `make bench` (`bench/run.py`; about ten minutes on an idle "
                "two-core machine). The script rewrites this file.", ""] + [f"- {line}" for line in self.machine]
        return "\n\n".join(["\n".join(head), "\n".join(budgets), *self.sections]) + "\n"

    text = markdown
