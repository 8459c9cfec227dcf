/**
 * The team around the family: the people from other agencies working with the lead practitioner,
 * each from an agency the family agreed to share with, and the services from the directory working
 * with the family. Rows are added and removed in the page; the whole team is saved at once.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_TEAM_SERVICES } from '../../../../shared/early-help/labels.ts';
import { teamProblems } from '../../../../shared/early-help/rules.ts';
import type { ServiceSnapshot } from '../../../../shared/services/schema.ts';
import { ServicePicker } from '../../../platform/service-picker.ts';
import { Select, TextInput, useFormState } from '../../../platform/ui.ts';
import { agencyName } from '../../api.ts';
import { checkAndSend, type FieldTarget, FormButtons, type FormProps, FormShell } from './form-shell.ts';
import { StepLink } from './navigation.ts';

interface Member {
  agencyId: string;
  name: string;
  role: string;
}

const MAX_MEMBERS = 20;
const PARTS = {
  agencyId: ['agency', 'The agency'],
  name: ['name', 'The name'],
  role: ['role', 'The role'],
} as const;

const SERVICES_ID = 'team-services';

function target(field: string): FieldTarget | null {
  if (/^services(\.\d+)?$/.test(field)) return { id: `${SERVICES_ID}-q`, label: 'The services' };
  const m = /^members\.(\d+)\.(agencyId|name|role)$/.exec(field);
  if (!m) return null;
  const [id, label] = PARTS[m[2] as keyof typeof PARTS];
  return { id: `member-${m[1]}-${id}`, label };
}

export function TeamForm(props: FormProps): VNode {
  const { episode, agencies } = props;
  const consent = episode.consent;
  const [members, setMembers] = useState<Member[]>(() => episode.team.map((m) => ({ ...m })));
  const [services, setServices] = useState<ServiceSnapshot[]>(() => episode.teamServices ?? []);
  const s = useFormState();
  const focusOn = useRef<string | null>(null);
  useEffect(() => {
    if (focusOn.current) document.getElementById(focusOn.current)?.focus();
    focusOn.current = null;
  }, [members.length]);

  if (!consent?.sharingAgreed || consent.shareWithAgencyIds.length === 0) {
    return html`
      <${FormShell} form=${props} state=${s} heading="The team around the family">
        <p class="govuk-body">
          The team can include only agencies the family agreed to share information with, and
          ${consent ? 'the family has not agreed to share with any.' : 'what they agreed has not been recorded yet.'}
        </p>
        <p class="govuk-body"><${StepLink} id=${episode.id} step="consent">Record what the family agreed to share</${StepLink}></p>
      </${FormShell}>
    `;
  }
  const options = consent.shareWithAgencyIds.map((id) => ({ value: id, text: agencyName(agencies, id) }));
  const change = (i: number, key: keyof Member) => (value: string) =>
    setMembers((all) => all.map((m, j) => (j === i ? { ...m, [key]: value } : m)));
  const add = () => {
    focusOn.current = `member-${members.length}-agency`;
    setMembers((all) => [...all, { agencyId: '', name: '', role: '' }]);
  };
  const remove = (i: number) => {
    focusOn.current = members.length > 1 ? `member-${Math.max(0, i - 1)}-agency` : 'add-member';
    setMembers((all) => all.filter((_, j) => j !== i));
  };

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const checks = checkAndSend(s, props);
    const { found } = checks;
    const order: string[] = [];
    members.forEach((m, i) => {
      order.push(`member-${i}-agency`, `member-${i}-name`, `member-${i}-role`);
      if (!m.agencyId) found[`member-${i}-agency`] = 'Choose the agency they work for';
      if (!m.name.trim()) found[`member-${i}-name`] = 'Enter the team member’s name';
      if (!m.role.trim())
        found[`member-${i}-role`] = 'Enter their role, like class teacher or health visitor';
    });
    const input = {
      members: members.map((m) => ({ agencyId: m.agencyId, name: m.name.trim(), role: m.role.trim() })),
      services: services.map((s) => s.id),
    };
    checks.rules(teamProblems(input, consent), target, { id: 'add-member', label: 'The team' });
    await checks.send(order, {
      what: 'The team',
      method: 'PUT',
      path: 'team',
      body: input,
      flash: () => ({
        heading: 'The team around the family is saved',
        body: 'Everyone in it can now read the family’s record.',
      }),
      target,
      fallbackId: 'add-member',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="The team around the family">
      <p class="govuk-body">
        The people from other agencies working with the family. The family agreed to share with
        ${options.map((o) => o.text).join(', ')}.
      </p>
      <form novalidate onSubmit=${onSubmit}>
        ${members.length === 0 ? html`<p class="govuk-body">No one is in the team yet.</p>` : null}
        ${members.map(
          (m, i) => html`
            <fieldset class="govuk-fieldset app-team-member" key=${i}>
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Team member ${i + 1}</legend>
              <${Select} id=${`member-${i}-agency`} name=${`member-${i}-agency`} label="Agency" placeholder="Choose an agency" value=${m.agencyId} options=${options} error=${s.fields[`member-${i}-agency`]} onChange=${change(i, 'agencyId')} />
              <${TextInput} id=${`member-${i}-name`} name=${`member-${i}-name`} label="Name" value=${m.name} error=${s.fields[`member-${i}-name`]} autocomplete="off" onInput=${change(i, 'name')} />
              <${TextInput} id=${`member-${i}-role`} name=${`member-${i}-role`} label="Role" hint="For example, class teacher or health visitor" value=${m.role} error=${s.fields[`member-${i}-role`]} onInput=${change(i, 'role')} />
              <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick=${() => remove(i)}>
                Remove<span class="govuk-visually-hidden"> team member ${i + 1}${m.name ? `, ${m.name}` : ''}</span>
              </button>
            </fieldset>
          `,
        )}
        ${
          members.length < MAX_MEMBERS
            ? html`<button type="button" id="add-member" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick=${add}>Add a team member</button>`
            : null
        }
        <${ServicePicker}
          id=${SERVICES_ID}
          legend="Services working with the family"
          hint=${`Services from the directory the family uses as part of the plan, up to ${MAX_TEAM_SERVICES}. Their contact details are kept with the team.`}
          chosen=${services}
          onChange=${setServices}
          max=${MAX_TEAM_SERVICES}
          error=${s.fields[`${SERVICES_ID}-q`]}
        />
        <${FormButtons} episode=${episode} busy=${s.busy} text="Save the team" busyText="Saving…" />
      </form>
    </${FormShell}>
  `;
}
