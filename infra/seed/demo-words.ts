/**
 * The demo data's words, as practitioners would write them about made-up families: a referral's
 * concerns from what its indicators describe, what was tried, the child's views, the front door's
 * rationale, and who leads each board action. Synthetic people only.
 */
import type { LevelNumber } from '../../shared/guidance/schema.ts';
import { illustrativeFramework } from './guidance-framework.ts';

export const PARENT_FIRST_NAMES = [
  'Kerry',
  'Leanne',
  'Joanne',
  'Priti',
  'Marta',
  'Chloe',
  'Aisha',
  'Donna',
  'Sian',
];
const CONCERN_OPENERS = [
  'over the last few weeks staff have noticed',
  'since the start of term we have seen',
  'at a home visit this month I found',
  'their class teacher and I have both seen',
];
const CONCERN_CLOSERS = [
  'Mum says things have been hard since she lost her job and would welcome some help.',
  'We have talked with mum at pick-up; she was open about it and agreed we should ask for support.',
  'Attendance has dropped to 86% this half term.',
  'Nothing has been said at home that worries us for today, but it is getting worse, not better.',
];
export const TRIED_SO_FAR = [
  'Breakfast club place, a weekly check-in with the learning mentor, and a meeting with mum.',
  'Two conversations with mum, a referral to the school nurse drop-in, and a uniform grant.',
  'Home visit by the health visitor; mum was given details of the family hub.',
  'Time with the pastoral lead each week and a place at the after-school club.',
];
export const CHILD_VIEWS = [
  'They said they like school because it is quiet, and home is "loud".',
  'They did not want to say much, but said they would like mum to be happier.',
  'They said they are hungry in the mornings and that it is hard to sleep.',
  'They said they would like someone to help at home.',
];
export const RATIONALES: Record<LevelNumber, string> = {
  1: 'Needs are met by universal services; the family knows where to turn.',
  2: 'Emerging needs the school can meet with an Early Help Assessment; the family want help.',
  3: 'Several needs together and not improving with single-agency support: a lead practitioner is needed.',
  4: 'Risk of significant harm: needs a social work response today.',
};
/** Who leads a board action, by the agency that owns it. */
export const LEADS: Record<string, string> = {
  'northshire-council': 'Head of Early Help',
  'northshire-partnership': 'Partnership business manager',
  'northshire-front-door': 'Front Door service manager',
  'northshire-community-health': 'Designated nurse for safeguarding',
  'northshire-police': 'Detective chief inspector, public protection',
  'northshire-academy': 'Designated safeguarding lead',
  'harbour-family-support': 'Services manager',
};

/** A concern in a practitioner's words, from what the chosen indicators describe. */
export function concernsFrom(firstName: string, indicatorIds: string[], n: number): string {
  const seen = indicatorIds.flatMap((id) => {
    const text = illustrativeFramework.indicators.find((i) => i.id === id)?.text;
    return text ? [text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '')] : [];
  });
  const opener = CONCERN_OPENERS[n % CONCERN_OPENERS.length];
  const closer = CONCERN_CLOSERS[n % CONCERN_CLOSERS.length];
  return `For ${firstName}, ${opener}: ${seen.join('; and ')}. ${closer}`;
}

const ROLES = ['Designated safeguarding lead', 'Health visitor', 'Family support worker', 'Class teacher'];

/**
 * The form's further answers a demo referral gives, as its referrer would (police ones with an
 * incident number and a DASH level): `n` varies the words, `level` is the referrer's own view.
 */
export function furtherAnswers(level: LevelNumber, police: boolean, n: number) {
  return {
    referrer: {
      role: police ? 'Police constable' : (ROLES[n % ROLES.length] as string),
      phone: `01632 960 ${String(100 + n).padStart(3, '0')}`,
    },
    referrerLevel: level,
    strengths: {
      goingWell: 'Attends most days and is warm with friends; mum comes to every meeting.',
      needsToChange: 'Regular meals and calmer mornings; mum needs support with money and routines.',
      askingFor: 'A family support worker and help for mum with budgeting.',
    },
    familyInformed:
      level < 4
        ? { told: true }
        : { told: false, whyNot: 'Telling the family may put the child at greater risk.' },
    ...(police
      ? {
          police: {
            incidentNumber: `NP-${String(26_000 + n)}`,
            dashRisk: level >= 3 ? ('medium' as const) : ('standard' as const),
          },
        }
      : {}),
  };
}
