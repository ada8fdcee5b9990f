"""Whole lines of page furniture: site menus and breadcrumbs."""

from pipelines.lib.text.furniture_rules import rules
from pipelines.lib.text.line_kinds import is_breadcrumb, is_menu_line, line_kind


def test_menu_lines_and_breadcrumbs_are_furniture():
    r = rules()
    for line in [
        "Beranda Berita Ekonomi Bola Tekno Gaya Hidup Travel",
        "Finansial Market Kabar99 Sains Premium",
        "Hukum dan Kriminal Humaniora Daerah Opini Kolom",
        "Home > Berita > Daerah",
        "Beranda » Nasional » Politik",
        "Home / Bisnis / Makro",
        "Politik Dunia",
    ]:
        assert is_menu_line(line, r) and line_kind(line, r) == "furniture", line
    assert is_breadcrumb("Beranda » Nasional", r)
    for line in [
        "Ekonomi Daerah Tumbuh Lima Persen pada Kuartal Ketiga",
        "Berita Politik Hari Ini di Senayan",
        "Harga Emas 24/7 Naik Lagi",
        "Ekspor naik > 5 persen, kata menteri dalam rapat.",
    ]:
        assert not is_menu_line(line, r), line
