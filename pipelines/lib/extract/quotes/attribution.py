"""The words of the text that name a quote's speaker, and the role the text gives them.

The mention is looked for where the quote is attributed (the cue and its speaker after a quotation, the
subject before a reporting verb, "Menurut X,"): a mention of the speaker there ("AKBP Bima Prasetyo"), else
the pronoun that stands for them ("dia", "she"), else the cue that carries the pronoun ("katanya"). The role
is the one the text gives at that mention ("Kasubdit II Ditreskrimum Polda Jambi"), else the last one it gave
the speaker before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.lib.extract.actors.actors import Actor, ArticleActors

WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class SpeakerMention:
    surface: str
    start: int
    end: int
    role: str | None


def speaker_mention(
    actors: ArticleActors, actor: Actor, region: tuple[int, int] | None, pronoun_cues: frozenset[str]
) -> SpeakerMention | None:
    """Where ``text[region]`` names ``actor``, with the role given there or before; None without a region."""
    if region is None:
        return None
    start, end = region
    named = [m for m in actors.mentions_in(start, end) if m.actor == actor]
    if named:
        mention = named[0]
        role = mention.role or actors.last_role(actor, mention.start)
        return SpeakerMention(mention.surface, mention.start, mention.end, role)
    for word in WORD.finditer(actors.text, start, end):
        if actors.is_pronoun(word.group(0)) or word.group(0).lower() in pronoun_cues:
            return SpeakerMention(word.group(0), word.start(), word.end(), actors.last_role(actor, start))
    for word in WORD.finditer(actors.text, start, end):  # "ungkap Kapolres": the role names them
        if word.group(0)[:1].isupper() and word.group(0).lower() in actors.lexicon.titles:
            return SpeakerMention(word.group(0), word.start(), word.end(), actors.last_role(actor, start))
    return None
