/**
 * The referral form's question pages, for referrers: /referrals/draft/<section>/?id=
 *
 * Save and continue saves the draft (PATCH with If-Match) and goes to the next section, so a referrer
 * can stop after any page and come back (Dan at the end of a shift; Amira between lessons). Save and
 * come back later saves and goes to their referrals. From the check-your-answers page (?return=check),
 * saving goes back there. Each section's fields are loaded by their own page only (web/referrals/fields).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../../shared/directory/me.ts';
import type { Framework } from '../../../shared/guidance/schema.ts';
import {
  CONSENT_REFUSAL_REASON,
  consentRuleOf,
  submissionProblems,
} from '../../../shared/referrals/rules.ts';
import type { Referral, ReferralContent } from '../../../shared/referrals/schema.ts';
import { apiPatch } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import {
  type ErrorSummaryItem,
  FormPage,
  Loading,
  mount,
  ProblemState,
  setTitle,
} from '../../platform/ui.ts';
import { Caption, DraftPage } from '../draft.ts';
import type { Collected, FieldsProps, Problems } from '../fields/shared.ts';
import { fieldTarget, suggestedLevelOf } from '../progress.ts';
import { isOptional, SECTIONS, type Section, type SectionSlug, sectionFor, sectionUrl } from '../sections.ts';
import { ConflictBanner, describeRefusal, isConflict, ReferralNotFound } from '../views.ts';

type Fields = (props: FieldsProps) => VNode;

/**
 * What this page still needs before the referral could be sent, by the rules the API applies on
 * submission: so "Save and continue" says so here, not pages later at check your answers. Only the
 * problems this page can fix are named; an optional section (or one a step-up is not asked) has none.
 * A family's refusal is a true answer, recorded as given: the consent page already warns that it
 * stops the referral being sent, and check your answers says so again.
 */
function requiredProblems(
  referral: Referral,
  patch: ReferralContent,
  section: Section,
  framework: Framework | undefined,
  agencyKind: string | undefined,
): Problems {
  if (isOptional(section, referral)) return [];
  const merged = { ...referral, ...patch } as ReferralContent;
  const rule = consentRuleOf(framework, suggestedLevelOf(merged, framework));
  return submissionProblems(merged, rule, new Date(), agencyKind)
    .map((p) => ({ ...p, target: fieldTarget(p.field) }))
    .filter((p) => p.target.section === section.slug && p.reason !== CONSENT_REFUSAL_REASON)
    .map((p) => [p.target.id, p.reason]);
}

/** Each section's fields, loaded (in parallel with the referral) by its page alone. */
const FIELDS: Record<SectionSlug, () => Promise<Fields>> = {
  child: () => import('../fields/child.ts').then((m) => m.ChildFields),
  referrer: () => import('../fields/referrer.ts').then((m) => m.ReferrerFields),
  household: () => import('../fields/household.ts').then((m) => m.HouseholdFields),
  agencies: () => import('../fields/text.ts').then((m) => m.AgenciesFields),
  concerns: () => import('../fields/text.ts').then((m) => m.ConcernsFields),
  strengths: () => import('../fields/strengths.ts').then((m) => m.StrengthsFields),
  indicators: () => import('../fields/indicators.ts').then((m) => m.IndicatorFields),
  support: () => import('../fields/text.ts').then((m) => m.SupportFields),
  'child-views': () => import('../fields/text.ts').then((m) => m.ChildViewsFields),
  'parent-views': () => import('../fields/text.ts').then((m) => m.ParentViewsFields),
  consent: () => import('../fields/consent.ts').then((m) => m.ConsentFields),
  family: () => import('../fields/family.ts').then((m) => m.FamilyFields),
};

function nextUrl(referral: Referral, section: Section, mode: 'continue' | 'later'): string {
  if (mode === 'later') return `/referrals/?saved=${encodeURIComponent(referral.id)}`;
  if (new URLSearchParams(window.location.search).get('return') === 'check')
    return sectionUrl('check', referral.id);
  const index = SECTIONS.findIndex((s) => s.slug === section.slug);
  const next = SECTIONS[index + 1];
  return next ? sectionUrl(next.slug, referral.id) : sectionUrl('check', referral.id);
}

function backUrl(referral: Referral, section: Section): string {
  if (new URLSearchParams(window.location.search).get('return') === 'check')
    return sectionUrl('check', referral.id);
  const index = SECTIONS.findIndex((s) => s.slug === section.slug);
  const previous = SECTIONS[index - 1];
  return previous ? sectionUrl(previous.slug, referral.id) : sectionUrl('', referral.id);
}

/**
 * One question page: back link, the error summary and any "changed since you opened it" banner,
 * the section's fields, and the two ways to save. `collect` checks the fields and gives the part of
 * the referral to save.
 */
