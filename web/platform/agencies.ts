/**
 * The partner agencies by name, as the pages that show who owns, leads or works on something read
 * them (the board, early help, the front door's decisions, the dashboard).
 */
import { apiGet } from './api.ts';

export interface AgencyName {
  id: string;
  name: string;
  active: boolean;
}

/** The partner agencies, by name. A deactivated agency keeps its name on what it owns. */
export async function loadAgencies(signal?: AbortSignal): Promise<AgencyName[]> {
  const page = await apiGet<{ items: AgencyName[] }>('/agencies?limit=200', signal);
  return [...page.items].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function agencyName(agencies: readonly AgencyName[], id: string): string {
  return agencies.find((a) => a.id === id)?.name ?? id;
}
