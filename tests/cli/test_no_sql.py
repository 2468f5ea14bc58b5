"""The CLI asks the store through functions: no SQL and no database connection in cli/."""
import re
from pathlib import Path

import lagebild.cli

SQL = re.compile(r"\.con\b|\.execute\(|\bSELECT\b|\bINSERT\b|\bCREATE TABLE\b")


def test_cli_modules_hold_no_sql():
    folder = Path(lagebild.cli.__file__).parent
    found = [f"{path.name}:{n}: {line.strip()}" for path in sorted(folder.glob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if SQL.search(line)]
    assert found == []
