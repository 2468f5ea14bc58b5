"""The readable summary that ``make demo`` ends with."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

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


def print_summary(store: Store, limit: int, console: Console | None = None) -> None:
    if console is None:
        console = Console()
        if console.width < 150:  # pipes and narrow terminals: keep the table readable
            console = Console(width=150)
    for (aid, title, lang, published, n_events) in store.con.execute(
        "SELECT id, title, language, published, n_events FROM articles ORDER BY published NULLS LAST, id"
    ).fetchall():
        console.print(f"[bold]{title or aid}[/]  [dim]{aid} · {lang} · published {published or '?'} · {n_events} events[/]")
    rows = store.con.execute(
        """SELECT type, mode, actor_names, recipient_names, date, modality, source_kind, source_text,
                  source_count, location_name, evidence_text
           FROM events ORDER BY date_start NULLS LAST, article_id, evidence_start LIMIT ?""",
        [limit],
    ).fetchall()
    table = Table(title=f"Events (first {len(rows)})", show_lines=False, expand=True)
    for col in ("type", "actor → recipient", "date", "modality", "according to", "evidence"):
        table.add_column(col, overflow="fold")
    for (typ, mode, actors, recips, date, modality, skind, stext, scount, place, evidence) in rows:
        who = ", ".join(actors or []) or "?"
        whom = ", ".join(recips or []) or "–"
        style = MODALITY_STYLE.get(modality, "white")
        ev = evidence if len(evidence) <= 90 else evidence[:87] + "…"
        table.add_row(
            f"{typ}{f'/{mode}' if mode else ''}", f"{who} → {whom}" + (f" @ {place}" if place else ""),
            date or "–", f"[{style}]{modality}[/]", _source(skind, stext, scount), ev,
        )
    console.print(table)
    counts = store.counts()
    console.print(
        f"[dim]store: {counts['articles']} articles, {counts['entities']} entities, {counts['times']} times, "
        f"{counts['attributions']} attributions, {counts['events']} events[/]"
    )