function QuestionPage(props: {
  referral: Referral;
  framework: Framework | undefined;
  agencyKind: string | undefined;
  section: Section;
  Fields: (props: FieldsProps) => VNode;
}): VNode {
  const { referral, section, framework } = props;
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [submissions, setSubmissions] = useState(0);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mode = useRef<'continue' | 'later'>('continue');
  const collect = useRef<() => Collected>(() => ({ patch: {} }));

  useEffect(() => setTitle(section.heading, summary.length > 0), [summary.length]);
  // Arriving from a problem on the check page (…#field): go to the field it names.
  useEffect(() => {
    const target = window.location.hash.slice(1);
    if (target) document.getElementById(target)?.focus();
  }, []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    const result = collect.current();
    // "Save and come back later" keeps whatever is well formed; "Save and continue" also needs what
    // the front door requires of this page.
    const problems =
      'problems' in result
        ? result.problems
        : mode.current === 'continue'
          ? requiredProblems(referral, result.patch, section, framework, props.agencyKind)
          : [];
    if (problems.length > 0) {
      const fields: Record<string, string> = {};
      for (const [id, message] of problems) fields[id] ??= message;
      setFieldErrors(fields);
      setSummary(problems.map(([id, text]) => ({ href: `#${id}`, text })));
      return;
    }
    setSummary([]);
    setFieldErrors({});
    setBusy(true);
    try {
      const patch = 'patch' in result ? result.patch : {};
      if (Object.keys(patch).length > 0) {
        await apiPatch<Referral>(`/referrals/${encodeURIComponent(referral.id)}`, patch, referral.version);
      }
      window.location.assign(nextUrl(referral, section, mode.current));
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) {
        setConflict(error.detail ?? '');
        return;
      }
      const described = describeRefusal(error, (field) => fieldTarget(field).id, 'main-content');
      setFieldErrors(described.fields);
      setSummary(described.items);
    }
  };

  const fields = (() => {
    const bind = (fn: () => Collected) => {
      collect.current = fn;
    };
    return html`<${props.Fields} referral=${referral} framework=${framework} agencyKind=${props.agencyKind} errors=${fieldErrors} bind=${bind} />`;
  })();

  return html`
    <${FormPage}
      back=${html`<a class="govuk-back-link" href=${backUrl(referral, section)}>Back</a>`}
      errors=${summary}
      submissions=${submissions}
      banner=${conflict !== null ? html`<${ConflictBanner} key=${submissions} detail=${conflict} />` : null}
    >
      <${Caption} referral=${referral} />
      <form novalidate onSubmit=${onSubmit} aria-label=${section.name} id="question-form" data-keep-answers>
        ${fields}
        <div class="govuk-button-group">
          <button
            type="submit"
            class="govuk-button"
            data-module="govuk-button"
            disabled=${busy}
            aria-disabled=${busy ? 'true' : undefined}
            onClick=${() => {
              mode.current = 'continue';
            }}
          >
            ${busy && mode.current === 'continue' ? 'Saving…' : 'Save and continue'}
          </button>
          <button
            type="submit"
            class="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            disabled=${busy}
            aria-disabled=${busy ? 'true' : undefined}
            onClick=${() => {
              mode.current = 'later';
            }}
          >
            Save and come back later
          </button>
        </div>
      </form>
      <p class="govuk-body"><a class="govuk-link" href=${sectionUrl('', referral.id)}>See all the sections of this referral</a></p>
    </${FormPage}>
  `;
}

/** The question page once its section's fields have loaded. */
function SectionPage(props: {
  referral: Referral;
  framework: Framework | undefined;
  agencyKind: string | undefined;
  section: Section;
  fields: Promise<Fields>;
}): VNode {
  const [state, setState] = useState<{ Fields: Fields } | { error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    (attempt === 0 ? props.fields : FIELDS[props.section.slug]()).then(
      (Fields) => setState({ Fields }),
      (error: unknown) => setState({ error }),
    );
  }, [attempt]);
  if (!state) return html`<${Loading} text="Loading the questions…" />`;
  if ('error' in state)
    return html`<h1 class="govuk-heading-l">${props.section.heading}</h1>
      <${ProblemState} error=${state.error} what="the questions" onRetry=${() => setAttempt((n) => n + 1)} />`;
  return html`<${QuestionPage} referral=${props.referral} framework=${props.framework} agencyKind=${props.agencyKind} section=${props.section} Fields=${state.Fields} />`;
}

// The page -------------------------------------------------------------------------------------------

const section = sectionFor(/^\/referrals\/draft\/([a-z-]+)\/?$/.exec(window.location.pathname)?.[1] ?? '');
boot();
if (section) {
  // Start loading the section's questions now, alongside the referral.
  const fields = FIELDS[section.slug]();
  fields.catch(() => {});
  mount(
    html`<${DraftPage}
      title=${section.heading}
      render=${(referral: Referral, framework: Framework | undefined, me: Me) =>
        html`<${SectionPage} referral=${referral} framework=${framework} agencyKind=${me.agency?.kind} section=${section} fields=${fields} />`}
    />`,
  );
} else {
  mount(html`<${ReferralNotFound} />`);
}
