-- private.stats_rollup_mismatches() read each recomputation view twice (once per side of the
-- comparison). On a seeded database (90 days of history) one check took ~9 s, and the pgTAP suite
-- calls it seven times per seeded run (issue #14). Same result, each view read once: the stored
-- rollup and its recomputation are materialized, then compared both ways.
create or replace function private.stats_rollup_mismatches()
returns table (rollup text, side text, row_data jsonb)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_table text;
  v_nonzero text;
begin
  for v_table, v_nonzero in
    select * from (values
      ('stats_call_hours', 'calls <> 0'),
      ('stats_call_seconds', 'samples <> 0'),
      ('stats_operator_days', '(answered, emergency, nuisance) <> (0, 0, 0)'),
      ('stats_operator_seconds', 'samples <> 0'),
      ('stats_incident_days', '(incidents, open_incidents, closed_incidents, cancelled_incidents) <> (0, 0, 0, 0)'),
      ('stats_incident_seconds', 'samples <> 0'),
      ('stats_kecamatan_seconds', 'samples <> 0'),
      ('stats_assignment_days', '(assignments, declined, completed) <> (0, 0, 0)'),
      ('stats_assignment_seconds', 'samples <> 0')
    ) as t (name, nonzero)
  loop
    return query execute format(
      'with s as materialized (select * from private.%1$I where %3$s),
            e as materialized (select * from private.%2$I)
       select %1$L, ''stored'', to_jsonb(x) from (select * from s except all select * from e) x
       union all
       select %1$L, ''expected'', to_jsonb(x) from (select * from e except all select * from s) x',
      v_table, v_table || '_expected', v_nonzero);
  end loop;
end;
$$;
comment on function private.stats_rollup_mismatches() is
  'Rows where a rollup differs from its recomputation (stored: only in the rollup; expected: only in the recomputation). Empty when the triggers kept up.';
revoke all on function private.stats_rollup_mismatches() from public;
