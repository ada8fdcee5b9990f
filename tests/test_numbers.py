"""Indonesian numbers: numerals with Indonesian separators and number words."""

import pytest

from pipelines.lib.extract.figures.numbers import scan_numbers


def whole_number(surface: str) -> float | None:
    """The value of ``surface`` when it is one number from end to end, else None."""
    surface = surface.strip()
    spans = scan_numbers(surface)
    if len(spans) == 1 and spans[0].start == 0 and spans[0].end == len(surface):
        return spans[0].value
    return None


def numbers_in(text: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, surface) of every number ``scan_numbers`` finds in ``text``."""
    return [(s.start, s.end, s.value, text[s.start : s.end]) for s in scan_numbers(text)]


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        # numerals: "." groups thousands, "," marks decimals
        ("1.500", 1500),
        ("1,5", 1.5),
        ("1.234,56", 1234.56),
        ("1.000.000", 1_000_000),
        ("0,5", 0.5),
        ("2.5", 2.5),  # a dot before other than three digits is a decimal point
        ("1,500,000", 1_500_000),  # several commas: English thousands
        # number words
        ("nol", 0),
        ("enam", 6),
        ("sebelas", 11),
        ("sembilan belas", 19),
        ("dua puluh lima", 25),
        ("seratus", 100),
        ("seratus dua puluh tiga", 123),
        ("seribu", 1000),
        ("dua ribu dua puluh dua", 2022),
        ("tiga ratus ribu", 300_000),
        ("satu juta lima ratus ribu", 1_500_000),
        ("Enam", 6),
        # numerals and words with a scale
        ("1,5 juta", 1_500_000),
        ("150 juta", 150_000_000),
        ("4 miliar", 4e9),
        ("4 milyar", 4e9),
        ("1,5 triliun", 1.5e12),
        ("50 rb", 50_000),
        ("dua setengah juta", 2_500_000),
        # fractions
        ("setengah", 0.5),
        ("separuh", 0.5),
        ("seperempat", 0.25),
        ("dua pertiga", 2 / 3),
        ("dua per tiga", 2 / 3),
        ("dua pertiganya", 2 / 3),
        ("tiga perempat", 0.75),
    ],
)
def test_a_whole_surface_reads_as_one_number(surface, value):
    assert whole_number(surface) == pytest.approx(value)


@pytest.mark.parametrize("surface", ["", "dua tiga", "kedua", "pertama", "juta", "abc", "ribuan", "puluhan"])
def test_what_is_not_one_number_reads_as_none(surface):
    assert whole_number(surface) is None


def test_scan_numbers_gives_offsets_and_values():
    text = "Perdagangan naik 31% menjadi $123 miliar dan tiga ratus ribu dosis."
    assert numbers_in(text) == [
        (17, 19, 31.0, "31"),
        (30, 40, 123e9, "123 miliar"),
        (45, 60, 300_000.0, "tiga ratus ribu"),
    ]


def test_scan_numbers_reads_glued_currency_and_abbreviated_scales():
    found = numbers_in("Rp4 miliar, USD200 miliar, gaji 10jt, Rp 5 M")
    assert [(surface, value) for _, _, value, surface in found] == [
        ("4 miliar", 4e9),
        ("200 miliar", 200e9),
        ("10jt", 10e6),
        ("5 M", 5e9),  # "M" is miliar only right after a currency sign
    ]


def test_m_is_not_a_scale_without_a_currency_sign():
    assert [s.value for s in scan_numbers("tinggi 5 M")] == [5.0]


@pytest.mark.parametrize(
    "text",
    [
        "pandemi Covid-19",  # part of a name
        "KTT G20",
        "putaran ke-16",  # ordinal
        "Rabu (15/12)",  # dates
        "22/3/2024",
        "pukul 08:37",  # clock time with a colon
        "hubungi 0812-3456-7890",  # phone numbers
        "telepon 081234567890",
        "tanggal 2021-12-15",
        "era 80-an",
        "jaringan 5G",
    ],
)
def test_scan_numbers_skips_names_codes_dates_and_phone_numbers(text):
    assert scan_numbers(text) == []


def test_a_hyphen_range_keeps_both_ends():
    assert [s.value for s in scan_numbers("naik 10-20 persen")] == [10.0, 20.0]


def test_number_words_are_whole_words():
    # "kedua" (both, second) and "salah satu" contain number words but "kedua" is none
    assert [surface for *_, surface in numbers_in("kedua negara, salah satu cara")] == ["satu"]


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("1.234.567.890.123.456", 1_234_567_890_123_456),  # absurd but a numeral: a finite value
        ("9,99e999", None),  # an exponent is no Indonesian numeral
        ("1e309", None),
        ("9" * 400, None),  # more digits than any quantity: a code, not a number
        ("1." + ".".join(["000"] * 200), None),
        ("1" * 5000, None),  # beyond Python's int parsing limit: no error, no number
    ],
)
def test_absurd_numerals_give_a_finite_value_or_none(surface, value):
    assert whole_number(surface) == (pytest.approx(value) if value else None)


def test_absurd_numerals_in_a_sentence_are_not_numbers():
    text = "Nilai 9,99e999 dan 1e309 serta 1." + ".".join(["000"] * 200) + " tercatat, bersama 2.500 anggota."
    assert [surface for *_, surface in numbers_in(text)] == ["2.500"]
