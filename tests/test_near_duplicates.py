"""Near-duplicates: the same wire story at two outlets is one text; two reports of one event are two.

The texts are written for these tests (a flood in Demak; people and figures invented).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.lib.ingest.raw_store import RawStore
from pipelines.lib.text.near_duplicates import (
    BANDS,
    DUPLICATE_SIMILARITY,
    SIGNATURE_SIZE,
    band_keys,
    shingles,
    signature,
    similarity,
)
from pipelines.lib.text.pages import Page
from pipelines.lib.warehouse.articles import CleaningTask, clean_stored_page

ROOT = Path(__file__).resolve().parents[1]

# The wire story, paragraph by paragraph, without its dateline.
WIRE = [
    "Badan Penanggulangan Bencana Daerah (BPBD) Provinsi Jawa Tengah mencatat sebanyak 4.215 warga dari tiga "
    "kecamatan di Kabupaten Demak mengungsi setelah tanggul Sungai Wulan jebol akibat hujan deras yang mengguyur "
    "wilayah hulu sejak Minggu malam.",
    "Kepala Pelaksana BPBD Jawa Tengah Bambang Sutrisno di Semarang, Senin, mengatakan para pengungsi ditampung di "
    "17 titik, antara lain balai desa, gedung sekolah, dan masjid yang berada di dataran lebih tinggi.",
    "“Air mulai masuk ke permukiman sekitar pukul 02.00 WIB. Tim kami bersama TNI, Polri, dan relawan langsung "
    "mengevakuasi warga, terutama lansia, ibu hamil, dan anak-anak,” kata Bambang.",
    "Menurut dia, ketinggian air di Kecamatan Karanganyar mencapai 1,5 meter, sedangkan di Kecamatan Gajah dan "
    "Kecamatan Mijen berkisar antara 50 sentimeter hingga satu meter. Sedikitnya 2.870 rumah terendam dan akses "
    "jalan penghubung antardesa terputus. Arus lalu lintas di jalur pantura Demak–Kudus juga sempat tersendat "
    "karena genangan setinggi 30 sentimeter di beberapa ruas.",
    "Bambang menjelaskan bahwa pihaknya telah mengirimkan 12 perahu karet, dua dapur umum, serta bantuan logistik "
    "berupa beras, mi instan, selimut, dan air bersih. Pemerintah provinsi juga menyiagakan tenaga kesehatan di "
    "setiap lokasi pengungsian untuk mengantisipasi penyakit kulit dan diare yang biasanya muncul setelah banjir.",
    "Pemerintah Kabupaten Demak telah menetapkan status tanggap darurat bencana banjir selama 14 hari, mulai 13 "
    "hingga 26 Januari 2025, untuk mempercepat penanganan dan penyaluran bantuan kepada warga terdampak.",
    "Sementara itu, Balai Besar Wilayah Sungai (BBWS) Pemali Juana menyatakan perbaikan darurat tanggul sepanjang "
    "40 meter yang jebol akan dimulai begitu debit sungai menurun. Petugas akan menutup bagian yang jebol dengan "
    "karung pasir dan bronjong batu agar air tidak kembali meluap ke permukiman.",
    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperkirakan hujan dengan intensitas sedang hingga lebat "
    "masih akan terjadi di wilayah Jawa Tengah bagian utara hingga akhir pekan ini. Masyarakat yang tinggal di "
    "bantaran sungai diminta tetap waspada dan segera mengungsi apabila petugas mengeluarkan peringatan.",
    "“Kami mengimbau warga tidak kembali ke rumah sebelum kondisi benar-benar aman. Harta benda bisa dicari lagi, "
    "tetapi keselamatan jiwa yang paling utama,” ujar Bambang.",
    "Hingga Senin sore, BPBD belum menerima laporan korban jiwa. Namun, dua warga Desa Ketanjung dilaporkan "
    "mengalami luka ringan karena terpeleset saat dievakuasi dan telah mendapat perawatan di puskesmas setempat.",
]

ANTARA = "Semarang (ANTARA) - " + "\n\n".join(WIRE) + "\n\nPewarta: Rina Kusumawati\nEditor: Hendra Wijaya"

# The same story at another outlet: another dateline, a "Baca juga" line, the traffic
# sentence and the sentence on the injured cut, another credit line.
CUT_TRAFFIC = WIRE[3].split(" Arus lalu lintas")[0]
CUT_INJURED = WIRE[9].split(" Namun,")[0]
KOMPAS = (
    "SEMARANG, KOMPAS.com – "
    + "\n\n".join(
        [*WIRE[:3], "Baca juga: Tanggul Sungai Wulan Jebol, Ribuan Warga Demak Mengungsi", CUT_TRAFFIC, *WIRE[4:9]]
        + [CUT_INJURED]
    )
    + "\n\nPenulis: Kontributor Demak, Ahmad Fauzi | Editor: Sari Rahmawati"
)

# The wire story updated in the evening with one more paragraph.
UPDATED = ANTARA.replace(
    "\n\nPewarta:",
    "\n\nPada Senin malam, BPBD mencatat jumlah pengungsi bertambah menjadi 4.870 orang setelah air meluas ke "
    "Kecamatan Wonosalam. Petugas gabungan kembali mengerahkan empat perahu karet tambahan untuk menjangkau warga "
    "yang masih bertahan di lantai dua rumah mereka.\n\nPewarta:",
)

# Another outlet's own report of the same flood: same people, same day, same quotation from
# the press conference, otherwise its own words.
REPORTAGE = """Demak - Ribuan warga Kabupaten Demak, Jawa Tengah, terpaksa meninggalkan rumah setelah Sungai Wulan \
meluap dan menjebol tanggul di Desa Ketanjung, Kecamatan Karanganyar, Senin (13/1/2025) dini hari. Banjir merendam \
permukiman di tiga kecamatan sekaligus.

