"""Checks of `articles`: keys, and a warning for every input a run could not turn into an article."""

import dagster as dg

from pipelines.defs.checks import key_check, run_started_at, warning
from pipelines.defs.metadata import preview
from pipelines.defs.resources import WarehouseResource

article_id_check = key_check("articles", "core.articles", "article_id")

REJECTED_SINCE = "select source, reason, byte_size from core.rejected where rejected_at >= ? order by source"
REASONS_SINCE = (
    "select reason, count(*) as inputs from core.rejected where rejected_at >= ? group by reason order by 2 desc, 1"
)


@dg.asset_check(
    asset="articles",
    name="every_input_became_an_article",
    blocking=False,
    additional_deps=["quotes"],  # after extraction, which rejects the articles too slow to extract
    description=(
        "Warns (severity WARN, the run still succeeds) when this run rejected inputs: empty, binary, "
        "misencoded, oversized or too slow documents, listing pages. The metadata lists each with its reason; "
        "all rejections are in analytics.rejected."
    ),
)
def every_input_became_an_article(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    since = run_started_at(context)
    with warehouse.get_connection() as conn:
        (rejected,) = conn.execute("select count(*) from core.rejected where rejected_at >= ?", [since]).fetchall()[0]
        return warning(
            rejected,
            {
                "rejected_this_run": rejected,
                "rejected_total": conn.execute("select count(*) from core.rejected").fetchall()[0][0],
                "reasons": preview(conn, REASONS_SINCE, limit=20, params=[since]),
                "rejected": preview(conn, REJECTED_SINCE, limit=50, params=[since]),
            },
        )
