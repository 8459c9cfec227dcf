/**
 * zod, as every schema in the portal uses it: the tree-shakeable `zod/mini` API, with zod's English
 * messages ("Invalid input: expected string, received number"). `zod/mini` carries no messages of its
 * own, so a refusal would otherwise read only "Invalid input". Import it as `import * as z from` this
 * module, never from zod itself: a namespace import keeps only the parts a bundle uses.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
