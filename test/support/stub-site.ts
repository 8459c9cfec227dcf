import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSET_MANIFEST_FILE, type AssetManifest } from '../../shared/views/layout.ts';

/** The asset manifest a stub site carries: the names the guidance function's pages link. */
export const STUB_ASSETS: AssetManifest = {
  stylesheets: ['/assets/govuk-frontend-stub.min.css', '/assets/app/app-stub.css'],
  jsEnabled: '/assets/app/js-enabled-stub.js',
  modules: {
    'guidance/pages/guidance': '/assets/js/guidance-STUB.js',
    'guidance/pages/check': '/assets/js/check-STUB.js',
  },
};

/** A stand-in for web/dist (which may not be built) in `dir`/site: a page and the asset manifest. */
export function writeStubSite(dir: string): string {
  const site = join(dir, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>stub</title>');
  writeFileSync(join(site, ASSET_MANIFEST_FILE), JSON.stringify(STUB_ASSETS));
  return site;
}
