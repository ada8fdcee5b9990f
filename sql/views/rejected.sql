-- analytics.rejected: one row per input that did not become an article, with the reason:
-- documents whose text was refused, and documents that could not be fetched or read.
create or replace view analytics.rejected as
with rejected as (
    select * from core.rejected
),

failed_documents as (
    select * from core.documents where status = 'failed'
),

final as (
    select source, content_hash, reason, byte_size, extractor_version, rejected_at
    from rejected
    union all
    select source, content_hash, error as reason, byte_size, null as extractor_version, fetched_at as rejected_at
    from failed_documents
)

select * from final;
