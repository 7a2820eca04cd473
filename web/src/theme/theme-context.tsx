import { createContext, useContext, type ReactNode } from "react";
import type { Theme, ThemeChoice } from "./theme.js";
import { useTheme } from "./use-theme.js";

interface ThemeState {
  readonly choice: ThemeChoice;
  readonly theme: Theme;
  choose: (choice: ThemeChoice) => void;
}

const ThemeContext = createContext<ThemeState | null>(null);

export function ThemeProvider({ children }: { children: ReactNode }) {
  return <ThemeContext.Provider value={useTheme()}>{children}</ThemeContext.Provider>;
}

export function useThemeState(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error("useThemeState is used outside <ThemeProvider>");
  return state;
}
