import type { Consultation } from '../../shared/referrals/consultation-schema.ts';
import type { TestApi } from './api.ts';

/** The security suites' consultation calls: a call the front door recorded, asking for a written request. */
let n = 0;

export const callInput = () => ({
  calledAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  caller: { name: 'Amira Haddad', role: 'Designated safeguarding lead', agencyId: 'brookfield-primary' },
  // A child of its own each time, so no referral of the suites answers it by chance.
  child: { firstName: 'Wren', lastName: `Callfixture${n++}`, dateOfBirth: '2017-06-02' },
  levelDiscussed: 3,
  advice: 'Send the written request this morning; the family know you are calling.',
  writtenRequest: 'needed',
});

export const callKey = () => `sec-call-${process.pid}-${Date.now()}-${n++}`;

export function consultationFixtures(api: TestApi) {
  return {
    /** A call recorded by the front door (grace). */
    async call(): Promise<Consultation> {
      const res = await api.request('POST', '/api/consultations', {
        as: 'grace',
        body: callInput(),
        headers: { 'idempotency-key': callKey() },
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`call fixture: expected 201, got ${res.status}: ${text}`);
      return JSON.parse(text) as Consultation;
    },
  };
}
