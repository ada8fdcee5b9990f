"""Read numbers spelt out in words: "dua puluh lima" is 25, "tiga ratus ribu" 300000,
"dua pertiga" 2/3. What the words mean lives in ``lexicon/<language>/numbers.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipelines.lib.lexicons import load


@dataclass(frozen=True)
class NumberWords:
    """The number words of one language, as ``numbers.toml`` gives them."""

    digits: dict[str, float]
    teen: dict[str, float]
    multipliers: dict[str, float]
    group_words: dict[str, float]
    scales: dict[str, float]
    se_scales: dict[str, float]
    abbreviations: dict[str, float]
    money_abbreviations: dict[str, float]
    money_marks: frozenset[str]
    fractions: dict[str, float]
    denominator_prefix: str
    half: frozenset[str]
    suffixes: tuple[str, ...]
    glue_prefixes: frozenset[str]
    negative_words: frozenset[str]
    negative_signs: frozenset[str]
    zero_words: frozenset[str]  # digit words worth nothing ("nol"): a phrase of them is still a number

    def is_number_word(self, word: str) -> bool:
        w = word.lower()
        return (
            w in self.digits
            or w in self.group_words
            or w in self.se_scales
            or w in self.fractions
            or self.denominator(w) is not None
        )

    def denominator(self, word: str) -> float | None:
        """ "pertiga" -> 3 (the number word after the "per" prefix)."""
        p = self.denominator_prefix
        if p and word.startswith(p) and len(word) > len(p):
            rest = word[len(p) :]
            if rest in self.digits and self.digits[rest] > 1:
                return self.digits[rest]
            if rest in self.group_words:
                return self.group_words[rest]
        return None

    def strip_suffix(self, word: str) -> tuple[str, bool]:
        """``word`` without a possessive suffix ("pertiganya" -> "pertiga"), and whether it had one."""
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                return word[: -len(suffix)], True
        return word, False


def _values(table: dict) -> dict[str, float]:
    return {k: float(v) for k, v in table.items()}


@cache
def number_words(language: str) -> NumberWords:
    """The number words of ``language`` (read once)."""
    lex = load("numbers", language)
    digits = _values(lex.get("digits", {}))
    return NumberWords(
        digits=digits,
        teen=_values(lex.get("teen", {})),
        multipliers=_values(lex.get("multipliers", {})),
        group_words=_values(lex.get("group_words", {})),
        scales=_values(lex.get("scales", {})),
        se_scales=_values(lex.get("se_scales", {})),
        abbreviations=_values(lex.get("abbreviations", {})),
        money_abbreviations=_values(lex.get("money_only_abbreviations", {})),
        money_marks=frozenset(m.lower() for m in lex.get("money_marks", {}).get("marks", [])),
        fractions=_values(lex.get("fractions", {})),
        denominator_prefix=lex.get("denominator_prefix", {}).get("prefix", ""),
        half=frozenset(lex.get("half", {}).get("words", [])),
        suffixes=tuple(lex.get("suffixes", {}).get("possessive", [])),
        glue_prefixes=frozenset(p.lower() for p in lex.get("glue", {}).get("prefixes", [])),
        negative_words=frozenset(lex.get("negative", {}).get("words", [])),
        negative_signs=frozenset(lex.get("negative", {}).get("signs", [])),
        zero_words=frozenset(word for word, value in digits.items() if value == 0),
    )


@dataclass
class _Phrase:
    """A number phrase read so far, word by word; each ``take_*`` says whether the word fits."""

    total: float = 0.0  # sum of completed scale groups
    group: float = 0.0  # the group below one thousand being built
    small: float | None = None  # a digit waiting for belas/puluh/ratus/scale
    last_scale: float = float("inf")
    units_done: bool = False  # the ones place of the group is filled
    fraction: bool = False

    @property
    def value(self) -> float:
        return self.total + self.group + (self.small or 0.0)

    def take_digit(self, digit: float) -> bool:
        if self.small is not None or self.units_done or self.fraction:
            return False
        self.small = digit
        return True

    def take_teen(self, teen: float) -> bool:
        if self.small is None or self.group % 100 != 0 or self.units_done:
            return False
        self.group += self.small + teen
        self.small, self.units_done = None, True
        return True

    def take_multiplier(self, mult: float) -> bool:
        if not self.small or self.group % (mult * 10) or self.units_done:
            return False  # "puluh" needs the tens and ones empty, "ratus" the whole group
        self.group += self.small * mult
        self.small = None
        return True

    def take_group_word(self, value: float) -> bool:
        if self.small is not None or self.units_done or self.fraction or self.group % 1000 >= value:
            return False
        if self.group and value >= 100:
            return False
        self.group += value
        self.units_done = value < 100
        return True

    def take_scale(self, scale: float, is_se: bool) -> bool:
        if is_se:  # "seribu": one of the scale, a group on its own
            if self.small is not None or self.group or self.fraction:
                return False
            mult = 1.0
        else:
            mult = self.group + (self.small or 0.0)
            if mult == 0:
                return False
        if scale < self.last_scale:
            self.total += mult * scale
        else:
            self.total = (self.total + mult) * scale
        self.last_scale = scale
        self.group, self.small, self.units_done, self.fraction = 0.0, None, False, False
        return True

    def take_fraction(self, value: float) -> bool:
        if self.small is not None or self.group or self.total:
            return False
        self.small, self.fraction = value, True
        return True

    def take_half(self) -> bool:  # "dua setengah" = 2.5
        if self.small is None or self.fraction:
            return False
        self.small += 0.5
        return True

    def take_denominator(self, denominator: float) -> bool:  # "dua pertiga"
        if self.small is None or self.group or self.total or self.fraction:
            return False
        self.small, self.fraction = self.small / denominator, True
        return True


def _take(phrase: _Phrase, word: str, w: NumberWords) -> bool | None:
    """Add ``word`` to ``phrase``: True when it fits, False when it ends the phrase, None
    when it is no number word at all."""
    if word in w.digits:
        return phrase.take_digit(w.digits[word])
    if word in w.teen:
        return phrase.take_teen(w.teen[word])
    if word in w.multipliers:
        return phrase.take_multiplier(w.multipliers[word])
    if word in w.group_words:
        return phrase.take_group_word(w.group_words[word])
    if word in w.scales or word in w.se_scales:
        return phrase.take_scale(w.scales.get(word) or w.se_scales[word], word in w.se_scales)
    if word in w.fractions and not (word in w.half and (phrase.small is not None or phrase.group)):
        return phrase.take_fraction(w.fractions[word])
    if word in w.half:
        return phrase.take_half()
    if (den := w.denominator(word)) is not None:
        return phrase.take_denominator(den)
    return None


def _take_split_denominator(phrase: _Phrase, word: str, w: NumberWords) -> bool:
    """The denominator written apart after the prefix: "tiga" in "dua per tiga"."""
    return word in w.digits and w.digits[word] > 1 and phrase.take_denominator(w.digits[word])


def parse_number_words(words: list[str], w: NumberWords) -> tuple[float, int, bool] | None:
    """Longest prefix of ``words`` (lowercase) that is a number phrase.

    Returns (value, words consumed, is_fraction) or None.
    """
    phrase = _Phrase()
    best: tuple[float, int, bool] | None = None
    i = 0
    while i < len(words):
        word, suffixed = w.strip_suffix(words[i])
        if suffixed and not (word in w.fractions or w.denominator(word) is not None):
            break  # only a fraction word takes -nya ("dua pertiganya")
        consumed = 1
        taken = _take(phrase, word, w)
        if taken is None and word == w.denominator_prefix and i + 1 < len(words):  # "dua per tiga"
            denominator, suffixed = w.strip_suffix(words[i + 1])
            taken, consumed = _take_split_denominator(phrase, denominator, w), 2
        if not taken:
            break
        i += consumed
        if phrase.value or word in w.zero_words:
            best = (phrase.value, i, phrase.fraction and not phrase.total and not phrase.group)
        if suffixed:
            break
    return best
