import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from '../src/api/client';

/** Sign-out after a Keycloak login must go on to Keycloak's end-session address (docs/security.md). */
describe('auth.logout', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  function stubLogoutResponse(response: Response) {
    const fetchMock = vi.fn(async () => response);
    vi.stubGlobal('fetch', fetchMock);
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    return { fetchMock, assign };
  }

  it('opens the end-session address the server gives after a Keycloak login', async () => {
    const url = 'https://idp.example.se/realms/placera/protocol/openid-connect/logout?id_token_hint=x';
    const { fetchMock, assign } = stubLogoutResponse(
      new Response(JSON.stringify({ endSessionUrl: url }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    await auth.logout();
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/logout', expect.objectContaining({ method: 'POST' }));
    expect(assign).toHaveBeenCalledWith(url);
  });

  it('stays in the app after a password login (204)', async () => {
    const { assign } = stubLogoutResponse(new Response(null, { status: 204 }));
    await auth.logout();
    expect(assign).not.toHaveBeenCalled();
  });
});
