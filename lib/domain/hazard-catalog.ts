/**
 * The shipped hazard data (data/cilegon-hazards.geo.json), parsed once with the schema of hazards.ts.
 * A wrong file fails the build's unit test and here at load, never silently on a map.
 */
import raw from '../../data/cilegon-hazards.geo.json';
import { parseHazards, type Hazard } from './hazards';

export const HAZARDS: readonly Hazard[] = parseHazards(raw);
