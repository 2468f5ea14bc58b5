"""Driver script for spark-submit (see docs/batch.md)::

    spark-submit [--archives env.tar.gz#env --conf ...] .../lagebild/batch/submit.py INPUT... --output DIR

Runs ``lagebild batch --engine spark --master submit``: the SparkSession takes the master
and configuration that spark-submit set up.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from lagebild.cli import app

    args = list(sys.argv[1:] if argv is None else argv)
    if "--engine" not in args:
        args += ["--engine", "spark"]
    if "--master" not in args:
        args += ["--master", "submit"]
    app(["batch", *args], prog_name="lagebild")


if __name__ == "__main__":
    main()
