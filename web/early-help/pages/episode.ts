/**
 * /early-help/episode/?id=: one early-help episode. For whoever reads it whole (the front door, the
 * lead's agency, the agency asked to lead, the team): the child, where it came from, the lead, the
 * team and consent, the timers with the drift alarm, the assessment, the plan and its reviews. Each
 * change is a form of its own (`&do=`), offered only to whom the server would allow it. The agency
 * that referred, outside the team, sees only who leads it and where it stands.
 *
 * Every change sends the version read (If-Match). When someone else changed the episode in between,
 * the API refuses with 409 and the episode as it now is: the page says so, shows it, and keeps what
 * was typed so it can be sent again.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { boot } from '../../platform/chrome.ts';
import { useRecordPage } from '../../platform/record-forms.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { mount, PageHeading, setTitle } from '../../platform/ui.ts';
import { currentEpisode, type EpisodeRead, isWhole, loadAgencies, loadEpisode, mayDo } from '../api.ts';
import { canUseEarlyHelp, EarlyHelpPageState } from '../views.ts';
import { AssessmentForm } from './episode/assessment-form.ts';
import { CloseForm } from './episode/close-form.ts';
import { ConsentForm } from './episode/consent-form.ts';
import type { Conflict, Flash, FormProps } from './episode/form-shell.ts';
import { AnswerLeadForm, AskLeadForm } from './episode/lead-forms.ts';
import { ADDRESSES, BackToEpisode, STEPS, type Step } from './episode/navigation.ts';
import { PlanForm } from './episode/plan-form.ts';
import { ReferrerView } from './episode/referrer-view.ts';
import { ReviewForm } from './episode/review-form.ts';
import { EpisodeDetails } from './episode/summary.ts';
import { TeamForm } from './episode/team-form.ts';

const BACK = html`<a class="govuk-back-link" href="/early-help/">Back to early help</a>`;

/** The API's reason for a conflict, unless it only says what the banner says already. */
const conflictDetail = (error: unknown): string => {
  const detail = error instanceof Error ? error.message : '';
  return /^Someone else changed/.test(detail) ? '' : detail.replace(/\.$/, '');
};

function EpisodePage(): VNode {
  const page = useRecordPage<Step, Conflict>(ADDRESSES);
  const { route, navigations, flash, conflict } = page;
  const { state, retry, replace } = useSignedInLoad(
    canUseEarlyHelp,
    async () => {
      const [episode, agencies] = await Promise.all([loadEpisode(route.id), loadAgencies().catch(() => [])]);
      return { episode, agencies };
    },
    { deps: [route.id], redirect: true },
  );

  if (state.kind !== 'loaded') {
    return html`<${EarlyHelpPageState}
      state=${state}
      heading="Early help episode"
      before=${BACK}
      loading="Loading the episode…"
      what="the episode"
      onRetry=${retry}
    />`;
  }
  const { me, agencies, episode } = state;
  if (!episode) {
    setTitle('Episode not found');
    return html`
      ${BACK}
      <${PageHeading} text="Episode not found" size="l" />
      <p class="govuk-body">There is no early help episode at this address that you can see.</p>
      <p class="govuk-body">
        If you typed or pasted the address, check it is complete. You can see an episode your agency leads, has been
        asked to lead, or works on in the team around the family.
      </p>
      <p class="govuk-body"><a class="govuk-link" href="/early-help/">Go to early help</a></p>
    `;
  }
  if (!isWhole(episode)) {
    return html`<${ReferrerView} episode=${episode} agencies=${agencies} flash=${flash} />`;
  }

  const send: FormProps['send'] = async (what, request, describe) => {
    try {
      const saved = await request(episode);
      replace({ agencies, episode: saved });
      page.saved(saved.id, describe(saved));
      return 'saved';
    } catch (error) {
      const current = currentEpisode(error);
      if (!current) return error;
      const stillAllowed = route.step !== null && isWhole(current) && mayDo(STEPS[route.step], me, current);
      replace({ agencies, episode: current as EpisodeRead });
      // A change the episode can no longer take: back to the episode, with the message.
      page.conflicted(current.id, { what, detail: conflictDetail(error) }, !stillAllowed);
      return 'conflict';
    }
  };

  const step = route.step;
  if (step && !mayDo(STEPS[step], me, episode)) {
    setTitle('You cannot do this now');
    return html`
      <${BackToEpisode} id=${episode.id} reference=${episode.reference} />
      <${PageHeading} text="You cannot do this now" size="l" />
      <p class="govuk-body">
        ${episode.state === 'closed' ? 'This episode is closed, so it cannot be changed.' : 'This is not something you can do to this episode at the moment.'}
      </p>
    `;
  }
  const formProps: FormProps = { episode, me, agencies, focus: navigations > 0, conflict, send };
  // Each view is new when arrived at: a form starts from the episode as it is.
  return html`<${View} key=${`${step ?? 'main'}-${navigations}`} step=${step} formProps=${formProps} flash=${flash} />`;
}

/** Each form, by its address. */
const FORMS: Record<Step, (props: FormProps) => VNode> = {
  'ask-lead': AskLeadForm,
  answer: AnswerLeadForm,
  consent: ConsentForm,
  team: TeamForm,
  assessment: AssessmentForm,
  plan: PlanForm,
  review: ReviewForm,
  close: CloseForm,
};

function View(props: { step: Step | null; formProps: FormProps; flash: Flash | null }): VNode {
  if (!props.step) return html`<${EpisodeDetails} ...${props.formProps} flash=${props.flash} />`;
  const Form = FORMS[props.step];
  return html`<${Form} ...${props.formProps} />`;
}

boot();
mount(html`<${EpisodePage} />`);
