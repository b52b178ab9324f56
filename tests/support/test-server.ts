import type { AddressInfo } from 'node:net';
import { openTestApp, type TestApp } from './test-app.ts';

export interface TestServer extends TestApp {
  /** http://127.0.0.1:PORT without a trailing slash. */
  baseUrl: string;
}

/** The real app listening on a free loopback port, for real clients (GDAL, Chromium). */
export async function startTestServer(): Promise<TestServer> {
  const testApp = await openTestApp();
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, baseUrl: `http://127.0.0.1:${port}` };
}
