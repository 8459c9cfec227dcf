/** The referrals area reads the current guidance as every other area does (functions/platform). */
export { createGuidanceSource, type GuidanceSource } from '../platform/guidance-source.ts';
