"""Jobs: one poll and everything downstream of it, or a re-extraction of what is stored."""

import dagster as dg

REPROCESS_TAG = "warta/reprocess"  # on a run: clean and extract every stored document again

reingest = dg.define_asset_job(
    "reingest",
    selection=dg.AssetSelection.all(),
    description=(
        "Poll the sources (all of them, or those named in the run config of `documents`), fetch what is new, "
        "and process only the new and changed articles through to the published warehouse."
    ),
)

reextract = dg.define_asset_job(
    "reextract",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets("documents"),
    tags={REPROCESS_TAG: "all"},
    description=(
        "Backfill after an extractor change: clean and extract every stored document again from its raw bytes "
        "in data/raw/, without fetching anything, then publish."
    ),
)
