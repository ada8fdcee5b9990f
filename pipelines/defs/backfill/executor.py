"""The executor of the backfill job, chosen by the deployment (WARTA_BACKFILL_EXECUTOR): Dagster's
multiprocess executor (default), the Dask executor (dagster-dask) or one Kubernetes job per step
(dagster-k8s). The job and its steps are the same whichever runs them."""

import dagster as dg

from pipelines import settings


def backfill_executor(kind: str | None = None) -> dg.ExecutorDefinition:
    kind = kind or settings.backfill_executor()
    if kind == "multiprocess":
        return dg.multiprocess_executor
    if kind == "dask":
        from dagster_dask import dask_executor

        return dask_executor
    if kind == "k8s":
        from dagster_k8s import k8s_job_executor  # installed in the deployment's image, not here

        return k8s_job_executor
    raise settings.SettingsError(f"WARTA_BACKFILL_EXECUTOR must be multiprocess, dask or k8s, not {kind!r}")
