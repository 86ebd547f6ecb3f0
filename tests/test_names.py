"""The name test (``lint.names.person_name``): whether capitalised words name a person,
on evidence from the lexicon (given names, common words) and from the copy (its
lower-case words, where the words stand, a title)."""

from __future__ import annotations

import pytest

from lint.names import FIRST_NAMES, common_word, person_name, surnames


@pytest.mark.parametrize(
    ("words", "kwargs"),
    [
        (["Parents"], {"opening": True}),  # a sentence's first word, a common word
        (["House"], {"after_capital": True}),  # "Child House": a service's name
        (["Houses"], {"after_capital": True}),  # the plural of a listed word
        (["Advocates"], {"after_capital": True}),  # "Child Advocates": a post
        (["Advocacy"], {}),  # "the Child Advocacy project"
        (["Carers"], {}),
        (["Squad"], {"lowercase": {"squads"}}),  # the copy writes its plural in lower case
        (["Hope"], {"lowercase": {"hope"}, "opening": True}),  # "Hope you are well"
        (["Kestrel"], {"after_capital": True}),  # an unknown word in a longer proper name
    ],
)
def test_not_a_name(words: list[str], kwargs: dict[str, object]) -> None:
    assert not person_name(words, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("words", "kwargs"),
    [
        (["Amy"], {"after_capital": True}),  # "Victim Amy": a given name
        (["Ivy", "Catterall"], {"titled": True}),  # "Mrs Ivy Catterall"
        (["House"], {"titled": True}),  # "Mr House": a title makes a surname of it
        (["Emma", "Young"], {"lowercase": {"young"}}),  # a given name first
        (["Hope"], {"lowercase": {"hope"}}),  # "victim Hope", where no sentence opens
        (["Grace"], {"opening": True}),  # a given name the copy never writes in lower case
        (["Malaika"], {"opening": True}),  # not listed: no evidence against a name
        (["Kasia", "Nowak"], {}),
    ],
)
def test_a_name(words: list[str], kwargs: dict[str, object]) -> None:
    assert person_name(words, **kwargs)  # type: ignore[arg-type]


def test_names_that_are_words_are_given_names() -> None:
    assert {"Grace", "Hope", "Ivy", "Faith", "Harvey"} <= FIRST_NAMES
    assert not any(common_word(name) for name in ("Amy", "Harvey", "Ivy"))


def test_common_word_forms() -> None:
    assert common_word("Parents")
    assert common_word("Parent")
    assert common_word("Advocacies")  # the plural of a listed word
    assert common_word("Lanterns", {"lantern"})  # the copy's own lower-case singular
    assert not common_word("Lanterns")
    assert not person_name([])


def test_a_surname_the_copy_gives_elsewhere_is_a_name() -> None:
    known = surnames("Emma Nowak, 19, gave evidence. Mrs Catterall lived at the home.")
    assert known == {"Nowak", "Catterall"}  # after a given name, after a title
    assert person_name(["Nowak"], after_capital=True, known=known)  # "Victim Nowak"
    assert not person_name(["Nowak"], after_capital=True)  # no evidence either way
    assert "Advocates" not in surnames("Four Child Advocates joined.")  # no given name
    assert "Catterall" in surnames("a resident, Mrs Ivy Catterall, who")  # title, given, surname
