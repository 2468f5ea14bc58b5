"""Peak memory and time of one long or pathological article, each in its own process.

    .venv/bin/python bench/long_texts.py [case ...]

Cases (issue #20): 100,000 short lines, 300,000 characters of ordinary text, a single
300,000-character 'sentence' (no full stop), one word repeated for a megabyte, nested
brackets, a 300,000-character token. Each runs in a fresh subprocess (models loaded
there), so the peak RSS printed is that document's worker, models included. Target:
under 1 GB each, a bounded time, every offset inside the original text.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

SENTENCES = ("The minister said on Tuesday that the army attacked the village near Kyiv. "
             "Protesters gathered in Berlin to demand sanctions against Russia.\n")
CASES = {
    "lines_100k": lambda: "\n".join(f"line {i} word" for i in range(100_000)),
    "text_300k": lambda: (SENTENCES * (300_000 // len(SENTENCES) + 1))[:300_000],
    "sentence_300k": lambda: ("the army attacked the village and " * 8_824)[:300_000],
    "word_1m": lambda: "buffalo " * 125_000,
    "brackets_200k": lambda: "(" * 100_000 + ")" * 100_000,
    "token_300k": lambda: "Start. " + "x" * 300_000 + " end.",
}


def child(case: str) -> None:
    import lagebild

    text = CASES[case]()
    pipeline = lagebild.Pipeline()
    pipeline.nlp("en")
    start, cpu0 = time.perf_counter(), time.process_time()
    article = pipeline.analyze(text, language="en")
    inside = all(0 <= e.evidence.start <= e.evidence.end <= len(text) for e in article.events) and article.text == text
    longest = max((e - s for s, e in article.sentences), default=0)
    print(json.dumps({"case": case, "chars": len(text), "seconds": round(time.perf_counter() - start, 1),
                      "cpu_s": round(time.process_time() - cpu0, 1), "sentences": len(article.sentences),
                      "longest_sentence": longest, "events": len(article.events), "offsets_ok": inside,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main(cases: list[str]) -> int:
    print(f"{'case':<15}{'chars':>10}{'wall s':>8}{'cpu s':>8}{'peak MB':>9}{'sentences':>10}{'longest':>9}  offsets")
    worst = 0.0
    for case in cases or list(CASES):
        proc = subprocess.run([sys.executable, __file__, "--child", case], capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            print(f"{case:<15} FAILED rc={proc.returncode}: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        mb = r["peak_mb"]
        worst = max(worst, mb)
        print(f"{case:<15}{r['chars']:>10,}{r['seconds']:>8}{r['cpu_s']:>8}{mb:>9.0f}{r['sentences']:>10}"
              f"{r['longest_sentence']:>9}  {'ok' if r['offsets_ok'] else 'WRONG'}")
    print(f"peak RSS of any case: {worst:.0f} MB (target < 1024)")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        sys.exit(main(sys.argv[1:]))
