"""Person names in an article's words: which tokens make a name, and how much of a name the article uses."""

from __future__ import annotations

import re

from pipelines.lib.extract.actors.lexicon import ActorLexicon

NAME_TOKEN = re.compile(r"[A-Z][\w'’\-]*")
NAME_WORD = r"[A-Z][\w'’-]+"


def edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def name_tokens(lexicon: ActorLexicon, phrase: str) -> list[str]:
    """The trailing run of capitalised tokens of ``phrase`` that can be a person's name."""
    run: list[str] = []
    for token in phrase.split():
        clean = token.strip(",.:;()")
        if _can_be_in_a_name(lexicon, clean):
            run.append(clean)
        else:
            run = []
        if token.endswith((",", ".", ":", ";")) and run:
            break
    return run if run and len(run) <= 4 else []


def _can_be_in_a_name(lexicon: ActorLexicon, token: str) -> bool:
    return bool(
        NAME_TOKEN.fullmatch(token)
        and not (token.isupper() and len(token) <= 5)  # DPR, KPK, TNI: institutions, not names
        and token not in lexicon.not_name_words
        and token.lower() not in lexicon.titles
        and (token.lower() not in lexicon.by_alias or lexicon.by_alias[token.lower()].kind == "person")
    )


def referenced_suffix(lexicon: ActorLexicon, text: str, tokens: list[str]) -> list[str]:
    """The shortest end of the name ``tokens`` that ``text`` also uses on its own, else its last three words.

    "Kajari Lhoksukon Teuku Rahmatsyah" is "Teuku Rahmatsyah" when the article also writes that
    shorter name; "… Yuddy Chrisnandi" is "Yuddy Chrisnandi" when it writes "tutur Yuddy" or
    "Yuddy mengatakan".
    """
    full = " ".join(tokens)
    elsewhere = text.replace(full, " ")
    for i in range(1, len(tokens) - 1):
        if re.search(rf"(?<![\w]){re.escape(' '.join(tokens[i:]))}(?![\w])", elsewhere):
            return tokens[i:]
    for i in range(1, len(tokens) - 1):  # a full name keeps two words at least
        token = re.escape(tokens[i])
        if re.search(rf"{lexicon.cue_before_name}{token}\b|(?<![\w]){token}{lexicon.verb_after_name}", elsewhere):
            return tokens[i:]
    return tokens[-3:]


def full_name_of(lexicon: ActorLexicon, text: str, token: str) -> list[str] | None:
    """ "Samsul" -> "Samsul Arif" when ``text`` writes the longer name somewhere."""
    for match in re.finditer(
        rf"(?<![\w])((?:{NAME_WORD}\s+){{0,2}}){re.escape(token)}((?:\s+{NAME_WORD}){{0,2}})(?![\w])", text
    ):
        tokens = name_tokens(lexicon, match.group(0))
        if len(tokens) > 1 and token in tokens:
            return tokens[-3:]
    return None
