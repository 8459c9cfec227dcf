import type { ClosureReason, ReviewDecision } from '../../shared/early-help/labels.ts';

/**
 * The families of the demo's early-help episodes: made-up children, each referred by a demo
 * practitioner, decided by the front door as early help and followed as far as its state needs.
 * Every date is in working days before the seed's today (0 is today), so the timers stand at a
 * fresh start as each family says: nothing is overdue but Oscar's review.
 */
export type LeadAgency = 'harbour-family-support' | 'northshire-academy' | 'northshire-community-health';

/** Who answers for each agency that leads, and how they appear in a team. */
export const PRACTITIONERS: Record<string, { username: string; name: string; role: string }> = {
  'harbour-family-support': { username: 'joe', name: 'Joe Kamara', role: 'Family support worker' },
  'northshire-academy': { username: 'nadia', name: 'Nadia Rahman', role: 'Designated safeguarding lead' },
  'northshire-community-health': { username: 'priya', name: 'Priya Nair', role: 'Health visitor' },
  'brookfield-primary': { username: 'amira', name: 'Amira Haddad', role: 'Designated safeguarding lead' },
};

export interface DemoFamily {
  child: { firstName: string; lastName: string; dateOfBirth: string; schoolOrSetting: string };
  parent: string;
  /** Who referred the child to the front door (none for a step-down from social care). */
  referrer?: 'amira' | 'dan' | 'priya' | 'nadia';
  /** 3: targeted early help (a family support worker); 2: single-agency early help. */
  level: 2 | 3;
  concerns: string;
  decided: number;
  /** An agency asked first that declined, with its reason, and when the front door asked again. */
  declined?: { agency: LeadAgency; answered: number; reason: string; askedAgain: number };
  lead: LeadAgency;
  accepted?: number;
  /** Agencies in the team around the family besides the lead, which the family's consent names. */
  team?: string[];
  assessment?: { started: number; completed?: number };
  plan?: { agreed: number; outcomes: [title: string, action: string, owner: string][] };
  reviews?: { held: number; decision: ReviewDecision; notes?: string }[];
  closed?: { on: number; reason: ClosureReason; note: string };
  /** Stepped down from children's social care (on `decided`), with social care's handover: no referral. */
  steppedDown?: { reference: string; socialWorker: string; summary: string };
}

