/**
 * The Front Door's decision: level of need, outcome, the services the family is signposted to (or
 * that none fitted), rationale and the referrer's feedback.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Framework, LevelNumber } from '../../../../shared/guidance/schema.ts';
import {
  EARLY_HELP_OUTCOMES,
  OUTCOME_LABELS,
  OUTCOMES,
  SIGNPOSTING_OUTCOMES,
} from '../../../../shared/referrals/labels.ts';
import { LEVEL_OUTCOMES, levelOutcomeProblems } from '../../../../shared/referrals/level-outcomes.ts';
import type { DecisionInput, Outcome, Referral } from '../../../../shared/referrals/schema.ts';
import { startEpisode } from '../../../early-help/api.ts';
import { type AgencyName, loadAgencies } from '../../../platform/agencies.ts';
import {
  Button,
  type ErrorSummaryItem,
  FormPage,
  Radios,
  Select,
  setTitle,
  Textarea,
} from '../../../platform/ui.ts';
import {
  ConflictBanner,
  childNameOf,
  describeRefusal,
  isConflict,
  LevelName,
  referralAction,
} from '../../views.ts';
import { viewUrl } from './addresses.ts';
import {
  firstNeed,
  SignpostsFieldset,
  type SignpostsState,
  signpostsFieldId,
  signpostsInput,
  signpostsProblems,
} from './signposts-fieldset.ts';

/**
 * Starts the early-help episode that follows a decision of early help. A failure is not the
 * decision's: the referral's page then shows no episode, and offers to start it.
 */
async function tryStartEpisode(referralId: string, leadAgencyId: string): Promise<void> {
  try {
    await startEpisode(referralId, leadAgencyId || undefined);
  } catch {
    // Shown on the referral's page, which reads the episode afresh.
  }
}

