"""The per-document facts and rules made cheaper keep their answers: each faster path is
checked against the plain reading it replaces, on texts made to exercise it."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import regex
import yaml
from rapidfuzz import fuzz, process

from lint import speakers
from lint.config import Config, active_rules, all_rules
from lint.names import Mention
from lint.registers import anonymity
from lint.registers.anonymity import load_anonymity, phrase_alternatives, phrase_pieces
from lint.registers.names import NameIndex
from lint.registers.organisations import load_organisations
from lint.registers.people import Person, load_people
from lint.registers.quotes import Statement
from lint.rules.anonymity_common import (
    _WORD,
    NAME,
    AnonymityRule,
    Reading,
    _Patterns,
    branch_choice,
    chosen_matches,
)
from lint.rules.approved_quote import Words, coded, compare
from lint.rules.jigsaw import Jigsaw
from lint.rules.organisations import Organisations
from lint.rules.prefilter import OneByOne, top_level_branches
from lint.rules.substitution import Substitution

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "precision" / "corpus"


def _plain_compare(quote: Words, approved: Words) -> tuple[float, tuple[int, int]]:
    """The comparison on word lists, as it was written before words were coded."""
    n, total = len(quote.norm), len(approved.norm)
    if n < total:
        step = max(1, n // 10)
        lengths = range(max(1, n - n // 3), min(total, n + n // 2) + 1, step)
        windows = [(i, i + length) for length in lengths for i in range(total - length + 1)]
        best = process.extractOne(
            list(quote.norm), [approved.norm[a:b] for a, b in windows], scorer=fuzz.ratio
        )
        assert best is not None
        window = windows[best[2]]
    else:
        window = (0, total)
    return fuzz.ratio(quote.norm, approved.norm[window[0] : window[1]]), window


def test_coded_words_are_one_character_each_the_same_for_the_same_word() -> None:
    said, signed = coded(("we", "will", "act"), ("act", "now", "we", "will"))
    assert len(said) == 3 and len(signed) == 4
    assert said[0] == signed[2] and said[1] == signed[3] and said[2] == signed[0]
    assert signed[1] not in said


def test_compare_scores_a_quote_as_the_word_lists_do() -> None:
    rng = random.Random(11)
    vocabulary = [f"w{i}" for i in range(40)]
    statement = Statement("A Speaker", "", "a test")
    checked = 0
    for _ in range(200):
        approved = Words.of(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 80))))
        quote = Words.of(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 40))))
        found = compare(quote, statement, approved)
        if found.exact:
            continue
        assert (found.score, found.window) == _plain_compare(quote, approved)
        checked += 1
    assert checked > 150


def _reading(text: str) -> Reading:
    return Reading(text, (), False, False, False, False, False, frozenset(), frozenset())


def test_the_words_outside_quotes_are_the_words_that_start_outside_every_quote() -> None:
    texts = [
        'Ms Patel said: "Mrs Delahaye screamed." Later, Mrs Delahaye’s son spoke.',
        "“She was brave,” said DC Ward. “Sophie's courage\nWe thank Ms O'Neill.",
        'He said "it\'s over" and left—"no more"',
        "No quotes at all, only words-with-hyphens and it’s.",
        '"Open to the end of the text',
    ]
    for text in texts:
        reading = _reading(text)
        plain = [w.group() for w in _WORD.finditer(text) if not reading.in_quote(w.start())]
        spans = [w for lo, hi in reading.unquoted for w in _WORD.findall(text, lo, hi)]
        assert spans == plain
    outside = {w for lo, hi in _reading(texts[0]).unquoted for w in _WORD.findall(texts[0], lo, hi)}
    assert "Delahaye’s" in outside and "screamed" not in outside


def test_a_register_name_with_its_ends_matches_as_with_a_space_before_each_end() -> None:
    words = load_anonymity(ROOT / "rules" / "Anonymity" / "_anonymity.yml")
    rng = random.Random(7)
    checked = 0
    for _kind, phrases in words.jigsaw:
        ends = sorted(
            (p[len("{Name}") :] for p in phrases if p.startswith("{Name} ")),
            key=lambda p: (-len(p), p),
        )
        if len(ends) < 2:
            continue
        old = regex.compile(  # the ends as they were written: a space before each
            anonymity._EDGE_BEFORE
            + anonymity._PLACEHOLDERS["{Name}"]
            + "(?:"
            + "|".join(anonymity._body(e, first=False) for e in ends)
            + ")"
            + anonymity._EDGE_AFTER
        )
        new = regex.compile(phrase_alternatives(phrases)[-1])
        pieces = [e.strip() for e in ends] + ["Oak", "Hill", "the", "St", "a", "Lee's", "12"]
        spaces = [" ", "  ", "\n", " \t", ", ", "-"]
        for _ in range(40):
            text = "".join(rng.choice(pieces) + rng.choice(spaces) for _ in range(60))
            found = [m.span() for m in new.finditer(text)]
            assert found == [m.span() for m in old.finditer(text)]
            checked += len(found)
    assert checked > 100


def test_a_name_index_answers_a_run_of_words_the_same_when_asked_again() -> None:
    orgs = load_organisations(ROOT / "rules" / "Organisations" / "_organisations.yml")
    index = NameIndex(orgs)
    text = (
        "The Internet Watch Foundaton and the NSPCCC said so; Merseyside police and the "
        "Natonal Crime Agency agreed, as did Ofstead and the IFW."
    )
    first = index.scan(text, 0)
    assert index._nears and index._acronyms  # the answers were kept
    again = index.scan(text, 0)
    fresh = NameIndex(orgs).scan(text, 0)
    assert first == again == fresh
    observed = {s.observed for s in first[0]}
    assert {"Internet Watch Foundaton", "Ofstead"} <= observed


def _example_texts() -> list[str]:
    """The Anonymity pack's examples, good and bad, and the precision corpus."""
    out: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for path in sorted((ROOT / "rules" / "Anonymity").glob("[A-Z]*.yml")):
        collect(yaml.safe_load(path.read_text(encoding="utf-8")).get("examples"))
    out += [
        p.read_text(encoding="utf-8")
        for p in (ROOT / "tests" / "precision" / "corpus").glob("*.md")
    ]
    return out


