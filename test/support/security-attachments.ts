import type { Attachment } from '../../shared/referrals/attachment-schema.ts';
import type { TestApi } from './api.ts';
import { pdf } from './document-bytes.ts';

/** The security suites' attached documents: a PDF uploaded to a referral by its agency, then completed. */
export const attachmentInput = () => ({ fileName: 'chronology.pdf', size: pdf().length, kind: 'chronology' });

export function attachmentFixtures(api: TestApi) {
  const owner = { A: 'amira', B: 'dan' } as const;
  const ok = async <T>(res: Response | Promise<Response>, status: number, what: string): Promise<T> => {
    const answer = await res;
    const text = await answer.text();
    if (answer.status !== status)
      throw new Error(`${what}: expected ${status}, got ${answer.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    /** A document uploaded but not yet completed. */
    async uploaded(referralId: string, agency: 'A' | 'B' = 'A'): Promise<Attachment> {
      const { attachment, upload } = await ok<{
        attachment: Attachment;
        upload: { url: string; fields: Record<string, string> };
      }>(
        api.request('POST', `/api/referrals/${referralId}/attachments`, {
          as: owner[agency],
          body: attachmentInput(),
        }),
        201,
        'attachment fixture',
      );
      const form = new FormData();
      for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
      form.append('file', new Blob([pdf()]), 'chronology.pdf');
      await ok(api.storage(upload.url, { method: 'POST', body: form }), 204, 'attachment upload');
      return attachment;
    },
    /** A document attached and ready. */
    async ready(referralId: string, agency: 'A' | 'B' = 'A'): Promise<Attachment> {
      const { id } = await this.uploaded(referralId, agency);
      const done = await ok<{ attachment: Attachment }>(
        api.request('POST', `/api/referrals/${referralId}/attachments/${id}/complete`, { as: owner[agency] }),
        200,
        'attachment completion',
      );
      return done.attachment;
    },
  };
}
