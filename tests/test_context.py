"""The context every rule respects (lint/context.py): each kind of span with text where a
finding must stay (must fire) and text where it must not (must not fire). The example
sentences are our own."""

from __future__ import annotations

from pathlib import Path

from lint import Config, check_text
from lint.config import active_rules
from lint.context import (
    _NUMBERS,
    Kind,
    Registered,
    build_context,
    context_needles,
)
from lint.engine import registered_names
from lint.facts import Facts
from lint.finding import Finding, FixSafety, Severity
from lint.literals import literals_for
from lint.readers import read_text

GOVUK = Config(profile="govuk")


def _found(text: str, rule: str, config: Config = GOVUK, fmt: str = "text") -> list[Finding]:
    path = {"text": "draft.txt", "markdown": "draft.md", "html": "draft.html"}[fmt]
    return [f for f in check_text(text, path=path, config=config) if f.rule == rule]


def _one(text: str, rule: str, config: Config = GOVUK, fmt: str = "text") -> Finding:
    (finding,) = _found(text, rule, config, fmt)
    return finding


def _kinds(text: str, fragment: str, fmt: str = "text") -> set[Kind]:
    doc = read_text("draft.txt" if fmt == "text" else "draft.md", text, fmt)
    start = doc.text.index(fragment)
    context = build_context(doc, Facts(doc))
    return {s.kind for s in context.covering(start, start + len(fragment))}


# -- speech ----------------------------------------------------------------------------

SPEECH = (
    "Speech by the safeguarding minister\n\n"
    "CHECK AGAINST DELIVERY\n\n"
    "Thank you. We have been very very clear that no child should be left alone with this.\n"
)


def test_a_delivered_speech_gets_no_style_finding_above_suggestion_and_no_fix() -> None:
    finding = _one(SPEECH, "Spelling.Repetition")
    assert finding.severity is Severity.SUGGESTION and finding.fix is None
    assert finding.fix_safety is FixSafety.DISPLAY
    # A team that enforces sentence length still gets only a suggestion in a speech.
    long_speech = SPEECH + "\n" + " ".join(["We"] + ["will act"] * 24) + ".\n"
    strict = Config(profile="govuk", rules={"Readability.VeryLongSentence": "error"})
    assert _one(long_speech, "Readability.VeryLongSentence", strict).severity is (
        Severity.SUGGESTION
    )


def test_the_same_words_in_the_writers_own_prose_are_a_warning_with_a_fix() -> None:
    prose = "We have been very very clear that no child should be left alone with this.\n"
    finding = _one(prose, "Spelling.Repetition")
    assert finding.severity is Severity.WARNING and finding.fix is not None


def test_paragraphs_after_said_in_a_speech_are_speech_up_to_the_next_heading() -> None:
    text = (
        "The minister said in a speech at the conference in Leeds:\n\n"
        "We can't and won't look away.\n\n"
        "## What happens next\n\n"
        "The council can't say when the review will end.\n"
    )
    contractions = _found(text, "Style.Contractions", fmt="markdown")
    assert [f.match for f in contractions] == ["can't"]
    assert contractions[0].line == 7
    assert Kind.SPEECH in _kinds(text, "won't look away", "markdown")
    # Narration after the speech ends it, heading or not.
    text = (
        "The minister said in a speech at the conference in Leeds:\n\n"
        "We can't and won't look away.\n\n"
        "She said the council can't say when the review will end.\n"
    )
    contractions = _found(text, "Style.Contractions", fmt="markdown")
    assert [(f.match, f.line) for f in contractions] == [("can't", 5)]


def test_a_hansard_extract_is_speech() -> None:
    text = "Hansard, 3 March: debate on exploitation\n\nI am very very grateful to the member.\n"
    assert _one(text, "Spelling.Repetition").severity is Severity.SUGGESTION


