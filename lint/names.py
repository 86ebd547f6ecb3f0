"""Names: how a mention of a person is represented, shared by the speaker finder
(``lint.speakers``) and the people rules (``lint.rules.people_*``). The words that make
names, titles and speech are in the lexicon (``lint.lexicon``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """One way a person is named at one place (view offsets): the speaker finder's
    mentions (outside quotes) and the people rules' are the same kind of value."""

    start: int
    end: int
    text: str
    form: str  # "full" | "honorific" | "surname" | "title"
    name: str = ""  # the full name as written (form "full")
    surname: str = ""
    prefix: str = ""  # role words or the honorific before the name, as written
    identity: int = -1

    @property
    def first(self) -> str | None:
        """The first name of a full-name mention ("James" of "James Cleverly")."""
        if self.form != "full" or not self.name:
            return None
        given = self.name.split()[:-1] if self.name.split()[-1:] == [self.surname] else []
        return given[0] if given else None
