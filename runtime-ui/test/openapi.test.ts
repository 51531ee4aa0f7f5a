import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The typed client's schema.d.ts is what openapi-typescript makes of the committed openapi.json; the engine's
 * OpenApiContractIntegrationTests checks that openapi.json matches the server's live /v3/api-docs.
 */
describe('generated API types', () => {
  it('match the committed OpenAPI snapshot', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'placera-openapi-')), 'schema.d.ts');
    execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', 'src/api/openapi.json', '-o', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('src/api/schema.d.ts', 'utf8'));
  }, 60_000);
});