def test_a_sentence_that_mentions_hansard_or_a_delivery_is_not_a_speech() -> None:
    text = (
        "Records in Hansard show the minister was asked about the case, and the service "
        "as delivered by the council was criticised.\n\n"
        "The council later blamed child prostitution for the rise in cases.\n"
    )
    assert _one(text, "Safeguarding.ChildProstitution").severity is Severity.ERROR


# -- titles ----------------------------------------------------------------------------


def test_a_title_gets_no_style_finding_and_a_term_in_it_is_no_error() -> None:
    text = (
        "A film entitled Color of Silence was shown. "
        "Officers read the report Child Prostitution in Northern Towns.\n"
    )
    assert _found(text, "Spelling.American") == []
    term = _one(text, "Safeguarding.ChildProstitution")
    assert term.severity is Severity.SUGGESTION and term.fix is None


def test_outside_a_title_the_same_words_are_found() -> None:
    text = "The color of the van was noted. Officers said child prostitution was rising.\n"
    assert _one(text, "Spelling.American").severity is Severity.WARNING
    term = _one(text, "Safeguarding.ChildProstitution")
    assert term.severity is Severity.ERROR and term.fix is not None


def test_italic_and_quoted_titles_and_acts() -> None:
    md = "Staff read *Don't Look Away* before training. Staff don't look away.\n"
    (finding,) = _found(md, "Style.Contractions", fmt="markdown")
    assert finding.column > md.index("before")  # only the second "don't"
    # A headline in sentence case, set off by commas after the piece it names.
    text = "I read your article, Child prostitution ring smashed in town, with dismay.\n"
    term = _one(text, "Safeguarding.ChildProstitution")
    assert term.severity is Severity.SUGGESTION and term.fix is None
    text = "In the article, officers said child prostitution was rising.\n"
    assert _one(text, "Safeguarding.ChildProstitution").severity is Severity.ERROR
    text = 'The charity published guidance called "Organized Abuse Online" in May.\n'
    assert Kind.TITLE in _kinds(text, "Organized Abuse Online")
    assert Kind.TITLE in _kinds("He was charged under the Sexual Offences Act 2003.", "Offences")


# -- mentions --------------------------------------------------------------------------


def test_a_term_mentioned_to_remove_or_criticise_it_is_no_error_and_never_fixed() -> None:
    for text in (
        "Campaigners want child prostitution struck from the statute book.",
        "Officers must stop calling abuse images child pornography, the guidance says.",
    ):
        findings = [f for f in check_text(text, config=GOVUK) if f.rule.startswith("Safeguard")]
        assert findings, text
        assert all(f.severity is Severity.SUGGESTION and f.fix is None for f in findings), text
    for text, fragment in (
        ("Agencies no longer refer to such images as child pornography.", "child pornography"),
        ("The old definition of child prostitution was repealed.", "child prostitution"),
        ("It carries the connotation that a child prostitute chose it.", "child prostitute"),
    ):
        assert Kind.MENTION in _kinds(text, fragment), text
    # A term in its own scare quotes is mentioned, not used.
    text = "The force still files these cases as ‘historic abuse’, the review found."
    assert Kind.MENTION in _kinds(text, "historic abuse")
    # … even when the closing mark is typed the wrong way round.
    text = "There is no such thing as a ‘child prostitute‘ or an ‘underage sex worker‘."
    assert Kind.MENTION in _kinds(text, "underage sex worker")
    assert Kind.MENTION not in _kinds("The force files these as historic abuse.", "historic")


