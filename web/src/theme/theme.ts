/**
 * Light or dark: follows the system setting until the user picks one, and remembers the pick.
 * The resolved theme is written to <html data-theme>, which the stylesheet keys its colours on.
 */
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = "light" | "dark";

const KEY = "devladder.theme";

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === "system") return systemPrefersDark ? "dark" : "light";
  return choice;
}

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.some((choice) => choice === value);
}

export function storedChoice(storage: Pick<Storage, "getItem">): ThemeChoice {
  const value = storage.getItem(KEY);
  return isThemeChoice(value) ? value : "system";
}

export function storeChoice(storage: Pick<Storage, "setItem" | "removeItem">, choice: ThemeChoice) {
  if (choice === "system") storage.removeItem(KEY);
  else storage.setItem(KEY, choice);
}

export const darkQuery = () => window.matchMedia("(prefers-color-scheme: dark)");

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

/** Before the first render, so the page never flashes in the other theme. */
export function applyStoredTheme(): void {
  applyTheme(resolveTheme(storedChoice(window.localStorage), darkQuery().matches));
}
