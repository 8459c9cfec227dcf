/**
 * /services/new/ and /services/edit/?id=: a directory editor adds a service (saved as a draft) or
 * changes one they keep, and publishes it, takes it down or confirms it is still right. One form holds
 * every field of an entry; the API checks them all and its reasons are shown in an error summary and
 * beside each input. Every write sends the version read (If-Match): when someone else changed the
 * entry in between, the API answers 409 with the entry as it is now, and the page says what changed,
 * keeps what was typed, and takes the new version so it can be sent again.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../shared/directory/me.ts';
import type { ServiceView } from '../../../shared/services/schema.ts';
import type { NeedOption } from '../../../shared/views/services/facts.ts';
import { boot } from '../../platform/chrome.ts';
import { describeRefusal } from '../../platform/refusal.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { FormPage, mount, PageHeading, setTitle, useFormState } from '../../platform/ui.ts';
import {
  canEditServices,
  changeStanding,
  createService,
  currentService,
  editUrl,
  loadMine,
  loadNeeds,
  MINE_PATH,
  type StandingChange,
  saveService,
} from '../api.ts';
import { EditorPageState } from '../page-state.ts';
import { ConflictBanner, type Flash, FlashBanner } from './edit/banners.ts';
import { ServiceForm } from './edit/form.ts';
import { Standing } from './edit/standing.ts';
import {
  describeChanges,
  emptyValues,
  FIELD_ORDER,
  fieldsOf,
  inputFor,
  type Values,
  valuesOf,
} from './edit/values.ts';

const BACK = html`<a class="govuk-back-link" href=${MINE_PATH}>Back to your services</a>`;

const FLASHES: Record<string, Flash> = {
  new: { heading: 'Service saved as a draft', text: 'Nobody else can see it until you publish it.' },
};

function EditPage(): VNode {
  const id = new URLSearchParams(window.location.search).get('id');
  const isNew = window.location.pathname.startsWith('/services/new/');
  const heading = isNew ? 'Add a service' : 'Edit a service';
  const { state, retry } = useSignedInLoad(
    canEditServices,
    async () => {
      // A published entry is public to read, so the entry is looked for among those the editor keeps.
      const [needs, mine] = await Promise.all([loadNeeds(), isNew ? [] : loadMine()]);
      return { needs, service: mine.find((s) => s.id === id) ?? null };
    },
    { redirect: true },
  );
  if (state.kind !== 'loaded') {
    return html`<${EditorPageState} state=${state} heading=${heading} size="l" loading=${isNew ? 'Loading…' : 'Loading the service…'} what=${isNew ? 'the form' : 'the service'} onRetry=${retry} />`;
  }
  if (!isNew && !state.service) return html`<${NotYours} />`;
  return html`<${Editor} me=${state.me} needs=${state.needs} initial=${state.service} />`;
}

/** No entry at the address that this editor keeps: the API answers the same for either. */
function NotYours(): VNode {
  useEffect(() => setTitle('Service not found'), []);
  return html`
    ${BACK}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading} text="Service not found" size="l" />
      <p class="govuk-body">There is no service at this address that you keep. Check the link, or find it in your services.</p>
      <p class="govuk-body">
        A provider’s directory editors can change only their own agency’s services. The partnership’s directory editors
        keep the rest: ask them to change one.
      </p>
      <p class="govuk-body"><a class="govuk-link" href=${MINE_PATH}>Go to your services</a></p>
    </div></div>
  `;
}

