/** Where the API client keeps the refresh token: see browser-session.ts for the browser's. */
export interface TokenStore {
  read: () => string | null;
  write: (token: string | null) => void;
}

export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    read: () => token,
    write: (next) => {
      token = next;
    },
  };
}