def test_a_term_set_against_the_right_one_or_changed_from_is_mentioned() -> None:
    """Session 14 (batch 14's campaigns): "X not TERM", "TERM is not the language",
    "change … from TERM to X" talk about the term; a verb before "not" is a use."""
    for text, fragment in (
        ("# It's Child Abuse not Child Pornography.", "Child Pornography"),
        ("We believe in CSAM Not Child Pornography.", "Child Pornography"),
        ("It is abuse, not child pornography, and we should say so.", "child pornography"),
        ("Help us change the law from Child Pornography to CSAM.", "Child Pornography"),
        ("Sign to change legislation from child pornography to abuse material.", "child porn"),
        ("He explained that child pornography is not the language to use.", "child pornography"),
    ):
        assert Kind.MENTION in _kinds(text, fragment), text
    for text, fragment in (
        ("The court found it was not child pornography under the Act.", "child pornography"),
        ("Officers did not find child pornography on the laptop.", "child pornography"),
        ("He possessed child pornography, not adult images.", "child pornography"),
        ("The count changed from 40 to 50 once child pornography was found.", "child porn"),
    ):
        assert Kind.MENTION not in _kinds(text, fragment), text


def test_a_term_named_denied_renamed_defined_or_listed_to_avoid_is_mentioned() -> None:
    """Session 15 (batches 12 to 14's campaigns): a question about the name given to a
    thing, a term denied ("does not exist", "is not prostitution"), a term to be renamed,
    a treaty's definition, a list of words not to use; the same words used are not."""
    for text, fragment in (
        ("Why do we keep calling it kiddie porn?", "kiddie porn"),
        ("Child porn does not exist. It is abuse.", "Child porn"),
        ("A child prostitute is not a prostitute at all.", "child prostitute"),
        ("Underage prostitution should be relabelled as exploitation.", "Underage prostitution"),
        ("The convention defines child pornography as any image of a child.", "child pornography"),
        ("Avoid these:\n\nChild porn (instead, use abuse images)\n", "Child porn"),
        ("Avoid these:\n\n- Rent boy: the boy cannot consent, say exploited boy\n", "Rent boy"),
        ("## Child prostitute or victim?\n", "Child prostitute"),
    ):
        assert Kind.MENTION in _kinds(text, fragment, "markdown"), text
    for text, fragment in (
        ("The press called him a rent boy.", "rent boy"),
        ("He kept child porn (which police use as evidence) on a laptop.", "child porn"),
        ("Child porn: police use new powers.", "Child porn"),
        ("The abuse is not prostitution of any kind.", "prostitution"),
        ("He said the victims did not exist and kept child porn.", "child porn"),
        ("Police defined the operation's aims and seized child porn as evidence.", "child porn"),
    ):
        assert Kind.MENTION not in _kinds(text, fragment, "markdown"), text


def test_a_tabled_question_is_the_members_words_and_the_answer_the_writers() -> None:
    text = (
        "To ask the Secretary of State for Justice, how many paedophiles were released.\n\n"
        "Answered by the Minister. The number of paedophiles released fell.\n"
    )
    found = _found(text, "Safeguarding.Paedophile")
    assert [f.severity for f in found] == [Severity.SUGGESTION, Severity.WARNING], found
    doc = "We want to ask the Minister for Justice about paedophiles in prison.\n"
    assert _one(doc, "Safeguarding.Paedophile").severity is Severity.WARNING


def test_a_term_the_copy_discusses_is_mentioned_wherever_it_stands() -> None:
    """Session 16 (first looks of batches 12 to 15: headlines and slogans of campaigns
    against a term): copy that talks about a term as a word ("the term …", "… should be
    struck from the statute book") mentions it in its headline and slogans too; the same
    term in copy that only sets words against each other ("instead of"), or only puts it
    in quotation marks, is still the writer's own."""
    for text, rule in (
        (
            "# Charities drop child pornography\n\nThey say the term child pornography "
            "implies consent.\n",
            "Safeguarding.AbuseMaterial",
        ),
        (
            "Child prostitution: a campaign.\n\nMPs want child prostitution struck from "
            "the statute book.\n",
            "Safeguarding.ChildProstitution",
        ),
    ):
        found = _found(text, rule)
        assert found and found[0].line == 1, found  # the headline: the term itself
        assert all(f.severity is Severity.SUGGESTION and f.fix is None for f in found), found
    for text, rule in (
        (
            "Police treated victims instead of child prostitutes as suspects. Officers "
            "arrested child prostitutes in 2004.\n",
            "Safeguarding.ChildProstitution",
        ),
        (
            "The 'child pornography' headline ran in 2010. He kept child pornography.\n",
            "Safeguarding.AbuseMaterial",
        ),
    ):
        assert Severity.ERROR in {f.severity for f in _found(text, rule)}, text