Di lokasi, air berwarna cokelat setinggi pinggang orang dewasa masih menggenangi jalan desa hingga siang. Warga \
menumpang perahu karet milik tim SAR gabungan untuk keluar masuk kampung, sementara sebagian lainnya memilih \
bertahan di lantai dua sambil menjaga barang berharga.

Siti Aminah (52), warga Ketanjung, mengaku terbangun oleh suara gemuruh air sekitar pukul dua pagi. Ia hanya sempat \
membawa surat-surat penting dan beberapa potong pakaian sebelum dijemput relawan.

"Airnya cepat sekali naik. Dalam setengah jam sudah sampai dada, kasur dan lemari tidak sempat kami selamatkan," \
tutur Siti saat ditemui di posko pengungsian Balai Desa Ketanjung.

Kepala Pelaksana BPBD Jawa Tengah Bambang Sutrisno menyebut jumlah pengungsi sudah 4.215 jiwa yang tersebar di 17 \
lokasi. Ia memastikan kebutuhan makan mereka tercukupi lewat dapur umum yang didirikan bersama Dinas Sosial dan \
Taruna Siaga Bencana.

"Kami mengimbau warga tidak kembali ke rumah sebelum kondisi benar-benar aman. Harta benda bisa dicari lagi, tetapi \
keselamatan jiwa yang paling utama," kata Bambang kepada wartawan.

Bupati Demak Eko Prasetyo yang meninjau posko pada siang harinya menyatakan pemerintah kabupaten menetapkan masa \
tanggap darurat dua pekan. Dengan status itu, anggaran belanja tak terduga bisa segera dicairkan untuk membeli \
kebutuhan pengungsi dan memperbaiki fasilitas umum yang rusak.

Eko juga meminta balai sungai mempercepat penambalan tanggul. Menurut dia, tanggul di titik yang sama pernah jebol \
pada 2023 sehingga perlu diperkuat secara permanen, bukan hanya ditambal karung pasir setiap musim hujan.

"Jangan sampai setiap tahun warga Karanganyar mengungsi di tempat yang sama. Kami akan bersurat ke kementerian agar \
perbaikan permanen masuk anggaran tahun ini," ujar Eko.

