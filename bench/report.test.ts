import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSection } from './report.ts';

const dir = await mkdtemp(path.join(os.tmpdir(), 'sit-bench-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeSection', () => {
  it('replaces its own section and keeps the others', async () => {
    const file = path.join(dir, 'benchmarks.md');
    await writeFile(file, '# B\n\n<!-- bench:otro:start -->\notro\n<!-- bench:otro:end -->\n');
    await writeSection('api', 'primera', file);
    await writeSection('api', 'segunda', file);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('otro');
    expect(text).toContain('segunda');
    expect(text).not.toContain('primera');
    expect(text.match(/bench:api:start/g)).toHaveLength(1);
  });
});