def test_a_request_set_out_in_a_reply_is_the_requesters_words() -> None:
    """Session 16 (batch 16: a prosecution service's FOI reply): the paragraphs after "your
    request … for the following information:" are the request as asked, up to the reply's
    own words; the reply stays the writer's."""
    text = (
        "Thank you for your request dated 3 May 2024 for the following information:\n\n"
        "1. How many cases were brought under the Sexual Offences (Scotland) Act 2003?\n\n"
        "The information you have requested is below. Cases under the Sexual Offences "
        "(Scotland) Act 2003 are counted.\n"
    )
    assert Kind.SPEECH in _kinds(text, "1. How many cases")
    assert Kind.SPEECH not in _kinds(text, "are counted")
    found = _found(text, "Legislation.Titles")
    assert [f.severity for f in found] == [Severity.SUGGESTION, Severity.ERROR], found


def test_the_same_terms_used_as_the_writers_own_are_errors() -> None:
    for text, rule in (
        (
            "Police arrested men who ran a child prostitution ring.",
            "Safeguarding.ChildProstitution",
        ),
        ("Officers seized child pornography from his laptop.", "Safeguarding.AbuseMaterial"),
        ("The defence said the girl was promiscuous.", "Safeguarding.VictimBlaming"),
    ):
        assert _one(text, rule).severity is Severity.ERROR, text


# -- names -----------------------------------------------------------------------------


def test_a_surname_that_is_a_word_is_a_name() -> None:
    text = "DI Sam Foster said the girls were safe. Chief Constable Amy Key said: “We acted.”\n"
    assert _found(text, "Style.WordsToAvoid") == []


def test_the_same_words_as_words_are_found() -> None:
    text = "The scheme will foster trust. The key point is trust.\n"
    assert [f.match for f in _found(text, "Style.WordsToAvoid")] == ["foster", "key"]


def test_a_registered_name_with_an_ampersand_keeps_it() -> None:
    text = "Hartley & Sons Solicitors acted for the family, and police & partners met.\n"
    (finding,) = _found(text, "Style.Ampersand")
    assert finding.column == text.index("police & ") + len("police ") + 1


def test_a_case_name_is_a_name() -> None:
    text = "The ruling in KL v CICA was cited. KL was 14."
    assert Kind.NAME in _kinds(text, "KL v CICA")
    assert Kind.NAME not in _kinds(text, "KL was")


def test_names_on_the_registers_are_names() -> None:
    text = "The Children's Society and the National Crime Agency spoke."
    doc = read_text("draft.txt", text)
    start = text.index("National Crime Agency")
    spans = build_context(doc, Facts(doc), ["National Crime Agency"]).covering(start, start + 8)
    assert Kind.NAME in {s.kind for s in spans}


def _registered_both_ways(names: list[str], text: str) -> list[tuple[int, int]]:
    """The registered names in ``text`` by their first words' needles; asserted to be
    what the one alternation of them all finds."""
    registered = Registered(tuple(sorted(set(names))))
    literals = literals_for([registered.needles])
    assert literals is not None
    doc = read_text("draft.txt", text)
    facts = Facts(doc)
    facts.literals = literals
    by_needles = list(registered.finditer(doc.text, facts))
    assert registered.pattern is not None
    assert by_needles == [(m.start(), m.end()) for m in registered.pattern.finditer(doc.text)]
    return by_needles


