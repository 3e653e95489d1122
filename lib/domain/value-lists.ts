/**
 * A compile-time check for runtime lists of a union's values, database enums above all. The full
 * list of an enum comes generated (`Constants.public.Enums.<name>`); this is for lists written by
 * hand that must still cover the union: a display order, or groups that together make up an enum
 * (open + final incident statuses). A value added by a migration then breaks the build where a list
 * forgot it, instead of leaving a screen or a rule silently without it.
 */
type FirstRepeat<List extends readonly unknown[]> = List extends readonly [infer Head, ...infer Tail]
  ? Head extends Tail[number]
    ? Head
    : FirstRepeat<Tail>
  : never;

/** `unknown` when `List` names every member of `Union` exactly once, else a type naming the fault. */
export type EachOnce<Union, List extends readonly Union[]> = number extends List['length']
  ? { notATuple: 'write the list out, or spread tuples declared `as const`' }
  : [Exclude<Union, List[number]>] extends [never]
    ? [FirstRepeat<List>] extends [never]
      ? unknown
      : { repeated: FirstRepeat<List> }
    : { missing: Exclude<Union, List[number]> };

/**
 * Returns the list as given, typed as its tuple. Compiles only when it names every member of
 * `Union` exactly once: `eachOnce<CallType>()(['emergency', 'info', 'ghost', 'prank'])`.
 */
export function eachOnce<Union extends string>() {
  return <const List extends readonly Union[]>(list: List & EachOnce<Union, List>): List => list;
}
