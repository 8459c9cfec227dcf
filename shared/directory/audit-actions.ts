/**
 * What each audit entry's action means, in words a person reading the trail (or a parent reading a
 * subject access report) understands. The admin's pages and the report's CSV both use these.
 * Pure and free of zod, so a web page can import it without the schemas.
 */
const ACTION_LABELS: Record<string, string> = {
  'standards.change': 'Changed the partnership’s early-help standards',
  'referral.create': 'Started the referral',
  'referral.create.replayed': 'Sent the same referral again (nothing new was made)',
  'referral.update': 'Changed the draft referral',
  'referral.read': 'Opened the referral',
  'referral.listed': 'Saw the referral in a list',
  'referral.list': 'Listed referrals',
  'referral.submit': 'Sent the referral to the front door',
  'referral.withdraw': 'Withdrew the referral',
  'referral.review': 'Started reviewing the referral',
  'referral.decide': 'Recorded the front door’s decision',
  'referral.close': 'Closed the referral',
  'referral.note': 'Added a note to the referral',
  'referral.remind': 'Reminded the front door that a decision is due',
  'referral.reassign': 'Handed the referral to another member of the front door',
  'referral.flag_duplicate': 'Flagged the referral: the same child was referred again',
  'referral.team_join': 'Joined the front door’s team (first use of the queue)',
  'referral.attachment.create': 'Started attaching a document to the referral',
  'referral.attachment.create.replayed': 'Started attaching the same document again (nothing new was made)',
  'referral.attachment.complete': 'Attached a document to the referral',
  'referral.attachment.refuse':
    'A document sent with the referral was refused (not a type the portal accepts, or too large) and deleted',
  'referral.attachment.list': 'Saw the list of documents attached to the referral',
  'referral.attachment.download': 'Downloaded a document attached to the referral',
  'consultation.create': 'Recorded a consultation call with the front door',
  'consultation.read': 'Opened the record of a consultation call',
  'consultation.list': 'Listed consultation calls',
  'consultation.listed': 'Saw the consultation call in a list',
  'consultation.link': 'Linked the consultation call to the written request that followed it',
  'episode.create': 'Started the early-help episode',
  'episode.read': 'Opened the early-help episode',
  'episode.listed': 'Saw the early-help episode in a list',
  'episode.list': 'Listed early-help episodes',
  'episode.lead-request': 'Asked an agency to lead the early-help episode',
  'episode.lead-answer': 'Answered the request to lead the early-help episode',
  'episode.consent': 'Recorded what the family agreed to share',
  'episode.team': 'Set the team around the family',
  'episode.assessment': 'Saved the Early Help Assessment',
  'episode.plan': 'Agreed the early-help plan',
  'episode.review': 'Recorded a review of the early-help plan',
  'episode.close': 'Closed the early-help episode',
  'episode.alarm': 'Alarmed the lead agency and the front door that a step is overdue',
  'agency.create': 'Added the agency',
  'agency.update': 'Changed the agency',
  'guidance.draft': 'Started a draft of the guidance',
  'guidance.edit': 'Edited the draft guidance',
  'guidance.approve': 'Approved the draft guidance for publishing (as the second editor)',
  'guidance.publish': 'Published the guidance',
  'action.create': 'Added the action',
  'action.update': 'Changed the action',
  'action.progress': 'Recorded progress on the action',
  'action.close': 'Closed the action',
  'action.verify': 'Verified a progress update on the action, as a second board member',
  'action.challenge': 'Challenged the action, as the independent chair',
  'action.challenge_response': 'Responded to the chair’s challenge on the action, for the owner agency',
  'service.create': 'Added the service to the directory (a draft)',
  'service.update': 'Changed the service’s entry',
  'service.publish': 'Published the service in the directory',
  'service.unpublish': 'Took the service out of the directory',
  'service.check': 'Confirmed the service’s entry is still right',
  'audit.read': 'Read the audit trail',
  'audit.subject-access': 'Searched the audit trail for a subject access request',
};

/** A plain description of an action; a refused route (`GET /api/...`) is described as an attempt. */
export function auditActionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  if (/^[A-Z]+ \//.test(action)) return `Tried ${action}`;
  return action;
}

/** The kinds of record the trail is kept for, as the admin's search names them. */
export const AUDIT_ENTITY_TYPES = [
  'standards',
  'referral',
  'agency',
  'guidance',
  'action',
  'route',
  'referral-list',
  'front-door-team',
  'consultation',
  'episode',
  'episode-list',
  'user',
  'person',
  'subject-access',
  'service',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const AUDIT_ENTITY_LABELS: Record<AuditEntityType, string> = {
  standards: 'The partnership’s early-help standards',
  referral: 'Referral',
  agency: 'Partner agency',
  guidance: 'Threshold guidance version',
  action: 'Board action',
  route: 'Refused request (by route)',
  'referral-list': 'List of referrals',
  'front-door-team': 'The front door’s team',
  consultation: 'Consultation call',
  episode: 'Early-help episode',
  'episode-list': 'List of early-help episodes',
  user: 'A person’s trail being read',
  person: 'A person’s access (suspended, restored, revoked)',
  'subject-access': 'Subject access search',
  service: 'Service in the directory',
};
