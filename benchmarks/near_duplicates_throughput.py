"""Throughput of near-duplicate signatures (not a timed test).

    .venv/bin/python benchmarks/near_duplicates_throughput.py [--bodies 1000] [--words 600]

Builds pseudo-Indonesian bodies of the given length from a fixed vocabulary (seeded, so every
run measures the same texts), then prints signatures per second on one core, band keys per
second, and the peak memory traced while signing all bodies (tracemalloc, in a separate
pass: tracing slows Python).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.lib.text.near_duplicates import band_keys, signature  # noqa: E402

VOCABULARY = """yang dan di ke dari pada untuk dengan dalam itu ini akan tidak juga sudah telah masih bisa harus
kata ujar menurut mengatakan menjelaskan menyatakan pemerintah presiden menteri gubernur bupati wali kota warga
masyarakat petugas polisi tentara relawan banjir gempa longsor kebakaran jalan rumah sekolah pasar rumah sakit
anggaran rupiah miliar triliun juta persen harga beras minyak listrik pajak ekspor impor investasi pertumbuhan
ekonomi inflasi bank suku bunga kebijakan program bantuan sosial pendidikan kesehatan pengungsi posko logistik
jakarta surabaya bandung semarang medan makassar demak kudus jawa tengah timur barat sumatera kalimantan papua
senin selasa rabu kamis jumat sabtu minggu pagi siang sore malam pekan bulan tahun lalu depan hari ini kemarin
dewan perwakilan rakyat partai pemilihan umum calon suara kursi koalisi oposisi sidang putusan hakim jaksa
pengadilan tersangka saksi korban laporan data badan pusat statistik kementerian lembaga daerah provinsi
kabupaten desa kecamatan nasional internasional dunia asia tenggara negara kerja sama perjanjian pertemuan""".split()


def bodies(count: int, words: int, seed: int = 20250114) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        sentences, total = [], 0
        while total < words:
            length = rng.randint(12, 28)
            sentence = " ".join(rng.choice(VOCABULARY) for _ in range(length))
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
            total += length
        out.append(" ".join(sentences))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bodies", type=int, default=1000)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()

    texts = bodies(args.bodies, args.words)
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    signature(texts[0])  # warm up

    began = time.perf_counter()
    signatures = [signature(t) for t in texts]
    signing = time.perf_counter() - began

    began = time.perf_counter()
    for sig in signatures:
        band_keys(sig)
    banding = time.perf_counter() - began

    tracemalloc.start()
    kept = [signature(t) for t in texts]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"{len(texts):,} bodies of {mean_words:,.0f} words on average")
    print(f"signatures: {len(texts) / signing:,.0f} per second ({signing * 1000 / len(texts):.2f} ms each)")
    print(f"band keys:  {len(texts) / banding:,.0f} signatures per second")
    print(f"peak traced memory, signing all bodies and keeping {len(kept):,} signatures: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