def test_a_pattern_gated_by_a_phrase_it_holds_never_matches_without_it() -> None:
    """``_Patterns.needs``: a pattern (or, for ``teller``, the ``done_later`` its matches
    wait for) matches only where the report holds the phrase it is skipped without."""
    p = _Patterns(load_anonymity(ROOT / "rules" / "Anonymity" / "_anonymity.yml"))
    present = {
        "object": lambda text: p.object.search(text) is not None,
        "happened": lambda text: p.happened.search(text) is not None,
    }
    matched = 0
    for text in _example_texts():
        for pattern, needs in p.needs.items():
            found = (p.done_later if pattern is p.teller else pattern).search(text)
            if found is not None:
                matched += 1
                assert any(present[need](text) for need in needs), (pattern.pattern[:60], text)
    assert matched > 30


def test_top_level_branches_split_only_the_outer_alternation() -> None:
    assert top_level_branches(r"a(?:b|c)|[|(]d|\|e") == ("a(?:b|c)", "[|(]d", r"\|e")
    assert top_level_branches(r"(?P<x>a)|[^]|]b") == ("(?P<x>a)", "[^]|]b")
    assert top_level_branches("abc") == ("abc",)
    assert top_level_branches("(a)|b") is None  # a numbered group: leaving "(a)" out
    # would renumber the groups after it


def test_a_pattern_run_by_its_chosen_branches_matches_as_the_whole() -> None:
    """``Reading.finditer``: the branches of a pattern whose needles a report holds find
    every match the whole pattern finds, in every pattern of the pack, on its examples,
    the precision corpus and texts that hold the words of only some branches."""
    words = load_anonymity(ROOT / "rules" / "Anonymity" / "_anonymity.yml")
    p = _Patterns(words)
    lists = [regex.compile(words.pattern(name)) for name in anonymity.LISTS]
    rules = [a.rule for a in active_rules(Config()) if isinstance(a.rule, AnonymityRule)]
    lists += [q for rule in rules for q in rule.scanned()]  # Jigsaw's, Relationship's
    texts = [
        *_example_texts(),
        "What Amy went through was horrific. Meet Kayla.",
        "Amy Cole's ordeal ended when the court heard what had happened to resident Keeley Ward.",
        "Giving evidence from behind a screen, Natalie Crowther, 31, said she froze.",
    ]
    chosen = matched = 0
    for pattern in (*p.scanned(), *lists):
        if branch_choice(pattern) is None:
            continue
        for text in texts:
            reading = Reading(
                text,
                (),
                False,
                False,
                False,
                False,
                False,
                frozenset(),
                frozenset(),
                lowered=text.lower(),
            )
            whole = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in reading.finditer(pattern)] == whole
            matched += len(whole)
        chosen += 1
    assert chosen > 10 and matched > 100


def test_jigsaw_details_found_phrase_by_phrase_are_the_whole_patterns_matches() -> None:
    """Jigsaw's details by kind, run as only the phrases whose words a report holds
    (``chosen_matches``), match as each kind's whole list does."""
    (jigsaw,) = [a.rule for a in active_rules(Config()) if isinstance(a.rule, Jigsaw)]
    details, _ = jigsaw._own
    texts = [
        *_example_texts(),
        "She lived in Hillcrest, a village of 300, and was a Year 9 pupil at Oak Academy.",
        "The girl played for Fordham Rovers under-13s on the Fitton Hill estate.",
    ]
    matched = 0
    for text in texts:
        lowered = text.lower()
        for (_, pattern), choice in zip(details, jigsaw._choices, strict=True):
            if choice is None:
                continue
            present = frozenset(n for n in choice.every if n in lowered)
            whole = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in chosen_matches(pattern, choice, present, text)] == whole
            matched += len(whole)
    assert matched > 20


