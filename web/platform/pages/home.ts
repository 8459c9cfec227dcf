import { boot } from '../chrome.ts';

boot();
