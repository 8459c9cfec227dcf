/**
 * "Who has this now": once the front door has decided a referral as early help, the episode that
 * follows it, in summary (where it stands, who leads it), for the agency that referred and for the
 * front door, with the way in for whoever reads it whole. Nothing when there is none to show, except
 * to the front door, who can start it (again, if starting it with the decision failed).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../../shared/directory/me.ts';
import { EARLY_HELP_OUTCOMES } from '../../../../shared/referrals/labels.ts';
import type { Referral } from '../../../../shared/referrals/schema.ts';
import {
  currentEpisode,
  type EpisodeForReferrer,
  type EpisodeRead,
  episodeUrl,
  isWhole,
  loadEpisodeOfReferral,
  startEpisode,
} from '../../../early-help/api.ts';
import { leadText, StateTag } from '../../../early-help/views.ts';
import { type AgencyName, loadAgencies } from '../../../platform/agencies.ts';
import { Button, ErrorSummary, type ErrorSummaryItem, Select, SummaryList } from '../../../platform/ui.ts';
import { describeRefusal } from '../../views.ts';
import { isTriage } from './addresses.ts';

/** The front door's decisions that an early-help episode follows. */

export const isEarlyHelp = (referral: Pick<Referral, 'decision'>) =>
  EARLY_HELP_OUTCOMES.includes(referral.decision?.outcome ?? '');

/** An episode as the panel shows it: the referrer's summary, whatever the caller read. */
function summaryOf(episode: EpisodeRead): EpisodeForReferrer {
  if (!isWhole(episode)) return episode;
  const { lead } = episode;
  return {
    id: episode.id,
    reference: episode.reference,
    state: episode.state,
    ...(lead ? { leadAgencyId: lead.agencyId, leadAnswer: lead.answer } : {}),
    ...(lead?.practitioner ? { leadName: lead.practitioner.name } : {}),
    ...(episode.closure ? { closureReason: episode.closure.reason } : {}),
  };
}

type Panel =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'failed' }
  | { kind: 'found'; episode: EpisodeForReferrer };

export function EpisodePanel(props: { me: Me; referral: Referral }): VNode | null {
  const { me, referral } = props;
  const triage = isTriage(me);
  const [panel, setPanel] = useState<Panel>({ kind: 'loading' });
  const [agencies, setAgencies] = useState<AgencyName[]>([]);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadEpisodeOfReferral(referral.id).then(
      (episode) => live && setPanel(episode ? { kind: 'found', episode } : { kind: 'none' }),
      () => live && setPanel({ kind: 'failed' }),
    );
    loadAgencies().then(
      (all) => live && setAgencies(all),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [referral.id, attempt]);

  if (panel.kind === 'loading') return null;
  if (panel.kind === 'none' || (panel.kind === 'failed' && !triage)) {
    return triage
      ? html`<${StartEpisode} referral=${referral} agencies=${agencies} onStarted=${(episode: EpisodeForReferrer) => setPanel({ kind: 'found', episode })} />`
      : null;
  }
  if (panel.kind === 'failed') {
    return html`
      <h2 class="govuk-heading-m">Who has this now</h2>
      <p class="govuk-body">The early help episode could not be shown.</p>
      <${Button} type="button" variant="secondary" text="Try again" onClick=${() => setAttempt((n) => n + 1)} />
    `;
  }
  const { episode } = panel;
  // The front door and the agency leading it read the episode whole.
  const opens = triage || (episode.leadAnswer !== 'declined' && episode.leadAgencyId === me.agency?.id);
  return html`
    <div id="who-has-this">
      <h2 class="govuk-heading-m">Who has this now</h2>
      <${SummaryList}
        rows=${[
          { key: 'Early help episode', value: episode.reference },
          { key: 'Where it is', value: html`<${StateTag} state=${episode.state} />` },
          {
            key: 'Lead practitioner',
            value: leadText(
              { agencyId: episode.leadAgencyId, answer: episode.leadAnswer, name: episode.leadName },
              agencies,
            ),
          },
        ]}
      />
      ${
        opens
          ? html`<p class="govuk-body"><a class="govuk-link" href=${episodeUrl(episode.id)}>Open the early help episode</a></p>`
          : html`<p class="govuk-body">The family’s assessment and plan are shared only with the agencies the family agreed to. To talk about the family, contact the lead practitioner.</p>`
      }
    </div>
  `;
}

/** The front door starts the episode, asking an agency to lead it if it knows which. */
function StartEpisode(props: {
  referral: Referral;
  agencies: AgencyName[];
  onStarted: (episode: EpisodeForReferrer) => void;
}): VNode {
  const [lead, setLead] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    setBusy(true);
    try {
      props.onStarted(summaryOf(await startEpisode(props.referral.id, lead || undefined)));
    } catch (error) {
      const existing = currentEpisode(error);
      if (existing) props.onStarted(summaryOf(existing));
      else setErrors(describeRefusal(error, () => 'start-lead', 'start-lead').items);
    } finally {
      setBusy(false);
    }
  };
  return html`
    <div id="who-has-this">
      <h2 class="govuk-heading-m">Who has this now</h2>
      ${errors.length ? html`<${ErrorSummary} key=${submissions} items=${errors} />` : null}
      <p class="govuk-body">No early help episode has been started for this referral yet.</p>
      <form novalidate onSubmit=${onSubmit}>
        <${Select}
          id="start-lead"
          name="leadAgencyId"
          label="Which agency should lead? (optional)"
          hint="You can ask an agency later, from the episode."
          placeholder="Decide later"
          value=${lead}
          options=${props.agencies.filter((a) => a.active).map((a) => ({ value: a.id, text: a.name }))}
          onChange=${setLead}
        />
        <${Button} text=${busy ? 'Starting…' : 'Start the early-help episode'} disabled=${busy} />
      </form>
    </div>
  `;
}
