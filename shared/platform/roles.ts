/** The portal's roles. They arrive as Cognito groups (`cognito:groups`) in the access token. */
export const ROLES = [
  'referrer',
  'triage',
  'front-door-manager',
  'board',
  // The board's independent chair: records challenges on the action plan (board members do the rest).
  'board-chair',
  'guidance-editor',
  'directory-editor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  referrer: 'Referrer',
  triage: 'Front door (triage)',
  'front-door-manager': 'Front door manager',
  board: 'Safeguarding board',
  'board-chair': 'Independent chair of the board',
  'guidance-editor': 'Guidance editor',
  'directory-editor': 'Directory editor',
  admin: 'System owner',
};
