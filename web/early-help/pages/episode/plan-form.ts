/**
 * The plan agreed with the family: the outcomes they want, in their words, each with the actions
 * that will get them there, who does each and by when. Outcomes and actions are added and removed
 * in the page; the whole plan is agreed at once, and can be agreed again changed (reviews keep
 * pointing at the outcomes they scored, as their ids are kept).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { planProblems } from '../../../../shared/early-help/rules.ts';
import {
  blankDate,
  DateInput,
  type DateParts,
  dateParts,
  formatDate,
  TextInput,
  useFormState,
} from '../../../platform/ui.ts';
import { isWhole } from '../../api.ts';
import {
  checkAndSend,
  type FieldTarget,
  FormButtons,
  type FormProps,
  FormShell,
  today,
  useDateParts,
} from './form-shell.ts';

interface ActionRow {
  id?: string;
  what: string;
  owner: string;
  due: DateParts;
}
interface OutcomeRow {
  id?: string;
  title: string;
  actions: ActionRow[];
}

const MAX_OUTCOMES = 8;
const MAX_ACTIONS = 10;
const newAction = (): ActionRow => ({ what: '', owner: '', due: blankDate });
const newOutcome = (): OutcomeRow => ({ title: '', actions: [newAction()] });
const actionId = (o: number, a: number, part: string) => `outcome-${o}-action-${a}-${part}`;

const PARTS: Record<string, [string, string]> = {
  what: ['what', 'What will be done'],
  owner: ['owner', 'Who will do it'],
  dueOn: ['due', 'The date it is due'],
};

function target(field: string): FieldTarget | null {
  if (field === 'agreedOn')
    return { id: 'plan-agreed-on', label: 'The date it was agreed', anchor: 'plan-agreed-on-day' };
  if (field === 'outcomes') return { id: 'outcome-0-title', label: 'The plan' };
  const action = /^outcomes\.(\d+)\.actions\.(\d+)\.(what|owner|dueOn)$/.exec(field);
  if (action) {
    const [part, label] = PARTS[action[3] ?? ''] ?? ['what', 'The action'];
    const id = actionId(Number(action[1]), Number(action[2]), part);
    return { id, label, ...(part === 'due' ? { anchor: `${id}-day` } : {}) };
  }
  const outcome = /^outcomes\.(\d+)\.(title|actions)/.exec(field);
  if (outcome?.[2] === 'title') return { id: `outcome-${outcome[1]}-title`, label: 'The outcome' };
  if (outcome) return { id: actionId(Number(outcome[1]), 0, 'what'), label: 'The actions' };
  return null;
}

function rowsOf(plan: FormProps['episode']['plan']): OutcomeRow[] {
  if (!plan) return [newOutcome()];
  return plan.outcomes.map((o) => ({
    id: o.id,
    title: o.title,
    actions: o.actions.map((a) => ({ id: a.id, what: a.what, owner: a.owner, due: dateParts(a.dueOn) })),
  }));
}

export function PlanForm(props: FormProps): VNode {
  const { episode } = props;
  const before = episode.plan;
  const [agreedOn, setAgreedOn] = useDateParts();
  const [outcomes, setOutcomes] = useState<OutcomeRow[]>(() => rowsOf(before));
  const s = useFormState();
  const focusOn = useRef<string | null>(null);
  const shape = outcomes.map((o) => o.actions.length).join(',');
  useEffect(() => {
    if (focusOn.current) document.getElementById(focusOn.current)?.focus();
    focusOn.current = null;
  }, [shape]);

  const setOutcome = (o: number, next: (row: OutcomeRow) => OutcomeRow) =>
    setOutcomes((all) => all.map((row, i) => (i === o ? next(row) : row)));
  const setAction = (o: number, a: number, next: Partial<ActionRow>) =>
    setOutcome(o, (row) => ({
      ...row,
      actions: row.actions.map((x, j) => (j === a ? { ...x, ...next } : x)),
    }));
  const addOutcome = () => {
    focusOn.current = `outcome-${outcomes.length}-title`;
    setOutcomes((all) => [...all, newOutcome()]);
  };
  const removeOutcome = (o: number) => {
    focusOn.current = `outcome-${Math.max(0, o - 1)}-title`;
    setOutcomes((all) => all.filter((_, i) => i !== o));
  };
  const addAction = (o: number) => {
    focusOn.current = actionId(o, outcomes[o]?.actions.length ?? 0, 'what');
    setOutcome(o, (row) => ({ ...row, actions: [...row.actions, newAction()] }));
  };
  const removeAction = (o: number, a: number) => {
    focusOn.current = actionId(o, Math.max(0, a - 1), 'what');
    setOutcome(o, (row) => ({ ...row, actions: row.actions.filter((_, j) => j !== a) }));
  };

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const checks = checkAndSend(s, props);
    const { found } = checks;
    const order = ['plan-agreed-on'];
    const agreed = checks.date(agreedOn, 'plan-agreed-on', 'The date it was agreed');
    const input = {
      agreedOn: agreed ?? '',
      outcomes: outcomes.map((o, i) => {
        order.push(`outcome-${i}-title`);
        if (!o.title.trim())
          found[`outcome-${i}-title`] = 'Enter the outcome the family wants, in their words';
        return {
          ...(o.id ? { id: o.id } : {}),
          title: o.title.trim(),
          actions: o.actions.map((a, j) => {
            order.push(actionId(i, j, 'what'), actionId(i, j, 'owner'), actionId(i, j, 'due'));
            if (!a.what.trim()) found[actionId(i, j, 'what')] = 'Enter what will be done';
            if (!a.owner.trim()) found[actionId(i, j, 'owner')] = 'Enter who will do it';
            const due = checks.date(a.due, actionId(i, j, 'due'), 'The date it is due');
            return {
              ...(a.id ? { id: a.id } : {}),
              what: a.what.trim(),
              owner: a.owner.trim(),
              dueOn: due ?? '',
            };
          }),
        };
      }),
    };
    const completedOn = episode.assessment?.completedOn ?? episode.startedOn;
    if (!checks.any()) {
      // Agreed again, the actions still date from the plan's first agreement, as the API checks them.
      const checked = before ? { ...input, agreedOn: before.agreedOn } : input;
      checks.rules(planProblems(checked, completedOn, today()), target, {
        id: 'plan-agreed-on',
        label: 'The plan',
      });
    }
    await checks.send(order, {
      what: 'The plan',
      method: 'PUT',
      path: 'plan',
      body: input,
      flash: (saved) => {
        const review = isWhole(saved) ? saved.timers.find((t) => t.kind === 'review' && !t.metOn) : undefined;
        return {
          heading: before ? 'The changed plan is agreed' : 'The plan is agreed',
          ...(review ? { body: `The first review is due by ${formatDate(review.dueOn)}.` } : {}),
        };
      },
      target,
      fallbackId: 'plan-agreed-on-day',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading=${before ? 'Change the plan' : 'Agree the plan'}>
      <p class="govuk-body">Write the outcomes the family wants in their own words. Give each the actions that will get there: what, who and by when.</p>
      <form novalidate onSubmit=${onSubmit}>
        <${DateInput} id="plan-agreed-on" name="agreedOn" legend=${before ? 'When was the changed plan agreed?' : 'When was the plan agreed with the family?'} legendClasses="govuk-fieldset__legend--s" value=${agreedOn} error=${s.fields['plan-agreed-on']} onChange=${setAgreedOn} />
        ${outcomes.map(
          (o, i) => html`
            <fieldset class="govuk-fieldset app-plan-outcome" key=${i}>
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Outcome ${i + 1}</legend>
              <${TextInput} id=${`outcome-${i}-title`} name=${`outcome-${i}-title`} label="What the family wants to change" hint="In their words, for example “Ellie gets to school on time every day”" value=${o.title} error=${s.fields[`outcome-${i}-title`]} onInput=${(title: string) => setOutcome(i, (row) => ({ ...row, title }))} />
              ${o.actions.map(
                (a, j) => html`
                  <fieldset class="govuk-fieldset app-plan-action" key=${j}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Outcome ${i + 1}, action ${j + 1}</legend>
                    <${TextInput} id=${actionId(i, j, 'what')} name=${actionId(i, j, 'what')} label="What will be done" value=${a.what} error=${s.fields[actionId(i, j, 'what')]} onInput=${(what: string) => setAction(i, j, { what })} />
                    <${TextInput} id=${actionId(i, j, 'owner')} name=${actionId(i, j, 'owner')} label="Who will do it" hint="A name, or the family" value=${a.owner} error=${s.fields[actionId(i, j, 'owner')]} autocomplete="off" onInput=${(owner: string) => setAction(i, j, { owner })} />
                    <${DateInput} id=${actionId(i, j, 'due')} name=${actionId(i, j, 'due')} legend="By when" value=${a.due} error=${s.fields[actionId(i, j, 'due')]} onChange=${(due: DateParts) => setAction(i, j, { due })} />
                    ${
                      o.actions.length > 1
                        ? html`<button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick=${() => removeAction(i, j)}>
                            Remove<span class="govuk-visually-hidden"> outcome ${i + 1},</span> action ${j + 1}
                          </button>`
                        : null
                    }
                  </fieldset>
                `,
              )}
              <div class="govuk-button-group">
                ${
                  o.actions.length < MAX_ACTIONS
                    ? html`<button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick=${() => addAction(i)}>
                        Add an action<span class="govuk-visually-hidden"> to outcome ${i + 1}</span>
                      </button>`
                    : null
                }
                ${
                  outcomes.length > 1
                    ? html`<button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button" onClick=${() => removeOutcome(i)}>
                        Remove outcome ${i + 1}
                      </button>`
                    : null
                }
              </div>
            </fieldset>
          `,
        )}
        ${
          outcomes.length < MAX_OUTCOMES
            ? html`<p class="govuk-body"><button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick=${addOutcome}>Add another outcome</button></p>`
            : null
        }
        <${FormButtons} episode=${episode} busy=${s.busy} text=${before ? 'Agree the changed plan' : 'Agree the plan'} busyText="Saving…" />
      </form>
    </${FormShell}>
  `;
}
