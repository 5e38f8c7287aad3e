/** Vocabularies shared by the outbox, the worker, the logs and the operator commands. */

/** A referral from the public form, a call-back request, a referral from the staff form. */
export const KINDS = ['referral', 'callback', 'staff-referral'] as const;
export type Kind = (typeof KINDS)[number];

export const PRIORITY_LEVELS = ['urgent', 'soon', 'routine'] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

export const STATES = ['pending', 'delivered', 'stuck'] as const;
export type State = (typeof STATES)[number];

/** Why a delivery attempt failed, without any detail that could carry personal data. */
export const ERROR_CLASSES = [
  'timeout',
  'network',
  'rate-limited',
  'server-error',
  'idempotency-busy',
  'idempotency-conflict',
  'rejected',
  'cannot-decrypt',
  'sink-failed',
  'internal',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export const REJECT_REASONS = [
  'method',
  'cross-origin',
  'content-type',
  'too-large',
  'too-many-fields',
  'rate-limited',
  'unreadable',
  'unavailable',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