Hingga berita ini diturunkan, petugas gabungan masih menyisir rumah-rumah di dekat tanggul untuk memastikan tidak \
ada warga yang terjebak. (ams/dnu)"""

# An unrelated story.
MONETARY = """Jakarta (ANTARA) - Bank Indonesia memutuskan mempertahankan suku bunga acuan BI-Rate sebesar 5,75 persen \
dalam Rapat Dewan Gubernur yang berakhir Rabu. Suku bunga Deposit Facility tetap 5,00 persen dan Lending Facility \
6,50 persen. Keputusan itu, menurut bank sentral, sejalan dengan upaya menjaga stabilitas nilai tukar rupiah di \
tengah ketidakpastian pasar keuangan global yang masih tinggi, sekaligus mendukung pertumbuhan ekonomi nasional. \
Inflasi diperkirakan tetap terkendali dalam sasaran 2,5 plus minus satu persen sepanjang tahun."""


def test_the_wire_story_at_another_outlet_is_a_duplicate():
    assert KOMPAS != ANTARA and "Baca juga" in KOMPAS and "Arus lalu lintas" not in KOMPAS
    assert similarity(signature(ANTARA), signature(KOMPAS)) >= DUPLICATE_SIMILARITY


def test_an_updated_version_with_one_more_paragraph_is_a_duplicate():
    assert similarity(signature(ANTARA), signature(UPDATED)) >= DUPLICATE_SIMILARITY
    assert similarity(signature(KOMPAS), signature(UPDATED)) >= DUPLICATE_SIMILARITY


def test_another_report_of_the_same_event_is_not_a_duplicate():
    for text in (ANTARA, KOMPAS, UPDATED):
        assert similarity(signature(text), signature(REPORTAGE)) < DUPLICATE_SIMILARITY / 2


def test_an_unrelated_story_shares_nothing():
    assert similarity(signature(ANTARA), signature(MONETARY)) < 0.05


def test_duplicates_share_a_band_key_and_different_texts_do_not():
    antara, kompas, updated = (set(band_keys(signature(text))) for text in (ANTARA, KOMPAS, UPDATED))
    reportage, monetary = (set(band_keys(signature(text))) for text in (REPORTAGE, MONETARY))
    assert antara & kompas and antara & updated and kompas & updated
    assert not antara & reportage and not antara & monetary and not kompas & reportage


def test_the_estimate_is_close_to_the_exact_jaccard_similarity():
    for a, b in [(ANTARA, KOMPAS), (ANTARA, UPDATED), (ANTARA, REPORTAGE)]:
        exact = len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))
        assert abs(similarity(signature(a), signature(b)) - exact) < 0.12


def test_shingles_are_five_lowercased_words_without_punctuation():
    assert shingles("Kata Bambang: “Air mulai masuk, pukul 02.00 WIB.”") == {
        "kata bambang air mulai masuk",
        "bambang air mulai masuk pukul",
        "air mulai masuk pukul 02",
        "mulai masuk pukul 02 00",
        "masuk pukul 02 00 wib",
    }
    assert shingles("Banjir Demak!") == {"banjir demak"}
    assert shingles("") == {""}


def test_case_and_punctuation_do_not_change_the_signature():
    assert signature("BANJIR di Demak, ribuan warga mengungsi.") == signature("banjir di demak ribuan warga mengungsi")


def test_short_and_empty_bodies_get_a_full_signature():
    for text in ("Banjir", "", "Banjir Demak surut"):
        sig = signature(text)
        assert len(sig) == SIGNATURE_SIZE and all(0 <= value < 2**63 for value in sig)
    assert similarity(signature("Banjir Demak surut"), signature("banjir demak surut!")) == 1.0
    assert similarity(signature("Banjir Demak surut"), signature("Banjir Kudus surut")) < 0.1


def test_band_keys_number_and_shape():
    keys = band_keys(signature(ANTARA))
    assert len(keys) == BANDS and len(set(keys)) == BANDS
    assert keys[3].startswith("03:") and len(keys[3]) == 3 + 16
    assert len(band_keys(signature(ANTARA), bands=16)) == 16


def test_signatures_are_the_same_in_another_process():
    """No Python hash(): another interpreter with another hash seed gives the same values."""
    code = (
        "import json; from pipelines.lib.text.near_duplicates import signature; print(json.dumps(signature(input())))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", code], input=ANTARA.replace("\n", " "), env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert json.loads(run.stdout) == signature(ANTARA.replace("\n", " "))


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_any_text_gets_a_signature_that_fits_a_bigint(a, b):
    sig_a, sig_b = signature(a), signature(b)
    assert len(sig_a) == SIGNATURE_SIZE and all(0 <= value < 2**63 for value in sig_a)
    assert similarity(sig_a, sig_a) == 1.0 and 0.0 <= similarity(sig_a, sig_b) <= 1.0
    assert len(band_keys(sig_a)) == BANDS


def test_the_worker_that_cleans_a_page_signs_its_body(tmp_path: Path):
    store = RawStore(tmp_path)
    page = Page("inbox/suku-bunga.txt", "text", "inbox/suku-bunga.txt", 1, store.put(MONETARY.encode()), None)
    cleaned = clean_stored_page(CleaningTask(page, str(tmp_path), dt.date(2026, 1, 5), 10_000_000, 30.0))
    assert cleaned.result.body.startswith("Bank Indonesia memutuskan")  # the dateline is a field
    assert cleaned.signature == signature(cleaned.result.body)
