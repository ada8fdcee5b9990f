"""Hostile inputs, and what must become of each: ``write_hostile_corpus(folder)``.

Three short, ordinary Indonesian articles live in ``tests/fixtures/hostile/`` (each with a
speaker, a quotation and a figure). Every hostile case is made from them, or from nothing,
when the corpus is written: pages in the wrong encoding, with invisible characters inside
names, wrapped in 100 000 ``<div>``, behind a billion-laughs DOCTYPE, quotation marks that
never close, absurd numbers, binary data named ``.html``, tag soup, a 50 MB page. Nothing
big is committed.

Each file name maps to an :class:`Expectation`: an article (snippets its body holds,
strings it must not hold, a speaker and a figure analysis must find) or a rejection (a
substring of its reason). ``kind_of(name)`` is the input kind ``build_article`` takes;
``hostile_cases()`` lists the cases without writing them (big contents are made only when
written).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "hostile"
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad")
BIDI = ("\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")
MOJIBAKE = ("\ufffd", "â€", "Ã")
Content = bytes | Callable[[], bytes]  # the bytes, or a function making big ones when written


@dataclass(frozen=True)
class Expectation:
    outcome: str  # "article" | "rejected"
    text: str  # article: a snippet of the body; rejected: a substring of the reason
    also: tuple[str, ...] = ()  # article: more snippets of the body
    absent: tuple[str, ...] = ()  # article: never in the body nor the title
    speaker: str | None = None  # article: analysis attributes a quotation to this speaker
    figure: str | None = None  # article: analysis finds a figure with this surface
    quotes_in_one_paragraph: bool = False  # article: no quotation reaches past its paragraph


def article(snippet: str, **checks) -> Expectation:
    return Expectation("article", snippet, **checks)


def rejected(reason: str) -> Expectation:
    return Expectation("rejected", reason)


def kind_of(name: str) -> str:
    return "html" if name.endswith((".html", ".htm")) else "text"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# --------------------------------------------------------------- good articles

FARM = "good_article.html"  # Menteri Pertanian Darmawan Susilo, “…” quotation, en dash, Rp 4,5 triliun
FLOOD = "good_article.txt"  # Rina Kartikasari, “…” quotation, en dashes, Rp 750 juta
COFFEE = "good_short.html"  # Bambang Wijanarko, "…" quotation, USD 1,8 miliar
FARM_QUOTE = "“Kami ingin pupuk sampai ke petani tepat waktu, terutama menjelang musim tanam,” kata"
FLOOD_QUOTE = "“Air mulai naik sekitar pukul 02.00 dan sekarang setinggi lutut orang dewasa,” ujar"


def good_articles() -> dict[str, tuple[Content, Expectation]]:
    return {
        FARM: (fixture(FARM).encode(), article(FARM_QUOTE, speaker="Darmawan Susilo", figure="Rp 4,5 triliun")),
        FLOOD: (fixture(FLOOD).encode(), article(FLOOD_QUOTE, speaker="Rina Kartikasari", figure="Rp 750 juta")),
        COFFEE: (
            fixture(COFFEE).encode(),
            article("Harga di pasar dunia sedang bagus", speaker="Bambang Wijanarko", figure="USD 1,8 miliar"),
        ),
    }


# -------------------------------------------------------------------- encodings


def _with_charset(html: str, declaration: str) -> str:
    return html.replace('<meta charset="utf-8">', declaration)


def encodings() -> dict[str, tuple[Content, Expectation]]:
    farm, flood = fixture(FARM), fixture(FLOOD)
    dash = "pada periode 2025–2029 akan diawasi"
    farm_ok = article(FARM_QUOTE, also=(dash,), absent=MOJIBAKE, speaker="Darmawan Susilo", figure="Rp 4,5 triliun")
    quote_para, dash_para = (next(p for p in farm.split("\n") if key in p) for key in ("Kami ingin", "2025–2029"))
    coffee_latin1 = fixture(COFFEE).replace("Bambang Wijanarko", "José Soares").replace("Bambang", "José")
    flood_para = next(p for p in flood.split("\n") if "Air mulai naik" in p)
    flood_ok = article(FLOOD_QUOTE, also=("kecamatan – Cikaret",), absent=MOJIBAKE, speaker="Rina Kartikasari")
    return {
        # windows-1252 bytes under a UTF-8 declaration: “ ” – must come out right
        "cp1252_declared_utf8.html": (farm.encode("cp1252"), farm_ok),
        # latin-1 bytes (é) under a UTF-8 declaration
        "latin1_declared_utf8.html": (
            coffee_latin1.encode("latin-1"),
            article(
                "kata Ketua Asosiasi Eksportir Kopi, José Soares, di Medan", absent=MOJIBAKE, speaker="José Soares"
            ),
        ),
        # UTF-8 page with one paragraph pasted in windows-1252
        "mixed_utf8_cp1252.html": (
            farm.encode().replace(dash_para.encode(), dash_para.encode("cp1252")),
            article(dash, absent=MOJIBAKE, speaker="Darmawan Susilo"),
        ),
        "mixed_utf8_cp1252_quote.html": (
            farm.encode().replace(quote_para.encode(), quote_para.encode("cp1252")),
            farm_ok,
        ),
        # a declared legacy charset is honoured; iso-8859-1 is read as windows-1252, as browsers do
        "declared_windows1252.html": (
            _with_charset(farm, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">').encode(
                "cp1252"
            ),
            farm_ok,
        ),
        "declared_iso8859_1.html": (_with_charset(farm, '<meta charset="ISO-8859-1">').encode("cp1252"), farm_ok),
        # valid UTF-8 under a stale latin-1 declaration is UTF-8
        "utf8_declared_latin1.html": (_with_charset(farm, '<meta charset="iso-8859-1">').encode(), farm_ok),
        # plain text: windows-1252 shows itself by its punctuation; a mix is UTF-8 with windows-1252 bytes
        "cp1252.txt": (flood.encode("cp1252"), flood_ok),
        "mixed_utf8_cp1252.txt": (flood.encode().replace(flood_para.encode(), flood_para.encode("cp1252")), flood_ok),
        "utf16_bom.txt": (flood.encode("utf-16"), article(FLOOD_QUOTE, speaker="Rina Kartikasari")),
        # only accented letters, no UTF-8 anywhere: any ISO-8859 part could be meant
        "latin1_letters_only.txt": (
            "Kafé Baru di Jakarta\n\nSebuah kafé baru dibuka di Jakarta Selatan oleh José Soares pekan ini.".encode(
                "latin-1"
            ),
            rejected("not valid UTF-8"),
        ),
    }


# ------------------------------------------------------------ invisible characters


def invisible_characters() -> dict[str, tuple[Content, Expectation]]:
    farm = (
        fixture(FARM)
        .replace("Menteri Pertanian Darmawan Susilo", "Menteri Per\u00adtanian Dar\u200bmawan Su\u200csilo")
        .replace("Darmawan menambahkan", "Dar\u2060mawan\ufeff menambahkan")
        .replace("petani tepat", "pe\u200dtani tepat")
        .replace("Rp 4,5 triliun tahun", "Rp 4,\u200b5 tri\u00adliun tahun")
    )
    flood = (
        fixture(FLOOD)
        .replace("Rina Kartikasari", "\u202bRina\u202c Kar\u200ftikasari\u200e")
        .replace("Rina mengatakan", "\u2067Ri\u202ena\u202c\u2069 mengatakan")
        .replace("Sukamaju,", "\u2066Sukamaju\u2069,")
        .replace("Rp 750 juta", "Rp \u202d750\u202c ju\u2068ta\u2069")
        .replace("Banjir merendam", "Ban\u202ajir\u202c merendam")
    )
    return {
        "zero_width.html": (
            farm.encode(),
            article(
                "kata Menteri Pertanian Darmawan Susilo di Jakarta",
                absent=INVISIBLE,
                speaker="Darmawan Susilo",
                figure="Rp 4,5 triliun",
            ),
        ),
        "bidi_controls.txt": (
            flood.encode(),
            article(
                "Kepala Badan Penanggulangan Bencana Daerah Sukamaju, Rina Kartikasari, kepada wartawan",
                absent=BIDI,
                speaker="Rina Kartikasari",
                figure="Rp 750 juta",
            ),
        ),
    }


# ------------------------------------------------------------- quotes and numbers

UNCLOSED = """Pedagang Tolak Relokasi Pasar Lama

