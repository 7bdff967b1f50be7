-- Directory notifications say when the change was made: 'schema.table <epoch milliseconds>'.
-- A node that picks the change up (a copy to start, a cancel, a reassignment) measures its
-- pickup lag from it. Listeners that only need "something changed" ignore the payload.

create or replace function public.notify_directory_change() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('graph_store_directory', tg_table_schema || '.' || tg_table_name || ' '
        || (extract(epoch from clock_timestamp()) * 1000)::bigint);
    return null;
end;
$$;
