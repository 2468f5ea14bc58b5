"""Schema of ``grammar.json``: a language's closed word classes, listed once for every stage,
and the facts of its grammar and spelling that the stages decide by (``nouns_capitalised``).

A stage reads a class from here rather than keeping its own copy; where a stage needs a
different set it keeps that in its own file under its own name (``clause_openers``: words
besides the subordinators that open a clause for that stage).
"""
from __future__ import annotations

from typing import Literal

from .base import FileModel, Words


class Grammar(FileModel):
    #: definite and indefinite articles, every inflected form
    articles: Words
    prepositions: Words
    #: subordinating conjunctions: they open a dependent clause
    subordinators: Words
    #: relative pronouns and adverbs that open a relative clause
    relative_words: Words
    #: coordinating conjunctions that join two phrases of one kind
    coordinators: Words
    #: personal pronouns in the subject case
    subject_pronouns: Words
    #: auxiliaries of the passive voice
    passive_auxiliaries: Words
    #: words that negate a clause
    negation: Words
    #: lemmas of the auxiliary of the perfect ("have", "haben"): past finite, a pluperfect
    perfect_auxiliaries: Words
    #: the language writes every noun with a capital ("der Angriff"): a capital tells a noun from a
    #: verb of the same letters, and capitals, not POS tags, find noun phrases and their heads
    nouns_capitalised: bool
    #: main clauses put the finite verb second, after one phrase of any kind ("Am Montag sagte
    #: er"), and a clause after a comma with its subject first ("..., X sagte ...") is a new main
    #: clause, not an inserted source
    verb_second: bool
    #: a noun phrase may hold a phrase with its own preposition before its head ("zwei [mit den
    #: Beratungen] vertraute Personen")
    prenominal_pp: bool


#: the name of a class of :class:`Grammar`
GrammarClass = Literal["articles", "prepositions", "subordinators", "relative_words", "coordinators",
                       "subject_pronouns", "passive_auxiliaries", "negation", "perfect_auxiliaries"]
#: a stage's own subset of some grammar classes (``grammar_subsets`` in its file)
GrammarSubsets = dict[GrammarClass, Words]
