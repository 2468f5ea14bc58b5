"""How to read lagebild data: the page ``/guide`` (the README's section of the same name says the same).

Plain data, so that a test can check that the README and the page cover the same values,
and that every value the records may hold is explained.
"""
from __future__ import annotations

#: PLOVER type -> (what it covers, modes lagebild assigns)
TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AGREE": ("agree to, sign or settle: accords, deals, ceasefire agreements", ()),
    "CONSULT": ("talk: meetings, visits, phone calls, multilateral talks", ("meet", "phone", "visit", "multilateral")),
    "SUPPORT": ("express support, approve, endorse, praise", ()),
    "CONCEDE": ("give in: ease restrictions, apologise, accept demands", ()),
    "COOPERATE": ("work together: joint economic, military, security or judicial action", ()),
    "AID": ("give material help: economic, military, humanitarian aid", ()),
    "RETREAT": ("step back: withdraw troops, release people, allow access, cease fire, resign",
                ("withdraw", "release", "access", "ceasefire", "resign")),
    "REQUEST": ("ask or demand: appeals, calls for help or for change", ("assist", "change")),
    "ACCUSE": ("blame: accuse, criticise, allege, open an investigation", ("disapprove", "allege", "investigate")),
    "REJECT": ("refuse: proposals, requests, meetings, demands", ("assist", "meet", "yield")),
    "THREATEN": ("threaten force, restrictions or a break in relations", ("violence", "restrict", "relations")),
    "PROTEST": ("dissent in public: demonstrations, riots, strikes, boycotts, hunger strikes, blockades",
                ("demo", "riot", "strike", "boycott", "hunger", "obstruct")),
    "SANCTION": ("punish without force: sanctions, cutting ties, expulsions, convictions",
                 ("discontinue", "expel", "withdraw", "convict")),
    "MOBILIZE": ("ready force: deploy or put on alert troops, police, militia, weapons",
                 ("troops", "police", "militia", "weapons")),
    "COERCE": ("force short of violence: arrests, seizures, restrictions, censorship, curfews, deportations, cyber attacks",
               ("arrest", "seize", "restrict", "censor", "curfew", "martial-law", "deport", "withhold", "cyber")),
    "ASSAULT": ("violence: shooting, bombing, air and drone strikes, abductions, torture, destruction",
                ("firearms", "explosives", "aerial", "drone", "heavy-weapons", "abduct", "torture", "targeted",
                 "destroy", "beat", "sexual")),
}

MODALITIES: dict[str, str] = {
    "asserted": "the text says it happened (or is happening)",
    "planned": "announced, scheduled or intended, not (yet) done",
    "hypothetical": "only under a condition or as a possibility (if …, would …)",
    "uncertain": "the text hedges: may, might, possibly, could not be confirmed",
    "question": "only asked about",
    "negated": "the text says it did not happen (denied, did not …)",
}

FORMS: dict[str, str] = {
    "direct": "a quotation in quotation marks",
    "indirect": "reported speech (X said that …)",
    "reported": "an act of saying named without its words (X denied the attack, according to X)",
    "no_comment": "a source declined to comment",
}

SOURCE_KINDS: dict[str, str] = {
    "person": "a named or described person",
    "anonymous": "unnamed sources (\"two officials familiar with the call\"); `count` gives their number where the text does",
    "institution": "an organisation, government, ministry or army speaking as such",
    "document": "a report, statement, study, court filing",
    "social_media": "a post (on X, Telegram, …)",
    "unknown": "a source the text implies but does not name",
    "none": "no attribution: the article itself says so (shown as \"the article itself\")",
}

PRECISIONS: dict[str, str] = {
    "time": "a clock time: 2009-03-25T14:30 → 25 Mar 2009, 14:30",
    "part of day": "a day and a part of it: 2009-03-25TAF → 25 Mar 2009, afternoon (MO morning, MI midday, AF afternoon, "
                   "EV evening, NI night)",
    "day": "2009-03-25 → 25 Mar 2009",
    "week": "2025-W28 → week 28 of 2025 (7 Jul – 13 Jul); -WE: its weekend",
    "month": "2009-03 → Mar 2009",
    "quarter": "2009-Q2 → Q2 2009 (Apr – Jun)",
    "half-year": "2009-H1 → first half of 2009",
    "season": "2009-SU → summer 2009 (SP spring, SU summer, FA autumn, WI winter)",
    "year": "2009",
    "decade": "200 → the 2000s",
    "vague": "PAST_REF, PRESENT_REF, FUTURE_REF: in the past / now / in the future, no date",
}

CONFIDENCE = ("A number from 0.05 to 0.99: how sure lagebild is that the event, its type and its actor are read "
              "right (not how sure the text is: that is the modality). It starts from the trigger word's weight and "
              "goes down for an unknown or unlinked actor, a missing recipient, a deeply embedded clause or a noun "
              "trigger. Sort by it, or keep events above about 0.5 for precision.")
