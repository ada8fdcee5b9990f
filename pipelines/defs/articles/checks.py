"""Checks of `articles`: keys, and a warning while inputs stand rejected."""

import dagster as dg

from pipelines.defs.checks import TableKey, key_checks, listing, run_started_at, warning
from pipelines.defs.metadata import preview
from pipelines.defs.resources import WarehouseResource

article_keys = key_checks(
    "articles",
    TableKey("articles", "core.articles", "article_id"),
    TableKey("articles", "core.article_signatures", "article_id"),  # the near-duplicate signatures
)

REJECTED = "select source, reason, byte_size, rejected_at from core.rejected order by rejected_at desc, source"
NEWEST = "select source, reason from core.rejected order by rejected_at desc, source limit 3"
REASONS = "select reason, count(*) as inputs from core.rejected group by reason order by 2 desc, 1"


@dg.asset_check(
    asset="articles",
    name="every_input_became_an_article",
    blocking=False,
    additional_deps=["quotes"],  # after extraction, which rejects the articles too slow to extract
    description=(
        "Warns (severity WARN, the run still succeeds) while inputs stand rejected: empty, binary, misencoded, "
        "oversized or too slow documents, listing pages. The metadata lists each with its reason, newest first, "
        "and how many this run rejected; a rejected input leaves the list once it becomes an article."
    ),
)
def every_input_became_an_article(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    since = run_started_at(context)
    with warehouse.get_connection() as conn:
        (rejected, this_run), *_ = conn.execute(
            "select count(*), count(*) filter (where rejected_at >= ?) from core.rejected", [since]
        ).fetchall()
        return warning(
            rejected,
            {
                "rejected": rejected,
                "rejected_this_run": this_run,
                "reasons": preview(conn, REASONS, limit=20),
                "inputs": preview(conn, REJECTED, limit=50),
            },
            listing(conn.execute(NEWEST).fetchall(), rejected, "rejected inputs"),
        )