def test_entries_found_one_by_one_are_the_whole_patterns_matches() -> None:
    """Every substitution and organisations rule's entries (forms) that a text holds the
    needles of, run branch by branch (``OneByOne``, whether or not ``Alternatives.apart``
    would choose it), match where the rule's whole pattern does, as the same entry (the
    first group that took part), over the whole text and between two offsets (as a
    rule's units are searched): on every rule's examples and on the precision corpus."""
    corpus = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    rules = [
        r
        for r in all_rules(Config())
        if isinstance(r, (Substitution, Organisations)) and r.choice and r.choice.grouped
    ]
    assert {r.meta.id for r in rules} >= {"Safeguarding.Consent", "Organisations.Names"}
    compared = 0
    for rule in rules:
        choice, pattern = rule.choice, rule.pattern
        assert choice is not None and pattern is not None
        for text in [e.text for e in (*rule.meta.bad, *rule.meta.good)] + corpus:
            chosen = choice.possible(frozenset(n for n in choice.every if n in text.lower()))
            if len(chosen) < 2:
                continue
            apart = OneByOne(choice, chosen)
            for pos, endpos in ((0, len(text)), (len(text) // 3, len(text) * 2 // 3)):
                whole = [
                    (m.span(), _entry(m.groups())) for m in pattern.finditer(text, pos, endpos)
                ]
                found = [
                    (m.span(), chosen[_entry(m.groups())])
                    for m in apart.finditer(text, pos, endpos)
                ]
                assert found == whole, (rule.meta.id, text[:80])
                compared += len(whole)
    assert compared > 1000


def _entry(groups: Sequence[object]) -> int:
    """The entry a substitution's match is of: its first group that took part."""
    return next(i for i, g in enumerate(groups) if g is not None)


def test_a_name_opens_with_a_capital_so_the_look_ahead_changes_no_match() -> None:
    plain = regex.compile(NAME.replace(r"(?=\p{Lu})", "", 1))
    assert plain.pattern != NAME
    name = regex.compile(NAME)
    for text in [*_example_texts(), "mr Jones, Mr. Smith and O’Neill met McKay-Brown."]:
        assert [m.span() for m in name.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_phrase_pieces_are_the_runs_of_letters_every_match_holds() -> None:
    assert phrase_pieces(("waived {his} right to anonymity", "Year 9 at")) == (
        ("anonymity", "waived", "right", "to"),
        ("year", "at", "9"),
    )
    words = load_anonymity(ROOT / "rules" / "Anonymity" / "_anonymity.yml")
    p = _Patterns(words)
    matched = 0
    texts = [*_example_texts(), "She waived her right to anonymity.", "The judge lifted the order."]
    for text in texts:
        lowered = text.lower()
        for name, pattern in (("waiver", p.waiver), ("lifted", p.lifted)):
            if pattern.search(text) is not None:
                matched += 1
                assert any(all(r in lowered for r in runs) for runs in p.pieces[name])
    assert matched > 10


def _first_person(people: Sequence[Person], mention: Mention) -> Person | None:
    """The register's first person a mention names, read through every person."""
    key = mention.text.lower()
    for person in people:
        names = [person.name, *person.aliases]
        names += [f"{person.name.split()[0]} {m}" for m in person.misspellings]
        names += list(person.misspellings)
        if mention.form == "full" and any(mention.name.lower() == n.lower() for n in names):
            return person
        if mention.form in ("honorific", "surname") and mention.surname == person.surname:
            return person
        if mention.form == "title" and any(
            key.removeprefix("the ").strip() == r.title.lower() for r in person.roles
        ):
            return person
    return None


def test_a_mention_names_the_first_registered_person_it_fits() -> None:
    people = load_people(ROOT / "rules" / "People" / "_people.yml")
    builder = speakers._Builder(people)
    mentions = [Mention(0, 1, "Nobody Known", "full", "Nobody Known", "Known")]
    for person in people:
        for name in (person.name, *person.aliases, *person.misspellings, person.name.upper()):
            mentions.append(Mention(0, 1, name, "full", name, person.surname))
        mentions.append(Mention(0, 1, person.surname, "surname", "", person.surname))
        mentions.append(Mention(0, 1, "Ms " + person.surname, "honorific", "", person.surname))
        for role in person.roles:
            mentions.append(Mention(0, 1, f"the {role.title.lower()} ", "title"))
    found = [builder.register_person(m) for m in mentions]
    assert found == [_first_person(people, m) for m in mentions]
    assert found[0] is None and sum(f is not None for f in found) > 100


def test_a_span_is_searched_for_the_forms_the_document_holds() -> None:
    people = load_people(ROOT / "rules" / "People" / "_people.yml")
    text = "The home secretary said so. Jess Phillips agreed."
    forms = speakers._forms_in(text, people)
    assert forms and len(forms) < len(speakers._form_patterns(people))
    assert {f[4] for f in forms} <= {w for w in text.replace(".", "").split()} | {
        w.lower() for w in text.replace(".", "").split()
    }