def test_registered_names_by_needle_are_the_alternations_matches() -> None:
    names = ["Save the Children", "Save", "HM Prison", "HM Prison Service", "Barnardo's", "NCA"]
    text = (
        "HM Prison Service and HM\nPrison staff; Save the Children, Saved, NCAs and "
        "the NCA. SAVE THE CHILDREN and Barnardo's; xNCA, NCA1, Save  the  Children."
    )
    found = [text[s:e] for s, e in _registered_both_ways(names, text)]
    assert found == [
        "HM Prison Service",
        "HM\nPrison",
        "Save the Children",
        "NCA",
        "Barnardo's",
        "Save  the  Children",
    ]


def test_registered_names_by_needle_on_the_seeds() -> None:
    names = list(registered_names(active_rules(Config())))
    assert len(names) > 100
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    found = 0
    for path in sorted(seeds.glob("*.txt")):
        found += len(_registered_both_ways(names, path.read_text(encoding="utf-8")))
    assert found > 20  # the comparison compares something


def test_the_context_is_the_same_with_the_automaton_as_without_on_the_seeds() -> None:
    """Names by their first words and the gated patterns run only over the blocks that
    hold their needles: the same spans as every pattern over every block."""
    names = registered_names(active_rules(Config()))
    literals = literals_for([context_needles(names)])
    assert literals is not None
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    # Offences, which are looked for only in a document holding their needles.
    offences = (
        "He was convicted of conspiracy to engage in sexual activity with a child.",
        "They were found guilty of rape, child prostitution and trafficking.",
        "He was accused of running child prostitution rings.",
    )
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    spans, kinds = 0, set()
    for name, text in [*texts, *(("offence.txt", t) for t in offences)]:
        doc = read_text(name, text)
        fast = Facts(doc)
        fast.literals = literals
        found = build_context(doc, fast, names).spans
        assert found == build_context(doc, Facts(doc), names).spans, name
        spans += len(found)
        kinds |= {s.kind for s in found}
    assert spans > 100 and Kind.OFFENCE in kinds


# -- numbers ---------------------------------------------------------------------------


def test_phone_numbers_short_codes_references_and_postcodes_are_not_figures() -> None:
    text = (
        "Call the helpline on 0808 800 5000 or text 88858, quoting crime reference "
        "14/123456/24. Write to PO Box 1234, Leeds LS1 4AP. Officers made 5000 arrests.\n"
    )
    (finding,) = _found(text, "Numbers.Thousands")
    assert finding.match == "5000" and finding.column > text.index("Officers")
    for fragment in ("0808 800 5000", "88858", "14/123456/24", "LS1 4AP"):
        assert Kind.NUMBER in _kinds(text, fragment), fragment
    assert Kind.NUMBER not in _kinds(text, "5000 arrests")


def test_a_document_reference_is_not_a_figure_nor_ends_a_sentence() -> None:
    """Session 16 (batch 16's first look: a Council of Europe report's "Doc. 13152"): a
    document's number is an identifier; "Doc." does not end a sentence."""
    text = "The report (Doc. 13152) cites Doc. 12582, of May 2011. It had 13152 readers.\n"
    (finding,) = _found(text, "Numbers.Thousands")
    assert finding.column > text.index("It had")
    assert not _found(text, "Numbers.SentenceStart")
    assert Kind.NUMBER in _kinds(text, "12582")


def test_the_number_gates_skip_only_texts_without_a_match() -> None:
    texts = [
        "Ring the line on 116 123, or call them on 116 123 4567 any time.",
        "Call 0800 123 456 or +44 20 7946 0000; the helpline, on 111 222, is open.",
        "Officers made 5000 arrests on 12 May 2024 and called 999.",
    ]
    for text in texts:
        for pattern, gate in _NUMBERS:
            if gate is None:
                continue
            plain = [m.span() for m in pattern.finditer(text)]
            assert gate.search(text) is not None or plain == [], text
    assert Kind.NUMBER in _kinds(texts[0], "116 123 4567")


