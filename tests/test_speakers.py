"""Speakers: names from the text or a People register, linked to quotes."""

from __future__ import annotations

from pathlib import Path

from lint.facts import Facts
from lint.readers import read_text
from lint.registers.people import load_people

PEOPLE = load_people(Path(__file__).parent / "fixtures" / "people.yml")


def speakers(text: str, people: tuple = ()) -> list[str | None]:
    doc = read_text("t.txt", text)
    cast = Facts(doc).cast(people)
    out = []
    for q in Facts(doc).quote_model.quotes:
        s = cast.speaker(q)
        out.append(s.label if s else None)
    return out


def test_full_name_with_role_prefix() -> None:
    assert speakers('Home Secretary James Cleverly said: "We must do more."') == ["James Cleverly"]


def test_pronoun_after_named_person() -> None:
    text = 'Home Secretary James Cleverly visited Essex. He said: "We must do more."'
    assert speakers(text) == ["James Cleverly"]


def test_pronoun_with_nobody_named_is_no_speaker() -> None:
    assert speakers('Officers met. "We must do more," he said.') == [None]


def test_honorific_and_title_link_to_the_introduction() -> None:
    text = (
        "Home Secretary James Cleverly visited Essex.\n\n"
        '"We must do more," Mr Cleverly said.\n\n'
        'The Home Secretary added: "We will not stop."'
    )
    assert speakers(text) == ["James Cleverly", "James Cleverly"]


def test_organisation_words_are_not_a_name() -> None:
    text = (
        "Chief Executive of the National Association for People Abused in Childhood, "
        'Gabrielle Shaw, said: "We are proud."'
    )
    assert speakers(text) == ["Gabrielle Shaw"]


def test_unnamed_speaker_is_identified_but_not_a_person() -> None:
    doc = read_text("t.txt", 'A spokesperson says: "Essex Police has safeguarded 2,500 children."')
    cast = Facts(doc).cast()
    (q,) = Facts(doc).quote_model.quotes
    speaker = cast.speaker(q)
    assert speaker is not None and speaker.label == "A spokesperson"
    assert speaker.identity is None


def test_register_resolves_title_and_honorific_without_an_introduction() -> None:
    text = 'The Home Secretary said: "We must do more."\n\n"We will," Mr Cleverly added.'
    assert speakers(text) == ["The Home Secretary", "Mr Cleverly"]  # no register: as written
    assert speakers(text, PEOPLE) == ["James Cleverly", "James Cleverly"]


def test_register_knows_misspellings() -> None:
    text = 'Home Secretary James Cleverley said: "We must do more."'
    doc = read_text("t.txt", text)
    cast = Facts(doc).cast(PEOPLE)
    (q,) = Facts(doc).quote_model.quotes
    speaker = cast.speaker(q)
    assert speaker is not None and speaker.identity is not None
    assert speaker.identity.name == "James Cleverly"


def test_a_title_after_a_name_is_that_persons_not_a_registered_holders() -> None:
    """A register's Assistant Chief Constable is not every assistant chief constable."""
    from lint.readers import read_text
    from lint.registers.people import Person, Role

    baldwin = Person("Kevin Baldwin", roles=(Role("Assistant Chief Constable"),))
    doc = read_text(
        "x.txt",
        "Mabs Hussain, the assistant chief constable of Greater Manchester police, said "
        "figures were high.\n\nHe said: “We will act.”\n",
    )
    cast = Facts(doc).cast((baldwin,))
    (speaker,) = cast.speakers.values()
    assert speaker.identity is not None
    assert speaker.identity.name == "Mabs Hussain"


def test_a_person_named_in_a_sentence_whose_subject_is_the_pronoun_is_not_its_antecedent() -> None:
    """ "He told defendant Sam Reid …", then "he said": the judge speaks, not Sam Reid; a
    different pronoun ("she said" after "He was joined by Jo Bell") is the person named."""
    told = (
        "Judge Omar Khan spoke at Leeds Crown Court.\n\n"
        "He told defendant Sam Reid that the images were real.\n\n"
        '"Each child is abused again," he said.'
    )
    assert speakers(told) == ["Omar Khan"]
    joined = (
        "Chief Constable Omar Khan spoke on Monday.\n\n"
        "He was joined by Superintendent Jo Bell.\n\n"
        '"We will act," she said.'
    )
    assert speakers(joined) == ["Jo Bell"]


def test_a_surname_misspelt_after_a_full_introduction_is_the_same_person() -> None:
    text = 'The head of the unit, Rachel Fields, spoke.\n\n"We act," Ms Feilds said.'
    assert speakers(text) == ["Rachel Fields"]
    other = 'The head of the unit, Rachel Fields, spoke.\n\n"We act," Ms Dunne said.'
    assert speakers(other) != ["Rachel Fields"]
