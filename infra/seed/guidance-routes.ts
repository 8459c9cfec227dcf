import type { Indicator, SpecificRoute } from '../../shared/guidance/schema.ts';

/**
 * The seed guidance's specific routes: the five situations English safeguarding partnerships publish
 * apart from the levels, because the law or national guidance says who must be told and by when
 * (Working Together to Safeguard Children 2023, Keeping Children Safe in Education, the Female Genital
 * Mutilation Act 2003, the Prevent duty, the private fostering regulations, Operation Encompass).
 *
 * Illustrative like the rest of the seed guidance. Every contact is made up: telephone numbers from
 * Ofcom's range for drama (01632 960000 to 960999), the Front Door's and the Emergency Duty Team's
 * fictional 0300 000 000x numbers as the levels give them, and addresses at northshire.example. The
 * only real numbers are 999 and 101, the national police numbers the FGM duty and Prevent name.
 */

/**
 * The indicators these routes needed that the levels lacked. Kept apart so the demo's made-up
 * referrals, drawn from the level pools before routes existed, are drawn from the same pools still.
 */
export const routeIndicators: Indicator[] = [
  {
    id: 'safety-allegation-against-adult-working-with-children',
    level: 4,
    subDomainId: 'ensuring-safety',
    text: 'An adult who works or volunteers with children may have harmed a child, behaved in a way that shows they may pose a risk to children, or committed an offence against a child.',
    searchWords: [
      'LADO',
      'allegation',
      'allegation against staff',
      'teacher',
      'staff',
      'volunteer',
      'coach',
      'position of trust',
      'professional',
    ],
  },
  {
    id: 'identity-fgm-known',
    level: 4,
    subDomainId: 'identity-relationships',
    text: 'A girl under 18 says she has had female genital mutilation (FGM), or you see physical signs that FGM has been carried out.',
    searchWords: ['FGM', 'female genital mutilation', 'mandatory reporting', 'cutting', 'disclosed FGM'],
  },
  {
    id: 'warmth-privately-fostered',
    level: 2,
    subDomainId: 'emotional-warmth',
    text: 'Child under 16 (under 18 if disabled) is, or will be, looked after for 28 days or more by someone who is not a parent or close relative (private fostering).',
    searchWords: [
      'private fostering',
      'privately fostered',
      'living with friends',
      'family friend',
      'host family',
      'not living with parents',
    ],
  },
  {
    id: 'family-encompass-notification',
    level: 2,
    subDomainId: 'family-functioning',
    text: 'The police have told the school, through Operation Encompass, that they attended a domestic abuse incident at the child’s home.',
    searchWords: [
      'Operation Encompass',
      'Encompass',
      'domestic abuse',
      'police',
      'incident',
      'key adult',
      'notification',
    ],
  },
];

const EMERGENCY_DUTY_TEAM = 'Out of hours: the Emergency Duty Team (0300 000 0002).';

