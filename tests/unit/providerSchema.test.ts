import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProvider } from '../../src/config/providerSchema.ts';

const valid = parse(readFileSync('content/provider.yaml', 'utf8')) as Record<string, unknown>;

function withChange(change: Record<string, unknown>): unknown {
  return { ...valid, ...change };
}

describe('provider configuration', () => {
  it('accepts the shipped content/provider.yaml', () => {
    expect(parseProvider(valid).serviceName).toBe(valid['serviceName']);
  });

  it.each([
    ['phone', { phone: '12345' }, /phone: must be a UK phone number/],
    ['phone written as a number', { phone: 1134960123 }, /phone: must be a phone number in quotes/],
    ['text number', { text: '0113 496 0123' }, /text: must be a UK mobile number/],
    ['email', { email: 'not-an-email' }, /email: must be an email address/],
    ['response target', { responseTargetWorkingDays: 0 }, /responseTargetWorkingDays:/],
    ['self-referrals', { selfReferrals: 'yes' }, /selfReferrals:/],
    ['opening time', { hours: [{ days: ['mon'], opens: '9am', closes: '17:00' }] }, /hours\.0\.opens: must be a 24-hour time/],
    ['closing before opening', { hours: [{ days: ['mon'], opens: '17:00', closes: '09:00' }] }, /hours\.0\.closes: closes must be later than opens/],
    ['unknown day', { hours: [{ days: ['funday'], opens: '09:00', closes: '17:00' }] }, /hours\.0\.days\.0:/],
    ['crisis contacts', { crisisContacts: [] }, /crisisContacts: must list at least one crisis contact/],
    ['video relay over http', { videoRelay: 'http://example.org/relay' }, /videoRelay: must be an https:\/\/ address/],
    ['an unknown field', { fax: '0113 496 0000' }, /fax/],
  ])('rejects a wrong %s and names the field', (_name, change, message) => {
    expect(() => parseProvider(withChange(change), 'content/provider.yaml')).toThrow(message);
  });

  it('names the file in the message', () => {
    expect(() => parseProvider(withChange({ phone: 'x' }), 'content/provider.yaml')).toThrow(/^content\/provider\.yaml is not valid/);
  });
});
