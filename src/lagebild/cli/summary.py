"""The readable summary that ``make demo`` ends with."""
from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:  # the store (and DuckDB) load only for the commands that use them
    from ..store import Store

MODALITY_STYLE = {
    "asserted": "green", "planned": "cyan", "hypothetical": "magenta", "question": "magenta",
    "uncertain": "yellow", "negated": "red",
}


def _source(kind: str | None, text: str | None, count: int | None) -> str:
    if not kind:
        return "(the article)"
    label = text or kind
    if len(label) > 48:
        label = label[:45] + "…"
    return f"{kind}{f' ×{count}' if count else ''}: {label}"


def print_summary(store: "Store", limit: int, console: Console | None = None) -> None:
    from ..export.dates import readable_day, readable_text
    from ..store.overview import article_overview, event_overview

    if console is None:
        console = Console()
        if console.width < 150:  # pipes and narrow terminals: keep the table readable
            console = Console(width=150)
    for (aid, title, outlet, lang, published, n_events) in article_overview(store):
        console.print(f"[bold]{title or aid}[/]  [dim]{aid} · {outlet or 'outlet unknown'} · {lang} · "
                      f"published {readable_day(published) or '?'} · {n_events} events[/]", highlight=False)
    rows = event_overview(store, limit)
    table = Table(title=f"Events (first {len(rows)})", show_lines=False, expand=True)
    for col in ("type", "actor → recipient", "date", "modality", "according to", "evidence", "article"):
        table.add_column(col, overflow="fold")
    for (typ, mode, actors, recips, date, modality, skind, stext, scount, place, evidence, title, outlet, aid,
         published) in rows:
        who = ", ".join(actors or []) or "?"
        whom = ", ".join(recips or []) or "–"
        style = MODALITY_STYLE.get(modality, "white")
        ev = evidence if len(evidence) <= 90 else evidence[:87] + "…"
        when = readable_text(date) if date else f"[dim]no date; reported {readable_day(published) or '?'}[/]"
        label = title or aid
        label = label if len(label) <= 40 else label[:37] + "…"
        table.add_row(
            f"{typ}{f'/{mode}' if mode else ''}", f"{who} → {whom}" + (f" @ {place}" if place else ""),
            when, f"[{style}]{modality}[/]", _source(skind, stext, scount), ev,
            label + (f" [dim]({outlet})[/]" if outlet else ""),
        )
    console.print(table)
    counts = store.counts()
    console.print(
        f"[dim]store: {counts['articles']} articles, {counts['entities']} entities, {counts['times']} times, "
        f"{counts['attributions']} attributions, {counts['events']} events[/]"
    )
