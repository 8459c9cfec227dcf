/**
 * The referral's answers, section by section, as GOV.UK summary lists: on the check-your-answers page
 * (with Change links) and on the referral's own page.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Framework, LevelNumber } from '../../shared/guidance/schema.ts';
import { LevelTag } from '../../shared/guidance/views/basics.ts';
import { DASH_LABELS, SEND_LABELS } from '../../shared/referrals/form-labels.ts';
import {
  CONSENT_NOT_SOUGHT_LABELS,
  CONSENT_STATUS_LABELS,
  SEX_LABELS,
} from '../../shared/referrals/labels.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { formatDate, type Row, SummaryList, Tag, Written } from '../platform/ui.ts';
import { SECTIONS, type SectionSlug, sectionUrl } from './sections.ts';
import { childNameOf } from './views.ts';

const yesNo = (value: boolean | undefined) => (value === undefined ? 'Not given' : value ? 'Yes' : 'No');

/** A level as its tag and name in the guidance, or its number alone. */
function LevelAnswer(props: { level: LevelNumber | undefined; framework: Framework | undefined }) {
  const record = props.level ? props.framework?.levels.find((l) => l.level === props.level) : undefined;
  if (record) return html`<${LevelTag} level=${record.level} framework=${props.framework} /> ${record.name}`;
  return props.level ? `Level ${props.level}` : 'None yet';
}

/** A police referral's incident: shown when there is one, or the referrer is the police. */
function policeRows(referral: Referral, href: string | undefined, asked: boolean): Row[] {
  const police = referral.police;
  if (!police && !asked) return [];
  return [
    { key: 'Incident number', value: police?.incidentNumber || 'Not given', href },
    { key: 'Crime number', value: police?.crimeNumber || 'Not given', href },
    {
      key: 'DASH risk level',
      value: police?.dashRisk ? DASH_LABELS[police.dashRisk] : 'Not given',
      href,
    },
  ];
}

/**
 * The referral's answers, section by section. With `changeLinks`, each row links to the question
 * page that asks it and comes back (check your answers).
 */
