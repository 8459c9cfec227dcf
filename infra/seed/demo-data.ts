import type { AgencyKind } from '../../shared/directory/schema.ts';
import type { Role } from '../../shared/platform/roles.ts';

/**
 * Synthetic demo data: Northshire is a made-up county and every person here is invented.
 * Addresses use example.org; nothing real about any child is ever used.
 */
export interface DemoAgency {
  id: string;
  name: string;
  kind: AgencyKind;
}

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { id: 'brookfield-primary', name: 'Brookfield Primary School', kind: 'school' },
  { id: 'ashgrove-infant', name: 'Ashgrove Infant School', kind: 'school' },
  { id: 'northshire-academy', name: 'Northshire Academy', kind: 'school' },
  { id: 'northshire-community-health', name: 'Northshire Community Health', kind: 'health' },
  { id: 'northshire-police', name: 'Northshire Police', kind: 'police' },
  { id: 'harbour-family-support', name: 'Harbour Family Support', kind: 'voluntary' },
  { id: 'northshire-front-door', name: "Northshire Children's Front Door", kind: 'local-authority' },
  { id: 'northshire-partnership', name: 'Northshire Safeguarding Partnership', kind: 'other' },
  { id: 'northshire-council', name: 'Northshire County Council', kind: 'local-authority' },
];

export interface DemoUser {
  /** Stable subject id, as Cognito's `sub` would be. */
  sub: string;
  username: string;
  name: string;
  email: string;
  jobTitle: string;
  roles: Role[];
  agencyId: string;
}

const sub = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const DEMO_USERS: readonly DemoUser[] = [
  {
    sub: sub(1),
    username: 'amira',
    name: 'Amira Haddad',
    email: 'amira.haddad@example.org',
    jobTitle: 'Designated safeguarding lead',
    roles: ['referrer'],
    agencyId: 'brookfield-primary',
  },
  {
    sub: sub(2),
    username: 'dan',
    name: 'Dan Whitfield',
    email: 'dan.whitfield@example.org',
    jobTitle: 'Police constable, public protection unit',
    roles: ['referrer'],
    agencyId: 'northshire-police',
  },
  {
    sub: sub(3),
    username: 'priya',
    name: 'Priya Nair',
    email: 'priya.nair@example.org',
    jobTitle: 'Health visitor',
    roles: ['referrer'],
    agencyId: 'northshire-community-health',
  },
  {
    sub: sub(8),
    username: 'nadia',
    name: 'Nadia Rahman',
    email: 'nadia.rahman@example.org',
    jobTitle: 'Designated safeguarding lead',
    roles: ['referrer'],
    agencyId: 'northshire-academy',
  },
  {
    sub: sub(9),
    username: 'joe',
    name: 'Joe Kamara',
    email: 'joe.kamara@example.org',
    jobTitle: 'Family support worker',
    roles: ['referrer'],
    agencyId: 'harbour-family-support',
  },
  {
    sub: sub(4),
    username: 'grace',
    name: 'Grace Obi',
    email: 'grace.obi@example.org',
    jobTitle: 'Front door team manager',
    roles: ['triage', 'front-door-manager'],
    agencyId: 'northshire-front-door',
  },
  {
    sub: sub(12),
    username: 'leon',
    name: 'Leon Fairweather',
    email: 'leon.fairweather@example.org',
    jobTitle: 'Social worker, front door',
    roles: ['triage'],
    agencyId: 'northshire-front-door',
  },
  {
    sub: sub(5),
    username: 'tom',
    name: 'Tom Ashworth',
    email: 'tom.ashworth@example.org',
    jobTitle: 'Partnership business manager',
    roles: ['board', 'guidance-editor'],
    agencyId: 'northshire-partnership',
  },
  {
    sub: sub(6),
    username: 'helen',
    name: 'Helen Marsh',
    email: 'helen.marsh@example.org',
    jobTitle: 'Independent chair and scrutineer',
    roles: ['board', 'board-chair'],
    agencyId: 'northshire-partnership',
  },
  {
    sub: sub(10),
    username: 'ruth',
    name: 'Ruth Penhaligon',
    email: 'ruth.penhaligon@example.org',
    jobTitle: 'Early help offer coordinator',
    roles: ['directory-editor'],
    agencyId: 'northshire-partnership',
  },
  {
    sub: sub(11),
    username: 'kofi',
    name: 'Kofi Mensah',
    email: 'kofi.mensah@example.org',
    jobTitle: 'Services manager',
    roles: ['directory-editor'],
    agencyId: 'harbour-family-support',
  },
  {
    sub: sub(7),
    username: 'sam',
    name: 'Sam Patel',
    email: 'sam.patel@example.org',
    jobTitle: 'System owner',
    roles: ['admin'],
    agencyId: 'northshire-council',
  },
  {
    // The second guidance editor: a version Tom drafts is published only once someone else approves it.
    sub: sub(13),
    username: 'femi',
    name: 'Femi Adeyemi',
    email: 'femi.adeyemi@example.org',
    jobTitle: 'Learning and development lead',
    roles: ['guidance-editor'],
    agencyId: 'northshire-partnership',
  },
];

/**
 * The child of the referral journey: the police referred her last month, so when Amira refers her the
 * front door sees a possible duplicate. Made up, like everyone here.
 */
export const JOURNEY_CHILD = {
  firstName: 'Maisie',
  lastName: 'Fairbrook',
  dateOfBirth: '2018-05-14',
  sex: 'female' as const,
  address: { line1: '12 Example Row', town: 'Northtown', postcode: 'NS1 2AB' },
};
