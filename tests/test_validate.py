"""lint/validate.py: the one validator that rules, configuration and registers share."""

from __future__ import annotations

import datetime as dt

import pytest

from lint import validate
from lint.errors import ConfigError, RuleError
from lint.validate import Option
from lint.yamlload import load_yaml

KEYS = {
    "name": Option(validate.STR, "A name."),
    "forms": Option(validate.STR_LIST, "Forms.", ()),
    "checked": Option(validate.DATE, "A date."),
}


def _data(text: str) -> object:
    return load_yaml(text, "f.yml")


def test_known_keys_are_checked_and_normalised() -> None:
    data = _data("name: Ann\nforms: one\nchecked: 2024-05-21\n")
    assert validate.check_keys(data, KEYS, path="f.yml") == {  # type: ignore[arg-type]
        "name": "Ann",
        "forms": ["one"],
        "checked": dt.date(2024, 5, 21),
    }


@pytest.mark.parametrize(
    ("text", "kwargs", "message"),
    [
        ("nmae: Ann\n", {}, "f.yml:1: unknown key 'nmae'; did you mean 'name'?"),
        (
            "name: Ann\nchecked: soon\n",
            {},
            "f.yml:2: 'checked' must be a date like 2024-05-21, not str 'soon'",
        ),
        (
            "forms: {a: b}\n",
            {"where": " in an entry"},
            "f.yml:1: 'forms' must be a string or a list of strings, not a mapping",
        ),
        (
            "forms: [a]\n",
            {"required": ["name"], "where": " in an entry"},
            "f.yml:1: missing 'name' in an entry",
        ),
        ("name:\n", {"prefix": "[tool] "}, "f.yml:1: [tool] 'name' must be a string, not empty"),
    ],
)
def test_every_error_names_the_line_and_the_key(
    text: str, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(RuleError) as caught:
        validate.check_keys(_data(text), KEYS, path="f.yml", **kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_an_empty_key_may_take_its_default() -> None:
    data = _data("name: Ann\nforms:\n")
    given = validate.check_keys(data, KEYS, path="f.yml", empty_is_default=True)  # type: ignore[arg-type]
    assert given == {"name": "Ann", "forms": ()}


def test_the_error_class_is_the_callers() -> None:
    with pytest.raises(
        ConfigError, match="'level' must be one of off, on, not 'of'; did you mean 'off'"
    ):
        validate.choice("of", ("off", "on"), key="level", path="c.yml", line=3, error=ConfigError)


def test_level_maps_read_a_bare_off_as_off() -> None:
    check = validate.level_map("profiles")
    assert check({"news": False, "govuk": "error"}) == {"news": "off", "govuk": "error"}
    with pytest.raises(TypeError, match=r"a mapping of profiles to levels \('news' has int 3\)"):
        check({"news": 3})


def test_lists_of_names_refuse_one_string() -> None:
    """A comma-separated string is a slip, not one name."""
    assert validate.NAMES(["Jane Hart"]) == ["Jane Hart"]
    for value in ("Jane Hart, Sam Lee", ["Jane", " "]):
        with pytest.raises(TypeError):
            validate.NAMES(value)
