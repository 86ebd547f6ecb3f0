"""The name test (``lint.names.person_name``): whether capitalised words name a person,
on evidence from the lexicon (given names, common words) and from the copy (its
lower-case words, where the words stand, a title)."""

from __future__ import annotations

import pytest

from lint.names import FIRST_NAMES, common_word, given_names, person_name, place_name, surnames


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
        (["Malaika"], {"opening": True}),  # not listed, and nothing shows a person
        (["Wexford"], {"attested": lambda: True}),  # a county, whatever follows it
        (["Milton", "Keynes"], {}),  # a town whose first word is a given name
        (["Tarrant", "Hollow"], {}),  # two words no list places: no evidence either way
        (["Preston", "Marsh"], {}),  # a registry's given name that is also a town
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
        (["Malaika"], {"attested": lambda: True}),  # the copy shows a person ("She was 14")
        (["Kasia", "Nowak"], {}),  # a given name the lists hold, then a word
        (["Irene", "Fairbairn"], {}),  # a given name only the registry's list holds
        (["Tarrant", "Hollow"], {"attested": lambda: True}),
        (["Ffion"], {"opening": True}),  # a given name the registry's list holds
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


def test_the_burden_of_proof_is_on_a_word_no_list_places() -> None:
    asked: list[bool] = []

    def shown() -> bool:
        asked.append(True)
        return True

    assert person_name(["Ffrangcon"], attested=shown) and asked  # asked only here
    asked.clear()
    assert person_name(["Amy"], attested=shown) and not asked  # a listed name needs none
    assert not person_name(["Ffrangcon"])  # nothing shows a person


def test_the_registry_lists_and_the_gazetteer() -> None:
    assert {"Irene", "Lorraine", "Niamh"} <= given_names()
    assert not FIRST_NAMES & {"Dublin", "Meath"}
    assert place_name(["Meath"]) and place_name(["Isle", "of", "Wight"])
    assert not place_name(["Amy"]) and not place_name(["Isle", "of", "Muck"])


@pytest.mark.parametrize("name", ["_given_names.yml", "_places.yml"])
def test_word_files_are_sorted_and_hold_each_word_once(name: str) -> None:
    import yaml

    from lint.configfiles import builtin_rules_dir

    data = yaml.safe_load((builtin_rules_dir() / name).read_text(encoding="utf-8"))
    every = [w for words in data.values() for w in words]
    assert len(every) == len(set(every))  # once, across the file's lists
    for words in data.values():
        assert words == sorted(words, key=str.casefold)
