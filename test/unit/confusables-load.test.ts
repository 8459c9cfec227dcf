import { expect, it } from 'vitest';

// Imported inside the test, not at the top: a table the module refuses makes the import itself
// throw, which would stop the file loading (reported apart from failed tests) instead of failing here.
it('loads with its own table of look-alikes and folds a name with it', async () => {
  const { confusableSkeleton } = await import('../../shared/platform/confusables.ts');
  expect(confusableSkeleton('Northshire P\u043elice')).toBe('northshire police');
});