Senin, 3 Maret 2025 10:00 WIB

Ratusan pedagang Pasar Lama menolak rencana relokasi ke gedung baru yang dinilai terlalu jauh dari permukiman warga.

“Kami tidak pernah diajak bicara soal pemindahan ini, padahal sudah puluhan tahun berjualan, kata Sutarno, pedagang.

“Kalau dipaksa pindah, pembeli kami akan hilang semua dan kami tidak punya modal untuk memulai lagi.

Kepala Dinas Perdagangan Hendra Gunawan mengatakan bahwa relokasi tetap berjalan sesuai jadwal pada April mendatang.

Pemerintah kota menyiapkan 450 kios di gedung baru dan membebaskan sewa selama enam bulan.
"""

NUMBERS = """Laporan Keuangan Koperasi Penuh Angka Mustahil

Selasa, 4 Maret 2025 14:00 WIB

Laporan keuangan Koperasi Sejahtera mencatat utang Rp1.234.567.890.123.456, angka yang oleh auditor disebut mustahil.

Di kolom lain tertulis nilai 9,99e999 persen dan 1e309 rupiah, yang tampaknya hasil galat perangkat lunak.

Total aset tercatat Rp 1.{zeros} triliun, sementara kode transaksi {digits} tercetak di halaman terakhir.