export const DEMO_FAMILIES: readonly DemoFamily[] = [
  {
    child: {
      firstName: 'Maisie',
      lastName: 'Thornton',
      dateOfBirth: '2018-09-03',
      schoolOrSetting: 'Brookfield Primary School',
    },
    parent: 'Donna Thornton (mother)',
    referrer: 'amira',
    level: 3,
    concerns:
      'Maisie is late most days and very tired; she says she gets her little brother ready while mum sleeps after night shifts.',
    decided: 3,
    lead: 'harbour-family-support',
  },
  {
    child: {
      firstName: 'Theo',
      lastName: 'Marchbank',
      dateOfBirth: '2014-06-21',
      schoolOrSetting: 'Northshire Academy',
    },
    parent: 'Gary Marchbank (father)',
    referrer: 'dan',
    level: 3,
    concerns:
      'Called to a loud argument between Theo’s dad and his older sister; no offence, but Theo was upset and said it happens a lot.',
    decided: 4,
    declined: {
      agency: 'northshire-academy',
      answered: 3,
      reason:
        'Theo joined us only this term and we have no relationship with him or his dad yet; Harbour Family Support already knows the family through his sister.',
      askedAgain: 2,
    },
    lead: 'harbour-family-support',
  },
  {
    child: {
      firstName: 'Lily',
      lastName: 'Ashcombe',
      dateOfBirth: '2017-11-08',
      schoolOrSetting: 'Brookfield Primary School',
    },
    parent: 'Kayleigh Ashcombe (mother)',
    referrer: 'amira',
    level: 3,
    concerns:
      'Lily often comes in hungry and in the same clothes; mum has told us money is very tight since she lost her job.',
    decided: 12,
    lead: 'harbour-family-support',
    accepted: 11,
    team: ['brookfield-primary'],
    assessment: { started: 9 },
  },
  {
    child: {
      firstName: 'Jayden',
      lastName: 'Pryor',
      dateOfBirth: '2012-04-30',
      schoolOrSetting: 'Northshire Academy',
    },
    parent: 'Michelle Pryor (mother)',
    referrer: 'dan',
    level: 3,
    concerns:
      'Jayden was found in town late on two school nights with older boys; mum says she cannot get him to come home.',
    decided: 7,
    lead: 'northshire-academy',
    accepted: 6,
  },
  {
    child: {
      firstName: 'Esme',
      lastName: 'Whitlow',
      dateOfBirth: '2021-07-14',
      schoolOrSetting: 'Little Acorns Nursery',
    },
    parent: 'Sarah Whitlow (mother)',
    referrer: 'priya',
    level: 3,
    concerns:
      'Mum is isolated and low since Esme’s dad left; the flat is damp and Esme has missed her last two health checks.',
    decided: 22,
    lead: 'harbour-family-support',
    accepted: 20,
    team: ['northshire-community-health'],
    assessment: { started: 18, completed: 3 },
  },
  {
    child: {
      firstName: 'Harrison',
      lastName: 'Keane',
      dateOfBirth: '2013-01-25',
      schoolOrSetting: 'Northshire Academy',
    },
    parent: 'Lisa Keane (mother)',
    referrer: 'nadia',
    level: 3,
    concerns:
      'Harrison’s attendance has fallen to 80% and he says he stays home to look after mum, who has MS.',
    decided: 46,
    lead: 'harbour-family-support',
    accepted: 44,
    team: ['northshire-academy'],
    assessment: { started: 42, completed: 28 },
    plan: {
      agreed: 25,
      outcomes: [
        ['Harrison is in school every day', 'Young carers group place', 'Joe Kamara'],
        ['Mum has the help at home she needs', 'Adult social care assessment for mum', 'Joe Kamara'],
      ],
    },
  },
  {
    child: {
      firstName: 'Sophie',
      lastName: 'Mardle',
      dateOfBirth: '2025-08-02',
      schoolOrSetting: 'At home with mum',
    },
    parent: 'Jade Mardle (mother)',
    referrer: 'priya',
    level: 2,
    concerns:
      'Jade is 19 and on her own with Sophie; she is struggling with feeds and sleep and says she feels overwhelmed.',
    decided: 100,
    lead: 'northshire-community-health',
    accepted: 99,
    assessment: { started: 97, completed: 85 },
    plan: {
      agreed: 82,
      outcomes: [
        ['Sophie feeds and sleeps to a routine', 'Weekly health visitor visits', 'Priya Nair'],
        ['Jade has friends and support nearby', 'Young parents group at the family hub', 'Priya Nair'],
      ],
    },
    reviews: [
      { held: 53, decision: 'continue' },
      { held: 23, decision: 'continue' },
    ],
  },
  {
    child: {
      firstName: 'Oscar',
      lastName: 'Penrith',
      dateOfBirth: '2016-05-19',
      schoolOrSetting: 'Brookfield Primary School',
    },
    parent: 'Emma Penrith (mother)',
    referrer: 'amira',
    level: 3,
    concerns:
      'Oscar has hit other children three times this half term; mum and dad have separated and argue at the school gate.',
    decided: 82,
    lead: 'harbour-family-support',
    accepted: 80,
    team: ['brookfield-primary'],
    assessment: { started: 78, completed: 64 },
    plan: {
      agreed: 62,
      outcomes: [
        [
          'Oscar can tell an adult when he is angry',
          'Weekly sessions with the learning mentor',
          'Amira Haddad',
        ],
        ['Mum and dad agree how handovers work', 'Parenting after separation course', 'Joe Kamara'],
      ],
    },
    // The next review was due 4 working days ago: the demo's drift alarm.
    reviews: [{ held: 34, decision: 'continue' }],
  },
  {
    child: {
      firstName: 'Ivy',
      lastName: 'Castleton',
      dateOfBirth: '2011-10-11',
      schoolOrSetting: 'Northshire Academy',
    },
    parent: 'Rachel Castleton (mother)',
    referrer: 'nadia',
    level: 3,
    concerns:
      'Ivy has been self-conscious and withdrawn since the family moved into one room of her nan’s house.',
    decided: 120,
    lead: 'harbour-family-support',
    accepted: 118,
    team: ['northshire-academy'],
    assessment: { started: 116, completed: 100 },
    plan: {
      agreed: 97,
      outcomes: [
        ['The family has a home of their own', 'Housing application and support', 'Joe Kamara'],
        ['Ivy feels like herself at school again', 'Weekly check-in with her head of year', 'Nadia Rahman'],
      ],
    },
    reviews: [
      { held: 68, decision: 'continue' },
      { held: 40, decision: 'close' },
    ],
  },
  {
    child: {
      firstName: 'Reuben',
      lastName: 'Hale',
      dateOfBirth: '2012-08-08',
      schoolOrSetting: 'Northshire Academy',
    },
    parent: 'Paul Hale (father)',
    referrer: 'nadia',
    level: 2,
    concerns:
      'Reuben’s grades have dropped and he is being left out by his friends since his mum moved away.',
    decided: 90,
    lead: 'northshire-academy',
    accepted: 89,
    assessment: { started: 87, completed: 75 },
    plan: {
      agreed: 72,
      outcomes: [
        ['Reuben has friends he spends breaks with', 'Lunchtime club and a peer mentor', 'Nadia Rahman'],
      ],
    },
    reviews: [{ held: 45, decision: 'step_down' }],
  },
  {
    child: {
      firstName: 'Mia',
      lastName: 'Stanbridge',
      dateOfBirth: '2019-12-01',
      schoolOrSetting: 'Brookfield Primary School',
    },
    parent: 'Nicola Stanbridge (mother)',
    referrer: 'amira',
    level: 3,
    concerns:
      'Mia’s uniform is dirty and she has head lice again; mum says she is not coping since her own mum died.',
    decided: 35,
    lead: 'harbour-family-support',
    accepted: 34,
    team: ['brookfield-primary'],
    assessment: { started: 30 },
    closed: {
      on: 20,
      reason: 'consent_withdrawn',
      note: 'Mum withdrew her consent at the home visit; the school will keep offering her support directly.',
    },
  },
  {
    child: {
      firstName: 'Archie',
      lastName: 'Fellowes',
      dateOfBirth: '2014-02-14',
      schoolOrSetting: 'Northshire Academy',
    },
    parent: 'Claire Fellowes (mother)',
    referrer: 'dan',
    level: 3,
    concerns:
      'Archie was reported missing overnight after an argument at home; found safe at a friend’s. Mum asked for help.',
    decided: 72,
    lead: 'harbour-family-support',
    accepted: 70,
    team: ['northshire-academy'],
    assessment: { started: 68, completed: 55 },
    plan: {
      agreed: 52,
      outcomes: [
        ['Archie and mum can talk without it becoming a row', 'Family mediation sessions', 'Joe Kamara'],
        ['Archie has a trusted adult at school', 'Mentor from the pastoral team', 'Nadia Rahman'],
      ],
    },
    reviews: [
      { held: 24, decision: 'continue' },
      {
        held: 0,
        decision: 'step_up',
        notes:
          'Archie told his mentor that mum’s new partner pushed him into a door at the weekend; he has a bruise on his arm and says he does not want to go home.',
      },
    ],
  },
  {
    child: {
      firstName: 'Ruby',
      lastName: 'Fenwick',
      dateOfBirth: '2014-02-17',
      schoolOrSetting: 'Northshire Academy',
    },
    parent: 'Claire Fenwick (mother)',
    level: 3,
    concerns:
      'Ruby’s child protection plan has ended; mum wants help with routines and with Ruby’s anger at home.',
    decided: 4,
    steppedDown: {
      reference: 'CSC-DEMO-0417',
      socialWorker: 'Hannah Oyelaran',
      summary:
        'The child protection plan ended at the review conference: mum’s new home is safe and she works with us. Ruby still struggles with anger at home and at school; mum asked for a family support worker.',
    },
    lead: 'harbour-family-support',
    accepted: 2,
    assessment: { started: 1 },
  },
];
