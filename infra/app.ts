/**
 * The CDK app (`npm run synth`, `npx cdk deploy --all`). Synthesis works offline with no credentials:
 * without CDK_DEFAULT_ACCOUNT it uses a dummy account. The region is London unless the `region` context
 * value says otherwise; a developer's default region never moves the portal's data.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ASSET_MANIFEST_FILE } from '../shared/views/layout.ts';
import { REPO_ROOT } from './constructs/portal-function.ts';
import { createPortal } from './stacks/portal.ts';

const app = new App({
  // Strong cross-stack references (CloudFormation exports), stated rather than defaulted: a producer
  // stack cannot delete what a consumer still uses. The CLI's context (cdk.json) still overrides this.
  context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' },
});

const webAssetPath = resolve(REPO_ROOT, String(app.node.tryGetContext('webAssetPath') ?? 'web/dist'));
if (!existsSync(join(webAssetPath, ASSET_MANIFEST_FILE))) {
  // The site is part of what is deployed: build it once if it has not been built (npm run build:web).
  if (!existsSync(join(REPO_ROOT, 'web', 'build.ts'))) {
    throw new Error(
      `${webAssetPath}/${ASSET_MANIFEST_FILE} is missing and web/build.ts is not there to build it.`,
    );
  }
  process.stderr.write(`${webAssetPath} has not been built: running web/build.ts\n`);
  execFileSync('npx', ['tsx', 'web/build.ts'], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
}

// GOV.UK Notify is optional: `-c notifyTemplateId=… -c frontDoorEmail=…` (and a Secrets Manager secret
// `partnership-portal/notify-api-key`) turn email on; without them notifications stay in the portal.
const notifyTemplateId = app.node.tryGetContext('notifyTemplateId') as string | undefined;
const frontDoorEmail = app.node.tryGetContext('frontDoorEmail') as string | undefined;

createPortal(app, {
  account: process.env.CDK_DEFAULT_ACCOUNT ?? '111111111111',
  region: String(app.node.tryGetContext('region') ?? 'eu-west-2'),
  webAssetPath,
  ...(notifyTemplateId && frontDoorEmail
    ? {
        notify: {
          apiKeySecretName: 'partnership-portal/notify-api-key',
          templateId: notifyTemplateId,
          frontDoorEmail,
        },
      }
    : {}),
});

// cdk-nag 3 is a policy-validation plugin (not an Aspect): synthesis fails on any unacknowledged finding.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

app.synth();
