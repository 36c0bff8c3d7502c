import { describe, expect, it } from 'vitest';
import { maxFormBytes, uploadPaths } from '../../../web/middleware/security.js';
import { createApp } from '../../../web/app.js';
import { importPaths } from '../../../web/admin/import/import-paths.js';
import { memoryDeps } from '../../support/memory-deps.js';
import { config } from './import-fixture.js';

const origin = new URL(config.baseUrl).origin;
const app = createApp(memoryDeps({ config }));
const body = () => {
  const form = new FormData();
  form.set('plan', new File([new Uint8Array(maxFormBytes + 1024).fill(65)], 'plan.csv'));
  return form;
};

describe('the app-wide form body limit', () => {
  it('lets an upload through to the import route, which has its own limit', async () => {
    expect(uploadPaths).toContain(importPaths.upload);
    const res = await app.request(importPaths.upload, { method: 'POST', headers: { origin }, body: body() });
    expect(res.status).not.toBe(413);
  });

  it('still holds everywhere else, a similar path included', async () => {
    for (const path of ['/u/new-link', `${importPaths.upload}/`, '/admin/import/abc/confirm', '/admin/sign-in']) {
      const res = await app.request(path, { method: 'POST', headers: { origin }, body: body() });
      expect(res.status, path).toBe(413);
    }
  });
});
