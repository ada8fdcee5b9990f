"""Person names in an article's words: which tokens make a name, and how much of a name the article uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.lib.extract.actors.lexicon import ActorLexicon

NAME_TOKEN = re.compile(r"[A-Z][\w'’\-]*")
NAME_WORD = r"[A-Z][\w'’-]+"
CUE_REACH = 200  # characters before a name searched for a speech cue ending at it
WORD_BOUNDARY = re.compile(r"\b")
GLUED = re.compile(r"(?<=\w\.)(?=[A-Z][a-z])")  # "Pol.Bambang": an abbreviation glued to the name after it


def edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@dataclass
class _Run:
    tokens: list[str]
    after_place: bool  # right after a place noun: "Kota Surabaya", "Desa Sukamaju"
    by_comma: bool = False  # a comma (or full stop) ends it


def _runs(lexicon: ActorLexicon, phrase: str) -> list[_Run]:
    """The runs of tokens of ``phrase`` that can be in a person's name, in order; honorifics, words in
    parentheses and every word that is no name end one."""
    runs: list[_Run] = []
    run = _Run([], False)
    for token in (t for word in phrase.split() for t in GLUED.split(word)):
        clean = token.strip(",.:;()")
        parenthesised = token.startswith("(") or token.endswith(")")
        if (
            not parenthesised
            and clean not in lexicon.honorifics
            and _can_be_in_a_name(lexicon, clean, bool(run.tokens))
        ):
            run.tokens.append(clean)
            if token.endswith((",", ".", ":", ";")) and not is_initial(clean):
                run.by_comma = True
                runs.append(run)
                run = _Run([], False)
            continue
        if run.tokens:
            runs.append(run)
        run = _Run([], clean in lexicon.place_nouns)
    if run.tokens:
        runs.append(run)
    return runs


def names_in(lexicon: ActorLexicon, text: str) -> list[list[str]]:
    """Every run of two or more words of ``text`` that can be a person's name ("Slamet Riyadi")."""
    found = []
    for run in _runs(lexicon, text):
        tokens = run.tokens[1:] if run.after_place else run.tokens
        if 2 <= len(tokens) <= 4:
            found.append(tokens)
    return found


def name_tokens(lexicon: ActorLexicon, phrase: str) -> list[str]:
    """The run of capitalised tokens of ``phrase`` that can be a person's name: the first run a comma ends,
    else the last one, without the honorifics before it ("Kepala Seksi … (Kasi Wasdal) H Darmawan Putra"
    is "Darmawan Putra"). Words in parentheses are no part of a name; after a place noun a run is the
    place ("Kota Surabaya"), or the place and a name when three words follow ("Kabupaten Bogor Ade Yasin")."""
    candidates = []
    for run in _runs(lexicon, phrase):
        tokens = run.tokens[1:] if run.after_place else run.tokens
        if run.after_place and len(tokens) < 2:
            continue
        candidates.append(tokens)
        if run.by_comma:
            break
    chosen = candidates[-1] if candidates else []
    return chosen if len(chosen) <= 4 else []


def is_initial(token: str) -> bool:
    """ "B" of "Susilo B. Yudhoyono"."""
    return len(token) == 1 and token.isupper()


def is_degree(lexicon: ActorLexicon, word: str) -> bool:
    """ "ST", "MEng.", "S.H.", "SpPD-KEMD": a degree written after a name."""
    bare = word.strip(" ,;:").replace(".", "").replace("(", "").replace(")", "")  # "SpA(K)"
    if bare in lexicon.degrees:
        return True
    return any(bare.startswith(p) and bare[len(p) : len(p) + 1].isupper() for p in lexicon.degree_prefixes)


def after_degrees(lexicon: ActorLexicon, text: str) -> str:
    """ ", SH, MH, dalam amar putusannya" -> "dalam amar putusannya": what follows a name's degrees."""
    segments = text.split(",")
    while len(segments) > 1 and all(is_degree(lexicon, w) for w in segments[0].split()):
        segments.pop(0)  # an empty segment (the comma after the name) goes too
    return ",".join(segments).strip(" ,")


def without_degrees(lexicon: ActorLexicon, phrase: str) -> str:
    """ "Budi Hartono, ST, MEng." -> "Budi Hartono": the degrees after the last name of ``phrase`` cut off."""
    segments = phrase.split(",")
    while len(segments) > 1 and all(is_degree(lexicon, w) for w in segments[-1].split()):
        segments.pop()  # an empty segment (a comma at the end) goes too
    return ",".join(segments)


def _can_be_in_a_name(lexicon: ActorLexicon, token: str, within: bool = False) -> bool:
    return bool(
        NAME_TOKEN.fullmatch(token)
        and (not token.isupper() or (within and is_initial(token)))  # DPR, KPK, BLUE SKY: no names
        and not token.endswith(lexicon.possessives)  # "Disney's": the owner of what follows
        and token not in lexicon.not_name_words
        and not lexicon.unit_noun.fullmatch(token)
        and token.lower() not in lexicon.titles
        and (token.lower() not in lexicon.by_alias or lexicon.by_alias[token.lower()].kind == "person")
    )


def referenced_suffix(lexicon: ActorLexicon, text: str, tokens: list[str]) -> list[str]:
    """The shortest end of the name ``tokens`` that ``text`` also uses on its own, else its last three words.

    "Kajari Bireuen Teuku Ridwan" is "Teuku Ridwan" when the article also writes that
    shorter name; "… Wahyu Santoso" is "Wahyu Santoso" when it writes "tutur Wahyu" or
    "Wahyu mengatakan".
    """
    full = " ".join(tokens)
    elsewhere = text.replace(full, " ")
    for i in range(1, len(tokens) - 1):
        if _standalone(" ".join(tokens[i:])).search(elsewhere):
            return tokens[i:]
    for i in range(1, len(tokens) - 1):  # a full name keeps two words at least
        if _speaks_as(lexicon, elsewhere, tokens[i]):
            return tokens[i:]
    return tokens[-3:]


def _speaks_as(lexicon: ActorLexicon, text: str, token: str) -> bool:
    """Whether ``text`` writes ``token`` right after a speech cue ("kata Wahyu") or before a speech verb
    ("Wahyu mengatakan")."""
    for found in _starting(token).finditer(text):
        if lexicon.verb_following.match(text, found.end()):
            return True
        after_cue = lexicon.cue_ending.search(text, max(0, found.start() - CUE_REACH), found.start())
        if after_cue and WORD_BOUNDARY.match(text, found.end()):
            return True
    return False


@lru_cache(maxsize=4096)
def _standalone(words: str) -> re.Pattern:
    return re.compile(rf"(?<![\w]){re.escape(words)}(?![\w])")


@lru_cache(maxsize=4096)
def _starting(token: str) -> re.Pattern:
    return re.compile(rf"(?<![\w]){re.escape(token)}")


def full_name_of(lexicon: ActorLexicon, text: str, token: str) -> list[str] | None:
    """ "Rahmat" -> "Rahmat Hidayat" when ``text`` writes the longer name somewhere."""
    for match in _within_name(token).finditer(text):
        tokens = name_tokens(lexicon, match.group(0))
        if len(tokens) > 1 and token in tokens:
            return tokens[-3:]
    return None


@lru_cache(maxsize=4096)
def _within_name(token: str) -> re.Pattern:
    """``token`` with up to two name words on either side."""
    return re.compile(rf"(?<![\w])((?:{NAME_WORD}\s+){{0,2}}){re.escape(token)}((?:\s+{NAME_WORD}){{0,2}})(?![\w])")
