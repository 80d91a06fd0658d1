import type { Area } from '@marac/shared';

/** Area names for a list of ids, in register order; an id the register does not hold is shown as unknown. */
export function areaNames(ids: readonly string[], areas: readonly Area[] | undefined): string {
  if (ids.length === 0) return 'None';
  if (!areas) return `${ids.length} ${ids.length === 1 ? 'area' : 'areas'}`;
  const byId = new Map(areas.map((area) => [area.id, area.name]));
  return ids.map((id) => byId.get(id) ?? 'Unknown area').join(', ');
}

/** The areas someone may choose: the active ones, plus any already chosen that have since been disabled. */
export function selectableAreas(areas: readonly Area[], chosen: readonly string[]): Area[] {
  return areas.filter((area) => area.disabledAt === null || chosen.includes(area.id));
}
