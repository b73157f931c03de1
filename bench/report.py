"""The benchmark's figures as Markdown tables, with every budget and whether it holds."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.builds import Timing
from bench.lighthouse import CATEGORIES
from bench.lighthouse import Report as Lighthouse
from bench.slownet import SLOW_2G, Paint
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

    def cards(self, cold: Timing, printed: Timing, warm: Timing, count: int, pdfs: int, load: str) -> None:
        rows = [["nothing kept: every card drawn, every PDF printed", cold.pages, f"{cold.cpu:.1f} s", f"{cold.wall:.1f} s"],
                ["the cards kept, every PDF printed", printed.pages, f"{printed.cpu:.1f} s", f"{printed.wall:.1f} s"],
                ["everything kept from the last build", warm.pages, f"{warm.cpu:.1f} s", f"{warm.wall:.1f} s"]]
        cards, printing = cold.cpu - printed.cpu, printed.cpu - warm.cpu
        self.table("Share cards and PDFs, cold and warm", ["build", "pages", "CPU time", "wall time"], rows,
                   f"{count} cards (one per page, `<page>/card.png`): drawing them all costs {cards:.1f} s of CPU "
                   f"({1000 * cards / max(count, 1):.0f} ms a card, merging Noto Sans into the Arabic and Ethiopic "
                   f"fonts included); {pdfs} PDFs (the full text in each language): printing them all costs "
                   f"{printing:.1f} s of CPU ({1000 * printing / max(pdfs, 1):.0f} ms a PDF, WeasyPrint's loading "
                   "included). A rebuild with nothing changed draws and prints none and only copies them from "
                   f"`.cache/cards/` and `.cache/pdf/`. Load average before these builds: {load}. The scaled catalogues "
                   "below are built in fresh copies, so they draw their cards and print their PDFs too.")

    def output_check(self, ours: Timing, unverified: Timing, verifier: float, imports: float, load: tuple[float, ...]) -> None:
        """What the output allowlist (catalogue/validate/output.py, files.py) costs the build: its work over the
        built site (`verifier`) and what it loads once that the build does not otherwise (`imports`: pikepdf)."""
        rows = [["this site, every page and file verified", f"{ours.cpu:.2f} s", f"{ours.wall:.1f} s"],
                ["the same build with the verifier taken out of the hooks", f"{unverified.cpu:.2f} s", f"{unverified.wall:.1f} s"],
                ["the verifier alone, in one process, over the same output", f"{verifier:.3f} s", ""],
                ["importing pikepdf (which reads the PDFs) once, in a build's process", f"{imports:.3f} s", ""]]
        self.table("Output allowlist", ["build", "CPU time", "wall time"], rows,
                   "The build verifies each page as it is written, each offline copy's members as they are packed (its pages "
                   "as the site's pages with the addresses the build spelt otherwise: the edits it lists, retraced), and "
                   "every other file after Pagefind. The builds ran in turns, each keeping its smallest CPU time; the third row times the "
                   "verifier's own work (`bench/builds.py` `verifier_cpu`), which moves less with the machine's load, and the "
                   "fourth what only the verifier loads (`pikepdf_import_cpu`); the budget counts both. "
                   f"Load average at the end: {', '.join(f'{x:.1f}' for x in load)} (2 cores; above 2, figures are inflated).")
        share = (verifier + imports) / unverified.cpu
        self.budget("the output verifier's share of the build", f"{100 * share:.1f}% (builds: {100 * (ours.cpu / unverified.cpu - 1):+.1f}%)",
                    "≤ 5%", share <= 0.05)

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
        self.budget("first visit to a clause page, everything included", kb(worst), "≤ 64 KB", worst <= 64 * KB)
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

    def slow_network(self, figures: dict[str, dict[str, Paint]], before: dict[str, dict[str, dict]], runs: int) -> None:
        """Paint timings per profile and page, each beside the same figure measured before the fast-text work."""
        rows = []
        for profile, pages in figures.items():
            for page, p in pages.items():
                old = before.get(profile, {}).get(page)
                was = (lambda name: f" (was {old[name]:.2f})" if old else "")
                rows.append([profile, page, f"{p.fcp:.2f} s{was('fcp')}", f"{p.text:.2f} s{was('text')}",
                             f"{p.cls:.3f}{was('cls')}", f"{p.load:.2f} s{was('load')}"])
        self.table("Slow networks: paint timings of a first visit", ["network", "page", "first contentful paint",
                                                                     "main text painted", "layout shift (CLS)", "load event"], rows,
                   f"Chromium's network emulation (DevTools throttling), a 390 px phone screen, an empty cache, the site served "
                   f"by nginx as deployed; each figure is the median of {runs} runs (`bench/slownet.py`). The main text is a clause "
                   "page's clause, the full text's first clause and the crosswalk's title, timed with the Element Timing API. "
                   "\"was\" gives the figure of `bench/slownet-before.json`, measured the same way before the work on this budget.")
        slow = figures[SLOW_2G.name]
        clause_pages = [name for name in slow if name.startswith("clause page")]
        text = max(slow[name].text for name in clause_pages)
        shift = max(p.cls for pages in figures.values() for p in pages.values())
        self.budget(f"clause text painted at {SLOW_2G.name} (worst of en, ar, am)", f"{text:.2f} s", "≤ 2.5 s", text <= 2.5)
        self.budget("cumulative layout shift, any page and network", f"{shift:.3f}", "≤ 0.05", shift <= 0.05)

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
        head = ["# Benchmarks", "", "Reproduce with `make bench` (`bench/run.py`; about twenty-five minutes on an idle "
                "two-core machine). The script rewrites this file; `python -m bench.run output-check` and "
                "`python -m bench.run first-visit` replace only their own tables and budgets, and add a line below.", ""] + [f"- {line}" for line in self.machine]
        return "\n\n".join(["\n".join(head), "\n".join(budgets), *self.sections]) + "\n"

    text = markdown

    def merged_into(self, old: str, what: str) -> str:
        """`old` (BENCHMARKS.md) with this partial run's tables and budget rows in place of its own,
        and this run's machine line added under the old ones (in place of an earlier partial run's of
        the same `what`: which figures, and the command that measures them)."""
        for section in self.sections:
            title = section.split("\n", 1)[0]
            start = old.find(title + "\n")
            if start == -1:  # a table the last full run did not have yet
                old = old.rstrip("\n") + "\n\n" + section + "\n"
                continue
            end = old.find("\n## ", start + 1)
            old = old[:start] + section + ("\n" + old[end:] if end != -1 else "\n")
        for name, figure, limit, ok in self.budgets:
            row = f"| {name} | {figure} | {limit} | {'PASS' if ok else 'FAIL'} |"
            lines = old.split("\n")
            if any(line.startswith(f"| {name} |") for line in lines):
                old = "\n".join(row if line.startswith(f"| {name} |") else line for line in lines)
            else:  # a new budget: after the last row of the budgets table
                last = max(i for i, line in enumerate(lines[:lines.index("## Build time of the full site")])
                           if line.startswith("| "))
                old = "\n".join(lines[:last + 1] + [row] + lines[last + 1:])
        head = f"- Partial run ({what}): "
        old = "\n".join(line for line in old.split("\n") if not line.startswith(head))
        return old.replace("\n\n## Budgets", f"\n{head}{'; '.join(self.machine)}\n\n## Budgets", 1)
