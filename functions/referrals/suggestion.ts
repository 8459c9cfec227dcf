import { checkIndicators } from '../../shared/guidance/check.ts';
import type { LevelNumber } from '../../shared/guidance/schema.ts';
import { InvalidRequest } from '../platform/errors.ts';
import type { GuidanceSource } from '../platform/guidance-source.ts';

export type Suggest = (
  indicatorIds: readonly string[] | undefined,
) => Promise<{ guidanceVersion?: number; suggestedLevel?: LevelNumber }>;

/** The level the chosen indicators suggest in the current guidance; unknown ids are refused by name. */
export function guidanceSuggestion(guidance: GuidanceSource): Suggest {
  return async (indicatorIds) => {
    if (!indicatorIds?.length) return {};
    const { version, framework } = await guidance.current();
    const outcome = checkIndicators(framework, indicatorIds);
    if (outcome.unknownIds.length) {
      throw new InvalidRequest(
        indicatorIds.flatMap((id, i) =>
          outcome.unknownIds.includes(id)
            ? [
                {
                  field: `indicatorIds.${i}`,
                  reason: `is not an indicator in version ${version} of the guidance`,
                },
              ]
            : [],
        ),
      );
    }
    return { guidanceVersion: version, ...(outcome.level ? { suggestedLevel: outcome.level } : {}) };
  };
}
