import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  FunctionEnvSchema,
  GuidanceEnvSchema,
  LocalEnvSchema,
  parseConfig,
} from '../../functions/platform/config.ts';

const complete = {
  TABLE_NAME: 'portal-guidance',
  AUDIT_TABLE_NAME: 'portal-audit',
  DIRECTORY_TABLE_NAME: 'portal-directory',
  AUTH_ISSUER: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example',
  AUTH_CLIENT_ID: 'client',
  CURSOR_SECRET: 'c'.repeat(32),
};

describe('function configuration', () => {
  it('parses a complete environment', () => {
    expect(parseConfig(FunctionEnvSchema, complete)).toMatchObject({
      TABLE_NAME: 'portal-guidance',
      LOG_LEVEL: 'info',
    });
  });

  it('fails at start-up naming every missing or invalid variable', () => {
    const { TABLE_NAME: _t, ...missingTable } = complete;
    const attempt = () =>
      parseConfig(FunctionEnvSchema, { ...missingTable, AUTH_ISSUER: 'not a url', CURSOR_SECRET: 'short' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/TABLE_NAME/);
    expect(attempt).toThrow(/AUTH_ISSUER: must be a URL/);
    expect(attempt).toThrow(/CURSOR_SECRET: must be at least 32 characters/);
  });
});

describe('guidance function configuration', () => {
  const guidance = { ...complete, SERVICES_URL: 'https://portal.example/api/services' };
  const assets = {
    stylesheets: ['/assets/a.css'],
    jsEnabled: '/assets/j.js',
    modules: { guidance: '/assets/g.js' },
  };

  it("reads the web build's asset manifest from WEB_ASSETS", () => {
    expect(
      parseConfig(GuidanceEnvSchema, { ...guidance, WEB_ASSETS: JSON.stringify(assets) }).WEB_ASSETS,
    ).toEqual(assets);
  });

  it('refuses a manifest that is missing, not JSON, or not the manifest, naming WEB_ASSETS', () => {
    expect(() => parseConfig(GuidanceEnvSchema, guidance)).toThrow(/WEB_ASSETS/);
    expect(() => parseConfig(GuidanceEnvSchema, { ...guidance, WEB_ASSETS: '{not json' })).toThrow(
      /WEB_ASSETS: must be JSON/,
    );
    expect(() =>
      parseConfig(GuidanceEnvSchema, {
        ...guidance,
        WEB_ASSETS: JSON.stringify({ ...assets, jsEnabled: 'j.js' }),
      }),
    ).toThrow(/WEB_ASSETS\.jsEnabled/);
  });
});

describe('local configuration', () => {
  it('has defaults for the local runtime only', () => {
    expect(parseConfig(LocalEnvSchema, {})).toEqual({
      PORT: 3000,
      PORTAL_DATA_DIR: '.data',
      DYNAMODB_LOCAL_PORT: 8742,
      LOG_LEVEL: 'info',
    });
  });

  it('takes PORT and PORTAL_DATA_DIR, and refuses a port that is not one', () => {
    expect(parseConfig(LocalEnvSchema, { PORT: '4000', PORTAL_DATA_DIR: '/tmp/portal' })).toMatchObject({
      PORT: 4000,
      PORTAL_DATA_DIR: '/tmp/portal',
    });
    expect(() => parseConfig(LocalEnvSchema, { PORT: 'eighty' })).toThrow(/PORT/);
  });
});
