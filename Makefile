# Two commands do everything on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.duckdb
SEED   ?= ../shared/data/seed

.PHONY: demo test install eval bench scale clean fuzz

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==25.3
	$(PY) -m pip install --quiet -e ".[dev]"
	@echo "building the place index once (cached in ~/.cache/lagebild; see README, Start-up)"
	-$(PY) -c "from lagebild.kb.gazetteer import get_gazetteer; get_gazetteer()"
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@rm -f $(DEMO_DB)
	$(VENV)/bin/lagebild ingest examples/ --db $(DEMO_DB)
	@if [ -d $(SEED) ]; then $(VENV)/bin/lagebild ingest $(SEED)/000_d8b280992632ea56.txt --published 2025-07-15 --db $(DEMO_DB); \
	 else echo "(../shared/data/seed not found: the seed article is not included)"; fi
	$(VENV)/bin/lagebild summary --db $(DEMO_DB)
	@echo
	@echo "Browse it:  $(VENV)/bin/lagebild serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

test: $(STAMP)
	$(PY) -m pytest -q tests
	$(PY) eval/floors.py

eval: $(STAMP)
	@for f in eval/*.py; do case $$f in eval/floors.py|eval/_*) ;; *) echo "== $$f"; $(PY) $$f;; esac; done

bench: $(STAMP)
	$(PY) bench/throughput.py
	$(PY) bench/api.py

# Hostile inputs (tests/fuzz/): >= 1,000 generated files through the pipeline; counts crashes, hangs, memory.
fuzz: $(STAMP)
	$(PY) -m tests.fuzz.run --n 1000

scale: $(STAMP)
	$(PY) bench/scale.py

clean:
	rm -rf $(VENV) *.duckdb build
