"""The public API is exactly ``lagebild.__all__`` (as httpx checks its own)."""
from __future__ import annotations

from types import ModuleType

import pytest

import lagebild
import lagebild.nlp


def _public_names(package: ModuleType) -> set[str]:
    """Names a user sees in the package's namespace: not private, not one of its submodules."""
    prefix = package.__name__ + "."
    return {name for name, value in vars(package).items()
            if not name.startswith("_")
            and not (isinstance(value, ModuleType) and value.__name__.startswith(prefix))}


@pytest.mark.parametrize("package", [lagebild, lagebild.nlp], ids=lambda p: p.__name__)
def test_every_public_name_is_in_all(package):
    public = {name for name in package.__all__ if not name.startswith("_")}
    assert _public_names(package) == public  # e.g. a stray `import datetime as dt` leaks `lagebild.dt`


def test_all_names_exist_once():
    for name in lagebild.__all__:
        assert hasattr(lagebild, name), name
    assert len(set(lagebild.__all__)) == len(lagebild.__all__)


def test_a_leak_is_caught():
    probe = ModuleType("probe")
    probe.__all__ = ["Thing"]
    probe.Thing, probe.helper, probe._private = object(), object(), object()
    probe.sub = ModuleType("probe.sub")
    assert _public_names(probe) == {"Thing", "helper"}
