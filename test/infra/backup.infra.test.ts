import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_IDS } from '../../shared/deployment/tables.ts';
import { type SynthesizedPortal, synthesizePortal } from '../support/infra-synth.ts';

/** Backups beyond point-in-time recovery's 35 days: every table, daily and monthly, in a vault kept with the records' key. */
let synthesized: SynthesizedPortal;
let data: Template;

beforeAll(() => {
  synthesized = synthesizePortal('portal-backup-');
  data = Template.fromStack(synthesized.portal.data);
});
afterAll(() => synthesized?.remove());

describe('AWS Backup', () => {
  it('backs up every table', () => {
    const selections = Object.values(data.findResources('AWS::Backup::BackupSelection')) as {
      Properties: { BackupSelection: { Resources: unknown[] } };
    }[];
    expect(selections).toHaveLength(1);
    const resources = JSON.stringify(selections[0]?.Properties.BackupSelection.Resources);
    const tables = Object.keys(data.findResources('AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(TABLE_IDS.length);
    for (const table of tables) expect(resources, table).toContain(table);
  });

  it('keeps daily backups 35 days and monthly ones a year', () => {
    const plan = Object.values(data.findResources('AWS::Backup::BackupPlan'))[0] as {
      Properties: {
        BackupPlan: { BackupPlanRule: { RuleName: string; Lifecycle: Record<string, number> }[] };
      };
    };
    const rules = Object.fromEntries(
      plan.Properties.BackupPlan.BackupPlanRule.map((r) => [r.RuleName, r.Lifecycle]),
    );
    expect(rules.Daily).toEqual({ DeleteAfterDays: 35 });
    expect(rules.Monthly).toEqual({ MoveToColdStorageAfterDays: 90, DeleteAfterDays: 365 });
  });

  it('keeps the vault, encrypted with the records’ key and locked, if the stack is deleted', () => {
    const vault = Object.values(data.findResources('AWS::Backup::BackupVault'))[0] as {
      Properties: { EncryptionKeyArn: unknown };
      DeletionPolicy: string;
    };
    expect(JSON.stringify(vault.Properties.EncryptionKeyArn)).toContain('DataKey');
    expect(vault.DeletionPolicy).toBe('Retain');
    // Locked: no backup can be deleted before its 35 days, whoever asks.
    expect((vault.Properties as { LockConfiguration?: unknown }).LockConfiguration).toEqual({
      MinRetentionDays: 35,
    });
  });
});
