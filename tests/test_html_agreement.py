"""html_agreement.merged: the chosen body, the region around it and readability's text in; the
body with the paragraphs both other views agree on put back, in document order."""

from pipelines.lib.text.html_agreement import merged

BODY = [
    "Gubernur yang meresmikan pabrik itu mengatakan investasi tersebut membuktikan daerahnya mampu menarik "
    "industri bernilai tambah tinggi ke kawasan timur kota.",
    "Perusahaan menyebut kapasitas produksi tahap pertama mencapai sepuluh gigawatt jam per tahun dan akan "
    "ditingkatkan dua kali lipat pada tahun 2026.",
    "Pemerintah provinsi berharap kehadiran pabrik itu mendorong tumbuhnya industri pendukung seperti pemasok "
    "komponen logam dan jasa logistik.",
]
LEAD = (
    "Pabrik baterai kendaraan listrik di kawasan industri mulai beroperasi pada Rabu setelah pembangunan selama "
    "dua tahun dan menyerap sekitar tiga ribu pekerja lokal."
)
SUBHEAD = "Pelatihan bagi lulusan SMK"
SECTION = (
    "Sebelum pabrik beroperasi, perusahaan melatih sekitar delapan ratus lulusan sekolah kejuruan dari kabupaten "
    "sekitar selama enam bulan di pusat pelatihan milik provinsi."
)


def test_a_section_both_views_hold_goes_back_in_place_with_its_subheading():
    region = [BODY[0], BODY[1], SUBHEAD, SECTION, BODY[2]]
    assert merged(BODY, region, region) == [BODY[0], BODY[1], SUBHEAD, SECTION, BODY[2]]


def test_a_paragraph_only_one_view_holds_stays_out():
    region = [BODY[0], BODY[1], SUBHEAD, SECTION, BODY[2]]
    assert merged(BODY, region, [BODY[0], BODY[1], BODY[2]]) == BODY


def test_a_lead_goes_back_only_when_it_opens_the_article():
    region = [LEAD, *BODY]
    assert merged(BODY, region, region, lambda line: line == LEAD) == [LEAD, *BODY]
    assert merged(BODY, region, region) == BODY  # a standfirst above the body is no lead


def test_a_run_of_short_teasers_after_the_body_stays_out():
    teasers = [
        "Harga cabai rawit turun tajam di pasar induk pagi ini.",
        "Tim voli putri melaju ke semifinal kejuaraan nasional.",
        "Warga mengeluhkan bau sampah dari tempat pembuangan akhir.",
    ]
    region = [*BODY, *teasers]
    assert merged(BODY, region, region) == BODY