export function DecisionForm(props: { referral: Referral; framework: Framework | undefined }): VNode {
  const { referral, framework } = props;
  const [levelOfNeed, setLevel] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [rationale, setRationale] = useState('');
  const [feedback, setFeedback] = useState('');
  const [alternative, setAlternative] = useState('');
  const [leadAgency, setLeadAgency] = useState('');
  const [signposts, setSignposts] = useState<SignpostsState>(() => ({
    services: [],
    noneFitted: false,
    reason: null,
    need: firstNeed(framework, referral.indicatorIds),
    note: '',
  }));
  const [agencies, setAgencies] = useState<AgencyName[]>([]);
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [submissions, setSubmissions] = useState(0);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const suggested = referral.suggestedLevel;
  useEffect(() => setTitle('Record the decision', summary.length > 0), [summary.length]);
  useEffect(() => {
    // Without the names, the question is not asked: the lead can be chosen from the episode.
    loadAgencies().then(setAgencies, () => {});
  }, []);

  const idFor = (field: string) =>
    signpostsFieldId(field) ??
    {
      levelOfNeed: 'level',
      outcome: 'outcome',
      rationale: 'rationale',
      feedback: 'feedback',
      alternativeSupport: 'alternative',
    }[field] ??
    'level';

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    const problems: [string, string][] = [];
    if (!levelOfNeed) problems.push(['level', 'Choose the level of need']);
    if (!outcome) problems.push(['outcome', 'Choose the outcome']);
    // The partnership's table of which outcomes fit which level, as the API checks it.
    if (levelOfNeed && outcome)
      for (const p of levelOutcomeProblems(Number(levelOfNeed) as LevelNumber, outcome))
        problems.push(['outcome', p.reason]);
    const signposting = outcome !== null && SIGNPOSTING_OUTCOMES.includes(outcome);
    if (signposting) problems.push(...signpostsProblems(signposts));
    if (!rationale.trim()) problems.push(['rationale', 'Enter the rationale for the decision']);
    if (!feedback.trim()) problems.push(['feedback', 'Enter the feedback the referrer will read']);
    if (problems.length || !levelOfNeed || !outcome) {
      setFields(Object.fromEntries([...problems].reverse()));
      setSummary(problems.map(([id, text]) => ({ href: `#${id}`, text })));
      return;
    }
    setSummary([]);
    setFields({});
    setBusy(true);
    const body: DecisionInput = {
      levelOfNeed: Number(levelOfNeed) as LevelNumber,
      outcome,
      rationale: rationale.trim(),
      feedback: feedback.trim(),
      ...(outcome === 'no_further_action' && alternative.trim()
        ? { alternativeSupport: alternative.trim() }
        : {}),
      ...(signposting ? { signposts: signpostsInput(signposts) } : {}),
    };
    try {
      await referralAction(referral, 'decision', body);
      if (EARLY_HELP_OUTCOMES.includes(outcome)) await tryStartEpisode(referral.id, leadAgency);
      window.location.assign(viewUrl(referral.id, 'decided'));
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) {
        setConflict(error.detail ?? '');
        return;
      }
      const described = describeRefusal(error, idFor, 'level');
      setFields(described.fields);
      setSummary(described.items);
    }
  };

  const levels = framework ? [...framework.levels].sort((a, b) => a.level - b.level) : [];
  return html`
    <${FormPage}
      back=${html`<a class="govuk-back-link" href=${viewUrl(referral.id)}>Back to the referral</a>`}
      errors=${summary}
      submissions=${submissions}
      banner=${conflict !== null ? html`<${ConflictBanner} key=${submissions} detail=${conflict} />` : null}
    >
      <span class="govuk-caption-l">${referral.reference} – ${childNameOf(referral)}</span>
      <h1 class="govuk-heading-l">Record the decision</h1>
      <p class="govuk-body">The referrer’s indicators suggest <${LevelName} level=${suggested} framework=${framework} />.</p>
      <form novalidate onSubmit=${onSubmit} data-keep-answers>
        <${Radios}
          idPrefix="level"
          name="levelOfNeed"
          legend="What is the child’s level of need?"
          legendClasses="govuk-fieldset__legend--m"
          items=${
            levels.length
              ? levels.map((l) => ({ value: String(l.level), text: `Level ${l.level}: ${l.name}` }))
              : [1, 2, 3, 4].map((n) => ({ value: String(n), text: `Level ${n}` }))
          }
          value=${levelOfNeed}
          error=${fields.level}
          onChange=${setLevel}
        />
        <${Radios}
          idPrefix="outcome"
          name="outcome"
          legend="What happens next?"
          legendClasses="govuk-fieldset__legend--m"
          hint=${
            levelOfNeed
              ? `At level ${levelOfNeed}: ${LEVEL_OUTCOMES[Number(levelOfNeed) as LevelNumber].map((o) => OUTCOME_LABELS[o].toLowerCase()).join('; ')}.`
              : 'Choose the level first: each level has the outcomes that fit it.'
          }
          items=${OUTCOMES.map((value) => ({
            value,
            text: OUTCOME_LABELS[value],
            ...(value === 'no_further_action'
              ? {
                  conditional: html`<${Textarea}
                    id="alternative"
                    name="alternativeSupport"
                    label="Anything more about the support the family can turn to (optional)"
                    hint="For example, universal services such as the school nurse drop-in"
                    rows=${3}
                    value=${alternative}
                    error=${fields.alternative}
                    onInput=${setAlternative}
                  />`,
                }
              : {}),
            ...(EARLY_HELP_OUTCOMES.includes(value) && agencies.length > 0
              ? {
                  conditional: html`<${Select}
                    id="lead-agency"
                    name="leadAgencyId"
                    label="Which agency should lead? (optional)"
                    hint="They are asked to lead the family’s early help. You can ask an agency later, from the episode."
                    placeholder="Decide later"
                    value=${leadAgency}
                    options=${agencies.filter((a) => a.active).map((a) => ({ value: a.id, text: a.name }))}
                    onChange=${setLeadAgency}
                  />`,
                }
              : {}),
          }))}
          value=${outcome}
          error=${fields.outcome}
          onChange=${(value: string) => setOutcome(value as Outcome)}
        />
        ${
          outcome && SIGNPOSTING_OUTCOMES.includes(outcome)
            ? html`<${SignpostsFieldset} state=${signposts} onChange=${setSignposts} framework=${framework} fields=${fields} />`
            : null
        }
        <${Textarea}
          id="rationale"
          name="rationale"
          label="Why did you reach this decision?"
          labelClasses="govuk-label--m"
          hint="The rationale, for the record: what you weighed, including anything from earlier referrals."
          rows=${6}
          value=${rationale}
          error=${fields.rationale}
          onInput=${setRationale}
        />
        <${Textarea}
          id="feedback"
          name="feedback"
          label="Feedback for the referrer"
          labelClasses="govuk-label--m"
          hint="The referrer reads this. Use plain words a school would understand: what will happen, who will contact the family and when, and what you would like the referrer to do now."
          rows=${6}
          value=${feedback}
          error=${fields.feedback}
          onInput=${setFeedback}
        />
        <${Button} text=${busy ? 'Recording…' : 'Record the decision'} disabled=${busy} />
      </form>
    </${FormPage}>
  `;
}
