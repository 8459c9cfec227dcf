import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createPortal, type Portal, type PortalProps } from '../../infra/stacks/portal.ts';
import { writeStubSite } from './stub-site.ts';

/** A portal synthesized for the infra tests, and the throwaway folder it was written into. */
export interface SynthesizedPortal {
  readonly portal: Portal;
  readonly workDir: string;
  /** Removes the folder (for afterAll). */
  remove(): void;
}

/**
 * Synthesizes the whole portal, as the infra tests read it, into a new folder under the system's
 * temporary one named from `prefix`: a stub site stands in for web/dist (which may not be built),
 * and synthesis runs cdk-nag, so it throws on any unacknowledged finding. No bundling and no
 * built-in cfn-lint pass (3 s of WASM; `npm run synth` still runs it).
 */
export function synthesizePortal(
  prefix: string,
  props: Omit<PortalProps, 'account' | 'region' | 'webAssetPath'> = {},
): SynthesizedPortal {
  const workDir = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(workDir, { recursive: true, force: true });
  try {
    const site = writeStubSite(workDir);
    const app = new App({
      context: { 'aws:cdk:bundling-stacks': [] },
      outdir: join(workDir, 'cdk.out'),
      builtinCloudFormationValidation: false,
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const portal = createPortal(app, {
      account: '111111111111',
      region: 'eu-west-2',
      webAssetPath: site,
      ...props,
    });
    app.synth();
    return { portal, workDir, remove };
  } catch (error) {
    // A cdk-nag finding fails the file's set-up: the folder goes now, as afterAll has nothing to remove.
    remove();
    throw error;
  }
}
