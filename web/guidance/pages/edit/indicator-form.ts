/** /guidance/edit/draft/?v=N&indicator=ID and &add=1: change an indicator, or add one. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { levelLabel } from '../../../../shared/guidance/check.ts';
import type { GuidanceVersion, Indicator, LevelNumber } from '../../../../shared/guidance/schema.ts';
import { sortedLevels } from '../../../../shared/guidance/views/levels.ts';
import {
  Button,
  Checkbox,
  type ErrorSummaryItem,
  FormPage,
  PageHeading,
  Select,
  setTitle,
  Textarea,
} from '../../../platform/ui.ts';
import {
  type IndicatorFields,
  indicatorFieldFor,
  newIndicatorId,
  splitWords,
  validateIndicator,
} from './indicator-fields.ts';
import { BackLink, type Flash, NavLink, urls } from './navigation.ts';
import { ConflictBanner, describeRefusal, isConflict, saveFramework } from './saving.ts';

export function IndicatorForm(props: {
  draft: GuidanceVersion;
  indicator: Indicator | null;
  focus: boolean;
  onSaved: (saved: GuidanceVersion, flash: Omit<Flash, 'id'>) => void;
}): VNode {
  const { draft, indicator } = props;
  const { framework } = draft;
  const editing = indicator !== null;
  const [fields, setFields] = useState<IndicatorFields>({
    text: indicator?.text ?? '',
    level: indicator ? String(indicator.level) : '',
    subDomainId: indicator?.subDomainId ?? '',
    searchWords: indicator?.searchWords.join('\n') ?? '',
    immediateDanger: indicator?.immediateDanger === true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<IndicatorFields>) => setFields((f) => ({ ...f, ...patch }));
  const title = editing ? 'Change an indicator' : 'Add an indicator';

  useEffect(
    () => setTitle(`${title} – Draft version ${draft.version}`, summary.length > 0),
    [summary.length, title, draft.version],
  );

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    const found = validateIndicator(fields);
    const order = ['indicator-text', 'indicator-level', 'indicator-sub-domain', 'indicator-search-words'];
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setSummary(order.filter((id) => found[id]).map((id) => ({ href: `#${id}`, text: found[id] ?? '' })));
      return;
    }
    const next: Indicator = {
      ...(indicator ?? {}),
      id: indicator?.id ?? newIndicatorId(framework, fields.subDomainId, fields.text),
      level: Number(fields.level) as LevelNumber,
      subDomainId: fields.subDomainId,
      text: fields.text.trim(),
      searchWords: splitWords(fields.searchWords),
    };
    if (fields.immediateDanger) next.immediateDanger = true;
    else delete next.immediateDanger;
    const indicators = editing
      ? framework.indicators.map((i) => (i.id === indicator.id ? next : i))
      : [...framework.indicators, next];
    setBusy(true);
    try {
      const saved = await saveFramework(draft, { ...framework, indicators });
      const moved =
        editing && indicator.level !== next.level
          ? ` It moved from level ${indicator.level} to level ${next.level}.`
          : '';
      props.onSaved(saved, {
        heading: `Saved. Draft version ${saved.version} is now at revision ${saved.revision}.`,
        body: `${editing ? 'Changed' : 'Added'}: “${next.text}”${moved}`,
      });
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) {
        setConflict(true);
        setErrors({});
        setSummary([]);
        return;
      }
      const refusal = describeRefusal(error, indicatorFieldFor, 'indicator-text');
      setErrors(refusal.fields);
      setSummary(refusal.items);
    }
  };

  const levelOptions = sortedLevels(framework).map((l) => ({ value: String(l.level), text: levelLabel(l) }));
  const subDomainGroups = framework.domains.map((d) => ({
    label: d.name,
    options: d.subDomains.map((s) => ({ value: s.id, text: s.name })),
  }));

  return html`
    <${FormPage}
      back=${html`<${BackLink} href=${urls.draft(draft.version)} text=${`Draft version ${draft.version}`} />`}
      errors=${summary}
      submissions=${submissions}
      banner=${conflict ? html`<${ConflictBanner} key=${submissions} />` : null}
    >
      <${PageHeading} caption=${`Draft version ${draft.version}`} text=${title} size="l" focus=${props.focus && summary.length === 0 && !conflict} />
      <form novalidate onSubmit=${onSubmit}>
        <${Textarea}
          id="indicator-text"
          name="text"
          label="What the indicator says"
          labelClasses="govuk-label--s"
          hint="Plain English, as a practitioner would describe what they see or hear. Up to 300 characters."
          value=${fields.text}
          error=${errors['indicator-text']}
          rows=${4}
          onInput=${(text: string) => set({ text })}
        />
        <${Select}
          id="indicator-level"
          name="level"
          label="Level of need"
          labelClasses="govuk-label--s"
          value=${fields.level}
          placeholder=${editing ? undefined : 'Choose a level'}
          options=${levelOptions}
          error=${errors['indicator-level']}
          onChange=${(level: string) => set({ level })}
        />
        <${Select}
          id="indicator-sub-domain"
          name="subDomainId"
          label="Area of need"
          labelClasses="govuk-label--s"
          value=${fields.subDomainId}
          placeholder=${editing ? undefined : 'Choose an area'}
          groups=${subDomainGroups}
          error=${errors['indicator-sub-domain']}
          onChange=${(subDomainId: string) => set({ subDomainId })}
        />
        <${Textarea}
          id="indicator-search-words"
          name="searchWords"
          label="Search words"
          labelClasses="govuk-label--s"
          hint="The words people might search for, one a line, most telling first. Up to 20, each up to 40 characters."
          value=${fields.searchWords}
          error=${errors['indicator-search-words']}
          rows=${6}
          spellcheck=${false}
          onInput=${(searchWords: string) => set({ searchWords })}
        />
        <${Checkbox}
          id="indicator-immediate-danger"
          name="immediateDanger"
          label="This can mean a child is in immediate danger"
          hint="The checker then tells people to call 999 and the Front Door now, before anything else."
          checked=${fields.immediateDanger}
          onChange=${(immediateDanger: boolean) => set({ immediateDanger })}
        />
        <div class="govuk-button-group">
          <${Button} text=${busy ? 'Saving…' : editing ? 'Save changes' : 'Add indicator'} disabled=${busy} />
          <${NavLink} href=${urls.draft(draft.version)}>Cancel</${NavLink}>
        </div>
      </form>
      ${
        editing
          ? html`
            <h2 class="govuk-heading-m">Remove this indicator</h2>
            <p class="govuk-body">Remove it if the partnership no longer uses it. It stays in earlier versions.</p>
            <${NavLink} href=${urls.remove(draft.version, indicator.id)} classes="govuk-button govuk-button--warning">Remove this indicator</${NavLink}>
          `
          : null
      }
    </${FormPage}>
  `;
}
