/**
 * /services/: the services function renders the search and its results on the server
 * (shared/views/services/find.ts), as a GET form that works without JavaScript. This script adds
 * only what every page has: GOV.UK Frontend's behaviours (the error summary takes focus) and the
 * account line.
 */
import { boot } from '../../platform/chrome.ts';

boot();
