"""The knowledge base sits below the stages: entities and places both use kb/, neither
imports the other, and kb/ imports no stage (checked on the source, with an AST walk)."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import lagebild

ROOT = Path(lagebild.__file__).parent
STAGES = ("entities", "places", "times", "attributions", "events")


def imported_modules(path: Path) -> set[str]:
    """Absolute names of the modules a file imports (relative imports resolved; an
    ``from x import y`` counts as ``x.y`` too, since ``y`` may be a module)."""
    package = ".".join(("lagebild",) + path.relative_to(ROOT).parent.parts)
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.add(module)
            out.update(f"{module}.{alias.name}" for alias in node.names)
    return out


def imports_of(package: str) -> dict[str, set[str]]:
    return {str(p.relative_to(ROOT)): imported_modules(p) for p in sorted((ROOT / package).glob("*.py"))}


def offending(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(f"{file} imports {name}" for file, names in imports_of(package).items() for name in names
                  if any(name == f"lagebild.{f}" or name.startswith(f"lagebild.{f}.") for f in forbidden))


@pytest.mark.parametrize("stage", ["entities", "places", "kb"])
def test_each_package_imports(stage: str) -> None:
    for path in sorted((ROOT / stage).glob("*.py")):
        importlib.import_module(f"lagebild.{stage}.{path.stem}" if path.stem != "__init__" else f"lagebild.{stage}")


def test_entities_never_import_places() -> None:
    assert offending("entities", ("places",)) == []


def test_places_never_import_entities() -> None:
    assert offending("places", ("entities",)) == []


def test_kb_imports_no_stage() -> None:
    assert offending("kb", STAGES + ("pipeline", "nlp")) == []


def test_the_walk_sees_relative_imports() -> None:
    probe = ROOT / "entities" / "component.py"
    found = imported_modules(probe)
    assert "lagebild.kb.gazetteer" in found and "lagebild.entities.finder" in found