export function ReferralAnswers(props: {
  referral: Referral;
  framework: Framework | undefined;
  /** The level to show as suggested: live while a draft, the recorded one once sent. */
  level: LevelNumber | undefined;
  changeLinks?: boolean;
  headingLevel?: 2 | 3;
  /** The signed-in referrer's agency's kind: a police referrer is asked for the incident. */
  agencyKind?: string | undefined;
}): VNode {
  const { referral, framework } = props;
  // Check your answers speaks to the referrer; the referral's page to whoever reads it.
  const you = (mine: string, theirs: string) => (props.changeLinks ? mine : theirs);
  const child = referral.child ?? {};
  const href = (slug: SectionSlug) => (props.changeLinks ? sectionUrl(slug, referral.id, true) : undefined);
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const address = child.address
    ? [child.address.line1, child.address.line2, child.address.town, child.address.postcode].filter(Boolean)
    : [];
  const dob = child.dateOfBirth
    ? formatDate(child.dateOfBirth)
    : child.expectedDateOfBirth
      ? `Expected ${formatDate(child.expectedDateOfBirth)}`
      : 'Not given';
  const adults = referral.household?.adults ?? [];
  const indicators = (referral.indicatorIds ?? []).map(
    (id) => framework?.indicators.find((i) => i.id === id) ?? { id, text: id, level: undefined },
  );
  const level = props.level;
  const consent = referral.consent;
  const interpreter = child.interpreter;
  const others = referral.household?.children ?? [];
  const told = referral.familyInformed;
  const section = (slug: SectionSlug) => SECTIONS.find((s) => s.slug === slug)?.name ?? slug;

  return html`
    <${H} class=${H === 'h3' ? 'govuk-heading-s' : 'govuk-heading-m'}>${section('child')}</${H}>
    <${SummaryList}
      rows=${[
        { key: 'Name', value: childNameOf(referral), href: href('child') },
        ...(child.knownAs ? [{ key: 'Known as', value: child.knownAs, href: href('child') }] : []),
        { key: 'Date of birth', value: dob, href: href('child') },
        { key: 'Sex', value: child.sex ? SEX_LABELS[child.sex] : 'Not given', href: href('child') },
        { key: 'NHS number', value: child.nhsNumber || 'Not given', href: href('child') },
        { key: 'Unique pupil number', value: child.upn || 'Not given', href: href('child') },
        { key: 'Ethnicity', value: child.ethnicity || 'Not given', href: href('child') },
        { key: 'First language', value: child.firstLanguage || 'Not given', href: href('child') },
        {
          key: 'Interpreter',
          value: !interpreter
            ? 'Not given'
            : interpreter.needed
              ? `Needed${interpreter.language ? `: ${interpreter.language}` : ''}`
              : 'Not needed',
          href: href('child'),
        },
        {
          key: 'Special educational needs (SEN)',
          value: child.send ? SEND_LABELS[child.send] : 'Not given',
          href: href('child'),
        },
        {
          key: 'Special educational needs or disability',
          value: html`<${Written} text=${child.needsOrDisability} empty="None given" />`,
          href: href('child'),
        },
        { key: 'School or setting', value: child.schoolOrSetting || 'Not given', href: href('child') },
        { key: 'GP practice', value: child.gp || 'Not given', href: href('child') },
        {
          key: 'Address',
          value: address.length
            ? html`${address.map((line, i) => html`${i > 0 ? html`<br />` : null}${line}`)}`
            : 'Not given',
          href: href('child'),
        },
        ...(child.currentWhereabouts
          ? [{ key: 'Where the child is now', value: child.currentWhereabouts, href: href('child') }]
          : []),
      ]}
    />

    <${H} class=${H === 'h3' ? 'govuk-heading-s' : 'govuk-heading-m'}>${you(section('referrer'), 'The referrer')}</${H}>
    <${SummaryList}
      rows=${[
        { key: 'Role', value: referral.referrer?.role || 'Not given', href: href('referrer') },
        { key: 'Telephone number', value: referral.referrer?.phone || 'Not given', href: href('referrer') },
        {
          key: 'Designated safeguarding lead',
          value: referral.referrer?.dslName || 'Not given',
          href: href('referrer'),
        },
        ...policeRows(referral, href('referrer'), props.agencyKind === 'police'),
      ]}
    />

    <${H} class=${H === 'h3' ? 'govuk-heading-s' : 'govuk-heading-m'}>${section('household')}</${H}>
    <${SummaryList}
      rows=${[
        {
          key: 'Adults',
          value: adults.length
            ? html`<ul class="govuk-list app-adults">
                ${adults.map(
                  (a, i) => html`<li key=${i}>
                    <strong>${a.name}</strong>, ${a.relationship}
                    ${a.parentalResponsibility ? html`<br />Has parental responsibility` : null}
                    ${a.doNotContact ? html`<br /><${Tag} text="Do not contact" colour="red" />` : null}
                    ${a.contact ? html`<br />${a.contact}` : null}
                  </li>`,
                )}
              </ul>`
            : 'None added',
          href: href('household'),
        },
        {
          key: 'Other children',
          value: others.length
            ? html`<ul class="govuk-list app-adults">
                ${others.map(
                  (c, i) => html`<li key=${i}>
                    <strong>${c.name}</strong>, ${c.relationship}
                    ${c.dateOfBirth ? html`<br />Born ${formatDate(c.dateOfBirth)}` : null}
                    <br />${c.livesWithChild ? 'Lives with the child' : 'Does not live with the child'}
                  </li>`,
                )}
              </ul>`
            : 'None added',
          href: href('household'),
        },
        // Older drafts wrote them as text, which the form no longer asks: shown as written.
        ...(referral.household?.otherChildren?.trim()
          ? [
              {
                key: 'Other children in the household, as written earlier',
                value: html`<${Written} text=${referral.household.otherChildren} />`,
              },
            ]
          : []),
      ]}
    />

    <${H} class=${H === 'h3' ? 'govuk-heading-s' : 'govuk-heading-m'}>Concerns and what has been tried</${H}>
    <${SummaryList}
      rows=${[
        {
          key: 'Other agencies involved',
          value: html`<${Written} text=${referral.otherAgencies} empty="None given" />`,
          href: href('agencies'),
        },
        { key: 'Concerns', value: html`<${Written} text=${referral.concerns} />`, href: href('concerns') },
        {
          key: 'What is going well',
          value: html`<${Written} text=${referral.strengths?.goingWell} />`,
          href: href('strengths'),
        },
        {
          key: 'What needs to change',
          value: html`<${Written} text=${referral.strengths?.needsToChange} />`,
          href: href('strengths'),
        },
        {
          key: you('What you are asking for', 'What the referrer is asking for'),
          value: html`<${Written} text=${referral.strengths?.askingFor} />`,
          href: href('strengths'),
        },
        {
          key: 'Indicators',
          value: indicators.length
            ? html`<ul class="govuk-list govuk-list--bullet">
                ${indicators.map((i) => html`<li key=${i.id}>${i.text}</li>`)}
              </ul>`
            : 'None chosen',
          href: href('indicators'),
        },
        {
          key: 'Suggested level',
          value: html`<${LevelAnswer} level=${level} framework=${framework} />`,
          href: href('indicators'),
        },
        {
          key: you('Your view of the level', 'The referrer’s view of the level'),
          value: referral.referrerLevel
            ? html`<${LevelAnswer} level=${referral.referrerLevel} framework=${framework} />`
            : 'Not given',
          href: href('indicators'),
        },
        {
          key: 'What has been tried',
          value: html`<${Written} text=${referral.triedSoFar} />`,
          href: href('support'),
        },
        {
          key: 'Early Help Assessment in place',
          value: yesNo(referral.earlyHelpAssessmentInPlace),
          href: href('support'),
        },
      ]}
    />

    <${H} class=${H === 'h3' ? 'govuk-heading-s' : 'govuk-heading-m'}>Views and consent</${H}>
    <${SummaryList}
      rows=${[
        {
          key: 'The child’s views',
          value: html`<${Written} text=${referral.childViews} />`,
          href: href('child-views'),
        },
        {
          key: 'The parents’ views',
          value: html`<${Written} text=${referral.parentViews} empty="None given" />`,
          href: href('parent-views'),
        },
        {
          key: 'Consent',
          value: consent ? CONSENT_STATUS_LABELS[consent.status] : 'Not given',
          href: href('consent'),
        },
        ...(consent && consent.status !== 'not_sought'
          ? [
              {
                key: consent.status === 'refused' ? 'Refused by' : 'Given by',
                value:
                  [consent.byWhom, consent.date ? `on ${formatDate(consent.date)}` : '']
                    .filter(Boolean)
                    .join(' ') || 'Not given',
                href: href('consent'),
              },
            ]
          : []),
        ...(consent?.status === 'not_sought'
          ? [
              {
                key: 'Why consent was not sought',
                value: consent.notSoughtReason
                  ? CONSENT_NOT_SOUGHT_LABELS[consent.notSoughtReason]
                  : 'Not given',
                href: href('consent'),
              },
            ]
          : []),
        { key: 'Family told about this request', value: yesNo(told?.told), href: href('family') },
        ...(told?.told === false
          ? [
              {
                key: 'Why the family has not been told',
                value: html`<${Written} text=${told.whyNot} />`,
                href: href('family'),
              },
            ]
          : []),
        {
          key: 'Not to be shared with the family',
          value: html`<${Written} text=${referral.notToShare} empty="Nothing given" />`,
          href: href('family'),
        },
      ]}
    />
  `;
}
