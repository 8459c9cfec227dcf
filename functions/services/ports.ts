import type { ServiceMatch, ServiceSearch, ServiceView } from '../../shared/services/schema.ts';
import type { AssetManifest } from '../../shared/views/layout.ts';

/** One of the published guidance's sub-domains, which a service says it meets. */
export interface ServiceNeed {
  id: string;
  label: string;
  /** The domain's title the sub-domain sits under. */
  domain: string;
}

/** What the server-rendered directory pages (pages.ts) need from the services function. */
export interface ServicePageDeps {
  /** The public search, exactly as GET /api/services answers it. */
  find(
    query: ServiceSearch,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: ServiceMatch[]; nextCursor?: string }>;
  /** One published service, or null. */
  published(id: string): Promise<ServiceView | null>;
  /** The current guidance's sub-domains, for the need filter: id → label. */
  needs(): Promise<ServiceNeed[]>;
  /** The web build's assets, as the guidance pages get them. */
  pageAssets?: AssetManifest;
}

/** What the public exports (exports.ts) need from the services function. */
export interface ServiceExportDeps {
  /** Every published service, page after page (the export is public). */
  allPublished(): AsyncIterable<ServiceView>;
  /** The public search, which with no filters pages through every published service by name. */
  find: ServicePageDeps['find'];
  needs(): Promise<ServiceNeed[]>;
  /** The UK date today, for the file's name. */
  today(): string;
}