function Editor(props: { me: Me; needs: NeedOption[]; initial: ServiceView | null }): VNode {
  const own = props.me.agency ? { id: props.me.agency.id, name: props.me.agency.name } : null;
  const [service, setService] = useState<ServiceView | null>(props.initial);
  const [values, setValues] = useState<Values>(() =>
    props.initial ? valuesOf(props.initial, own?.id ?? null) : emptyValues(),
  );
  const [flash, setFlash] = useState<(Flash & { n: number }) | null>(() => {
    const saved = FLASHES[new URLSearchParams(window.location.search).get('saved') ?? ''];
    return saved ? { ...saved, n: 0 } : null;
  });
  const [conflict, setConflict] = useState<{ what: string; changes: string[]; n: number } | null>(null);
  const s = useFormState();
  const heading = service ? service.fields.name : 'Add a service';
  useEffect(() => setTitle(service ? `Edit ${service.fields.name}` : 'Add a service', s.errors.length > 0));
  useEffect(() => {
    // The flash is for arriving once: a refresh shows the entry without it.
    if (service && window.location.search.includes('saved='))
      window.history.replaceState(null, '', editUrl(service.id));
  }, []);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const announce = (next: Flash) => {
    setConflict(null);
    setFlash((f) => ({ ...next, n: (f?.n ?? 0) + 1 }));
  };

  /** A write refused: someone else's change (409), or the API's reasons by input. */
  const refused = (error: unknown, what: string) => {
    const current = currentService(error);
    if (current && service) {
      setFlash(null);
      setConflict((c) => ({ what, changes: describeChanges(service, current), n: (c?.n ?? 0) + 1 }));
      setService(current);
      s.clear();
      return;
    }
    const refusal = describeRefusal(error, (field) => inputFor(field, values), 'name', {
      nothing: 'Nothing was saved.',
    });
    setFlash(null);
    s.setFields(refusal.fields);
    s.setErrors(
      [...refusal.items].sort(
        (a, b) =>
          FIELD_ORDER.indexOf(a.href.slice(1) as (typeof FIELD_ORDER)[number]) -
          FIELD_ORDER.indexOf(b.href.slice(1) as (typeof FIELD_ORDER)[number]),
      ),
    );
  };

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    s.setBusy(true);
    const fields = fieldsOf(values, own, service?.fields.provider ?? null);
    try {
      if (!service) {
        const created = await createService(fields);
        window.location.assign(editUrl(created.id, '&saved=new'));
        return;
      }
      const saved = await saveService(service.id, fields, service.version);
      setService(saved);
      setValues(valuesOf(saved, own?.id ?? null));
      s.clear();
      announce({
        heading: 'Your changes were saved',
        text: saved.status === 'published' ? 'The public directory shows them now.' : '',
      });
    } catch (error) {
      refused(error, 'Your changes');
    } finally {
      s.setBusy(false);
    }
  };

  const onStanding = async (step: StandingChange) => {
    if (!service || !s.start()) return;
    s.setBusy(true);
    try {
      const next = await changeStanding(service.id, step, service.version);
      setService(next);
      s.clear();
      announce(
        step === 'publish'
          ? {
              heading: 'Service published',
              text: 'Families and practitioners can now find it in the directory.',
            }
          : step === 'unpublish'
            ? {
                heading: 'Service unpublished',
                text: 'It no longer shows in the directory. You can publish it again.',
              }
            : {
                heading: 'Thank you: the entry is confirmed as still right',
                text: 'It will be due for its next check in 6 months.',
              },
      );
    } catch (error) {
      const what =
        step === 'check' ? 'Your confirmation' : step === 'publish' ? 'Publishing it' : 'Taking it down';
      refused(error, what);
    } finally {
      s.setBusy(false);
    }
  };

  const banner = conflict
    ? html`<${ConflictBanner} key=${`conflict-${conflict.n}`} what=${conflict.what} changes=${conflict.changes} />`
    : flash
      ? html`<${FlashBanner} key=${`flash-${flash.n}`} heading=${flash.heading} text=${flash.text} />`
      : null;
  return html`
    <${FormPage} back=${BACK} errors=${s.errors} submissions=${s.submissions} banner=${banner}>
      <${PageHeading} caption=${service ? 'Edit a service' : 'Services directory'} text=${heading} size="l" />
      ${
        service
          ? html`<${Standing} service=${service} busy=${s.busy} onChange=${onStanding} />
              <h2 class="govuk-heading-m">The entry</h2>`
          : html`<p class="govuk-body">It is saved as a draft: nobody else can see it until you publish it.</p>`
      }
      <${ServiceForm} values=${values} set=${set} fields=${s.fields} needs=${props.needs} own=${own} busy=${s.busy}
        submitText=${service ? 'Save changes' : 'Save as draft'} onSubmit=${onSubmit} />
    </${FormPage}>
  `;
}

boot();
mount(html`<${EditPage} />`);
