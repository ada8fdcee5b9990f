-- analytics.rejected: one row per input that did not become an article, with the reason.
create or replace view analytics.rejected as
with rejected as (
    select * from core.rejected
),

final as (
    select source, content_hash, reason, byte_size, extractor_version, rejected_at
    from rejected
)

select * from final;
