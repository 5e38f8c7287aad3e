import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { parseProvider, type Provider } from './providerSchema.ts';

/** content/provider.yaml under the working directory, or the file PROVIDER_CONFIG names. */
export function providerFile(): string {
  return resolve(process.env['PROVIDER_CONFIG'] ?? 'content/provider.yaml');
}

let cached: Provider | undefined;

/** Reads and validates the provider's details once; throws naming the bad field. */
export function loadProvider(file = providerFile()): Provider {
  if (file !== providerFile()) return parseProvider(parse(readFileSync(file, 'utf8')), file);
  cached ??= parseProvider(parse(readFileSync(file, 'utf8')), file);
  return cached;
}
