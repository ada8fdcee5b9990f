"""The shorter names an article gives a person it named in full: a nickname ("Muhammad Rizky Pratama (Iky)",
"…, yang akrab disapa Nunung", "… alias Ucok"), the given name or the surname alone ("Andi", "Hermawan").

A word that two people of the article share ("Hakim" of "Rudi Hakim" and "Dimas Hakim") means the one named
last before it.
"""

from __future__ import annotations

from bisect import bisect_right

from pipelines.lib.extract.actors.lexicon import Actor, ActorLexicon, Mention


def nicknames(lexicon: ActorLexicon, text: str, mentions: list[Mention]) -> list[tuple[int, int, Actor]]:
    """The nicknames written right after a person's name: where each stands and whose it is."""
    found = []
    for mention in mentions:
        if mention.actor.kind != "person":
            continue
        match = lexicon.nickname.match(text, mention.end)
        if match and match.group(1) not in mention.actor.name.split():
            found.append((match.start(1), match.end(1), mention.actor))
    return found


class ShortNames:
    """Each word that can stand for a person of the article (a word of the name, or a nickname), with the
    people it stands for in the order the article first names them."""

    def __init__(self, lexicon: ActorLexicon):
        self.lexicon = lexicon
        self.by_word: dict[str, list[tuple[int, Actor]]] = {}

    def add_person(self, person: Actor, first_at: int, extra: tuple[str, ...] = ()) -> None:
        words = [w for w in person.name.split() if self._can_stand_alone(w)] + list(extra)
        for word in dict.fromkeys(words):
            holders = self.by_word.setdefault(word, [])
            if all(p.name != person.name for _, p in holders):
                holders.append((first_at, person))
                holders.sort(key=lambda item: item[0])

    def _can_stand_alone(self, word: str) -> bool:
        return (
            word[:1].isupper()
            and len(word) > 1
            and word not in self.lexicon.not_name_words
            and word.lower() not in self.lexicon.titles
            and word not in self.lexicon.honorifics
        )

    def person_at(self, word: str, position: int) -> Actor | None:
        """Whom ``word`` at ``position`` means: the last person named before it who has it, else the first."""
        holders = self.by_word.get(word)
        if not holders:
            return None
        k = bisect_right([at for at, _ in holders], position) - 1
        return holders[max(k, 0)][1]