# -- layout ----------------------------------------------------------------------------


def test_an_all_caps_lead_in_is_not_an_acronym_but_an_acronym_is() -> None:
    assert _found("ACROSS the county, officers visited schools.", "Acronyms.Undefined") == []
    assert _found("A DOZEN men were charged.", "Acronyms.Undefined") == []
    # A drop-capped word that starts sentences, before a name or an abbreviation.
    assert _found("THE UK’s largest charity called for a rethink.", "Acronyms.Undefined") == []
    (finding,) = _found("THE NCA said more arrests would follow.", "Acronyms.Undefined")
    assert finding.match == "NCA"
    (finding,) = _found("ACPO said officers visited schools.", "Acronyms.Undefined")
    assert finding.match == "ACPO"
    # The words of a lead-in still count: a mistranslation is still an error, with its fix.
    (term,) = _found("CARE GANGS were jailed today.", "Safeguarding.Mistranslations")
    assert term.severity is Severity.ERROR and term.fix == "GROOMING GANGS"


def test_plain_text_list_items_are_sentences_of_their_own() -> None:
    text = (
        "The new duty means that:\n"
        "- every teacher reports what they see\n"
        "- social workers record each referral within a day\n"
        "- police respond\n"
    )
    doc = read_text("draft.txt", text)
    sentences = Facts(doc).sentences
    items = [doc.text[s.start : s.end] for s in sentences if s.scope == "sentence.list"]
    assert items == [
        "- every teacher reports what they see",
        "- social workers record each referral within a day",
        "- police respond",
    ]


def test_acronyms_defined_in_either_order() -> None:
    text = "The LSE (London School of Economics) ran the study. The LSE published it."
    assert _found(text, "Acronyms.Undefined") == []
    (finding,) = _found("The LSE ran the study.", "Acronyms.Undefined")
    assert finding.match == "LSE"


def test_news_readers_know_some_bodies() -> None:
    text = "A report by the NSPCC found more cases, the CPS said.\n"
    assert _found(text, "Acronyms.Undefined", Config(profile="news")) == []
    assert [f.match for f in _found(text, "Acronyms.Undefined")] == ["NSPCC", "CPS"]


def test_doubled_words_with_a_comma_or_colon_between_are_deliberate() -> None:
    assert _found("It was a very, very serious crime.", "Spelling.Repetition") == []
    assert _found("See the definition: Definition of harm.", "Spelling.Repetition") == []
    (finding,) = _found("It was a very very serious crime.", "Spelling.Repetition")
    assert finding.match == "very very"


# -- which rules the context applies to (a kind's CONTEXT, a rule's ``context:``) ---------


def test_a_rule_says_in_yaml_whether_the_context_applies_to_it() -> None:
    from lint.engine import ActiveRule, check_document
    from lint.rules.contract import ContextUse
    from lint.rules.loader import load_rule_text

    rule = (
        "extends: existence\nmessage: \"'%s'\"\nlevel: warning\nignorecase: true\ntokens: [hope]\n"
    )
    text = "DI Sam Hope said the case was closed. There is hope for the family.\n"
    doc = read_text("draft.txt", text)
    found = {}
    for setting in ("", "context: respect\n", "context: own\n"):
        compiled = load_rule_text(rule + setting, rule_id="Team.Hope", path="Hope.yml")
        outcome = check_document(doc, [ActiveRule(compiled, Severity.WARNING)])
        found[setting] = [f.column for f in outcome.findings]
        expected = ContextUse.OWN if setting == "context: own\n" else ContextUse.RESPECT
        assert compiled.meta.context is expected
    # The surname inside the officer's name is a name: left alone unless the rule says
    # it reads names itself; the ordinary word is found either way.
    assert found[""] == found["context: respect\n"] == [text.index("hope") + 1]
    assert found["context: own\n"] == [text.index("Hope") + 1, text.index("hope") + 1]


