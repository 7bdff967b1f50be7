-- Removing an unused deployment takes several steps in two databases (the directory here, the
-- data in its shard). 'removal_started_at' marks a deployment whose removal has begun: from
-- then on nothing assigns, deploys, copies or activates it, and the next 'unused remove'
-- finishes it, whatever state an interruption left it in.
-- 'entity_count' is the count when the removal began, and null while it has not begun or
-- when it could not be read (the shard data was already gone).

alter table public.unused_deployments
    add column removal_started_at timestamptz,
    alter column entity_count drop not null,
    alter column entity_count drop default;

-- before this, rows not removed yet held a meaningless 0
update public.unused_deployments set entity_count = null where removed_at is null;