export const specificRoutes: SpecificRoute[] = [
  {
    id: 'allegations-lado',
    title: 'Allegations against people who work with children (LADO)',
    summary: 'Tell the LADO within one working day, before you investigate, and do not tell the adult.',
    whenItApplies:
      'You are worried that an adult who works or volunteers with children, in any setting, has harmed a child or ' +
      'may have; may have committed an offence against or related to a child; has behaved towards a child in a way ' +
      'that shows they may pose a risk of harm to children; or has behaved, in or out of work, in a way that shows ' +
      'they may not be suitable to work with children. This is the test in Keeping Children Safe in Education ' +
      '(part 4) and Working Together to Safeguard Children 2023. A worry that meets none of these is a low-level ' +
      'concern: share it with your headteacher or manager under your own policy.',
    steps: [
      'If a child is in immediate danger, call 999.',
      'Tell your headteacher or manager, or the person your setting names for allegations, the same day. If the ' +
        'worry is about that person, tell the chair of governors or the next most senior person; if you cannot, ' +
        'tell the LADO yourself.',
      'They, or you, tell the LADO within one working day and before anyone investigates. Do not question the ' +
        'child beyond what you need to understand the worry, and do not interview the adult or other staff.',
      'Do not tell the adult, or anyone who does not need to know, until the LADO has agreed what they will be ' +
        'told, when and by whom.',
      'Write down what you were told or saw, in the words used, with the date and time, and sign it. Keep any ' +
        'evidence safe.',
      'The LADO decides with your setting, the police and children’s social care what happens next: whether a ' +
        'strategy discussion is needed, and whether the adult keeps working with children meanwhile.',
    ],
    contact: {
      name: 'Local Authority Designated Officer (LADO), Northshire County Council',
      phone: '01632 960410',
      email: 'lado@northshire.example',
      hours: `Monday to Friday, 9am to 5pm. ${EMERGENCY_DUTY_TEAM}`,
    },
    timescale:
      'Within one working day of the worry coming to light, and before you investigate anything yourself.',
    referral: 'replaces',
    referralNote:
      'Tell the LADO rather than referring to the Front Door yourself: the LADO brings in children’s social care ' +
      'and the police when the child may need protecting. Refer to the Front Door as well only if you are also ' +
      'worried about the child’s care at home.',
    indicatorIds: ['safety-allegation-against-adult-working-with-children'],
  },
  {
    id: 'fgm-mandatory-reporting',
    title: 'FGM mandatory reporting',
    summary: 'Report it yourself to the police on 101, normally by the end of the next working day.',
    whenItApplies:
      'You are a teacher, or a health or social care professional regulated by a professional body (a doctor, ' +
      'nurse, midwife or social worker, for example), and in the course of your work a girl under 18 tells you ' +
      'that female genital mutilation (FGM) has been carried out on her, or you see physical signs that appear to ' +
      'show it has. This is the mandatory reporting duty in section 5B of the Female Genital Mutilation Act 2003. ' +
      'If you only suspect FGM, or think a girl is at risk of it, the duty does not apply: follow the level’s ' +
      'response and your safeguarding procedure.',
    steps: [
      'If a girl is in immediate danger, call 999.',
      'Report it yourself to Northshire Police on 101. The duty is personal: you cannot pass it to your ' +
        'designated safeguarding lead, though you should tell them too.',
      'Do not examine the girl to look for signs; teachers must never do so. Write down what she said, or what ' +
        'you saw in the course of your usual work, with the date and time.',
      'Note the police reference number the call handler gives you, and record the report in your setting’s ' +
        'records.',
      'Refer the girl to the Front Door (0300 000 0000) the same day: she, and any sisters, may need protecting ' +
        'and support.',
      'Tell her parents or carers about the report only if it is safe: not if it could put her or anyone else at ' +
        'risk. If in doubt, ask the police or the Front Door first.',
    ],
    contact: {
      name: 'Northshire Police, non-emergency number',
      phone: '101',
      hours: '24 hours, every day. Say you are reporting FGM under the mandatory reporting duty.',
    },
    timescale:
      'As soon as possible: normally by the end of the next working day after you were told or saw the signs. ' +
      'One month is the longest the duty allows, in exceptional cases only.',
    referral: 'alongside',
    referralNote:
      'The report to the police does not replace a referral: refer the girl to the Front Door as well, at level 4.',
    indicatorIds: ['identity-fgm-known'],
  },
  {
    id: 'prevent',
    title: 'Prevent: a child being drawn into terrorism or extremism',
    summary:
      'Speak to your designated safeguarding lead the same day; they make a Prevent referral to the police.',
    whenItApplies:
      'You are worried that a child is being drawn into terrorism, or into extremism that can lead to it: their ' +
      'views or language have changed, they look at or share extremist material, they are in contact with people ' +
      'who promote violence, or they talk of travelling to a conflict zone. Schools, health services, the police ' +
      'and the council all have the Prevent duty (Counter-Terrorism and Security Act 2015). A Prevent referral is ' +
      'a safeguarding referral: it does not make the child a criminal.',
    steps: [
      'If the child or anyone else is in immediate danger, call 999.',
      'Speak to your designated safeguarding lead the same day. Say what you saw or heard, and write it down in ' +
        'the child’s own words where you can.',
      'The designated safeguarding lead makes a Prevent referral to the Northshire Police Prevent team on the ' +
        'national Prevent referral form, and tells you it is done.',
      'The Prevent team looks into it. If the child is vulnerable to being drawn into terrorism, the council’s ' +
        'Channel panel meets to agree a plan of support. Channel is voluntary: the child and their parents or ' +
        'carers must agree to take part.',
      'If the child also needs help or protection for other reasons, refer to the Front Door as well.',
    ],
    contact: {
      name: 'Northshire Police Prevent team',
      phone: '01632 960521',
      email: 'prevent@northshire.example',
      hours: 'Monday to Friday, 9am to 5pm. Out of hours or in an emergency, call 999.',
    },
    timescale: 'The same day you are worried. If there is immediate danger, call 999 at once.',
    referral: 'alongside',
    referralNote:
      'A Prevent referral goes to the police Prevent team, not the Front Door. Follow the level’s response as ' +
      'well when the child has other needs: the Prevent team and the Front Door share what they know.',
    indicatorIds: ['community-extremist-views', 'community-radicalisation-serious'],
  },
  {
    id: 'private-fostering',
    title: 'Private fostering',
    summary: 'Tell the Front Door about the arrangement as soon as you know of it.',
    whenItApplies:
      'A child under 16 (under 18 if disabled) is, or will be, looked after for 28 days or more by someone who ' +
      'is not a parent, a person with parental responsibility or a close relative (a grandparent, brother, ' +
      'sister, uncle, aunt or step-parent), by private arrangement: a teenager living with a friend’s family ' +
      'after falling out at home, a child from abroad living with a family friend, a language student with a ' +
      'host family. The council must be told of every arrangement so that it can check the child is safe and ' +
      'well cared for (Children Act 1989 and the Children (Private Arrangements for Fostering) Regulations 2005).',
    steps: [
      'Ask the child and the adults caring for them about the arrangement: who the child lives with, since ' +
        'when and for how long, and whether the parents know.',
      'Tell the Front Door by phone or email: the child’s name and age, the carer’s name and address, and the ' +
        'parents’ details if you know them.',
      'Tell the carer and the parents that the council must be told and will visit. The law requires them to ' +
        'tell the council too: at least six weeks before a planned arrangement starts, or within 48 hours of ' +
        'one that began at short notice.',
      'A social worker visits the child within seven working days of hearing of it, then regularly while the ' +
        'arrangement lasts.',
      'If you are also worried about the child’s needs, follow the level’s response as well.',
    ],
    contact: {
      name: 'Northshire Children’s Front Door (private fostering)',
      phone: '0300 000 0000',
      email: 'frontdoor@northshire.example',
      hours: `Monday to Friday, 9am to 5pm. ${EMERGENCY_DUTY_TEAM}`,
    },
    timescale: 'As soon as you know of the arrangement: the same working day.',
    referral: 'alongside',
    referralNote:
      'Telling the Front Door notifies the council of the arrangement. It is not a referral for early help in ' +
      'itself: if the child has other needs, follow the level’s response as well.',
    indicatorIds: ['warmth-privately-fostered', 'warmth-many-carers-private-fostering'],
  },
  {
    id: 'operation-encompass',
    title: 'Operation Encompass: after police attend domestic abuse at a child’s home',
    summary:
      'The police tell the school’s key adult before the next school day; the school supports the child quietly.',
    whenItApplies:
      'The police have attended a domestic abuse incident where a child lives, and Northshire Police have told ' +
      'the child’s school or nursery through Operation Encompass. Whether the child saw it, heard it or was ' +
      'elsewhere, they are a victim of domestic abuse in their own right (Domestic Abuse Act 2021).',
    steps: [
      'Northshire Police tell the school’s Operation Encompass key adult, usually the designated safeguarding ' +
        'lead, before the start of the next school day.',
      'The key adult decides who else in school needs to know, and tells only them.',
      'Have a quiet word with the child, or watch how they are, without asking about the incident unless they ' +
        'want to talk. Offer a safe space and a trusted adult they can go to during the day.',
      'Record the notification, and what the school did, on the child’s safeguarding record.',
      'Take no action the child’s parents or carers would see because of the notification: do not mention it ' +
        'to them, unless the police or children’s social care say it is safe.',
      'If the child tells you of harm, or you have other worries, follow the level’s response.',
    ],
    contact: {
      name: 'Northshire Police Operation Encompass team',
      phone: '01632 960637',
      email: 'encompass@northshire.example',
      hours: 'Monday to Friday, 8am to 6pm, for questions about a notification.',
    },
    timescale:
      'The police tell the key adult before the start of the next school day; the school responds that day.',
    referral: 'alongside',
    referralNote:
      'A notification is information for the school, not a referral: the police refer to the Front Door ' +
      'themselves when they need to. If the school has its own worries about the child, follow the level’s ' +
      'response as well.',
    indicatorIds: ['family-encompass-notification'],
  },
];

const addedIds = new Set(routeIndicators.map((i) => i.id));

/** Whether an indicator was added for the routes: the demo's referrals never draw one (see above). */
export const addedForRoutes = (id: string): boolean => addedIds.has(id);