def test_the_register_and_quote_kinds_read_names_and_quotes_themselves() -> None:
    from lint.rules.contract import ContextUse
    from lint.rules.registry import REGISTRY

    own = {name for name, kind in REGISTRY.items() if kind.CONTEXT is ContextUse.OWN}
    assert {"organisations", "people", "quote-marks", "named-victim"} <= own
    assert not own & {"existence", "substitution", "conditional", "readability"}


def test_a_commons_statement_or_urgent_question_is_a_hansard_extract() -> None:
    for opening in (
        "With permission, Mr Speaker, I would like to make a statement on the review.",
        "(Urgent Question): To ask the Home Secretary if she will make a statement on it.",
    ):
        text = f"# Child Sex Abuse (Northtown)\n\n{opening}\n\nThe review was organized well.\n"
        # A record (lint/genre.py): the Member's words, as spoken.
        assert Kind.VERBATIM in _kinds(text, "organized", fmt="markdown")
        # The debate's heading is the record's title.
        assert Kind.TITLE in _kinds(text, "Child Sex Abuse", fmt="markdown")
    # A minister's release that asks permission for something else is the writer's prose.
    text = "# Plan\n\nWith permission from parents, schools will teach it.\n\nIt was organized.\n"
    assert not {Kind.SPEECH, Kind.VERBATIM} & _kinds(text, "organized", fmt="markdown")


def test_a_law_report_citation_and_a_judicial_review_are_names() -> None:
    text = "In R (on the application of AB) v the DPP [2012] EWHC 2381 (Admin), 1465 men."
    assert Kind.NAME in _kinds(text, "R (on the application of AB) v the DPP")
    assert Kind.NAME in _kinds(text, "[2012] EWHC 2381 (Admin)")
    assert Kind.NAME not in _kinds(text, "1465 men")


def test_an_offence_by_its_legal_name_is_the_courts_words() -> None:
    text = "He was convicted of conspiracy to engage in sexual activity with a child."
    assert Kind.OFFENCE in _kinds(text, "engage in sexual activity with a child")
    # After a charge, an item of the list of offences; not the writer's own words.
    text = "They were found guilty of rape, child prostitution and trafficking."
    assert Kind.OFFENCE in _kinds(text, "child prostitution")
    text = "He was accused of running child prostitution rings."
    assert Kind.OFFENCE not in _kinds(text, "child prostitution")
    text = "Reports of child prostitution rose, police said."
    assert Kind.OFFENCE not in _kinds(text, "child prostitution")


def test_names_of_many_words_and_brands_are_names() -> None:
    text = "Officers from the Paedophile Image Response Squad searched the flat."
    assert Kind.NAMED in _kinds(text, "Paedophile")
    text = "The charity runs the BRIDGE project for young people."
    assert Kind.NAMED in _kinds(text, "BRIDGE")
    # Letters, not a word, before "project"; a word in capitals before a name's word.
    assert Kind.NAMED not in _kinds("The charity runs the BXQR project.", "BXQR")
    assert Kind.NAMED not in _kinds("Reports went to the CEOP Centre.", "CEOP")
    # A title-case headline is no run of names.
    assert Kind.NAMED not in _kinds(
        "# Paedophile Gang Jailed By Crown Court\n", "Paedophile", "markdown"
    )


def test_capitals_for_emphasis_are_no_acronym_but_a_harmful_term_keeps_its_level() -> None:
    assert _found("It does not lessen the IMPACT of the abuse.", "Acronyms.Undefined") == []
    (finding,) = _found("It sent the NWCA report on.", "Acronyms.Undefined")
    assert finding.match == "NWCA"
    rule = "Safeguarding.Paedophile"
    (term,) = _found("He was called a known PAEDOPHILE by the paper.", rule)
    (plain,) = _found("He was called a known paedophile by the paper.", rule)
    assert term.severity is plain.severity
