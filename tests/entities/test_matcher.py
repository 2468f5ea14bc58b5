"""The alias matcher: acronyms match in their dotted spelling too."""
from lagebild.entities.matcher import AliasMatcher, Entry


def _matcher() -> AliasMatcher:
    m = AliasMatcher(suffixes=["s"])
    m.add("FBI", Entry(target="fbi", kind="name", surface="FBI", exact_case=True))
    m.add("Federal Bureau of Investigation", Entry(target="fbi", kind="name", surface="Federal Bureau of Investigation"))
    return m


def _found(text: str) -> list[str]:
    return [text[x.start:x.end] for x in _matcher().find(text)]


def test_an_acronym_matches_written_with_dots():
    assert _found("The F.B.I. said on Tuesday") == ["F.B.I"]
    assert _found("The FBI said") == ["FBI"]


def test_the_dotted_letters_keep_the_acronym_case_and_adjacency():
    assert _found("the f.b.i. said") == []  # short aliases match in their own case only
    assert _found("F, then B; then I") == []  # letters apart are no acronym
