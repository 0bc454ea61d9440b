const KEY = "capstats.apiToken";

/**
 * The API token, kept for this browser tab only (sessionStorage): it is a credential, so it
 * is never put in the URL and does not outlive the tab.
 */
export class TokenStore {
  private listeners: (() => void)[] = [];

  constructor(private readonly storage: Storage) {}

  get(): string {
    return this.storage.getItem(KEY) ?? "";
  }

  set(token: string): void {
    const trimmed = token.trim();
    if (trimmed) this.storage.setItem(KEY, trimmed);
    else this.storage.removeItem(KEY);
    for (const l of this.listeners) l();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
