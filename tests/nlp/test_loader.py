"""The built pipelines: every component declares what it reads and writes (requires/assigns)."""
from __future__ import annotations

import ast
import datetime as dt
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from lagebild.nlp import STAGES, register_components
from lagebild.nlp.extensions import INPUTS

from ..conftest import DE_TEXT, EN_TEXT

# The German text also takes the Vorfeld path of attributions, which reads the times.
TEXTS = {"de": DE_TEXT + " Bereits vor zwei Wochen hatte die Gewerkschaft erklärt, sie werde streiken.",
         "en": EN_TEXT}


def _lagebild_factories() -> list[str]:
    register_components()
    return sorted(name for name in spacy.registry.factories.get_all() if name.startswith("lagebild_"))


def test_every_lagebild_component_declares_what_it_assigns():
    names = _lagebild_factories()
    assert set(STAGES) <= set(names)
    undeclared = [name for name in names if not Language.get_factory_meta(name).assigns]
    assert not undeclared


@pytest.mark.model
@pytest.mark.parametrize("code", ["de", "en"])
def test_analyze_pipes_finds_no_problem(pipeline, code):
    nlp = pipeline.nlp(code)
    assert set(STAGES) <= set(nlp.pipe_names)
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert all(not missing for missing in problems.values()), problems


def doc_access(source: str) -> tuple[set[str], set[str]]:
    """The Doc attributes code reads and writes, as requires/assigns name them: ``x._.name``
    (also through getattr/setattr) is ``doc._.name``; any ``x.user_data`` is ``doc.user_data``."""
    read, written = set(), set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and node.value.attr == "_":
            (written if isinstance(node.ctx, ast.Store) else read).add(f"doc._.{node.attr}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr")
              and len(node.args) >= 2 and isinstance(node.args[0], ast.Attribute) and node.args[0].attr == "_"
              and isinstance(node.args[1], ast.Constant)):
            (written if node.func.id == "setattr" else read).add(f"doc._.{node.args[1].value}")
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) \
                and isinstance(node.value, ast.Attribute) and node.value.attr == "user_data":
            written.add("doc.user_data")
        elif isinstance(node, ast.Attribute) and node.attr == "user_data":
            read.add("doc.user_data")
    return read, written


def test_doc_access_finds_reads_and_writes():
    read, written = doc_access(
        "doc._.a = doc._.b\nx = getattr(v.doc._, 'c', None)\nsetattr(doc._, 'd', 1)\n"
        "doc.user_data['k'] = 1\ny = doc.user_data.get('k')\n")
    assert read == {"doc._.b", "doc._.c", "doc.user_data"}
    assert written == {"doc._.a", "doc._.d", "doc.user_data"}


@pytest.mark.parametrize("stage", STAGES)
def test_the_code_of_each_stage_declares_what_it_reads_and_writes(stage):
    """Static, over every module of the stage's folder (a path the texts below miss counts too)."""
    register_components()
    folder = Path(sys.modules[spacy.registry.factories.get(stage).__module__].__file__).parent
    read, written = set(), set()
    for path in sorted(folder.glob("*.py")):
        r, w = doc_access(path.read_text(encoding="utf-8"))
        read |= r
        written |= w
    meta = Language.get_factory_meta(stage)
    assert written <= set(meta.assigns), f"writes without assigning {sorted(written - set(meta.assigns))}"
    undeclared = read - set(meta.requires) - set(meta.assigns) - set(INPUTS)
    assert not undeclared, f"reads without requiring {sorted(undeclared)}"


class Tracking(dict):
    """``doc.user_data`` that remembers the keys read (extension values live there too)."""

    def __init__(self, data: dict) -> None:
        super().__init__(data)
        self.read: set = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        self.read.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)


def _attribute(key) -> str:
    """The requires/assigns name of a user_data key: ``doc._.x`` for an extension's value."""
    if isinstance(key, tuple) and len(key) == 4 and key[0] == "._.":
        _, name, start, end = key
        owner = "doc" if start is None else ("token" if end is None else "span")
        return f"{owner}._.{name}"
    return "doc.user_data"


def trace(nlp: Language, text: str, published: dt.date | None,
          stages: tuple[str, ...] = STAGES) -> dict[str, tuple[set[str], set[str]]]:
    """For each of ``stages``: the attributes it read and those it wrote."""
    doc = nlp.make_doc(text)
    doc._.lb_published = published
    out = {}
    for name, proc in nlp.pipeline:
        if name not in stages:
            doc = proc(doc)
            continue
        before = dict(doc.user_data)
        doc.user_data = Tracking(before)
        doc = proc(doc)
        read, after = doc.user_data.read, dict(doc.user_data)
        written = {k for k, v in after.items() if k not in before or v is not before[k]}
        out[name] = ({_attribute(k) for k in read}, {_attribute(k) for k in written})
        doc.user_data = after
    return out


@Language.component("test_probe_user_data", assigns=["doc._.lb_events"])
def _probe(doc):
    doc._.lb_events = doc.user_data.get("somewhere", [])
    doc.user_data["elsewhere"] = 1
    return doc


def test_trace_sees_reads_and_writes():
    register_components()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_probe_user_data")
    read, written = trace(nlp, "Text.", None, stages=("test_probe_user_data",))["test_probe_user_data"]
    assert read == {"doc.user_data"}
    assert written == {"doc.user_data", "doc._.lb_events"}


@pytest.mark.model
@pytest.mark.parametrize("code", ["de", "en"])
def test_every_stage_declares_what_it_reads_and_writes(pipeline, code):
    nlp = pipeline.nlp(code)
    traced = trace(nlp, TEXTS[code], dt.date(2025, 3, 4))
    assert set(traced) == set(STAGES)
    problems = []
    for name, (read, written) in traced.items():
        meta = nlp.get_pipe_meta(name)
        if not written:
            problems.append(f"{name} wrote nothing")
        if written - set(meta.assigns):
            problems.append(f"{name} writes without assigning {sorted(written - set(meta.assigns))}")
        if read - set(meta.requires) - set(INPUTS):
            problems.append(f"{name} reads without requiring {sorted(read - set(meta.requires) - set(INPUTS))}")
    assert not problems
