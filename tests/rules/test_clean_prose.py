"""Well-edited prose stays clean of the Safeguarding, Organisations and People packs,
in every profile; and the exceptions that safeguarding copy needs hold."""

from __future__ import annotations

import pytest

from lint.config import Config, active_rules
from lint.engine import check_document
from lint.finding import Finding
from lint.readers import read_text

PACKS = ("Safeguarding", "Organisations", "People")

#: Ordinary UK government prose, written for this test.
GOVERNMENT_PROSE = """\
Funding for local bus services

The Department for Transport has confirmed £150 million for local bus services in
2024 to 2025. Councils will use the money to keep routes running, improve timetables
and make fares simpler for passengers.

The Secretary of State for Transport, Mark Harper, said the funding would help people
get to work, school and hospital appointments. Mr Harper visited a depot in Leeds on
Monday and met drivers, engineers and the care workers who use early services.

A working group of councils and operators will report by March. It will look at how
information helplines, real-time displays and printed timetables work together, and
at historic buildings that need step-free access.

Caring for an older relative can make travel harder. The guidance explains how carers
can apply for a companion pass, and how operators should treat a relationship of
trust with passengers who need help. Consent forms for school travel are available
from each council.

The Children's Society, the National Police Chiefs' Council (NPCC) and the NSPCC
responded to the consultation. The NSPCC Helpline and the Whistleblowing Advice Line
are open every day.
"""

#: Safeguarding copy that uses every exception the terminology rules must respect.
SAFEGUARDING_PROSE = """\
Children cannot consent to their own abuse, and there is no such thing as a child
prostitute. The term "child pornography" is wrong: the images are child sexual abuse
material, or indecent images of children in court.

The Optional Protocol to the Convention on the Rights of the Child on the sale of
children, child prostitution and child pornography sets out states' duties. Child
sexual exploitation can occur even where the activity appears consensual.

The Grooming Gangs Taskforce, known to the NPCC as the CSE Taskforce, was set up in
April 2023 to investigate so-called "grooming gangs". He was diagnosed with paedophilic
disorder. Dorset Police's Paedophile Online Investigation Team (POLIT) took part.

Home Secretary James Cleverly visited Essex Police on Monday 20 May. The Home Secretary
met officers, and Mr Cleverly thanked them. Gabrielle Shaw, Chief Executive of the
National Association for People Abused in Childhood (NAPAC), said: "Victims and
survivors must be heard." Ms Shaw added that survivors lead the work.
"""


def _findings(text: str, profile: str) -> list[Finding]:
    rules = [a for a in active_rules(Config(profile=profile)) if a.rule.meta.pack in PACKS]
    return check_document(read_text("prose.txt", text, "text"), rules).findings


@pytest.mark.parametrize("profile", ["govuk", "news", "practice"])
@pytest.mark.parametrize("text", [GOVERNMENT_PROSE, SAFEGUARDING_PROSE], ids=["gov", "sg"])
def test_clean_prose_has_no_findings(text: str, profile: str) -> None:
    found = _findings(text, profile)
    assert found == [], "\n".join(f"{f.line}: {f.rule} {f.message}" for f in found)


def test_the_terms_still_fire_without_their_exception() -> None:
    text = "Police found a child prostitute. He was a paedophile. They consented to sex."
    assert [f.rule for f in _findings(text, "govuk")] == [
        "Safeguarding.ChildProstitution",
        "Safeguarding.Paedophile",
        "Safeguarding.Consent",
    ]


def test_terminology_errors_apply_in_every_profile() -> None:
    for profile in ("govuk", "news", "practice"):
        found = _findings("Officers investigated care gangs.", profile)
        assert [(f.rule, f.severity.label) for f in found] == [
            ("Safeguarding.Mistranslations", "error")
        ]


def test_a_bad_term_in_direct_speech_is_a_suggestion_without_fix() -> None:
    (finding,) = _findings('The officer said: "We found child pornography on it."', "govuk")
    assert (finding.severity.label, finding.fix_safety.value) == ("suggestion", "display")