“Angka-angka ini jelas salah ketik dan akan kami koreksi,” kata Ketua Pengawas Koperasi, Wahyu Prasetyo, Selasa.

Koperasi itu memiliki 2.500 anggota di tiga kabupaten.
"""


def _one_paragraph(size: int) -> bytes:
    """A title and one line of ``size`` characters: every article sentence over and over,
    one quotation mark left open halfway."""
    lines = fixture(FLOOD).splitlines()
    sentences = " ".join(line for line in lines[4:] if line)
    repeats = size // len(sentences) + 1
    text = " ".join([sentences] * (repeats // 2) + ["“Tidak pernah ditutup."] + [sentences] * (repeats - repeats // 2))
    return (lines[0] + "\n\n" + text + "\n").encode()


def quotes_and_numbers() -> dict[str, tuple[Content, Expectation]]:
    numbers = NUMBERS.format(zeros=".".join(["000"] * 200), digits="9" * 5000)
    html_unclosed = fixture(COFFEE).replace(
        'jadi petani bersemangat memanen lebih banyak,"', "jadi petani bersemangat memanen lebih banyak,"
    )
    return {
        "unclosed_quote.txt": (
            UNCLOSED.encode(),
            article("“Kalau dipaksa pindah", speaker="Hendra Gunawan", quotes_in_one_paragraph=True),
        ),
        "unclosed_quote.html": (
            html_unclosed.replace("<p>Bambang memperkirakan", "<p>«Bambang memperkirakan").encode(),
            article("Bambang memperkirakan nilai ekspor", figure="USD 1,8 miliar", quotes_in_one_paragraph=True),
        ),
        "one_paragraph_500kb.txt": (
            lambda: _one_paragraph(500_000),
            article(
                "“Tidak pernah ditutup. Sukamaju – Banjir merendam", speaker="Rina Kartikasari", figure="Rp 750 juta"
            ),
        ),
        "absurd_numbers.txt": (
            numbers.encode(),
            article("9,99e999 persen dan 1e309 rupiah", speaker="Wahyu Prasetyo", figure="Rp1.234.567.890.123.456"),
        ),
    }


# --------------------------------------------------------------------- binary


def binary() -> dict[str, tuple[Content, Expectation]]:
    rng = random.Random(20250101)
    noise = rng.randbytes(100_000)
    return {
        "image.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise[:4000], rejected("PNG")),
        "document.html": (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n" + noise[:4000],
            rejected("PDF"),
        ),
        "random.html": (noise, rejected("binary input")),
        "random_without_nul.html": (bytes(b % 255 + 1 for b in noise), rejected("binary input")),
        "random_without_nul.txt": (bytes(b % 255 + 1 for b in noise[::-1]), rejected("binary input")),
    }


# --------------------------------------------------- entities, nesting and size

ENTITIES = "".join(f'  <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10)).replace("&lol0;", "lol")


def structure() -> dict[str, tuple[Content, Expectation]]:
    farm, coffee = fixture(FARM), fixture(COFFEE)
    article_html = farm[farm.index("<article>") : farm.index("</article>") + len("</article>")]
    head = farm[: farm.index("<body>")]
    laughs = farm.replace("<!DOCTYPE html>", f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html [\n{ENTITIES}]>')
    laughs = laughs.replace("</p>\n</article>", "</p>\n<p>&lol9;</p>\n</article>")
    n = 100_000
    json_ld = '<script type="application/ld+json">' + "[" * n + "]" * n + "</script></head>"
    farm_ok = article(FARM_QUOTE, speaker="Darmawan Susilo", figure="Rp 4,5 triliun")
    return {
        "billion_laughs.html": (
            laughs.encode(),
            article(FARM_QUOTE, absent=("lollol", "&lol"), speaker="Darmawan Susilo"),
        ),
        "billion_laughs.xml.html": (
            f'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n{ENTITIES}]>\n<lolz>&lol9;</lolz>\n'.encode(),
            rejected("not an HTML page"),
        ),
        "deep_divs.html": (
            (head + "<body>" + "<div>" * n + article_html + "</div>" * n + "</body></html>").encode(),
            farm_ok,
        ),
        "deep_unclosed_wrappers.html": (
            (head + "<body>" + '<div class="w"><span>' * n + article_html + "</body></html>").encode(),
            farm_ok,
        ),
        "deep_json_ld.html": (
            coffee.replace("</head>", json_ld).encode(),
            article("Harga di pasar dunia sedang bagus", speaker="Bambang Wijanarko"),
        ),
        "inline_soup.html": (  # 20 000 bold words in one paragraph before the article's own
            farm.replace("<article>", "<article><p>" + "<b>padi</b> " * 20_000 + "</p>").encode(),
            article(FARM_QUOTE, speaker="Darmawan Susilo"),
        ),
        "too_many_elements.html": (
            (head + "<body><div>" + "<i></i>" * 150_000 + article_html + "</div></body></html>").encode(),
            rejected("page too complex"),
        ),
        "huge_50mb.html": (lambda: _huge_page(50_000_000), rejected("oversized input")),
    }


def _huge_page(size: int) -> bytes:
    paragraph = "<p>Harga cabai di pasar induk naik lagi pekan ini, kata pedagang kepada wartawan.</p>\n".encode()
    return b"<html><body>" + paragraph * (size // len(paragraph) + 1) + b"</body></html>"


# ------------------------------------------------------------------ the corpus


def hostile_cases() -> dict[str, tuple[Content, Expectation]]:
    """Every case: file name -> (its bytes, or a function making them; what must happen)."""
    return good_articles() | encodings() | invisible_characters() | quotes_and_numbers() | binary() | structure()


def write_hostile_corpus(folder: Path) -> dict[str, Expectation]:
    """Write every hostile case (and the good articles of the batch) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, Expectation] = {}
    for name, (content, expectation) in hostile_cases().items():
        (folder / name).write_bytes(content() if callable(content) else content)
        expected[name] = expectation
    return expected
