/**
 * A consultation call: a practitioner rings the front door about a child before (or instead of)
 * writing a request for support. The front door records who called, when, the level discussed and
 * what it advised; when it asks for a written request, the request is due within
 * `WRITTEN_REQUEST_DUE_HOURS` of the call, and the referral that follows is linked to the call.
 * Pure and free of zod, so the form shows the same rules the API applies.
 */
import type { FieldProblem } from './rules.ts';

/** A written request the front door asked for on a call is due this many hours after the call. */
export const WRITTEN_REQUEST_DUE_HOURS = 4;
/** A call is recorded the day it happens, or soon after: older than this is a mistake. */
export const CALL_RECORDED_WITHIN_DAYS = 7;

export const WRITTEN_REQUEST_ANSWERS = ['needed', 'not_needed'] as const;
export type WrittenRequestAnswer = (typeof WRITTEN_REQUEST_ANSWERS)[number];

/** The front door's views of its calls: waiting for the written request, received, or none asked. */
export const CONSULTATION_VIEWS = ['awaiting', 'received', 'not_needed'] as const;
export type ConsultationView = (typeof CONSULTATION_VIEWS)[number];

export const CONSULTATION_VIEW_LABELS: Record<ConsultationView, string> = {
  awaiting: 'Waiting for the written request',
  received: 'Written request received',
  not_needed: 'No written request needed',
};

/** When the written request asked for on a call is due. */
export function writtenRequestDueAt(calledAt: string): string {
  return new Date(Date.parse(calledAt) + WRITTEN_REQUEST_DUE_HOURS * 3_600_000).toISOString();
}

/** What the schema cannot say about a call: when it was, and whom a written request will be about. */
export function consultationProblems(
  input: {
    calledAt: string;
    writtenRequest: WrittenRequestAnswer;
    child?: { firstName?: string; lastName?: string; dateOfBirth?: string } | undefined;
  },
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = Date.parse(input.calledAt);
  if (at > now.getTime() + 60_000)
    problems.push({ field: 'calledAt', reason: 'The call must be now or in the past' });
  else if (at < now.getTime() - CALL_RECORDED_WITHIN_DAYS * 86_400_000)
    problems.push({
      field: 'calledAt',
      reason: `Record calls within ${CALL_RECORDED_WITHIN_DAYS} days of them`,
    });
  // The written request is linked to the call by the child: without her name and date of birth it cannot be.
  if (input.writtenRequest === 'needed') {
    if (!input.child?.firstName || !input.child.lastName)
      problems.push({
        field: 'child.firstName',
        reason: 'Enter the child’s name, so the written request can be linked to this call',
      });
    if (!input.child?.dateOfBirth)
      problems.push({
        field: 'child.dateOfBirth',
        reason: 'Enter the child’s date of birth, so the written request can be linked to this call',
      });
  }
  return problems;
}
